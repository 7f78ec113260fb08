"""Dates: the document date (input, ``--date`` or a dateline) and time expressions resolved against it.

``find_time_expressions`` finds relative (``four years ago``, ``last year``, ``on Monday``,
``yesterday``, ``recently``, ``earlier this month``) and absolute (``March 3``, ``3 March
2022``, ``in 2019``) expressions in a text, each with its character span, the resolved
date and its granularity (a year or a month resolves to its first day). Which event an
expression dates is decided over the parse (``claims/timing.py``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import UsageError

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "several": 3, "a few": 3, "few": 3,
        "a couple of": 2, "couple of": 2}

_DATELINE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE})\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b")

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|"
                       r"an?|several|a few)\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b", re.I)),
    ("earlier", re.compile(r"\b(?:earlier|later)\s+this\s+(?P<unit>week|month|year)\b", re.I)),
    ("last", re.compile(r"\b(?P<which>last|next|this|past|coming)\s+(?P<unit>week|month|year|decade)\b", re.I)),
    ("day", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<which>last|next|this)\s+|on\s+)?(?P<wd>monday|tuesday|wednesday|thursday|"
                           r"friday|saturday|sunday)\b", re.I)),
    ("monthday", re.compile(rf"\b(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
                            rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE})(?:,?\s+(?P<y2>\d{{4}}))?)\b")),
    ("month", re.compile(r"\b(?:in|last|next|this|since|until|by|early|late|mid-?)\s+"
                         r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)"
                         r"(?:\s+(?P<y>\d{4}))?\b")),
    ("year", re.compile(r"\b(?:in|since|until|by|during|of|early|late)\s+(?P<y>(?:19|20)\d{2})\b")),
    ("recent", re.compile(r"\b(?P<word>recently|lately|earlier this week|the other day|just now)\b", re.I)),
]

_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Words one of which a text must hold (lower-cased) for a pattern to match at all: a substring
# test is much cheaper than running a case-insensitive pattern over a whole article.
_NEEDLES: dict[str, tuple[str, ...]] = {
    "ago": ("ago",), "earlier": ("this",), "last": ("week", "month", "year", "decade"),
    "day": ("yesterday", "today", "tomorrow", "tonight"), "weekday": ("day",),
    "monthday": _MONTH_STEMS, "month": _MONTH_STEMS, "year": ("19", "20"),
    "recent": ("recently", "lately", "earlier this week", "the other day", "just now"),
}


@dataclass
class TimeExpression:
    start: int  # character offsets in the text searched
    end: int
    text: str
    date: date
    granularity: str  # day | week | month | year | decade | approximate


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError("E008", value=value) from exc


def _month(name: str) -> int:
    return _MONTH_ABBR[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def find_dateline(text: str) -> date | None:
    """A full date in the first 300 characters (``MOSCOW, Nov. 24, 2023 (Reuters) —``), if any."""
    m = _DATELINE.search(text[:300])
    if not m:
        return None
    try:
        if m.group("m1"):
            return date(int(m.group("y1")), _month(m.group("m1")), int(m.group("d1")))
        if m.group("m2"):
            return date(int(m.group("y2")), _month(m.group("m2")), int(m.group("d2")))
        return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
    except ValueError:
        return None


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, 1)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUM.get(word.lower(), 1)


def _latest_before(year: int, month: int, day: int) -> date:
    """That day of ``year`` or, for a 29 February that year lacks, of the latest leap year before it."""
    for y in range(year, year - 8, -1):
        try:
            return date(y, month, day)
        except ValueError:
            continue
    raise ValueError(f"no {month}/{day} in the eight years to {year}")  # unreachable for a valid month/day


def _resolve(kind: str, m: re.Match, anchor: date) -> tuple[date, str] | None:
    g = m.groupdict()
    if kind == "ago":
        n, unit = _count(g["n"]), g["unit"].lower()
        if unit == "day":
            return anchor - timedelta(days=n), "day"
        if unit == "week":
            return anchor - timedelta(weeks=n), "week"
        if unit == "month":
            return _shift_months(anchor, -n), "month"
        years = n * (10 if unit == "decade" else 1)
        return date(anchor.year - years, 1, 1), "year"
    if kind == "earlier":
        unit = g["unit"].lower()
        if unit == "year":
            return date(anchor.year, 1, 1), "year"
        if unit == "month":
            return date(anchor.year, anchor.month, 1), "month"
        return anchor - timedelta(days=anchor.weekday()), "week"
    if kind == "last":
        which, unit = g["which"].lower(), g["unit"].lower()
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[which]
        if which == "past" and unit != "decade":
            return None  # "the past week" is a stretch ending now, not a point
        if unit == "year":
            return date(anchor.year + step, 1, 1), "year"
        if unit == "decade":
            return date(anchor.year + 10 * step, 1, 1), "decade"
        if unit == "month":
            return _shift_months(anchor, step), "month"
        monday = anchor - timedelta(days=anchor.weekday())
        return monday + timedelta(weeks=step), "week"
    if kind == "day":
        delta = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        return anchor + timedelta(days=delta), "day"
    if kind == "weekday":
        wd = _WEEKDAYS.index(g["wd"].lower())
        which = (g["which"] or "").lower()
        if which == "next":
            ahead = (wd - anchor.weekday()) % 7 or 7
            return anchor + timedelta(days=ahead), "day"
        back = (anchor.weekday() - wd) % 7
        if which == "last" and back == 0:
            back = 7
        return anchor - timedelta(days=back), "day"  # news reports the past: the latest such day
    if kind == "monthday":
        month = _month(g["m1"] or g["m2"])
        day = int(g["d1"] or g["d2"])
        year = g["y1"] or g["y2"]
        try:
            if year:
                return date(int(year), month, day), "day"
            d = date(anchor.year, month, day)
        except ValueError:
            return None
        if (d - anchor).days > 31:  # "December 3" read in January: last year's
            d = _latest_before(anchor.year - 1, month, day)
        return d, "day"
    if kind == "month":
        month = _month(g["m"])
        if g["y"]:
            return date(int(g["y"]), month, 1), "month"
        d = date(anchor.year, month, 1)
        low = m.group(0).lower()
        if d > anchor and not low.startswith(("next", "until", "by")):
            d = date(anchor.year - 1, month, 1)
        return d, "month"
    if kind == "year":
        return date(int(g["y"]), 1, 1), "year"
    if kind == "recent":
        return anchor, "approximate"
    return None


def find_time_expressions(text: str, anchor: date) -> list[TimeExpression]:
    """Time expressions of ``text`` resolved against ``anchor``, in text order, not overlapping."""
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    for kind, rx in _PATTERNS:
        if not any(n in low for n in _NEEDLES[kind]):
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            res = _resolve(kind, m, anchor)
            if res is None:
                continue
            found.append(TimeExpression(s, e, m.group(0), res[0], res[1]))
            taken.append((s, e))
    return sorted(found, key=lambda x: x.start)
