"""Build ``src/diplograph/data/kb/births.tsv``: the birth year of the heads of state and government that
REIGN and Archigos record, so that a description by age (``the 80-year-old``) is not bound to a leader the
tables say is another age.

Usage: ``python scripts/build_births.py [SHARED]`` (default ``../shared`` beside the repository). Reads
``data/leaders/leaderlist_3_21.csv`` (REIGN, Bell 2016, OEF Research: ``birthyear``) and
``data/leaders/archigos_4.1.csv`` (Archigos 4.1, Goemans, Gleditsch & Chiozza 2009: ``yrborn``), with the
country mapping of ``scripts/build_leaders.py``. Output columns: country (ISO-3), key (the transliteration key
of the leader's surname), given (the first letter of the key of the given name when the source writes one:
``H. Aliyev`` and ``Ilhma Aliyev`` are two people), leader (as the source writes it), born (year), source. Only
leaders born in 1900 or later; REIGN wins where both give one.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_leaders import country_code  # noqa: E402

from diplograph.actors.aliases import surname_of, translit_key  # noqa: E402
from diplograph.actors.person_facts import given_initial  # noqa: E402
from diplograph.actors.kb import _default_kb  # noqa: E402


def main(shared: Path) -> int:
    kb = _default_kb()
    lead = shared / "data" / "leaders"
    iso: dict[str, str] = {}
    with (lead / "regime_list.csv").open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            c = country_code(kb, row["gwf_country"])
            if c:
                iso[row["cowcode"]] = c
    out: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    years: dict[tuple[str, str, str], set[int]] = {}
    for name, col, who, src in (("leaderlist_3_21.csv", "birthyear", "leader", "REIGN"),
                                ("archigos_4.1.csv", "yrborn", "leader", "Archigos")):
        with (lead / name).open(encoding="utf-8", errors="replace") as fh:
            for row in csv.DictReader(fh):
                c = iso.get(row["ccode"])
                born = (row.get(col) or "").strip()
                if not c or not born.isdigit() or int(born) < 1900:
                    continue
                leader = row[who].strip()
                key = (c, translit_key(surname_of(leader)), given_initial(leader))
                years.setdefault(key, set()).add(int(born))
                if key not in out:
                    out[key] = (leader, born, src)
    # two leaders of one state with one surname, one initial and other years: no year for the name
    out = {k: v for k, v in out.items() if max(years[k]) - min(years[k]) <= 1}
    path = ROOT / "src" / "diplograph" / "data" / "kb" / "births.tsv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Birth years of heads of state and government, from REIGN (Bell 2016, OEF Research) and Archigos 4.1\n"
                 "# (Goemans, Gleditsch & Chiozza 2009). Built by scripts/build_births.py; key = transliteration key\n"
                 "# of the surname, given = first letter of the given name's key (two leaders of one state sharing both with\n"
                 "# other years are left out). Read by actors/person_facts.py (an age description must fit the year).\n")
        fh.write("country\tkey\tgiven\tleader\tborn\tsource\n")
        for (c, k, g), (leader, born, src) in sorted(out.items()):
            fh.write(f"{c}\t{k}\t{g}\t{leader}\t{born}\t{src}\n")
    print(f"{len(out)} birth years → {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"))
