"""Fit the bar of ``event.market_story``: the mean probability of ``none`` over a story's sentences
(the shipped type model's reading) above which a story is read as a market report.

The bar is the 99th percentile of that mean over the POLITICAL build documents: every NGEC synthetic
story (whole texts; the model saw only their first sentences) and every ACLED 2020 build-half note
(sha1(data_id) even), of three sentences or more (the rule reads no shorter text). So one political
build document in a hundred is read as a market story (it then
keeps only its events between two political actors). The highest mean is no bar: among 4,500 generated
stories a few read as market reports (0.61 in the first fit, above most commodity stories). Non-political text is not used to set
it; the Reuters figures of ``benchmarks/EVENTS.md`` measure what it does there. Writes
``src/diplograph/data/models/market_story.json``. Refit whenever the type model is retrained.

Usage (from the repository root, ``../shared`` beside it)::

    .venv/bin/python scripts/fit_market_story.py
"""
from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PERCENTILE = 0.99
OUT = ROOT / "src" / "diplograph" / "data" / "models" / "market_story.json"


def build_half(key: str) -> bool:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from diplograph.events.market import STORY_SENTENCES, story_none
    from diplograph.events.typemodel import MODEL_STEM, load_type_model
    from diplograph.nlp import load as load_nlp

    dev = SHARED / "data" / "dev"
    texts = {"ngec_synthetic_stories": [json.loads(line)["text"] for line in
                                        (dev / "ngec_synthetic_plover_stories.jsonl").open(encoding="utf-8")
                                        if line.strip()]}
    with (dev / "acled_2020_dev.csv").open(encoding="utf-8") as fh:
        texts["acled_2020_build_half"] = [r["notes"] for r in csv.DictReader(fh) if build_half(r["data_id"])]
    model = load_type_model()
    assert model is not None, "no shipped type model"
    nlp = load_nlp()
    highest: dict[str, float] = {}
    values: list[float] = []
    counted: dict[str, int] = {}
    for name, docs in texts.items():
        got = [story_none(d, model) for d in nlp.pipe(docs, batch_size=64)
               if sum(1 for _ in d.sents) >= STORY_SENTENCES]
        highest[name] = max(got)
        counted[name] = len(got)
        values += got
        print(name, len(docs), len(got), round(highest[name], 4))
    values.sort()
    bar = values[min(len(values) - 1, int(PERCENTILE * len(values)))]
    stem = ROOT / "src" / "diplograph" / "data" / Path(*MODEL_STEM)
    digest = hashlib.sha1(stem.with_suffix(".npz").read_bytes()).hexdigest()[:12]
    OUT.write_text(json.dumps({
        "bar": round(bar, 4),
        "rule": "event.market_story",
        "fitted_on": {k: {"docs": counted[k], "highest_mean_none": round(v, 4)} for k, v in highest.items()},
        "min_sentences": STORY_SENTENCES,
        "criterion": f"the {PERCENTILE:.0%} percentile of the mean P(none) of the political build documents",
        "political_build_documents_above_bar": sum(v > bar for v in values),
        "type_model_npz_sha1": digest,
    }, indent=1) + "\n", encoding="utf-8")
    print("wrote", OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
