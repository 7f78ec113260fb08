"""Territories with an executive of their own keep it in the leader tables (scripts/build_leaders.py): a
territory the countries table codes alone is not another state's Factbook entry."""
from __future__ import annotations

from datetime import date

import pytest

from diplograph.actors.leaders import load_leaders
from diplograph.records import Document


@pytest.mark.parametrize("code,office", [("GRL", "prime minister"), ("PRI", "governor"), ("FRO", "prime minister")])
def test_a_territory_has_its_own_head_of_government(code, office):
    assert load_leaders().holder(code, date(2022, 6, 1), office) is not None


def test_a_territorys_head_of_government_is_of_the_territory(pipeline):
    a = pipeline.analyze_one(Document("g", "NUUK - Prime Minister Mute Egede rejected the offer on Monday.",
                                      "2022-05-01"))
    assert [x.code for x in a.actors if x.type == "person"] == ["GRLGOV"]
