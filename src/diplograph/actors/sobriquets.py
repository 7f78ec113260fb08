"""Widely used sobriquets of leaders (``mention.known_sobriquet``): ``data/kb/sobriquets.tsv`` (a source for
each) and the nicknames the leader tables quote inside a holder's name.

A sobriquet is found in the document's text, not token by token, so that hyphens, apostrophes and
an article or particle in either case (``the Lady``/``The Lady``, ``al-Jolani``/``Al-Jolani``) match however
the tokenizer split them, by one trie-shaped pattern. It is read only when the person or their state is
named in the same document, the state in the same sentence or the one before (otherwise the word most likely has another
sense); one that is also an
ordinary word, a given name or an acronym (the table's context ``person``, and the Factbook's quoted
short names) only when the person is. A sobriquet two people bear is the one the document names, else
nobody. Not where it stands before a capitalised name (``Baba X`` is an honorific, for
``mention.honorific_name``) nor where a known actor's name already holds the words, unless that actor is
the person the leader tables list under the sobriquet itself (REIGN's ``Prachanda``) and the text names
them otherwise too: then the two are one person.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import table, word_class
from ..nlp import sentence_index, sentences_of, text_of
from ..records import Actor
from ..rules import REGISTRY
from .decide import mention_rule
from .identity import move_mentions
from .aliases import honorific_prefixes
from .leaders import load_leaders
from .name_forms import claim, weak_actor
from .spelling import shared_units, units
from .state import CAPITALISED, State, slug

SOBRIQUET = mention_rule("mention.known_sobriquet", 0.7,
                         "a widely used sobriquet of a leader (kb/sobriquets.tsv, leader tables), when the person or "
                         "their state is named in the sentence or the one before", ("kb:sobriquets", "leaders", "actors"))


@dataclass(frozen=True)
class Bearer:
    person: str
    state: str
    context: str  # "state": the person named in the document or their state near the phrase; "person": the person named


@lru_cache(maxsize=1)
def sobriquets() -> dict[str, tuple[Bearer, ...]]:
    """Sobriquet (an article lower-cased) → the people who bear it (most have one; ``the Iron Lady`` several)."""
    out: dict[str, list[Bearer]] = {}
    for r in table("kb", "sobriquets.tsv"):
        b = Bearer(r["person"], r["state"], "person" if r.get("context") == "person" else "state")
        got = out.setdefault(_norm(r["nickname"]), [])
        if all(x.person != b.person for x in got):
            got.append(b)
    for key, bearers in list(out.items()):
        for variant in _article_variants(key):  # "El Peluca" is also "the Peluca"; "the Mad Monk" also "Mad Monk"
            got = out.setdefault(variant, [])
            got.extend(b for b in bearers if all(x.person != b.person for x in got))
    for ts in load_leaders().by_country.values():
        for t in ts:
            if t.nickname and _norm(t.nickname) not in out:
                # the Factbook quotes short forms of given names (Mike, Frank, Bill): other people's too
                out[_norm(t.nickname)] = [Bearer(t.leader, t.country, "person")]
    return {k: tuple(v) for k, v in out.items()}


def _article_variants(key: str) -> list[str]:
    """The forms an English text writes a sobriquet that opens with an article in: with ``the`` for another
    language's article (``El Peluca`` → ``the Peluca``), and without it when two words or more remain."""
    words = key.split()
    if len(words) < 2 or words[0].lower() not in word_class("epithet_articles"):
        return []
    rest = words[1:]
    out = [] if words[0].lower() == "the" else ["the " + " ".join(rest)]
    if len(rest) >= 2 and rest[0][:1].isupper():
        out.append(" ".join(rest))
    return out


def fold_letters(text: str) -> str:
    """``text`` with each letter's accents dropped, one character for one (``Viktátor`` → ``Viktator``), so that
    offsets in the folded text are offsets in the text: a sobriquet matches however its accents are written."""
    return text.translate(_fold_table(text))


def _fold_table(text: str) -> dict[int, str]:
    return {ord(ch): f for ch in set(text) if ord(ch) > 127 and (f := _fold_char(ch)) != ch}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[:1]
    return base if base.isalpha() and len(base.encode("ascii", "ignore")) == 1 else ch


def _norm(text: str) -> str:
    words = text.split()
    if words and words[0].lower() == "the":
        words[0] = "the"
    return " ".join(words)


