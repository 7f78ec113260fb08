"""The read-only HTTP API and the analyst's page over one store.

The store is opened read-only once; each request reads through its own cursor. Only GET and
HEAD are answered; request size, URL length and result sizes are bounded; no file path
that comes from a request is ever opened (pages are fixed files of the package).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..analysis.dyads import find_actor
from ..analysis.graph import resolve as resolve_node
from ..errors import UsageError
from ..store.duck import open_reader
from . import queries, schemas, views
from .guard import Guard

STATIC = Path(__file__).resolve().parent / "static"
NOT_BUILT = "The page is not built: run `make setup` (it needs node and npm) to build the front-end.\n"
Date = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD, inclusive.",
                                   json_schema_extra={"format": "date"})]


def built() -> bool:
    return (STATIC / "index.html").is_file() and (STATIC / "app.js").is_file()


def _real_dates(**values: str | None) -> None:
    """422 for a date the pattern lets through but the calendar has not (2024-13-45): the database
    would fail on it."""
    for name, value in values.items():
        try:
            value is None or date.fromisoformat(value)
        except ValueError:
            raise HTTPException(422, f"{name} must be a real date YYYY-MM-DD (got {value[:20]!r})") from None


_CODE = r"^[A-Za-z0-9_\-]{1,40}$"
Quads = Annotated[list[int], Query(max_length=4, description="Quad classes 1-4 (repeatable): 1 verbal cooperation, "
                                   "2 material cooperation, 3 verbal conflict, 4 material conflict.",
                                   json_schema_extra={"items": {"type": "integer", "enum": [1, 2, 3, 4]}})]
Modalities = Annotated[list[str], Query(max_length=7, description="Claim status (repeatable): "
                                        + ", ".join(queries.MODALITIES) + ".",
                                        json_schema_extra={"items": {"type": "string",
                                                                     "enum": list(queries.MODALITIES)}})]


def _codes(description: str, most: int) -> Any:
    return Query(max_length=most, description=description,
                 json_schema_extra={"items": {"type": "string", "pattern": _CODE}})


Countries = Annotated[list[str], _codes("Country of the source or the target actor (ISO-3, repeatable).", 20)]
ActorTypes = Annotated[list[str], _codes("Actor types (repeatable): both ends of an event are of one of them.", 20)]
PloverTypes = Annotated[list[str], _codes("PLOVER event types (repeatable).", 30)]
NEAR_PATTERN = r"^\s*-?\d{1,2}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?\s*,\s*\d{1,5}(\.\d+)?\s*$"
Near = Annotated[str | None, Query(max_length=60, pattern=NEAR_PATTERN,
                                   description="lat,lon,km: events located within km of the point (e.g. 48.5,35.0,50)")]
_VALUE = re.compile(_CODE)


def _filter(since: Date = None, until: Date = None, quad: Quads = [], modality: Modalities = [],
            min_weight: Annotated[int, Query(ge=1, le=1_000_000, description="Minimum events + relation "
                                             "statements of an edge.")] = 1,
            country: Countries = [], actor_type: ActorTypes = [], plover: PloverTypes = [], near: Near = None,
            ) -> queries.GraphFilter:
    _real_dates(since=since, until=until)
    bad_quad = [q for q in quad if q not in (1, 2, 3, 4)]
    if bad_quad:
        raise HTTPException(422, f"quad must be among 1, 2, 3, 4 (got {bad_quad[0]})")
    bad = [m for m in modality if m not in queries.MODALITIES]
    if bad:
        raise HTTPException(422, f"modality must be one of {', '.join(queries.MODALITIES)} (got {bad[0][:40]!r})")
    for name, values in (("country", country), ("actor_type", actor_type), ("plover", plover)):
        bad = [v for v in values if not _VALUE.match(v)]
        if bad:
            raise HTTPException(422, f"{name} values are codes of letters, digits, - and _ (got {bad[0][:40]!r})")
    return queries.GraphFilter(since=since, until=until, quad=quad, modality=modality, min_weight=min_weight,
                               country=[c.upper() for c in country], actor_type=actor_type, plover=plover,
                               near=_near(near))


def _cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of the app's read-only connection per request: DuckDB cursors are thread-safe apart."""
    cur = request.app.state.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


Filter = Annotated[queries.GraphFilter, Depends(_filter)]
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(_cursor)]
ActorId = Annotated[str, Query(min_length=1, max_length=200, description="Actor: id (as in /api/actors), name or "
                                                                         "code, as the CLI takes them.")]
