"""``the American envoy``, ``the top French diplomat``: a state's emissary the tables do not list.

Envoys, ambassadors and negotiators are many and the leader tables know none of them, so an earlier pass leaves
``the <nationality> envoy`` a role of its state (``Envoy of X``). A text describes so the person of that state it has
named before: the description is the one person of that state named before it who is neither a former holder (ELI)
nor the tables' holder of an office on the date (the president who sent the envoy). With none, or several, the
description stays a role of its state.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..records import Actor
from .decide import mention_rule, switched_on
from .identity import move_mentions
from .state import State

ENVOY = mention_rule("mention.office_holder_envoy", 0.5,
                     "'the American envoy' (a state's emissary, no table lists them) is the one person of that state "
                     "named before it who is no former holder and holds no office by the leader tables",
                     ("actors", "leaders", "lexicon:emissary_nouns"))


def _envoy_of(st: State, country: str, at: int, skip: str) -> Actor | None:
    fits = []
    for p in st.out.actors.values():
        if p.type != "person" or p.id == skip or p.country != country or not any(m.start < at for m in p.mentions):
            continue
        if (p.code or "").endswith("ELI") or st.tenure_title.get(p.id):
            continue  # a former holder; the tables' holder of an office (the president who sends the envoy)
        fits.append(p)
    return fits[0] if len(fits) == 1 else None


def resolve_envoys(st: State) -> None:
    if not switched_on(ENVOY):
        return
    nouns = word_class("emissary_nouns")
    for a in list(st.out.actors.values()):
        if a.type != "sector" or not a.country or not (a.code or "")[3:].startswith("GOV"):
            continue
        for m in list(a.mentions):
            words = m.text.lower().split()
            if not words or words[-1] not in nouns:
                continue
            before = st.norm.original[max(0, m.start - 12):m.start].lower().split()
            if not (words[0] == "the" or (before and before[-1] in ("the", "top") and "the" in before[-2:])):
                continue  # "the American envoy", "the top American diplomat"; not "an American envoy"
            p = _envoy_of(st, a.country, m.start, a.id)
            if p is not None and a.id in st.out.actors:
                move_mentions(st, a, p, ENVOY, only=[m], method="coref")
