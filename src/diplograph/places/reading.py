"""Reading toponyms: every reading of a name scored in one place (:func:`score`) from a population
prior, the states the document names, the container the text gives, the other places nearby and
the area word; the places of one report lie mostly in one state (:func:`resolve`)."""
from __future__ import annotations

import math
from collections import Counter

from ..rules import REGISTRY
from .gazetteer import Gazetteer, Place, distance_km, name_key
from .model import Toponym

FUZZY_RULE = "place.spelling_variant"  # declared in toponyms.py (RULE_FUZZY)


# Weights of the reading score, fitted by benchmarks/geo_fit.py on the build half of ACLED's notes
# (coordinate search from hand-set starting values; objective country share + 50 km share: 1.6528 → 1.6604).
WEIGHTS = {
    "population": 1.5,  # log10(population)/7: the prior (hand-set 1.0)
    "own_name": 0.0,  # the entry's own name, not an alternate (hand-set 0.3: GeoNames' English exonyms are alternates)
    "generic": -1.0,  # a compass word alone
    "country_named": 1.5,  # share of the document's state mentions that are this entry's state
    "in_container": 3.0,  # inside the place the text puts it in
    "near_other": 1.0,  # within 150 km of another place of the document
    "same_admin1": 0.8,  # in the admin-1 area of another place of the document
    "level_fit": 3.0,  # the area word asks for this level (hand-set 2.0)
    "settlement_over_area": 0.35,  # no area word: a town before the area of its name (hand-set 0.7)
    "container_area": 1.0,  # a name another is put in: an area before a town
    "capital": 0.3,
}


VOTE_TEMPERATURE = 0.5
VOTE_MARGIN = 1.5


def score(f: dict[str, float]) -> float:
    return sum(WEIGHTS.get(k, 0.0) * v for k, v in f.items())


def contains(c: Place, p: Place) -> bool:
    """Is ``p`` inside ``c`` (same state, and same admin area at the container's level)?"""
    return p.code == c.code and p.index != c.index and (
        c.level == 0 or (c.level == 1 and p.adm1 == c.adm1) or (c.level == 2 and p.admin2 == c.admin2 and p.adm1 == c.adm1)
        or (c.level == 3 and p.adm1 == c.adm1))


def _features(p: Place, own: bool, t: Toponym, named: Counter[str], total: int,
              context: list[tuple[Toponym, Place]]) -> dict[str, float]:
    f = {"population": math.log10(p.population + 10) / 7, "own_name": 1.0 if own else 0.0,
         "generic": 1.0 if t.generic else 0.0,
         "country_named": named.get(p.code, 0) / total if total else 0.0,
         "capital": 1.0 if p.fcode == "PPLC" else 0.0}
    if t.container is not None and t.container.candidates:
        # any reading of the container will do: "Cartagena, Bolivar" is the Colombian pair, whichever
        # Bolivar the container alone would have been read as
        best = 0.0
        for c, _ in t.container.candidates[:40]:
            best = max(best, 1.0 if contains(c, p) else (0.3 if p.code == c.code else 0.0))
            if best == 1.0:
                break
        f["in_container"] = best
    if t.level_wanted in (1, 2):
        f["level_fit"] = 1.0 if p.level == t.level_wanted else (0.6 if p.level in (1, 2) else 0.0)
    elif t.level_wanted == 3:
        f["level_fit"] = 1.0 if p.level == 3 else 0.0
    elif t.is_container:
        f["container_area"] = 1.0 if p.level < 3 else 0.0  # "Springfield, Oregon": the state, not a town
    else:
        f["settlement_over_area"] = 1.0 if p.level in (0, 3) else 0.0
    others = [q for o, q in context if o is not t and name_key(o.text) != name_key(t.text) and q.level >= 1]
    if others:
        f["near_other"] = 1.0 if any(distance_km(p.lat, p.lon, q.lat, q.lon) < 150 for q in others) else 0.0
        f["same_admin1"] = 1.0 if any(q.code == p.code and q.adm1 == p.adm1 and p.level >= 1 for q in others) else 0.0
    return f


