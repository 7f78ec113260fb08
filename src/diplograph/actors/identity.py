"""One person, one actor: names of the same person the earlier passes read apart are joined.

Runs after every person name is resolved. Two rules:

- ``mention.same_person``: two person actors whose full names agree word by word
  (transliteration key, consonant skeleton, or a close spelling of a long word: ``Lee
  Jae-myeong`` ~ ``Lee Jae-myung``, ``Alyaksandr Lukashenka`` ~ ``Alexander Lukashenko``) are
  one person: every word of the shorter name (three of a long one) must agree, and ``Jr.``
  on one side only (a son) keeps them apart;
- ``mention.partial_name``: an actor the text only ever names with one word (a surname, a given
  name, a family name written first, or a garbled spelling: ``Lula``, ``Anutin``, ``Kim``,
  ``Erdoan``) is the one person of the document whose full name has that word; a word two
  people share (``Hun`` of Hun Sen and Hun Manet) links to neither. A known actor of another
  kind (a state, an organisation the knowledge base codes) is never taken.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import word_class
from ..records import Actor
from .decide import mention_rule, switched_on
from .spelling import h_dropped, initial_c_j, same_unit, units
from .state import State
from .variants import is_variant

SAME_PERSON = mention_rule("mention.same_person", 0.8,
                           "two person actors whose full names agree word by word (spelling-insensitive) are one",
                           ("actors",))
PARTIAL_NAME = mention_rule("mention.partial_name", 0.75,
                            "a name the text gives as one word is the one person of the document whose full name "
                            "has that word (surname, given name, family name first, or a close spelling)",
                            ("actors",))
BARE_USAGE = mention_rule("mention.partial_name_usage", 0.6,
                          "a one-word name (or a spelling of it) that two people of the document share goes to the one "
                          "the text already calls by that word alone (Hifter after X Haftar and Y Haftar, when Haftar "
                          "alone has been X)", ("actors",))

# Rules whose one-word mentions are names the person is known by (a garbled spelling of one is the person).
NICKNAME_RULES = ("mention.nickname_introduced", "mention.known_sobriquet", "mention.nickname_honorific")

# The family rules' prefix (``actors.families``): a family's group actor is never a partial name of a member.
FAMILY_RULES = "mention.family_"

_JUNIOR = re.compile(r"\b(Jr|Sr|Junior|Senior|II|III)\b\.?")


def _close(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two name words spelt alike (same key, same consonant skeleton, vowels folded), one with an aspiration
    ``h`` the other leaves out, or one a garbled spelling of the other by the learned acceptance
    (``variants.is_variant``: fitted on generated variants against other name words, not by hand)."""
    if same_unit(a, b):
        return True
    # An aspiration ``h`` a romanisation writes or leaves out (``Thaksin``/``Taksin``, ``Hlaing``/``Laing``,
    # ``Bhutto``/``Butto``): one ``h`` next to a consonant dropped, anywhere in a word of four letters or more.
    if h_dropped(a[0], b[0]) or initial_c_j(a[0], b[0]):
        return True
    return is_variant(a[0], b[0])


# The functions of names below are pure and asked again for every pair of people and every pass
# (the same names recur from document to document): each remembers its answers per string.
@lru_cache(maxsize=1 << 15)
def _agreeing(a: str, b: str) -> int:
    ub = units(b)
    return sum(1 for u in units(a) if any(_close(u, v) for v in ub))


@lru_cache(maxsize=1 << 14)
def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"\s+", _JUNIOR.sub(" ", name).replace(".", " ").strip()) if w)


def _mention_names(a: Actor, st: State) -> list[str]:
    """The name words each mention of the actor gives (titles, nationalities and redactions left out)."""
    return [_mention_name(m.text) for m in a.mentions]


@lru_cache(maxsize=1 << 14)
def _mention_name(text: str) -> str:
    words = [w for w in re.split(r"\s+", text.strip()) if w and w[:1].isupper() and w != "**"
             and w.lower() not in st_titles() and w.lower() not in _portfolios()]
    return " ".join(w.rstrip("'s").rstrip("’s") if w.endswith(("'s", "’s")) else w for w in words)


def _portfolios() -> frozenset[str]:
    """A title's portfolio word (``Interior`` of ``Interior Minister X``) is no word of the name after it."""
    from ..lexicon import word_class
    return word_class("portfolio_words")


def st_titles() -> frozenset[str]:
    from ..lexicon import word_class
    return word_class("office_words")