def _atoms(key: str) -> list[str]:
    """A sobriquet as regex atoms, one a character (a run of spaces for a space; the first letter of one
    written in lower case, ``the Lady``, ``al-Jolani``, also capitalised, as at the start of a sentence)."""
    out: list[str] = []
    words = key.split()
    for k, word in enumerate(words):
        if k:
            out.append(r"\s+")
        for j, ch in enumerate(word):
            # a word's first letter in either case: at a sentence start (``the Lady``), and inside a sobriquet of
            # several words written in another case than the table's (``the iron lady``; read only with its
            # person named, see ``_recased``)
            # (the first word's first letter as the table has it, so that the trie's branches share it with
            # the one-word sobriquets and the longer sobriquet still wins)
            first = j == 0 and ch.upper() != ch.lower() and (ch.islower() if k == 0 else True)
            out.append(f"[{ch.upper()}{ch.lower()}]" if first else re.escape(ch))
    return out


def _key(found: str) -> str:
    """The table's key of a matched sobriquet (its first letter capitalised at a sentence start, its words
    written in another case)."""
    key = _norm(" ".join(found.split()))
    if key in sobriquets():
        return key
    low = key[:1].lower() + key[1:]
    if low in sobriquets():
        return low
    return _folded().get(fold_letters(key), _folded().get(fold_letters(key).lower(), low))


@lru_cache(maxsize=1)
def _folded() -> dict[str, str]:
    """A table key by its folded forms (accents dropped; and in lower case): the text's spelling may differ."""
    out: dict[str, str] = {}
    for k in sobriquets():
        out.setdefault(fold_letters(k).lower(), k)
    for k in sobriquets():
        out.setdefault(fold_letters(k), k)
    for k in sobriquets():
        out.setdefault(fold_letters(k[:1].lower() + k[1:]), k)
    return out


def _recased(found: str) -> bool:
    """A sobriquet of several words written in another case than the table's beyond its first letter."""
    key = fold_letters(_norm(" ".join(found.split())))
    return key not in _folded_exact() and key[:1].lower() + key[1:] not in _folded_exact()


@lru_cache(maxsize=1)
def _folded_exact() -> frozenset[str]:
    return frozenset(fold_letters(k) for k in sobriquets())


