"""``--date`` fills in a missing date only, in every command; ``--override-date`` replaces them all."""
from __future__ import annotations

import json

import duckdb
from typer.main import get_command
from typer.testing import CliRunner

from diplograph.cli import app

runner = CliRunner()

LINES = [
    {"id": "own", "text": "Freedonia criticized Sylvania on Monday.", "date": "2019-05-06", "title": "own date"},
    {"id": "none", "text": "Freedonia praised Sylvania on Tuesday."},
]


def _input(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps(x) + "\n" for x in LINES), encoding="utf-8")
    return f


def _analyze(f, *options: str) -> dict[str, tuple[str, str]]:
    res = runner.invoke(app, ["analyze", str(f), "--json", *options])
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    return {d["doc_id"]: (d["date"], d["date_source"]) for d in out}


def test_analyze_date_fills_in_only_what_is_missing(tmp_path):
    f = _input(tmp_path)
    assert _analyze(f, "--date", "2023-11-24") == {"own": ("2019-05-06", "input"), "none": ("2023-11-24", "option")}
    assert _analyze(f) == {"own": ("2019-05-06", "input"), "none": (None, None)}
    assert _analyze(f, "--override-date", "2023-11-24") == {"own": ("2023-11-24", "option"),
                                                            "none": ("2023-11-24", "option")}


def test_a_dateline_is_the_documents_own_date(tmp_path):
    f = tmp_path / "wire.txt"
    f.write_text("MOSCOW, March 3, 2021 (Wire) - Freedonia criticized Sylvania.", encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(f), "--json", "--date", "2023-11-24"])
    d = json.loads(res.stdout.splitlines()[0])
    assert (d["date"], d["date_source"]) == ("2021-03-03", "dateline")


def test_ingest_date_fills_in_only_what_is_missing(tmp_path):
    f, store = _input(tmp_path), tmp_path / "s.duckdb"
    res = runner.invoke(app, ["ingest", str(f), "--date", "2023-11-24", "--store", str(store)])
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(store), read_only=True)
    try:
        got = {i: (str(d), s) for i, d, s in con.execute("SELECT id, date, date_source FROM documents").fetchall()}
    finally:
        con.close()
    assert got == {"own": ("2019-05-06", "input"), "none": ("2023-11-24", "option")}


def test_both_commands_say_the_same_in_their_help():
    commands = get_command(app).commands
    helps = [{p.name: p.help for p in commands[c].params} for c in ("analyze", "ingest")]
    assert helps[0]["date"] == helps[1]["date"] and "have none" in helps[0]["date"]
    assert helps[0]["override_date"] == helps[1]["override_date"]


def test_a_bad_date_is_one_line(tmp_path):
    res = runner.invoke(app, ["analyze", str(_input(tmp_path)), "--date", "24/11/2023"])
    assert res.exit_code != 0 and "Traceback" not in res.output
