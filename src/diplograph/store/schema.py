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
