"""`system --level state` on the example corpus (seed, VOA, Wikinews) ingested by the real engine: it
lists states, pairs no state with itself, and shows the seed's Kazakhstan–Russia relation; at actor
level no pair joins an actor and its own state."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.hierarchy import member, own_state, state_codes

from ..conftest import ROOT


@pytest.mark.slow
def test_system_at_state_level_on_the_example_corpus_lists_states(tmp_path):
    store = str(tmp_path / "examples.duckdb")
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--store", store, "--workers", "2"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["system", "--store", store, "--json", "--top", "0", "--level", "state"])
    assert res.exit_code == 0, res.output
    s = json.loads(res.stdout)
    states = state_codes()
    listed = [a for a in s["actors"] if a["events"]]
    assert listed and s["level"] == "state"
    # the nodes are states, and organisations and groups of no state; people and sector actors whose
    # state is unknown are left out (counted apart)
    share = sum(a["events"] for a in listed if a["id"] in states) / sum(a["events"] for a in listed)
    assert share >= 0.7, f"only {share:.0%} of the state-level activity is between states"
    assert len({a["id"] for a in listed} & states) >= 30
    assert all(a["type"] in ("state", "igo", "group") for a in listed)
    assert all(a["type"] == "state" and a["name"] != a["id"] for a in listed if a["id"] in states)
    assert s["totals"]["unplaced_events"] > 0
    pairs = {(d["a"], d["b"]) for d in s["dyads"]}
    assert all(a != b for a, b in pairs) and ({("RUS", "KAZ"), ("KAZ", "RUS")} & pairs)
    assert s["totals"]["dyads"] == len(s["dyads"]) and s["domestic"]
    res = runner.invoke(app, ["system", "--store", store, "--json", "--top", "0"])
    actors = json.loads(res.stdout)
    who = {a["id"]: member(a["id"], a["type"], a["code"], a["country"]) for a in actors["actors"]}
    for d in actors["dyads"]:
        if d["a"] in who and d["b"] in who:
            assert not own_state(who[d["a"]], who[d["b"]]), d
