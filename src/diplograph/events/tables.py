"""The event stage's lexicon tables: event nouns, verb frames and their combinations, and the
codes of ending an activity (files under ``data/lexicons``)."""
from __future__ import annotations

import csv
from functools import lru_cache

from ..data import data_path


def _rows(name: str):
    with data_path("lexicons", name).open(encoding="utf-8") as fh:
        yield from csv.reader((l for l in fh if l.strip() and not l.startswith("#")), delimiter="\t")


@lru_cache(maxsize=1)
def nominal_lexicon() -> dict[str, tuple[str, bool]]:
    """Event noun → (CAMEO code, reciprocal?) (``nominal_events.tsv``)."""
    out: dict[str, tuple[str, bool]] = {}
    for row in _rows("nominal_events.tsv"):
        out.setdefault(row[0].strip(), (row[1].strip(), row[2].strip() == "1"))
    for word, entry in list(out.items()):  # an entry listed in the plural ("talks") matches either number
        if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
            out.setdefault(word[:-1], entry)
    return out


@lru_cache(maxsize=1)
def verb_frames() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(lemma → family, (family, embedded root) → combined code)."""
    families = {r[0].strip(): r[1].strip() for r in _rows("verb_frames.tsv")}
    combos = {(r[0].strip(), r[1].strip()): r[2].strip() for r in _rows("verb_combinations.tsv")}
    return families, combos


def combine(family: str, embedded_code: str | None) -> str:
    """The code of a frame of ``family`` taking an act coded ``embedded_code`` (``agreed to meet``)."""
    _, combos = verb_frames()
    root = (embedded_code or "")[:2]
    return combos.get((family, root)) or combos.get((family, "*")) or "010"


@lru_cache(maxsize=1)
def reversals() -> list[tuple[str, str]]:
    """(noun code prefix, code of ending it), longest prefix first (``nominal_reversals.tsv``)."""
    rows = []
    with data_path("lexicons", "nominal_reversals.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                prefix, code = line.split("\t")[:2]
                rows.append((prefix.strip(), code.strip()))
    return sorted(rows, key=lambda r: -len(r[0]))


def reversed_code(code: str) -> str | None:
    """The code of ending the activity ``code`` names, or None when ending it is not an event."""
    return next((c for prefix, c in reversals() if code.startswith(prefix)), None)
