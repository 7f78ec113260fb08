"""The rule core: registration, switches, scoring; the lexicon loader and the sector table."""
from __future__ import annotations

import pytest

from diplograph import lexicon
from diplograph.rules import Proposal, Rule, RuleError, RuleRegistry


def _registry(tmp_path, switches: str = "") -> RuleRegistry:
    path = tmp_path / "rules.tsv"
    path.write_text("name\tenabled\tweight\twhy\n" + switches, encoding="utf-8")
    reg = RuleRegistry(path)
    reg.declare("target.near", stage="events", kind="target", reads=("parse",), confidence=0.6,
                description="the nearest actor")
    reg.declare("target.far", stage="events", kind="target", reads=("parse",), confidence=0.4,
                description="a farther actor")
    return reg


def test_best_is_the_highest_score_not_the_first(tmp_path):
    reg = _registry(tmp_path)
    got = reg.best([Proposal("target", "B", 0.4, "target.far"), Proposal("target", "A", 0.6, "target.near")])
    assert got is not None and got.value == "A"


def test_switched_off_rule_never_wins(tmp_path):
    reg = _registry(tmp_path, "target.near\t0\t1\tprecision 0.2 on the odd half\n")
    got = reg.best([Proposal("target", "A", 0.9, "target.near"), Proposal("target", "B", 0.1, "target.far")])
    assert got is not None and got.value == "B"
    assert not reg.enabled("target.near")


def test_weight_reorders(tmp_path):
    reg = _registry(tmp_path, "target.far\t1\t2.0\tfitted\n")
    got = reg.best([Proposal("target", "A", 0.6, "target.near"), Proposal("target", "B", 0.4, "target.far")])
    assert got is not None and got.value == "B"


def test_environment_switches_rules_off(tmp_path, monkeypatch):
    reg = _registry(tmp_path)
    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "target.*")
    assert reg.best([Proposal("target", "A", 0.6, "target.near")]) is None


def test_registering_twice_differently_is_an_error(tmp_path):
    reg = _registry(tmp_path)
    with pytest.raises(RuleError):
        reg.register(Rule("target.near", "events", "target", ("parse",), 0.1, "another"))
    with pytest.raises(RuleError):
        reg.register(Rule("x.y", "nowhere", "target", (), 0.1, "bad stage"))


def test_bad_switch_line_is_a_warning_and_unknown_rule_is_named(tmp_path):
    reg = _registry(tmp_path, "target.near\t1\tlots\n" + "target.gone\t0\t1\told\n")
    assert reg.enabled("target.near")
    assert any("rules.tsv:2" in p and "W003" in p for p in reg.problems)
    assert any("target.gone" in w for w in reg.check_switches())


def test_sector_table_has_properties_as_columns():
    assert lexicon.sector_has("GOV", "state_organ")
    assert not lexicon.sector_has("CVL", "state_organ")
    assert lexicon.sector_has("IGO", "international")
    assert "MIL" in lexicon.sectors_with("abroad")
    assert not lexicon.sector_has(None, "person")


def test_unknown_word_class_is_an_error():
    with pytest.raises(lexicon.LexiconError):
        lexicon.word_class("no such class")
