"""The ``diplograph`` command: a thin layer over the library."""
from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from typer.core import TyperGroup

from . import __version__
from .errors import DiplographError, InputError
from .records import Document

# The exceptions typer uses to end a command normally or with a usage message.
_CLEAN_EXITS = tuple({typer.Exit, typer.Abort, *(getattr(m, n) for m, n in (
    (typer.exceptions, "TyperException"), (getattr(typer, "_click", None), "ClickException")) if hasattr(m, n))})

out = Console(width=None if sys.stdout.isatty() else 140)  # reports piped to files stay readable
err = Console(stderr=True, soft_wrap=True)  # one error, one line, whatever the width
_state = {"verbose": os.environ.get("DIPLOGRAPH_VERBOSE", "") not in ("", "0")}


class SafeGroup(TyperGroup):
    """No traceback reaches the user: an unexpected error becomes one line (``--verbose`` shows it)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except _CLEAN_EXITS:
            raise
        except KeyboardInterrupt:
            err.print("interrupted", highlight=False)
            raise typer.Exit(130)
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0)
        except DiplographError as e:
            if _state["verbose"]:
                traceback.print_exc()
            err.print(f"error: {e}", markup=False, highlight=False)
            raise typer.Exit(1)
        except OSError as e:  # a file the user named cannot be opened or written: theirs to fix, not a bug
            if _state["verbose"]:
                traceback.print_exc()
            name = str(e.filename) if e.filename else None
            code = "E002" if name and Path(name).exists() else "E018"
            err.print(f"error: {DiplographError(code, path=name, reason=e.strerror or str(e))}", markup=False,
                      highlight=False)
            raise typer.Exit(1)
        except Exception as e:  # a bug: say what and how to see more, not a traceback
            if _state["verbose"]:
                traceback.print_exc()
            reason = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}".rstrip(": ")
            err.print(f"error: {DiplographError('E017', reason=reason[:300])}", markup=False, highlight=False)
            raise typer.Exit(3)


app = typer.Typer(help="Political events, actors and claims from news text, with evidence.", cls=SafeGroup,
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

ActorsOpt = Annotated[Optional[list[Path]], typer.Option("--actors", help="PETRARCH/Phoenix actor dictionary (repeatable); replaces the shipped actor dictionaries.")]
AgentsOpt = Annotated[Optional[list[Path]], typer.Option("--agents", help="PETRARCH/Phoenix agents file (repeatable).")]
VerbsOpt = Annotated[Optional[list[Path]], typer.Option("--verbs", help="PETRARCH CAMEO verb dictionary (repeatable); replaces the shipped one, unless one of them is the word default (then they extend it).")]
StoreOpt = Annotated[Path, typer.Option("--store", help="DuckDB store file.")]
LevelOpt = Annotated[str, typer.Option("--level", help="actor: pairs of actors (an actor and its own state are "
                                                       "domestic, never a pair); state: every actor rolled up to its "
                                                       "state, events within one state domestic.")]


def _fail(e: DiplographError) -> None:
    err.print(f"[red]error:[/red] {e}", markup=True, highlight=False)
    raise typer.Exit(1)


DateOpt = Annotated[Optional[str], typer.Option(
    "--date", help="Date YYYY-MM-DD of documents that have none of their own (no date field, no dateline).")]
OverrideDateOpt = Annotated[Optional[str], typer.Option(
    "--override-date", help="Date YYYY-MM-DD that replaces every document's own date.")]


def _options(date: str | None, actors, agents, verbs, fast: bool = False, override_date: str | None = None):
    from .pipeline import Options
    from .text.dates import parse_date_option

    return Options(date=parse_date_option(date), override_date=parse_date_option(override_date),
                   actor_files=list(actors or []), agent_files=list(agents or []),
                   verb_files=list(verbs or []), fast=fast)


def _report_error(e: InputError) -> None:
    err.print(f"error: {e}", markup=False, highlight=False)


def _report_warnings(doc: Document) -> None:
    for w in doc.warnings:
        err.print(f"warning: {doc.path}: {w}", markup=False, highlight=False)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Text files, folders, JSONL files, or - for stdin.")],
    date: DateOpt = None,
    override_date: OverrideDateOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="One DocumentAnalysis JSON object per line.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="The readable report as text (the terminal), md (Markdown) "
                                                      "or html: the same report, to share.")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report (or the JSON) to this "
                                                                          "file instead of standard output.")] = None,
    actors: ActorsOpt = None, agents: AgentsOpt = None, verbs: VerbsOpt = None,
) -> None:
    """Analyze documents: actors, events, claims, relations; a readable report (text, md, html) or JSON."""
    from .pipeline import Pipeline
    from .report import build_report
    from .report_render import print_rich, to_html, to_markdown
    from .sources import iter_documents

    if fmt not in ("text", "md", "html"):
        _fail(DiplographError("E009", what="format", value=fmt, options="text, md, html"))
    if output is not None and not output.parent.is_dir():
        _fail(DiplographError("E018", path=str(output), reason=f"the folder {output.parent} does not exist"))

    try:
        pipeline = Pipeline(_options(date, actors, agents, verbs, override_date=override_date))
    except DiplographError as e:
        _fail(e)
    for p in pipeline.problems:
        err.print(f"warning: {p}", markup=False, highlight=False)
    failed = 0
    reports = []
    sink = output.open("w", encoding="utf-8") if output is not None else sys.stdout
    console = Console(file=sink, width=140) if output is not None else out
    try:
        for item in iter_documents(paths):
            if isinstance(item, InputError):
                _report_error(item)
                failed += 1
                continue
            _report_warnings(item)
            analysis = pipeline.analyze_one(item)
            if as_json:
                sink.write(analysis.to_json() + "\n")
                sink.flush()
            elif fmt == "text":
                print_rich(console, build_report(item, analysis))
            elif fmt == "md":
                sink.write(("\n---\n\n" if reports else "") + to_markdown(build_report(item, analysis)))
                reports.append(item.id)
            else:
                reports.append(build_report(item, analysis))  # one page for all the documents
        if fmt == "html" and not as_json and reports:
            sink.write(to_html(reports))
    finally:
        if output is not None:
            sink.close()
    if output is not None:
        err.print(f"wrote the report to {output}", highlight=False)
    if failed:
        raise typer.Exit(2)


@app.command()
def code(
    file: Annotated[str, typer.Argument(help="JSONL file of {\"id\", \"text\", \"date\"?} lines, or - for stdin.")],
    actors: ActorsOpt = None, agents: AgentsOpt = None, verbs: VerbsOpt = None,
) -> None:
    """Code each JSONL line as one unit: output {"id", "events": [...]} per line."""
    from .pipeline import Pipeline
    from .sources import iter_documents

    try:
        pipeline = Pipeline(_options(None, actors, agents, verbs))
    except DiplographError as e:
        _fail(e)
    for p in pipeline.problems:
        err.print(f"warning: {p}", markup=False, highlight=False)
    for item in iter_documents([file]):
        if isinstance(item, InputError):
            _report_error(item)
            continue
        a = pipeline.analyze_one(item)
        sys.stdout.write(json.dumps({"id": item.id, "events": [e.to_dict() for e in a.events]}, ensure_ascii=False) + "\n")


@app.command()
def cues(file: Annotated[str, typer.Argument(help="JSONL file of {\"id\", \"text\"} lines, or - for stdin.")]) -> None:
    """Claim cues of each JSONL line: {"id", "cues": [{"text","start","end","type"}]}."""
    from .pipeline import Pipeline
    from .sources import iter_documents

    pipeline = Pipeline()
    docs: list[Document] = []
    for item in iter_documents([file]):
        if isinstance(item, InputError):
            _report_error(item)
            continue
        docs.append(item)
        if len(docs) >= 64:
            _write_cues(pipeline, docs)
    _write_cues(pipeline, docs)


def _write_cues(pipeline, docs: list[Document]) -> None:
    for d, found in zip(docs, pipeline.cues(docs)):
        sys.stdout.write(json.dumps({"id": d.id, "cues": [c.to_dict() for c in found]}, ensure_ascii=False) + "\n")
    docs.clear()


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Text files, folders, JSONL files, or - for stdin.")],
    store: StoreOpt = Path("diplograph.duckdb"),
    workers: Annotated[int, typer.Option("--workers", min=1, help="Parser processes (local) or Dask workers of a local cluster.")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local (processes on this machine) or dask.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (tcp://HOST:8786); default: a local cluster.")] = None,
    date: DateOpt = None,
    override_date: OverrideDateOpt = None,
    fast: Annotated[bool, typer.Option("--fast", help="Faster, less accurate: skip spaCy's NER, rely on the knowledge base and the parse.")] = False,
) -> None:
    """Stream documents into the store (idempotent: stored documents are skipped)."""
    from .engines.progress import ingest_progress
    from .sources import iter_documents
    from .store.duck import StoreWriter

    if engine not in ("local", "dask"):
        _fail(DiplographError("E009", what="engine", value=engine, options="local, dask"))
    try:
        options = _options(date, None, None, None, fast=fast, override_date=override_date)
        writer = StoreWriter(store, background=True)  # opened while the pipeline loads
    except DiplographError as e:
        _fail(e)
    read = 0

    def items():
        nonlocal read
        for it in iter_documents(paths):  # streamed: the corpus is never held whole
            read += 1
            if isinstance(it, InputError):
                _report_error(it)
            else:
                _report_warnings(it)
            yield it

    def log(done: int) -> None:
        if _state["verbose"]:  # one line per committed batch, for logs: done / read so far
            err.print(f"ingest: {done}/{read} done", highlight=False)

    try:
        with ingest_progress(err, log) as step:
            if engine == "dask":
                from .engines.dask import ingest as run_dask

                report = run_dask(items(), writer, options, progress=step, workers=workers, scheduler=scheduler)
            else:
                from .engines.local import ingest as run_local

                report = run_local(items(), writer, options, progress=step, workers=workers)
    except DiplographError as e:
        _fail(e)
    finally:
        writer.close()
    err.print(f"stored {report.stored}, skipped {report.skipped} already stored, failed {len(report.failed)}",
              highlight=False)


@app.command()
def status(
    store: StoreOpt = Path("diplograph.duckdb"),
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Counts of the store: documents, events, actors, and the inputs that failed."""
    from .store.duck import status as store_status

    try:
        s = store_status(store)
    except DiplographError as e:
        _fail(e)
    if as_json:
        sys.stdout.write(json.dumps(s) + "\n")
        return
    out.print(f"documents {s['documents']}  events {s['events']}  actors {s['actors']}  failed {len(s['failed'])}")
    for f in s["failed"]:
        out.print(f"  {f['error']}", markup=False, highlight=False)


