"""Roles learned from the text: titles, nationalities and appositives around a person's name.

``Kazakh President Tokayev``, ``the former Kazakh leader Nursultan Nazarbayev``,
``Kazakh ** Tokayev`` (a redacted title), ``Salaheddine Sidhoum, Algeria's leading human
rights activist``. A role gives the person a country and a sector (agent code) as of the
document date; ``former``/``ex-`` turns a government code into the former-elite one.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..lexicon import table, word_class
from ..text.normalize import PLACEHOLDER
from .kb import KBHit, is_person_entry

FORMER_WORDS = word_class("former_words")
TIME_ANCHORS = word_class("time_anchor_words")
DEPUTY_WORDS = word_class("deputy_words")
SKIP_WORDS = word_class("role_skip_words")
APPOSITIVE_WORDS = word_class("role_appositive_words")
STYLES = word_class("style_titles")


@dataclass
class Role:
    country: str | None
    sector: str | None  # agent code without the country: GOV, MIL, GOVMIL, OPP, ELI …
    former: bool = False
    title: str | None = None  # the title words as written, e.g. "President"
    start: int = 0  # first token of the prefix that gave the role (demonym or title)
    redaction: int | None = None  # token index of a redacted title between nationality and name
    igo: str | None = None  # "U.N. mediator X": the organisation's code
    style: bool = False  # the title is a style of address (Sheikh X), no office: an office title before it wins
    then: bool = False  # "the then president X": the office at the time the text speaks of, not today's
    deputy: bool = False  # "Deputy ** X": the deputy of a hidden office

    @property
    def code(self) -> str | None:
        if self.igo and not self.country:
            return self.igo
        if not self.country and not self.sector:
            return None
        sector = self.sector or ""
        if self.former and sector.startswith("GOV"):
            sector = "ELI"
        elif self.former and not sector:
            sector = "ELI"
        return (self.country or "") + sector


def _country_of_hit(hit: KBHit, on) -> str | None:
    if hit.kind == "demonym":
        return hit.country
    if hit.kind == "actor" and hit.entry is not None:
        code = hit.entry.code_on(on)
        if code and len(code) == 3 and not code.startswith("IGO"):
            return code
    return None


def _state_of_person(hit: KBHit, on) -> str | None:
    """``Trump's special envoy X``: the state of a dictionary person whose possessive stands before a title."""
    if hit.kind != "actor" or hit.entry is None or not is_person_entry(hit.entry):
        return None
    code = hit.entry.code_on(on) or ""
    return code[:3] if len(code) >= 6 else None


@lru_cache(maxsize=1)
def _compound_words() -> frozenset[str]:
    """First words of compound offices (``foreign`` minister, ``Field`` marshal: kb/title_compounds.tsv)."""
    return frozenset(r["word"].strip().lower() for r in table("kb", "title_compounds.tsv"))


def role_before(doc: Doc, name_start: int, hits: dict[int, tuple[int, int, KBHit]], on) -> Role | None:
    """The role written just before a name: ``[the] [former] [Kazakh|Russia's] [President|**] Name``."""
    i = name_start - 1
    role = Role(None, None, start=name_start)
    seen_any = False
    appositive = False
    while i >= 0:
        t = doc[i]
        low = t.text.lower()
        if t.text == PLACEHOLDER and role.redaction is None and not seen_any:
            role.redaction = i
            role.start = i
            i -= 1
            continue
        if i in hits:
            s, e, hit = hits[i]
            if hit.kind == "agent" and hit.agent is not None and role.country is None and role.sector is None \
                    and role.redaction is not None and doc[s:e].text.lower() in DEPUTY_WORDS:
                # ``Deputy ** X``: the deputy of a hidden office (of the government, once a state is known: see
                # person_codes.new_person), not a member of a chamber of deputies
                role.deputy = True
                role.start = s
                seen_any = True
                i = s - 1
                continue
            if hit.kind == "agent" and hit.agent is not None and role.country is None:
                code = hit.agent.code
                if code.startswith("~") and (role.sector is None or appositive or role.style):
                    # A second title before an appositive comma ("Qatar's emir, Sheikh X") only
                    # leads on to its country; an office before a style ("former prime minister
                    # Sheikh X") is the role.
                    if role.sector is None or role.style:
                        role.sector = code[1:]
                        role.title = doc[s:e].text
                        role.style = role.title.lower() in STYLES
                    role.start = s
                    seen_any = True
                    i = s - 1
                    continue
                break
            if hit.kind == "actor" and hit.entry is not None and role.country is None and role.igo is None:
                code = hit.entry.code_on(on) or ""
                if code.startswith("IGO"):
                    role.igo = code
                    role.start = s
                    seen_any = True
                    i = s - 1
                    continue
            c = _country_of_hit(hit, on)
            if c and role.country is None:
                role.country = c
                role.start = s
                seen_any = True
                i = s - 1
                continue
            break
        if low in ("'s", "’s") and i - 1 in hits and role.country is None:
            c = _country_of_hit(hits[i - 1][2], on) or _state_of_person(hits[i - 1][2], on)
            if c:
                role.country = c
                role.start = hits[i - 1][0]
                seen_any = True
                i = hits[i - 1][0] - 1
                continue
        if low in FORMER_WORDS or low.startswith("ex-"):
            role.former = True
            i -= 1
            continue
        if low in TIME_ANCHORS or (low == "-" and i > 0 and doc[i - 1].lower_ in TIME_ANCHORS):
            role.then = True  # ``the then president X``, ``then-minister X``: no former, no present office
            i -= 1
            continue
        if low in SKIP_WORDS:
            i -= 1
            continue
        if low in word_class("counterpart_nouns") and role.sector is None and role.redaction is None and not seen_any:
            role.sector = "GOV"  # ``his Armenian counterpart X``: an official of that state, the possessor's office
            role.start = i
            seen_any = True
            i -= 1
            continue
        if role.redaction is not None and role.sector is None and role.country is None and not seen_any \
                and low in _compound_words():
            i -= 1  # ``the Turkish foreign ** X``: the visible first word of the hidden title; its state before it
            continue
        if low == "," and not appositive and i - 1 in hits and hits[i - 1][2].kind == "agent" and (
                seen_any or i == name_start - 1):
            appositive = True
            i -= 1
            continue
        break
    if not seen_any and role.redaction is None:
        return None
    if not seen_any:
        # A redaction alone is no role; it stays unrestored unless the name is known.
        role.start = name_start
    return role


