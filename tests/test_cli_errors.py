"""Every CLI error is one line naming what to fix; a missing folder is the user's, not an internal error."""
from __future__ import annotations

from typer.testing import CliRunner

from diplograph.cli import app

runner = CliRunner()


def _store(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Freedonia criticized Sylvania on Monday.", "date": "2021-02-01"}\n')
    store = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["ingest", str(src), "--store", str(store)]).exit_code == 0
    return store


def _one_line_error(res) -> str:
    lines = [x for x in res.stderr.splitlines() if x.strip()]
    assert res.exit_code == 1 and len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    assert "internal error" not in lines[0] and "Traceback" not in res.output
    return lines[0]


def test_export_into_a_missing_folder_says_so(tmp_path):
    store = _store(tmp_path)
    line = _one_line_error(runner.invoke(app, ["export", "--format", "gdelt", "--store", str(store),
                                               str(tmp_path / "absent" / "out.tsv")]))
    assert "[E018]" in line and "absent" in line and "does not exist" in line
    line = _one_line_error(runner.invoke(app, ["export", "--format", "gdelt", "--store", str(store), str(tmp_path)]))
    assert "[E018]" in line and "file name" in line


def test_unknown_actor_and_bad_dates_are_one_line(tmp_path):
    store = _store(tmp_path)
    assert "[E012]" in _one_line_error(runner.invoke(app, ["dyad", "Nobody", "Sylvania", "--store", str(store)]))
    assert "[E008]" in _one_line_error(runner.invoke(app, ["system", "--since", "2021-13-01", "--store", str(store)]))
    assert "[E001]" in _one_line_error(runner.invoke(app, ["status", "--store", str(tmp_path / "none.duckdb")]))
