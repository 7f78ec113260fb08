"""The state an office description means when it names none: the document's focus state.

``the president`` in a story about Kenya, ``the country's leader``, ``the kingdom's crown prince``: the state is
the one the document is about — the state most of its places, nationalities and people belong to. Read by
:mod:`.offices` (``mention.office_holder_focus``) and :mod:`.office_phrases`.

``focus_state`` is looser than the sector nouns' ``dominant_state`` (three quarters of the state words): an
office description with no state is almost always of the state the story is about, where a sector noun
(``farmers``) may be anyone's; people count too (a leader named four times makes a story about their state).
"""
from __future__ import annotations

from ..lexicon import word_class
from .owners import dominant_state, state_word_counts
from .state import State

# The focus state must have this share of the document's state evidence (state words and named people's states),
# and more than any other state.
FOCUS_SHARE = 0.5

_UNSET = "?"


def focus_state(st: State) -> str | None:
    """The state the document is about, else None (counted once per document)."""
    got = st.focus
    if got == _UNSET:
        got = dominant_state(st) or _plurality(st) or ""
        st.focus = got
    return got or None


def _plurality(st: State) -> str | None:
    counts = state_word_counts(st)
    for a in st.out.actors.values():
        if a.type == "person" and a.country and a.country in st.kb.countries:
            counts[a.country] += len(a.mentions)
    top = counts.most_common(2)
    if not top:
        return None
    total = sum(counts.values())
    first = top[0][1]
    second = top[1][1] if len(top) > 1 else 0
    return top[0][0] if first >= 2 and first >= FOCUS_SHARE * total and first > second else None


def is_state_noun(low: str) -> bool:
    """``country``, ``nation``, ``kingdom``, ``island``: a noun that stands for the state a text speaks of
    (``the kingdom's crown prince``)."""
    return low in word_class("state_nouns")
