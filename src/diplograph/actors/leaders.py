"""Dated roles of heads of state and government and the other offices the CIA World Factbook
names (REIGN to 2021, Archigos 4.1 to 2015, the Factbook 2015-2026).

Reads ``data/kb/leaders.tsv`` (built by ``scripts/build_leaders.py``). ``role_on`` says
whether a named person led a state on a date (``GOV``), had led it before (``ELI``, a
former leader), or neither; ``holder`` says who held an office of a state on a date (``the
South Korean president``). A tenure with no end was still running when the source stopped, so
it is taken to run on: a date after the table's end (``Leaders.data_end``) keeps the last
known holder, and ``beyond_data`` says so.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..cache import cached
from ..data import data_path
from ..lexicon import table, word_class
from ..text import fold as fold_module
from . import aliases as aliases_module
from .aliases import surname_of, translit_key
from .spelling import shared_units, units


@dataclass(frozen=True)
class Tenure:
    country: str
    leader: str
    start: date
    end: date | None  # exclusive; None = still in office when the source ends
    title: str = "President"
    surname: str = ""  # the family name when the source marks it (the Factbook's capitals)
    office: str = ""  # state | government | other (Factbook); "" = the state's effective leader (REIGN)
    source: str = ""
    nickname: str = ""  # a nickname the source quotes inside the name (Factbook)

    @property
    def family(self) -> str:
        return self.surname or surname_of(self.leader)

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


# The first snapshot of the CIA World Factbook's executive texts: from then on it names the holders.
FACTBOOK_START = date(2015, 10, 26)

# How recently a holder must have left an office for "the former <office>" with no name to be them.
RECENT_YEARS = 2

# How long after a surname-only tenure ended a full name in the text may still be that leader.
SURNAME_ONLY_YEARS = 25


@dataclass
class Leaders:
    by_surname: dict[str, list[Tenure]] = field(default_factory=dict)
    by_country: dict[str, list[Tenure]] = field(default_factory=dict)
    data_end: date | None = None  # the last date the sources describe
    _kin: dict[Tenure, list[Tenure]] = field(default_factory=dict)

    def add(self, t: Tenure) -> None:
        keys = {translit_key(surname_of(t.leader))}
        # A family name the source marks, written first or in several words (Lee Jae-myung,
        # Lula da Silva, Muhammad bin Salman): each of its words finds the tenure.
        keys |= {translit_key(w) for w in t.family.replace("-", " ").split() if len(w) > 2}
        if t.surname:
            keys.add(translit_key(t.surname))
        for k in keys:
            self.by_surname.setdefault(k, []).append(t)
        self.by_country.setdefault(t.country, []).append(t)

    def tenures(self, name: str, country: str | None = None) -> list[Tenure]:
        """Tenures of people whose family name (and given name, when both give one) match ``name``.

        A name of several words matches a full name of several words when two of their
        spelling-insensitive word keys agree (``Lee Jae Myung`` ~ ``Lee Jae-myung``; not ``Kim
        Min-seok`` ~ ``Kim Jong Un``); a one-word name only the family name."""
        words = name.split()
        while len(words) > 1 and words[0].lower() in _styles():
            words = words[1:]  # "Sheikh X": a style of address, not a word of the name
        name = " ".join(words)
        # "A bin B": A, son of B. The chain's first word is the person's own name; a tenure whose holder has
        # another (the father B, a brother "C bin B") is no tenure of A.
        own = translit_key(words[0]) if len(words) > 2 and any(
            w.lower() in word_class("patronymic_particles") for w in words[1:-1]) else None
        out: list[Tenure] = []
        seen: set[int] = set()
        keys = [translit_key(surname_of(name))]
        if len(words) > 1:
            keys.append(translit_key(words[0]))  # family name first
        for key in keys:
            for t in self.by_surname.get(key, []):
                if id(t) in seen or (country and t.country != country):
                    continue
                lw = t.leader.split()
                if len(words) == 1:
                    if translit_key(name) not in {translit_key(w) for w in t.family.replace("-", " ").split()} \
                            | {translit_key(t.family), translit_key(surname_of(t.leader))}:
                        continue
                elif len(lw) > 1:
                    # Every word of a short name, three of a long one (Kim Yo Jong is not Kim Jong Un).
                    if shared_units(name, t.leader) < max(2, min(3, len(units(name)), len(units(t.leader)))):
                        continue
                elif key != keys[0]:
                    continue
                if own is not None and not _own_name_agrees(own, t.leader):
                    continue
                seen.add(id(t))
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
        ts = ts + [k for t in ts for k in self.kin(t) if k not in ts]
        current = [t for t in ts if t.holds(on)]
        if current:
            return LeaderRole(current[0].country, "GOV", current[0])
        past = [t for t in ts if t.end is not None and t.end <= on]
        if past:
            # Ended before the date, and not back in office: a former leader.
            return LeaderRole(past[-1].country, "ELI", max(past, key=lambda t: t.start))
        return None


    def kin(self, t: Tenure) -> list[Tenure]:
        """The other tenures of the person who held ``t``: in the same state under the same family name,
        with two words of the full names in common, or a surname-only tenure (REIGN's ``Biden``) that
        overlaps a full-name one (the Factbook's ``Joseph R. Biden Jr.``), whose other offices (vice
        president before) are the person's too. Precomputed once per tenure."""
        got = self._kin.get(t)
        if got is None:
            got = []
            family = {translit_key(surname_of(t.leader)), translit_key(t.family)}
            for o in self.by_country.get(t.country, []):
                if o is t or o in got:
                    continue
                if len(o.leader.split()) > 1 and len(t.leader.split()) > 1:
                    # "Samia Suluhu" (vice president) and "Samia Suluhu Hassan" (president): one person,
                    # every word of the shorter name in the longer (two brothers share a given name too)
                    if shared_units(o.leader, t.leader) >= max(2, min(len(units(o.leader)), len(units(t.leader)))):
                        got.append(o)
                elif _overlap(o, t) and family & {translit_key(surname_of(o.leader)), translit_key(o.family)}:
                    got.append(o)
            if len(t.leader.split()) == 1:  # via the full-name tenure it overlaps: that person's others
                for o in list(got):
                    got += [k for k in self.kin(o) if k is not t and k not in got] if len(o.leader.split()) > 1 else []
            self._kin[t] = got
        return got

    def holder(self, country: str, on: date | None, office: str) -> Tenure | None:
        """Who held ``office`` of ``country`` on ``on``: ``office`` is a title as a text writes it
        (``president``, ``prime minister``, ``crown prince``, ``supreme leader``) or ``leader``
        (the state's effective leader: REIGN's, else the holder of the office REIGN's last
        leader of the state held, else the head of state). None when nobody or several fit."""
        if on is None:
            return None
        every = [t for t in self.by_country.get(country, []) if t.holds(on)]
        now = every
        if on >= FACTBOOK_START and any(t.source == "Factbook" for t in now):
            # The Factbook names every office on the date; an open REIGN/Archigos tenure may be stale.
            now = [t for t in now if t.source == "Factbook"]
        if not now:
            return None
        want = office.lower().strip()
        got = self._holder_among(country, now, want)
        if got is None and len(now) < len(every):
            # The Factbook's text gave no holder of this office (a title its reader missed, ``President of the
            # Government``): the open REIGN/Archigos tenure of the office is the best knowledge there is.
            older = {"head of government": "prime minister"}.get(want, want)  # their tenures name no field
            got = self._holder_among(country, [t for t in every if t not in now], older)
        return got

    def _holder_among(self, country: str, now: list[Tenure], want: str) -> Tenure | None:
        if want in ("leader", "ruler", "strongman", "head", "chief", "leadership", "head of state",
                    "head of government"):
            if want == "head of state":
                fits = [t for t in now if t.office == "state"]
            elif want == "head of government":
                fits = [t for t in now if t.office == "government"]
            else:
                fits = [t for t in now if not t.office and t.source == "REIGN"] or self._effective(country, now)
        else:
            fits = [t for t in now if title_fits(want, t.title)]
        # One person under two spellings (the same office from the same day) is one holder.
        people = {(t.start, t.office): t for t in fits}
        if len({translit_key(t.family) for t in people.values()}) > 1 and len({k[0] for k in people}) == 1:
            people = {next(iter(people)): next(iter(people.values()))}
        people = {translit_key(t.family): t for t in people.values()}
        if len(people) != 1:
            return None
        return next(iter(people.values()))

    def former_holder(self, country: str, on: date | None, office: str, years: int = RECENT_YEARS) -> Tenure | None:
        """The one person who left ``office`` of ``country`` within ``years`` before ``on`` and does not hold it
        on ``on`` (``the former South Korean president`` in a text nobody names them in); None when nobody or
        several people fit, or the date is unknown."""
        if on is None:
            return None
        want = office.lower().strip()
        heads = want in ("leader", "ruler", "strongman", "head", "chief", "leadership")
        now = {translit_key(t.family) for t in self.by_country.get(country, []) if t.holds(on)}
        fits: dict[str, Tenure] = {}
        for t in self.by_country.get(country, []):
            if t.end is None or t.end > on or (on - t.end).days > 366 * years:
                continue
            if not (t.office in ("state", "government", "") if heads else title_fits(want, t.title)):
                continue
            key = translit_key(t.family)
            if key in now:
                continue  # still (or again) in office: not a former holder
            if key not in fits or (t.end, len(t.leader)) > (fits[key].end, len(fits[key].leader)):  # type: ignore[operator]
                fits[key] = t
        # One person under two spellings (the same office from the same day) is one holder.
        if len({(t.start, t.office) for t in fits.values()}) == 1 and fits:
            return max(fits.values(), key=lambda t: len(t.leader))
        return next(iter(fits.values())) if len(fits) == 1 else None

    def spellings(self, t: Tenure) -> list[str]:
        """Every name the tables give the holder of ``t`` (the same office of the same state from the
        same day: the Factbook writes one person several ways, ``Abdel Fattah el-Sisi`` and
        ``Abdelfattah Said Elsisi``), ``t``'s own first."""
        out = [t.leader]
        for o in self.by_country.get(t.country, []):
            if o.start == t.start and o.office == t.office and o.leader not in out:
                out.append(o.leader)
        return out

    def _effective(self, country: str, now: list[Tenure]) -> list[Tenure]:
        """The holders of the office that leads the state: the office REIGN's latest leader of the
        state held (a prime minister in a parliamentary state), else the head of state."""
        reign = [t for t in self.by_country.get(country, []) if t.source == "REIGN"]
        kind = "state"
        if reign:
            last = max(reign, key=lambda t: t.start)
            # The office REIGN's last effective leader held in the Factbook, else REIGN's own title.
            held = [t for t in self.by_country.get(country, []) if t.source == "Factbook"
                    and t.office in ("state", "government")
                    and shared_units(last.leader, t.leader) >= min(2, len(last.leader.split()))]
            if held:
                kind = max(held, key=lambda t: t.start).office  # the office they held last
            elif last.title == "Prime Minister":
                kind = "government"
        fits = [t for t in now if t.office == kind] or [t for t in now if t.office == "state"]
        return fits

    def beyond_data(self, on: date | None) -> bool:
        """The date is after the last date the tables describe: holders are the last known ones."""
        return bool(on and self.data_end and on > self.data_end)

    def nationality(self, name: str, country: str | None = None) -> str | None:
        """The one state whose leader lists name this person (whatever the date), else None.

        Only a full name matching a full name of the lists: a surname alone matches too many
        people who never led anything (``William Martin``, ``Louis Harris``)."""
        if len(name.split()) < 2:
            return None
        states = {t.country for t in self.tenures(name, country) if len(t.leader.split()) > 1}
        if not states:
            states = self.father_states(name, country)
        return states.pop() if len(states) == 1 else None

    def father_states(self, name: str, country: str | None) -> set[str]:
        """``A bin B`` where B (the father) held an office: A is of B's state (a son of a ruling family), with no
        office of his own from it."""
        words = name.split()
        at = next((i for i, w in enumerate(words[1:-1], 1) if w.lower() in word_class("patronymic_particles")), None)
        if at is None:
            return set()
        father = words[at + 1:]
        key = translit_key(father[0])
        return {t.country for k in {key, translit_key(surname_of(" ".join(father)))}
                for t in self.by_surname.get(k, []) if (country is None or t.country == country)
                and _own_name_agrees(key, t.leader)}


def _overlap(a: Tenure, b: Tenure) -> bool:
    return a.start < (b.end or date.max) and b.start < (a.end or date.max)


def _own_name_agrees(own: str, leader: str) -> bool:
    """The first word of the table holder's name (styles aside) is the person's own name ``own`` (a key)."""
    words = [w for w in leader.split() if w.lower() not in _styles()]
    if not words:
        return False
    first = units(words[0])
    mine = units(own)
    return bool(first and mine) and (first[0][0] == mine[0][0] or (len(first[0][1]) >= 3 and first[0][1] == mine[0][1]))


@lru_cache(maxsize=1)
def _styles() -> frozenset[str]:
    return word_class("style_titles")


def other_office(text_title: str, tenure_title: str) -> bool:
    """``Finance Minister`` against ``Prime Minister``: the same kind of office (the last word),
    not the same office."""
    said, held = text_title.lower().split(), tenure_title.lower().split()
    return bool(said) and bool(held) and said[-1] == held[-1] and said[-len(held):] != held


@lru_cache(maxsize=1)
def office_forms() -> dict[str, tuple[str, ...]]:
    """A title as texts write it → the forms the leader table writes (``data/kb/office_synonyms.tsv``)."""
    return {r["title"]: tuple(r["forms"].split("|")) for r in table("kb", "office_synonyms.tsv")}


# A word before an office's title that makes it another office: a deputy's, or an heir's (``Crown Prince``
# is no monarch's title though its last word is one of them).
_NOT_THE_HOLDER = ("vice", "deputy", "co-vice", "first", "second", "crown", "apparent")


def title_fits(want: str, title: str) -> bool:
    """A title as a text writes it (``president``) names an office the source writes
    (``State Affairs Commission President``, ``Crown Prince and Prime Minister``), not a deputy's
    (``Vice President``, ``First Deputy Prime Minister``)."""
    t = " " + title.lower() + " "
    forms = office_forms().get(want, (want,))
    deputy = any(w in want for w in ("vice", "deputy"))
    for form in forms:
        i = t.find(" " + form + " ")
        while i >= 0:
            before = t[:i].split()
            if deputy or not before or before[-1] not in _NOT_THE_HOLDER or before[-1] in want.split():
                return True
            i = t.find(" " + form + " ", i + 1)
    return False


@lru_cache(maxsize=1)
def load_leaders() -> Leaders:
    """The leaders' table, built once and then read from the on-disk cache (``cache.py``), as the
    knowledge base is: reading the TSV and keying every name cost ~0.1 s in every ingest, before
    the workers fork; the pickle reads back in a fifth of that."""
    sources = [data_path("kb", "leaders.tsv"), data_path("kb", "transliteration.tsv"), Path(__file__),
               Path(aliases_module.__file__), Path(fold_module.__file__)]
    return cached("leaders", sources, _read_leaders)


def _read_leaders() -> Leaders:
    leaders = Leaders()
    with data_path("kb", "leaders.tsv").open(encoding="utf-8") as fh:
        lines = []
        for line in fh:
            if line.startswith("# data-end:"):
                leaders.data_end = date.fromisoformat(line.split(":", 1)[1].strip())
            elif not line.startswith("#"):
                lines.append(line)
        for row in csv.DictReader(lines, delimiter="\t"):
            end = date.fromisoformat(row["end"]) if row["end"] else None
            # An untitled Factbook holder after the first of a field held an office it does not name.
            untitled = row.get("source") == "Factbook" and row.get("office") == "other"
            leaders.add(Tenure(row["country"], row["leader"], date.fromisoformat(row["start"]), end,
                               row.get("title") or ("" if untitled else "President"), row.get("surname") or "",
                               row.get("office") or "", row.get("source") or "", row.get("nickname") or ""))
    return leaders


def note_beyond_data(st) -> None:
    """Warn (once per document) that the document's date is after the leader tables end: an office holder or
    a person's role read from them on that date is the last known one (``st``: the actor stage's State)."""
    leaders = load_leaders()
    if leaders.beyond_data(st.on):
        note = (f"[W010] the document's date {st.on} is after the leader tables end ({leaders.data_end}): "
                f"office holders are the last known ones")
        if note not in st.out.warnings:
            st.out.warnings.append(note)
