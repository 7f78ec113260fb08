"""Mentions → actors: find every phrase that names an actor and resolve it.

Reads the spaCy ``Doc`` (tokens, entities) and the knowledge base; writes the document's
``Actor`` records (each with its mentions in original offsets) and a token → actor map
that the event stage reads. Methods: ``kb`` (a dictionary phrase), ``dictionary`` (a
user dictionary), ``role`` (country + sector noun such as ``Russian troops``),
``alias`` (a surname of a person named in full elsewhere in the document),
``learned`` (a named entity the knowledge base does not know: kept, unresolved).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from ..records import Actor, Mention
from ..text.normalize import PLACEHOLDER, NormalizedText
from .kb import KBHit, KnowledgeBase, is_person_entry

_CAPITALISED = re.compile(r"^[A-Z]")


@dataclass
class ResolvedActors:
    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)  # token index → actor id
    warnings: list[str] = field(default_factory=list)

    def actor_at(self, i: int) -> Actor | None:
        aid = self.token_actor.get(i)
        return self.actors.get(aid) if aid else None


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"


def _words(doc: Doc) -> tuple[list[str], list[str]]:
    texts = [t.text.upper() for t in doc]
    lemmas = [t.lemma_.upper() if t.lemma_ else t.text.upper() for t in doc]
    return texts, lemmas


def resolve_mentions(doc: Doc, norm: NormalizedText, kb: KnowledgeBase, on: date | None) -> ResolvedActors:
    out = ResolvedActors()
    texts, lemmas = _words(doc)
    i = 0
    spans: list[tuple[int, int, KBHit, str]] = []  # token start, end, hit, method
    while i < len(doc):
        m = kb.longest_match(texts, i) or kb.longest_match(lemmas, i)
        if m is None:
            i += 1
            continue
        end, hit = m
        first = doc[i]
        # Actors and demonyms are proper names: require a capital (avoids "turkey", "chad").
        if hit.kind in ("actor", "demonym") and not _CAPITALISED.match(first.text):
            i += 1
            continue
        if hit.kind == "agent" and first.pos_ not in ("NOUN", "PROPN", "ADJ"):
            i += 1
            continue
        spans.append((i, end, hit, "kb"))
        i = end
    _add_spans(doc, norm, spans, on, out, kb)
    _add_surnames(doc, norm, kb, on, out)
    _add_unknown_entities(doc, norm, out)
    return out


def _entry_actor(hit: KBHit, on: date | None, kb: KnowledgeBase | None = None) -> tuple[str, str, str, str | None, str | None]:
    """(id, name, type, code, country) of a knowledge-base hit."""
    if hit.kind == "demonym":
        state = kb.countries.get(hit.country or "") if kb else None
        name = state.name if state else (hit.country or "")
        return slug(name), name, "state", hit.country, hit.country
    e = hit.entry
    assert e is not None
    code = e.code_on(on)
    name = e.name
    if code and code.startswith("IGO"):
        typ, country = "igo", None
    elif code and len(code) == 3:
        typ, country = "state", code
    elif is_person_entry(e):
        typ, country = "person", code[:3] if code else None
    else:
        typ, country = "group", code[:3] if code else None
    return slug(name), name, typ, code, country


def _add_mention(out: ResolvedActors, doc: Doc, norm: NormalizedText, start: int, end: int,
                 key: tuple[str, str, str, str | None, str | None], method: str, conf: float) -> None:
    aid, name, typ, code, country = key
    actor = out.actors.get(aid)
    if actor is None:
        actor = out.actors[aid] = Actor(aid, name, typ, code, country, [])
    span = doc[start:end]
    s, e, text = norm.original_span(span.start_char, span.end_char)
    actor.mentions.append(Mention(text, s, e, method, conf))
    for t in range(start, end):
        out.token_actor[t] = aid


def _country_of_modifiers(doc: Doc, noun: int, hits: dict[int, KBHit], on: date | None) -> str | None:
    """Country of a sector noun from its modifiers: ``Russian troops``, ``Russia's army``."""
    for child in doc[noun].children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in hits:
            h = hits[child.i]
            if h.kind == "demonym":
                return h.country
            if h.kind == "actor" and h.entry:
                code = h.entry.code_on(on)
                if code and len(code) >= 3 and not code.startswith("IGO"):
                    return code[:3]
    return None


def _add_spans(doc: Doc, norm: NormalizedText, spans: list[tuple[int, int, KBHit, str]],
               on: date | None, out: ResolvedActors, kb: KnowledgeBase) -> None:
    hits = {t: h for s, e, h, _ in spans for t in range(s, e)}
    for start, end, hit, method in spans:
        if hit.kind == "agent":
            assert hit.agent is not None
            country = _country_of_modifiers(doc, end - 1, hits, on)
            code = hit.agent.combine(country)
            name = f"{country + ' ' if country else ''}{hit.agent.phrase.strip('_').replace('_', ' ').lower()}"
            s0 = min([start] + [c.i for c in doc[end - 1].children if c.i in hits and c.i < start])
            key = (slug(name), name, "sector", code, country)
            _add_mention(out, doc, norm, s0, end, key, "role" if country else "kb", 0.8 if country else 0.5)
            continue
        # A demonym that modifies a noun of another actor is part of that actor, not a mention of the state.
        if hit.kind == "demonym" and doc[end - 1].dep_ in ("amod", "compound") and doc[end - 1].head.i in hits:
            continue
        _add_mention(out, doc, norm, start, end, _entry_actor(hit, on, kb), method, 0.9)


def _add_surnames(doc: Doc, norm: NormalizedText, kb: KnowledgeBase, on: date | None, out: ResolvedActors) -> None:
    """A capitalised token not yet resolved that is the surname of a person the KB knows.

    Preferred: a person already named in full in this document (``alias``). Otherwise a
    surname that only one KB person has (``kb``, lower confidence).
    """
    in_doc = {a.name.split()[-1].upper(): a for a in out.actors.values() if a.type == "person"}
    for t in doc:
        if t.i in out.token_actor or t.pos_ != "PROPN" or not _CAPITALISED.match(t.text):
            continue
        w = t.text.upper()
        if w in in_doc:
            a = in_doc[w]
            _add_mention(out, doc, norm, t.i, t.i + 1, (a.id, a.name, a.type, a.code, a.country), "alias", 0.85)
            continue
        cands = kb.surnames.get(w, [])
        if len(cands) == 1:
            _add_mention(out, doc, norm, t.i, t.i + 1, _entry_actor(KBHit("actor", entry=cands[0]), on), "kb", 0.6)


def _add_unknown_entities(doc: Doc, norm: NormalizedText, out: ResolvedActors) -> None:
    """Named entities the KB does not know stay visible as unresolved actors."""
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if any(t.i in out.token_actor for t in ent) or PLACEHOLDER in ent.text:
            continue
        name = ent.text
        typ = {"PERSON": "person", "ORG": "group", "GPE": "state", "NORP": "group"}[ent.label_]
        _add_mention(out, doc, norm, ent.start, ent.end, (slug(name), name, typ, None, None), "learned", 0.3)