def role_after(doc: Doc, name_end: int, hits: dict[int, tuple[int, int, KBHit]], on) -> Role | None:
    """An appositive after a name: ``Name, Algeria's leading activist,`` / ``Name, the Kazakh president``."""
    if name_end >= len(doc) or doc[name_end].text != ",":
        return None
    i = name_end + 1
    role = Role(None, None, start=name_end)
    for _ in range(8):
        if i >= len(doc):
            break
        t = doc[i]
        low = t.text.lower()
        if i in hits:
            s, e, hit = hits[i]
            if hit.kind == "agent" and hit.agent is not None and hit.agent.code.startswith("~"):
                role.sector = hit.agent.code[1:]
                role.title = doc[s:e].text
                return role if role.country or role.sector else None
            c = _country_of_hit(hit, on)
            if c and role.country is None:
                role.country = c
                i = e
                continue
            if hit.kind == "actor" and hit.entry is not None and (hit.entry.code_on(on) or "").startswith("IGO"):
                role.igo = hit.entry.code_on(on)
                i = e
                continue
            return None
        if low in FORMER_WORDS:
            role.former = True
        elif low in TIME_ANCHORS:
            role.then = True
        elif low in ("'s", "’s") or low in SKIP_WORDS or t.pos_ in ("ADJ", "ADV") or low in APPOSITIVE_WORDS:
            pass
        else:
            return None
        i += 1
    return None


def role_of_appositive(doc: Doc, name_end: int, hits: dict[int, tuple[int, int, KBHit]], on) -> Role | None:
    """The appositive noun phrase the parser attaches to a name, read whole: ``Name, the United
    Nations Emergency Relief Coordinator,`` → the IGO; ``Name, Algeria's leading rights activist``
    → DZA + the activist's sector. Its country, organisation and sector come from the knowledge-base
    phrases among the head noun and its modifiers (and an ``of`` phrase on the head)."""
    if name_end >= len(doc) or doc[name_end].text != ",":
        return None
    head = next((c for c in doc[name_end - 1].children if c.dep_ == "appos" and c.i > name_end), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    tokens = [t.i for t in head.subtree if name_end < t.i <= head.i]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            tokens += [g.i for g in prep.children if g.dep_ == "pobj"]
    role = Role(None, None, start=name_end)
    agent_spans: list[tuple[int, int, KBHit]] = []
    topic = False  # the country is a state's name compounded on the head (``an Iran analyst``)
    for i in tokens:
        if doc[i].lower_ in FORMER_WORDS:
            role.former = True
        elif doc[i].lower_ in TIME_ANCHORS:
            role.then = True
        if i not in hits or hits[i][0] != i:
            continue
        s, e, hit = hits[i]
        if hit.kind == "agent" and hit.agent is not None and hit.agent.code.startswith("~"):
            agent_spans.append((s, e, hit))
            continue
        c = _country_of_hit(hit, on)
        if c and role.country is None:
            role.country = c
            topic = hit.kind == "actor" and doc[e - 1].dep_ == "compound"
        elif hit.kind == "actor" and hit.entry is not None and role.igo is None and (
                hit.entry.code_on(on) or "").startswith("IGO"):
            role.igo = hit.entry.code_on(on)
    if agent_spans:
        s, e, hit = next((sp for sp in agent_spans if sp[0] <= head.i < sp[1]), agent_spans[-1])
        assert hit.agent is not None
        role.sector, role.title = hit.agent.code[1:], doc[s:e].text
    elif topic:
        # No sector noun: a state's name on an ordinary noun is what the person studies or
        # covers (``a senior Iran analyst``, ``a China scholar``), not their nationality.
        role.country = None
    return role if role.country or role.sector or role.igo else None