@app.command()
def serve(
    store: StoreOpt = Path("diplograph.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Address to bind; loopback unless you say otherwise.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8765,
) -> None:
    """Serve the read-only API and the analyst's page (the network, dyads, documents)."""
    from .web import serve as run_server

    err.print(f"serving {store} read-only at http://{host}:{port}/  (API docs at /docs; Ctrl-C stops)",
              highlight=False, markup=False)
    try:
        run_server(store, host=host, port=port)
    except DiplographError as e:
        _fail(e)


def _emit(result: dict, as_json: bool, printer) -> None:
    """A command's result: one JSON line, or the readable rendering."""
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        printer(out, result)


@app.command()
def system(
    store: StoreOpt = Path("diplograph.duckdb"),
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object: actors, dyads, triads, balance.")] = False,
    since: Annotated[Optional[str], typer.Option("--since", help="Only events on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only events on or before YYYY-MM-DD.")] = None,
    top: Annotated[int, typer.Option("--top", min=0, help="Dyads to list, most active first (0: all).")] = 50,
    level: LevelOpt = "actor",
) -> None:
    """The system of the corpus: actors, dyads ranked by activity and change, signed triads."""
    from .analysis.render import print_system
    from .analysis.system import system as build
    from .store.duck import open_reader
    from .text.dates import parse_date_option

    try:
        con = open_reader(store)
        s = build(con, parse_date_option(since), parse_date_option(until), top=top, level=level)
    except DiplographError as e:
        _fail(e)
    _emit(s, as_json, print_system)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor: corpus id, name or code.")],
    b: Annotated[str, typer.Argument(help="Second actor: corpus id, name or code.")],
    store: StoreOpt = Path("diplograph.duckdb"),
    by: Annotated[str, typer.Option("--by", help="Period of the series: day, week or month.")] = "month",
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object: both directions, trend, evidence.")] = False,
    level: LevelOpt = "actor",
) -> None:
    """Time series of one pair (both directions): counts per quad class, Goldstein, trend."""
    from .analysis.dyads import dyad as build
    from .analysis.render import print_dyad
    from .store.duck import open_reader

    try:
        d = build(open_reader(store), a, b, by, level=level)
    except DiplographError as e:
        _fail(e)
    _emit(d, as_json, print_dyad)


