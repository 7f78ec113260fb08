"""The Dask engine on a real LocalCluster stores exactly the events of the local engine."""
from __future__ import annotations

import pytest

from diplograph.engines import dask as dask_engine
from diplograph.engines import local
from diplograph.engines.dask import outcomes_to_shard, shard_to_outcomes
from diplograph.store.duck import StoreWriter

from .test_local import TEXTS, docs, stored_events


def test_shard_round_trip(pipeline):
    ds = docs()[:2]
    outcomes = [pipeline.analyze_one(ds[0]), "mem:1: [E040] analysis failed (boom)"]
    back = shard_to_outcomes(ds, outcomes_to_shard(ds, outcomes))
    assert back[0].to_dict() == outcomes[0].to_dict()
    assert back[1] == outcomes[1]


@pytest.mark.slow
def test_dask_two_workers_store_the_same_events_as_local_two_workers(tmp_path):
    lo, dk = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    w = StoreWriter(lo)
    local.ingest(docs(), w, workers=2)
    w.close()
    w = StoreWriter(dk)
    report = dask_engine.ingest(docs(), w, workers=2)
    w.close()
    assert report.stored == len(TEXTS) and not report.failed
    events = stored_events(lo)
    assert events and events == stored_events(dk)
