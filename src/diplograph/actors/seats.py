"""Which place names may stand for their state's government (``Moscow warned``, ``the man in Yerevan``).

A state's capital or a seat of power the project's state table resolves to the state may be the state as an
actor; any other town or province read as its state (a city of the dictionaries, a province) is only where
something happened. Read by the descriptor rules (``mention.descriptor_seat_leader``) and by the written-place
rule (``mention.veto_written_place``).
"""
from __future__ import annotations

from ..places.gazetteer import load_gazetteer, name_key
from .state import State


def stands_for_state(st: State, place: tuple[int, int], country: str) -> bool:
    """The words [start, end) are the state's capital (the gazetteer's PPLC of that state) or a seat of power the
    project's state table resolves to it (``Yerevan``, ``the Kremlin``)."""
    hit = st.hits.get(place[0])
    if hit is not None and hit[2].kind == "demonym" and hit[2].country == country and not hit[2].place:
        return True  # (a demonym made from a town, ``place``, is the town's state read from it: no seat)
    text = st.doc[place[0]:place[1]].text
    return any(p.fcode == "PPLC" and p.iso3 == country for p, _ in load_gazetteer().lookup(name_key(text)))
