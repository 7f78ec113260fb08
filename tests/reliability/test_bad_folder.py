"""The issue's "done when": a folder of every kind of bad input ingests with no traceback,
every good document stored, every bad one named in ``status --json``. Run through the
real CLI in a subprocess, into a real DuckDB file."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = [sys.executable, "-m", "diplograph.cli"]
VOA = ROOT / "examples" / "voa" / "voa_stories.jsonl"
GOOD = ("MOSCOW, March 4 - Russian President Vladimir Putin met Kazakhstan's former president Nursultan "
        "Nazarbayev in Moscow on Tuesday. Kazakhstan rejected Russia's position on the pipeline, the "
        "foreign ministry said, and Tokayev criticized the Kremlin.\n")


def run(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([*EXE, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def big_text(size: int) -> str:
    """``size`` characters of real news text (the VOA stories, repeated), in paragraphs."""
    texts = [json.loads(l)["text"] for l in VOA.read_text(encoding="utf-8").splitlines() if l.strip()]
    parts, n, i = [], 0, 0
    while n < size:
        parts.append(texts[i % len(texts)])
        n += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def bad_folder(folder: Path) -> dict[str, str]:
    """Write the folder; return {file name: expected error code or "ok"}."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.bin").write_bytes(random.Random(9).randbytes(1 << 20))
    latin = "GENEVA - Délégués from France met in Zürich; the señora said Russia attacked Ukraine. " * 4
    (folder / "latin1.txt").write_bytes(latin.encode("latin-1"))
    (folder / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>Talks</title><script>alert('x')</script></head><body>"
        "<p>China&#39;s foreign minister met his Russian counterpart in Beijing.</p>"
        "<p>The two sides signed an agreement, officials said.</p></body></html>", encoding="utf-8")
    (folder / "chinese.txt").write_text("俄罗斯总统普京周二在北京会见了中国国家主席习近平。两国签署了一项协议。", encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        '{"id": "j1", "text": "Russia attacked Ukraine on Monday, officials said."}\n'
        '{"id": "j2", "text": "broken\n'
        '{"id": "j3", "title": "a line without text"}\n'
        '{"id": "j4", "text": "Iran criticized Israel on Friday."}\n', encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return {"empty.txt": "E005", "random.bin": "E006", "chinese.txt": "E013", "lines.jsonl:2": "E003",
            "lines.jsonl:3": "E004"}


def check_run(folder: Path, store: Path, expected_failures: dict[str, str], expected_docs: int,
              extra: tuple[str, ...] = ()) -> dict:
    res = run("ingest", str(folder), *extra, "--store", str(store))
    assert "Traceback" not in res.stderr + res.stdout, res.stderr
    assert res.returncode == 0, res.stderr
    for name, code in expected_failures.items():  # one line per bad input, naming it
        lines = [l for l in res.stderr.splitlines() if f"{name}: [{code}]" in l]
        assert len(lines) == 1, (name, res.stderr)
    status = run("status", "--store", str(store), "--json")
    assert status.returncode == 0, status.stderr
    s = json.loads(status.stdout)
    failed = {Path(f["path"]).name: f["error"] for f in s["failed"]}
    assert {k: v.split("[", 1)[1][:4] for k, v in failed.items()} == {
        **expected_failures, **{Path(e).name: "E001" for e in extra}}
    assert s["documents"] == expected_docs
    return s


def test_bad_folder_ingests_without_traceback(tmp_path):
    expected = bad_folder(tmp_path / "in")
    missing = str(tmp_path / "missing.txt")
    check_run(tmp_path / "in", tmp_path / "s.duckdb", expected, expected_docs=5, extra=(missing,))
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    paths = {Path(p).name for (p,) in con.execute("SELECT path FROM documents").fetchall()}
    html_text = con.execute("SELECT text FROM documents WHERE path LIKE '%page.html'").fetchone()[0]
    latin_text = con.execute("SELECT text FROM documents WHERE path LIKE '%latin1.txt'").fetchone()[0]
    con.close()
    assert paths == {"latin1.txt", "page.html", "lines.jsonl:1", "lines.jsonl:4", "good.txt"}
    assert html_text.startswith("China's foreign minister") and "alert" not in html_text
    assert "Zürich" in latin_text and "señora" in latin_text
    # Run again: nothing twice; the failures are still named.
    s2 = check_run(tmp_path / "in", tmp_path / "s.duckdb", expected, expected_docs=5, extra=(missing,))
    assert s2["documents"] == 5


@pytest.mark.slow
def test_ten_megabyte_document(tmp_path):
    """A long text (10 MB with DIPLOGRAPH_LONG_MB=10) is stored whole, analysed in chunks, every offset exact."""
    folder = tmp_path / "in"
    expected = bad_folder(folder)
    # 1.2 MB by default: past spaCy's default max_length (1,000,000), 40 chunks, ~2 CPU minutes. The
    # issue's 10 MB takes ~7 CPU minutes, half the whole suite's budget: DIPLOGRAPH_LONG_MB=10.
    size = int(float(os.environ.get("DIPLOGRAPH_LONG_MB", "1.2")) * 1_000_000)
    text = big_text(size)
    (folder / "big.txt").write_text(text, encoding="utf-8")
    check_run(folder, tmp_path / "s.duckdb", expected, expected_docs=6)
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    stored, analysis = con.execute("SELECT text, analysis FROM documents WHERE path LIKE '%big.txt'").fetchone()
    rows = con.execute("SELECT evidence_start, evidence_end, evidence_text FROM events e JOIN documents d "
                       "ON e.doc_id = d.id WHERE d.path LIKE '%big.txt'").fetchall()
    con.close()
    assert stored == text
    a = json.loads(analysis)
    assert len(rows) > size / 10_000 and max(r[1] for r in rows) > 0.9 * size  # events from the whole text, to its end
    assert all(text[s:e] == t for s, e, t in rows)
    assert all(text[m["start"]:m["end"]] == m["text"] for actor in a["actors"] for m in actor["mentions"])
