"""Benchmark: `system` and `dyad` on a generated store of 1,000,000 de-duplicated events.

    .venv/bin/python benchmarks/system.py [--events 1000000] [--store PATH] [--runs 5]

The store is made by the real StoreWriter (schema and migrations), then filled with SQL:
2,000 actors whose activity follows a power law (a few actors are in most events, as in
news), events over three years with CAMEO codes, Goldstein scores and claim statuses in
realistic proportions, and relation-state statements. It times the library calls the
commands make (`analysis.system.system`, `analysis.dyads.dyad`) in one process on an open
read-only connection (median of --runs after one warm-up), and the whole command line
(`diplograph system --json`, process start and imports included) once.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplograph.analysis.dyads import dyad  # noqa: E402
from diplograph.analysis.system import system  # noqa: E402
from diplograph.hierarchy import state_codes  # noqa: E402
from diplograph.store.duck import StoreWriter, open_reader  # noqa: E402
from diplograph.store.summary import rebuild  # noqa: E402

ACTORS = 2000


def generate(path: Path, events: int) -> None:
    w = StoreWriter(path)
    con = w.con
    con.execute("BEGIN")
    # 200 real state codes (the hierarchy rolls actors up to them at state level): a third of the
    # actors are states, the rest people of the governments of those states
    states = sorted(state_codes())[:200]
    con.execute(f"""INSERT INTO corpus_actors
        SELECT 'actor-' || i, 'Actor ' || i, CASE WHEN i % 3 = 0 THEN 'state' ELSE 'person' END,
               s[1 + i % 200] || CASE WHEN i % 3 = 0 THEN '' ELSE 'GOV' END, s[1 + i % 200],
               1 + (1000 / (i + 1))::INTEGER, 1 + (5000 / (i + 1))::INTEGER
        FROM range({ACTORS}) t(i), (SELECT ?::VARCHAR[] AS s)""", [states])
    # power-law actors: floor(N * u^3) puts most events on the first few actors
    con.execute(f"""INSERT INTO corpus_events
        SELECT 'ev' || i, i, 'actor-' || x, 'actor-' || CASE WHEN y = x THEN (x + 1) % {ACTORS} ELSE y END,
               code, left(code, 2), 'CONSULT', NULL, g, q, m,
               CASE m WHEN 'asserted' THEN 1.0 WHEN 'hedged' THEN 0.5 WHEN 'future' THEN 0.5 ELSE 0.0 END,
               DATE '2022-01-01' + (i % 1095)::INTEGER, 'doc' || (i // 10), 'ev' || i, 'generated evidence',
               1 + (i % 4 = 0)::INTEGER, 1, 1
        FROM (SELECT i, floor({ACTORS} * pow(random(), 3))::INTEGER AS x,
                     floor({ACTORS} * pow(random(), 3))::INTEGER AS y,
                     ['040', '043', '051', '057', '111', '130', '173', '190'][1 + (i % 8)::INTEGER] AS code,
                     [1.0, 2.8, 3.4, 8.0, -2.0, -4.4, -5.0, -10.0][1 + (i % 8)::INTEGER] AS g,
                     [1, 1, 1, 2, 3, 3, 4, 4][1 + (i % 8)::INTEGER] AS q,
                     CASE WHEN i % 10 < 8 THEN 'asserted' WHEN i % 10 = 8 THEN 'hedged' ELSE 'negated' END AS m
              FROM range({events}) t(i))""")
    con.execute(f"""INSERT INTO actor_links SELECT 'rdoc' || i, 'actor-' || i, 'actor-' || i FROM range({ACTORS}) t(i)""")
    con.execute(f"""INSERT INTO relations
        SELECT 'rdoc' || x, 'actor-' || x, 'actor-' || y, CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END, 'asserted',
               DATE '2022-01-01' + (i % 1095)::INTEGER, 0, 10, 'generated relation'
        FROM (SELECT i, floor({ACTORS} * pow(random(), 3))::INTEGER AS x, floor({ACTORS} * pow(random(), 2))::INTEGER AS y
              FROM range(20000) t(i)) WHERE x <> y""")
    rebuild(con)  # the summaries the writer keeps batch by batch
    con.execute("COMMIT")
    w.close()


def timed(fn, runs: int) -> tuple[float, float, float]:
    """Median and max wall time, and median CPU time of this process (all its threads), in ms.
    On a shared machine the wall time includes waiting for a core; the CPU time does not."""
    fn()  # warm-up
    times, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return statistics.median(times), max(times), statistics.median(cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000, help="Events to generate.")
    ap.add_argument("--store", type=Path, default=None, help="Store file (default: a temporary one).")
    ap.add_argument("--runs", type=int, default=5, help="Timed runs per call.")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.store or Path(tmp.name) / "bench.duckdb"
    if not path.exists():
        t = time.perf_counter()
        generate(path, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
    con = open_reader(path)
    n = con.execute("SELECT count(*) FROM corpus_events").fetchone()[0]
    dyads = con.execute("SELECT count(*) FROM (SELECT DISTINCT a, b FROM corpus_events)").fetchone()[0]
    print("Library calls on one read-only connection: median and max wall time of 5 runs, median CPU time.\n")
    print(f"- store: {n:,} events, {dyads:,} ordered dyads; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    s = system(con)
    top = s["dyads"][0]
    med, worst, cpu = timed(lambda: system(con), args.runs)
    print(f"- system (library, {len(s['dyads'])} dyads, {len(s['triads'])} triads, "
          f"{s['balance']['edges']} network edges): median {med:.0f} ms, max {worst:.0f} ms, CPU {cpu:.0f} ms")
    for label, (a, b) in (("busiest", (top["a"], top["b"])), ("quiet", ("actor-1500", "actor-7"))):
        for by in ("month", "day"):
            med, worst, cpu = timed(lambda: dyad(con, a, b, by), args.runs)
            print(f"- dyad {label} pair by {by} (library): median {med:.0f} ms, max {worst:.0f} ms, CPU {cpu:.0f} ms")
    # state level: every event rolled up to its endpoints' states (no summary: the events themselves)
    s = system(con, level="state")
    med, worst, cpu = timed(lambda: system(con, level="state"), args.runs)
    print(f"- system --level state (library, {len(s['dyads'])} dyads of {s['totals']['dyads']:,}, "
          f"{s['balance']['edges']} network edges): median {med:.0f} ms, max {worst:.0f} ms, CPU {cpu:.0f} ms")
    top_state = s["dyads"][0]
    med, worst, cpu = timed(lambda: dyad(con, top_state["a"], top_state["b"], "month", level="state"), args.runs)
    print(f"- dyad --level state busiest pair by month (library): median {med:.0f} ms, max {worst:.0f} ms, "
          f"CPU {cpu:.0f} ms")
    con.close()
    exe = ROOT / ".venv" / "bin" / "diplograph"
    if exe.exists():
        for cmd in (["system", "--json"], ["dyad", top["a"], top["b"], "--json"]):
            t = time.perf_counter()
            subprocess.run([str(exe), *cmd, "--store", str(path)], check=True, capture_output=True)
            print(f"- `diplograph {' '.join(cmd)}` whole command (process start, imports): "
                  f"{(time.perf_counter() - t) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
