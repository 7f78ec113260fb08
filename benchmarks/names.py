"""How actors of a store are named and typed (issue 17): code-as-name, wrongly cased dictionary names,
media/other typing, sector actors shared across documents, documents carrying the demo's fill-in date.

    .venv/bin/python benchmarks/names.py STORE.duckdb [--fill-date 2023-11-24]

Build the store as `make demo` does (`diplograph ingest examples/seed examples/voa examples/wikinews
--date 2023-11-24 --store STORE`). The example corpus is the project's own (no dev split involved);
the counts are over every actor row (one per document and actor).
"""
from __future__ import annotations

import argparse
import re
from collections import Counter

import duckdb

_CASED = re.compile(r"\b(Of|And|The|For)\b")


def code_as_name(name: str, code: str | None) -> bool:
    """A code standing as the name (WST) or as its first word (USA people, CHN government)."""
    if not code or not name:
        return False
    first = name.split()[0]
    return name == code or (len(first) == 3 and first.isupper() and first == code[:3])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--fill-date", default="2023-11-24")
    args = ap.parse_args()
    con = duckdb.connect(args.store, read_only=True)
    rows = con.execute("SELECT name, type, code FROM actors").fetchall()
    mentions = {(d, a): t for d, a, t in con.execute(
        "SELECT doc_id, actor_id, list(text) FROM mentions GROUP BY ALL").fetchall()}
    names = con.execute("SELECT doc_id, actor_id, name FROM actors").fetchall()
    miscased = sum(1 for d, a, n in names if _CASED.search(n[1:]) and n not in (mentions.get((d, a)) or []))
    coded = Counter(n for n, _, c in rows if code_as_name(n, c))
    types = Counter(t for _, t, _ in rows)
    docs, filled = con.execute("SELECT count(*), count(*) FILTER (WHERE date = CAST(? AS DATE)) FROM documents",
                               [args.fill_date]).fetchone()
    shared = con.execute("SELECT count(*) FROM corpus_actors WHERE type = 'sector' AND id NOT LIKE '%@%' "
                         "AND documents > 1").fetchone()[0]
    print(f"actor rows {len(rows)}; a code as (part of) the name {sum(coded.values())}; dictionary names with "
          f"capitalised Of/And/The/For {miscased}; typed media {types['media']}, other {types['other']}")
    print(f"sector actors shared across documents {shared}; documents {docs}, dated {args.fill_date} {filled}")
    if coded:
        print("most frequent code-as-name:", coded.most_common(8))


if __name__ == "__main__":
    main()
