"""The local engine: stream documents through the pipeline and into the store.

Documents already stored (same content hash) are skipped; bad input is recorded as a
failure and the run goes on; results are written in batches, one transaction each.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..errors import InputError
from ..pipeline import Options, Pipeline
from ..records import Document
from ..store.duck import StoreWriter


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)


def ingest(items: Iterable[Document | InputError], store: StoreWriter, options: Options | None = None,
           batch_size: int = 32, progress: Callable[[int], None] | None = None) -> IngestReport:
    pipeline = Pipeline(options)
    report = IngestReport()
    known = store.known_hashes()
    pending: list[Document] = []

    def flush() -> None:
        if not pending:
            return
        results = list(zip(pending, pipeline.analyze(pending)))
        store.write_batch(results)
        for doc, _ in results:
            if doc.path:
                store.clear_failure(doc.path)
        report.stored += len(results)
        if progress:
            progress(len(results))
        pending.clear()

    for item in items:
        if isinstance(item, InputError):
            store.record_failure(item.where, str(item))
            report.failed.append(str(item))
            if progress:
                progress(1)
            continue
        h = item.content_hash
        if h in known:
            report.skipped += 1
            if progress:
                progress(1)
            continue
        known.add(h)
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    flush()
    return report
