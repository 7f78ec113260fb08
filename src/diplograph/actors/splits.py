"""One person, one actor, once everything is bound: the last identity pass of a document (issue 15).

The earlier passes join the names they compare word by word (``identity``, ``containment``,
``surname_words``). Some splits survive them because one side carries no comparable name at all, or a
name the spelling comparison rightly refuses as a spelling. This pass runs after every binding step and
after coreference (so that the pronouns each side took tell a man from a woman), and joins two person
actors of one document only when exactly one person of the document fits and nothing the document
says keeps them apart. Two rules (a regnal name, ``Abdul II``, counts as a full name for the partial-name
rule of ``identity``: a lone ``Abdul`` is its bearer):

- ``mention.short_form``: an actor the text only ever names with one word, which no one of the document
  carries and which is a short form of a word of exactly one person's name — its beginning
  (``Balen`` for ``Balendra``), or a word made on it that keeps its first letters (a pun on a given name:
  ``Vikt-`` + something else) — is that person. A namesake the tables found by that one word alone
  (a former leader of a state the document never names) does not keep it apart; a state the text gave
  it, or pronouns of the other gender, do.
- ``mention.holder_named``: an office holder the tables gave (an actor the text never names: only
  offices, descriptions and pronouns) is the one person of the document whose written name holds the
  tables' name — every word of it, and a one-word table name as that person's first word (the
  monarch's given name) — when that person has no table identity of their own and no other state.

Two different people of one surname stay two: a surname agreeing is never enough (a lone surname is
``identity.link_partial_names``' decision, which abstains when two people share it).
"""
from __future__ import annotations

import re

from ..lexicon import word_class
from ..records import Actor
from ..text.fold import ascii_fold
from .decide import mention_rule, switched_on
from .identity import core_words, mention_words, move_mentions, named_in_full, own_name_words, regnal_word, tier
from .spelling import units
from .state import State

SHORT_FORM = mention_rule("mention.short_form", 0.6,
                          "a one-word name no one of the document carries that begins a name word of exactly one "
                          "person of the document (or keeps its first letters: a pun on it) is that person, unless "
                          "the text gave it another state or the other gender", ("actors",))
HOLDER_NAMED = mention_rule("mention.holder_named", 0.7,
                            "an office holder from the tables the text never names is the one person of the "
                            "document whose written name holds the tables' name (a one-word table name as the "
                            "first word), who has no table identity or other state of their own", ("actors", "leaders"))

# The rules that give a person an identity from the tables (by name): such a person is somebody known.
TABLE_RULES = frozenset({"mention.person_kb", "mention.person_kb_surname", "mention.person_leader",
                         "mention.person_leader_state", "mention.person_leader_fuzzy"})
# Rules by which a one-word name is a person the text or the tables introduce as such: never a short form.
_NAMED_AS = frozenset({"mention.nickname_introduced", "mention.known_sobriquet", "mention.nickname_honorific",
                       "mention.epithet_introduced", "mention.epithet_repeated", "mention.honorific_name"})
# A short form keeps at least this many first letters of the word it shortens.
_MIN_PREFIX = 4


def join_split_people(st: State) -> None:
    people = [a for a in st.out.actors.values() if a.type == "person" and a.mentions]
    if len(people) < 2:
        return
    if switched_on(SHORT_FORM):
        _join_one_words(st)
    if switched_on(HOLDER_NAMED):
        _join_table_holders(st)


def _naming(a: Actor) -> list[str]:
    """The name words of the actor's mentions that name it (pronouns, descriptions and offices left out)."""
    return [w for m in a.mentions if (w := _name_in(a, m))]


def _name_in(a: Actor, m) -> str:
    """The words of the actor's name a mention gives ('' for a pronoun, a description, an office)."""
    if m.method == "coref":
        return ""
    words = [w for w in mention_words(m.text) if w.lower() not in _determiners()]
    if words and any(u in units(a.name) for u in units(" ".join(words))):
        return " ".join(words)
    return ""



def _determiners() -> frozenset[str]:
    return word_class("definite_determiners") | frozenset({"the", "a", "an", "his", "her", "their", "its"})


def _one_word(a: Actor) -> str | None:
    """The one word a person actor is named by, when every mention that names it gives that word alone."""
    if any((m.rule or "") in _NAMED_AS for m in a.mentions):
        return None
    pats = word_class("patronymic_particles")
    if any(w in pats for m in a.mentions for w in m.text.split()):
        return None  # ``bin X``: a father's name as part of someone's name, not a person named alone
    names = _naming(a)
    core = core_words(a.name)
    if not names or len(core) != 1 or any(len(n.split()) != 1 for n in names):
        return None
    return core[0]


def _regnal(a: Actor) -> str | None:
    return regnal_word(a.name)


def _full_names(st: State) -> list[Actor]:
    return [a for a in st.out.actors.values() if a.type == "person" and a.mentions
            and (_regnal(a) is not None or (named_in_full(st, a) and len(core_words(a.name)) >= 2))]


