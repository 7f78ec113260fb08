"""The ingest progress bar: documents, documents/s and words/s (on a terminal only)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .local import Progress as Step


@contextmanager
def ingest_progress(console: Console, log: Callable[[int], None] | None = None) -> Iterator[Step]:
    """A progress step for the engines; ``log`` also gets the running count of documents done."""
    with Progress(SpinnerColumn(), TextColumn("ingest {task.completed:,.0f} documents"),
                  TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                  console=console, disable=not console.is_terminal) as bar:
        task = bar.add_task("ingest", total=None, rate="")
        words = 0

        def step(docs: int, new_words: int) -> None:
            nonlocal words
            words += new_words
            bar.advance(task, docs)
            t = bar.tasks[0]
            if t.elapsed:
                bar.update(task, rate=f"{t.completed / t.elapsed:,.1f} docs/s  {words / t.elapsed:,.0f} words/s")
            if log:
                log(int(t.completed))

        yield step
