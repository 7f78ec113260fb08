"""The seed article's claims: hedged warnings, never-asserted denials, a desired support."""
from __future__ import annotations

from datetime import date

import pytest

from diplograph.pipeline import Options, Pipeline
from diplograph.records import Document

from ..conftest import SEED


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return Pipeline(Options(date=date(2023, 11, 24))).analyze_one(Document("seed", text))


def _events(a, trigger, target=None):
    return [e for e in a.events if e.trigger == trigger and (target is None or (e.target and e.target.actor == target))]


def test_message_and_pressure_to_tokayev_hedged(seed):
    found = _events(seed, "send", "kasymzhomart-tokayev") + _events(seed, "warning", "kasymzhomart-tokayev")
    assert found and all(e.modality == "hedged" for e in found), [(e.trigger, e.modality) for e in found]


def test_oust_and_oppose_never_asserted(seed):
    for trig in ("oust", "oppose"):
        found = _events(seed, trig)
        assert found and all(e.modality == "negated" for e in found), trig


def test_support_desired(seed):
    found = _events(seed, "support")
    assert found and all(e.modality == "desired" for e in found)


def test_meeting_asserted(seed):
    assert any(e.modality == "asserted" for e in _events(seed, "held"))


def test_relative_dates_kept(seed):
    support = _events(seed, "support")[0]
    assert support.date == "2022-01-01" and support.date_text == "last year"
    held = _events(seed, "held")[0]
    assert held.date == "2023-11-24" and held.date_text is None


def test_relations_of_the_seed(seed):
    pairs = {(frozenset((r.a, r.b)), r.sign) for r in seed.relations}
    assert (frozenset(("nursultan-nazarbayev", "kasymzhomart-tokayev")), -1) in pairs
    assert (frozenset(("vladimir-putin", "kasymzhomart-tokayev")), -1) in pairs
    assert all(r.sign == -1 for r in seed.relations)
