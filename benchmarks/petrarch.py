"""The PETRARCH-2 validation suite, coded with its own dictionaries, against PETRARCH-2 itself.

Usage (from the repository root, ``../shared`` beside it)::

    .venv/bin/python benchmarks/petrarch.py [--show-misses]

Reads ``../shared/data/petr_validation/``: the suite's actor, agent and verb dictionaries
(``PETR_Validate_*_2_02.txt``, passed as the library's ``--actors/--agents/--verbs``), half of its
records (``PETR2_validation_records_dev.xml``: ``<Sentence id date>`` with ``<Text>`` and the
expected ``<EventCoding sourcecode targetcode eventcode>``) and PETRARCH-2's own result on each
record (``petr2_results_dev.tsv``, column ``pass``). A record is right when the exact set of
(source code, target code, event code) triples equals the expected set (no expected coding: no
event). Only events with both a source and a target code form triples, as in PETRARCH's output.
The dictionaries use codes outside CAMEO on purpose (``212``, ``+++``, ``xxy`` …); they pass through.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT.parent / "shared" / "data" / "petr_validation"


def records(path: Path) -> list[dict]:
    out = []
    for s in ET.parse(path).getroot().iter("Sentence"):
        d = s.get("date", "")
        out.append({
            "id": s.get("id"), "category": s.get("category", ""),
            "date": f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else None,
            "text": " ".join((s.findtext("Text") or "").split()),
            "expected": {(c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
                         for c in s.findall("EventCoding")},
        })
    return out


def petrarch_results(path: Path) -> dict[str, str]:
    """Record id → PETRARCH-2's pass value (True / False / None: it raised an exception)."""
    with path.open(encoding="utf-8") as fh:
        return {r["id"]: r["pass"] for r in csv.DictReader(fh, delimiter="\t")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true", help="print each record we get wrong")
    args = ap.parse_args()
    if not SUITE.exists():
        print(f"{SUITE} is absent: the shared data folder must sit beside the repository")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from diplograph.pipeline import Options, Pipeline
    from diplograph.records import Document

    recs = records(SUITE / "PETR2_validation_records_dev.xml")
    petr = petrarch_results(SUITE / "petr2_results_dev.tsv")
    opts = Options(actor_files=[SUITE / "PETR_Validate_actors_2_02.txt"],
                   agent_files=[SUITE / "PETR_Validate_agents_2_02.txt"],
                   verb_files=[SUITE / "PETR_Validate_verbs_2_02.txt"])
    pipe = Pipeline(opts)
    total_cat: Counter = Counter()
    right_cat = Counter()
    petr_cat: Counter = Counter()
    both = ours_only = petr_only = 0
    for r, a in zip(recs, pipe.analyze(Document(r["id"], r["text"], r["date"]) for r in recs)):
        got = {(e.source.code, e.target.code, e.cameo) for e in a.events
               if e.source and e.target and e.source.code and e.target.code}
        ok = got == r["expected"]
        p_ok = petr.get(r["id"]) == "True"
        total_cat[r["category"]] += 1
        right_cat[r["category"]] += ok
        petr_cat[r["category"]] += p_ok
        both += ok and p_ok
        ours_only += ok and not p_ok
        petr_only += p_ok and not ok
        if args.show_misses and not ok:
            print(f"{r['id']:14} expected {sorted(r['expected'])} got {sorted(got)}")
    n = len(recs)
    ours = sum(right_cat.values())
    theirs = sum(petr_cat.values())
    print(json.dumps({
        "records": n, "diplograph_exact": ours, "diplograph_rate": round(ours / n, 3),
        "petrarch2_exact": theirs, "petrarch2_rate": round(theirs / n, 3),
        "both_right": both, "only_diplograph": ours_only, "only_petrarch2": petr_only,
        "dictionary_warnings": len(pipe.problems),
        "by_category": {c: {"n": total_cat[c], "diplograph": right_cat[c], "petrarch2": petr_cat[c]}
                        for c in sorted(total_cat)},
    }, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
