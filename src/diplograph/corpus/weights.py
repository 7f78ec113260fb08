"""How much a claim counts in the corpus view, by its status (modality).

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

A corpus event reported several times takes the most assertive status any report gives it
(``MODALITY_ORDER``). A relation-state statement (``relations are strained``) counts
``RELATION_POINTS`` Goldstein points in the direction of its sign, weighted like an event.
"""
from __future__ import annotations

MODALITY_WEIGHTS: dict[str, float] = {
    "asserted": 1.0, "future": 0.5, "hedged": 0.5, "conditional": 0.25,
    "question": 0.0, "desired": 0.0, "negated": 0.0,
}

# Most assertive first: a corpus event takes the strongest status any report gives it.
MODALITY_ORDER = ("asserted", "future", "hedged", "conditional", "question", "desired", "negated")

RELATION_POINTS = 5.0


def modality_weight(modality: str | None) -> float:
    return MODALITY_WEIGHTS.get(modality or "asserted", 0.0)


def best_modality(modalities: list[str]) -> str:
    rank = {m: i for i, m in enumerate(MODALITY_ORDER)}
    return min(modalities, key=lambda m: rank.get(m, len(rank)))
