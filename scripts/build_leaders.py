"""Build ``src/diplograph/data/kb/leaders.tsv`` from REIGN, Archigos and the CIA World Factbook.

Usage: ``python scripts/build_leaders.py [SHARED]`` (default ``../shared`` beside the
repository). Reads ``data/leaders/leaderlist_3_21.csv`` (REIGN, Bell 2016, to 2021),
``data/leaders/archigos_4.1.csv`` (Archigos 4.1, Goemans, Gleditsch & Chiozza 2009, to
2015), ``data/leaders/regime_list.csv`` (country names by COW code) and
``data/leaders/factbook_executives.jsonl`` (CIA World Factbook executive texts, 2015-10 to
2026-01, public domain; see ``scripts/factbook_leaders.py``). Countries are mapped to the
ISO-3 codes of the shipped Phoenix country dictionary by name. Output columns: country,
leader, start, end (empty = still in office when the source ends), title (REIGN/Archigos:
from the regime type; Factbook: as written), source, surname (the Factbook's capitals),
office (``state``/``government``/``other``: the Factbook field), nickname (a nickname the
Factbook quotes inside the name). REIGN wins over Archigos where both cover a tenure; a
REIGN tenure still open in 2021 is closed when the Factbook shows its holder gone.
The first comment line names the last Factbook snapshot: the date the table ends.
"""
from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplograph.actors.aliases import surname_of, translit_key  # noqa: E402
from diplograph.actors.kb import _default_kb, phrase_key  # noqa: E402
from diplograph.actors.spelling import same_word  # noqa: E402
from diplograph.analysis.geo import countries  # noqa: E402
from diplograph.lexicon import word_class  # noqa: E402
from factbook_leaders import endings, holdings, nicknames, tenures  # noqa: E402

# COW country names that the Phoenix dictionary spells differently.
NAME_FIXES = {
    "Ivory Coast": "COTE_D'IVOIRE", "Congo-Brz": "REPUBLIC_OF_CONGO", "Congo-Kin": "DEMOCRATIC_REPUBLIC_OF_CONGO",
    "Congo/Zaire": "DEMOCRATIC_REPUBLIC_OF_CONGO", "Zaire": "DEMOCRATIC_REPUBLIC_OF_CONGO",
    "Cen African Rep": "CENTRAL_AFRICAN_REPUBLIC", "Dominican Rep": "DOMINICAN_REPUBLIC",
    "Germany East": "EAST_GERMANY", "Germany West": "GERMANY", "Korea North": "NORTH_KOREA",
    "Korea South": "SOUTH_KOREA", "Vietnam North": "NORTH_VIETNAM", "Vietnam South": "SOUTH_VIETNAM",
    "Yemen North": "YEMEN", "Yemen South": "SOUTH_YEMEN", "UAE": "UNITED_ARAB_EMIRATES",
    "USSR": "SOVIET_UNION", "Russia": "RUSSIA", "Serbia": "SERBIA", "Timor Leste": "EAST_TIMOR",
    "Bosnia": "BOSNIA", "UKG": "UNITED_KINGDOM", "Czech Rep": "CZECH_REPUBLIC", "Myanmar (Burma)": "MYANMAR", "Cape Verde": "CAPE_VERDE",
}


def country_code(kb, name: str) -> str | None:
    name = NAME_FIXES.get(name, name)
    words = list(phrase_key(name.replace("-", " ").replace(",", " ")))
    m = kb.longest_match(words, 0)
    if m is not None and m[0] == len(words) and m[1].entry is None and m[1].kind == "demonym" and m[1].country:
        return m[1].country  # a state the Phoenix dictionary lacks, named by the state tables (Kosovo: XKX)
    if m is None or m[0] != len(words) or m[1].entry is None:
        return None
    for r in m[1].entry.rules:
        if len(r.code) == 3 and not r.code.startswith("IGO"):
            return r.code
    code = m[1].entry.code_on(None)
    return code[:3] if code else None


TITLES = {"parliamentary": "Prime Minister", "monarchy": "King"}


