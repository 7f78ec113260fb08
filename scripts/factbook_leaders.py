"""Dated office holders from the CIA World Factbook's executive texts (2015-2026).

Read by ``scripts/build_leaders.py``. ``../shared/data/leaders/factbook_executives.jsonl`` has one
row each time a country's executive text changed (``snapshot`` date, ``iso3``, ``chief_of_state``,
``head_of_government``): free text such as ``President Kasym-Zhomart TOKAYEV (since 20 March 2019);
Vice President X Y (since …)``, surnames in capitals, several holders separated by ``;``, notes
after ``note -``. A holder's tenure starts at the ``since`` date (else the first snapshot naming
them) and ends at the first later snapshot of the country that no longer names them in that
office (the successor's ``since`` date when it is later than the start); a holder in the last
snapshot is still in office when the data ends. Quoted nicknames inside a name (``Ferdinand
"BongBong" MARCOS``) are returned as sobriquets.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                      "dec"], 1)}
PARTICLES = {"bin", "bint", "ibn", "al", "el", "da", "de", "dos", "das", "du", "van", "von", "der", "la", "le",
             "di", "del", "y", "ould", "ag", "ben"}
FIELDS = {"chief_of_state": "state", "head_of_government": "government"}
# An entry that names no holder.
_SKIP = re.compile(r"^(represented by|note|other|the |in |position|installed|first elected|head of state|"
                   r"presidency member|heir apparent|\(|[a-z])")


@dataclass
class Holding:
    country: str
    name: str  # natural case: "Kasym-Zhomart Tokayev", "Lee Jae-myung", "Muhammad bin Salman"
    surname: str  # the words the Factbook writes in capitals, in natural case
    title: str  # as written before the name: "President", "Crown Prince and Prime Minister"
    office: str  # state | government | other (a second holder in a field: vice president …)
    since: date | None
    snapshot: date
    nickname: str | None = None
    country_name: str = ""


def since_date(text: str) -> date | None:
    """``28 April 2014``, ``5 Sep 2025``, ``April 2018``, ``2019`` (the first date in the text)."""
    m = re.search(r"(?:(\d{1,2})\s+)?([A-Za-z]{3,})\.?\s+(\d{4})", text)
    if m and m.group(2)[:3].lower() in MONTHS:
        return date(int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1) or 1))
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    return date(int(m.group(1)), 1, 1) if m else None


def _capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def natural(word: str) -> str:
    """``KHAMENEI`` → ``Khamenei``, ``Hoseini-KHAMENEI`` → ``Hoseini-Khamenei``, ``BIN`` → ``bin``."""
    parts = []
    for p in word.split("-"):
        if re.fullmatch(r"[IVX]+", p):
            parts.append(p)  # a regnal number: Charles III
            continue
        if _capitals(p):
            low = p.lower()
            p = low if low in PARTICLES else low[:1].upper() + low[1:]
            p = re.sub(r"(?<=['’])([a-z])", lambda m: m.group(1).upper(), p) if "'" in p[1:-1] else p
        parts.append(p)
    return "-".join(parts)


def parse_entry(entry: str, office_words: frozenset[str]) -> tuple[str, str, str, date | None, str | None] | None:
    """(title, name, surname, since, nickname) of one holder entry, or None when it names nobody."""
    e = entry.strip().strip(".")
    if not e or _SKIP.match(e) or "(vacant)" in e:
        return None
    if re.fullmatch(r"(?:[A-Z][\w'’]+\s+){1,3}(?:al-|el-)?[A-Z][\w'’]+", e) and not any(
            _capitals(w) or w.lower() in office_words for w in e.split()):
        # A bare name with neither title nor capitals (``Ahmad al-Shara'``): the last word is the surname.
        w = e.split()
        return "", e.rstrip("'’"), w[-1].rstrip("'’"), None, None
    since = None
    m = re.search(r"\((?:since|from)\s+([^)]*)\)?", e)
    if m:
        since = since_date(m.group(1))
        e = e[:m.start()]
    e = re.split(r"\s\(|\s[-–]\s", e)[0]
    e = re.split(r",\s+(?!(?:Jr|Sr|II|III)\b)", e)[0].strip()
    nickname = None
    q = re.search(r"[\"“]([^\"”]+)[\"”]", e)
    if q:
        if re.fullmatch(r"[A-Z][A-Za-z'-]+", q.group(1)):
            nickname = q.group(1)
        e = (e[:q.start()] + e[q.end():]).strip()
    words = e.split()
    k = 0
    while k < len(words) and words[k].lower().strip(",") in office_words and not _capitals(words[k]):
        k += 1
    title, rest = " ".join(words[:k]), words[k:]
    caps = [w for w in rest if any(_capitals(p) for p in w.split("-"))]
    if not rest or not caps or len(rest) > 8 or "and" in rest:
        return None
    name = " ".join(natural(w.strip(",")) for w in rest)
    surname = " ".join(natural(w.strip(",")) for w in caps)
    return title, name, surname, since, nickname


def holdings(path: Path, office_words: frozenset[str]) -> list[Holding]:
    out: list[Holding] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if not row.get("iso3"):
            continue
        snap = date.fromisoformat(row["snapshot"])
        for fld, office in FIELDS.items():
            text = re.sub(r"<[^>]+>", " ", html.unescape(row.get(fld) or ""))
            text = re.split(r"\bnote\b\s*(?:\d\s*)?[-:–]", text)[0]
            for k, entry in enumerate(text.split(";")):
                if entry.strip().lower().startswith("also spelled") and out and out[-1].snapshot == snap \
                        and out[-1].since is None:
                    # "X Y; also spelled Z W (since …)": the date belongs to the holder just named
                    m = re.search(r"\((?:since|from)\s+([^)]*)\)?", entry)
                    out[-1].since = since_date(m.group(1)) if m else None
                    continue
                got = parse_entry(entry, office_words)
                if got is None:
                    continue
                title, name, surname, since, nick = got
                kind = office if k == 0 else "other"
                out.append(Holding(row["iso3"], name, surname, title or ("President" if office == "state"
                                                                            else "Prime Minister"),
                                   kind, since, snap, nick, row.get("country") or ""))
    return out


@dataclass
class FactbookTenure:
    country: str
    name: str
    surname: str
    title: str
    office: str
    start: date
    end: date | None


def person_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def tenures(hs: list[Holding]) -> tuple[list[FactbookTenure], date]:
    """Contiguous tenures per (country, person, office); returns them and the data's last snapshot."""
    by_country: dict[str, list[date]] = {}
    for h in hs:
        by_country.setdefault(h.country, [])
        if h.snapshot not in by_country[h.country]:
            by_country[h.country].append(h.snapshot)
    present: dict[tuple[str, str, str], list[Holding]] = {}
    for h in hs:
        present.setdefault((h.country, person_key(h.surname + h.name), h.office), []).append(h)
    out: list[FactbookTenure] = []
    for (country, _, office), items in present.items():
        snaps = sorted(by_country[country])
        seen = sorted({h.snapshot for h in items})
        # Split into runs of consecutive snapshots of the country.
        runs: list[list[date]] = []
        for s in seen:
            if runs and snaps.index(s) == snaps.index(runs[-1][-1]) + 1:
                runs[-1].append(s)
            else:
                runs.append([s])
        for run in runs:
            at = [h for h in items if run[0] <= h.snapshot <= run[-1]]
            since = min((h.since for h in at if h.since), default=None) or run[0]
            if since > run[0]:
                since = run[0] if not any(h.since for h in at) else since
            nxt = snaps.index(run[-1]) + 1
            end = None
            if nxt < len(snaps):
                end = snaps[nxt]
                successor = [h.since for h in hs if h.country == country and h.snapshot == end
                             and h.office == office and h.since and h.since > since]
                if successor:
                    end = min(max(successor), end)
            latest = at[-1]
            out.append(FactbookTenure(country, latest.name, latest.surname, latest.title, office, since, end))
    # A holder respelled between snapshots (PAETONGTARN Shinawatra → PHAETHONGTHAN Chinnawat) keeps the
    # same "since" date: the earlier spelling holds as long as the later one.
    for t in out:
        for o in out:
            if o is not t and o.country == t.country and o.office == t.office and o.start == t.start \
                    and t.end is not None and (o.end is None or o.end > t.end) and t.end >= o.start:
                t.end = o.end
    # A holder the Factbook names without a "since" date took over when the previous holder of the
    # office left, if that is earlier than the first snapshot naming them.
    undated = {(h.country, h.name) for h in hs if h.since is None}
    for t in out:
        if (t.country, t.name) in undated:
            before = [o.end for o in out if o.country == t.country and o.office == t.office and o.end
                      and o.end <= t.start and o.name != t.name]
            if before:
                t.start = max(before)
    return out, max(h.snapshot for h in hs)


def nicknames(hs: list[Holding]) -> dict[tuple[str, str], str]:
    """(country, holder name) → the quoted nickname the Factbook gives inside the name."""
    return {(h.country, h.name): h.nickname for h in hs if h.nickname}