def move_mentions(st: State, src: Actor, dst: Actor, rule: str, only: list | None = None,
                  method: str | None = None) -> None:
    """Move ``src``'s mentions (all, or ``only``) to ``dst``, with their tokens, as made by ``rule``."""
    moving = list(src.mentions if only is None else only)
    spans = [(m.start, m.end) for m in moving]
    for m in moving:
        m.rule = rule
        if method:
            m.method = method
        dst.mentions.append(m)
    src.mentions = [m for m in src.mentions if m not in moving]
    for t, aid in list(st.out.token_actor.items()):
        if aid != src.id:
            continue
        tok = st.doc[t]
        ts, te = st.norm.to_original(tok.idx, tok.idx + len(tok))
        if any(s <= ts and te <= e for s, e in spans):
            st.out.token_actor[t] = dst.id
    if not src.mentions:
        # A token may belong to an actor outside its mentions (a city before a sector noun gives the state and
        # stays the noun's token): once every mention went to ``dst``, so do those tokens.
        for t, aid in list(st.out.token_actor.items()):
            if aid == src.id:
                st.out.token_actor[t] = dst.id
        del st.out.actors[src.id]
    dst.mentions.sort(key=lambda m: m.start)


def _core(words: Sequence[str]) -> Sequence[str]:
    """The name words without particles (``bin Rashad`` → ``Rashad``, ``Van der Molen`` → ``Molen``)."""
    from ..lexicon import word_class

    particles = word_class("name_comparison_particles")
    core = [w for w in words if w.lower() not in particles and w.split("-")[0].lower() not in ("al", "el")]
    return core or [w for w in words if w.lower() not in particles] or words


def core_words(name: str) -> list[str]:
    """A name's words without particles and ``Jr.`` (``Ana van der Molen`` → ``Ana``, ``Molen``)."""
    return list(_core(_words(name)))


def mention_words(text: str) -> list[str]:
    """The name words a mention's text gives (titles, portfolios, particles and redactions left out)."""
    return list(_core(_words(_mention_name(text))))


def named_in_full(st: State, a: Actor) -> bool:
    """The text names the actor with two name words or more somewhere (``_full``)."""
    return _full(st, a)


def family_units(name: str) -> tuple[tuple[str, str], ...]:
    """The units a person is called by alone: every word after the first of a name of three core words or more
    (a double surname's first part, ``Ortega`` of ``Manuel Ortega Vidal``; a middle family name), else the last
    word."""
    words = core_words(name)
    if not words:
        return ()
    return units(" ".join(words[1:] if len(words) >= 3 else words[-1:]))


def _full(st: State, a: Actor) -> bool:
    """The text names the actor with two words or more somewhere (particles aside: ``Bin Rashad`` is a
    family name with its particle, a partial name)."""
    return any(_names_two(m.text) for m in a.mentions)


@lru_cache(maxsize=1 << 14)
def _names_two(text: str) -> bool:
    """A mention's text gives two name words or more, particles aside (``_full``)."""
    return len(_core(_words(_mention_name(text)))) >= 2


def _join_adjacent(st: State) -> None:
    """Two person actors on adjacent proper nouns (``Luiz Inácio`` + ``Lula da Silva``, read apart by
    the tagger or the knowledge base) are one name: the actor with a code (else the first) keeps both,
    under the whole name."""
    from ..nlp import tokens_of

    if not switched_on(SAME_PERSON):
        return
    toks = tokens_of(st.doc)
    ta = st.out.token_actor
    for i in range(len(toks) - 1):
        a, b = ta.get(i), ta.get(i + 1)
        if a is None or b is None or a == b or toks[i].pos_ != "PROPN" or toks[i + 1].pos_ != "PROPN":
            continue
        if toks[i].whitespace_ == "" or not toks[i + 1].text[:1].isupper():
            continue
        A, B = st.out.actors.get(a), st.out.actors.get(b)
        if A is None or B is None or A.type != "person" or B.type != "person":
            continue
        if A.country and B.country and A.country != B.country and not (_one_word(st, A) or _one_word(st, B)):
            continue  # two names the text writes in full, each placed in its state: two people side by side
        # (A one-word table hit next to a longer name is a word of that written name whatever state the
        # tables give the word alone: ``Hassan`` after ``X Y`` is the third word of a three-part name.)
        keep, other = (B, A) if (B.code and not A.code) else (A, B)
        only = None
        if toks[i].lower_ in word_class("patronymic_particles"):
            # ``X bin Y``: Y here is the father's name inside the son's; Y's other mentions are the father (or
            # another Y), not the son: only the touching mention joins the son's name.
            keep, other = A, B
            only = [m for m in B.mentions if m.start == st.norm.to_original(toks[i + 1].idx,
                                                                             toks[i + 1].idx + len(toks[i + 1]))[0]]
            if len(only) == len(B.mentions):
                only = None
        own = list(keep.mentions)
        move_mentions(st, other, keep, SAME_PERSON, method="alias", only=only)
        _merge_touching(st, keep, toks[i], toks[i + 1], own)
        if units(A.name) and _agreeing(A.name, B.name) == len(units(A.name)):
            whole = B.name  # ``Luiz Inácio`` + ``Luiz Inácio Lula da Silva``: the longer name holds both
        elif units(B.name) and _agreeing(B.name, A.name) == len(units(B.name)):
            whole = A.name
        else:
            whole = A.name + " " + B.name
        if len(whole.split()) > len(keep.name.split()):
            keep.name = whole


