"""``the new prime minister``, ``the incoming head of government``: the holder who took the office lately.

A description that says its holder is new and names no state means the holder of that office, among the states the
document speaks of, whose tenure began last, within ``NEW_DAYS`` before the document's date (the leader tables): a
text about a change of government calls its winner so, whatever other state's older holder it also names. Read by
:mod:`.offices` (``mention.office_holder_new``) before the focus state and coreference.
"""
from __future__ import annotations

from ..records import Actor
from .decide import mention_rule
from .fuzzynames import document_states
from .leaders import load_leaders
from .office_states import tenure_actor
from .state import State

NEW_HOLDER = mention_rule("mention.office_holder_new", 0.6,
                          "'the new prime minister' (no state) is the holder of that office, in the states the "
                          "document names, whose tenure began last, within a year of its date (leader tables)",
                          ("actors", "leaders"))

# How recently a holder took office for "the new <office>" to be them.
NEW_DAYS = 366

_NEW_WORDS = ("new", "newly", "incoming")


def says_new(st: State, first: int, last: int) -> bool:
    """A word of the description (or up to three before it) says its holder is new."""
    return any(st.doc[t].lower_ in _NEW_WORDS for t in range(max(0, first - 3), last + 1))


def recent_holder(st: State, title: str) -> Actor | None:
    if st.on is None:
        return None
    states = set(document_states(st))
    states |= {a.country for a in st.out.actors.values() if a.type == "person" and a.country}
    leaders = load_leaders()
    fits = []
    for c in sorted(s for s in states if s):
        h = leaders.holder(c, st.on, title)
        if h is not None and 0 <= (st.on - h.start).days <= NEW_DAYS:
            fits.append((c, h))
    if not fits:
        return None
    fits.sort(key=lambda f: f[1].start, reverse=True)  # "new" is the latest change of the office the text speaks of
    if len(fits) > 1 and fits[1][1].start == fits[0][1].start:
        return None
    c, h = fits[0]
    return tenure_actor(st, h, c, "GOV")
