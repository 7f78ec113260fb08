"""CPU time of the stages after the parse, stage by stage, on the benchmark stories, in one process.

The stories are parsed once (kept as a spaCy ``DocBin`` in the temp folder, so later runs skip the
parse) and read back afresh for every repetition (the stages change the documents: hyphenated names
are joined); then ``Pipeline.analyze_parsed`` runs on every story, each stage the pipeline calls
timed on its own (``time.process_time`` around the functions ``pipeline.py`` names). On a shared
machine compare two trees in alternating runs and read the minimum:

    PYTHONPATH=DIR/src python benchmarks/stage_times.py [--docs 400] [--reps 3] [--dump FILE] [--fast] [--corpus mixed]

``--fast`` parses as ``ingest --fast`` does (no spaCy NER; its own parse cache) and runs the same stages.
``--corpus mixed`` reads, instead of Reuters, the readable alias articles then VOA, Wikinews and ACLED build-half
notes in turn (``_corpus.mixed_stories``): the texts the actor rules are written for.

Prints per stage the minimum over the repetitions, the total of ``analyze_parsed``, and a digest of
the analyses' JSON (two trees whose digests agree produced the same analyses); ``--dump`` writes the
analyses, one JSON line each, for ``cmp``.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import mixed_stories, stories  # noqa: E402

from diplograph import pipeline as pipeline_module  # noqa: E402
from diplograph.engines.local import warm_up  # noqa: E402
from diplograph.gc_pause import collect_less, freeze_loaded, load_frozen  # noqa: E402
from diplograph.pipeline import Options, Pipeline  # noqa: E402
from diplograph.records import Document  # noqa: E402
from diplograph.text.normalize import normalize  # noqa: E402

# the stage functions analyze_parsed calls, by the names pipeline.py imports them under
STAGES = ("join_hyphenated_names", "read_toponyms", "resolve_mentions", "code_events", "apply_violence_rules",
          "apply_type_model", "apply_market_rules", "apply_market_story", "apply_witness_frame", "find_places",
          "find_cues", "locate_by_events", "document_triads")
METHODS = ("_events", "_relations", "_document_date")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--corpus", choices=("reuters", "mixed"), default="reuters",
                    help="reuters: the throughput stories; mixed: readable alias articles, VOA, Wikinews, ACLED")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--dump", type=Path, help="write the analyses' JSON lines here")
    ap.add_argument("--fast", action="store_true", help="the fast pipeline (ingest --fast: no spaCy NER)")
    args = ap.parse_args()
    corpus, items = (mixed_stories if args.corpus == "mixed" else stories)(args.docs)
    pipe = load_frozen(lambda: Pipeline(Options(fast=args.fast)))  # as the engines load it: frozen, then warmed up
    warm_up(pipe)
    freeze_loaded()
    collect_less()
    docs = [Document(s["id"], s["text"], s["date"], s.get("title")) for s in items]
    norms = [normalize(d.text) for d in docs]
    fast = "-fast" if args.fast else ""
    cache = Path(tempfile.gettempdir()) / f"diplograph-stage-times-{corpus.split()[0]}-{args.docs}{fast}.spacy"
    if not cache.exists():
        DocBin(docs=pipe.nlp.pipe((n.text for n in norms), batch_size=64), store_user_data=True).to_disk(cache)
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, fn):
        def wrapper(*a, **k):
            start = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - start
        return wrapper

    for name in STAGES:
        setattr(pipeline_module, name, timed(name, getattr(pipeline_module, name)))
    for name in METHODS:
        setattr(Pipeline, name, timed(name, getattr(Pipeline, name)))
    reps: list[dict[str, float]] = []
    digest = ""
    for rep in range(args.reps):
        spent.clear()
        parsed = list(DocBin().from_disk(cache).get_docs(pipe.nlp.vocab))
        h = hashlib.sha1()
        out = []
        for doc, norm, sdoc in zip(docs, norms, parsed):
            start = time.process_time()
            analysis = pipe.analyze_parsed(doc, norm, sdoc)
            spent["total"] += time.process_time() - start
            line = analysis.to_json()
            h.update(line.encode())
            if rep == 0 and args.dump:
                out.append(line)
        if rep == 0:
            digest = h.hexdigest()[:12]
            if args.dump:
                args.dump.write_text("\n".join(out) + "\n", encoding="utf-8")
        elif h.hexdigest()[:12] != digest:
            print(f"repetition {rep + 1} gave other analyses ({h.hexdigest()[:12]} vs {digest})")
        reps.append(dict(spent))
    names = sorted(reps[0], key=lambda k: -reps[0][k])
    print(f"{corpus}, {len(docs)} documents{' (fast: no NER)' if args.fast else ''}, min of {args.reps} repetitions (CPU s) | digest {digest}")
    for name in names:
        xs = [r.get(name, 0.0) for r in reps]
        print(f"  {name:24s} {min(xs):7.3f}   ({' '.join(f'{x:.3f}' for x in xs)})")
    named = sum(min(r.get(n, 0.0) for r in reps) for n in names if n != "total")
    print(f"  {'(not in a named stage)':24s} {min(r['total'] for r in reps) - named:7.3f}")


if __name__ == "__main__":
    main()
