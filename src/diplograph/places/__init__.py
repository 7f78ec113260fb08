"""The places stage: toponyms → gazetteer entries, events → where they happened.

Reads the parse, the resolved actors and the gazetteer (GeoNames, ``data/geo``); writes each
event's ``location`` (records.Location). Rules are registered in ``diplograph.rules.REGISTRY``
with stage ``places`` and kind ``place``; every location names the rule that placed it.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..records import Location, Span
from ..text.normalize import NormalizedText
from .gazetteer import Gazetteer, Place, distance_km, load_gazetteer, name_key
from .locate import DocumentPlaces, Located, document_places
from .toponyms import Toponym, find_toponyms

__all__ = ["Gazetteer", "Place", "Toponym", "DocumentPlaces", "Located", "load_gazetteer", "find_places",
           "location_record", "distance_km", "name_key"]


def find_places(sdoc: Doc, gaz: Gazetteer, actors: Any = None) -> DocumentPlaces:
    """The document's places, resolved, with the fallbacks (dateline, dominant place) its events may take."""
    return document_places(sdoc, find_toponyms(sdoc, gaz, actors), gaz, actors)


def location_record(found: Located | None, norm: NormalizedText) -> Location | None:
    """The Event's ``location``: the place, its precision, the rule and the evidence span in the original text."""
    if found is None or found.toponym.place is None:
        return None
    p = found.toponym.place
    if found.toponym.original is not None:  # the actors' state: evidence is an actor mention
        (s, e), text = found.toponym.original, found.toponym.text
    else:
        s, e, text = norm.original_span(found.toponym.start_char, found.toponym.end_char)
    return Location(name=p.name, geonames_id=p.geonames_id, country=p.iso3, admin1=p.admin1 or None,
                    lat=round(p.lat, 5), lon=round(p.lon, 5), precision=found.precision, evidence=Span(s, e, text),
                    admin2=p.admin2 or None, feature=p.fcode, code=p.code, rule=found.rule,
                    admin1_code=p.adm1 or None)


def locate_event(places: DocumentPlaces, trigger: Token, norm: NormalizedText) -> Location | None:
    return location_record(places.locate(trigger), norm)
