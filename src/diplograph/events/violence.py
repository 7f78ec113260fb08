"""Who fights whom: PLOVER's lines between FIGHT, ASSAULT, COERCE and PROTEST, read from the parties.

PLOVER (and CAMEO) call violence between organised armed parties FIGHT (19), one-sided violence
against people who do not fight back ASSAULT (18/20), force a state's security organs use on a
crowd repression (COERCE, 175), and violence by an unorganised crowd a riot (PROTEST, 145). The
dictionary codes the verb (``attack``, ``kill``, ``clash``); these rules re-code a violent
candidate from its parties, as the actor stage resolved them and as the parse shows them:

- ``event.one_sided_violence``: FIGHT against a target that is not armed (civilians, villagers, a
  school, a journalist) is ASSAULT (180);
- ``event.armed_exchange``: an unspecified attack (180, 182) between two armed parties is FIGHT (190);
- ``event.repression``: violence by a state's security organs against a crowd is repression (175);
- ``event.crowd_violence``: violence by a crowd against a party that is not armed is a riot (145).

Armed sectors, security sectors and crowd nouns are word classes (``data/lexicons/classes``).
"""
from __future__ import annotations

from typing import Any

from ..actors.state import ResolvedActors
from ..lexicon import word_class
from ..nlp import sent_of
from ..records import Actor
from ..rules import REGISTRY
from .candidates import Candidate

ONE_SIDED = REGISTRY.declare(
    "event.one_sided_violence", stage="events", kind="event", reads=("actors", "lexicon:armed_sectors"),
    confidence=0.7, description="FIGHT against an unarmed target is ASSAULT (PLOVER)")
ARMED_EXCHANGE = REGISTRY.declare(
    "event.armed_exchange", stage="events", kind="event", reads=("actors", "lexicon:armed_sectors"),
    confidence=0.6, description="an unspecified attack between two armed parties is FIGHT (PLOVER)")
REPRESSION = REGISTRY.declare(
    "event.repression", stage="events", kind="event",
    reads=("actors", "parse", "lexicon:security_sectors", "lexicon:crowd_nouns"),
    confidence=0.6, description="violence by security organs against a crowd is repression, COERCE 175")
CROWD = REGISTRY.declare(
    "event.crowd_violence", stage="events", kind="event", reads=("actors", "parse", "lexicon:crowd_nouns"),
    confidence=0.6, description="violence by a crowd against an unarmed party is a riot, PROTEST 145")

_VIOLENT = ("18", "19", "20")
_SUBJECTS = ("nsubj", "agent")
_OBJECTS = ("dobj", "nsubjpass", "pobj", "prep")


def _sectors(actor: Actor) -> list[str]:
    code = actor.code or ""
    rest = code[3:] if actor.country and code.startswith(actor.country) else code
    return [rest[i:i + 3] for i in range(0, len(rest), 3)]


def armed(actor: Actor | None) -> bool | None:
    """Whether an actor is an armed party: a state, or a code with an armed sector; None: unknown."""
    if actor is None:
        return None
    if actor.type == "state":
        return True
    if not actor.code:
        return None if actor.type in ("group", "unknown") else False
    sectors = _sectors(actor)
    if len(actor.code) == 3 and actor.type != "sector" and not actor.code.startswith(("IGO", "NGO", "MNC")):
        return True  # a bare state code (a user's dictionary may not type its states)
    return any(s in word_class("armed_sectors") for s in sectors)


def _security(actor: Actor | None) -> bool:
    return actor is not None and (actor.type == "state" or
                                  any(s in word_class("security_sectors") for s in _sectors(actor)))


def _side_words(trigger: Any, deps: tuple[str, ...]) -> set[str]:
    """Lemmas of the trigger's arguments in those relations (through a preposition or 'by')."""
    out: set[str] = set()
    for c in trigger.children:
        if c.dep_ in deps:
            heads = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ in ("prep", "agent") else [c]
            out.update(h.lemma_.lower() for h in heads)
    return out


def crowd_side(c: Candidate, actors: ResolvedActors, side: str) -> bool:
    crowd = word_class("crowd_nouns")
    aid = c.source if side == "source" else c.target
    sent = sent_of(c.trigger)
    if aid is not None and any(actors.token_actor.get(t.i) == aid and t.lemma_.lower() in crowd for t in sent):
        return True
    return bool(_side_words(c.trigger, _SUBJECTS if side == "source" else _OBJECTS) & crowd)


def recode(c: Candidate, actors: ResolvedActors) -> tuple[str, str] | None:
    """(new code, rule) for a violent candidate whose parties say another type, else None."""
    root = c.code[:2]
    if root not in _VIOLENT or c.nominal:
        return None
    src = actors.actors.get(c.source) if c.source else None
    tgt = actors.actors.get(c.target) if c.target else None
    if _security(src) and crowd_side(c, actors, "target") and REGISTRY.enabled(REPRESSION):
        return "175", REPRESSION
    if crowd_side(c, actors, "source") and armed(tgt) is not True and not _security(src) and REGISTRY.enabled(CROWD):
        return "145", CROWD
    if root == "19" and armed(tgt) is False and REGISTRY.enabled(ONE_SIDED):
        return "180", ONE_SIDED
    if c.code in ("180", "182") and armed(src) and armed(tgt) and REGISTRY.enabled(ARMED_EXCHANGE):
        return "190", ARMED_EXCHANGE
    return None


def apply_violence_rules(actors: ResolvedActors, candidates: list[Candidate]) -> list[Candidate]:
    """Re-code the violent candidates whose parties say so (in place); returns the candidates."""
    for c in candidates:
        got = recode(c, actors)
        if got is not None:
            c.code, c.rules["event"] = got
    return candidates