Level = Annotated[str, Query(pattern="^(actor|state)$", description=(
    "actor (default): pairs of actors; an actor and its own state are never a pair (their events are domestic). "
    "state: every actor rolled up to the state it belongs to (a person by the code of their role on the event's "
    "date, else their country; an organ or sector actor to its state); node ids are then state codes (KAZ, RUS), "
    "actors of no state keep their id, and events within one state are domestic, never an edge."),
    json_schema_extra={"enum": ["actor", "state"]})]


def _actor_id(value: str | None, param: str, cur: duckdb.DuckDBPyConnection, level: str = "actor") -> str | None:
    """The actor ``value`` names, as the CLI finds it: an id the network knows (corpus or document
    actor id; a state code at state level) as it is, else the corpus actor of that name, code, a name
    the texts use or whole words of its name; 404 with a message if none."""
    if value is None:
        return None
    if resolve_node(cur, value, level) is not None:
        return value
    try:
        return find_actor(cur, value)["id"]
    except UsageError:
        raise HTTPException(404, f"no actor matches {value[:100]!r} ({param}); /api/actors?q= lists them") from None



def _near(value: str | None) -> tuple[float, float, float] | None:
    """``lat,lon,km`` → numbers (the pattern already rejected other shapes). Values past the poles
    or the antimeridian are clamped to them, a radius to half the Earth's circumference: a request
    the schema accepts is answered."""
    if value is None:
        return None
    lat, lon, km = (float(x) for x in value.split(","))
    return max(-90.0, min(90.0, lat)), max(-180.0, min(180.0, lon)), max(0.0, min(20_038.0, km))