@app.command()
def export(
    out_path: Annotated[Path, typer.Argument(help="Output file.")],
    fmt: Annotated[str, typer.Option("--format", help="gdelt (61-column TSV), plover (JSONL), parquet, graphml "
                                                      "or geojson (the located events).")],
    store: StoreOpt = Path("diplograph.duckdb"),
    header: Annotated[bool, typer.Option("--header", help="gdelt: write a header row (GDELT's files have none).")] = False,
    level: LevelOpt = "actor",
) -> None:
    """Export the de-duplicated events: GDELT 2.0 TSV, PLOVER JSONL, Parquet, the GraphML network, or GeoJSON."""
    from .analysis.exports import export_described as run
    from .store.duck import open_reader

    folder = out_path.parent
    if out_path.is_dir():
        _fail(DiplographError("E018", path=str(out_path), reason="a folder: give a file name inside it"))
    if not folder.is_dir():
        _fail(DiplographError("E018", path=str(out_path),
                              reason=f"the folder {folder} does not exist" if not folder.exists()
                              else f"{folder} is not a folder"))
    try:
        n, what = run(open_reader(store), fmt, out_path, header, level=level)
    except DiplographError as e:
        _fail(e)
    err.print(f"wrote {n} records to {out_path}: {what}", highlight=False, markup=False)


def version_callback(value: bool) -> None:
    if value:
        out.print(f"diplograph {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                               help="Show the version and exit.")] = False,
         verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                               help="Show tracebacks of internal errors and progress lines.")] = False,
         ) -> None:
    """diplograph reads geopolitical news and builds the political system it describes."""
    if verbose:
        _state["verbose"] = True


if __name__ == "__main__":
    app()
