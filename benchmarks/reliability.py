"""Reliability benchmark: bad inputs, kill-and-resume, a long document, fuzzing.

    .venv/bin/python benchmarks/reliability.py [--only bad,kill,long,fuzz] [--long-mb 2] [--fuzz-examples 3000]

Everything goes through the real CLI (``python -m diplograph.cli``) in subprocesses, into
real DuckDB files in a temporary folder, and prints Markdown tables:

- bad: one ingest over a folder of every kind of bad input we know of (and paths that do not
  exist or are not regular files); per case, what happened (stored, stored with a warning,
  refused with which error) and whether any traceback was printed.
- kill: ``ingest examples/voa`` clean, then the same into another store killed with SIGKILL
  after the first committed batch, then run again; document and event counts of both.
- long: one document of ``--long-mb`` MB of real news text (the VOA stories repeated):
  wall and CPU time, characters per CPU second, and whether every offset is exact.
- fuzz: the hypothesis fuzz targets of tests/reliability/test_fuzz.py with more examples.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
EXE = [sys.executable, "-m", "diplograph.cli"]
VOA = ROOT / "examples" / "voa"
ARTICLE = ("MOSCOW, March 4 - Russian President Vladimir Putin met Kazakhstan's former president in Moscow on "
           "Tuesday. Kazakhstan rejected Russia's position on the pipeline, the foreign ministry said. ")


def cli(*args: str, timeout: int = 3600) -> subprocess.CompletedProcess:
    return subprocess.run([*EXE, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def bad_inputs(folder: Path) -> dict[str, str]:
    """Write the cases; return {name in the store: description}."""
    rnd = random.Random(5)
    cases: dict[str, tuple[str, bytes | str]] = {
        "empty.txt": ("empty file", b""),
        "blank.txt": ("only whitespace", b" \n\t \r\n"),
        "random.bin": ("1 MB of random bytes", rnd.randbytes(1 << 20)),
        "noise.txt": ("4 KB of high bytes (no NUL, no control)", bytes(b | 0x80 for b in rnd.randbytes(4096))),
        "latin1.txt": ("Latin-1 text", ("Délégués met in Zürich; the señora said so. " + ARTICLE).encode("latin-1")),
        "cp1252.txt": ("cp1252 text with smart quotes", ("“We will respond,” Moscow’s envoy said. " + ARTICLE).encode("cp1252")),
        "utf16.txt": ("UTF-16 with BOM", ("UTF-16: " + ARTICLE).encode("utf-16")),
        "bom.txt": ("UTF-8 with BOM", b"\xef\xbb\xbf" + ("BOM: " + ARTICLE).encode()),
        "bad_utf8.txt": ("UTF-8 with a few broken bytes", ARTICLE.encode() + b"\xff\xfe broken " + ARTICLE.encode()),
        "page.html": ("HTML page", f"<html><head><title>T</title><script>x()</script></head><body><p>{ARTICLE}</p></body></html>"),
        "empty.html": ("HTML page without text", "<html><head><script>x()</script></head><body></body></html>"),
        "chinese.txt": ("Chinese text", "俄罗斯总统普京周二在北京会见了中国国家主席习近平。两国签署了一项协议。"),
        "russian.txt": ("Russian text", "Президент России встретился с бывшим президентом Казахстана в Москве."),
        "arabic.txt": ("Arabic text", "الرئيس الروسي التقى بالرئيس الصيني في بكين يوم الثلاثاء"),
        "french.txt": ("French text", "Le président russe a rencontré mardi à Pékin le dirigeant chinois, et les deux "
                       "pays ont signé un accord sur le gaz. Selon des responsables, la réunion a duré trois heures "
                       "et elle a porté sur la guerre en Ukraine et sur les sanctions. Les deux dirigeants se sont "
                       "dit satisfaits de leur rencontre qui est la première depuis un an."),
        "nul.txt": ("text with a NUL byte", ARTICLE.encode() + b"\x00" + ARTICLE.encode()),
        "good.txt": ("a good article", ARTICLE),
    }
    lines = [
        ('{"id": "j1", "text": "Russia attacked Ukraine on Monday, officials said."}', "JSONL: good line"),
        ('{"id": "j2", "text": "broken', "JSONL: broken line"),
        ('{"id": "j3", "title": "no text"}', "JSONL: line without text"),
        ('[1, 2, 3]', "JSONL: line that is not an object"),
        ('{"id": "j5", "text": ""}', "JSONL: empty text"),
        ("[" * 50000 + "]" * 50000, "JSONL: nesting 50,000 deep"),
        ('{"id": "j7", "text": "lone \\ud800 surrogate: Iran criticized Israel."}', "JSONL: lone surrogate"),
        ('{"id": {"x": 1}, "text": "Iran criticized Israel.", "title": [1], "date": 5}', "JSONL: fields of odd types"),
    ]
    out = {}
    for name, (desc, content) in cases.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        out[name] = desc
    raw = "\n".join(l for l, _ in lines).encode() + b'\n{"id": "j9", "text": "Caf\xe9 talks in Z\xfcrich failed."}\n'
    (folder / "lines.jsonl").write_bytes(raw)
    for i, (_, desc) in enumerate(lines, 1):
        out[f"lines.jsonl:{i}"] = desc
    out[f"lines.jsonl:{len(lines) + 1}"] = "JSONL: Latin-1 line"
    (folder / "binary.jsonl").write_bytes(rnd.randbytes(10_000))
    out["binary.jsonl"] = "JSONL file of random bytes"
    os.mkfifo(folder / "fifo.txt")
    out["fifo.txt"] = "a FIFO (would block a reader)"
    return out


def bench_bad(tmp: Path) -> None:
    folder = tmp / "bad"
    folder.mkdir()
    cases = bad_inputs(folder)
    missing = str(tmp / "does-not-exist.txt")
    cases["does-not-exist.txt"] = "a path that does not exist"
    store = tmp / "bad.duckdb"
    res = cli("ingest", str(folder), missing, "--store", str(store))
    failed = {Path(f["path"]).name: f["error"] for f in json.loads(cli("status", "--store", str(store), "--json").stdout)["failed"]}
    con = duckdb.connect(str(store), read_only=True)
    stored = {Path(p).name for (p,) in con.execute("SELECT path FROM documents").fetchall()}
    con.close()
    warned = {Path(m.group(1)).name for m in re.finditer(r"^warning: (.+?): \[W", res.stderr, re.M)}
    print(f"\n### Bad input: {len(cases)} cases, one `ingest` run (exit code {res.returncode}, "
          f"traceback printed: {'yes' if 'Traceback' in res.stderr else 'no'})\n")
    print("| input | what happened |\n|---|---|")
    for name, desc in cases.items():
        if name in stored:
            what = "stored, with a warning" if name in warned else "stored"
        elif name in failed:
            what = "refused: " + re.sub(r"^.*?\[(E\d+)\] ", r"[\1] ", failed[name])
        else:
            what = "**not accounted for**"
        print(f"| {desc} (`{name}`) | {what} |")


def counts(store: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        return tuple(con.execute(q).fetchone()[0] for q in (
            "SELECT count(*) FROM documents", "SELECT count(DISTINCT content_hash) FROM documents",
            "SELECT count(*) FROM events"))
    finally:
        con.close()


def bench_kill(tmp: Path) -> None:
    clean = tmp / "clean.duckdb"
    t = time.time()
    cli("ingest", str(VOA), "--store", str(clean))
    clean_s = time.time() - t
    killed = tmp / "killed.duckdb"
    proc = subprocess.Popen([*EXE, "--verbose", "ingest", str(VOA), "--store", str(killed)], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, cwd=ROOT)
    done = 0
    for line in proc.stderr:
        m = re.match(r"ingest: (\d+)/(\d+) done", line)
        if m:
            done = int(m.group(1))
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    at_kill = counts(killed)
    res = cli("ingest", str(VOA), "--store", str(killed))
    after = counts(killed)
    c = counts(clean)
    print("\n### Kill and resume (`ingest examples/voa`, SIGKILL after the first committed batch)\n")
    print("| store | documents | distinct texts | events |\n|---|---|---|---|")
    print(f"| clean run ({clean_s:.0f} s) | {c[0]} | {c[1]} | {c[2]} |")
    print(f"| killed run, at the kill ({done} reported done) | {at_kill[0]} | {at_kill[1]} | {at_kill[2]} |")
    print(f"| killed run, then run again | {after[0]} | {after[1]} | {after[2]} |")
    print(f"\nSecond run said: `{res.stderr.strip().splitlines()[-1]}`. Same counts as the clean run: "
          f"{'yes' if after == c else '**no**'}.")


def bench_long(tmp: Path, mb: float) -> None:
    texts = [json.loads(l)["text"] for l in (VOA / "voa_stories.jsonl").read_text().splitlines() if l.strip()]
    size = int(mb * 1_000_000)
    parts, n, i = [], 0, 0
    while n < size:
        parts.append(texts[i % len(texts)])
        n += len(parts[-1]) + 2
        i += 1
    text = "\n\n".join(parts)[:size]
    f = tmp / "long" / "long.txt"
    f.parent.mkdir()
    f.write_text(text, encoding="utf-8")
    store = tmp / "long.duckdb"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.time()
    res = cli("ingest", str(f.parent), "--store", str(store))
    wall = time.time() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    rss = after.ru_maxrss / 1024
    con = duckdb.connect(str(store), read_only=True)
    stored, analysis = con.execute("SELECT text, analysis FROM documents").fetchone()
    con.close()
    a = json.loads(analysis)
    exact = stored == text and all(text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]
                                   for e in a["events"]) and all(
        text[m["start"]:m["end"]] == m["text"] for act in a["actors"] for m in act["mentions"])
    print(f"\n### One long document: {len(text):,} characters\n")
    print("| wall s | CPU s (ingest process) | characters per CPU s | peak RSS MB | events | offsets exact |")
    print("|---|---|---|---|---|---|")
    print(f"| {wall:.0f} | {cpu:.0f} | {len(text) / max(cpu, 1e-9):,.0f} | {rss:,.0f} | {len(a['events'])} | "
          f"{'yes' if exact else '**no**'} |")
    if res.returncode:
        print(f"\nexit code {res.returncode}: {res.stderr[-300:]}")


def bench_fuzz(examples: int) -> None:
    env = {**os.environ, "DIPLOGRAPH_FUZZ_EXAMPLES": str(examples)}
    t = time.time()
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/reliability/test_fuzz.py"], capture_output=True, text=True, cwd=ROOT, env=env)
    print(f"\n### Fuzzing: {examples} examples per target, 5 targets, {time.time() - t:.0f} s: "
          f"`{res.stdout.strip().splitlines()[-1]}`")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="bad,kill,long,fuzz", help="Comma-separated: bad, kill, long, fuzz.")
    ap.add_argument("--long-mb", type=float, default=2.0, help="Size of the long document in MB.")
    ap.add_argument("--fuzz-examples", type=int, default=3000, help="Examples per fuzz target.")
    args = ap.parse_args()
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if "bad" in only:
            bench_bad(tmp)
        if "kill" in only:
            bench_kill(tmp)
        if "long" in only:
            bench_long(tmp, args.long_mb)
        if "fuzz" in only:
            bench_fuzz(args.fuzz_examples)


if __name__ == "__main__":
    main()
