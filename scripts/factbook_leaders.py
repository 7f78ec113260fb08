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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                      "dec"], 1)}
PARTICLES = {"bin", "bint", "ibn", "al", "el", "da", "de", "dos", "das", "du", "van", "von", "der", "la", "le",
             "di", "del", "y", "ould", "ag", "ben"}
FIELDS = {"chief_of_state": "state", "head_of_government": "government"}
# An entry about a holder who left ("X resigned 2 September 2015"): the notes give the end (``endings``).
_GONE = re.compile(r"\b(resign\w*|died|overthrown|ousted|deposed|removed|departed|fled|former)\b", re.I)
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
    field: str = ""  # the field that names the holder: state (chief of state) | government


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
    if not e or _SKIP.match(e) or "(vacant)" in e or _GONE.search(e):
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
    words = [w.strip(",") for w in e.split() if w.strip(",")]
    # The first word in capitals that starts a name: not an office, nor an acronym before a title
    # ("GNU Interim Prime Minister", "CEO Abdullah ABDULLAH").
    first = next((i for i, w in enumerate(words) if any(_capitals(p) for p in w.split("-"))
                  and w.lower() not in office_words and w.lower() not in STATE_FORMS
                  and not (i + 1 < len(words) and words[i + 1].lower() in office_words
                           and not _capitals(words[i + 1]))), None)
    if first is None:
        return None
    # The name: the capitals and the given names just before them (at most four), never a word of the
    # title or of a state's name before it ("President of the Islamic Republic of Afghanistan Ashraf
    # GHANI", "Taliban Leader Haybatullah AKHUNDZADA", "GNU Interim Prime Minister Abdul Hamid DUBAYBAH").
    s = first
    while s > 0 and first - s < 4 and _given(words[s - 1], office_words) \
            and not (s > 1 and words[s - 2].lower() in _CONNECTORS):  # "Minister for Infrastructure X"
        s -= 1
    rest = words[s:]
    # The name ends at the first word after it that names none ("Enda KENNY resigns 9 March 2016").
    end = next((i for i in range(first - s + 1, len(rest)) if not _given(rest[i], office_words)
                and not any(_capitals(p) for p in rest[i].split("-"))), len(rest))
    rest = rest[:end]
    title = _title(words[:s], office_words)
    if not title:
        # Words the office list lacks ("Speaker of the House of Representatives X", "Administrator X", "Pope X"):
        # the words before the name up to the first "of", without styles, are the title.
        pre = [w for w in words[:s] if w.lower() not in STYLES]
        pre = pre[:next((i for i, w in enumerate(pre) if w.lower() in _CONNECTORS - {"and"}), len(pre))]
        if pre and all(w[:1].isupper() or w.lower() == "and" for w in pre) and len(pre) <= 4 \
                and not any(w.endswith(":") for w in pre):
            title = " ".join(pre)
    caps = [w for w in rest if any(_capitals(p) for p in w.split("-"))]
    if not rest or not caps or len(rest) > 8 or "and" in rest:
        return None
    name = " ".join(natural(w) for w in rest)
    surname = " ".join(natural(w) for w in caps)
    return title, name, surname, since, nickname


# Words that style a person (not an office) or name a state's form, never a given name.
STYLES = {"sheikh", "shaykh", "sayyid", "mullah", "dr.", "gen.", "lt.", "col.", "maj.", "sr.", "adm.", "mr.", "ms.",
          "mrs.", "sir", "dame", "hrh", "mr", "ms", "mrs"}
STATE_FORMS = {"republic", "confederation", "government", "kingdom", "federation", "union", "commonwealth",
               "principality", "sultanate", "emirate", "islands", "commissioner", "ceo", "designate",
               "representatives", "bailiff", "administrator"}
# Office words that complete a title but do not end one ("Minister of State for Cabinet Affairs").
NOT_HEAD = {"affairs", "assembly", "council", "commission", "state", "cabinet", "national", "presidency",
            "executive", "of", "the", "and", "federal", "military", "revolutionary", "transitional"}