def _fold(word: str) -> str:
    return re.sub(r"[^a-z]", "", ascii_fold(word).lower())


def _prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _short_form(w: str, v: str) -> bool:
    """``w`` is a short form of the name word ``v``: its beginning (``Balen``/``Balendra``), or a word that keeps
    the first letters of ``v`` (at least four, and two thirds of ``v``) and goes on otherwise (a pun)."""
    fw, fv = _fold(w), _fold(v)
    if len(fw) < _MIN_PREFIX or fw == fv:
        return False
    if fv.startswith(fw):
        return len(fv) - len(fw) >= 2  # one letter more is another name (Luis, Luisa), not a short form
    p = _prefix(fw, fv)
    return p >= _MIN_PREFIX and 3 * p >= 2 * len(fv) and len(fw) > len(fv)


def _genders(a: Actor) -> set[str]:
    """The genders the pronouns coreference gave the actor show."""
    male, female = word_class("male_pronouns"), word_class("female_pronouns")
    out = set()
    for m in a.mentions:
        if m.method != "coref":
            continue
        low = m.text.lower()
        if low in male:
            out.add("m")
        elif low in female:
            out.add("f")
    return out


def _apart(a: Actor, b: Actor) -> bool:
    """Something the document says keeps two actors apart: pronouns of one gender only on each side, other
    genders; or a state each, where ``a``'s was not found by its one word in the tables (a namesake)."""
    ga, gb = _genders(a), _genders(b)
    if len(ga) == 1 and len(gb) == 1 and ga != gb:
        return True
    if a.country and b.country and a.country != b.country:
        return not any((m.rule or "") in TABLE_RULES for m in a.mentions)
    return False


def _first(a: Actor) -> int:
    return min(m.start for m in a.mentions)


def _join_one_words(st: State) -> None:
    full = _full_names(st)
    if not full:
        return
    for a in list(st.out.actors.values()):
        if a.id not in st.out.actors or a.type != "person" or a in full:
            continue
        word = _one_word(a)
        if word is None:
            continue
        u = units(word)
        if not u:
            continue
        # A word some full name of the document carries is that name's (``identity.link_partial_names``).
        if any(tier(u[0], v) is not None for b in full if b.id != a.id for v in units(" ".join(own_name_words(b.name)))):
            continue
        fits = [b for b in full if b.id != a.id and b.id in st.out.actors and _regnal(b) is None
                and any(_short_form(word, v) for v in own_name_words(b.name))]
        if len(fits) != 1:
            continue
        b = fits[0]
        if _first(a) < _first(b) or _apart(a, b):
            continue  # a short form refers back to a name the text gave in full
        _move(st, a, b, SHORT_FORM)


def _move(st: State, a: Actor, b: Actor, rule: str) -> None:
    """Every mention of ``a`` goes to ``b``; the pronouns keep the rule that placed them."""
    kept = {id(m): (m.rule, m.method) for m in a.mentions if (m.rule or "").startswith("mention.coref")}
    move_mentions(st, a, b, rule, method="alias")
    for m in b.mentions:
        if id(m) in kept:
            m.rule, m.method = kept[id(m)]


def _never_named(a: Actor) -> bool:
    return not _naming(a)


def _known_by_one_name(h: Actor) -> bool:
    """The tables write the holder with one word as the name they are known by (a source that marks family names
    marks this one: a monarch's name), not a list that gives every holder by surname only."""
    from .leaders import load_leaders

    return any(t.leader == h.name and t.surname == h.name and t.country == h.country
               for t in load_leaders().tenures(h.name))


def _join_table_holders(st: State) -> None:
    for h in list(st.out.actors.values()):
        if h.id not in st.out.actors or h.type != "person" or not h.code or not _never_named(h):
            continue
        hw = core_words(h.name)
        hu = [units(w)[0] for w in hw if units(w)]
        if not hu:
            continue
        one_name = len(hu) == 1 and _known_by_one_name(h)
        fits = []
        for p in st.out.actors.values():
            if p.id == h.id or p.type != "person" or not _naming(p):
                continue
            if any((m.rule or "") in TABLE_RULES for m in p.mentions):
                continue  # a person the tables know by name is somebody, not this holder
            if p.country and h.country and p.country != h.country:
                continue
            pu = [units(w)[0] for w in own_name_words(p.name) if units(w)]
            if len(hu) == 1:
                ok = one_name and len(pu) >= 2 and tier(hu[0], pu[0]) is not None
            else:
                ok = all(any(tier(x, y) is not None for y in pu) for x in hu)
            if ok:
                fits.append(p)
        if len(fits) != 1 or _apart(fits[0], h):
            continue
        p = fits[0]
        code, country = h.code, h.country
        _move(st, h, p, HOLDER_NAMED)
        p.code, p.country = code, country
