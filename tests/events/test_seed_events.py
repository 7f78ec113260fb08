"""The five events the seed must yield, each with evidence that slices the input exactly."""
from __future__ import annotations

import pytest

from diplograph.records import Document

from ..conftest import SEED


@pytest.fixture(scope="module")
def seed(pipeline):
    text = SEED.read_text(encoding="utf-8")
    return text, pipeline.analyze_one(Document("seed", text, date="2023-11-24"))


def _find(analysis, roots, src, tgt=None):
    out = []
    for e in analysis.events:
        if e.cameo_root not in roots or not e.source or src not in e.source.name:
            continue
        if tgt is not None and (not e.target or tgt not in e.target.name):
            continue
        out.append(e)
    return out


@pytest.mark.parametrize("roots,src,tgt", [
    (("04",), "Putin", "Nazarbayev"),          # the meeting
    (("17", "09"), "Tokayev", None),           # investigation / arrest of the Nazarbayev family
    (("11", "12"), "Tokayev", None),           # opposition to Russia's position
    (("16",), "Russia", "Kazakhstan"),         # closure of the pipeline route
    (("13", "11"), "Putin", "Tokayev"),        # the warning to Tokayev
])
def test_seed_event_with_evidence(seed, roots, src, tgt):
    text, a = seed
    found = _find(a, roots, src, tgt)
    assert found, (roots, src, tgt)
    ev = found[0].evidence
    assert text[ev.start:ev.end] == ev.text and found[0].trigger in ev.text
