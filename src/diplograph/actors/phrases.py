"""Knowledge-base phrases: which spans of the text name what the knowledge base knows.

The knowledge base's trie proposes the longest phrase at each word (rule ``mention.kb_phrase``:
states, demonyms, capitals and metonyms, IGOs, groups, people, sector nouns); named veto rules
propose that the span names no actor here (a lower-case common word, a city that is a person's
surname, a namesake's given name …). Vetoes outrank the phrase, so a veto that fires wins.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import word_class
from ..nlp import ents_of, keys_of, tokens_of
from ..text.normalize import PLACEHOLDER
from .decide import best, mention_rule, NOT_AN_ACTOR, switched_on
from .kb import KBHit, KnowledgeBase, is_person_entry
from .places import place_prepositions, place_states, reads_as_place
from .state import CAPITALISED, Span, State

KB_PHRASE = mention_rule("mention.kb_phrase", 0.9,
                         "the longest knowledge-base phrase at a word names its state, group, IGO, person or sector",
                         ("kb", "parse"))
_VETO = 0.95  # every veto outranks the phrase it vetoes


def _veto(name: str, description: str, reads: tuple[str, ...] = ("parse", "kb")) -> str:
    return mention_rule(name, _VETO, description, reads)


VETO_LOWERCASE = _veto("mention.veto_lowercase_name",
                       "a state, group or nationality is a proper name: a lower-case word is not one (turkey, chad)")
VETO_AGENT_POS = _veto("mention.veto_sector_not_noun", "a sector phrase must start with a noun or adjective")
VETO_ACRONYM_CASE = _veto("mention.veto_acronym_case", "an acronym entry matches only a word written in capitals")
VETO_NOT_PLACE = _veto("mention.veto_not_a_place",
                       "a gazetteer name not read as a place here (inside another name, not tagged as a place, "
                       "after lower-case 'the')", ("parse", "kb:places", "lexicon:place_prepositions"))
VETO_CITY_SURNAME = _veto("mention.veto_city_is_surname",
                          "a one-word city that is the surname of a person the text names is that person, unless "
                          "after a locative preposition", ("parse", "kb:places", "lexicon:place_prepositions"))
VETO_CITY_IN_NAME = _veto("mention.veto_city_inside_person_name",
                          "a dictionary city inside a person's name is part of the name (Jorge Cordoba)")
VETO_PLACE_IN_NAME = _veto("mention.veto_place_inside_name",
                           "a one-word place between two capitalised proper nouns the knowledge base does not know "
                           "is a given name inside a person's name (Ana Sofia X)", ("parse", "kb:places"))
VETO_NAMESAKE_SURNAME = _veto("mention.veto_namesake_surname",
                              "a one-word dictionary person after another given name is a namesake")
VETO_NAMESAKE_GIVEN = _veto("mention.veto_namesake_given_name",
                            "a given name a dictionary lists alone for someone else, before another surname")
VETO_TITLE_AS_SURNAME = _veto("mention.veto_title_as_surname", "a title word after a given name is a surname "
                              "(Tom King)")
GENERIC_BODY = mention_rule("mention.generic_body_owned", 0.9,
                            "a common noun the dictionaries give to one state's body (Senate: the US Congress) "
                            "is the sector noun of another state that owns it (the Chilean Senate)", ("kb", "parse"))
VETO_WORD_OF_PERSON = _veto("mention.veto_word_of_person_name",
                            "an organisation or state word starting a person's name is part of the name (Ana Brnabic)")


@dataclass(slots=True)
class Match:
    """One knowledge-base phrase found at a word, with what the veto rules read around it."""

    doc: Doc
    toks: list[Token]
    texts: list[str]
    kb: KnowledgeBase
    surnames: set[str]
    i: int
    end: int
    hit: KBHit


def _lowercase(m: Match):
    return NOT_AN_ACTOR if m.hit.kind in ("actor", "demonym") and not CAPITALISED.match(m.toks[m.i].text) else None


def _agent_pos(m: Match):
    return NOT_AN_ACTOR if m.hit.kind == "agent" and m.toks[m.i].pos_ not in ("NOUN", "PROPN", "ADJ") else None


def _acronym_case(m: Match):
    if m.hit.upper_only and not all(m.doc[t].text.isupper() for t in range(m.i, m.end)):
        return NOT_AN_ACTOR
    return None


def _not_place(m: Match):
    return NOT_AN_ACTOR if m.hit.kind == "place" and not reads_as_place(m.doc, m.i, m.end) else None


def _city_surname(m: Match):
    i, end, hit = m.i, m.end, m.hit
    if hit.kind in ("place", "actor") and end - i == 1 and m.toks[i].text in m.surnames \
            and (hit.kind == "place" or tuple(m.texts[i:end]) in m.kb.place_states) \
            and (i == 0 or m.toks[i - 1].lower_ not in place_prepositions()):
        return NOT_AN_ACTOR  # "Aden is reluctant"
    return None


def _city_in_name(m: Match):
    first = m.toks[m.i]
    if m.hit.kind == "actor" and not m.hit.user and first.ent_type_ == "PERSON" and first.ent_iob_ == "I" \
            and tuple(m.texts[m.i:m.end]) in m.kb.place_states:
        return NOT_AN_ACTOR
    return None


def _namesake_surname(m: Match):
    i, end, hit, first = m.i, m.end, m.hit, m.toks[m.i]
    if hit.kind == "actor" and not hit.user and hit.entry is not None and end - i == 1 and i > 0 \
            and first.ent_type_ == "PERSON" and first.ent_iob_ == "I" and m.toks[i - 1].pos_ == "PROPN" \
            and is_person_entry(hit.entry) and phrase_first(hit.entry.root) not in ("", m.texts[i - 1]):
        return NOT_AN_ACTOR  # "Khalid Mehdiyev": a namesake of the dictionary's Agshin Mehdiyev
    return None


def _namesake_given(m: Match):
    i, end, hit = m.i, m.end, m.hit
    if hit.kind == "actor" and not hit.user and hit.entry is not None and end - i == 1 and end < len(m.doc) \
            and m.toks[end].ent_type_ == "PERSON" and m.toks[end].ent_iob_ == "I" and is_person_entry(hit.entry):
        return NOT_AN_ACTOR  # "Khalid Mehdiyev" is not King Khalid
    return None


def _place_inside_name(m: Match):
    """``Ana Sofia Marchena``: a one-word place between two capitalised proper nouns that name nothing the
    knowledge base knows is a given name inside a person's name, where the tagger read no person's name
    around it (an organisation, or nothing)."""
    i, end, hit = m.i, m.end, m.hit
    if end - i != 1 or i == 0 or end >= len(m.toks) or not (
            hit.kind == "place" or (hit.kind == "actor" and not hit.user and tuple(m.texts[i:end]) in m.kb.place_states)):
        return None
    prev, nxt = m.toks[i - 1], m.toks[end]
    if m.toks[i].ent_type_ == "PERSON" and m.toks[i].ent_iob_ == "I":
        return None  # inside the tagger's own person name: mention.veto_city_inside_person_name reads it
    if not all(t.pos_ == "PROPN" and t.is_alpha and CAPITALISED.match(t.text) and t.ent_type_ not in ("GPE", "LOC")
               for t in (prev, nxt)):
        return None
    for k in (i - 1, end):
        found = m.kb.longest_match(m.texts, k)
        if found is not None and not (found[1].upper_only and not m.toks[k].text.isupper()):
            return None
    return NOT_AN_ACTOR


def _phrase(m: Match):
    return m.hit


# Every reading rule with the kinds of knowledge-base hit it reads; a hit's competition holds only its kind's.
_RULES = ((VETO_LOWERCASE, _lowercase, ("actor", "demonym")), (VETO_AGENT_POS, _agent_pos, ("agent",)),
          (VETO_ACRONYM_CASE, _acronym_case, ("actor",)), (VETO_NOT_PLACE, _not_place, ("place",)),
          (VETO_CITY_SURNAME, _city_surname, ("place", "actor")), (VETO_CITY_IN_NAME, _city_in_name, ("actor",)),
          (VETO_PLACE_IN_NAME, _place_inside_name, ("place", "actor")),
          (VETO_NAMESAKE_SURNAME, _namesake_surname, ("actor",)), (VETO_NAMESAKE_GIVEN, _namesake_given, ("actor",)),
          (KB_PHRASE, _phrase, ("actor", "demonym", "agent", "place")))
READINGS = {kind: tuple((name, fn) for name, fn, kinds in _RULES if kind in kinds)
            for kind in ("actor", "demonym", "agent", "place")}
_ANY_KIND = tuple((name, fn) for name, fn, _ in _RULES)  # a kind of hit no rule declares: every rule reads it


def phrase_first(root: str) -> str:
    """The first word of a dictionary phrase of several words, else ``""``."""
    w = [x for x in root.strip("_").split("_") if x]
    return w[0] if len(w) > 1 else ""


def words(doc: Doc) -> tuple[list[str], list[str]]:
    keys = keys_of(doc)  # computed once per document (nlp.keys_of); fresh lists, callers may keep them
    return [k[0] for k in keys], [k[1] for k in keys]


def kb_spans(st: State, reserved: set[int]) -> list[Span]:
    """The knowledge-base phrases of the text, longest match first, as the reading rules decide them."""
    doc, kb = st.doc, st.kb
    toks = tokens_of(doc)
    texts, lemmas = words(doc)
    roots = kb.trie  # a phrase starts with a word at the trie's root: one lookup rules out most tokens
    # Last words of the document's full person names: a city so named is that person ("Aden").
    surnames = {e[-1].text for e in ents_of(doc) if e.label_ == "PERSON" and len(e) > 1}
    spans: list[Span] = []
    n = len(texts)
    stems = kb.stem_starts()
    i = 0  # the first word not yet inside a span
    owned: set[int] = set()  # generic body nouns another state owned in this document
    for k in [k for k, (t, le) in enumerate(zip(texts, lemmas)) if t in roots or le in roots]:
        if k < i or k in reserved or toks[k].text == PLACEHOLDER:
            continue
        # Most words at the root start no phrase with the word after them (THE, IN, SAID …): what
        # ``longest_match`` would find out on its second step is read here, before it is called.
        if k + 1 < n and not _may_continue(roots.get(texts[k]), texts[k], texts[k + 1], stems) \
                and not _may_continue(roots.get(lemmas[k]), lemmas[k], lemmas[k + 1], stems):
            continue
        found = kb.longest_match(texts, k) or kb.longest_match(lemmas, k)
        if found is None:
            continue
        end, hit = found
        reading = best(READINGS.get(hit.kind, _ANY_KIND), Match(doc, toks, texts, kb, surnames, k, end, hit))
        if reading is None or reading.value is NOT_AN_ACTOR:
            if reading is not None and reading.rule == VETO_PLACE_IN_NAME:
                st.name_words.add(k)  # the person candidates read the run around it as one name
            continue
        value = reading.value
        if hit.kind == "actor" and not hit.user and kb.generic_bodies and switched_on(GENERIC_BODY):
            body = kb.generic_bodies.get(tuple(texts[k:end])) or kb.generic_bodies.get(tuple(lemmas[k:end]))
            # once another state owned the noun, its later bare uses are that body too (``the Senate``)
            if body is not None and (id(body) in owned or _owned_elsewhere(st, spans, texts, k, end, hit)):
                value = body
                owned.add(id(body))
        if spans and spans[-1][1] == k and value.kind == "agent" and spans[-1][2].kind == "agent" \
                and tuple(texts[spans[-1][0]:k]) in _TITLE_MODIFIERS:
            k = spans.pop()[0]  # ``Deputy Foreign Minister``: the deputy of that office, one title
        spans.append((k, end, value))
        i = end
    return place_states(spans, texts, kb, st.on)


_TITLE_MODIFIERS = frozenset((w.upper(),) for w in word_class("deputy_words"))


def _state_of(hit: KBHit, on) -> str | None:
    if hit.kind == "demonym":
        return hit.country
    if hit.kind == "actor" and hit.entry is not None:
        code = hit.entry.code_on(on) or ""
        return code if len(code) == 3 else None
    return None


def _owned_elsewhere(st: State, spans: list[Span], texts: list[str], k: int, end: int, hit: KBHit) -> bool:
    """A state word right before the noun (``the Chilean Senate``, ``Chile's Senate``) or in an ``of``
    phrase after it (``the Senate of Chile``) names another state than the dictionary's body."""
    assert hit.entry is not None
    own = (hit.entry.code_on(st.on) or "")[:3]
    before = spans[-1] if spans else None
    if before is not None and (before[1] == k or (before[1] == k - 1 and texts[k - 1] in ("'S", "’S"))):
        c = _state_of(before[2], st.on)
        if c:
            return c != own
    if end + 1 < len(texts) and texts[end] == "OF":
        nxt = st.kb.longest_match(texts, end + 1 if texts[end + 1] != "THE" else end + 2)
        c = _state_of(nxt[1], st.on) if nxt is not None else None
        if c:
            return c != own
    return False


def _may_continue(node: dict | None, word: str, nxt: str, stems: frozenset[str]) -> bool:
    """Whether a phrase can start at ``word`` (its trie node ``node``) followed by ``nxt``: the word is
    a phrase itself, the next word goes on in the trie (or a hyphen, which the match steps over), or the
    word starts a stem phrase (whose next word matches by prefix)."""
    return node is not None and (None in node or nxt in node or nxt == "-" or word in stems
                                 or ("-" in nxt and nxt.split("-", 1)[0] in node))  # a joined name word


def inside_person_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Drop organisation/state hits that are only a word of a person's name (``Ana`` in ``Ana Brnabic``)."""
    keep: list[Span] = []
    for sp in spans:
        s, e, hit = sp
        if hit.kind == "agent" and doc[s].ent_type_ == "PERSON" and doc[s].ent_iob_ == "I" and s > 0 \
                and doc[s - 1].pos_ == "PROPN" and (s - 1, s) not in [(k[1] - 1, k[1]) for k in keep[-1:]] \
                and switched_on(VETO_TITLE_AS_SURNAME):
            continue  # "Tom King": a surname, not the title king
        ent = doc[s].ent_type_ == "PERSON" and doc[e - 1].ent_iob_ != "" and doc[s].ent_iob_ == "B"
        if ent and hit.kind == "actor" and hit.entry is not None and not is_person_entry(hit.entry) \
                and not hit.user and e < len(doc) and doc[e].ent_type_ == "PERSON" and doc[e].ent_iob_ == "I" \
                and CAPITALISED.match(doc[e].text) and switched_on(VETO_WORD_OF_PERSON):
            # (a possessive the tagger put inside the entity, ``Sri Lanka's parliament``, is no name word)
            continue
        keep.append(sp)
    return keep
