"""Geolocation benchmark: where the events of ACLED's notes happened, against ACLED's coding.

Reads ``../shared/data/dev/acled_2020_dev.csv`` (each row: one short report ``notes`` with ACLED's
``iso3``, ``latitude``, ``longitude`` and ``geo_precision``). Split, decided before any note was read:
a note belongs to the *build* half when the first byte of ``sha1(event_id_cnty)`` is even, else to the
*report* half. Rules and weights were designed on the build half only; ``--split report`` prints only
aggregates (``--errors`` is refused there).

Each note is analysed by the full pipeline on its own date. The note's location is that of its most
confident event (``event``); a note with no event, or whose events have no location, takes the
document's place the same stage would give an event (``event or document``: its dominant place or
dateline). Scores over all notes of the split:

- ``country``: the location's ISO-3 country is ACLED's (a note with no location counts as wrong);
- ``50 km (exact)``: the location is within 50 km of ACLED's coordinates, over the notes ACLED codes
  with ``geo_precision`` 1 (the exact place named);
- ``no location``: share of notes with none;
- ``baseline``: the first place name in the note, read as its most populous gazetteer entry.

Speed: the places stage (toponyms + resolution) in CPU seconds against spaCy's parse of the same
notes, measured in the same run.

Usage: ``.venv/bin/python benchmarks/geo.py [--split build|report] [--limit N] [--errors]``.
"""
from __future__ import annotations

import csv
import hashlib
import sys
import time
from types import SimpleNamespace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DEFAULT = ROOT.parent / "shared" / "data" / "dev" / "acled_2020_dev.csv"


def half(event_id: str) -> str:
    return "build" if hashlib.sha1(event_id.encode()).digest()[0] % 2 == 0 else "report"


