"""Provenance in the store: events keep the rules that decided them, mentions the rule that resolved
them; a store of version 3 migrates and takes them from its documents' analyses; Parquet carries them."""
from __future__ import annotations

import json

import duckdb
import pyarrow.parquet as pq

from diplograph.analysis.exports import export
from diplograph.store import schema
from diplograph.store.duck import StoreWriter, open_reader

from .corpus_helpers import document, write

RULES = {"event": "event.test_verb", "source": "source.test_subject", "target": None}


def provenance_document(doc_id: str = "prov", place: str = "Astana"):
    doc, a = document(doc_id, "2023-05-01", [(f"Putin met Nazarbayev in {place}.", "putin", "nazarbayev", "040"),
                                             ("Russia attacked Ukraine.", "russia", "ukraine", "190")])
    a.events[0].rules = dict(RULES)
    a.actors[0].mentions[0].rule = "mention.test_kb"
    return doc, a


def test_rules_are_stored_with_events_and_mentions(tmp_path):
    path = tmp_path / "s.duckdb"
    doc, a = provenance_document()
    write(path, [(doc, a)])
    con = open_reader(path)
    stored = dict(con.execute("SELECT id, rules FROM events").fetchall())
    assert json.loads(stored[a.events[0].id]) == RULES
    assert stored[a.events[1].id] is None  # no provenance recorded: NULL, not an empty object
    rules = dict(con.execute("SELECT actor_id, rule FROM mentions").fetchall())
    assert rules[a.actors[0].id] == "mention.test_kb" and rules[a.actors[1].id] is None


def test_parquet_export_carries_the_rules(tmp_path):
    path = tmp_path / "s.duckdb"
    doc, a = provenance_document()
    write(path, [(doc, a)])
    out = tmp_path / "events.parquet"
    export(open_reader(path), "parquet", out)
    rows = {r["id"]: r for r in pq.read_table(out).to_pylist()}
    assert rows[a.events[0].id]["rules"] == RULES
    assert rows[a.events[1].id]["rules"] is None


def test_version_3_store_migrates_and_takes_the_rules_from_its_analyses(tmp_path):
    path = tmp_path / "v3.duckdb"
    con = duckdb.connect(str(path))
    for v in (1, 2, 3):
        for stmt in schema.MIGRATIONS[v]:
            if not stmt.startswith("--"):  # the backfill steps have nothing to fill in an empty store
                con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    con.close()
    # a writer of version 3 stored the analysis JSON (with the provenance) but had no columns for it
    doc, a = provenance_document()
    w = StoreWriter.__new__(StoreWriter)
    w.path, w.con = str(path), duckdb.connect(str(path))
    assert "rules" not in {r[0] for r in w.con.execute("DESCRIBE events").fetchall()}
    w._write(doc, a)
    w.con.close()
    r = open_reader(path)  # migrates to the current version
    assert r.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(schema.SCHEMA_VERSION)
    stored = dict(r.execute("SELECT id, rules FROM events").fetchall())
    assert json.loads(stored[a.events[0].id]) == RULES and stored[a.events[1].id] is None
    rules = dict(r.execute("SELECT actor_id, rule FROM mentions").fetchall())
    assert rules[a.actors[0].id] == "mention.test_kb" and rules[a.actors[1].id] is None
    r.close()
    write(path, [provenance_document("after", "Sochi")])  # and the migrated store takes new rows with rules
    r = open_reader(path)
    assert r.execute("SELECT count(*) FROM events WHERE rules IS NOT NULL").fetchone()[0] == 2
