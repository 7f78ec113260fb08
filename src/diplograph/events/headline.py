"""The event a text leads with (its headline event).

News writing puts the main event first (the "inverted pyramid"): a report's lede — its first
sentence that reports an act — names the event the report is about; later sentences add
background, reactions and earlier incidents. The headline event of a text is therefore the most
confident event of the first sentence that has one, not the most confident event anywhere in the
text (a later sentence's background act can be coded more confidently than the lede's own).

Checked on held-out folds of the type model's training texts of more than one sentence (ACLED build
half, synthetic stories; ``scripts/train_event_type.py`` → ``meta.out_of_fold.headline`` of the
shipped model), before the report halves were read: the lede's event and the most confident event
anywhere agree within a point or two (the lede ahead with the first fitted layer, the most confident
event with the shipped one). ``benchmarks/events.py`` reports both; its "event of a note" stays the
most confident event, the reading the held-out check favoured for the shipped layer.
"""
from __future__ import annotations

from typing import Sequence

from ..records import Event


def headline(events: Sequence[Event]) -> Event | None:
    """The most confident event of the earliest sentence (evidence span) that has an event."""
    if not events:
        return None
    first = min(e.evidence.start for e in events)
    return max((e for e in events if e.evidence.start == first), key=lambda e: e.confidence)
