"""The DuckDB schema of a diplograph store, versioned; each version has its migration."""
from __future__ import annotations

SCHEMA_VERSION = 1

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS documents (
            id VARCHAR PRIMARY KEY, content_hash VARCHAR UNIQUE, path VARCHAR, title VARCHAR,
            source VARCHAR, date DATE, date_source VARCHAR, text VARCHAR, analysis JSON,
            status VARCHAR, stored_at TIMESTAMP DEFAULT current_timestamp)""",
        """CREATE TABLE IF NOT EXISTS actors (
            doc_id VARCHAR, actor_id VARCHAR, name VARCHAR, type VARCHAR, code VARCHAR, country VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS mentions (
            doc_id VARCHAR, actor_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER,
            method VARCHAR, confidence DOUBLE)""",
        """CREATE TABLE IF NOT EXISTS events (
            id VARCHAR PRIMARY KEY, doc_id VARCHAR, source_actor VARCHAR, source_name VARCHAR, source_code VARCHAR,
            target_actor VARCHAR, target_name VARCHAR, target_code VARCHAR, cameo VARCHAR, cameo_root VARCHAR,
            plover VARCHAR, plover_mode VARCHAR, goldstein DOUBLE, quad_class INTEGER, modality VARCHAR,
            attribution JSON, date DATE, trigger VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
            evidence_text VARCHAR, confidence DOUBLE)""",
        """CREATE TABLE IF NOT EXISTS relations (
            doc_id VARCHAR, a VARCHAR, b VARCHAR, sign INTEGER, modality VARCHAR, date DATE,
            evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS failures (path VARCHAR, error VARCHAR, failed_at TIMESTAMP DEFAULT current_timestamp)""",
    ],
}

# Version 2: the corpus view. ``events`` stays one row per event found in one document (a
# *mention* in GDELT's words); ``corpus_events`` holds the de-duplicated real-world events,
# ``event_mentions`` links each extracted event to its corpus event, and ``corpus_actors`` +
# ``actor_links`` unify the per-document actor ids (the same Putin in every article).
SCHEMA_VERSION = 2
BACKFILL = "-- build the corpus view from the stored documents (store.corpus.backfill)"

MIGRATIONS[2] = [
    """CREATE TABLE IF NOT EXISTS corpus_actors (
        id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, code VARCHAR, country VARCHAR,
        documents INTEGER, mentions INTEGER)""",
    """CREATE TABLE IF NOT EXISTS actor_links (
        doc_id VARCHAR, actor_id VARCHAR, corpus_id VARCHAR, PRIMARY KEY (doc_id, actor_id))""",
    """CREATE SEQUENCE IF NOT EXISTS corpus_event_num START 1""",
    """CREATE TABLE IF NOT EXISTS corpus_events (
        id VARCHAR PRIMARY KEY, num BIGINT, a VARCHAR, b VARCHAR, cameo VARCHAR, cameo_root VARCHAR,
        plover VARCHAR, plover_mode VARCHAR, goldstein DOUBLE, quad_class INTEGER, modality VARCHAR,
        weight DOUBLE, date DATE, first_doc VARCHAR, first_mention VARCHAR, evidence_text VARCHAR,
        mentions INTEGER, articles INTEGER, sources INTEGER)""",
    """CREATE TABLE IF NOT EXISTS event_mentions (
        mention_id VARCHAR PRIMARY KEY, event_id VARCHAR, doc_id VARCHAR, source VARCHAR, similarity DOUBLE)""",
    """CREATE INDEX IF NOT EXISTS corpus_events_key ON corpus_events (a, b, cameo_root)""",
    # a v1 store already holds documents: build the corpus view from them (see duck.migrate)
    BACKFILL,
]

# Version 3: summaries for a fast whole-corpus view (store/summary.py) and an index for one dyad.
SCHEMA_VERSION = 3
REBUILD_SUMMARIES = "-- compute dyad_summary and pair_summary from corpus_events (store.summary.rebuild)"

MIGRATIONS[3] = [
    """CREATE INDEX IF NOT EXISTS corpus_events_a ON corpus_events (a)""",
    """CREATE TABLE IF NOT EXISTS dyad_summary (
        a VARCHAR, b VARCHAR, events BIGINT, q1 BIGINT, q2 BIGINT, q3 BIGINT, q4 BIGINT, gsum DOUBLE, wsum DOUBLE,
        mentions BIGINT, excluded BIGINT, nd BIGINT, sx DOUBLE, sy DOUBLE, sxy DOUBLE, sxx DOUBLE,
        first DATE, last DATE, own BOOLEAN, political BOOLEAN, PRIMARY KEY (a, b))""",
    # own and political came with version 6; a store made now creates them here, since this
    # migration's rebuild already writes them (version 6 adds them to older stores)
    """CREATE TABLE IF NOT EXISTS pair_summary (x VARCHAR, y VARCHAR, score DOUBLE, events BIGINT, own BOOLEAN,
        political BOOLEAN, PRIMARY KEY (x, y))""",
    """CREATE TABLE IF NOT EXISTS actor_summary (id VARCHAR PRIMARY KEY, events BIGINT)""",
    REBUILD_SUMMARIES,
]

# Version 4: provenance. Each event names the rules that decided its type, source and target
# (``{"event", "source", "target"}`` as JSON, diplograph.rules); each mention the rule that resolved
# it. A store written before keeps NULL where its documents' analyses carried none; where they
# did (the analysis JSON of each document has them), the migration copies them into the columns.
SCHEMA_VERSION = 4

MIGRATIONS[4] = [
    """ALTER TABLE events ADD COLUMN IF NOT EXISTS rules JSON""",
    """ALTER TABLE mentions ADD COLUMN IF NOT EXISTS rule VARCHAR""",
    """UPDATE events SET rules = src.rules FROM (
        SELECT d.id AS doc_id, ev->>'id' AS id, ev->'rules' AS rules
        FROM documents d, unnest(CAST(d.analysis->'events' AS JSON[])) AS t(ev)) src
       WHERE events.id = src.id AND events.doc_id = src.doc_id AND json_type(src.rules) = 'OBJECT'""",
    """UPDATE mentions SET rule = src.rule FROM (
        SELECT d.id AS doc_id, a->>'id' AS actor_id, CAST(m->>'start' AS INTEGER) AS start,
               CAST(m->>'end' AS INTEGER) AS "end", m->>'rule' AS rule
        FROM documents d, unnest(CAST(d.analysis->'actors' AS JSON[])) AS t(a),
             unnest(CAST(a->'mentions' AS JSON[])) AS u(m)) src
       WHERE mentions.doc_id = src.doc_id AND mentions.actor_id = src.actor_id AND mentions.start = src.start
         AND mentions."end" = src."end" AND src.rule IS NOT NULL""",
]

# Version 5: where each event happened (the places stage): ``events.location`` holds the Event's
# ``location`` object as JSON (name, geonames_id, country, admin1, lat, lon, precision, evidence …).
# A store written before takes it from its documents' stored analyses where they carry one.
SCHEMA_VERSION = 5

MIGRATIONS[5] = [
    """ALTER TABLE events ADD COLUMN IF NOT EXISTS location JSON""",
    """UPDATE events SET location = src.location FROM (
        SELECT d.id AS doc_id, ev->>'id' AS id, ev->'location' AS location
        FROM documents d, unnest(CAST(d.analysis->'events' AS JSON[])) AS t(ev)) src
       WHERE events.id = src.id AND events.doc_id = src.doc_id AND json_type(src.location) = 'OBJECT'""",
]

# Version 6: the summaries flag each dyad and pair once (``store/pairs.py``): ``own`` (an actor and its
# own state) and ``political`` (no news outlet or the like at either end), so that the whole-corpus
# views filter on a column. The summaries are computed again with the flags.
SCHEMA_VERSION = 6

MIGRATIONS[6] = [
    """ALTER TABLE dyad_summary ADD COLUMN IF NOT EXISTS own BOOLEAN""",
    """ALTER TABLE dyad_summary ADD COLUMN IF NOT EXISTS political BOOLEAN""",
    """ALTER TABLE pair_summary ADD COLUMN IF NOT EXISTS own BOOLEAN""",
    """ALTER TABLE pair_summary ADD COLUMN IF NOT EXISTS political BOOLEAN""",
    REBUILD_SUMMARIES,
]
