"""Event-coding benchmark: PLOVER gold sentences, synthetic PLOVER stories, coding speed.

Usage (from the repository root)::

    .venv/bin/python benchmarks/events.py [--stories N] [--speed-docs N]

Reads ``../shared/data/dev`` (beside the repository) and ``../shared/corpora/reuters21578``.
PLOVER 0.5 names are compared through the CAMEO root of our code (the gold records use the
0.5 names; CONCEDE and RETREAT are both CAMEO 08, ASSAULT is 18 or 20).
"""
from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

ROOT_TO_PLOVER05 = {
    "03": {"AGREE"}, "04": {"CONSULT"}, "05": {"SUPPORT"}, "06": {"COOPERATE"}, "07": {"AID"},
    "08": {"CONCEDE", "RETREAT"}, "09": {"INVESTIGATE"}, "10": {"DEMAND"}, "11": {"DISAPPROVE"},
    "12": {"REJECT"}, "13": {"THREATEN"}, "14": {"PROTEST"}, "15": {"MOBILIZE"}, "16": {"SANCTION"},
    "17": {"COERCE"}, "18": {"ASSAULT"}, "19": {"FIGHT"}, "20": {"ASSAULT"},
}


def plover05(cameo_root: str | None) -> set[str]:
    return ROOT_TO_PLOVER05.get(cameo_root or "", set())


def primary(events: list) -> object | None:
    return max(events, key=lambda e: e.confidence) if events else None


def bench_gold(pipeline, path: Path, verbose: bool = False) -> dict:
    from diplograph.records import Document

    records = [r for r in json.loads(path.read_text()) if r.get("event") not in (None, "DOCUMENT")]
    docs = [Document(r["id"], re.sub(r"^\s*\{|\}\s*$", "", r["text"].strip())) for r in records]
    right = anyhit = coded = 0
    confusion: Counter = Counter()
    for r, a in zip(records, pipeline.analyze(docs)):
        gold = r["event"]
        p = primary(a.events)
        got = plover05(p.cameo_root) if p else set()
        coded += bool(a.events)
        right += gold in got
        anyhit += any(gold in plover05(e.cameo_root) for e in a.events)
        if gold not in got:
            confusion[(gold, "/".join(sorted(got)) or "-")] += 1
            if verbose:
                print(f"  {gold:12} got {p.cameo if p else '-':5} {'/'.join(sorted(got)) or '-':12} {r['text'][:110]}")
    n = len(records)
    return {"n": n, "primary_right": right, "primary_rate": right / n, "any_right": anyhit,
            "any_rate": anyhit / n, "coded": coded, "top_confusions": confusion.most_common(8)}


def bench_stories(pipeline, path: Path, limit: int) -> dict:
    """Document level. The stories use the PLOVER 2021 names (ACCUSE, REQUEST …), which are
    exactly our events' ``plover`` field (CAMEO2PLOVER-2021)."""
    from diplograph.records import Document

    rows = [json.loads(l) for l in path.open(encoding="utf-8") if l.strip()]
    # a fixed, spread-out sample: every k-th story, so all labels appear
    step = max(1, len(rows) // limit) if limit else 1
    rows = rows[::step][:limit] if limit else rows
    docs = [Document(f"story-{i}", r["text"]) for i, r in enumerate(rows)]
    right = lede = anyhit = 0
    for r, a in zip(rows, pipeline.analyze(docs)):
        gold = r["label"]
        if not a.events:
            continue
        right += primary(a.events).plover == gold
        first = min(e.evidence.start for e in a.events)  # the lede: the first sentence with an event
        lede += primary([e for e in a.events if e.evidence.start == first]).plover == gold
        anyhit += any(e.plover == gold for e in a.events)
    n = len(rows)
    return {"n": n, "primary_rate": round(right / n, 3), "lede_primary_rate": round(lede / n, 3),
            "any_rate": round(anyhit / n, 3)}


def reuters_texts(limit: int) -> list[str]:
    texts: list[str] = []
    for f in sorted((SHARED / "corpora" / "reuters21578").glob("reut2-*.sgm")):
        raw = f.read_text(encoding="latin-1")
        for body in re.findall(r"<BODY>(.*?)</BODY>", raw, flags=re.S):
            texts.append(re.sub(r"\s+", " ", body.replace("&lt;", "<").replace("&amp;", "&")).strip())
            if len(texts) >= limit:
                return texts
    return texts


def bench_speed(pipeline, texts: list[str]) -> dict:
    """spaCy time vs actor resolution vs coding alone, on the same parsed documents."""
    from diplograph.actors.resolve import resolve_mentions
    from diplograph.events.coder import code_events
    from diplograph.text.normalize import normalize

    norms = [normalize(t) for t in texts]
    t0 = time.perf_counter()
    docs = list(pipeline.nlp.pipe((n.text for n in norms), batch_size=32))
    t_spacy = time.perf_counter() - t0
    t0 = time.perf_counter()
    resolved = [resolve_mentions(d, n, pipeline.kb, None) for d, n in zip(docs, norms)]
    t_actors = time.perf_counter() - t0
    t_code = float("inf")
    for _ in range(3):  # the machine is shared: the best of three passes is the coder's own speed
        t0 = time.perf_counter()
        n_events = sum(len(code_events(d, r, pipeline.verbs)) for d, r in zip(docs, resolved))
        t_code = min(t_code, time.perf_counter() - t0)
    sents = sum(1 for d in docs for _ in d.sents)
    return {"docs": len(docs), "sentences": sents, "candidates": n_events,
            "spacy_s": round(t_spacy, 2), "actors_s": round(t_actors, 2), "coding_s": round(t_code, 3),
            "coding_sentences_per_s": round(sents / t_code) if t_code else None,
            "coding_overhead_vs_spacy": round(t_code / t_spacy, 3) if t_spacy else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=600, help="synthetic stories to code (0 = all 4,500)")
    ap.add_argument("--speed-docs", type=int, default=300, help="Reuters stories for the speed test")
    ap.add_argument("--verbose", action="store_true", help="print every wrong PLOVER gold record")
    ap.add_argument("--only", choices=["gold", "stories", "speed"], help="run one part")
    args = ap.parse_args()
    from diplograph.pipeline import Pipeline

    pipeline = Pipeline()
    dev = SHARED / "data" / "dev"
    results: dict = {}
    if args.only in (None, "gold"):
        results["plover_gold_dev"] = bench_gold(pipeline, dev / "plover_gsr_dev.json", args.verbose)
        print(json.dumps({"plover_gold_dev": results["plover_gold_dev"]}, default=str))
    if args.only in (None, "stories"):
        results["synthetic_stories"] = bench_stories(pipeline, dev / "ngec_synthetic_plover_stories.jsonl", args.stories)
        print(json.dumps({"synthetic_stories": results["synthetic_stories"]}))
    if args.only in (None, "speed"):
        results["speed"] = bench_speed(pipeline, reuters_texts(args.speed_docs))
        print(json.dumps({"speed": results["speed"]}))


if __name__ == "__main__":
    main()
