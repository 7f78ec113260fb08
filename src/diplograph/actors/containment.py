"""Later partial mentions link to the full name in the same document, by name-part containment (issue 15).

``mention.name_parts``: a person the text names in full is written later with some of its parts — a
compound surname (``Tavares Bastos``), a double given name (``Rui Miguel``), the first surname with a
particle (``Sousa e Lima``), a given name after a three-part name, or the same name spelt another way
part by part (``Anwer-uz-Karim`` for ``Anwar-Uz-Karim``: one vowel, hyphens for spaces). Each written
form of a name is cut into its parts (``name_structure.parts``; hyphenated words into their pieces,
linking syllables and particles left out); a shorter form whose parts are, in order, parts of the
written full name of exactly ONE person of the document (spelling-insensitive: ``identity.tier``) is that
person. Two people who fit (two Kims) leave it alone; a son (``Jr.``) is never his father; an actor with
an identity of its own (a table leader, a coded organisation) is never absorbed, only new names, unknown
entities and namesakes the tables matched by one word.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import word_class
from ..text.fold import ascii_fold
from ..records import Actor
from ..rules import REGISTRY
from .decide import mention_rule, switched_on
from .identity import FAMILY_RULES, move_mentions, tier
from .name_structure import parts
from .spelling import units
from .state import State

NAME_PARTS = mention_rule("mention.name_parts", 0.75,
                          "a later form of a name whose parts are, in order and spelling-insensitively, parts of the "
                          "written full name of exactly one person of the document is that person", ("actors",))

# Rules whose mentions give an actor no identity of its own: such an actor may be a part of a fuller name.
_WEAK = ("mention.person_new", "mention.unknown_entity", "mention.unresolved_located", "mention.person_kb_surname",
         "mention.fuzzy_transliteration", "mention.given_name_alone", "mention.surname_alias", "mention.same_person",
         "mention.partial_name", "mention.name_parts")
_JUNIOR = re.compile(r"\b(Jr|Sr|Junior|Senior|II|III|IV)\b\.?")


@lru_cache(maxsize=1 << 14)
def pieces(name: str) -> tuple[tuple[str, str], ...]:
    """The units of a written name's parts, hyphenated words cut into their pieces, linking syllables out."""
    links = word_class("hyphen_name_particles")
    out: list[tuple[str, str]] = []
    for w in parts(_JUNIOR.sub(" ", name)):
        for p in w.split("-"):
            if p and p.lower() not in links and (u := units(p)):
                out.append(u[0])
    return tuple(out)


@lru_cache(maxsize=1 << 15)
def inside(short: tuple, long_: tuple) -> bool:
    """Every piece of ``short``, in order, agrees with a distinct piece of ``long_`` (the same name spelt
    another way when they are as long)."""
    if not short or len(short) > len(long_):
        return False
    j = 0
    for u in short:
        while j < len(long_) and tier(u, long_[j]) is None:
            j += 1
        if j == len(long_):
            return False
        j += 1
    return True


@lru_cache(maxsize=1 << 14)
def _start(u: tuple[str, str]) -> frozenset[str]:
    """Cheap classes of a piece's first sound, of which any spelling ``identity.tier`` accepts keeps one: the
    first letter's and the consonant skeleton's first letter's, with the letters romanisations swap for one
    sound as one class (``variants``' first-letter groups; s/j for Turkic c; vowels and i/y/j together)."""
    return frozenset(_letter_class(c) for c in {u[0][:1], u[1][:1]} if c)


def _letter_class(c: str) -> str:
    for group in ("khxqgc", "jyiszaeouw", "vwb", "td", "fp"):
        if c in group:
            return group
    return c


def _weak(a: Actor) -> bool:
    return a.type in ("person", "group") and not (a.type == "group" and a.code) and all(
        (m.rule or "") in _WEAK for m in a.mentions) and not any(
        (m.rule or "").startswith(FAMILY_RULES) for m in a.mentions)


def _forms(a: Actor) -> set[tuple]:
    """The written full forms of a person: the actor's name and every mention of two parts or more."""
    out = {pieces(a.name)}
    for m in a.mentions:
        if (m.method or "") != "coref":
            p = pieces(m.text)
            if len(p) >= 2:
                out.add(p)
    return {p for p in out if len(p) >= 2}


