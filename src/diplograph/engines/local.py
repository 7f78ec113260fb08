"""The local engine: stream documents through N parser processes and into the store.

The main process reads the input lazily, skips documents already stored (same content
hash), groups the rest into tasks sized by text length, and keeps only a few tasks in
flight, so memory stays bounded whatever the size of the corpus. Each worker process
loads the pipeline (spaCy model, knowledge base, verb dictionary) once, parses and runs
every later stage, and sends back plain records. The main process is the single writer:
it alone owns the DuckDB connection and writes results in batches, one transaction each.
Bad input is recorded as a failure and the run goes on.
"""
from __future__ import annotations

import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import DiplographError, InputError
from ..gc_pause import collect_less, freeze_loaded, load_frozen
from ..nlp import batch_by_length
from ..pipeline import Options, Pipeline
from ..records import Document, DocumentAnalysis
from ..store.duck import StoreWriter

# A task is about this many characters of text (~1,600 words): large enough to keep
# spaCy's batches full and the inter-process traffic small, small enough that a few
# tasks in flight per worker hold little memory and that one worker does not finish
# the run alone with a long last task while the others idle.
TASK_CHARS = 10_000
TASK_DOCS = 64
IN_FLIGHT_PER_WORKER = 2
# Results are committed at least this often (and at most BATCH_DOCS documents at a time): a
# commit costs about 60 ms of queries whatever its size, so every 2 s cost a short run (400
# Reuters stories, 2 workers, ~8 s of parsing) 5 commits where 2 store the same;
# and never more often than COMMIT_SHARE⁻¹ times the last commit's duration, so that writing
# takes at most about a twentieth of the run even when the machine is busy (a commit's fixed
# cost, the corpus view and the summaries, grows with the load while its batch shrinks).
COMMIT_SECONDS = 4.0
COMMIT_SHARE = 0.05
BATCH_DOCS = 256

Progress = Callable[[int, int], None]
"""Called with (documents, words) each time documents are stored, skipped or failed."""


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    words: int = 0


Outcome = DocumentAnalysis | str
"""What a worker returns for one document: its analysis, or the error message."""


def word_count(text: str) -> int:
    return len(text.split())


# A process keeps the first KEEP_STRINGS strings its tasks add to spaCy's vocabulary; later tasks run
# in a memory zone, which frees what they add. Inside a zone spaCy's tokenizer caches nothing and every
# word's lexeme is made again in each task (~2 % of the parse on Reuters stories, 400 of them adding
# ~3,000 strings); outside one the corpus's common words are tokenized once. Memory stays bounded:
# ~20,000 strings with their lexemes and cache entries are a few MB.
KEEP_STRINGS = 20_000
_strings_at_start: dict[int, int] = {}


def task_zone(pipeline: Pipeline) -> AbstractContextManager:
    """spaCy's memory zone for one task, once this process has kept KEEP_STRINGS new strings."""
    strings = len(pipeline.nlp.vocab.strings)
    if strings - _strings_at_start.setdefault(id(pipeline), strings) < KEEP_STRINGS:
        return nullcontext()
    return pipeline.nlp.memory_zone()  # spaCy's strings and docs of this task are freed after it


def analyze_task(pipeline: Pipeline, docs: list[Document]) -> list[Outcome]:
    """Analyze one task; a document that makes a stage fail is reported, not fatal."""
    try:
        with task_zone(pipeline):
            return list(pipeline.analyze(docs))
    except Exception:  # one bad document must not sink the others: redo them one by one
        out: list[Outcome] = []
        for doc in docs:
            try:
                with task_zone(pipeline):
                    out.append(pipeline.analyze_one(doc))
            except Exception as exc:  # noqa: BLE001 — recorded as a failure of this document
                out.append(str(DiplographError("E040", path=doc.path or doc.id,
                                               reason=f"{type(exc).__name__}: {exc}")))
        return out