def resolve(found: list[Toponym], gaz: Gazetteer, named: Counter[str]) -> None:
    """Each toponym's best reading. The places of one report lie mostly in one state: the state whose
    readings score best over all the document's names (a name that places another name counts
    double) is chosen first, and every name that has a reading there takes it; a name with none
    keeps its own best reading. Containers are resolved before what they contain (``X (Y, Z)``:
    right to left), and a second pass reads the first pass's places as context."""
    total = sum(named.values())
    for t in found:
        t.generic = name_key(t.text) in gaz.generic
    order = list(range(len(found)))[::-1]
    state: str | None = None
    for _ in range(2):
        context = [(t, t.place) for t in found if t.place is not None]
        readings: dict[int, list[tuple[float, Place, dict[str, float]]]] = {}
        for k in order:
            t = found[k]
            if not t.candidates or not REGISTRY.enabled(t.rule):
                continue
            scored = []
            for p, own in t.candidates[:40]:
                f = _features(p, own, t, named, total, context)
                scored.append((score(f), p, f))
            readings[k] = scored
            best = max(scored, key=lambda x: x[0])
            t.place, t.features = best[1], best[2]
        votes: Counter[str] = Counter()
        voted: set[str] = set()
        for k, scored in readings.items():
            if name_key(found[k].text) in voted:
                continue  # a name written twice ("in Colonia X … in Colonia Y") is one vote
            voted.add(name_key(found[k].text))
            best_in: dict[str, float] = {}
            for sc, p, _ in scored:
                best_in[p.code] = max(best_in.get(p.code, float("-inf")), sc)
            # each name gives one vote, shared among its states by how well they read it
            top = max(best_in.values())
            shares = {code: math.exp((sc - top) / VOTE_TEMPERATURE) for code, sc in best_in.items()}
            norm = sum(shares.values())
            weight = REGISTRY[found[k].rule].confidence * (0.2 if found[k].generic else 1.0)
            for code, share in shares.items():
                votes[code] += weight * share / norm
        ranked = votes.most_common(2)
        # one state only when it clearly leads: a tie decides nothing
        state = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] >= VOTE_MARGIN * ranked[1][1]) else None
        for k, scored in readings.items():
            t = found[k]
            inside = [x for x in scored if x[1].code == state]
            if state is None or t.place is None or t.place.code == state or _standalone(t.place):
                continue
            if inside:
                best = max(inside, key=lambda x: x[0])
                t.place, t.features = best[1], best[2]
            elif len(readings) > 1 and (t.place.population < 100_000 or not _own(t, t.place)):
                t.place = None  # a small namesake abroad in a report about another state: a misreading
    for t in found:
        # a spelling guessed in a state the document does not name otherwise (its actors, its sure places) is
        # most often a namesake
        # ("Burma" read as a Sudanese town before the actors say Myanmar), unless the area word asks for
        # just what it is ("Oromia region" ~ Oromiya)
        confirmed = t.place is not None and t.level_wanted in (1, 2) and t.place.level in (1, 2)
        if t.rule == FUZZY_RULE and t.place is not None and t.place.code not in named and not confirmed:
            t.place = None
    for t in found:
        c = t.container
        if t.place is not None and c is not None and c.place is not None and not contains(c.place, t.place):
            # the container takes the reading that holds what it contains
            holding = [q for q, _ in c.candidates if contains(q, t.place)]
            if holding:
                c.place = max(holding, key=lambda q: q.population)
            elif c.place.level < 3 and t.place.code != c.place.code and not _standalone(t.place):
                # "Xivka, Donetsk": the text puts the name in an area of another state than its
                # reading — a namesake abroad; the area says where
                t.place = None
    for t in found:
        if t.place is not None:
            t.confidence = round(REGISTRY[t.rule].confidence * REGISTRY.weight(t.rule), 2)


def _own(t: Toponym, p: Place) -> bool:
    return any(own for q, own in t.candidates if q.index == p.index)


def _standalone(p: Place) -> bool:
    """A reading strong enough to stand against the document's state: a country, a capital, a city of millions."""
    return p.level == 0 or p.fcode == "PPLC" or p.population >= 1_000_000
