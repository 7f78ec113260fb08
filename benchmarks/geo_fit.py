"""Fit the places stage's reading weights (``places.toponyms.WEIGHTS``) on the build half of ACLED's notes.

Coordinate search: each weight in turn is scaled by 0, 0.5, 1.5 and 2 and the best setting kept (two
rounds); the objective is the share of notes located in ACLED's country plus the share of
exact-precision notes within 50 km, over the *build* half only (see benchmarks/geo.py for the split).
The parse, the actors and each note's event trigger are computed once; only the places stage reruns.

Usage: ``PYTHONPATH=src .venv/bin/python benchmarks/geo_fit.py [--limit N]`` — prints the fitted
weights; copy them into ``WEIGHTS`` with the figures, then check the report half with geo.py once.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from geo import DEFAULT, _coords, acled_date, half  # noqa: E402


def main(argv: list[str]) -> int:
    if not DEFAULT.exists():
        print(f"skipped: {DEFAULT} not found")
        return 0
    from diplograph.actors.resolve import resolve_mentions
    from diplograph.pipeline import Pipeline
    from diplograph.places import distance_km, find_places, toponyms
    from diplograph.records import Document
    from diplograph.text.normalize import normalize

    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    with DEFAULT.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if half(r["event_id_cnty"]) == "build" and _coords(r)]
    rows = rows[:limit] if limit else rows
    pipe = Pipeline()
    notes = []
    for r in rows:
        doc = Document(r["event_id_cnty"], r["notes"], acled_date(r["event_date"]))
        norm = normalize(doc.text)
        sdoc = pipe.nlp(norm.text)
        when, _ = pipe._document_date(doc, norm)
        actors = resolve_mentions(sdoc, norm, pipe.kb, when)
        events = sorted(pipe.analyze_parsed(doc, norm, sdoc).events, key=lambda e: -e.confidence)
        trigger = None
        if events:
            ev = events[0]
            trigger = next((t for t in sdoc if t.text == ev.trigger and t.idx >= ev.evidence.start - 2), None)
        notes.append((r, sdoc, actors, trigger))

    def objective() -> float:
        country = near = exact = 0
        for r, sdoc, actors, trigger in notes:
            places = find_places(sdoc, pipe.gazetteer, actors)
            found = places.locate(trigger) if trigger is not None else None
            t = found.toponym if found is not None else (places.dateline or places.dominant or places.actor_state)
            is_exact = r["geo_precision"].strip() == "1"
            exact += is_exact
            if t is None or t.place is None:
                continue
            country += t.place.iso3 == r["iso3"]
            near += is_exact and distance_km(t.place.lat, t.place.lon, float(r["latitude"]),
                                             float(r["longitude"])) <= 50
        return country / len(notes) + near / max(1, exact)

    weights = toponyms.WEIGHTS
    best = objective()
    print(f"start: {best:.4f} {weights}")
    for _ in range(2):
        for k in list(weights):
            base = weights[k]
            for m in (0.0, 0.5, 1.5, 2.0):
                weights[k] = base * m
                v = objective()
                if v > best + 1e-9:
                    best, base = v, weights[k]
                    print(f"  {k} = {weights[k]:.3f}: {v:.4f}")
            weights[k] = base
    print(f"fitted: {best:.4f} {weights}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
