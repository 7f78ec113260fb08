"""A store is never silently misread: newer schemas are refused with one line; older ones are
migrated (tests/store/test_corpus.py checks the v1 → current migration and its backfill)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from diplograph.errors import StoreError
from diplograph.store.duck import StoreWriter, open_reader, status
from diplograph.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]


def _store_of_version(path: Path, version: int) -> Path:
    StoreWriter(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    con.close()
    return path


def test_newer_store_is_refused_by_reader_and_writer(tmp_path):
    path = _store_of_version(tmp_path / "future.duckdb", SCHEMA_VERSION + 1)
    for open_it in (open_reader, StoreWriter, status):
        with pytest.raises(StoreError) as e:
            open_it(path)
        assert e.value.code == "E011" and str(path) in str(e.value)


def test_newer_store_through_the_cli_is_one_line(tmp_path):
    path = _store_of_version(tmp_path / "future.duckdb", SCHEMA_VERSION + 1)
    res = subprocess.run([sys.executable, "-m", "diplograph.cli", "status", "--store", str(path)],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert [l for l in res.stderr.splitlines() if l.strip()] == [
        f"error: {path}: [E011] store written by schema version {SCHEMA_VERSION + 1}, "
        f"newer than this diplograph ({SCHEMA_VERSION}); upgrade diplograph"]


def test_current_store_opens_and_counts(tmp_path):
    path = tmp_path / "now.duckdb"
    StoreWriter(path).close()
    assert status(path)["documents"] == 0
