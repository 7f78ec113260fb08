"""Do two stores hold the same records? For checking that a speed change changes no output.

    python benchmarks/same_store.py A.duckdb B.duckdb

Compares, table by table, every row as a sorted multiset: the per-document tables (documents
with their analysis JSON, actors, mentions, events, relations) must be identical; of the corpus
view and the summaries, the columns that depend on when batches were committed (``stored_at``,
``failed_at``, ``corpus_events.num``: numbers follow commit order) are left out. Exit status 1
and the first differences when they differ.
"""
from __future__ import annotations

import sys

import duckdb

SKIP = {"stored_at", "failed_at", "num"}
TABLES = ("documents", "actors", "mentions", "events", "relations", "failures", "corpus_actors",
          "actor_links", "corpus_events", "event_mentions", "dyad_summary", "pair_summary", "actor_summary")


def rows(path: str, table: str) -> list[tuple]:
    con = duckdb.connect(path, read_only=True)
    try:
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in SKIP]
        return sorted(con.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table}").fetchall(), key=repr)
    finally:
        con.close()


def main() -> int:
    a, b = sys.argv[1], sys.argv[2]
    differ = 0
    for table in TABLES:
        ra, rb = rows(a, table), rows(b, table)
        if ra == rb:
            print(f"{table}: {len(ra)} rows, same")
            continue
        differ += 1
        sa, sb = set(map(repr, ra)), set(map(repr, rb))
        print(f"{table}: {len(ra)} vs {len(rb)} rows, DIFFER ({len(sa - sb)} only in A, {len(sb - sa)} only in B)")
        for r in sorted(sa - sb)[:3]:
            print("  A:", r[:300])
        for r in sorted(sb - sa)[:3]:
            print("  B:", r[:300])
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
