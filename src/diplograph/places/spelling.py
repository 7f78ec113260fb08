"""Which state a place name the gazetteer lacks is spelled like.

A village under 1,000 people is not in the gazetteer, but its name is written the way its country's
names are transliterated (``-ivka``/``-ove`` in Ukraine, ``-abad`` in Iran, ``Kampong`` in Malaysia).
A naive Bayes model over the character 2–4-grams of the gazetteer's own names of populated places
gives, for an unknown name, a log-likelihood per state; the places stage combines it with the states
the document names (its actors) when nothing else says where the document happened. Built from the
gazetteer itself (no data file of its own) and kept in the gazetteer's on-disk cache, in flat arrays.
"""
from __future__ import annotations

import math
from array import array
from collections import Counter
from dataclasses import dataclass, field

# A gram must be seen this often in the gazetteer to count: rarer ones are noise and memory.
MIN_GRAM_COUNT = 2
# Smoothing of a gram's count in a state (additive).
ALPHA = 0.1


def grams(key: str) -> list[str]:
    """The character 2–4-grams of a name key, with ``^``/``$`` at its ends (the ends carry the
    suffixes that tell a transliteration: ``ivka$``, ``^kh``)."""
    s = f"^{key}$"
    return [s[i:i + n] for n in (2, 3, 4) for i in range(len(s) - n + 1)]


@dataclass
class SpellingModel:
    states: list[str] = field(default_factory=list)  # ISO-3 codes, index → code
    base: array = field(default_factory=lambda: array("d"))  # per state: log(ALPHA) - log(total + ALPHA·V)
    slot: dict[str, int] = field(default_factory=dict)  # gram → its row
    starts: array = field(default_factory=lambda: array("I", [0]))  # row k's entries: starts[k]:starts[k+1]
    state_of: array = field(default_factory=lambda: array("H"))  # entry → state index
    gain: array = field(default_factory=lambda: array("f"))  # entry → log(count + ALPHA) - log(ALPHA)

    def log_likelihoods(self, key: str) -> dict[str, float]:
        """Per state, the mean log-probability of the name's grams (a mean, not a sum: a long name
        is no surer than a short one). Empty when no gram of the name is known."""
        rows = [self.slot[g] for g in grams(key) if g in self.slot]
        if not rows:
            return {}
        acc = [0.0] * len(self.states)
        state_of, gain = self.state_of, self.gain
        for r in rows:
            for k in range(self.starts[r], self.starts[r + 1]):
                acc[state_of[k]] += gain[k]
        n = len(rows)
        return {c: self.base[s] + acc[s] / n for s, c in enumerate(self.states)}


def build_spelling_model(names: list[tuple[str, str]]) -> SpellingModel:
    """From (name key, ISO-3 state) pairs."""
    counts: Counter[tuple[str, str]] = Counter()
    for key, state in names:
        counts.update((g, state) for g in grams(key))
    per_gram: Counter[str] = Counter()
    for (g, _), n in counts.items():
        per_gram[g] += n
    kept = {g for g, n in per_gram.items() if n >= MIN_GRAM_COUNT}
    totals: Counter[str] = Counter()
    entries: dict[str, list[tuple[str, int]]] = {}
    for (g, state), n in counts.items():
        if g in kept:
            totals[state] += n
            entries.setdefault(g, []).append((state, n))
    m = SpellingModel(states=sorted(totals))
    index = {c: s for s, c in enumerate(m.states)}
    vocabulary = len(kept)
    m.base = array("d", (math.log(ALPHA) - math.log(totals[c] + ALPHA * vocabulary) for c in m.states))
    for g in sorted(entries):
        m.slot[g] = len(m.slot)
        for state, n in entries[g]:
            m.state_of.append(index[state])
            m.gain.append(math.log(n + ALPHA) - math.log(ALPHA))
        m.starts.append(len(m.state_of))
    return m
