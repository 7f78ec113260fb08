"""Widely used sobriquets of leaders (``mention.known_sobriquet``): ``data/kb/sobriquets.tsv`` (a source for
each) and the nicknames the leader tables quote inside a holder's name.

A sobriquet is found in the document's text, not token by token, so that hyphens, apostrophes and
an article in either case (``the Lady``/``The Lady``) match however the tokenizer split them. It is
read only when the person or their state is named in the same document (otherwise the word most
likely has another sense), and not where it stands before a capitalised name (``Baba X`` is an
honorific, for ``mention.honorific_name``) nor where a known actor's name already holds the words.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..lexicon import table
from ..nlp import text_of
from ..records import Actor
from ..rules import REGISTRY
from .decide import mention_rule
from .leaders import load_leaders
from .name_forms import claim, weak_actor
from .spelling import shared_units, units
from .state import CAPITALISED, State, slug

SOBRIQUET = mention_rule("mention.known_sobriquet", 0.7,
                         "a widely used sobriquet of a leader (kb/sobriquets.tsv, leader tables), when the person or "
                         "their state is named in the document", ("kb:sobriquets", "leaders", "actors"))


@lru_cache(maxsize=1)
def sobriquets() -> dict[str, tuple[str, str]]:
    """Sobriquet (an article lower-cased) → (person, state)."""
    out: dict[str, tuple[str, str]] = {}
    for r in table("kb", "sobriquets.tsv"):
        out[_norm(r["nickname"])] = (r["person"], r["state"])
    for ts in load_leaders().by_country.values():
        for t in ts:
            if t.nickname:
                out.setdefault(_norm(t.nickname), (t.leader, t.country))
    return out


def _norm(text: str) -> str:
    words = text.split()
    if words and words[0].lower() == "the":
        words[0] = "the"
    return " ".join(words)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """(the characters a sobriquet starts with, first character → the sobriquets that start with it).

    One alternation of all the sobriquets tried at every character of the text costs more than the rest
    of the rule: a match starts only at one of their first characters, and there only the sobriquets
    starting with it can match (kept in the same order, longest first, so the same one wins)."""
    alts: dict[str, list[str]] = {}
    for key in sorted(sobriquets(), key=len, reverse=True):
        words = key.split()
        parts = ["[Tt]he" if w == "the" and k == 0 else re.escape(w) for k, w in enumerate(words)]
        for first in ("T", "t") if words[0] == "the" else (key[0],):
            alts.setdefault(first, []).append(r"\s+".join(parts))
    # not inside a longer word (``Bat'ka`` is one word, ``AMLO's`` ends at the possessive)
    by_first = {c: re.compile(r"(?<![\w'’-])(?:" + "|".join(a) + r")(?!\w|-\w|['’](?!s\b)\w)")
                for c, a in alts.items()}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(by_first)) + "]"), by_first


def _matches(text: str) -> Iterator[re.Match[str]]:
    """The sobriquets in ``text``, left to right, not overlapping (as ``finditer`` of their alternation)."""
    starts, by_first = _patterns()
    pos = 0
    while (s := starts.search(text, pos)) is not None:
        m = by_first[text[s.start()]].match(text, s.start())  # the lookbehind still sees the text before
        pos = m.end() if m is not None else s.start() + 1
        if m is not None:
            yield m


def bind_sobriquets(st: State) -> None:
    doc = st.doc
    named_states = {a.country for a in st.out.actors.values() if a.country}
    for m in _matches(text_of(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        i, end = span.start, span.end
        if any(t in st.out.token_actor and not weak_actor(st, st.out.token_actor[t]) for t in range(i, end)):
            continue
        if end - i == 1 and end < len(doc) and CAPITALISED.match(doc[end].text) and doc[end].pos_ == "PROPN":
            continue  # "Baba Wekesa": an honorific before a name, not the sobriquet
        person, state = sobriquets()[_norm(" ".join(m.group(0).split()))]
        known = [a for a in st.out.actors.values() if a.type == "person" and shared_units(a.name, person) >=
                 min(2, len(units(a.name)), len(units(person)))]
        if not known and state not in named_states:
            continue  # neither the person nor their state is in the document: another sense
        target = known[0] if len(known) == 1 else None
        if target is None:
            role = load_leaders().role_on(person, st.on, state)
            code = role.code if role is not None else state
            aid = slug(person)
            target = st.out.actors.get(aid) or Actor(aid, person, "person", code, state, [])
            st.out.actors.setdefault(aid, target)
        claim(st, i, end, target, SOBRIQUET, REGISTRY[SOBRIQUET].confidence)
