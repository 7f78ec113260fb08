"""The CLI: every command has help; JSONL in, JSONL out; bad lines named, the rest goes on."""
from __future__ import annotations

import json

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from diplograph.cli import app

from .conftest import SEED

runner = CliRunner()


def test_every_command_has_help():
    group = get_command(app)
    assert group.commands, "no commands"
    for name, cmd in group.commands.items():
        assert cmd.help and cmd.help.strip(), f"command {name} has no help"
        for param in cmd.params:
            if param.param_type_name == "option" and param.name != "help":
                assert getattr(param, "help", None), f"{name} --{param.name} has no help"
            if param.param_type_name == "argument":  # PATHS, A B …: said in the usage line's help too
                assert getattr(param, "help", None), f"{name} argument {param.name} has no help"
        res = runner.invoke(app, [name, "--help"])
        assert res.exit_code == 0, res.output


def test_analyze_json_contract():
    res = runner.invoke(app, ["analyze", str(SEED), "--json", "--date", "2023-11-24"])
    assert res.exit_code == 0, res.output
    lines = [l for l in res.stdout.splitlines() if l.strip()]
    assert len(lines) == 1
    d = json.loads(lines[0])
    assert d["date"] == "2023-11-24" and d["events"] and d["actors"]


def test_analyze_report_names_actors():
    res = runner.invoke(app, ["analyze", str(SEED), "--date", "2023-11-24"])
    assert res.exit_code == 0
    assert "Nazarbayev" in res.stdout and "Tokayev" in res.stdout


def test_code_jsonl_with_a_broken_line(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "Russia attacked Ukraine."}\n{broken\n{"id": "c"}\n'
                 '{"id": "d", "text": "France criticized Germany."}\n')
    res = runner.invoke(app, ["code", str(f)])
    assert res.exit_code == 0
    out = [json.loads(l) for l in res.stdout.splitlines() if l.startswith("{")]
    assert [o["id"] for o in out] == ["a", "d"]
    assert any(e["cameo_root"] == "19" for e in out[0]["events"])
    assert f"{f}:2:" in res.stderr and f"{f}:3:" in res.stderr


def test_cues_jsonl(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "x", "text": "The minister may resign if talks fail."}\nnot json\n')
    res = runner.invoke(app, ["cues", str(f)])
    out = [json.loads(l) for l in res.stdout.splitlines() if l.startswith("{")]
    assert out[0]["id"] == "x"
    text = "The minister may resign if talks fail."
    for c in out[0]["cues"]:
        assert text[c["start"]:c["end"]] == c["text"]
    assert {c["type"] for c in out[0]["cues"]} >= {"speculation", "condition"}
    assert ":2:" in res.stderr


def test_ingest_is_idempotent_and_status_reports_failures(tmp_path):
    store = tmp_path / "s.duckdb"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Russia's troops attacked Ukrainian forces on Monday.")
    (docs / "empty.txt").write_text("")
    res = runner.invoke(app, ["ingest", str(docs), "--store", str(store)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["ingest", str(docs), "--store", str(store)])
    s = json.loads(runner.invoke(app, ["status", "--store", str(store), "--json"]).stdout)
    assert s["documents"] == 1 and s["events"] >= 1
    assert [f["path"] for f in s["failed"]] == [str(docs / "empty.txt")]
    assert "empty" in s["failed"][0]["error"]


def test_status_on_missing_store_is_one_line(tmp_path):
    res = runner.invoke(app, ["status", "--store", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1
    assert "none.duckdb" in res.stderr and "Traceback" not in res.stderr
