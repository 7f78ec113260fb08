"""Opening the store: every missing schema version in one transaction; in the background while the
caller goes on, its errors raised at first use."""
from __future__ import annotations

import duckdb
import pytest

from diplograph.errors import StoreError
from diplograph.store.duck import StoreWriter
from diplograph.store.schema import MIGRATIONS, SCHEMA_VERSION


def test_a_new_store_gets_every_version_in_one_commit(tmp_path):
    path = tmp_path / "new.duckdb"
    w = StoreWriter(path)
    tables = {r[0] for r in w.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    w.close()
    assert {"documents", "events", "corpus_events", "dyad_summary"} <= tables
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    finally:
        con.close()
    assert len(MIGRATIONS) == SCHEMA_VERSION  # one list of statements per version, all applied


def test_a_store_opened_in_the_background_is_the_same_store(tmp_path):
    w = StoreWriter(tmp_path / "bg.duckdb", background=True)
    assert w.known_hashes() == set()  # the first use waits for the opening thread
    assert w.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    w.close()


def test_an_error_opening_in_the_background_is_raised_at_first_use(tmp_path):
    bad = tmp_path / "no-such-folder" / "s.duckdb"
    w = StoreWriter(bad, background=True)  # does not raise here: the caller goes on
    with pytest.raises(StoreError) as err:
        w.known_hashes()
    assert "E002" in str(err.value) and "s.duckdb" in str(err.value)
    with pytest.raises(StoreError):
        w.known_hashes()  # and at every later use
    w.close()  # nothing was opened: closing is a no-op
    with pytest.raises(StoreError):
        StoreWriter(bad)  # opened in the caller's thread: raised at once, as before
