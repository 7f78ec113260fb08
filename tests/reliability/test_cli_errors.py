"""No traceback reaches the user: one line per error; ``--verbose`` shows the traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from diplograph import sources
from diplograph.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _all_output(res) -> str:
    return res.output  # stdout and stderr, interleaved


def _boom(paths):
    raise RuntimeError("boom in the reader\nsecond line")
    yield  # pragma: no cover


def test_internal_error_is_one_line_without_traceback(monkeypatch, tmp_path):
    # Fault injection: a bug anywhere below the CLI must not print a traceback.
    monkeypatch.setattr(sources, "iter_documents", _boom)
    f = tmp_path / "a.txt"
    f.write_text("Russia attacked Ukraine.")
    res = runner.invoke(app, ["cues", str(f)])
    out = _all_output(res)
    assert res.exit_code == 3
    assert "Traceback" not in out
    lines = [l for l in out.splitlines() if "[E017]" in l]
    assert lines == ["error: [E017] internal error (RuntimeError: boom in the reader); "
                     "run again with --verbose for the traceback"]


def test_verbose_shows_the_traceback(monkeypatch, tmp_path):
    monkeypatch.setattr(sources, "iter_documents", _boom)
    f = tmp_path / "a.txt"
    f.write_text("Russia attacked Ukraine.")
    res = runner.invoke(app, ["--verbose", "cues", str(f)])
    out = _all_output(res)
    assert res.exit_code == 3 and "Traceback" in out and "boom in the reader" in out


def test_corrupt_store_is_one_line(tmp_path):
    store = tmp_path / "bad.duckdb"
    store.write_bytes(b"this is not a duckdb file" * 1000)
    res = subprocess.run([sys.executable, "-m", "diplograph.cli", "status", "--store", str(store), "--json"],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert res.returncode != 0 and "Traceback" not in res.stderr
    errors = [l for l in res.stderr.splitlines() if l.strip()]
    assert len(errors) == 1 and str(store) in errors[0] and "[E0" in errors[0], res.stderr


def test_missing_input_is_one_line_and_the_run_goes_on(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "a", "text": "Russia attacked Ukraine on Monday."}\n')
    res = runner.invoke(app, ["cues", str(tmp_path / "nope.jsonl")])
    assert "Traceback" not in _all_output(res)
    res = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt"), str(good), "--json"])
    out = _all_output(res)
    assert res.exit_code == 2 and "Traceback" not in out
    assert f"{tmp_path / 'nope.txt'}: [E001] file not found" in out
    assert '"doc_id": "a"' in out
