"""Event-coding benchmark: PLOVER gold sentences, synthetic PLOVER stories, coding speed.

Usage (from the repository root)::

    .venv/bin/python benchmarks/events.py [--stories N] [--speed-docs N]

Reads ``../shared/data/dev`` (beside the repository) and ``../shared/corpora/reuters21578``.
PLOVER 0.5 names are compared through the CAMEO root of our code (the gold records use the
0.5 names; CONCEDE and RETREAT are both CAMEO 08, ASSAULT is 18 or 20).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
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
    from diplograph.events.typerule import apply_type_model

    cands = [code_events(d, r, pipeline.verbs) for d, r in zip(docs, resolved)]
    t_model = float("inf")
    for _ in range(3):  # the model's rules on the coder's candidates (features, probabilities, scorer)
        t0 = time.perf_counter()
        kept = sum(len(apply_type_model(d, r, list(c))) for d, r, c in zip(docs, resolved, cands))
        t_model = min(t_model, time.perf_counter() - t0)
    sents = sum(1 for d in docs for _ in d.sents)
    return {"docs": len(docs), "sentences": sents, "candidates": n_events, "kept_by_type_model": kept,
            "type_model_s": round(t_model, 3),
            "type_model_vs_spacy": round(t_model / t_spacy, 3) if t_spacy else None,
            "spacy_s": round(t_spacy, 2), "actors_s": round(t_actors, 2), "coding_s": round(t_code, 3),
            "coding_sentences_per_s": round(sents / t_code) if t_code else None,
            "coding_overhead_vs_spacy": round(t_code / t_spacy, 3) if t_spacy else None}


# ----------------------------------------------------------------------------- type model
def _train_module():
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_event_type  # the label mappings and splits the model was trained with

    return train_event_type


RULES_OFF = "event.type_model,event.no_political_act,event.political_side"
# the market rules (events/market.py, actors/instruments.py): off in the precision benchmark's "before"
# and "model" columns, so "before" stays the baseline and "model" the type model's rules alone
MARKET_RULES_OFF = ("event.trade_figure,event.market_subject,event.market_noun,event.market_object,"
                    "event.statistics_report,event.market_story,mention.market_name")


def _primary_roots(pipeline, docs: list, off: bool) -> dict[str, list[str | None]]:
    """Per document, the model class of the root of its headline event (``headline``: the most
    confident event of the first sentence that has one, ``events/headline.py``) and of its most
    confident event anywhere (``maxconf``, the reading of the first version); None: no event."""
    from diplograph.events.headline import headline
    from diplograph.events.typescore import model_root

    old = os.environ.get("DIPLOGRAPH_RULES_OFF")
    # the caller's own switches stay off in both readings (an ablation of other rules around the pair)
    os.environ["DIPLOGRAPH_RULES_OFF"] = ",".join(x for x in (old, RULES_OFF if off else "") if x)
    try:
        out: dict[str, list[str | None]] = {"headline": [], "maxconf": []}
        for a in pipeline.analyze(docs):
            for pick, fn in (("headline", headline), ("maxconf", primary)):
                p = fn(a.events)
                out[pick].append(model_root(p.cameo_root) if p else None)
        return out
    finally:
        if old is None:
            os.environ.pop("DIPLOGRAPH_RULES_OFF", None)
        else:
            os.environ["DIPLOGRAPH_RULES_OFF"] = old


def _model_roots(pipeline, texts: list[str], all_sentences: bool) -> list[str | None]:
    from diplograph.events.typemodel import NONE, load_type_model, sentence_features

    model = load_type_model()
    out = []
    for d in pipeline.nlp.pipe(texts, batch_size=32):
        sents = list(d.sents)
        feats = sorted({f for s in (sents if all_sentences else sents[:1]) for f in sentence_features(s)})
        p = model.proba(feats)
        k = max(p, key=p.get)
        out.append(None if k == NONE else k)
    return out


def _scores(gold: list[str], got: list[str | None]) -> dict:
    per: dict[str, list[int]] = {}
    for g, x in zip(gold, got):
        per.setdefault(g, []).append(int(g == x))
    right = sum(sum(v) for v in per.values())
    return {"right": right, "rate": round(right / len(gold), 3) if gold else None,
            "per_type": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(per.items())}}


def bench_typing(pipeline, which: str) -> dict:
    """Event type (CAMEO root; 18 = ASSAULT 18/20, 08 = CONCEDE/RETREAT) of the most confident event:
    the dictionary coder alone, the model alone, both (the pipeline); trivial baselines. ``which``
    names the split: PLOVER odd positions and the ACLED report half are the unread ones."""
    from diplograph.records import Document

    tm = _train_module()
    if which.startswith("plover"):
        recs = json.loads((SHARED / "data" / "dev" / "plover_gsr_dev.json").read_text(encoding="utf-8"))
        parity = 1 if which == "plover_odd" else 0
        rows = [(tm.clean(r["text"]), tm.PLOVER05_ROOT[r["event"]]) for i, r in enumerate(recs)
                if i % 2 == parity and r.get("text") and r.get("event") in tm.PLOVER05_ROOT]
        majority = Counter(tm.PLOVER05_ROOT[r["event"]] for i, r in enumerate(recs)
                           if i % 2 == 0 and r.get("event") in tm.PLOVER05_ROOT).most_common(1)[0][0]
        whole = False
    else:
        build = which == "acled_build"
        with (SHARED / "data" / "dev" / "acled_2020_dev.csv").open(encoding="utf-8") as fh:
            all_rows = [(r["notes"], tm.ACLED_ROOT.get((r["event_type"], r["sub_event_type"])), r["data_id"])
                        for r in csv.DictReader(fh)]
        rows = [(t, g) for t, g, k in all_rows if g and tm.build_half(k) == build]
        majority = Counter(g for t, g, k in all_rows if g and tm.build_half(k)).most_common(1)[0][0]
        whole = True
    texts, gold = [r[0] for r in rows], [r[1] for r in rows]
    docs = [Document(f"{which}-{i}", t) for i, t in enumerate(texts)]
    coder, combined = _primary_roots(pipeline, docs, off=True), _primary_roots(pipeline, docs, off=False)
    out = {"n": len(rows), "split": which, "pick": "maxconf",
           "majority_baseline": {"type": majority, **_scores(gold, [majority] * len(gold))},
           "coder": _scores(gold, coder["maxconf"]),
           "model": _scores(gold, _model_roots(pipeline, texts, whole)),
           "model_first_sentence": _scores(gold, _model_roots(pipeline, texts, False)),
           "combined": _scores(gold, combined["maxconf"]),
           "coder_headline": _scores(gold, coder["headline"]),
           "combined_headline": _scores(gold, combined["headline"])}
    if which.startswith("acled"):
        out["always_19"] = _scores(gold, ["19"] * len(gold))
    return out


COMMODITY_TOPICS = {"grain", "wheat", "corn", "sugar", "coffee", "cocoa", "barley", "rice", "oat", "sorghum",
                    "rye", "rape-oil", "rapeseed", "palm-oil", "soy-meal", "soy-oil", "meal-feed", "tea",
                    "potato", "platinum", "palladium", "sun-oil", "sunseed", "groundnut", "copra-cake", "l-cattle",
                    "cotton-oil", "coconut", "coconut-oil", "palmkernel", "f-cattle", "hog", "cpu"}


def bench_precision(pipeline, limit: int) -> dict:
    """Events per 1,000 words, with the model's and the market rules off (before), the model's rules
    alone (model) and all on (after): Reuters-21578
    stories of the REPORT half (sha1('reuters-'+NEWID) odd) on company/market topics (the kind the
    'none' class was trained on, other stories) and on commodity topics (a kind it never saw), and
    political news (the VOA stories of examples/)."""
    from diplograph.records import Document

    tm = _train_module()
    stories = tm.reuters_stories()
    sets = {
        "reuters_company_market": [x for n, t, x in stories if t and t <= tm.NONPOLITICAL_TOPICS
                                   and not tm.build_half("reuters-" + n)],
        "reuters_commodity": [x for n, t, x in stories if t and t <= COMMODITY_TOPICS
                              and not tm.build_half("reuters-" + n)],
        "voa_political": [json.loads(l)["text"] for l in (ROOT / "examples" / "voa" / "voa_stories.jsonl")
                          .open(encoding="utf-8") if l.strip()],
    }
    out = {}
    for name, texts in sets.items():
        step = max(1, len(texts) // limit)
        texts = texts[::step][:limit]
        words = sum(len(t.split()) for t in texts)
        docs = [Document(f"{name}-{i}", t) for i, t in enumerate(texts)]
        row = {"docs": len(texts), "words": words}
        for label, off in (("before", f"{RULES_OFF},{MARKET_RULES_OFF}"), ("model", MARKET_RULES_OFF),
                           ("after", "")):
            old = os.environ.get("DIPLOGRAPH_RULES_OFF")
            os.environ["DIPLOGRAPH_RULES_OFF"] = off
            n = sum(len(a.events) for a in pipeline.analyze(docs))
            os.environ["DIPLOGRAPH_RULES_OFF"] = old or ""
            row[label] = {"events": n, "per_1000_words": round(1000 * n / words, 2)}
        out[name] = row
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=600, help="synthetic stories to code (0 = all 4,500)")
    ap.add_argument("--speed-docs", type=int, default=300, help="Reuters stories for the speed test")
    ap.add_argument("--verbose", action="store_true", help="print every wrong PLOVER gold record")
    ap.add_argument("--only", choices=["gold", "stories", "speed", "typing", "precision"], help="run one part")
    ap.add_argument("--splits", nargs="*", default=["plover_odd", "acled_report"],
                    help="typing: plover_odd acled_report (unread) plover_even acled_build (read/trained)")
    ap.add_argument("--precision-docs", type=int, default=300, help="stories per precision set")
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
    if args.only in (None, "typing"):
        for which in args.splits:
            results[which] = bench_typing(pipeline, which)
            print(json.dumps({which: results[which]}))
    if args.only in (None, "precision"):
        results["precision"] = bench_precision(pipeline, args.precision_docs)
        print(json.dumps({"precision": results["precision"]}))
    if args.only in (None, "speed"):
        results["speed"] = bench_speed(pipeline, reuters_texts(args.speed_docs))
        print(json.dumps({"speed": results["speed"]}))


if __name__ == "__main__":
    main()
