"""The Dask engine: the same ingest spread over the workers of a Dask cluster.

The client reads the input lazily and cuts it into partitions exactly as the local
engine cuts its tasks. Each Dask worker loads the pipeline once (a worker plugin), turns
a partition into a Parquet shard (one row per document: its id, content hash and the
DocumentAnalysis as JSON) and sends the shard back; the client is the single writer and
merges the shards into the DuckDB store in input order. The records are those of the
local engine: same pipeline, same options, same order of writing.

Without ``scheduler`` a ``LocalCluster`` of ``workers`` processes runs on this machine;
with ``scheduler`` (``tcp://HOST:8786``) the cluster's own workers do the work — they
need diplograph installed, and the dictionary files of the options at the same paths.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from ..errors import InputError, UsageError
from ..gc_pause import collect_less, load_frozen
from ..pipeline import Options, Pipeline
from ..records import Document, DocumentAnalysis
from ..store.duck import StoreWriter
from .local import BATCH_DOCS, IN_FLIGHT_PER_WORKER, IngestReport, Outcome, Progress, Tasks, Writer, analyze_task, in_order

PLUGIN = "diplograph-pipeline"
SHARD_SCHEMA = pa.schema([("doc_id", pa.string()), ("content_hash", pa.string()),
                          ("analysis", pa.string()), ("error", pa.string())])


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once per Dask worker, when the worker starts or joins."""

    name = PLUGIN

    def __init__(self, options: Options):
        self.options = options
        self.pipeline: Pipeline | None = None

    def setup(self, worker) -> None:  # noqa: ANN001 — distributed.Worker
        self.pipeline = load_frozen(lambda: Pipeline(self.options))  # kept for the worker's life
        collect_less()


def analyze_partition(docs: list[Document]) -> bytes:
    """One partition → a Parquet shard (bytes), on a Dask worker."""
    plugin = get_worker().plugins[PLUGIN]
    outcomes = analyze_task(plugin.pipeline, docs)
    return outcomes_to_shard(docs, outcomes)


def outcomes_to_shard(docs: list[Document], outcomes: list[Outcome]) -> bytes:
    rows = {"doc_id": [], "content_hash": [], "analysis": [], "error": []}
    for doc, out in zip(docs, outcomes):
        rows["doc_id"].append(doc.id)
        rows["content_hash"].append(doc.content_hash)
        rows["analysis"].append(None if isinstance(out, str) else out.to_json())
        rows["error"].append(out if isinstance(out, str) else None)
    buf = io.BytesIO()
    pq.write_table(pa.table(rows, schema=SHARD_SCHEMA), buf, compression="zstd")
    return buf.getvalue()


def shard_to_outcomes(docs: list[Document], shard: bytes) -> list[Outcome]:
    table = pq.read_table(io.BytesIO(shard)).to_pylist()
    by_hash = {r["content_hash"]: r for r in table}
    out: list[Outcome] = []
    for doc in docs:
        r = by_hash[doc.content_hash]
        out.append(r["error"] if r["error"] is not None else DocumentAnalysis.from_dict(json.loads(r["analysis"])))
    return out


def connect(workers: int, scheduler: str | None) -> tuple[Client, LocalCluster | None]:
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise UsageError("E041", address=scheduler, reason=str(exc).splitlines()[0]) from exc
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=40)
    return Client(cluster), cluster


def ingest(items: Iterable[Document | InputError], store: StoreWriter, options: Options | None = None,
           batch_size: int = BATCH_DOCS, progress: Progress | None = None, workers: int = 2,
           scheduler: str | None = None) -> IngestReport:
    """Stream ``items`` into ``store`` through a Dask cluster (local one by default)."""
    options = options or Options()
    report = IngestReport()
    tasks = Tasks(items, store, report, progress)
    writer = Writer(store, report, progress, batch_size)
    client, cluster = connect(workers, scheduler)
    try:
        client.register_plugin(PipelinePlugin(options), name=PLUGIN)
        slots = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        for docs, shard in _stream(client, tasks, slots * IN_FLIGHT_PER_WORKER):
            writer.add(docs, shard_to_outcomes(docs, shard))
        writer.flush()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return report


def _stream(client: Client, tasks: Iterable[list[Document]], limit: int) -> Iterator[tuple[list[Document], bytes]]:
    """Shards in input order, with at most ``limit`` partitions in flight."""
    return in_order(lambda docs: client.submit(analyze_partition, docs, pure=False), tasks, limit)