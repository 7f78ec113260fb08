"""How much a claim counts in the corpus view, by its status (modality).

The table and its reasons are ``diplograph/relation.py``'s (the one definition of a relation,
shared by the document triads, the corpus views, the exports and the API); the names stay
importable from here for the corpus writer and its summaries.
"""
from __future__ import annotations

from ..relation import MODALITY_ORDER, MODALITY_WEIGHTS, RELATION_POINTS, best_modality, modality_weight

__all__ = ["MODALITY_ORDER", "MODALITY_WEIGHTS", "RELATION_POINTS", "best_modality", "modality_weight"]
