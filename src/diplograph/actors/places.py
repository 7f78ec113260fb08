"""Places: when a gazetteer name is a place, and which state a place stands for.

Cities of the GeoNames gazetteer (``data/kb/places.tsv``) and the dictionaries' own city
synonyms are read as their state; an ambiguous city name goes to a candidate state the
document names (rules ``mention.place_state``, ``mention.place_named_state``); a state name two
states share follows the one the document names (``mention.shared_state_name``).
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..lexicon import word_class
from .decide import mention_rule, switched_on
from .kb import KBHit, KnowledgeBase, phrase_key
from .state import CAPITALISED, Span

PLACE_STATE = mention_rule(
    "mention.place_state", 0.7, "a gazetteer city is its state: one the document names, else the most populous",
    ("parse", "kb:places", "lexicon:place_prepositions"))
PLACE_NAMED_STATE = mention_rule(
    "mention.place_named_state", 0.7,
    "a city the dictionaries give to one state is another candidate state's when only that one is named",
    ("kb:places", "kb:actors"))
SHARED_STATE_NAME = mention_rule(
    "mention.shared_state_name", 0.9, "a state name two states share (Congo) is the one the document names",
    ("kb:shared_names",))


def place_prepositions() -> frozenset[str]:
    return word_class("place_prepositions")


def reads_as_place(doc: Doc, start: int, end: int) -> bool:
    """A gazetteer name is a place here: proper nouns, not part of a person's or an organisation's
    name, and tagged as a place by the NER (else written right after a locative preposition)."""
    if not CAPITALISED.match(doc[start].text) or doc[start].pos_ != "PROPN" or doc[end - 1].pos_ != "PROPN" \
            or any(not name_link(doc[t]) for t in range(start + 1, end - 1)):
        return False
    types = {doc[t].ent_type_ for t in range(start, end)}
    if types & {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}:
        return False
    # Part of a longer name (``Newport Beach``, ``Port Harcourt Refinery``): not this city.
    if end < len(doc) and doc[end].pos_ == "PROPN" and CAPITALISED.match(doc[end].text):
        return False
    if start > 0 and doc[start - 1].pos_ == "PROPN" and CAPITALISED.match(doc[start - 1].text):
        return False
    if start > 0 and doc[start - 1].lower_ == "the" and doc[start - 1].text != "The" \
            and doc[end - 1].dep_ not in ("compound", "amod", "nmod", "poss"):
        return False  # "in the Delta", "the Mall": a region or landmark (not "the Bouake attack")
    if types & {"GPE", "LOC", "FAC", "NORP"}:  # the small model calls some towns NORP
        return True
    return start > 0 and doc[start - 1].lower_ in place_prepositions()


def name_link(tok) -> bool:
    """A token inside a place name: a proper noun, a hyphen or a short lowercase particle
    (``Port-au-Prince``, ``Dar es Salaam``)."""
    return tok.pos_ == "PROPN" or tok.text == "-" or (tok.text.islower() and len(tok.text) <= 3)


def place_states(spans: list[Span], words: list[str], kb: KnowledgeBase, on: date | None) -> list[Span]:
    """Each city read as its state: of the states having a city so named, one the document names
    otherwise, else the most populous one (``Tripoli`` is Lebanon's in a text about Lebanon).
    A city the dictionaries define as a state's synonym moves only when the document names
    another candidate state and not the dictionary's; so does a state name two states share
    (``Congo`` in a text that names Goma or the Democratic Republic of Congo)."""
    city: dict[int, tuple[str, ...]] = {}
    named: set[str] = set()
    shared: dict[int, tuple[str, ...]] = {}
    for k, (s, e, hit) in enumerate(spans):
        states = kb.place_states.get(tuple(words[s:e]))
        if tuple(words[s:e]) in kb.shared_states and hit.kind in ("actor", "demonym") and not hit.user:
            shared[k] = kb.shared_states[tuple(words[s:e])]  # names no state by itself
        elif hit.kind == "place" or (states and hit.kind == "actor" and hit.entry is not None and not hit.user
                                   and phrase_key(hit.entry.root) != tuple(words[s:e])):
            city[k] = states or tuple(c for c, _ in hit.places)
            if len(city[k]) == 1:
                named.add(city[k][0])  # an unambiguous city names its state too (New York)
        elif hit.kind == "demonym" and hit.country:
            named.add(hit.country)
        elif hit.kind == "actor" and hit.entry is not None:
            code = hit.entry.code_on(on) or ""
            if len(code) == 3:
                named.add(code)
    out: list[Span] = []
    on_rules = {r: switched_on(r) for r in (PLACE_STATE, PLACE_NAMED_STATE, SHARED_STATE_NAME)}
    for k, (s, e, hit) in enumerate(spans):
        if k in city:
            own = hit.entry.code_on(on) if hit.kind == "actor" and hit.entry is not None else None
            if hit.kind == "place" and not on_rules[PLACE_STATE]:
                continue  # a gazetteer city no rule reads as a state names no actor
            if hit.kind == "place":
                state = next((c for c in city[k] if c in named), city[k][0])
                hit = KBHit("demonym", country=state, place=True, rule=PLACE_STATE)
            elif own not in named and own in city[k] and on_rules[PLACE_NAMED_STATE]:
                other = next((c for c in city[k] if c in named), None)
                if other is not None:
                    hit = KBHit("demonym", country=other, place=True, rule=PLACE_NAMED_STATE)
        elif k in shared:
            own = hit.country if hit.kind == "demonym" else (hit.entry.code_on(on) if hit.entry else None)
            others = [c for c in shared[k] if c in named and c != own]
            if own not in named and len(others) == 1 and on_rules[SHARED_STATE_NAME]:
                hit = KBHit("demonym", country=others[0], rule=SHARED_STATE_NAME)
        out.append((s, e, hit))
    return out
