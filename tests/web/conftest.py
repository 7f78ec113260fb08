"""Stores for the web tests: small hand-made texts ingested by the real engine, and a large one.

``web_store`` is built once per session by ``engines.local.ingest`` (spaCy, the real writer);
``big_store`` is a copy of it plus 5,000 synthetic actors written through the same StoreWriter,
to check that the page stays usable at that size.
"""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from diplograph.web.app import create_app

from ..conftest import SEED

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions is not ours to act on
    from fastapi.testclient import TestClient

HOSTILE = ('Russia criticized Ukraine on Tuesday. <script>window.__pwned = 1</script> '
           '<img src=x onerror="window.__pwned = 2"> Officials said China praised Japan.')
TEXTS = [
    ("attack", "Russia attacked Ukraine on Monday, officials said. Ukraine condemned Russia.", "2024-03-04"),
    ("talks", "Germany and France signed a trade agreement in Paris. France praised Germany.", "2024-03-10"),
    ("hedge", "Russia may have threatened Ukraine, analysts said. Russia did not attack Poland.", "2024-04-02"),
    ("hostile", HOSTILE, "2024-04-05"),
]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> Path:
    from diplograph.engines.local import ingest
    from diplograph.records import Document
    from diplograph.store.duck import StoreWriter

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    docs = [Document(id=i, text=t, date=d, title=f"{i} <b>title</b>", source="hand-made") for i, t, d in TEXTS]
    docs.append(Document(id="seed", text=SEED.read_text(encoding="utf-8"), date="2023-11-24", title="seed",
                         path=str(SEED)))
    writer = StoreWriter(path)
    try:
        report = ingest(docs, writer)
        writer.write_batch([provenance_document()])
    finally:
        writer.close()
    assert report.stored == len(docs)
    return path


PROVENANCE = "Marovia warned Tessaly over the border. Tessaly rejected the warning."


def provenance_document():
    """A hand-made analysis whose records name their rules (the names are this test's own)."""
    from diplograph.records import Actor, Document, DocumentAnalysis, Event, Mention, Ref, Span

    text = PROVENANCE
    a = Actor("marovia", "Marovia", "state", "MRV", "MRV", [Mention("Marovia", 0, 7, "kb", 0.9, "mention.test_kb")])
    b = Actor("tessaly", "Tessaly", "state", "TSL", "TSL", [Mention("Tessaly", 15, 22, "alias", 0.7, "mention.test_alias")])
    ev = Event("prov-ev-1", Ref("marovia", "Marovia", "MRV", "Marovia"), Ref("tessaly", "Tessaly", "TSL", "Tessaly"),
               "130", "13", "THREATEN", None, -4.4, 3, "asserted", None, "2024-05-01", "warned",
               Span(0, 39, text[:39]), 0.8,
               rules={"event": "event.test_verb", "source": "source.test_subject", "target": "target.test_object"})
    doc = Document("provenance", text, "2024-05-01", "provenance", "hand-made")
    return doc, DocumentAnalysis("provenance", "2024-05-01", "input", [a, b], [ev])