def acled_date(s: str) -> str | None:
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(s.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _coords(r: dict) -> bool:
    try:
        float(r["latitude"]), float(r["longitude"])
    except (TypeError, ValueError):
        return False
    return bool(r.get("notes"))


def main(argv: list[str]) -> int:
    split = "build"
    if "--split" in argv:
        split = argv[argv.index("--split") + 1]
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    errors = "--errors" in argv
    if errors and split != "build":
        print("--errors prints notes: only on the build half", file=sys.stderr)
        return 2
    if not DEFAULT.exists():
        print(f"skipped: {DEFAULT} not found (the research data is not here)")
        return 0
    from diplograph.pipeline import Pipeline
    from diplograph.places import distance_km, toponyms_of
    from diplograph.places.locate import document_places
    from diplograph.records import Document
    from diplograph.text.normalize import normalize

    with DEFAULT.open(encoding="utf-8") as fh:
        # rows without coordinates (a few malformed lines) are not scored
        rows = [r for r in csv.DictReader(fh) if half(r["event_id_cnty"]) == split and _coords(r)]
    if limit:
        rows = rows[:limit]
    import diplograph.pipeline as pipeline_module

    pipe = Pipeline()
    # the places stage as the pipeline runs it: the toponyms read before the actors, and their second
    # reading with the actors (the pipeline's own calls, timed)
    timer = [0.0]

    def timed(fn):
        def run(*a, **k):
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                timer[0] += time.process_time() - t
        return run

    pipeline_module.read_toponyms = timed(pipeline_module.read_toponyms)
    pipeline_module.find_places = timed(pipeline_module.find_places)
    docs = [Document(r["event_id_cnty"], r["notes"], acled_date(r["event_date"])) for r in rows]
    norms = [normalize(d.text) for d in docs]
    t0 = time.process_time()
    parsed = list(pipe.nlp.pipe((n.text for n in norms), batch_size=32))
    t_parse = time.process_time() - t0
    counts = {"notes": len(rows), "event": 0, "event_located": 0, "located": 0, "country_event": 0,
              "country": 0, "exact": 0, "exact_50_event": 0, "exact_50": 0, "base_country": 0, "base_50": 0,
              "base_located": 0}
    rules: dict[str, int] = {}
    precisions: dict[str, int] = {}
    for r, doc, norm, sdoc in zip(rows, docs, norms, parsed):
        analysis = pipe.analyze_parsed(doc, norm, sdoc)
        # the document's places as the stage left them (its fallbacks when no event was located)
        places = document_places(sdoc, toponyms_of(sdoc) or [], pipe.gazetteer,
                                 SimpleNamespace(actors={a.id: a for a in analysis.actors}))
        events = sorted(analysis.events, key=lambda e: -e.confidence)
        loc = events[0].location if events else None
        if events:
            counts["event"] += 1
        if loc is not None:
            counts["event_located"] += 1
            lat, lon, iso3, how = loc.lat, loc.lon, loc.country, loc.rule
            rules[loc.rule or "?"] = rules.get(loc.rule or "?", 0) + 1
            precisions[loc.precision] = precisions.get(loc.precision, 0) + 1
        else:
            fallback = places.dateline or places.dominant or places.name_state or places.actor_state
            if fallback is not None and fallback.place is not None:
                p = fallback.place
                lat, lon, iso3, how = p.lat, p.lon, p.iso3, "document"
            else:
                lat = lon = iso3 = how = None
        gold_lat, gold_lon = float(r["latitude"]), float(r["longitude"])
        exact = r["geo_precision"].strip() == "1"
        counts["exact"] += exact
        if iso3 is not None:
            counts["located"] += 1
            ok_country = iso3 == r["iso3"]
            counts["country"] += ok_country
            counts["country_event"] += ok_country and loc is not None
            km = distance_km(lat, lon, gold_lat, gold_lon)
            if exact and km <= 50:
                counts["exact_50"] += 1
                counts["exact_50_event"] += loc is not None
            if errors and (not ok_country or (exact and km > 50)):
                print(f"{r['event_id_cnty']}\t{how}\t{iso3}/{r['iso3']}\t{km:.0f} km\t{r['location']} "
                      f"({r['admin2']}, {r['admin1']})\t{r['notes'][:300]}")
        if errors and iso3 is None:
            print(f"{r['event_id_cnty']}\tnone\t-/{r['iso3']}\t- km\t{r['location']} "
                  f"({r['admin2']}, {r['admin1']})\t{r['notes'][:300]}")
        # baseline: the first place name of the note, its most populous reading
        first = next((t for t in places.toponyms if t.candidates), None)
        if first is not None:
            p = first.candidates[0][0]
            counts["base_located"] += 1
            counts["base_country"] += p.iso3 == r["iso3"]
            counts["base_50"] += exact and distance_km(p.lat, p.lon, gold_lat, gold_lon) <= 50
    n, ex = counts["notes"], max(1, counts["exact"])
    print(f"ACLED 2020 dev, {split} half: {n} notes ({counts['exact']} with geo_precision 1)")
    print(f"  notes with an event: {counts['event'] / n:.1%}; with an event location: "
          f"{counts['event_located'] / n:.1%}")
    print(f"  country right  event: {counts['country_event'] / n:.1%}   event or document: "
          f"{counts['country'] / n:.1%}   baseline (first place name): {counts['base_country'] / n:.1%}")
    print(f"  within 50 km of exact-precision notes  event: {counts['exact_50_event'] / ex:.1%}   event or document: "
          f"{counts['exact_50'] / ex:.1%}   baseline: {counts['base_50'] / ex:.1%}")
    print(f"  no location: {1 - counts['located'] / n:.1%} (baseline: {1 - counts['base_located'] / n:.1%})")
    print(f"  rules: {dict(sorted(rules.items(), key=lambda kv: -kv[1]))}")
    print(f"  precision: {precisions}")
    t_geo = timer[0]
    print(f"  speed: places stage {t_geo:.2f} s CPU = {t_geo / t_parse:.1%} of the spaCy parse ({t_parse:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
