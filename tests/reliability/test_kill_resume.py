"""Crash safety: ingest killed with SIGKILL halfway, then run again, stores exactly what a
clean run stores: every document once, the same events."""
from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
VOA = ROOT / "examples" / "voa"
EXE = [sys.executable, "-m", "diplograph.cli"]


def counts(store: Path) -> tuple[int, int, set[str], int]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        hashes = con.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0]
        events = {r[0] for r in con.execute("SELECT id FROM events").fetchall()}
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        con.close()
    assert hashes == docs  # nothing stored twice
    assert n_events == len(events)
    return docs, n_events, events, hashes


@pytest.mark.slow
def test_sigkill_halfway_then_resume_equals_clean_run(tmp_path):
    clean = tmp_path / "clean.duckdb"
    res = subprocess.run([*EXE, "ingest", str(VOA), "--store", str(clean)], capture_output=True, text=True,
                         timeout=1200, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    clean_docs, clean_events, clean_ids, _ = counts(clean)
    assert clean_docs > 60 and clean_events > 100

    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([*EXE, "--verbose", "ingest", str(VOA), "--store", str(killed)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=ROOT)
    done = 0
    deadline = time.monotonic() + 1200
    for line in proc.stderr:  # "ingest: N/M done" after each committed batch
        m = re.match(r"ingest: (\d+)/(\d+) done", line)
        if m:
            done = int(m.group(1))
            if done >= clean_docs // 3:
                break
        assert time.monotonic() < deadline
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert 0 < done < clean_docs, "the run was not killed halfway"

    partial_docs, _, _, _ = counts(killed)  # the store opens after a SIGKILL, holding whole batches
    assert 0 < partial_docs < clean_docs

    res = subprocess.run([*EXE, "ingest", str(VOA), "--store", str(killed)], capture_output=True, text=True,
                         timeout=1200, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert f"skipped {partial_docs} already stored" in res.stderr
    docs, events, ids, _ = counts(killed)
    assert (docs, events) == (clean_docs, clean_events)
    assert ids == clean_ids
    status = json.loads(subprocess.run([*EXE, "status", "--store", str(killed), "--json"], capture_output=True,
                                       text=True, cwd=ROOT).stdout)
    assert status["documents"] == clean_docs and status["failed"] == []