def task_options(options: Options) -> Options:
    """The options a task is analysed with: the parser takes a whole task as one batch. A task
    is small by construction (TASK_CHARS), and spaCy splitting it into batches of 16 documents
    cost ~2.5 % more parser CPU on Reuters stories (same parses, checked token by token)."""
    return replace(options, batch_size=max(options.batch_size, TASK_DOCS))


class Tasks:
    """Turns the input stream into tasks of new documents; failures and skips are reported."""

    def __init__(self, items: Iterable[Document | InputError], store: StoreWriter, report: IngestReport,
                 progress: Progress | None, task_chars: int = TASK_CHARS, task_docs: int = TASK_DOCS):
        self.items, self.store, self.report, self.progress = items, store, report, progress
        self.task_chars, self.task_docs = task_chars, task_docs

    def __iter__(self) -> Iterator[list[Document]]:
        return batch_by_length(self._new_documents(), lambda d: len(d.text), self.task_chars, self.task_docs)

    def _new_documents(self) -> Iterator[Document]:
        known = self.store.known_hashes()
        for item in self.items:
            if isinstance(item, InputError):
                self.store.record_failure(item.where, str(item))
                self.report.failed.append(str(item))
                self._tick(1, 0)
                continue
            h = item.content_hash
            if h in known:
                self.report.skipped += 1
                self._tick(1, 0)
                continue
            known.add(h)
            yield item

    def _tick(self, docs: int, words: int) -> None:
        if self.progress:
            self.progress(docs, words)


class Writer:
    """The single writer: buffers results and writes them in batches, one transaction each.

    A batch is committed when it holds ``batch_size`` documents or when ``commit_seconds``
    have passed since the last commit, whichever comes first: each commit has a fixed cost
    (about 70 ms of queries for the corpus view and summaries, whatever the batch size), so
    a fast run writes large batches, while a slow run still commits, and reports progress,
    every few seconds. Progress is reported when a batch is committed, so what it counts
    is safely stored.
    """

    def __init__(self, store: StoreWriter, report: IngestReport, progress: Progress | None, batch_size: int,
                 commit_seconds: float = COMMIT_SECONDS):
        self.store, self.report, self.progress, self.batch_size = store, report, progress, batch_size
        self.commit_seconds = commit_seconds
        self.pending: list[tuple[Document, DocumentAnalysis]] = []
        self.unreported = [0, 0]  # documents, words
        # the clock starts with the first result, not while the workers load: the first commit
        # then holds a full interval's documents instead of the first task's alone
        self.last_commit: float | None = None
        self.interval = commit_seconds  # grows when commits are slow (COMMIT_SHARE)

    def add(self, docs: list[Document], outcomes: list[Outcome]) -> None:
        for doc, out in zip(docs, outcomes):
            if isinstance(out, str):
                self.store.record_failure(doc.path or doc.id, out)
                self.report.failed.append(out)
            else:
                self.pending.append((doc, out))
            words = word_count(doc.text)
            self.report.words += words
            self.unreported[0] += 1
            self.unreported[1] += words
        if self.last_commit is None:
            self.last_commit = time.monotonic()
        if len(self.pending) >= self.batch_size or time.monotonic() - self.last_commit >= self.interval:
            self.flush()

    def flush(self) -> None:
        started = time.monotonic()
        if self.pending:
            self.store.write_batch(self.pending)
            self.store.clear_failures([doc.path for doc, _ in self.pending if doc.path])
            self.report.stored += len(self.pending)
            self.pending = []
        if self.progress and self.unreported[0]:
            self.progress(*self.unreported)
        self.unreported = [0, 0]
        self.last_commit = time.monotonic()
        self.interval = max(self.commit_seconds, (self.last_commit - started) / COMMIT_SHARE)


def ingest(items: Iterable[Document | InputError], store: StoreWriter, options: Options | None = None,
           batch_size: int = BATCH_DOCS, progress: Progress | None = None, workers: int = 1) -> IngestReport:
    """Stream ``items`` into ``store`` with ``workers`` parser processes (1: in this process)."""
    options = task_options(options or Options())
    report = IngestReport()
    tasks = Tasks(items, store, report, progress)
    writer = Writer(store, report, progress, batch_size)
    if workers <= 1:
        pipeline = load_frozen(lambda: Pipeline(options))
        collect_less()
        for docs in tasks:
            writer.add(docs, analyze_task(pipeline, docs))
    else:
        for docs, outcomes in _parallel(tasks, options, workers):
            writer.add(docs, outcomes)
    writer.flush()
    return report


