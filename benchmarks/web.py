"""API latency of `diplograph serve` on the demo store: p50/p95 per endpoint over real HTTP.

    .venv/bin/python benchmarks/web.py [--store diplograph.duckdb] [--rounds 40] [--out benchmarks/web.md]

Builds the demo store first (`diplograph ingest examples/`) when the file is absent. Starts the real
server (the CLI, uvicorn) on a free loopback port, sends a bounded number of GET requests with one
client, and stops the server. Target: p95 < 100 ms for every endpoint.
"""
from __future__ import annotations

import argparse
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not come up")


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default=str(ROOT / "diplograph.duckdb"))
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "web.md"))
    args = ap.parse_args()
    store = Path(args.store)
    exe = [sys.executable, "-m", "diplograph.cli"]
    if not store.exists():
        print(f"building the demo store {store} (ingest examples/)…", file=sys.stderr)
        subprocess.run(exe + ["ingest", str(ROOT / "examples"), "--store", str(store)], check=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(exe + ["serve", "--store", str(store), "--port", str(port)], stderr=subprocess.PIPE)
    try:
        wait_up(base + "/api/actors?limit=1", proc)
        with httpx.Client(base_url=base, timeout=10) as c:
            actors = [a["id"] for a in c.get("/api/actors", params={"limit": 50}).json()["actors"]]
            g = c.get("/api/graph").json()
            edges = [(e["a"], e["b"]) for e in g["edges"][:50]]
            state_edges = [(e["a"], e["b"]) for e in c.get("/api/graph", params={"level": "state"}).json()["edges"][:50]]
            docs = sorted({e["doc_id"] for e in c.get("/api/events", params={"limit": 200}).json()["events"]})
            counts = c.get("/api/actors", params={"limit": 1}).json()["total"], len(g["edges"]), g["total_edges"]
            rnd = random.Random(1)
            cases = {
                "/api/actors": lambda: ("/api/actors", {}),
                "/api/actors?q=": lambda: ("/api/actors", {"q": rnd.choice(["rus", "naz", "china", "un", "pres"])}),
                "/api/events?actor=": lambda: ("/api/events", {"actor": rnd.choice(actors)}),
                "/api/dyad": lambda: ("/api/dyad", dict(zip("ab", rnd.choice(edges)))),
                "/api/dyad?level=state": lambda: ("/api/dyad", {**dict(zip("ab", rnd.choice(state_edges))),
                                                               "level": "state"}),
                "/api/graph": lambda: ("/api/graph", {}),
                "/api/graph?level=state": lambda: ("/api/graph", {"level": "state"}),
                "/api/graph (filtered)": lambda: ("/api/graph", {"quad": [3, 4], "modality": "asserted",
                                                                  "since": "2010-01-01", "min_weight": 2}),
                "/api/documents/{id}": lambda: (f"/api/documents/{rnd.choice(docs)}", {}),
            }
            for make in cases.values():  # warm up each query once
                url, params = make()
                c.get(url, params=params)
            timings: dict[str, list[float]] = {k: [] for k in cases}
            for _ in range(args.rounds):
                for name, make in cases.items():
                    url, params = make()
                    t = time.perf_counter()
                    r = c.get(url, params=params)
                    timings[name].append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200, (url, r.status_code, r.text[:200])
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    everything = [x for v in timings.values() for x in v]
    lines = [
        "# Web API latency (benchmarks/web.py)",
        "",
        f"Store: the demo store (`make demo`: examples/ ingested): {counts[0]} actors, "
        f"graph of {counts[1]} edges shown of {counts[2]}. Real HTTP to `diplograph serve` on loopback, one client, "
        f"{args.rounds} rounds per endpoint after one warm-up; {platform.machine()}, {__import__('os').cpu_count()} cores "
        "shared with other work (timings are noisy; compare within one run).",
        "",
        "Command: `.venv/bin/python benchmarks/web.py`",
        "",
        "| endpoint | p50 ms | p95 ms | max ms |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, v in timings.items():
        lines.append(f"| `{name}` | {statistics.median(v):.1f} | {pct(v, 95):.1f} | {max(v):.1f} |")
    lines.append(f"| **all** | {statistics.median(everything):.1f} | {pct(everything, 95):.1f} | {max(everything):.1f} |")
    worst = max(pct(v, 95) for v in timings.values())
    verdict = "holds" if worst < 100 else "does NOT hold"
    lines += ["", f"Target p95 < 100 ms for every endpoint (worst p95 {worst:.1f} ms): {verdict}."]
    text = "\n".join(lines) + "\n"
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