def add_synthetic(path: Path, n_actors: int = 5000, n_events: int = 12000, n_docs: int = 250) -> None:
    """Adds ``n_actors`` actors and ``n_events`` events between them, in bulk, to the store at ``path``.

    Written with set-based SQL through the writer's connection (after its migration made the schema):
    row-by-row writing of this much would dominate the test run, and the page, not the writer, is
    under test here. Pairs repeat so edge weights vary; ten hubs make a dense core.
    """
    from diplograph.store.duck import StoreWriter

    writer = StoreWriter(path)
    con = writer.con
    try:
        con.execute("""INSERT INTO documents (id, content_hash, title, date, text, status)
            SELECT 'syn-' || i, 'synthetic-' || i, 'synthetic ' || i, DATE '2022-01-01' + CAST(i % 365 AS INTEGER),
                   'Synthetic report ' || i || '. Actor met actor.', 'done' FROM range(?) t(i)""", [n_docs])
        # explicit column lists: columns a later schema adds stay NULL here
        con.execute("""INSERT INTO actors (doc_id, actor_id, name, type, code, country)
            SELECT 'syn-' || (i % ?), printf('syn-actor-%05d', i), 'Synthetic Actor ' || i, 'state', 'S' || i, NULL FROM range(?) t(i)""", [n_docs, n_actors])
        con.execute("""INSERT INTO mentions (doc_id, actor_id, text, start, "end", method, confidence)
            SELECT 'syn-' || (i % ?), printf('syn-actor-%05d', i), 'Actor', 19, 24,
            'kb', 0.9 FROM range(?) t(i)""", [n_docs, n_actors])
        con.execute("""INSERT INTO events (id, doc_id, source_actor, source_name, source_code, target_actor,
                target_name, target_code, cameo, cameo_root, plover, plover_mode, goldstein, quad_class, modality,
                attribution, date, trigger, evidence_start, evidence_end, evidence_text, confidence)
            SELECT 'syn-ev-' || i, 'syn-' || (i % ?),
                   printf('syn-actor-%05d', k % ?), 'Synthetic Actor ' || (k % ?), NULL,
                   printf('syn-actor-%05d', CASE WHEN i % 3 = 0 THEN k % 10 ELSE (k * 7 + 13) % ? END),
                   'target', NULL,
                   c.cameo, c.root, c.plover, NULL, c.gold, c.quad, c.modality, NULL,
                   DATE '2022-01-01' + CAST(i % 365 AS INTEGER), 'met', 0, 17, 'Synthetic report.', 0.8
            FROM (SELECT i, i % 4000 AS k FROM range(?) t(i)) r
            JOIN (VALUES (0, '043', '04', 'CONSULT', 1.0, 1, 'asserted'), (1, '112', '11', 'ACCUSE', -2.0, 3, 'hedged'),
                         (2, '190', '19', 'ASSAULT', -10.0, 4, 'asserted'), (3, '057', '05', 'AGREE', 8.0, 1, 'negated'))
                 c(n, cameo, root, plover, gold, quad, modality) ON c.n = r.i % 4""",
                    [n_docs, n_actors, n_actors, n_actors, n_events])
        add_corpus_view(con)
    finally:
        writer.close()


def add_corpus_view(con) -> None:
    """The corpus view of the synthetic rows, as the writer keeps it for every stored document: each
    synthetic actor is its own corpus actor and each event its own corpus event (their texts are not
    reports of one another), then the summaries. The API's network and dyads read this view."""
    from diplograph.relation import WEIGHT_SQL
    from diplograph.store.summary import rebuild

    con.execute("""INSERT INTO corpus_actors
        SELECT actor_id, min(name), min(type), min(code), min(country), count(DISTINCT doc_id), count(*)
        FROM actors WHERE actor_id LIKE 'syn-actor-%' GROUP BY actor_id""")
    con.execute("""INSERT INTO actor_links SELECT DISTINCT doc_id, actor_id, actor_id FROM actors
        WHERE actor_id LIKE 'syn-actor-%'""")
    con.execute("INSERT INTO event_mentions SELECT id, id, doc_id, 'synthetic', 1.0 FROM events WHERE id LIKE 'syn-ev-%'")
    con.execute(f"""INSERT INTO corpus_events
        SELECT e.id, (SELECT coalesce(max(num), 0) FROM corpus_events) + row_number() OVER (ORDER BY e.date, e.id),
               e.source_actor, e.target_actor, e.cameo, e.cameo_root, e.plover, e.plover_mode, e.goldstein,
               e.quad_class, e.modality, {WEIGHT_SQL.format(col="e.modality")}, e.date, e.doc_id, e.id,
               e.evidence_text, 1, 1, 1
        FROM events e WHERE e.id LIKE 'syn-ev-%'""")
    rebuild(con)


@pytest.fixture(scope="session")
def big_store(web_store, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.duckdb"
    shutil.copy(web_store, path)
    add_synthetic(path)
    return path


# The page's browser fixtures (one Chromium for every browser test module, the example corpus store):
# defined in pagekit, registered here so that each is made once per session.
from .pagekit import chromium, example_server, example_store  # noqa: E402,F401


@pytest.fixture(scope="module")
def client(web_store):
    """The API in process over ``web_store`` (one client per test module)."""
    with TestClient(create_app(web_store)) as c:
        yield c
