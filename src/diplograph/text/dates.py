"""Dates: the document date and relative expressions resolved against it."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..errors import UsageError

_DATELINE = re.compile(
    r"\b(?:(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+(\d{4})"
    r"|(\d{4})-(\d{2})-(\d{2}))\b")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "a": 1, "an": 1, "several": 3, "few": 3}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_AGO = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|a few)\s+"
                  r"(day|week|month|year)s?\s+ago\b", re.I)
_LAST = re.compile(r"\b(last|next|this)\s+(week|month|year)\b", re.I)
_REL_DAY = re.compile(r"\b(yesterday|today|tomorrow)\b", re.I)
_ON_WEEKDAY = re.compile(r"\b(?:on\s+|last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError("E008", value=value) from exc


def find_dateline(text: str) -> date | None:
    """A date in the first 300 characters (``Friday, January 4, 2019``), if any."""
    m = _DATELINE.search(text[:300])
    if not m:
        return None
    try:
        if m.group(1):
            return date(int(m.group(3)), _MONTHS.index(m.group(1).lower()) + 1, int(m.group(2)))
        return date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    except ValueError:
        return None


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, 1)


def resolve_relative(sentence: str, anchor: date) -> tuple[date, str] | None:
    """The first relative time expression of a sentence, resolved against ``anchor``."""
    m = _AGO.search(sentence)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUM.get(m.group(1).lower().split()[-1], 1)
        unit = m.group(2).lower()
        if unit == "day":
            return anchor - timedelta(days=n), m.group(0)
        if unit == "week":
            return anchor - timedelta(weeks=n), m.group(0)
        if unit == "month":
            return _shift_months(anchor, -n), m.group(0)
        return date(anchor.year - n, 1, 1), m.group(0)
    m = _LAST.search(sentence)
    if m:
        step = {"last": -1, "next": 1, "this": 0}[m.group(1).lower()]
        unit = m.group(2).lower()
        if unit == "year":
            return date(anchor.year + step, 1, 1), m.group(0)
        if unit == "month":
            return _shift_months(anchor, step), m.group(0)
        return anchor + timedelta(weeks=step), m.group(0)
    m = _REL_DAY.search(sentence)
    if m:
        delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group(1).lower()]
        return anchor + timedelta(days=delta), m.group(0)
    m = _ON_WEEKDAY.search(sentence)
    if m:
        wd = _WEEKDAYS.index(m.group(1).lower())
        back = (anchor.weekday() - wd) % 7
        return anchor - timedelta(days=back), m.group(0)
    return None