_CONNECTORS = {"of", "the", "and", "or", "for"}


def _given(word: str, office_words: frozenset[str]) -> bool:
    """A word that can be a given name before the capitals: capitalised, no title, style or state word."""
    low = word.lower()
    if low in PARTICLES or low in ("e", "y") or low.split("-")[0] in PARTICLES:
        return True
    return word[:1].isupper() and low not in office_words and low not in STYLES \
        and low not in STATE_FORMS and low not in _CONNECTORS and not low.endswith("-designate")


def _title(words: list[str], office_words: frozenset[str]) -> str:
    """The office before a name: the run of office words right before it ("Taliban Leader" → Leader,
    "Government or Acting Prime Minister" → Acting Prime Minister), else the entry's leading run
    ("President of the Swiss Confederation" → President); styles and connectors at its ends dropped."""
    def trim(run: list[str]) -> list[str]:
        while run and (run[-1].lower() in STYLES or run[-1].lower() in _CONNECTORS):
            run = run[:-1]
        while run and run[0].lower() in _CONNECTORS:
            run = run[1:]
        return run
    k = len(words)
    while k > 0 and (words[k - 1].lower() in office_words or words[k - 1].lower() in STYLES) \
            and not _capitals(words[k - 1]):
        k -= 1
    near = trim(words[k:])
    if near and near[-1].lower() not in NOT_HEAD:
        return " ".join(near)
    k = 0
    while k < len(words) and words[k].lower() in office_words | STYLES and not _capitals(words[k]):
        k += 1
    return " ".join(trim(words[:k]))


