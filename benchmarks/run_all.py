"""Run every benchmark and collect their Markdown into benchmarks/RESULTS.md (`make bench`).

A benchmark is any ``benchmarks/*.py`` script with a main (files starting with ``_`` are
helpers, not benchmarks). Each runs in its own process from the repository root with its
default arguments; what it prints on stdout (Markdown) becomes its section of RESULTS.md,
what it prints on stderr is progress and goes to the terminal. A benchmark that fails is
reported in its section and the others still run.

    python benchmarks/run_all.py [NAME …]     # e.g. run_all.py throughput events
"""
from __future__ import annotations

import datetime
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def benchmarks(names: list[str]) -> list[Path]:
    found = sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_") and p.name != "run_all.py")
    if names:
        found = [p for p in found if p.stem in names]
        missing = set(names) - {p.stem for p in found}
        if missing:
            raise SystemExit(f"no benchmark named {', '.join(sorted(missing))}; valid: "
                             f"{', '.join(p.stem for p in sorted(HERE.glob('*.py')) if not p.name.startswith('_'))}")
    return found


def main() -> None:
    scripts = benchmarks(sys.argv[1:])
    sections = []
    failed = 0
    for script in scripts:
        print(f"== {script.name}", file=sys.stderr, flush=True)
        start = time.perf_counter()
        res = subprocess.run([sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        took = time.perf_counter() - start
        body = res.stdout.strip() or "(no output)"
        if res.returncode != 0:
            failed += 1
            body += f"\n\n**failed** with exit code {res.returncode} (see the terminal for its errors)."
        sections.append(f"## {script.stem}\n\n`python benchmarks/{script.name}` — {took:.0f} s\n\n{body}\n")
    head = (f"# Benchmark results\n\nWritten by `make bench` (benchmarks/run_all.py) on "
            f"{datetime.date.today().isoformat()}, Python {platform.python_version()}, {platform.machine()}, "
            f"{__import__('os').cpu_count()} cores. Each section is one script's output.\n")
    out = HERE / "RESULTS.md"
    if sys.argv[1:] and out.exists():  # a partial run replaces only its own sections
        old = out.read_text(encoding="utf-8")
        kept = {s.split("\n", 1)[0]: "## " + s for s in old.split("\n## ")[1:]}
        for s in sections:
            kept[s.split("\n", 1)[0][3:]] = s
        sections = [kept[k] for k in sorted(kept)]
    out.write_text(head + "\n" + "\n".join(s.rstrip() + "\n" for s in sections), encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)} ({len(scripts)} benchmarks, {failed} failed)", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
