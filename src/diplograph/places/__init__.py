"""The places stage: toponyms → gazetteer entries, events → where they happened.

Reads the parse, the resolved actors and the gazetteer (GeoNames, ``data/geo``); writes each
event's ``location`` (records.Location). Rules are registered in ``diplograph.rules.REGISTRY``
with stage ``places`` and kind ``place``; every location names the rule that placed it.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..nlp import tokens_of
from ..records import Location, Span
from ..text.normalize import NormalizedText
from .gazetteer import Gazetteer, Place, distance_km, load_gazetteer, name_key
from .locate import DocumentPlaces, Located, document_places
from .settling import settle
from .toponyms import Toponym, find_toponyms, state_actor_at

__all__ = ["Gazetteer", "Place", "Toponym", "DocumentPlaces", "Located", "load_gazetteer", "find_places",
           "location_record", "distance_km", "name_key", "read_toponyms", "toponyms_of", "TOPONYMS"]


# The document's toponyms, found and resolved right after the parse (``read_toponyms``), before the
# actor stage: its rules read where things happen (``toponyms_of``); the places stage reuses them.
TOPONYMS = "diplograph_toponyms"
if not Doc.has_extension(TOPONYMS):
    Doc.set_extension(TOPONYMS, default=None)


def read_toponyms(sdoc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """Find and resolve the document's place names from the parse and the gazetteer alone (no
    actors yet) and keep them on the ``Doc`` for the later stages."""
    found = find_toponyms(sdoc, gaz)
    setattr(sdoc._, TOPONYMS, (len(sdoc), found))
    return found


def toponyms_of(sdoc: Doc) -> list[Toponym] | None:
    """The toponyms ``read_toponyms`` kept on the document (None: not read). A later stage that
    merged tokens (``Jae-myung``) moved token indices: the names are found again by their characters."""
    kept = getattr(sdoc._, TOPONYMS)
    if kept is None:
        return None
    n, found = kept
    if n != len(sdoc):
        for t in found:
            if t.start < 0:
                continue
            span = sdoc.char_span(t.start_char, t.end_char, alignment_mode="expand")
            if span is not None:
                t.start, t.end = span.start, span.end
        setattr(sdoc._, TOPONYMS, (len(sdoc), found))
    return found


def find_places(sdoc: Doc, gaz: Gazetteer, actors: Any = None) -> DocumentPlaces:
    """The document's places, resolved, with the fallbacks (dateline, dominant place) its events may take.
    Toponyms already read from the parse are not found again: the actors' states are added to them
    and every name is read again with the actors as context."""
    found = toponyms_of(sdoc)
    if found is None:
        found = find_toponyms(sdoc, gaz, actors)
    elif actors is not None:
        found = with_actors(sdoc, found, gaz, actors)
        setattr(sdoc._, TOPONYMS, (len(sdoc), found))
    return document_places(sdoc, found, gaz, actors)


def with_actors(sdoc: Doc, found: list[Toponym], gaz: Gazetteer, actors: Any) -> list[Toponym]:
    """The toponyms read again in the light of the actors: a state the actor stage resolved and the
    gazetteer does not spell (``the DRC``) is added where it is written as a place, and the actors'
    states become context of every reading."""
    toks = tokens_of(sdoc)
    token_actor = getattr(actors, "token_actor", {})
    actor_map = getattr(actors, "actors", {})
    covered = {i for t in found for i in range(t.start, t.end)}
    list_ends = {t.end + (1 if t.level_wanted is not None else 0) for t in found}
    extra = []
    for i in sorted(token_actor):
        if i in covered or (i > 0 and token_actor.get(i - 1) == token_actor[i]):
            continue
        in_list = i > 1 and toks[i - 1].text in (",", "(") and (i - 1) in list_ends
        t = state_actor_at(toks, i, in_list, gaz, token_actor, actor_map)
        if t is not None:
            extra.append(t)
    if extra:
        found = sorted(found + extra, key=lambda t: t.start)
    settle(found, toks, gaz, actors)
    return found


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
