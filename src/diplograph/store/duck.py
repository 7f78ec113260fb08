"""The DuckDB store: one writer owns the write connection; readers open it read-only."""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..records import Document, DocumentAnalysis
from .corpus import CorpusWriter, backfill
from .schema import BACKFILL, MIGRATIONS, REBUILD_SUMMARIES, SCHEMA_VERSION
from .summary import rebuild as rebuild_summaries

DEFAULT_STORE = "diplograph.duckdb"
DOCUMENT_COLUMNS = ("id", "content_hash", "path", "title", "source", "date", "date_source", "text", "analysis", "status")


def _version(con: duckdb.DuckDBPyConnection) -> int:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.CatalogException:
        return 0
    return int(row[0]) if row else 0


class StoreWriter:
    """The single writer of a store. Not shared across threads or processes.

    ``background``: the store is opened (and a new one created, an old one upgraded) by a thread,
    while the caller goes on (``ingest`` loads the pipeline meanwhile: opening waits on the disk
    more than it computes); the first use waits for it, and an error opening it is raised there.
    """

    def __init__(self, path: str | Path = DEFAULT_STORE, background: bool = False):
        self.path = str(path)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._corpus: CorpusWriter | None = None
        self._error: BaseException | None = None
        self._opening: threading.Thread | None = None
        if background:
            self._opening = threading.Thread(target=self._open_in_thread, name="store-open", daemon=True)
            self._opening.start()
        else:
            self._open()

    def _open(self) -> None:
        try:
            self._con = duckdb.connect(self.path)
        except duckdb.Error as exc:
            raise StoreError("E002", path=self.path, reason=str(exc).splitlines()[0]) from exc
        self.migrate()
        self._corpus = CorpusWriter(self._con)

    def _open_in_thread(self) -> None:
        try:
            self._open()
        except BaseException as exc:  # noqa: BLE001 — raised again in the caller's thread, at first use
            self._error = exc

    def _ready(self) -> None:
        opening = getattr(self, "_opening", None)
        if opening is not None and opening is not threading.current_thread():
            opening.join()
            self._opening = None
        error = getattr(self, "_error", None)
        if error is not None:
            raise error

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        self._ready()
        assert self._con is not None
        return self._con

    @con.setter
    def con(self, con: duckdb.DuckDBPyConnection) -> None:  # a writer of an older version, in tests
        self._con, self._opening, self._error = con, None, None

    @property
    def corpus(self) -> CorpusWriter:
        self._ready()
        if getattr(self, "_corpus", None) is None:
            self._corpus = CorpusWriter(self.con)
        return self._corpus

    def migrate(self) -> None:
        """Every missing version in one transaction: a store is upgraded whole or not at all, and a
        new store costs one commit (one write to disk) instead of one per version."""
        found = _version(self.con)
        if found > SCHEMA_VERSION:
            raise StoreError("E011", path=self.path, found=found, expected=SCHEMA_VERSION)
        if found == SCHEMA_VERSION:
            return
        self.con.execute("BEGIN")
        try:
            for v in range(found + 1, SCHEMA_VERSION + 1):
                for stmt in MIGRATIONS[v]:
                    if stmt == BACKFILL:
                        backfill(self.con)
                    elif stmt == REBUILD_SUMMARIES:
                        rebuild_summaries(self.con)
                    else:
                        self.con.execute(stmt)
                self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(v)])
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def known_hashes(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT content_hash FROM documents").fetchall()}

    def has(self, doc: Document) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE content_hash = ?", [doc.content_hash]).fetchone() is not None

    def write_batch(self, items: list[tuple[Document, DocumentAnalysis]]) -> None:
        """One transaction per batch: a killed run loses at most the batch in flight."""
        if not items:
            return
        self.con.execute("BEGIN")
        try:
            doc_ids = self._write_all(items)
            self.corpus.add_documents(doc_ids)  # the corpus view, in the same transaction
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            self.corpus.reset()
            raise

    def _write(self, doc: Document, a: DocumentAnalysis) -> str:
        return self._write_all([(doc, a)])[0]

    def _doc_ids(self, items: list[tuple[Document, DocumentAnalysis]]) -> list[str]:
        """The stored id of each document: same id, other content → ``id#hash`` (keep both)."""
        wanted = [doc.id for doc, _ in items]
        taken = {r[0] for r in self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))",
                                                [wanted]).fetchall()}
        out = []
        for doc, _ in items:
            doc_id = doc.id if doc.id not in taken else f"{doc.id}#{doc.content_hash[:8]}"
            taken.add(doc_id)
            out.append(doc_id)
        return out

    def _write_all(self, items: list[tuple[Document, DocumentAnalysis]]) -> list[str]:
        """The rows of a whole batch, one bulk insert per table (row-by-row inserts cost
        more than the analysis itself on a busy writer)."""
        doc_ids = self._doc_ids(items)
        rows: dict[str, list[list]] = {"documents": [], "actors": [], "mentions": [], "events": [], "relations": []}
        seen_events: set[str] = set()
        for doc_id, (doc, a) in zip(doc_ids, items):
            rows["documents"].append([doc_id, doc.content_hash, doc.path, doc.title, doc.source, a.date,
                                      a.date_source, doc.text, a.to_json(), "done"])
            for actor in a.actors:
                rows["actors"].append([doc_id, actor.id, actor.name, actor.type, actor.code, actor.country])
                rows["mentions"].extend([doc_id, actor.id, m.text, m.start, m.end, m.method, m.confidence, m.rule]
                                        for m in actor.mentions)
            for e in a.events:
                if e.id in seen_events:  # the first one wins, as with INSERT OR IGNORE row by row
                    continue
                seen_events.add(e.id)
                s, t = e.source, e.target
                rows["events"].append([
                    e.id, doc_id, s and s.actor, s and s.name, s and s.code, t and t.actor, t and t.name,
                    t and t.code, e.cameo, e.cameo_root, e.plover, e.plover_mode, e.goldstein, e.quad_class,
                    e.modality, json.dumps(e.attribution.to_dict()) if e.attribution else None, e.date, e.trigger,
                    e.evidence.start, e.evidence.end, e.evidence.text, e.confidence,
                    json.dumps(e.rules) if e.rules else None,
                    json.dumps(e.location.to_dict(), ensure_ascii=False) if e.location else None])
            for r in a.relations:
                rows["relations"].append([doc_id, r.a, r.b, r.sign, r.modality, a.date, r.evidence.start,
                                          r.evidence.end, r.evidence.text])
        for table, data in rows.items():
            if not data:
                continue
            columns = DOCUMENT_COLUMNS if table == "documents" else None
            self._insert(table, data, columns, ignore=(table == "events"))
        return doc_ids

    def _insert(self, table: str, data: list[list], columns: tuple[str, ...] | None, ignore: bool) -> None:
        """All rows in one statement: one typed list per column, unnested side by side (no
        Arrow table to build, and no pandas import that pyarrow makes on first use)."""
        types = {r[0]: r[1] for r in self.con.execute(f"DESCRIBE {table}").fetchall()}
        names = (columns or tuple(types))[: len(data[0])]
        cols = ", ".join(f'"{n}"' for n in names)
        values = ", ".join(f"unnest(?::{types[n]}[])" for n in names)
        self.con.execute(f"INSERT {'OR IGNORE ' if ignore else ''}INTO {table} ({cols}) SELECT {values}",
                         [[row[i] for row in data] for i in range(len(names))])

    def record_failure(self, path: str, error: str) -> None:
        self.con.execute("DELETE FROM failures WHERE path = ?", [path])
        self.con.execute("INSERT INTO failures (path, error) VALUES (?, ?)", [path, error])

    def clear_failure(self, path: str) -> None:
        self.con.execute("DELETE FROM failures WHERE path = ?", [path])

    def clear_failures(self, paths: list[str]) -> None:
        """``clear_failure`` for many paths in one statement."""
        if paths:
            self.con.execute("DELETE FROM failures WHERE path IN (SELECT unnest(?::VARCHAR[]))", [paths])

    def close(self) -> None:
        try:
            self._ready()
        except Exception:  # noqa: BLE001 — nothing was opened: nothing to close
            return
        if getattr(self, "_con", None) is not None:
            self._con.close()


