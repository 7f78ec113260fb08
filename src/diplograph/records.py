"""The data model of diplograph (see DESIGN.md, "Contracts").

Plain dataclasses with ``to_dict``/``from_dict`` so every record serialises to the JSON
shapes of the contract and back. Offsets are always character offsets into the
*original* input text of the document.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

MODALITIES = ("asserted", "hedged", "negated", "desired", "conditional", "future", "question")
CUE_TYPES = ("speculation", "negation", "condition", "desire", "attribution", "question", "future")
MENTION_METHODS = ("kb", "dictionary", "role", "alias", "fuzzy", "coref", "learned", "unresolved")


# type → its dataclass field names, or None: ``dataclasses.fields`` on every object cost the
# single writer more than building the rows of its batch (every stored analysis is serialised)
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(t: type) -> tuple[str, ...] | None:
    names = _FIELD_NAMES.get(t, ())
    if names == ():
        names = _FIELD_NAMES[t] = (tuple(f.name for f in dataclasses.fields(t))
                                   if dataclasses.is_dataclass(t) and not issubclass(t, type) else None)
    return names


def _asdict(obj: Any) -> Any:
    names = _field_names(type(obj))
    if names is not None:
        return {n: _asdict(getattr(obj, n)) for n in names}
    if isinstance(obj, (list, tuple)):
        return [_asdict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _asdict(v) for k, v in obj.items()}
    if isinstance(obj, type) and dataclasses.is_dataclass(obj):  # a dataclass itself, as before
        return {f.name: _asdict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    return obj


class Record:
    """Mixin: JSON round-trip for the dataclasses below."""

    def to_dict(self) -> dict[str, Any]:
        return _asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass
class Document(Record):
    id: str
    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    path: str | None = None
    warnings: list[str] = field(default_factory=list)  # from reading it (encoding guessed, HTML…)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        return cls(**{k: d.get(k) for k in ("id", "text", "date", "title", "source", "path")})


@dataclass
class Span(Record):
    start: int
    end: int
    text: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(int(d["start"]), int(d["end"]), d["text"])


@dataclass
class Mention(Record):
    text: str
    start: int
    end: int
    method: str
    confidence: float
    rule: str | None = None  # the named rule (diplograph.rules) that resolved it; method is its family

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Mention":
        return cls(d["text"], int(d["start"]), int(d["end"]), d["method"], float(d["confidence"]), d.get("rule"))


@dataclass
class Actor(Record):
    id: str
    name: str
    type: str  # person | state | igo | group | sector | unknown
    code: str | None = None
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Actor":
        return cls(
            d["id"], d["name"], d["type"], d.get("code"), d.get("country"),
            [Mention.from_dict(m) for m in d.get("mentions", [])],
        )


@dataclass
class Ref(Record):
    actor: str | None
    name: str
    code: str | None
    text: str

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Ref | None":
        if d is None:
            return None
        return cls(d.get("actor"), d["name"], d.get("code"), d["text"])


@dataclass
class Attribution(Record):
    actor: str | None
    text: str
    vague: bool | None = None  # the source names nobody ("some critics", "it is believed", "reportedly")
    rule: str | None = None  # the named rule that found the source (diplograph.rules)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Attribution | None":
        return None if d is None else cls(d.get("actor"), d["text"], d.get("vague"), d.get("rule"))


PRECISIONS = ("exact", "near", "region", "country")


@dataclass
class Location(Record):
    """Where an event happened (the places stage): a gazetteer entry, how precisely the text
    places the event there (ACLED-like: exact, near, region, country) and the words it came from."""

    name: str
    geonames_id: int | None
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    lat: float
    lon: float
    precision: str  # one of PRECISIONS
    evidence: Span
    admin2: str | None = None
    feature: str | None = None  # GeoNames feature code: PPLC, PPL, ADM1, ADM2, PCLI
    code: str | None = None  # the state's CAMEO/Phoenix code
    rule: str | None = None  # the named rule that placed the event (diplograph.rules)
    admin1_code: str | None = None  # GeoNames' admin-1 code (GDELT's ADM1Code is the FIPS country + it)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Location | None":
        if d is None:
            return None
        return cls(d["name"], d.get("geonames_id"), d.get("country"), d.get("admin1"), float(d["lat"]),
                   float(d["lon"]), d["precision"], Span.from_dict(d["evidence"]), d.get("admin2"),
                   d.get("feature"), d.get("code"), d.get("rule"), d.get("admin1_code"))


@dataclass
class Event(Record):
    id: str
    source: Ref | None
    target: Ref | None
    cameo: str
    cameo_root: str
    plover: str | None
    plover_mode: str | None
    goldstein: float | None  # None for a user's code outside CAMEO (passed through as given)
    quad_class: int | None
    modality: str
    attribution: Attribution | None
    date: str | None
    trigger: str
    evidence: Span
    confidence: float
    date_text: str | None = None  # the time expression the date was resolved from; None: the document date
    # which named rules decided it (diplograph.rules): {"event": …, "source": …, "target": …}
    rules: dict[str, str | None] | None = None
    location: Location | None = None  # where it happened (the places stage), if the text says
    # the writer's commitment to the event: {"value": "true|false|uncertain", "score": -1..1} (claims/commitment.py)
    commitment: dict[str, Any] | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        return cls(
            d["id"], Ref.from_dict(d.get("source")), Ref.from_dict(d.get("target")),
            d["cameo"], d["cameo_root"], d.get("plover"), d.get("plover_mode"),
            None if d.get("goldstein") is None else float(d["goldstein"]),
            None if d.get("quad_class") is None else int(d["quad_class"]), d["modality"],
            Attribution.from_dict(d.get("attribution")), d.get("date"), d["trigger"],
            Span.from_dict(d["evidence"]), float(d["confidence"]), d.get("date_text"),
            dict(d["rules"]) if d.get("rules") else None, Location.from_dict(d.get("location")),
            dict(d["commitment"]) if d.get("commitment") else None,
        )


@dataclass
class Relation(Record):
    a: str
    b: str
    sign: int
    modality: str
    evidence: Span

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Relation":
        return cls(d["a"], d["b"], int(d["sign"]), d["modality"], Span.from_dict(d["evidence"]))


@dataclass
class Redaction(Record):
    start: int
    end: int
    text: str
    restored: str | None
    rule: str | None = None  # the title rule that restored it (provenance, like ``Mention.rule``)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Redaction":
        return cls(int(d["start"]), int(d["end"]), d["text"], d.get("restored"), d.get("rule"))


@dataclass
class Triad(Record):
    actors: list[str]
    signs: list[int]
    balanced: bool
    reading: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Triad":
        return cls(list(d["actors"]), [int(s) for s in d["signs"]], bool(d["balanced"]), d["reading"])


@dataclass
class Cue(Record):
    text: str
    start: int
    end: int
    type: str
    scope: Span | None = None  # the words the cue governs (its clause, complement or object), if found
    rule: str | None = None  # the named rule that proposed it (diplograph.rules)


@dataclass
class DocumentAnalysis(Record):
    doc_id: str
    date: str | None
    date_source: str | None  # input | option | dateline | None
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    redactions: list[Redaction] = field(default_factory=list)
    triads: list[Triad] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DocumentAnalysis":
        return cls(
            d["doc_id"], d.get("date"), d.get("date_source"),
            [Actor.from_dict(a) for a in d.get("actors", [])],
            [Event.from_dict(e) for e in d.get("events", [])],
            [Relation.from_dict(r) for r in d.get("relations", [])],
            [Redaction.from_dict(r) for r in d.get("redactions", [])],
            [Triad.from_dict(t) for t in d.get("triads", [])],
            list(d.get("warnings", [])),
        )
