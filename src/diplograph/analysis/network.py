"""The signed network of a corpus, its structural balance and its triads.

Edge sign of an unordered pair {A, B}: the sign of the weighted Goldstein sum of the events
in both directions (see ``dyads.py`` for the weights) plus 5 points per relation-state
statement (``relations are strained`` −5, ``close allies`` +5, weighted like events; the points and
weights are ``relation.py``'s, the one definition every view uses). A pair
whose score is exactly 0 has no sign and no edge. An actor and its own state are never a pair
(``hierarchy.py``): the views leave their events out of the network (they are domestic).

Structural balance (Heider; Cartwright & Harary): a triad is balanced when the product of
its three signs is positive (a friend of a friend is a friend; an enemy of an enemy is a
friend). The *frustration index* of the network is the least number of edges whose sign must
change for the whole network to be balanced (every node on one of two sides, positive edges
inside the sides, negative edges across). It is computed exactly for components of up to
``EXACT_NODES`` nodes and bounded from above by a local search on larger ones (``exact``
says which).
"""
from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..relation import balanced as is_balanced
from ..relation import sign_of
from ..triads import triad_reading

EXACT_NODES = 16


@dataclass
class SignedGraph:
    """Undirected signed graph: ``edges[frozenset({a, b})] = (sign, activity)``."""

    edges: dict[frozenset[str], tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def from_scores(cls, scores: Iterable[tuple[str, str, float, int]]) -> "SignedGraph":
        """From (a, b, score, activity) rows; rows of the same pair (both directions) add up."""
        acc: dict[frozenset[str], list[float]] = {}
        for a, b, score, n in scores:
            if a == b:
                continue
            v = acc.setdefault(frozenset((a, b)), [0.0, 0])
            v[0] += score
            v[1] += n
        return cls({p: (sign, int(n)) for p, (s, n) in acc.items() if (sign := sign_of(s)) is not None})

    def sign(self, a: str, b: str) -> int | None:
        e = self.edges.get(frozenset((a, b)))
        return e[0] if e else None

    def neighbours(self) -> dict[str, set[str]]:
        adj: dict[str, set[str]] = {}
        for p in self.edges:
            a, b = tuple(p)
            adj.setdefault(a, set()).add(b)
            adj.setdefault(b, set()).add(a)
        return adj


def closed_triads(graph: SignedGraph) -> list[tuple[int, int, tuple[str, str, str], tuple[int, int, int]]]:
    """(least activity, total activity, actors, signs) of every closed triad, most active first."""
    adj = graph.neighbours()
    found = []
    for a in sorted(adj):
        for b in sorted(x for x in adj[a] if x > a):
            for c in sorted(x for x in adj[a] & adj[b] if x > b):
                ab, bc, ac = graph.edges[frozenset((a, b))], graph.edges[frozenset((b, c))], graph.edges[frozenset((a, c))]
                signs = (ab[0], bc[0], ac[0])
                activity = min(ab[1], bc[1], ac[1])
                found.append((activity, ab[1] + bc[1] + ac[1], (a, b, c), signs))
    found.sort(key=lambda t: (-t[0], -t[1], t[2]))
    return found


def triads(graph: SignedGraph, names: dict[str, str] | None = None, limit: int | None = None,
           found: list | None = None) -> list[dict[str, Any]]:
    """Every closed triad (all three pairs signed), most active first, with its reading."""
    names = names or {}
    found = closed_triads(graph) if found is None else found
    if limit is not None:
        found = found[:limit]
    return [{"actors": list(actors), "names": [names.get(x, x) for x in actors], "signs": list(signs),
             "balanced": is_balanced(signs), "events": total,
             "reading": triad_reading(names, actors, signs)}
            for _, total, actors, signs in found]


def _frustrated(edges: list[tuple[int, int, int]], side: list[int]) -> int:
    return sum(1 for i, j, s in edges if (side[i] == side[j]) != (s > 0))


def _component_frustration(nodes: list[str], edges: list[tuple[int, int, int]], seed: int) -> tuple[int, bool]:
    n = len(nodes)
    if n <= EXACT_NODES:
        best = len(edges)
        for bits in range(1 << (n - 1)):  # node 0 fixed on side 0: a partition and its mirror are one
            side = [(bits >> (i - 1)) & 1 if i else 0 for i in range(n)]
            best = min(best, _frustrated(edges, side))
            if best == 0:
                break
        return best, True
    rng = random.Random(seed)
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for i, j, s in edges:
        adj[i].append((j, s))
        adj[j].append((i, s))
    best = len(edges)
    starts = [_bfs_sides(n, adj), [rng.randint(0, 1) for _ in range(n)]]
    for side in starts:  # greedy single-node-flip descent from each start
        improved = True
        while improved:
            improved = False
            for v in range(n):
                # flipping v turns its satisfied edges frustrated and vice versa
                gain = sum(1 if (side[v] == side[u]) != (s > 0) else -1 for u, s in adj[v])
                if gain > 0:
                    side[v] ^= 1
                    improved = True
        best = min(best, _frustrated(edges, side))
    return best, False


def _bfs_sides(n: int, adj: list[list[tuple[int, int]]]) -> list[int]:
    """Two sides following the signs along a breadth-first tree (exact when the graph is balanced)."""
    side = [-1] * n
    for root in range(n):
        if side[root] >= 0:
            continue
        side[root] = 0
        queue = [root]
        for v in queue:
            for u, s in adj[v]:
                if side[u] < 0:
                    side[u] = side[v] if s > 0 else 1 - side[v]
                    queue.append(u)
    return side


def frustration(graph: SignedGraph, seed: int = 0) -> dict[str, Any]:
    """Frustration index (exact on small components, a local-search upper bound otherwise)."""
    adj = graph.neighbours()
    seen: set[str] = set()
    total, exact = 0, True
    for start in sorted(adj):
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            v = stack.pop()
            comp.append(v)
            for u in adj[v]:
                if u not in seen:
                    seen.add(u)
                    stack.append(u)
        index = {v: i for i, v in enumerate(sorted(comp))}
        edges = [(index[a], index[b], s) for p, (s, _) in graph.edges.items()
                 for a, b in [tuple(p)] if a in index]
        k, ex = _component_frustration(sorted(comp), edges, seed)
        total += k
        exact = exact and ex
    m = len(graph.edges)
    return {"frustration": total, "edges": m, "normalized": round(total / m, 4) if m else 0.0, "exact": exact}


def balance(graph: SignedGraph, found: list | None = None) -> dict[str, Any]:
    """Share of balanced triads, and the frustration index."""
    ts = closed_triads(graph) if found is None else found
    balanced = sum(1 for t in ts if is_balanced(t[3]))
    return {"triads": len(ts), "balanced_triads": balanced,
            "balance_ratio": round(balanced / len(ts), 4) if ts else None, **frustration(graph)}


def all_triads_balanced(graph: SignedGraph) -> bool:
    return all(t["balanced"] for t in triads(graph))


__all__ = ["SignedGraph", "triads", "triad_reading", "frustration", "balance", "all_triads_balanced"]
