"""Typed shapes of the API's responses, for the OpenAPI description (``/openapi.json``, ``/docs``).

The models describe what ``queries`` returns; extra keys a later version adds pass through
(``extra="allow"``), so a reader written against these shapes keeps working.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(_Open):
    total: int = Field(description="Matches in all, before limit and offset.")
    limit: int
    offset: int


class DocumentSummary(_Open):
    id: str
    title: str | None
    source: str | None = Field(description="Where the document came from (a url, a feed name).")
    date: str | None = Field(description="The document's date, YYYY-MM-DD.")
    date_source: str | None = Field(description="How the date was found: input, dateline, option.")
    events: int = Field(description="Events found in the document.")
    actors: int = Field(description="Actors found in the document.")
    characters: int = Field(description="Length of the text.")
    snippet: str = Field(description="Text around the first match of q (else its start), cut at word boundaries.")


class DocumentList(Page):
    documents: list[DocumentSummary]


# -- the network and one pair (analysis/graph.py: the counts and signs of `system` and `dyad`) -----------
class GraphNode(_Open):
    id: str = Field(description="Corpus actor id; at level=state a state code (KAZ) for actors of a state.")
    name: str
    type: str | None = Field(description="person, state, igo, group, sector, …")
    code: str | None
    country: str | None
    documents: int | None
    activity: int = Field(description="Sum of the weights of the node's edges listed.")
    level: str = Field(description="actor or state: the level the graph was asked at.")


class GraphEdge(_Open):
    a: str = Field(description="One end (a < b); the pair is undirected.")
    b: str
    events: int = Field(description="Events counted (weight > 0: not negated, wished or asked about), both ways.")
    statements: int = Field(description="Relation-state statements counted (relations are strained …).")
    weight: int = Field(description="events + statements.")
    goldstein: float | None = Field(description="Weighted mean Goldstein score of the counted events.")
    cooperative: int
    conflictual: int
    excluded: int = Field(description="Events of weight 0 (negated, wished, asked about): shown, never counted.")
    sign: int = Field(description="Sign of the pair's score (relation.py): 1, -1, or 0 for none.")
    ab: int = Field(0, description="Counted events with a as source and b as target (the arrow a → b).")
    ba: int = Field(0, description="Counted events with b as source and a as target.")


class Graph(_Open):
    total_edges: int
    truncated: bool
    limit: int
    level: str
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class DyadEnd(_Open):
    id: str
    name: str | None


class DyadDirection(_Open):
    events: int = Field(description="Counted events in this direction.")
    goldstein: float = Field(description="Weighted Goldstein sum.")
    slope: float | None = Field(description="Least-squares slope of Goldstein against date, points per 30 days.")
    trend: str | None = Field(description="stable, improving or worsening (|slope| < 0.25: stable).")


class DyadPeriod(_Open):
    period: str
    events: int
    goldstein: float | None = Field(description="Weighted mean Goldstein score of the period's counted events.")
    cooperative: int
    conflictual: int
    excluded: int


class Dyad(_Open):
    a: DyadEnd
    b: DyadEnd
    by: str
    level: str
    total: int = Field(description="Counted events both ways (= the graph edge's events).")
    undated: int
    excluded: int
    series: list[DyadPeriod]
    a_to_b: DyadDirection
    b_to_a: DyadDirection
    sign: int | None = Field(description="The pair's sign (as the graph's and system's); null: none or domestic.")
    domestic: bool = Field(description="An actor and its own state, or one state at level=state: not a relation.")
    evidence: list[dict]
    relations: list[dict]


class ActorRow(_Open):
    id: str
    name: str | None
    type: str | None = Field(description="state, person, igo, group, sector; media and other are outside the network.")
    code: str | None = Field(description="CAMEO/Phoenix code (RUSGOV).")
    country: str | None
    documents: int = Field(description="Documents that name the actor.")
    events: int = Field(description="Events it is the source or target of.")


class ActorList(Page):
    actors: list[ActorRow]


class EventRef(_Open):
    actor: str | None = Field(description="The document's actor id.")
    name: str | None
    code: str | None


class Evidence(_Open):
    start: int | None = Field(description="Character offset in the document's text.")
    end: int | None
    text: str | None


class EventRow(_Open):
    """The contract's *Event* as stored, plus its document."""

    id: str
    doc_id: str | None
    doc_title: str | None
    source: EventRef | None
    target: EventRef | None
    cameo: str | None
    cameo_root: str | None
    plover: str | None
    plover_mode: str | None
    goldstein: float | None
    quad_class: int | None
    modality: str | None = Field(description="asserted, hedged, negated, desired, conditional, future, question.")
    attribution: dict | None = Field(description="Who the text attributes the claim to: {actor, text}.")
    date: str | None
    trigger: str | None
    evidence: Evidence
    confidence: float | None
    rules: dict | None = Field(description="The named rules that decided the event, its source and target.")
    location: dict | None = Field(description="Where it happened: {name, geonames_id, country, lat, lon, …}.")


class EventList(Page):
    events: list[EventRow]


class PlaceRow(_Open):
    name: str | None
    geonames_id: int | None
    country: str | None
    admin1: str | None
    feature: str | None
    lat: float | None
    lon: float | None
    events: int
    documents: int


class PlaceList(Page):
    places: list[PlaceRow]


class Mention(_Open):
    text: str
    start: int
    end: int
    method: str | None
    confidence: float | None
    rule: str | None = None


class DocumentActor(_Open):
    id: str
    name: str | None
    type: str | None
    code: str | None
    country: str | None
    mentions: list[Mention]


class DocumentRelation(_Open):
    a: str | None
    b: str | None
    sign: int | None
    modality: str | None
    evidence: Evidence


class DocumentDetail(_Open):
    """One stored document with every record found in it (no file path of the server)."""

    id: str
    title: str | None
    source: str | None
    date: str | None
    date_source: str | None
    text: str
    actors: list[DocumentActor]
    events: list[EventRow]
    relations: list[DocumentRelation]
    redactions: list[dict]
    warnings: list[str]