def _month_after(year: int, month: int) -> str:
    """REIGN gives the end month only: the tenure is taken to last through that month."""
    return date(year + month // 12, month % 12 + 1, 1).isoformat()


def main(shared: Path) -> int:
    kb = _default_kb()
    lead = shared / "data" / "leaders"
    names: dict[str, str] = {}
    regimes: dict[str, list[tuple[date, str]]] = {}
    with (lead / "regime_list.csv").open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            names[row["cowcode"]] = row["gwf_country"]  # the latest name: Russia, not USSR
            m, d, y = (int(x) for x in row["gwf_startdate"].split("/"))
            regimes.setdefault(row["cowcode"], []).append((date(y, m, d), row["gwf_regimetype"].strip()))

    def title(cow: str, start: date) -> str:
        """The usual title of the effective leader under the regime in force at the start."""
        kind = ""
        for since, k in sorted(regimes.get(cow, [])):
            if since <= start:
                kind = k
        return TITLES.get(kind, "President")
    iso: dict[str, str] = {}
    missing: set[str] = set()
    for cow, name in names.items():
        c = country_code(kb, name)
        if c:
            iso[cow] = c
        else:
            missing.add(name)
    rows: list[tuple[str, ...]] = []
    seen: set[tuple[str, str, int]] = set()
    with (lead / "leaderlist_3_21.csv").open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            c = iso.get(row["ccode"])
            if not c or not row["syear"]:
                missing.add(row["stateabb"]) if not c else None
                continue
            start = date(int(row["syear"]), int(row["smonth"] or 1), int(row["sdate"] or 1))
            end = _month_after(int(row["eyear"]), int(row["emonth"] or 12)) if row["eyear"] else ""
            rows.append((c, row["leader"].strip(), start.isoformat(), end, title(row["ccode"], start), "REIGN"))
            seen.add((c, translit_key(surname_of(row["leader"])), start.year))
    with (lead / "archigos_4.1.csv").open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            c = iso.get(row["ccode"])
            if not c:
                continue
            start = row["startdate"]
            key = (c, translit_key(surname_of(row["leader"])), int(start[:4]))
            if key in seen:
                continue
            end = "" if row["exit"] == "Still in Office" else row["enddate"]
            rows.append((c, row["leader"].strip(), start, end, title(row["ccode"], date.fromisoformat(start)),
                         "Archigos"))
    rows = [r + ("", "", "") for r in rows]
    rows, data_end = _with_factbook(rows, lead / "factbook_executives.jsonl")
    out = ROOT / "src" / "diplograph" / "data" / "kb" / "leaders.tsv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# data-end: {data_end.isoformat()}\n"
                 "# Heads of state/government by tenure, from REIGN (Bell 2016, OEF Research; to 2021),\n"
                 "# Archigos 4.1 (Goemans, Gleditsch & Chiozza 2009; to 2015) and the CIA World Factbook\n"
                 "# (public domain; executive texts 2015-2026, with other offices it names). Built by\n"
                 "# scripts/build_leaders.py; empty end = in office when the source ends.\n")
        fh.write("country\tleader\tstart\tend\ttitle\tsource\tsurname\toffice\tnickname\n")
        for r in sorted(rows):
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} tenures → {out.relative_to(ROOT)}; unmapped: {sorted(missing)}")
    return 0


def _with_factbook(rows: list[tuple[str, ...]], path: Path) -> tuple[list[tuple[str, ...]], date]:
    """REIGN/Archigos rows plus the Factbook's tenures; REIGN's open tenures closed where the
    Factbook shows the holder gone (the end of the holder's last Factbook tenure)."""
    if not path.exists():
        return rows, date(2021, 3, 1)
    hs = holdings(path, word_class("office_words"))
    kb = _default_kb()
    remap: dict[str, str | None] = {}
    own = {h.country for h in hs}
    for h in hs:  # ISO-3 codes the Phoenix scheme writes otherwise (Timor-Leste, Kosovo); not a dependency
        if h.country not in kb.countries and h.country not in remap:
            code = country_code(kb, h.country_name)
            # never onto another state the Factbook covers (Greenland is not Denmark's executive); its own code
            # when the state tables name it (Kosovo) or the countries table gives it a code of its own (a
            # territory with its own executive: Greenland, Puerto Rico)
            remap[h.country] = code if code == h.country or code not in own else (
                h.country if countries().get(h.country, {}).get("code") == h.country else None)
    hs = [h for h in hs if h.country in kb.countries or remap.get(h.country)]
    for h in hs:
        h.country = h.country if h.country in kb.countries else remap[h.country] or h.country
    fb, data_end = tenures(hs, endings(path))
    # A state the Phoenix dictionary lacks (Kosovo, Macau) keeps its own executive, not a head of another state
    # the Factbook lists as its chief of state too (China's president for Macau): one person, one state's tables.
    fb = [t for t in fb if t.country in kb.countries or not any(
        o.country != t.country and o.country in kb.countries and translit_key(o.name) == translit_key(t.name)
        and o.start < (t.end or date.max) and t.start < (o.end or date.max) for o in fb)]
    nick = nicknames(hs)
    covered = {t.country for t in fb}
    heads: dict[str, list] = {}
    for t in fb:
        if t.office in ("state", "government"):
            heads.setdefault(t.country, []).append(t)
    out: list[tuple[str, ...]] = []
    for r in rows:
        if r[5] in ("REIGN", "Archigos") and not r[3] and r[0] in covered:
            # Still in office when REIGN (2021) or Archigos (2015) ends: the Factbook says until when.
            # Only the Factbook tenures that had begun when the source ended: a later return to office
            # (a second term after years out) does not stretch this one over the years between.
            cutoff = date(2021, 3, 1) if r[5] == "REIGN" else date(2015, 12, 31)
            same = [t for t in heads.get(r[0], []) if same_word(surname_of(r[1]), t.surname.split()[-1])
                    or same_word(surname_of(r[1]), t.name.split()[-1])]
            same = [t for t in same if t.start <= cutoff] or same
            if same and all(t.end for t in same):
                r = r[:3] + (max(t.end for t in same).isoformat(),) + r[4:]
        out.append(r)
    for t in fb:
        out.append((t.country, t.name, t.start.isoformat(), t.end.isoformat() if t.end else "", t.title, "Factbook",
                    t.surname, t.office, nick.get((t.country, t.name), "")))
    return out, data_end


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"))
