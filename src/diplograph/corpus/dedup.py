"""Cross-article de-duplication: the same real-world event reported several times is one event.

Like GDELT's *events* and *mentions* tables: every event found in a document is kept as a
mention; mentions that report the same real-world event are grouped under one corpus event
that counts its ``mentions`` (all of them), ``articles`` (distinct documents) and
``sources`` (distinct outlets: the host of the document's ``source`` URL, else its
``source`` string; a document without a ``source`` counts as its own outlet).

Two mentions are the same event when all of these hold:
- the same (corpus) source and target actors, in the same direction;
- the same CAMEO root (``04`` consult, ``19`` fight, …);
- dates within ``window_days`` of each other (both dated), or, when a date is missing,
  a near-identical evidence text (``similarity >= undated_similarity``);
- evidence texts similar enough: ``similarity >= min_similarity``, where similarity is
  rapidfuzz's token-set ratio over the content words of the two sentences (so a short
  report contained in a longer one scores high, and unrelated sentences that share only
  the actors' names score low).

The module is pure (no store access): the store calls :func:`assign` for each batch.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

WINDOW_DAYS = 3
MIN_SIMILARITY = 0.5
UNDATED_SIMILARITY = 0.85

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_STOP = frozenset("""a an the and or but of to in on at by for with from as is are was were be been being
that this these those it its he she they them his her their has have had will would said says say
after before over into than then there which who whom whose what when where while also not no""".split())


def content_words(text: str) -> str:
    return " ".join(w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP)


def similarity(x: str, y: str) -> float:
    """0..1: token-set ratio of the content words of two evidence sentences."""
    cx, cy = content_words(x), content_words(y)
    if not cx or not cy:
        return 1.0 if x.strip().lower() == y.strip().lower() else 0.0
    return fuzz.token_set_ratio(cx, cy) / 100.0


@dataclass
class Mention:
    """One event as found in one document (a row of the ``events`` table, actors unified)."""

    id: str
    doc_id: str
    source: str  # the outlet, or the document id when the outlet is unknown
    a: str | None
    b: str | None
    cameo_root: str
    date: date | None
    modality: str
    evidence: str


@dataclass
class Cluster:
    """A corpus event and the evidence texts of its mentions seen so far."""

    id: str
    a: str | None
    b: str | None
    cameo_root: str
    date: date | None
    texts: list[str] = field(default_factory=list)
    new: bool = False

    @property
    def key(self) -> tuple[str | None, str | None, str]:
        return (self.a, self.b, self.cameo_root)


def match_score(m: Mention, c: Cluster, window_days: int = WINDOW_DAYS, min_similarity: float = MIN_SIMILARITY,
                undated_similarity: float = UNDATED_SIMILARITY) -> float | None:
    """The similarity if ``m`` reports the event ``c``, else None."""
    if (m.a, m.b, m.cameo_root) != c.key:
        return None
    sim = max((similarity(m.evidence, t) for t in c.texts[:5]), default=0.0)
    if m.date is not None and c.date is not None:
        if abs((m.date - c.date).days) > window_days:
            return None
        return sim if sim >= min_similarity else None
    return sim if sim >= undated_similarity else None


def assign(mentions: list[Mention], candidates: list[Cluster], window_days: int = WINDOW_DAYS,
           min_similarity: float = MIN_SIMILARITY) -> tuple[dict[str, tuple[str, float]], list[Cluster]]:
    """Group ``mentions`` into the existing ``candidates`` or new clusters.

    Returns ``{mention id: (cluster id, similarity)}`` and the new clusters (their id is the id
    of their first mention, so re-running on the same input gives the same ids).
    """
    by_key: dict[tuple, list[Cluster]] = {}
    for c in candidates:
        by_key.setdefault(c.key, []).append(c)
    out: dict[str, tuple[str, float]] = {}
    created: list[Cluster] = []
    for m in sorted(mentions, key=lambda m: (m.date or date.max, m.id)):
        best: tuple[float, Cluster] | None = None
        for c in by_key.get((m.a, m.b, m.cameo_root), []):
            s = match_score(m, c, window_days, min_similarity)
            if s is not None and (best is None or s > best[0]):
                best = (s, c)
        if best is None:
            c = Cluster(m.id, m.a, m.b, m.cameo_root, m.date, [m.evidence], new=True)
            by_key.setdefault(c.key, []).append(c)
            created.append(c)
            out[m.id] = (c.id, 1.0)
        else:
            s, c = best
            c.texts.append(m.evidence)
            if m.date is not None and (c.date is None or m.date < c.date):
                c.date = m.date
            out[m.id] = (c.id, round(s, 3))
    return out, created
