"""Dated roles of heads of state and government (REIGN to 2021, Archigos 4.1 to 2015).

Reads ``data/kb/leaders.tsv`` (built by ``scripts/build_leaders.py``). ``role_on`` says
whether a named person led a state on a date (``GOV``), had led it before (``ELI``, a
former leader), or neither. A tenure with no end was still running when the source
stopped, so it is taken to run on.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..data import data_path
from .aliases import surname_of, translit_key


@dataclass(frozen=True)
class Tenure:
    country: str
    leader: str
    start: date
    end: date | None  # exclusive; None = still in office when the source ends
    title: str = "President"

    def holds(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass
class LeaderRole:
    country: str
    sector: str  # GOV (in office) | ELI (former leader)
    tenure: Tenure

    @property
    def code(self) -> str:
        return self.country + self.sector


# How long after a surname-only tenure ended a full name in the text may still be that leader.
SURNAME_ONLY_YEARS = 25


@dataclass
class Leaders:
    by_surname: dict[str, list[Tenure]] = field(default_factory=dict)

    def add(self, t: Tenure) -> None:
        self.by_surname.setdefault(translit_key(surname_of(t.leader)), []).append(t)

    def tenures(self, name: str, country: str | None = None) -> list[Tenure]:
        """Tenures of people whose surname (and given name, when both give one) match ``name``."""
        words = name.split()
        out = []
        for t in self.by_surname.get(translit_key(surname_of(name)), []):
            if country and t.country != country:
                continue
            lw = t.leader.split()
            if len(lw) > 1 and len(words) > 1 and translit_key(lw[0]) != translit_key(words[0]):
                continue
            out.append(t)
        return out

    def role_on(self, name: str, on: date | None, country: str | None = None,
                title: str | None = None) -> LeaderRole | None:
        """The person's role on ``on``; None when unknown or ambiguous between states.

        A list that gives only a surname cannot check a given name: a full name in the text
        (``Phil Collins``) matches such a tenure only when no state is given and the date is
        within ``SURNAME_ONLY_YEARS`` of its end (a namesake decades later is someone else);
        and a title the text gives that is another office of the same kind (``Finance
        Minister`` against a ``Prime Minister``) is another person."""
        ts = self.tenures(name, country)
        if not ts or on is None:
            return None
        if len({t.country for t in ts}) > 1:
            return None
        if len(name.split()) > 1 and country is None:
            ts = [t for t in ts if len(t.leader.split()) > 1 or t.end is None
                  or on.year - t.end.year <= SURNAME_ONLY_YEARS]
        if title:
            ts = [t for t in ts if len(t.leader.split()) > 1 or not other_office(title, t.title)]
        if not ts:
            return None
        current = [t for t in ts if t.holds(on)]
        if current:
            return LeaderRole(current[0].country, "GOV", current[0])
        past = [t for t in ts if t.end is not None and t.end <= on]
        if past:
            # Ended before the date, and not back in office: a former leader.
            return LeaderRole(past[-1].country, "ELI", max(past, key=lambda t: t.start))
        return None


    def nationality(self, name: str, country: str | None = None) -> str | None:
        """The one state whose leader lists name this person (whatever the date), else None.

        Only a full name matching a full name of the lists: a surname alone matches too many
        people who never led anything (``William Martin``, ``Louis Harris``)."""
        if len(name.split()) < 2:
            return None
        states = {t.country for t in self.tenures(name, country) if len(t.leader.split()) > 1}
        return states.pop() if len(states) == 1 else None


def other_office(text_title: str, tenure_title: str) -> bool:
    """``Finance Minister`` against ``Prime Minister``: the same kind of office (the last word),
    not the same office."""
    said, held = text_title.lower().split(), tenure_title.lower().split()
    return bool(said) and said[-1] == held[-1] and said[-len(held):] != held


@lru_cache(maxsize=1)
def load_leaders() -> Leaders:
    leaders = Leaders()
    with data_path("kb", "leaders.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"):
            end = date.fromisoformat(row["end"]) if row["end"] else None
            leaders.add(Tenure(row["country"], row["leader"], date.fromisoformat(row["start"]), end,
                               row.get("title") or "President"))
    return leaders