# --- worker processes ------------------------------------------------------------------

_worker_pipeline: Pipeline | None = None


def _init_worker(options: Options) -> None:
    global _worker_pipeline
    if _worker_pipeline is None or _worker_pipeline.options != options:
        _worker_pipeline = load_frozen(lambda: Pipeline(options))  # once per worker process
    collect_less()  # (a forked worker has it from the parent already)


# A made-up story that takes every stage down its usual paths (a dated dateline, a titled
# leader, states, a place, a quotation, an accusation, violence, an arrest).
WARM_UP = Document("warm-up", (
    "GENEVA, May 4 - President Aldo Varnek of Norland said on Tuesday that his government would not "
    "accept the proposal, and accused rebels of attacking a convoy near the town of Kessel, 40 km from "
    "the capital. \"We will respond,\" Foreign Minister Ilse Maro told reporters in Geneva after talks "
    "with France and Germany. Police arrested 12 protesters in Paris, the Interior Ministry said."),
    "2020-05-04")


def warm_up(pipeline: Pipeline) -> None:
    """Analyse WARM_UP once, so that the data the stages load on first use (the leaders' table,
    the type model, the cue and reporting lexicons …) is loaded before the workers fork: once,
    shared by all of them, instead of once in each worker inside its first task. Outside any
    memory zone: what the stages keep of spaCy's strings must outlive every task."""
    try:
        pipeline.analyze_one(WARM_UP)
    except Exception:  # noqa: BLE001 — only ever saves time; a real document will meet the error again
        pass


def _run_task(docs: list[Document]) -> list[Outcome]:
    assert _worker_pipeline is not None, "worker not initialised"
    return analyze_task(_worker_pipeline, docs)


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the already imported modules with the workers (fast start); elsewhere spawn
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _parallel(tasks: Iterable[list[Document]], options: Options,
              workers: int) -> Iterator[tuple[list[Document], list[Outcome]]]:
    """Results in input order, with at most a few tasks per worker in flight."""
    global _worker_pipeline
    limit = workers * IN_FLIGHT_PER_WORKER
    context = _context()
    if context.get_start_method() == "fork" and (_worker_pipeline is None or _worker_pipeline.options != options):
        # load once here: the forked workers share the loaded model and knowledge base
        # (copy-on-write) instead of each building its own, as spaCy's own n_process does
        # frozen before the collector resumes and before the warm-up: no pass walks what was just loaded
        _worker_pipeline = load_frozen(lambda: Pipeline(options))
        warm_up(_worker_pipeline)
    if context.get_start_method() == "fork":
        freeze_loaded()  # the loaded pipeline is never garbage: no collector pass walks (and copies) it
        collect_less()  # the forked workers inherit it
    # the workers fork at the first submit, after the first task is read: reading it asks the store
    # for its documents, which waits for a store opened in the background (no thread runs at the fork)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                             initargs=(options,)) as pool:
        yield from in_order(lambda docs: pool.submit(_run_task, docs), tasks, limit)


def in_order(submit: Callable[[list[Document]], Any], tasks: Iterable[list[Document]],
             limit: int) -> Iterator[tuple[list[Document], Any]]:
    """(task, result) in input order, with at most ``limit`` futures in flight (bounded memory).

    ``submit`` returns a future with ``.result()``: a process pool's or a Dask client's.
    """
    in_flight: deque = deque()
    for docs in tasks:
        in_flight.append((docs, submit(docs)))
        if len(in_flight) >= limit:
            done_docs, fut = in_flight.popleft()
            yield done_docs, fut.result()
    while in_flight:
        done_docs, fut = in_flight.popleft()
        yield done_docs, fut.result()