def _trie_regex(keys: list[list[str]]) -> str:
    """One alternation shaped as a trie: at each position the engine tries the first characters once,
    not every sobriquet, so a longer table costs no more per word of text."""
    trie: dict = {}
    for atoms in keys:
        node = trie
        for a in atoms:
            node = node.setdefault(a, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [a + emit(child) for a, child in sorted(node.items()) if a]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # greedy: the longer sobriquet first, the one that ends here on backtracking
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    # not inside a longer word (``Bat'ka`` is one word, ``AMLO's`` ends at the possessive); the engine
    # backtracks into the trie, so ``Rocket Man`` still matches where ``Little Rocket Man`` does not
    # the keys with their accents dropped: the pattern runs on the folded text (``fold_letters``)
    folded = sorted({fold_letters(k) for k in sobriquets()})
    keys = [_atoms(k) for k in folded]
    # a sobriquet of several words also written all in lower case (``the iron lady``; read only with its person
    # named): its own branch, opening with the lower-case letter itself
    keys += [[re.escape(k[0].lower())] + _atoms(k)[1:] for k in folded
             if len(k.split()) > 1 and k[0].isupper() and k.split()[0].lower() != "the"]
    body = _trie_regex(keys)
    return re.compile(r"(?<![\w'’-])(?:" + body + r")(?!\w|-\w|['’](?!s\b)\w)")


def _matches(text: str) -> Iterator[re.Match[str]]:
    """The sobriquets in ``text``, left to right, not overlapping: one pass of the trie-shaped pattern (a
    longer table adds branches, not work at each character)."""
    return _pattern().finditer(fold_letters(text))


def bind_sobriquets(st: State) -> None:
    doc = st.doc
    text = text_of(doc)
    for m in _matches(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        i, end = span.start, span.end
        held = {st.out.token_actor[t] for t in range(i, end) if t in st.out.token_actor}
        strong = [aid for aid in held if not weak_actor(st, aid) and not _inner_place(st, aid, i, end)]
        listed = _listed_under(st, strong, text[m.start():m.end()])
        owner = _possessor_end(st, i, end)
        if strong and listed is None and owner is not None:
            # "Trump's favourite dictator", "Putin's chef": another person's name opens the sobriquet; that
            # name stays theirs, the words after the possessive are the bearer's
            i, held = owner, {st.out.token_actor[t] for t in range(owner, end) if t in st.out.token_actor}
            strong = [aid for aid in held if not weak_actor(st, aid)]
        if strong and listed is None:
            continue  # a known actor's name holds the words
        if end - i == 1 and end < len(doc) and CAPITALISED.match(doc[end].text) and doc[end].pos_ == "PROPN":
            continue  # "Baba Wekesa": an honorific before a name, not the sobriquet
        bearers = sobriquets()[_key(m.group(0))]
        if _recased(m.group(0)):  # "the iron lady": an ordinary phrase unless its person is named
            bearers = tuple(Bearer(b.person, b.state, "person") for b in bearers)
        bearer = _bearer(st, bearers, _states_near(st, i))
        if bearer is None:
            continue  # no bearer named in the document (another sense), or two: nothing to choose by
        person, state = bearer
        if i > 0 and doc[i - 1].lower_ in honorific_prefixes() and CAPITALISED.match(doc[i - 1].text) and (
                i - 1 not in st.out.token_actor or weak_actor(st, st.out.token_actor[i - 1])):
            i -= 1  # "Comrade E", "Tata E": an honorific before the sobriquet is part of the name
        known = _named(st, person)
        target = known[0] if len(known) == 1 else None
        if listed is not None:
            # A leader table lists the person under the sobriquet (REIGN's "Prachanda") and the text also
            # names them: one person, not two
            if target is not None and target.id != listed.id:
                move_mentions(st, listed, target, SOBRIQUET, method="alias")
            continue
        if target is None:
            role = load_leaders().role_on(person, st.on, state)
            code = role.code if role is not None else state
            aid = slug(person)
            target = st.out.actors.get(aid) or Actor(aid, person, "person", code, state, [])
            st.out.actors.setdefault(aid, target)
        claim(st, i, end, target, SOBRIQUET, REGISTRY[SOBRIQUET].confidence)


def _inner_place(st: State, aid: str, i: int, end: int) -> bool:
    """A state or place read inside a sobriquet of several words (``Butcher of <capital>``): the sobriquet's."""
    a = st.out.actors.get(aid)
    return a is not None and a.type != "person" and end - i >= 3 and st.out.token_actor.get(i) != aid


def _possessor_end(st: State, i: int, end: int) -> int | None:
    """The token after a possessive that ends a person's name at the start of the span (``Trump 's``)."""
    doc = st.doc
    k = i
    aid = st.out.token_actor.get(i)
    while k < end and aid is not None and st.out.token_actor.get(k) == aid:
        k += 1
    if aid is None or k >= end - 1 or doc[k].lower_ not in ("'s", "’s", "'", "’"):
        return None
    a = st.out.actors.get(aid)
    return k + 1 if a is not None and a.type == "person" else None


def _states_near(st: State, i: int) -> set[str]:
    """The states named in the sentence of token ``i`` or the one before it: a sobriquet binds to a bearer by
    their state only where the text is about that state (a document about several states names the bearer's
    somewhere, which says nothing about this phrase); the sentence before carries the topic over (``In X the
    situation is delicate. … <sobriquet>'s successor``)."""
    k = sentence_index(st.doc)[i]
    sents = sentences_of(st.doc)
    start, end = sents[max(0, k - 1)].start, sents[k].end
    ids = {st.out.token_actor[t] for t in range(start, end) if t in st.out.token_actor}
    return {a.country for a in (st.out.actors.get(x) for x in ids) if a is not None and a.country}


def _listed_under(st: State, aids: list[str], found: str) -> Actor | None:
    """The one person actor among ``aids`` whose name is the sobriquet itself."""
    said = " ".join(found.split()).lower()
    hits = [st.out.actors[a] for a in aids if a in st.out.actors and st.out.actors[a].type == "person"
            and st.out.actors[a].name.lower() == said]
    return hits[0] if len(aids) == 1 and len(hits) == 1 else None


def _named(st: State, person: str) -> list[Actor]:
    return [a for a in st.out.actors.values() if a.type == "person" and shared_units(a.name, person) >=
            min(2, len(units(a.name)), len(units(person)))]


def _bearer(st: State, bearers: tuple[Bearer, ...], named_states: set[str]) -> tuple[str, str] | None:
    """The one bearer the document names, else the one whose state the sentence (or the one before) names (unless the sobriquet is an
    ordinary word or phrase, marked ``person`` in the table, which needs its person named)."""
    named = [b for b in bearers if _named(st, b.person)]
    if not named:
        named = [b for b in bearers if b.context == "state" and b.state in named_states]
    return (named[0].person, named[0].state) if len(named) == 1 else None


def table_bearer(st: State, span: tuple[int, int]) -> Actor | None:
    """The one person the document names who bears the words at ``span`` as a sobriquet of the table: what a
    pronoun in an introduction (``E, as the press dubbed him``) most likely points to."""
    words = [t.text for t in st.doc[span[0]:span[1]] if t.text not in ('"', "“", "”", "'")]
    bearers = sobriquets().get(_norm(" ".join(words))) or sobriquets().get("the " + " ".join(words))
    if not bearers:
        return None
    named = [a for b in bearers for a in _named(st, b.person)]
    return named[0] if len(named) == 1 else None
