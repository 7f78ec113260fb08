"""Interleaved A/B of `diplograph ingest` from several source trees against bare spaCy, in CPU time.

On a shared machine wall-clock time follows other people's work; the CPU time of a whole process
tree (user + system) varies much less, and a ratio taken within one round (bare spaCy, then each
tree's ingest) meets the same load on both sides. Each tree is a directory holding ``src/diplograph``
(a checkout, or ``git archive <commit> src | tar -x -C DIR``); every tree ingests once before the
rounds so that its caches are warm.

    python benchmarks/ab_ingest.py [--docs 400] [--rounds 3] before=DIR after=DIR

Prints one line per round and the median ratios bare / ingest per tree.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import stories  # noqa: E402
from throughput import BARE, MODEL, compile_bytecode  # noqa: E402

BIN = Path(sys.executable).parent


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("trees", nargs="+", help="name=DIR, DIR holding src/diplograph")
    args = ap.parse_args()
    trees = dict(t.split("=", 1) for t in args.trees)
    tmp = Path(tempfile.mkdtemp(prefix="diplograph-ab-"))
    big = tmp / "big.jsonl"
    with big.open("w", encoding="utf-8") as fh:
        for s in stories(args.docs)[1]:
            fh.write(json.dumps(s, ensure_ascii=False) + "\n")
    bare = [str(BIN / "python"), "-c", BARE.format(model=MODEL, disable=[], n=args.processes), str(big)]

    def ingest(name: str, src: str) -> tuple[float, float]:
        store = tmp / f"{name}.duckdb"
        store.unlink(missing_ok=True)
        env = dict(os.environ, PYTHONPATH=str(Path(src).resolve() / "src"))
        return run([str(BIN / "diplograph"), "ingest", str(big), "--store", str(store),
                    "--workers", str(args.processes)], env)

    for name, src in trees.items():  # warm caches (knowledge base, gazetteer) and bytecode for every tree
        compile_bytecode(Path(src).resolve() / "src" / "diplograph")
        ingest(name, src)
    res: dict[str, list[tuple[float, float]]] = {k: [] for k in ["bare", *trees]}
    for r in range(args.rounds):
        load = os.getloadavg()[0]
        res["bare"].append(run(bare))
        line = f"round {r + 1} (load {load:.1f}): bare {res['bare'][-1][0]:.1f} s / {res['bare'][-1][1]:.2f} CPU s"
        for name, src in trees.items():
            res[name].append(ingest(name, src))
            w, c = res[name][-1]
            line += (f" | {name} {w:.1f} s / {c:.2f} CPU s: wall {res['bare'][-1][0] / w:.3f}, "
                     f"CPU {res['bare'][-1][1] / c:.3f}")
        print(line, flush=True)
    for name in trees:
        walls = [b[0] / x[0] for b, x in zip(res["bare"], res[name])]
        cpus = [b[1] / x[1] for b, x in zip(res["bare"], res[name])]
        print(f"{name}: median wall ratio {statistics.median(walls):.3f}, median CPU ratio "
              f"{statistics.median(cpus):.3f} (median CPU s {statistics.median(x[1] for x in res[name]):.2f}, "
              f"bare {statistics.median(b[1] for b in res['bare']):.2f})")


if __name__ == "__main__":
    main()