def create_app(store: str | Path) -> FastAPI:
    """The app over the store at ``store`` (opened read-only now: a missing store fails here)."""
    con = open_reader(store)
    app = FastAPI(title="diplograph", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only API over a diplograph store: actors, events, dyads, the signed "
                              "network and the documents behind them. Every event points to its evidence.")
    app.state.con = con
    reader = con.cursor()
    try:
        index = queries.ActorIndex(reader)
    finally:
        reader.close()
    app.state.actors = index
    app.add_middleware(Guard)

    @app.get("/api/actors", summary="Actors, most active first; q matches whole words of id, name and code",
             response_model=schemas.ActorList)
    def api_actors(q: Annotated[str | None, Query(max_length=100)] = None,
                   limit: Annotated[int, Query(ge=1, le=queries.MAX_ACTORS)] = 100,
                   offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
        return index.search(q=q, limit=limit, offset=offset)

    @app.get("/api/events", summary="Events, newest first; actor= keeps those it is source or target of; "
                                     "near=lat,lon,km those located within km of the point",
             responses={404: {"description": "No actor matches the actor given."}}, response_model=schemas.EventList)
    def api_events(cur: Cursor, flt: Filter,
                   actor: Annotated[str | None, Query(min_length=1, max_length=200,
                                                      description="Actor id, name or code.")] = None,
                   limit: Annotated[int, Query(ge=1, le=queries.MAX_EVENTS)] = 100,
                   offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
        # near= is one of the filters
        return queries.events(cur, actor=_actor_id(actor, "actor", cur), flt=flt, limit=limit, offset=offset)

    @app.get("/api/places", summary="The places events happened in, most events first",
             responses={404: {"description": "No actor matches the actor given."}}, response_model=schemas.PlaceList)
    def api_places(cur: Cursor,
                   q: Annotated[str | None, Query(max_length=100, description="Part of the place name.")] = None,
                   country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO-3 code "
                                                        "of the place.")] = None,
                   limit: Annotated[int, Query(ge=1, le=queries.MAX_EVENTS)] = 100,
                   offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                   since: Date = None, until: Date = None, quad: Quads = [], modality: Modalities = [],
                   actor_country: Countries = [], actor_type: ActorTypes = [], plover: PloverTypes = [],
                   actor: Annotated[str | None, Query(min_length=1, max_length=200)] = None) -> dict[str, Any]:
        flt = _filter(since=since, until=until, quad=quad, modality=modality, country=actor_country,
                      actor_type=actor_type, plover=plover, near=None)
        flt.actor = _actor_id(actor, "actor", cur)
        return queries.places(cur, q=q, country=country, limit=limit, offset=offset, flt=flt)

    @app.get("/api/timeline", summary="Events per week or month and quad class under the filters",
             responses={404: {"description": "No actor matches the actor given."}})
    def api_timeline(cur: Cursor, flt: Filter,
                     actor: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
                     by: Annotated[str, Query(pattern="^(week|month)$")] = "month") -> dict[str, Any]:
        flt.actor = _actor_id(actor, "actor", cur)
        return views.timeline(cur, flt, by=by)

    @app.get("/api/facets", summary="The values of the filters (countries, actor types, PLOVER types) "
                                    "and the corpus's dates")
    def api_facets(limit: Annotated[int, Query(ge=1, le=views.MAX_FACETS, description="Values listed per "
                                               "filter, most events first.")] = views.MAX_FACETS) -> dict[str, Any]:
        return {k: v[:limit] if isinstance(v, list) else v for k, v in facets.items()}

    reader = con.cursor()
    try:
        facets = views.facets(reader)  # the store does not change while served read-only
    finally:
        reader.close()

    @app.get("/api/dyad", summary="One pair (both directions): time series, trend, sign and evidence, counted "
                                   "as `diplograph dyad` counts them", response_model=schemas.Dyad,
             responses={404: {"description": "No actor matches the actor given."}})
    def api_dyad(cur: Cursor, a: ActorId, b: ActorId, flt: Filter,
                 by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
                 limit: Annotated[int, Query(ge=1, le=queries.MAX_EVIDENCE)] = 200,
                 level: Level = "actor") -> dict[str, Any]:
        flt.level = level
        return queries.dyad(cur, _actor_id(a, "a", cur, level), _actor_id(b, "b", cur, level), by=by,
                            flt=flt, limit=limit, index=index)

    @app.get("/api/graph", summary="The signed network under the filters, heaviest edges first; level=state "
                                    "rolls actors up to their states. Counts and signs are `diplograph system`'s",
             response_model=schemas.Graph, responses={404: {"description": "No actor matches the actor given."}})
    def api_graph(cur: Cursor, flt: Filter,
                  actor: Annotated[str | None, Query(min_length=1, max_length=200,
                                                     description="Keep only the edges of this actor (at state "
                                                                 "level: of its state).")] = None,
                  limit: Annotated[int, Query(ge=1, le=queries.MAX_EDGES)] = 400,
                  level: Level = "actor") -> dict[str, Any]:
        flt.actor = _actor_id(actor, "actor", cur, level)
        flt.level = level
        return queries.graph(cur, index, flt, limit=limit)

    @app.get("/api/documents", summary="Documents, newest first; q finds a phrase in the text or title, "
                                        "title in the title only; since/until bound the date",
             response_model=schemas.DocumentList)
    def api_documents(cur: Cursor, since: Date = None, until: Date = None,
                      q: Annotated[str | None, Query(max_length=200, description="A phrase of the text or title "
                                                     "(case-insensitive).")] = None,
                      title: Annotated[str | None, Query(max_length=200, description="A phrase of the title.")] = None,
                      limit: Annotated[int, Query(ge=1, le=queries.MAX_DOCUMENTS)] = 100,
                      offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
        _real_dates(since=since, until=until)
        return queries.documents(cur, q=q, title=title, since=since, until=until, limit=limit, offset=offset)

    @app.get("/api/documents/{doc_id:path}", summary="One document: text, mentions, events, relations",
             response_model=schemas.DocumentDetail,
             responses={404: {"description": "No such document."}})
    def api_document(cur: Cursor, doc_id: str) -> dict[str, Any]:
        if len(doc_id) > 500:
            raise HTTPException(404, "no such document")
        doc = queries.document(cur, doc_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return doc

    def page(name: str, status: int = 200):
        if not built():
            return PlainTextResponse(NOT_BUILT, status_code=503)
        return FileResponse(STATIC / name, status_code=status, media_type="text/html")

    @app.get("/", include_in_schema=False)
    def network_page():
        return page("index.html")

    @app.get("/documents/{doc_id:path}", include_in_schema=False)
    def document_page(cur: Cursor, doc_id: str):
        found = len(doc_id) <= 500 and cur.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        return page("document.html", 200 if found else 404)

    @app.get("/docs", include_in_schema=False)
    def docs():
        if not (STATIC / "swagger" / "swagger-ui-bundle.js").is_file():
            return PlainTextResponse(NOT_BUILT, status_code=503)
        return get_swagger_ui_html(openapi_url="/openapi.json", title="diplograph API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    return app
