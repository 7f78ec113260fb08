"""CPU time of the actor stage alone (``resolve_mentions``) on the benchmark stories, in one process.

The stories are parsed once (kept as a spaCy ``DocBin`` in the temp folder, so later runs skip the
parse), the stages before the actors run once (hyphenated names, toponyms), and then every story's
actors are resolved ``--reps`` times; only the resolution is timed (``time.process_time``), after the
per-document caches every stage shares (tokens, keys) are filled, as the pipeline's earlier stages
leave them. On a shared machine compare two trees in alternating runs and read the minimum:

    PYTHONPATH=DIR/src python benchmarks/actor_stage.py [--docs 400] [--reps 5] [--corpus mixed]

Prints each repetition's CPU seconds, the minimum and median, and a digest of the resolved actors
and token map (two trees whose digests agree resolved the same actors).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import mixed_stories, stories  # noqa: E402

from diplograph.actors.hyphens import join_hyphenated_names  # noqa: E402
from diplograph.actors.kb import parse_iso_date  # noqa: E402
from diplograph.actors.resolve import resolve_mentions  # noqa: E402
from diplograph.engines.local import warm_up  # noqa: E402
from diplograph.gc_pause import freeze_loaded, load_frozen  # noqa: E402
from diplograph.nlp import keys_of, lower_keys_of, tokens_of  # noqa: E402
from diplograph.pipeline import Pipeline  # noqa: E402
from diplograph.places import read_toponyms  # noqa: E402
from diplograph.text.dates import find_dateline  # noqa: E402
from diplograph.text.normalize import normalize  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--corpus", choices=("reuters", "mixed"), default="reuters",
                    help="reuters: the throughput stories; mixed: readable alias articles, VOA, Wikinews, ACLED")
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    corpus, items = (mixed_stories if args.corpus == "mixed" else stories)(args.docs)
    pipe = load_frozen(lambda: Pipeline())  # as the engines load it: frozen, then warmed up
    warm_up(pipe)
    freeze_loaded()
    norms = [normalize(s["text"]) for s in items]
    cache = Path(tempfile.gettempdir()) / f"diplograph-actor-stage-{corpus.split()[0]}-{args.docs}.spacy"
    if not cache.exists():
        DocBin(docs=pipe.nlp.pipe((n.text for n in norms), batch_size=16)).to_disk(cache)
    docs = list(DocBin().from_disk(cache).get_docs(pipe.nlp.vocab))
    dates = [parse_iso_date(s["date"]) or find_dateline(n.text) for s, n in zip(items, norms)]
    for doc in docs:
        join_hyphenated_names(doc)
        read_toponyms(doc, pipe.gazetteer)
    times, digest = [], ""
    for rep in range(args.reps):
        total, out = 0.0, []
        for doc, norm, when in zip(docs, norms, dates):
            tokens_of(doc), keys_of(doc), lower_keys_of(doc)  # filled by the earlier stages in the pipeline
            start = time.process_time()
            out.append(resolve_mentions(doc, norm, pipe.kb, when))
            total += time.process_time() - start
        times.append(total)
        if rep == 0:
            h = hashlib.sha1()
            for r in out:
                h.update(json.dumps([a.to_dict() for a in r.actors.values()], sort_keys=True).encode())
                h.update(json.dumps(sorted(r.token_actor.items())).encode())
            digest = h.hexdigest()[:12]
    print(f"{corpus}, {len(docs)} documents: " + " ".join(f"{t:.3f}" for t in times)
          + f" CPU s | min {min(times):.3f} median {sorted(times)[len(times) // 2]:.3f} | digest {digest}")


if __name__ == "__main__":
    main()