def country_rows(path: Path) -> Iterator[dict]:
    """The snapshot rows of the Factbook's file that belong to a country (an ISO3 code)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("iso3"):
            yield row


def holdings(path: Path, office_words: frozenset[str]) -> list[Holding]:
    out: list[Holding] = []
    for row in country_rows(path):
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
                country = row.get("country") or ""
                if " " in country:  # "President of French Polynesia X Y": the country's name is no given name
                    entry = entry.replace(f" of {country} ", " ")
                got = parse_entry(entry, office_words)
                if got is None:
                    continue
                title, name, surname, since, nick = got
                kind = office if k == 0 else "other"
                # An untitled holder after the first is of an office the Factbook does not say.
                default = "" if k else ("President" if office == "state" else "Prime Minister")
                out.append(Holding(row["iso3"], name, surname, title or default,
                                   kind, since, snap, nick, row.get("country") or "", office))
    return out


# A clause of the Factbook's text (notes included) that says a holder left office, and when.
_LEFT = re.compile(r"\b(resigned|was overthrown|overthrown|departed the country|removal from office|removed from "
                   r"office|was ousted|ousted|fled|died)\b", re.I)
_FULL_DATE = re.compile(r"\b(\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{4})\b")


def endings(path: Path) -> dict[tuple[str, str], date]:
    """(country, surname key) → the earliest date a clause of the text says that holder left office
    ("on 5 August 2024, Prime Minister X resigned", "former President Y was overthrown ... on 8
    December 2024", "the Constitutional Court confirmed Z's ... removal from office"). Only clauses that
    name one person in capitals and give a full date; the caller keeps a date only inside a tenure."""
    out: dict[tuple[str, str], date] = {}
    for row in country_rows(path):
        for fld in FIELDS:
            text = re.sub(r"<[^>]+>", " ", html.unescape(row.get(fld) or ""))
            for clause in re.split(r";|\.\s", text):
                if not _LEFT.search(clause):
                    continue
                m = _FULL_DATE.search(clause)
                on = since_date(m.group(1)) if m else None
                if on is None or not re.search(r"\d{4}", m.group(1)):
                    continue
                people = {person_key(natural(re.sub(r"['’]s$", "", w.strip(",()")))) for w in clause.split()
                          if any(_capitals(p) for p in re.sub(r"['’]s$", "", w.strip(",()")).split("-"))
                          and len(w.strip(",()")) > 2}
                people.discard("")
                if len(people) != 1:
                    continue
                key = (row["iso3"], people.pop())
                if key not in out or on < out[key]:
                    out[key] = on
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


def tenures(hs: list[Holding], left: dict[tuple[str, str], date] | None = None
            ) -> tuple[list[FactbookTenure], date]:
    """Contiguous tenures per (country, person, office); returns them and the data's last snapshot.

    ``left`` (from ``endings``): the date the text says a holder left office ends their tenure there
    when it falls after the last snapshot naming them and before the tenure would otherwise end (a
    snapshot taken days later, or a successor's "since" date)."""
    left = left or {}
    by_country: dict[str, list[date]] = {}
    for h in hs:
        by_country.setdefault(h.country, [])
        if h.snapshot not in by_country[h.country]:
            by_country[h.country].append(h.snapshot)
    last_other: dict[str, date] = {}  # the last snapshot of each country that names a holder of another office
    for h in hs:
        if h.office == "other" and h.snapshot > last_other.get(h.country, date.min):
            last_other[h.country] = h.snapshot
    head_starts: dict[tuple[str, str], set[date]] = {}  # when each chief of state / head of government took office
    for h in hs:
        if h.office in ("state", "government"):
            head_starts.setdefault((h.country, h.office), set()).add(h.since or h.snapshot)
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
            latest_key = at[-1].surname + at[-1].name
            since = min((h.since for h in at if h.since), default=None) or run[0]
            if since > run[0]:
                since = run[0] if not any(h.since for h in at) else since
            nxt = snaps.index(run[-1]) + 1
            end = None
            if nxt < len(snaps):
                end = snaps[nxt]
                # A successor's "since" date between the last snapshot naming the holder and the first
                # that does not (given there or in a later snapshot) is when the holder left.
                successor = [h.since for h in hs if h.country == country and h.snapshot == end
                             and h.office == office and h.since and h.since > since]
                if not successor:  # an undated successor: their date in a later snapshot, if before ``end``
                    successor = [h.since for h in hs if h.country == country and h.office == office and h.since
                                 and run[-1] < h.since <= end
                                 and person_key(h.surname + h.name) != person_key(latest_key)]
                if successor:
                    end = min(max(successor), end)
            latest = at[-1]
            if office == "other" and end is not None and last_other.get(country, date.min) <= run[-1]:
                # The Factbook stopped listing the other offices of this country after this snapshot (in
                # 2024 it cut deputies from most entries): the holder's end is unknown, not that snapshot;
                # taken to be the start of the next chief of state or head of government, if any (a new
                # president brings a new vice president), else still in office.
                end = min((d for d in head_starts.get((country, latest.field), ()) if d > run[-1]), default=None)
            gone = min((d for k in {person_key(latest.surname), person_key(latest.surname.split()[-1])}
                        if (d := left.get((country, k))) is not None), default=None)
            if gone is not None and run[-1] <= gone and since < gone and (end is None or gone < end):
                end = gone
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
    undated = {(h.country, h.name, h.office) for h in hs if h.since is None} - {
        (h.country, h.name, h.office) for h in hs if h.since}  # dated in another snapshot: that date holds
    for t in out:
        if (t.country, t.name, t.office) in undated:
            before = [o.end for o in out if o.country == t.country and o.office == t.office and o.end
                      and o.end <= t.start and o.name != t.name]
            if before:
                t.start = max(before)
    return out, max(h.snapshot for h in hs)


def nicknames(hs: list[Holding]) -> dict[tuple[str, str], str]:
    """(country, holder name) → the quoted nickname the Factbook gives inside the name."""
    return {(h.country, h.name): h.nickname for h in hs if h.nickname}
