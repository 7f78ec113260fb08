"""Censored titles read from a place next to the redaction: ``the Lakeport ** X`` (a town's mayor, a region's
governor), ``Bavaria's ** X`` (a region of a state that styles its heads otherwise: premier, minister-president,
chief minister; ``data/kb/regional_titles.tsv``), ``Chad's ** in Paris`` / ``the ** to the United Nations`` (a
state's envoy posted in another state or to an international body: ambassador). Each rule only proposes to the
title model (:mod:`.title_choice`); split from :mod:`.redactions`, which finds whom a redaction describes.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import table
from ..places import load_gazetteer, name_key, toponyms_of
from .decide import mention_rule
from .state import state_at
from .title_context import Redacted

REGION_OFFICE = mention_rule("mention.title_region_office", 0.62,
                             "a censored title right after a region of a state that styles its regions' heads "
                             "otherwise than governor is that style (kb/regional_titles.tsv)",
                             ("places", "gazetteer", "kb:regional_titles"))
PLACE_OFFICE = mention_rule("mention.title_place_office", 0.6,
                            "a censored title right after a town or a region (the Lakeport ** X) is that place's "
                            "office: mayor of a town, governor of a region (below the leader tables' office)",
                            ("places", "gazetteer"))

ENVOY_POST = mention_rule("mention.title_envoy_post", 0.7,
                          "a censored title followed by 'in'/'to' and another state than the person's or the "
                          "descriptor's, or an international body (Chad's ** in France, the ** to the UN), is "
                          "that state's envoy there: ambassador", ("kb",))


def _place_before(r: Redacted):
    """``the Istanbul ** X`` / ``Bavaria's ** X``: the place named right before the redaction. The places stage's
    reading of the name first, else the gazetteer's most populous entry of a capitalised name (a name before a
    title is often read as part of the person's name, not as a place)."""
    doc, t = r.st.doc, r.token
    end = t - 1 if t >= 2 and doc[t - 1].lower_ in ("'s", "’s") else t
    place = None
    for top in toponyms_of(doc) or []:
        if top.end == end and top.place is not None:  # (read as standing for an actor: it modifies the title)
            place = top.place
    before = doc[end - 1].text if end >= 1 else ""
    if place is None and before[:1].isupper() and doc[end - 1].pos_ == "PROPN" and (
            r.person is None or before not in r.person.name.split()):  # not a word of the person's own name
        found = load_gazetteer().lookup(name_key(before))
        if found:
            place = max((p for p, _ in found), key=lambda p: p.population)
    return place


def place_office(r: Redacted) -> str | None:
    """A town's office is mayor, an admin region's governor; a country's name is a state's word (the state rules
    read it)."""
    place = _place_before(r)
    if place is None or place.level == 0:
        return None
    return "governor" if place.level in (1, 2) else "mayor"


@lru_cache(maxsize=1)
def _regional_titles() -> dict[str, tuple[str, ...]]:
    return {row["country"]: tuple(x.strip() for x in row["titles"].split("|") if x.strip())
            for row in table("kb", "regional_titles.tsv")}


def region_office(r: Redacted) -> list[str] | None:
    """``Bavaria's ** X``: the head of a region of a state that styles it otherwise than governor
    (``data/kb/regional_titles.tsv``: premier, minister-president, chief minister …)."""
    place = _place_before(r)
    if place is None or place.level not in (1, 2):
        return None
    return list(_regional_titles().get(place.code, ())) or None


def envoy_post(r: Redacted) -> list[str] | None:
    """``Ukraine's ** in Britain, X`` / ``X, the Chadian ** to France`` / ``the ** to the United Nations``: the
    redaction is followed by ``in``/``to`` and a state other than the one the person or the descriptor belongs to,
    or an international body — the person is their state's envoy there. Abstains without a state of their own to
    tell the host from (``the ** in Britain`` could be anyone's office there)."""
    st, doc, t = r.st, r.st.doc, r.token
    own = r.state or (r.person.country if r.person is not None else None)
    if own is None or t + 2 >= len(doc) or doc[t + 1].lower_ not in ("in", "to"):
        return None
    for j in range(t + 2, min(len(doc), t + 5)):
        if doc[j].text in (",", ".", ";", ":"):
            break
        host = state_at(st, j)
        span = st.hits.get(j)
        body = span is not None and span[2].kind == "actor" and span[2].entry is not None and (
            span[2].entry.code_on(st.on) or "").startswith("IGO")
        if body or host is not None and host != own:
            return ["ambassador", "envoy"]
        if host is not None:
            return None  # its own state: an office at home
    return None