def _one_word(st: State, a: Actor) -> bool:
    """A person known here only by a one-word name (``Hassan``), whose own name is that one word: not a table
    phrase of several words read from one word (a demonym the dictionaries file under a place's name)."""
    return len(_words(a.name)) == 1 and not _full(st, a)


def _merge_touching(st: State, a: Actor, left, right, own: list) -> None:
    """The actor's mention ending on ``left`` and the one starting on ``right`` become one mention of the
    whole written name: a name is one mention, not two. It keeps the rule, method and confidence of the part
    that was the actor's own (``own``: its mentions before the join), which is what identified the person."""
    ls = st.norm.to_original(left.idx, left.idx + len(left))
    rs = st.norm.to_original(right.idx, right.idx + len(right))
    first = next((m for m in a.mentions if m.end == ls[1]), None)
    second = next((m for m in a.mentions if m.start == rs[0]), None)
    if first is None or second is None or first is second:
        return
    if second in own and first not in own:
        first.rule, first.method, first.confidence = second.rule, second.method, second.confidence
    first.end = second.end
    first.text = st.norm.original[first.start:first.end]
    a.mentions.remove(second)


def _guessed(a: Actor) -> bool:
    """Only new-name mentions: the actor's state is a guess from the text around it, no identity."""
    return all((m.rule or "") == "mention.person_new" for m in a.mentions)


def _first(a: Actor) -> int:
    return min((m.start for m in a.mentions), default=0)


def join_same_people(st: State) -> None:

    _join_adjacent(st)
    people = [a for a in st.out.actors.values() if a.type == "person"]
    if len(people) < 2 and not any(a.type == "group" and a.code is None for a in st.out.actors.values()):
        return
    if switched_on(SAME_PERSON):
        full = [a for a in people if _full(st, a) and len(_words(a.name)) >= 2]
        full.sort(key=lambda a: (-len(a.mentions), min(m.start for m in a.mentions)))
        for i, keep in enumerate(full):
            if keep.id not in st.out.actors:
                continue
            for other in full[i + 1:]:
                if other.id not in st.out.actors or other.id == keep.id:
                    continue
                if bool(_JUNIOR.search(keep.name)) != bool(_JUNIOR.search(other.name)) and \
                        _JUNIOR.search(keep.name + other.name):
                    continue
                clash = bool(keep.country and other.country and keep.country != other.country)
                if clash and not (_guessed(keep) or _guessed(other)):
                    continue  # two people the tables or the text place in two states
                a, b = " ".join(_words(keep.name)), " ".join(_words(other.name))
                need = max(2, min(3, len(units(a)), len(units(b))))
                if _agreeing(b, a) >= need and _agreeing(a, b) >= need:
                    if (keep.code is None and other.code) or (clash and _guessed(keep) and (
                            not _guessed(other) or _first(other) < _first(keep))):
                        # a state only guessed for a new name yields to a known one, else to the first mention's
                        keep.code, keep.country = other.code, other.country
                    move_mentions(st, other, keep, SAME_PERSON, method="alias")
        # A name the entity recogniser took for an organisation (``X Y and Z met``) that agrees with a
        # person's full name word for word is that person.
        people = [a for a in st.out.actors.values() if a.type == "person" and len(_words(a.name)) >= 2]
        for g in [a for a in st.out.actors.values() if a.type == "group" and a.code is None]:
            words = _words(g.name)
            if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or not all(
                    (m.rule or "") == "mention.unknown_entity" for m in g.mentions):
                continue
            b = " ".join(words)
            fits = [p for p in people if _agreeing(b, " ".join(_words(p.name))) >= max(2, len(units(b)))
                    and _agreeing(" ".join(_words(p.name)), b) >= 2]
            if len(fits) == 1 and g.id in st.out.actors:
                move_mentions(st, g, fits[0], SAME_PERSON, method="alias")
    link_partial_names(st)


@lru_cache(maxsize=1 << 16)  # pure, asked for every pair of name words of every pass; the same words recur
def tier(a: tuple[str, str], b: tuple[str, str]) -> int | None:
    """How closely two name words agree: 0 the same transliteration key, 1 the same consonant skeleton or
    vowel-folded key, 2 a close spelling (``_close``), None not at all. A partial name goes to the one
    person at the best tier, so ``Cheng`` is Cheng Li-wun (same key), not Lai Ching-te (folded)."""
    if a[0] == b[0]:
        return 0
    if same_unit(a, b):
        return 1
    return 2 if _close(a, b) else None


