"""Domestic targets: an act aimed at no one named, in a sentence about one state only, is aimed
at that state (PLOVER's convention for domestic events: ``Afghan guerrillas blew up power lines
into Kabul``, ``students throughout Indonesia staged demonstrations``)."""
from __future__ import annotations

from ..actors.resolve import ResolvedActors
from ..lexicon import sector_has, word_class
from ..nlp import sent_of
from ..syntax import reporter_tokens
from . import codebook
from .candidates import SWITCHES, Candidate, declare

RECIPIENT_PREPS = word_class("recipient_preps")

TARGET_DOMESTIC = declare("target.domestic", "target", ("parse", "actors", "sectors:state_organ",
                                                        "codebook:self_directed"), 0.4,
                          "an act with no target in a one-state sentence is aimed at that state (or its organs)")


def domestic_targets(cands: list[Candidate], actors: ResolvedActors) -> None:
    """Give the untargeted candidates of one-state sentences that state as their target."""
    if not SWITCHES.enabled(TARGET_DOMESTIC):
        return
    by_sentence: dict[int, tuple[set[str], dict[str, list[str]]]] = {}
    for c in cands:
        if c.source is None or c.target is not None or self_directed(c):
            continue
        src = actors.actors.get(c.source)
        if src is None or not src.country:
            continue
        sent = sent_of(c.trigger)
        if sent.start not in by_sentence:
            countries: set[str] = set()
            # the state itself first, else its organs named in the sentence
            # ("demonstrators rioted … removal of President X", "… seized by the government forces")
            states: dict[str, list[str]] = {}
            organs: dict[str, list[str]] = {}
            # (the reporter's nationality says nothing about where the reported act happened)
            reporters = reporter_tokens(sent)
            for i in range(sent.start, sent.end):
                a = actors.actors.get(actors.token_actor.get(i, ""))
                if a is None or not a.country or i in reporters:
                    continue
                countries.add(a.country)
                if a.type == "state" and a.code:
                    states.setdefault(a.country, []).append(a.id)
                elif a.code and sector_has(a.code[3:6], "state_organ"):
                    organs.setdefault(a.country, []).append(a.id)
            by_sentence[sent.start] = (countries, {k: states.get(k, []) + organs.get(k, []) for k in countries})
        countries, states = by_sentence[sent.start]
        if countries != {src.country}:
            continue
        src_code = src.code or ""
        for aid in states.get(src.country, []):
            a = actors.actors[aid]
            if aid != c.source and a.code != src_code:
                c.target = aid
                c.domestic_target = True
                c.rules["target"] = TARGET_DOMESTIC
                break


def self_directed(c: Candidate) -> bool:
    """A yielding act with no object (``X resigned``, ``the rebels surrendered``, ``X declared
    a unilateral ceasefire``): the actor gives something up itself; PLOVER's RETREAT/CONCEDE
    records name no recipient for it."""
    if not codebook.has(c.code, "self_directed") or c.nominal:
        return False
    return not any(t.dep_ in ("dobj", "dative") and t.pos_ in ("PROPN", "PRON") or
                   (t.dep_ == "prep" and t.lower_ in RECIPIENT_PREPS) for t in c.trigger.children)