def open_reader(path: str | Path = DEFAULT_STORE) -> duckdb.DuckDBPyConnection:
    p = Path(path)
    if not p.exists():
        raise StoreError("E001", path=str(p))
    try:
        con = duckdb.connect(str(p), read_only=True)
    except duckdb.Error as exc:
        raise StoreError("E002", path=str(p), reason=str(exc).splitlines()[0]) from exc
    found = _version(con)
    if found != SCHEMA_VERSION:
        con.close()
        if found > SCHEMA_VERSION:
            raise StoreError("E011", path=str(p), found=found, expected=SCHEMA_VERSION)
        StoreWriter(p).close()  # migrate an older store, then reopen read-only
        con = duckdb.connect(str(p), read_only=True)
    return con


def status(path: str | Path = DEFAULT_STORE) -> dict[str, Any]:
    con = open_reader(path)
    try:
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        actors = con.execute("SELECT count(DISTINCT actor_id) FROM actors").fetchone()[0]
        failed = [{"path": p, "error": e} for p, e in con.execute("SELECT path, error FROM failures ORDER BY path").fetchall()]
        # the corpus view: real-world events after de-duplication, actors unified across documents
        unique_events = con.execute("SELECT count(*) FROM corpus_events").fetchone()[0]
        unique_actors = con.execute("SELECT count(*) FROM corpus_actors").fetchone()[0]
    finally:
        con.close()
    return {"documents": docs, "events": events, "actors": actors, "failed": failed,
            "unique_events": unique_events, "unique_actors": unique_actors}