def _best_tier(u: tuple[str, str], names: list[tuple[str, str]]) -> int | None:
    found = [t for v in names if (t := tier(u, v)) is not None]
    return min(found) if found else None


def word_unit(word: str) -> tuple[str, str] | None:
    """The unit of one written word: a hyphenated word whole (``Díaz-Canel``), else its one unit."""
    u = units(word)
    if not u:
        return None
    return u[-1] if "-" in word.strip("-") else u[0]


def link_partial_names(st: State) -> None:
    """``mention.partial_name``: an actor the text only names with one word is the one person of the document
    whose full name has that word at the best agreement (see ``tier``). Run after the full names are joined,
    and again after nicknames and descriptors have joined other actors (an honorific or sobriquet read as a
    person of its own at first makes a word look shared)."""

    if not switched_on(PARTIAL_NAME):
        return
    full = [a for a in st.out.actors.values() if a.type == "person" and (_full(st, a) or regnal_word(a.name))]
    for a in list(st.out.actors.values()):
        if a.id not in st.out.actors or a in full:
            continue
        if a.type != "person" and (a.code or a.type not in ("group", "state")):
            continue  # a state or organisation the knowledge base codes is not a person's name
        if a.type == "group" and any((m.rule or "").startswith(FAMILY_RULES) for m in a.mentions):
            continue  # a family is none of its members
        names = _mention_names(a, st)
        if not names or any(len(_core(_words(n))) != 1 for n in names):
            continue
        word = _core(_words(names[0]))[0]
        u = word_unit(word)
        if u is None or len(word) < 2:
            continue
        ranked: list[tuple[int, Actor]] = []
        for b in full:
            if b.id == a.id or b.id not in st.out.actors:
                continue
            bu = list(units(" ".join(own_name_words(b.name))))
            if a.type != "person":
                # an unknown entity: only a family-name word (the last word, or a double surname's first part)
                bu = list(family_units(b.name))
            t = _best_tier(u, bu)
            if t is None and a.code is None and len(u[0]) >= 5:
                # A garbled spelling of a one-word name the text gave the person (a nickname: Hemeti/Hemedti).
                aliases = [word_unit(w) for m, n in zip(b.mentions, _mention_names(b, st))
                           if (m.rule or "") in NICKNAME_RULES and len(ws := _words(n)) == 1 for w in ws]
                t = _best_tier(u, [x for x in aliases if x is not None and len(x[0]) >= 5])
                t = 2 if t is not None else None
            if t is not None:
                ranked.append((t, b))
        if not ranked:
            continue
        top = min(t for t, _ in ranked)
        fits = [b for t, b in ranked if t == top]
        if len(fits) == 1:
            move_mentions(st, a, fits[0], PARTIAL_NAME, method="alias")
        elif switched_on(BARE_USAGE):
            # Two people share the word (a father and a son, two brothers): the text's own usage decides. The
            # one it already calls by that word alone is the one a spelling of that word alone means.
            users = [b for b in fits if _called_alone(st, b, u)]
            if len(users) == 1:
                move_mentions(st, a, users[0], BARE_USAGE, method="alias")


_REGNAL = re.compile(r"^(II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")


def regnal_word(name: str) -> str | None:
    """The name word of a regnal name (``Abdul II``: one name word and a regnal number), else None. Such a name
    is a full name: a lone ``Abdul`` may be its bearer."""
    words = name.split()
    if len(words) == 2 and _REGNAL.match(words[1]) and words[0][:1].isupper():
        return words[0]
    return None


def own_name_words(name: str) -> tuple[str, ...]:
    """The words of a name a person may be called by alone: the word after a patronymic particle written in
    lower case (``X bin Y``: Y is the father's name) is left out, so a lone ``Y`` is not the son."""
    words = _words(name)
    pats = word_class("patronymic_particles")
    return tuple(w for k, w in enumerate(words) if not (k > 0 and words[k - 1] in pats and words[k - 1].islower()))


def _called_alone(st: State, b: Actor, u: tuple[str, str]) -> bool:
    """Has the text named ``b`` by one word spelt like ``u`` (at any tier: a garbled spelling of the word the
    text uses alone, ``Mnangangwa`` for ``Mnangagwa``, is that usage too), alone?"""
    for n in _mention_names(b, st):
        core = _core(_words(n))
        if len(core) == 1 and (w := word_unit(core[0])) is not None and tier(w, u) is not None:
            return True
    return False
