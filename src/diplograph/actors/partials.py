"""Later partial mentions of a person the document names in full, that no earlier pass bound (issue 15).

- ``mention.given_name_alone``: a lone capitalised proper noun that is, spelt alike (the same
  transliteration key), the given or family name word of exactly one person the document names in full
  (``Ana`` after ``Ana Velasquez``; a Thai or Indonesian given name; ``Wu`` of ``Wu Jianhong``). A word
  that a knowledge-base phrase, a place or another actor explains is left alone; so is a word inside a
  longer name. A word that a not-yet-identified actor took as its nickname (``supporters call him X``
  bound to the wrong antecedent) goes to the person whose name word it is.
- ``mention.partial_name_recent``: a one-word name two people of the document share (two Kims) goes to
  the one mentioned last before it in the same paragraph, when the other was not mentioned since;
  otherwise it stays unresolved. It never joins the two people.
"""
from __future__ import annotations

from bisect import bisect_right

from ..lexicon import word_class
from ..nlp import pos_of, texts_of, tokens_of
from ..records import Actor
from ..rules import REGISTRY
from .aliases import honorific_prefixes
from .decide import mention_rule, switched_on
from .identity import PARTIAL_NAME, move_mentions, tier, word_unit
from .names import name_run_around
from .people import NAME_WORD as GIVEN_NAME
from .spelling import units
from .state import State, add_mention, capitalised_tokens, document_toponyms, drop_mentions, key_of

RECENT = mention_rule("mention.partial_name_recent", 0.55,
                      "a one-word name two people of the document share goes to the one named last before it in "
                      "the same paragraph (the other not named since); otherwise unresolved", ("actors",))


def _full_people(st: State) -> list[Actor]:
    return [a for a in st.out.actors.values() if a.type == "person" and len(a.name.replace("-", " ").split()) > 1]


def _weak(a: Actor) -> bool:
    """An actor with no identity of its own: a new name or an unknown entity the tables do not know."""
    return a.code is None and all((m.rule or "") in ("mention.person_new", "mention.unknown_entity",
                                                      "mention.unresolved_located", "mention.nickname_introduced")
                                  for m in a.mentions)


def _owners_by_word(people: list[Actor], ends_only: bool = False) -> dict[str, set[str]]:
    """Name word key → the people whose full name has it (``ends_only``: as its first or last word, the
    given name or the family name; a middle word of a long name is too often a place or a thing)."""
    out: dict[str, set[str]] = {}
    for a in people:
        words = a.name.split()
        keys = [u[0] for u in units(a.name)] if not ends_only else \
            [u[0] for w in (words[0], words[-1]) for u in units(w)]
        for k in keys:
            if len(k) >= 2:
                out.setdefault(k, set()).add(a.id)
    return out


def _personal(a: Actor) -> bool:
    """A person's name, not an office or a thing the tables file as a person (``Department of X``, ``FIDE
    Master``): capitalised words only, name particles aside, none a title or all in capitals."""
    words = a.name.replace("-", " ").split()
    particles = word_class("name_comparison_particles")
    return all((w[:1].isupper() and not (w.isupper() and len(w) > 1) and w.lower() not in word_class("office_words"))
               or w.lower() in particles for w in words)


