"""The corpus view kept by the writer: de-duplicated events, unified actors, idempotent ingest."""
from __future__ import annotations

import duckdb

from diplograph.store.duck import StoreWriter, open_reader, status
from diplograph.store.schema import SCHEMA_VERSION

from .corpus_helpers import corpus, document, write


def test_same_meeting_from_three_outlets_is_one_event_with_its_mentions(tmp_path):
    path, _ = corpus(tmp_path)
    con = open_reader(path)
    rows = con.execute("""SELECT c.id, c.mentions, c.articles, c.sources, c.date FROM corpus_events c
                          WHERE a = 'vladimir-putin' AND b = 'nursultan-nazarbayev' ORDER BY date""").fetchall()
    # Nov 20-22 reports (046, 046, 040: same root) are one event; the January meeting is another
    assert len(rows) == 2
    first = rows[0]
    assert (first[1], first[2], first[3]) == (3, 3, 2)  # 3 mentions, 3 articles, 2 outlets (hosts)
    assert str(first[4]) == "2023-11-20"  # the earliest report's date
    assert rows[1][1] == 1
    linked = con.execute("SELECT count(*) FROM event_mentions WHERE event_id = ?", [first[0]]).fetchone()[0]
    assert linked == 3


def test_actors_are_unified_across_documents(tmp_path):
    path, _ = corpus(tmp_path)
    con = open_reader(path)
    names = dict(con.execute("SELECT id, name FROM corpus_actors").fetchall())
    links = dict(con.execute("SELECT doc_id || '/' || actor_id, corpus_id FROM actor_links").fetchall())
    assert links["a2/putin"] == "vladimir-putin" and names["vladimir-putin"] == "Vladimir Putin"
    assert links["a3/tokayev"] == "kassym-jomart-tokayev"
    assert links["a3/russia"] == "russian-federation"  # same bare state code RUS
    assert links["a3/police"] == "police@a3"  # a sector noun without country stays in its document
    assert not any(v == "putin" for v in links.values())


def test_ingesting_twice_adds_nothing(tmp_path):
    path, docs = corpus(tmp_path)
    before = status(path)
    write(path, docs)  # the same documents again: skipped by content hash
    after = status(path)
    assert after == before
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) - count(DISTINCT id) FROM corpus_events").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == con.execute(
        "SELECT count(*) FROM events").fetchone()[0]


def test_a_later_batch_joins_existing_events(tmp_path):
    path, _ = corpus(tmp_path)
    write(path, [document("late", "2023-11-23", [
        ("Vladimir Putin and Nazarbayev met privately in Moscow on Monday, officials confirmed.", "putin",
         "nazarbayev", "046")], source="https://late.example.info/x")])
    con = open_reader(path)
    row = con.execute("SELECT mentions, sources FROM corpus_events WHERE a = 'vladimir-putin' "
                      "AND b = 'nursultan-nazarbayev' ORDER BY date LIMIT 1").fetchone()
    assert row == (4, 3)


def test_v1_store_is_migrated_and_backfilled(tmp_path):
    from diplograph.store import schema

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for stmt in schema.MIGRATIONS[1]:
        con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    # write one document with the v1 tables only, as an old diplograph would have
    doc, analysis = document("old", "2023-05-01", [("Putin met Nazarbayev in Astana.", "putin", "nazarbayev", "040")])
    w = StoreWriter.__new__(StoreWriter)
    w.path, w.con = str(path), duckdb.connect(str(path))
    w._write(doc, analysis)
    w.con.close()
    r = open_reader(path)  # migrates to the current version, building the corpus view
    assert r.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert r.execute("SELECT count(*) FROM corpus_events").fetchone()[0] == 1


def test_event_numbers_are_unique_and_go_on_from_batch_to_batch(tmp_path):
    path, _ = corpus(tmp_path)
    write(path, [document("late", "2024-02-01", [("Russia attacked Ukraine again near the border.", "russia",
                                                   "ukraine", "190")])])
    con = open_reader(path)
    rows = con.execute("SELECT first_doc, num FROM corpus_events ORDER BY num").fetchall()
    assert [r[1] for r in rows] == list(range(1, len(rows) + 1))  # 1, 2, 3 … unique, with no gap
    assert rows[-1][0] == "late"  # the later batch's event is numbered after every earlier one
