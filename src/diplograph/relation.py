"""The one definition of a relation: event weight, relation sign, trend and balance.

Every view of a pair reads these: the document triads (``triads.py``), the corpus ``system`` and
``dyad`` (``analysis/``), the exports and the web API. It lives beside ``records.py`` (not in
``analysis/``) because the pipeline's document triads use it too and data flows one way.

Weight of an event by the status of its claim (modality):

======================  ======  ============================================================
modality                weight  why
======================  ======  ============================================================
asserted                1.0     reported as fact
future                  0.5     announced, not yet done
hedged                  0.5     speculation (``may have tried``): counted, at half weight
conditional             0.25    only if something else happens
question                0       asked, not claimed
desired                 0       wished or demanded: did not happen
negated                 0       said not to have happened
======================  ======  ============================================================

- An event of weight 0 is *excluded*: it counts neither in a pair's events nor in its Goldstein
  figures (views report how many were excluded). A corpus event reported several times takes the
  most assertive status any report gives it (``MODALITY_ORDER``).
- A pair's *score* is Σ weight · Goldstein over its counted events (both directions for the
  undirected pair) plus ``RELATION_POINTS`` · sign · weight per relation-state statement
  (``relations are strained``). Its *sign* is the sign of the score; a score of 0 has no sign.
- The *trend* of a directed pair is the least-squares slope of the Goldstein score of its counted,
  dated events against their dates, in points per 30 days; below ``STABLE_SLOPE`` in absolute
  value it reads as stable, else improving (> 0) or worsening (< 0).
- A triad is *balanced* when the product of its three signs is positive (Heider).
- An actor and its own state are never a pair (``hierarchy.py``): their events are domestic.
"""
from __future__ import annotations

from collections.abc import Sequence

MODALITY_WEIGHTS: dict[str, float] = {
    "asserted": 1.0, "future": 0.5, "hedged": 0.5, "conditional": 0.25,
    "question": 0.0, "desired": 0.0, "negated": 0.0,
}

# Most assertive first: a corpus event takes the strongest status any report gives it.
MODALITY_ORDER = ("asserted", "future", "hedged", "conditional", "question", "desired", "negated")

RELATION_POINTS = 5.0
STABLE_SLOPE = 0.25  # Goldstein points per 30 days below which a trend reads as stable
SLOPE_DAYS = 30  # the unit of a slope's x axis
SLOPE_SECONDS = SLOPE_DAYS * 86400.0

# The weight of a modality column in SQL (the same table, for the store's summaries and queries).
WEIGHT_SQL = ("CAST(CASE {col} " + " ".join(f"WHEN '{m}' THEN {w}" for m, w in MODALITY_WEIGHTS.items())
              + " ELSE 0 END AS DOUBLE)")


def slope_sql(y: str = "goldstein", when: str = "weight > 0") -> str:
    """SQL aggregate of the trend's slope over event rows with columns ``date``, ``weight`` and ``y``:
    None unless there are two dates apart (the store's summaries use the same guard)."""
    x = f"(epoch(date) / {SLOPE_SECONDS})"
    f = f"FILTER ({when} AND date IS NOT NULL AND {y} IS NOT NULL)"
    return (f"(CASE WHEN count(*) {f} >= 2 AND var_pop({x}) {f} > 1e-9 * avg({x} * {x}) {f} "
            f"THEN regr_slope({y}, {x}) {f} END)")


def modality_weight(modality: str | None) -> float:
    return MODALITY_WEIGHTS.get(modality or "asserted", 0.0)


def best_modality(modalities: Sequence[str]) -> str:
    rank = {m: i for i, m in enumerate(MODALITY_ORDER)}
    return min(modalities, key=lambda m: rank.get(m, len(rank)))


def counted(modality: str | None) -> bool:
    """Whether an event of this status counts in a relation (weight > 0)."""
    return modality_weight(modality) > 0


def event_score(goldstein: float | None, modality: str | None) -> float:
    """An event's contribution to its pair's score."""
    return (goldstein or 0.0) * modality_weight(modality)


def statement_score(sign: int, modality: str | None) -> float:
    """A relation-state statement's contribution to its pair's score."""
    return RELATION_POINTS * sign * modality_weight(modality)


def sign_of(score: float | None) -> int | None:
    if not score:
        return None
    return 1 if score > 0 else -1


def trend_word(slope: float | None) -> str | None:
    """stable, improving or worsening for a slope in Goldstein points per 30 days (None: no trend)."""
    if slope is None:
        return None
    return "stable" if abs(slope) < STABLE_SLOPE else ("improving" if slope > 0 else "worsening")


def balanced(signs: Sequence[int]) -> bool:
    product = 1
    for s in signs:
        product *= s
    return product > 0


__all__ = ["MODALITY_WEIGHTS", "MODALITY_ORDER", "RELATION_POINTS", "STABLE_SLOPE", "SLOPE_DAYS", "WEIGHT_SQL", "slope_sql",
           "modality_weight", "best_modality", "counted", "event_score", "statement_score", "sign_of", "trend_word",
           "balanced"]
