"""The corpus view, kept by the single writer inside each batch's transaction.

After a batch of documents is stored, their actors are unified into ``corpus_actors``
(``actor_links`` maps each document's actor id to its corpus id) and their events are
grouped with the corpus events they report (``event_mentions``, ``corpus_events``). The rules
that decide it are pure functions of ``diplograph.corpus`` (``unify``, ``dedup``, ``weights``);
this module only reads and writes the rows. Because this runs in the
batch's transaction, a killed run leaves the view consistent with the documents stored.
"""
from __future__ import annotations

from datetime import date, timedelta

import duckdb

from ..corpus.dedup import WINDOW_DAYS, Cluster, Mention, assign
from ..corpus.unify import ActorIndex, CorpusActor
from ..corpus.weights import best_modality, modality_weight
from .summary import refresh as refresh_summaries


class CorpusWriter:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._actors: ActorIndex | None = None

    @property
    def actors(self) -> ActorIndex:
        if self._actors is None:
            rows = self.con.execute(
                "SELECT id, name, type, code, country, documents, mentions FROM corpus_actors").fetchall()
            self._actors = ActorIndex([CorpusActor(*r) for r in rows])
        return self._actors

    def reset(self) -> None:
        """Forget the in-memory index (after a rolled-back transaction)."""
        self._actors = None

    def add_documents(self, doc_ids: list[str]) -> None:
        if not doc_ids:
            return
        changed = self._link_actors(doc_ids)
        self._group_events(doc_ids)
        if self._has_summaries():
            refresh_summaries(self.con, doc_ids, changed)

    def _has_summaries(self) -> bool:
        # during the migration to version 2 the summary tables (version 3) do not exist yet
        return bool(self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'dyad_summary' AND NOT temporary").fetchone()[0])

    # -- actors -----------------------------------------------------------------------------
    def _link_actors(self, doc_ids: list[str]) -> list[str]:
        """Link the documents' actors to corpus actors; returns the corpus actors that were there
        before and whose type, code or country changed (the summaries' pair flags depend on them)."""
        rows = self.con.execute(
            "WITH d AS (SELECT unnest(?::VARCHAR[]) AS doc_id), "
            "n AS (SELECT m.doc_id, m.actor_id, count(*) AS n FROM mentions m JOIN d USING (doc_id) GROUP BY ALL) "
            "SELECT a.doc_id, a.actor_id, a.name, a.type, a.code, a.country, coalesce(n.n, 0) "
            "FROM actors a JOIN d USING (doc_id) LEFT JOIN n USING (doc_id, actor_id) ORDER BY a.doc_id, a.actor_id",
            [doc_ids]).fetchall()
        index = self.actors
        links: list[tuple[str, str, str]] = []
        touched: dict[str, CorpusActor] = {}
        seen_in_doc: set[tuple[str, str]] = set()
        # full names first, so that a bare surname in the same batch finds its person
        for doc_id, actor_id, name, typ, code, country, n in sorted(rows, key=lambda r: -len((r[2] or "").split())):
            ca = index.resolve(actor_id, name or actor_id, typ or "unknown", code, country, doc_id)
            links.append((doc_id, actor_id, ca.id))
            if (doc_id, ca.id) not in seen_in_doc:
                seen_in_doc.add((doc_id, ca.id))
                ca.documents += 1
            ca.mentions += n
            ca.changed = True
            touched[ca.id] = ca
        if links:
            self.con.execute("DELETE FROM actor_links WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids])
            self.con.execute("INSERT INTO actor_links SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                             "unnest(?::VARCHAR[])", [list(c) for c in zip(*links)])
        changed: list[str] = []
        if touched:
            cols = list(zip(*[(a.id, a.name, a.type, a.code, a.country, a.documents, a.mentions)
                              for a in touched.values()]))
            changed = [r[0] for r in self.con.execute(
                """SELECT c.id FROM corpus_actors c JOIN (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS type,
                          unnest(?::VARCHAR[]) AS code, unnest(?::VARCHAR[]) AS country) n ON n.id = c.id
                   WHERE c.type IS DISTINCT FROM n.type OR c.code IS DISTINCT FROM n.code
                         OR c.country IS DISTINCT FROM n.country""", [list(cols[0]), list(cols[2]), list(cols[3]),
                                                                      list(cols[4])]).fetchall()]
            self.con.execute("DELETE FROM corpus_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(cols[0])])
            self.con.execute(
                "INSERT INTO corpus_actors SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::INTEGER[])",
                [list(c) for c in cols])
        for ca in touched.values():
            ca.new = ca.changed = False
        return changed

    # -- events -----------------------------------------------------------------------------
    def _group_events(self, doc_ids: list[str]) -> None:
        rows = self.con.execute(
            """SELECT e.id, e.doc_id, coalesce(nullif(regexp_extract(d.source, '^[A-Za-z]+://([^/]+)', 1), ''), d.source,
                               e.doc_id), la.corpus_id, lb.corpus_id, e.cameo_root,
                      coalesce(e.date, d.date), e.modality, e.evidence_text
               FROM events e JOIN documents d ON d.id = e.doc_id
               LEFT JOIN actor_links la ON la.doc_id = e.doc_id AND la.actor_id = e.source_actor
               LEFT JOIN actor_links lb ON lb.doc_id = e.doc_id AND lb.actor_id = e.target_actor
               WHERE e.doc_id IN (SELECT unnest(?::VARCHAR[]))
                 AND e.id NOT IN (SELECT mention_id FROM event_mentions)""", [doc_ids]).fetchall()
        if not rows:
            return
        mentions = [Mention(*r) for r in rows]
        dates = [m.date for m in mentions if m.date is not None]
        lo = (min(dates) - timedelta(days=WINDOW_DAYS)) if dates else date.min
        hi = (max(dates) + timedelta(days=WINDOW_DAYS)) if dates else date.max
        keys = sorted({f"{m.a}|{m.b}|{m.cameo_root}" for m in mentions})
        cand_rows = self.con.execute(
            """SELECT c.id, c.a, c.b, c.cameo_root, c.date,
                      (SELECT list(e.evidence_text) FROM event_mentions em JOIN events e ON e.id = em.mention_id
                       WHERE em.event_id = c.id)
               FROM corpus_events c
               WHERE concat_ws('|', coalesce(c.a, 'None'), coalesce(c.b, 'None'), c.cameo_root)
                     IN (SELECT unnest(?::VARCHAR[]))
                 AND (c.date IS NULL OR c.date BETWEEN ? AND ?)""", [keys, lo, hi]).fetchall()
        candidates = [Cluster(i, a, b, r, d, list(t or [])) for i, a, b, r, d, t in cand_rows]
        assigned, created = assign(mentions, candidates)
        by_id = {m.id: m for m in mentions}
        em = [(mid, cid, by_id[mid].doc_id, by_id[mid].source, sim) for mid, (cid, sim) in assigned.items()]
        self.con.execute("INSERT INTO event_mentions SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                         "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DOUBLE[])", [list(c) for c in zip(*em)])
        if created:
            # numbered in (date, id) order after the highest number so far: the same batches give the
            # same numbers (a sequence's nextval is drawn in whatever order the rows are produced)
            self.con.execute(
                """INSERT INTO corpus_events
                   SELECT e.id, (SELECT coalesce(max(num), 0) FROM corpus_events) + row_number() OVER (ORDER BY n.d, e.id),
                          n.a, n.b, e.cameo, e.cameo_root, e.plover, e.plover_mode,
                          e.goldstein, e.quad_class, e.modality, 0, n.d, e.doc_id, e.id, e.evidence_text, 0, 0, 0
                   FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS a, unnest(?::VARCHAR[]) AS b,
                                unnest(?::DATE[]) AS d) n JOIN events e ON e.id = n.id ORDER BY n.d, e.id""",
                [[c.id for c in created], [c.a for c in created], [c.b for c in created], [c.date for c in created]])
        touched = sorted({cid for cid, _ in assigned.values()})
        moved = [c for c in candidates if c.id in set(touched)]
        if moved:  # an earlier report may have moved the event's date
            self.con.execute(
                """UPDATE corpus_events SET date = n.d FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::DATE[]) AS d) n
                   WHERE corpus_events.id = n.id AND n.d IS NOT NULL AND (corpus_events.date IS NULL
                         OR corpus_events.date > n.d)""", [[c.id for c in moved], [c.date for c in moved]])
        self.refresh(touched)

    def refresh(self, event_ids: list[str]) -> None:
        """Recount mentions, articles and sources; take the most assertive status reported."""
        rows = self.con.execute(
            """SELECT em.event_id, count(*), count(DISTINCT em.doc_id), count(DISTINCT em.source), list(e.modality)
               FROM event_mentions em JOIN events e ON e.id = em.mention_id
               WHERE em.event_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY em.event_id""", [event_ids]).fetchall()
        if not rows:
            return
        mods = [best_modality(r[4]) for r in rows]
        self.con.execute(
            """UPDATE corpus_events SET mentions = n.m, articles = n.ar, sources = n.s, modality = n.mo, weight = n.w
               FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::INTEGER[]) AS m, unnest(?::INTEGER[]) AS ar,
                            unnest(?::INTEGER[]) AS s, unnest(?::VARCHAR[]) AS mo, unnest(?::DOUBLE[]) AS w) n
               WHERE corpus_events.id = n.id""",
            [[r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows], mods,
             [modality_weight(m) for m in mods]])


def backfill(con: duckdb.DuckDBPyConnection) -> None:
    """Build the corpus view of a store written before it existed (migration to version 2)."""
    doc_ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY stored_at, id").fetchall()]
    writer = CorpusWriter(con)
    for i in range(0, len(doc_ids), 256):
        writer.add_documents(doc_ids[i:i + 256])