def bind_given_names(st: State) -> None:
    if not switched_on(GIVEN_NAME):
        return
    people = [a for a in _full_people(st) if _personal(a)]
    if not people:
        return
    by_word = _owners_by_word(people, ends_only=True)
    anywhere = _owners_by_word(_full_people(st))
    anywhere = {k: v for k, v in anywhere.items() if all(st.out.actors[a] in people for a in v)} | {
        k: v for k, v in anywhere.items() if len(v) > 1}
    placed = {i for t in document_toponyms(st) or [] if t.place is not None for i in range(t.start, t.end)}
    # Every full name's first and last word units (a variant spelling is compared with these only).
    ends = [(a.id, [x for w in {a.name.split()[0], a.name.split()[-1]} if (x := word_unit(w)) is not None])
            for a in _full_people(st)]
    toks, texts, pos = tokens_of(st.doc), texts_of(st.doc), pos_of(st.doc)
    for i in capitalised_tokens(st):
        tok, word = toks[i], texts[i]
        if pos[i] != "PROPN" or not word.isalpha() or len(word) < 2:
            continue
        if tok.i in st.reserved or tok.i in st.hits or tok.i in placed or tok.ent_type_ not in ("PERSON", "GPE", "ORG", "") \
                or (tok.ent_type_ == "ORG" and (tok.ent_iob_ != "B" or (tok.i + 1 < len(st.doc)
                                                                         and st.doc[tok.i + 1].ent_iob_ == "I"))):
            continue  # a place the gazetteer knows, a thing, or a word inside an organisation's name
        if word.isupper() or tok.lower_ in word_class("office_words") or tok.lower_ in honorific_prefixes():
            continue
        u = units(word)
        if not u:
            continue
        owners, rule = anywhere.get(u[0][0], set()), GIVEN_NAME
        if len(owners) > 1:
            continue  # a word two people's names share (Hun Sen, Hun Manet)
        if owners and u[0][0] not in by_word and tok.ent_type_ not in ("PERSON", "", "GPE"):
            continue  # a middle word (a first surname: Tchiroma of Issa Tchiroma Bakary) only as a name or an
            # unknown place (the gazetteer's places are out already)
        if not owners:
            # No one's name word as written: a spelling of one person's given or family name (``Khurelsuh``
            # for ``Khurelsukh``) at the best agreement (``identity.tier``), when one person fits.
            # Six letters at least, not a plural of the name (``Birthers``), and only people whose names look
            # personal: short common words (``Peace``, ``Borat``) and the words of a junk name would otherwise
            # find someone.
            if len(word) < 6 or not switched_on(PARTIAL_NAME):
                continue
            owners = {o for o in _spelt_like(u[0], ends) if st.out.actors.get(o) in people}
            if len(owners) != 1 or _plural_of(word, st.out.actors[next(iter(owners))].name):
                continue
            rule = PARTIAL_NAME
        person = st.out.actors.get(next(iter(owners)))
        if person is None:
            continue
        holder = st.out.actor_at(tok.i)
        if holder is not None:
            if holder.id == person.id or not _weak(holder) or holder.type not in ("person", "group", "state"):
                continue  # a known actor
            at = _start(st, tok.i)
            if any(m.start <= at < m.end and len(m.text.split()) > 1 for m in holder.mentions):
                continue  # one word of a longer mention
        if name_run_around(st, tok.i) != (tok.i, tok.i + 1):
            continue  # inside a longer written name
        if holder is not None:
            drop_mentions(st, holder.id, tok.i, tok.i + 1)
        add_mention(st, tok.i, tok.i + 1, key_of(person), "alias", REGISTRY[rule].confidence, rule)


def _plural_of(word: str, name: str) -> bool:
    """``word`` is a plural of one of the name's words (``Birthers``, ``Emergencies``)."""
    w = word.lower()
    return any(w in (n + "s", n + "es", n[:-1] + "ies") for n in name.lower().split())


def _spelt_like(u: tuple[str, str], ends: list[tuple[str, list[tuple[str, str]]]]) -> set[str]:
    """The people one of whose given or family names the word unit ``u`` spells otherwise, at the best tier."""
    best, found = 3, set()
    for aid, names in ends:
        for v in names:
            t = tier(u, v)
            if t is None or t > best:
                continue
            if t < best:
                best, found = t, set()
            found.add(aid)
    return found


def _start(st: State, i: int) -> int:
    tok = st.doc[i]
    return st.norm.to_original(tok.idx, tok.idx + len(tok))[0]


def bind_shared_partials(st: State) -> None:
    """Two Kims: a one-word actor whose word is a name word of several people in full goes, mention by
    mention, to the one named last before it in its paragraph (the others not named since)."""
    if not switched_on(RECENT):
        return
    people = _full_people(st)
    if len(people) < 2:
        return
    by_word = _owners_by_word(people)
    text = st.norm.original
    sents = [st.norm.to_original(sent.start_char, sent.end_char)[0] for sent in st.doc.sents]
    for a in list(st.out.actors.values()):
        if a.id not in st.out.actors or a in people or not (a.type == "person" and a.code is None):
            continue
        words = {m.text.strip() for m in a.mentions if (m.rule or "") == "mention.person_new"}
        if len(words) != 1 or len(a.mentions) != sum(1 for m in a.mentions if m.text.strip() in words):
            continue
        word = next(iter(words))
        u = units(word)
        if " " in word or not u or len(by_word.get(u[0][0], ())) < 2:
            continue
        cands = [st.out.actors[c] for c in by_word[u[0][0]] if c in st.out.actors]
        for m in list(a.mentions):
            last = {c.id: max((x.start for x in c.mentions if x.end <= m.start), default=-1) for c in cands}
            ranked = sorted(cands, key=lambda c: -last[c.id])
            win, other = ranked[0], ranked[1]
            if last[win.id] < 0 or _sentence(sents, last[win.id]) == _sentence(sents, last[other.id]):
                continue  # both named in the sentence the last one was named in ("X and Y met. Kim said")
            if "\n" in text[last[win.id]:m.start]:
                continue  # named last in an earlier paragraph: too far to tell
            move_mentions(st, a, win, RECENT, only=[m], method="alias")
            if a.id not in st.out.actors:
                break


def _sentence(starts: list[int], pos: int) -> int:
    """Index of the sentence (by its start offsets in the original text) holding ``pos``; -1 for none."""
    if pos < 0:
        return -1
    return bisect_right(starts, pos) - 1
