"""The local engine: N worker processes, single writer, same records as one process."""
from __future__ import annotations

import duckdb

from diplograph.engines.local import IngestReport, Tasks, ingest
from diplograph.errors import InputError
from diplograph.records import Document
from diplograph.store.duck import StoreWriter

TEXTS = [
    "Russia attacked Ukraine on Monday. France criticized Germany over the talks.",
    "The Kazakh President Tokayev rejected Russia's position on the war.",
    "China and India signed a trade agreement in Beijing.",
    "Iran may have threatened Israel, officials said.",
    "The United States imposed sanctions on North Korea.",
    "Turkey hosted the Syrian foreign minister in Ankara.",
]


def docs() -> list[Document]:
    return [Document(f"d{i}", t, "2024-03-01", None, None, f"mem:{i}") for i, t in enumerate(TEXTS)]


def stored_events(path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT * FROM events ORDER BY id").fetchall()
    finally:
        con.close()


def test_two_workers_store_the_same_events_as_one(tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    w = StoreWriter(one)
    r1 = ingest(docs(), w, workers=1)
    w.close()
    w = StoreWriter(two)
    calls: list[tuple[int, int]] = []
    r2 = ingest(docs() + [InputError("E005", path="empty.txt")], w, workers=2,
                progress=lambda d, n: calls.append((d, n)))
    w.close()
    assert r1.stored == r2.stored == len(TEXTS)
    assert len(r2.failed) == 1 and "empty.txt" in r2.failed[0]
    assert sum(d for d, _ in calls) == len(TEXTS) + 1
    assert sum(n for _, n in calls) == sum(len(t.split()) for t in TEXTS)
    events = stored_events(one)
    assert events and events == stored_events(two)


def test_tasks_are_sized_by_text_length_and_skip_stored(tmp_path):
    w = StoreWriter(tmp_path / "s.duckdb")
    long = Document("long", "word " * 5000)
    short = [Document(f"s{i}", f"text number {i}") for i in range(5)]
    report = IngestReport()
    tasks = list(Tasks([long, *short, short[0]], w, report,
                       None, task_chars=20_000, task_docs=3))
    w.close()
    assert [len(t) for t in tasks] == [1, 3, 2]  # the long text fills a task alone
    assert report.skipped == 1  # the same content twice is analyzed once


def test_streams_without_reading_everything_first(tmp_path):
    """The input is pulled lazily: no more than a few tasks are read ahead of the writer."""
    pulled = 0

    def stream():
        nonlocal pulled
        for i in range(8):
            pulled += 1
            yield Document(f"g{i}", f"Day {i}. " + "Egypt condemned Libya. " * 220)  # ~5,000 characters

    w = StoreWriter(tmp_path / "s.duckdb")
    seen: list[int] = []
    ingest(stream(), w, workers=1, batch_size=1, progress=lambda d, n: seen.append(pulled))
    w.close()
    assert seen[0] < 8  # the first results were stored before the input was exhausted


def test_cli_ingest_fast_and_unknown_engine(tmp_path):
    import json

    from typer.testing import CliRunner

    from diplograph.cli import app

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"c{i}", "text": t, "date": "2024-03-01"})
                             for i, t in enumerate(TEXTS[:3])) + "\n")
    store = tmp_path / "s.duckdb"
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(src), "--store", str(store), "--fast"])
    assert res.exit_code == 0, res.output
    assert "stored 3" in res.stderr
    res = runner.invoke(app, ["ingest", str(src), "--store", str(store), "--engine", "spark"])
    assert res.exit_code == 1 and "local, dask" in res.stderr


def test_tasks_keep_their_first_strings_then_run_in_memory_zones(pipeline, monkeypatch):
    from diplograph.engines import local

    local._strings_at_start.pop(id(pipeline), None)
    strings = pipeline.nlp.vocab.strings
    outside = local.analyze_task(pipeline, [Document("z1", "Vorlandia and Quessarin signed an accord in Brumo.")])
    assert "Quessarin" in strings  # kept: no zone yet
    monkeypatch.setattr(local, "KEEP_STRINGS", 1)
    inside = local.analyze_task(pipeline, [Document("z2", "Zembrovia and Quessarin signed an accord in Brumo.")])
    assert "Zembrovia" not in strings  # freed with the task's zone
    # a zone changes what is kept, never what is found
    def found(analysis) -> str:
        return repr(([(e.cameo, e.source.name, e.target.name) for e in analysis.events],
                     sorted(a.name for a in analysis.actors)))
    assert "Vorlandia" in found(outside[0])
    assert found(inside[0]) == found(outside[0]).replace("Vorlandia", "Zembrovia")
