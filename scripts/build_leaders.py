"""Build ``src/diplograph/data/kb/leaders.tsv`` from REIGN and Archigos.

Usage: ``python scripts/build_leaders.py [SHARED]`` (default ``../shared`` beside the
repository). Reads ``data/leaders/leaderlist_3_21.csv`` (REIGN, Bell 2016, to 2021),
``data/leaders/archigos_4.1.csv`` (Archigos 4.1, Goemans, Gleditsch & Chiozza 2009, to
2015) and ``data/leaders/regime_list.csv`` (country names by COW code). Countries are
mapped to the ISO-3 codes of the shipped Phoenix country dictionary by name. Output
columns: country, leader, start, end (empty = still in office when the source ends),
title (from the regime type: Prime Minister, King or President), source. REIGN wins where both cover a tenure.
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
    out = ROOT / "src" / "diplograph" / "data" / "kb" / "leaders.tsv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Heads of state/government by tenure, from REIGN (Bell 2016, OEF Research; to 2021)\n"
                 "# and Archigos 4.1 (Goemans, Gleditsch & Chiozza 2009; to 2015). Built by\n"
                 "# scripts/build_leaders.py; empty end = in office when the source ends.\n")
        fh.write("country\tleader\tstart\tend\ttitle\tsource\n")
        for r in sorted(rows):
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} tenures → {out.relative_to(ROOT)}; unmapped: {sorted(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"))
