"""ACLED actor benchmark: are the people of a conflict report given the report's country, and are
places kept out of the actors?

Reads ``../shared/data/dev/acled_2020_dev.csv`` (half of a public ACLED 2020 sample). The notes are
split by a stable hash of ``event_id_cnty`` into a *build* half (read while building) and a
*report* half (only aggregates printed), the same split as ``benchmarks/geo.py``. Each note is
analysed on its event date. Scores over the notes of the split:

- ``event actors' country``: the state most of the note's event sources and targets belong to
  (actors with a state; IGOs and stateless actors left out) is ACLED's country — over all notes
  (a note with no such actor counts as wrong) and over the notes that have one;
- ``actors' country``: the same over every non-place actor of the note (persons, sectors, groups);
- ``place as actor``: share of notes where ACLED's location (or its admin-1/2/3 name) is inside
  an actor's mention — a place read as an actor. A place that stands for a government (``Moscow
  warned``) is rare in these notes;
- ``stateless sector``: share of notes with a sector actor (police, rioters, protesters …) that
  has no state.

The event-type model (``scripts/train_event_type.py``) trained on the notes whose ``sha1(data_id)`` is even, a
split independent of this one: about half of each half here was among its training rows. The first score is
printed again over the notes the model never saw (``unseen by the event model``), the figure free of that leak.

Usage: ``.venv/bin/python benchmarks/acled_actors.py [--split build|report] [--limit N] [--errors]``
(``--errors`` only on the build half).
"""
from __future__ import annotations

import csv
import hashlib
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "dev" / "acled_2020_dev.csv"

# ISO-3 codes the CAMEO/Phoenix scheme writes otherwise (the knowledge base writes Romania ROU, as ISO does, and
# Kosovo XKX: hierarchy.canonical_code reads every other spelling of a state's code as the project's one).
ISO_TO_CAMEO = {"TLS": "TMP", "COD": "COD", "PSE": "PSE", "SSD": "SSD"}


def half(event_id: str) -> str:
    return "build" if hashlib.sha1(event_id.encode()).digest()[0] % 2 == 0 else "report"


def event_model_saw(data_id: str) -> bool:
    """The notes ``scripts/train_event_type.py`` trained on (its ``build_half``: sha1 of ``data_id`` even)."""
    return int(hashlib.sha1(data_id.encode("utf-8")).hexdigest(), 16) % 2 == 0


def _date(s: str) -> str | None:
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from diplograph.hierarchy import canonical_code
    from diplograph.pipeline import Pipeline
    from diplograph.records import Document

    split = argv[argv.index("--split") + 1] if "--split" in argv else "build"
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    show = "--errors" in argv and split == "build"
    if not DATA.exists():
        print(f"{DATA} is absent: the shared data folder must sit beside the repository")
        return 0
    with DATA.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if half(r["event_id_cnty"]) == split and r.get("notes")]
    rows = rows[:limit] if limit else rows
    pipe = Pipeline()
    # an actor's ``country`` may hold a code of no state (IMG: an international militarized group, KKL:
    # a group of unknown state, MEA/EUR: regions): such actors are stateless here, as the scores say
    states = set(pipe.kb.countries)
    n = len(rows)
    ev_ok = ev_have = all_ok = all_have = place_actor = stateless = 0
    unseen = unseen_ok = 0
    t0 = time.perf_counter()
    for r in rows:
        gold = canonical_code(ISO_TO_CAMEO.get(r["iso3"], r["iso3"]))
        a = pipe.analyze_one(Document(r["event_id_cnty"], r["notes"], _date(r["event_date"])))
        by_id = {x.id: x for x in a.actors}
        ev = Counter()
        for e in a.events:
            for ref in (e.source, e.target):
                x = by_id.get(ref.actor) if ref is not None and ref.actor else None
                if x is not None and x.country in states:
                    ev[x.country] += 1
        if ev:
            ev_have += 1
            ev_ok += ev.most_common(1)[0][0] == gold
        if not event_model_saw(r["data_id"]):
            unseen += 1
            unseen_ok += bool(ev) and ev.most_common(1)[0][0] == gold
        everyone = Counter(x.country for x in a.actors if x.country in states and x.type != "state")
        if everyone:
            all_have += 1
            all_ok += everyone.most_common(1)[0][0] == gold
        names = {r[k].strip().lower() for k in ("location", "admin1", "admin2", "admin3") if r.get(k, "").strip()}
        hit = [m.text for x in a.actors for m in x.mentions if m.text.strip().lower() in names or any(
            nm in m.text.lower() for nm in names if len(nm) > 3)]
        place_actor += bool(hit)
        stateless += any(x.type == "sector" and not x.country for x in a.actors)
        if show and (not ev or ev.most_common(1)[0][0] != gold):
            print(f"  {r['event_id_cnty']} {gold}: events {dict(ev)} | {r['notes'][:160]}")
    dt = time.perf_counter() - t0
    print(f"ACLED 2020 dev, {split} half: {n} notes, {dt:.1f}s")
    print(f"  event actors' country = ACLED country: {ev_ok}/{n} = {ev_ok / max(n, 1):.1%} of notes "
          f"({ev_ok}/{ev_have} = {ev_ok / max(ev_have, 1):.1%} of notes with a state-coded event actor)")
    print(f"  the same over the notes unseen by the event model: {unseen_ok}/{unseen} = "
          f"{unseen_ok / max(unseen, 1):.1%}")
    print(f"  actors' country (non-state actors) = ACLED country: {all_ok}/{n} = {all_ok / max(n, 1):.1%} "
          f"({all_ok}/{all_have} = {all_ok / max(all_have, 1):.1%} of notes with one)")
    print(f"  place as actor: {place_actor}/{n} = {place_actor / max(n, 1):.1%} of notes")
    print(f"  a sector actor without state: {stateless}/{n} = {stateless / max(n, 1):.1%} of notes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
