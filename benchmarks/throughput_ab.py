"""Throughput of two source trees in the same run: bare spaCy, and ``diplograph ingest`` of each tree.

On a machine shared with other work, two separate ``throughput.py`` runs cannot show a change of a few
per cent; here the rows of both trees are interleaved round by round (bare parser only, ``ingest --fast``
of each tree, bare spaCy, ``ingest`` of each tree), measured as ``throughput.py`` measures (whole processes,
CPU of the process tree), and each tree's ratio to bare spaCy is the median of its per-round ratios. Each
tree's on-disk caches (knowledge base, gazetteer: keyed by the package's path) are warmed before any
measured run. Checks that both trees stored the same events.

    python benchmarks/throughput_ab.py --before DIR/src --after DIR/src [--docs 400] [--rounds 2] [--modes fast,full]

(A tree is a ``src`` folder, e.g. ``git archive <commit> src | tar -x -C DIR``.)
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
import throughput as T  # noqa: E402
from _corpus import stories  # noqa: E402


def events_of(store: Path) -> list[tuple]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        return sorted(con.execute("SELECT doc_id, source_code, target_code, cameo, evidence_start, modality "
                                  "FROM events").fetchall(), key=repr)
    finally:
        con.close()


def median(xs: list[float]) -> float:
    xs = sorted(xs)
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", required=True, help="the first tree's src folder")
    ap.add_argument("--after", required=True, help="the second tree's src folder")
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--modes", default="fast,full", help="fast (against the parser alone), full (against bare spaCy)")
    args = ap.parse_args()
    trees = {"before": str(Path(args.before).resolve()), "after": str(Path(args.after).resolve())}
    modes = args.modes.split(",")
    n, p = args.docs, 2
    corpus, texts = stories(n)
    tmp = Path(tempfile.mkdtemp(prefix="diplograph-ab-"))
    big, small = tmp / "big.jsonl", tmp / "small.jsonl"
    big.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in texts), encoding="utf-8")
    small.write_text(json.dumps(texts[0], ensure_ascii=False) + "\n", encoding="utf-8")
    words = sum(len(s["text"].split()) for s in texts)
    py, dg = str(T.BIN / "python"), str(T.BIN / "diplograph")

    def ingest(tree: str, store: str, src: Path = big, *extra: str) -> list[str]:
        return ["env", f"PYTHONPATH={trees[tree]}", dg, "ingest", str(src), "--store", str(tmp / f"{store}.duckdb"),
                "--workers", str(p), *extra]

    for tree, src in trees.items():
        T.compile_bytecode(Path(src) / "diplograph")
        subprocess.run(ingest(tree, "warm", small), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        (tmp / "warm.duckdb").unlink(missing_ok=True)

    def bare(disable: list[str]) -> list[str]:
        return [py, "-c", T.BARE.format(model=T.MODEL, disable=disable, n=p), str(big)]

    plan: dict[str, list[str]] = {}
    pairs: list[tuple[str, str]] = []
    if "fast" in modes:
        plan["parser"] = bare(["ner"])
        for tree in trees:
            plan[f"fast_{tree}"] = ingest(tree, f"fast_{tree}", big, "--fast")
            pairs.append(("parser", f"fast_{tree}"))
    if "full" in modes:
        plan["spacy"] = bare([])
        for tree in trees:
            plan[f"full_{tree}"] = ingest(tree, f"full_{tree}")
            pairs.append(("spacy", f"full_{tree}"))
    rounds = []
    for _ in range(args.rounds):
        for f in tmp.glob("*.duckdb"):
            f.unlink()
        rounds.append({key: T.measure(key, cmd, n, words, p) for key, cmd in plan.items()})
    print(f"{corpus}, {n} documents, {p} processes, {len(rounds)} interleaved rounds (medians); "
          f"load average at the end {os.getloadavg()[0]:.1f}")
    print("| run | wall s | CPU s | ratio wall | ratio CPU (per round) |")
    print("| --- | ---: | ---: | ---: | --- |")
    for key in plan:
        ref = next((r for r, k in pairs if k == key), None)
        wall, cpu = median([r[key].seconds for r in rounds]), median([r[key].cpu for r in rounds])
        ratios = ""
        if ref:
            per = [r[ref].cpu / r[key].cpu for r in rounds]
            ratios = (f"{median([r[ref].seconds / r[key].seconds for r in rounds]):.3f} | {median(per):.3f} "
                      f"({', '.join(f'{x:.3f}' for x in per)})")
        print(f"| {key} | {wall:.1f} | {cpu:.2f} | {ratios or '— | —'} |")
    for mode in ("fast", "full"):
        if mode in modes:
            same = events_of(tmp / f"{mode}_before.duckdb") == events_of(tmp / f"{mode}_after.duckdb")
            print(f"- {mode}: both trees stored the same events: **{'yes' if same else 'NO'}**")


if __name__ == "__main__":
    main()