def link_contained_names(st: State, one_part: bool = False) -> None:
    """Weak actors whose forms are parts of one fuller name; ``one_part``: only those named by one part (run
    last, after the nickname and descriptor passes, so that a given name alone does not change what they
    see), else only those named by two parts or more, and the unread runs."""
    if not switched_on(NAME_PARTS):
        return
    people = [a for a in st.out.actors.values() if a.type == "person"]
    if not people:
        return
    forms = {a.id: _forms(a) for a in people}
    junior = {a.id for a in people if _JUNIOR.search(a.name)}
    weak = [x for x in st.out.actors.values() if _weak(x)]
    starts = {b: frozenset().union(*(_start(u) for f in fs for u in f)) for b, fs in forms.items()} if weak else {}
    for a in sorted(weak, key=lambda x: len(pieces(x.name))):
        if a.id not in st.out.actors or not _weak(a):
            continue
        mine = [pieces(m.text) for m in a.mentions if (m.method or "") != "coref"]
        mine = [p for p in mine if p] or [pieces(a.name)]
        if not all(mine) or one_part != any(len(p) == 1 for p in mine):
            continue
        fits = None
        for p in mine:
            here = {b for b, fs in forms.items() if b != a.id and all(_start(u) & starts[b] for u in p)
                    and b in st.out.actors
                    and (b not in junior or _JUNIOR.search(a.name)) and any(inside(p, f) for f in fs)}
            if len(p) == 1:  # one part: only a given name or a family name (first or last part) of a fuller form
                here = {b for b in here if any(tier(p[0], f[0]) is not None or tier(p[0], f[-1]) is not None
                                               for f in forms[b])}
            fits = here if fits is None else fits & here
        if fits and len(fits) > 1:
            fits = _written_in(st, a, fits)  # two fit by spelling: the one whose name has it as written
        if not fits or len(fits) != 1:
            continue
        target = st.out.actors[fits.pop()]
        if any(len(p) == 1 for p in mine) and not _alone_ok(st, a, target, people):
            continue
        move_mentions(st, a, target, NAME_PARTS, method="alias")
        forms[target.id] |= _forms(target)
        starts[target.id] = frozenset().union(*(_start(u) for f in forms[target.id] for u in f))
    if not one_part:
        _unread_runs(st, forms, junior)


def _unread_runs(st: State, forms: dict[str, set[tuple]], junior: set[str]) -> None:
    """A written name of two parts or more that no rule read (``General Anwer-uz-Karim``: no entity, no table)
    whose parts are parts of one person's full name."""
    from ..nlp import pos_of, texts_of
    from .name_structure import grow
    from .state import add_mention, capitalised_tokens, key_of

    stop = set(st.out.token_actor) | set(st.hits) | st.reserved | st.things
    texts, pos = texts_of(st.doc), pos_of(st.doc)
    known = frozenset().union(*(_start(u) for fs in forms.values() for f in fs for u in f))
    i_done = -1
    for i in capitalised_tokens(st):
        if i <= i_done or i in stop or pos[i] != "PROPN":
            continue
        first = pieces(texts[i])
        if first and not _start(first[0]) & known:
            continue  # the run's first word starts like no part of anyone's name: the cheap test first
        s, e = grow(st.doc, i, i + 1, stop)
        i_done = e - 1
        p = pieces(" ".join(texts[s:e]))
        if len(p) < 2:
            continue
        fits = {b for b, fs in forms.items() if b in st.out.actors and b not in junior and any(inside(p, f) for f in fs)}
        if len(fits) == 1:
            add_mention(st, s, e, key_of(st.out.actors[fits.pop()]), "alias", REGISTRY[NAME_PARTS].confidence,
                        NAME_PARTS)


def _folded(text: str) -> str:
    return " " + re.sub(r"[^a-z]+", " ", ascii_fold(text).lower()).strip() + " "


def _written_in(st: State, a: Actor, fits: set[str]) -> set[str]:
    """Of several people whose names contain ``a``'s parts by spelling, those whose written name contains every
    form of ``a`` word for word (``Abd El-Fattah`` in ``Alaa Abd El-Fattah``, not in ``Abdel Fattah X``)."""
    mine = {_folded(m.text) for m in a.mentions if (m.method or "") != "coref"}
    out = set()
    for b in fits:
        theirs = [_folded(x) for x in [st.out.actors[b].name] + [m.text for m in st.out.actors[b].mentions]]
        if all(any(f in t for t in theirs) for f in mine):
            out.add(b)
    return out


def _alone_ok(st: State, a: Actor, target: Actor, people: list[Actor]) -> bool:
    """A one-part name: no other person of the document has that part anywhere in a written form."""
    for m in a.mentions:
        p = pieces(m.text)
        if len(p) != 1:
            continue
        for b in people:
            if b.id in (a.id, target.id) or b.id not in st.out.actors:
                continue
            if any(tier(p[0], u) is not None for f in _forms(b) | {pieces(b.name)} for u in f):
                return False
    return True


def part_of_document_name(st: State, name: str) -> bool:
    """A name of several words whose parts are, in order, parts of a LONGER name the document has already
    given a person (``Abd El-Fattah`` after ``Alaa Abd El-Fattah``): that person's, not a namesake's of the
    tables (``link_contained_names`` links it)."""
    if " " not in name.strip() or not switched_on(NAME_PARTS):
        return False
    mine = pieces(name)
    if not mine:
        return False
    # Only names the text wrote (a table's longer name for a person matched by one word is no written name).
    return any(a.type == "person" and len(p := pieces(m.text)) > len(mine) and inside(mine, p)
               for a in st.out.actors.values() for m in a.mentions if " " in m.text.strip())
