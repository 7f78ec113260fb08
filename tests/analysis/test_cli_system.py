"""The system, dyad and export commands on a real store."""
import json

from typer.testing import CliRunner

from diplograph.cli import app

from ..store.corpus_helpers import corpus

runner = CliRunner()


def test_system_dyad_export_commands(tmp_path):
    path, _ = corpus(tmp_path)
    res = runner.invoke(app, ["system", "--store", str(path), "--json"])
    assert res.exit_code == 0, res.output
    s = json.loads(res.stdout)
    assert {"actors", "dyads", "triads"} <= set(s)
    assert all({"a", "b", "events", "goldstein", "sign", "trend"} <= set(d) for d in s["dyads"])
    res = runner.invoke(app, ["system", "--store", str(path)])
    assert res.exit_code == 0 and "Dyads" in res.stdout
    res = runner.invoke(app, ["dyad", "Putin", "Nazarbayev", "--store", str(path), "--by", "week", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["a_to_b"]["events"] == 2
    res = runner.invoke(app, ["dyad", "Putin", "Nobody", "--store", str(path)])
    assert res.exit_code == 1 and "[E012]" in res.stderr and "Traceback" not in res.stderr
    res = runner.invoke(app, ["dyad", "Putin", "UKR", "--store", str(path), "--by", "year"])
    assert res.exit_code == 1 and "day, week, month" in " ".join(res.stderr.split())
    res = runner.invoke(app, ["export", str(tmp_path / "x.tsv"), "--format", "gdelt", "--store", str(path)])
    assert res.exit_code == 0 and (tmp_path / "x.tsv").read_text().count("\n") > 5
    res = runner.invoke(app, ["export", str(tmp_path / "x.csv"), "--format", "csv", "--store", str(path)])
    assert res.exit_code == 1 and "gdelt, plover, parquet, graphml" in " ".join(res.stderr.split())
