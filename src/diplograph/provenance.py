"""The named rules a record says decided it (``diplograph.rules``), read in one place.

An event names its rules per slot (``"rules": {"event", "source", "target"}``); a mention (and
any other record that grows one, a cue or a relation) names its one ``"rule"``. Benchmarks
count these names and tests check that every one of them is a registered rule.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .records import Record

# The record kind of the items of each list, for a record's one ``rule``.
_ITEM_KIND = {"events": "event", "mentions": "mention", "cues": "cue", "relations": "relation",
              "actors": "actor", "places": "place", "location": "place", "attribution": "attribution"}


def rule_uses(record: Record | dict[str, Any] | list[Any]) -> Iterator[tuple[str, str]]:
    """``(slot, rule name)`` for every rule a record (or a list of records) names, nested ones too.

    The slot is the key of an event's ``rules`` (``event``, ``source``, ``target`` …), else the
    kind of the record carrying a ``rule`` (``mention``, ``cue`` …). Empty names are skipped.
    """
    data = record.to_dict() if isinstance(record, Record) else record
    yield from _walk(data, "record")


def _walk(value: Any, kind: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, kind)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "rules" and isinstance(item, dict):
                yield from ((slot, name) for slot, name in item.items() if isinstance(name, str) and name)
            elif key == "rule" and isinstance(item, str) and item:
                yield kind, item
            elif isinstance(item, (list, dict)):
                yield from _walk(item, _ITEM_KIND.get(key, kind))
