"""Document → DocumentAnalysis: the stages in order, data flowing one way.

normalize → parse → resolve_mentions → code_events → claims (modality, attribution,
dates, relation states) → records. The spaCy model, the knowledge base and the verb
dictionary are loaded once per ``Pipeline``.
"""
from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from . import nlp
from .actors.event_located import locate_by_events
from .actors.hyphens import join_hyphenated_names
from .actors.kb import KnowledgeBase, build_kb, parse_iso_date
from .actors.resolve import ResolvedActors, resolve_mentions
from .cache import cached
from .claims.cues import prepare as prepare_cues
from .claims.cues import TokenCue, find_cues
from .claims.attribution import Quotation, attribution_of, quotations
from .claims.commitment import Commitment, commitment_of, value_of
from .claims.modality import cue_index, modality_of
from .chunking import merge_analyses, shift, split_text
from .claims.relations import find_relation_states
from .claims.scope import cue_scope
from .claims.timing import DatedExpression, date_of, time_expressions
from .data import data_path
from .events.codebook import Codebook, load_codebook
from .events.coder import Candidate, code_events
from .events.report_subjects import repair_report_subjects
from .events.market import apply_market_rules, apply_market_story
from .events.typerule import TYPE_MODEL, apply_type_model
from .events.violence import apply_violence_rules
from .events.witness import WITNESS_FRAME, apply_witness_frame
from .events import verbs as verbs_module
from .events.verbs import VerbDictionary, read_verb_dictionary
from .errors import Warnings
from .gc_pause import paused_gc
from .places import DocumentPlaces, Gazetteer, find_places, load_gazetteer, locate_event, read_toponyms
from .records import Attribution, Cue, Document, DocumentAnalysis, Event, Redaction, Ref, Relation, Span
from .text.dates import find_dateline
from .text.normalize import NormalizedText, normalize
from .triads import document_triads


@dataclass
class Options:
    date: date | None = None  # --date: the date of documents that have none of their own (input or dateline)
    override_date: date | None = None  # --override-date: replaces every document's own date
    actor_files: list[Path] = field(default_factory=list)
    agent_files: list[Path] = field(default_factory=list)
    verb_files: list[Path] = field(default_factory=list)
    fast: bool = False
    batch_size: int = 16
    chunk_chars: int = 30_000  # longer documents are analysed in chunks (chunking.py); a parser batch stays small


def _load_verbs(files: list[Path]) -> VerbDictionary:
    """User verb files replace the shipped CAMEO dictionary; the name ``default`` among them
    stands for the shipped one, so ``--verbs mine.txt --verbs default`` extends it (earlier
    files win)."""
    vd = VerbDictionary()
    shipped = data_path("phoenix", "CAMEO.2.0.txt")
    for f in files or [Path("default")]:
        if str(f) == "default":  # its 2 malformed lines are skipped quietly
            vd.extend(cached("verbs", [shipped, Path(verbs_module.__file__)], lambda: read_verb_dictionary(shipped, [])))
        else:
            vd.extend(read_verb_dictionary(f, vd.problems))
    return vd


def _unknown_code_notes(files: list[Path], vd: VerbDictionary, codebook: Codebook) -> list[str]:
    """One warning for all the codes of the user's verb files that CAMEO does not have."""
    if not files or all(str(f) == "default" for f in files):
        return []
    unknown = codebook.unknown(vd.codes())
    if not unknown:
        return []
    names = ", ".join(str(f) for f in files if str(f) != "default")
    return [Warnings.W005.format(path=names, codes=" ".join(unknown))]


class Pipeline:
    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        o = self.options
        with paused_gc():  # long-lived objects only: collecting while building them is wasted work
            # spaCy first: its load turns the collector back on for a while (nlp.load), and then
            # each pass would walk the knowledge base too if that were already built
            self.nlp = nlp.load(o.fast)
            self.kb: KnowledgeBase = build_kb(o.actor_files, o.agent_files, replace=bool(o.actor_files))
            self.verbs: VerbDictionary = _load_verbs(o.verb_files)
            self.codebook: Codebook = load_codebook()
            self.gazetteer: Gazetteer = load_gazetteer()
            prepare_cues(self.nlp.vocab)  # before any memory zone: its strings must outlive every task
        self.notes: list[str] = _unknown_code_notes(o.verb_files, self.verbs, self.codebook)
        # the learned type model knows CAMEO: a user's own verb dictionary (own codes, own
        # ontology) is coded by its dictionary alone, unless it extends the shipped one
        self.type_model = not o.verb_files or any(str(f) == "default" for f in o.verb_files)

    @property
    def problems(self) -> list[str]:
        return [str(p) for p in self.kb.problems + self.verbs.problems] + self.notes

    def analyze(self, docs: Iterable[Document]) -> Iterator[DocumentAnalysis]:
        """One analysis per document, streaming; long documents go through in chunks."""
        units_a, units_b = itertools.tee(self._units(docs))
        parts: list[tuple[int, DocumentAnalysis]] = []
        for (doc, offset, last, unit, dated), a in zip(units_b, self._analyze_units(u[3] for u in units_a)):
            if unit is doc:
                yield a
                continue
            parts.append((offset, a))
            if last:
                merged = merge_analyses(doc.id, parts, document_triads)
                merged.date, merged.date_source = dated
                parts = []
                yield merged

    def _units(self, docs: Iterable[Document]) -> Iterator[tuple[Document, int, bool, Document, tuple]]:
        """(document, offset, last, unit, (date, date source)): a short document is its own unit."""
        size = self.options.chunk_chars
        for doc in docs:
            if len(doc.text) <= size:
                yield doc, 0, True, doc, (None, None)
                continue
            spans = split_text(doc.text, size)
            when, source = self._document_date(doc, normalize(doc.text[:spans[0][1]]))
            dated = (when.isoformat() if when else None, source)
            for k, (s, e) in enumerate(spans):
                unit = Document(f"{doc.id}@{s}", doc.text[s:e], when.isoformat() if when else doc.date,
                                doc.title, doc.source, doc.path, doc.warnings)
                yield doc, s, k == len(spans) - 1, unit, dated

    def _analyze_units(self, docs: Iterable[Document]) -> Iterator[DocumentAnalysis]:
        docs_a, docs_b = itertools.tee(docs)
        norms = (normalize(d.text) for d in docs_a)
        norms_a, norms_b = itertools.tee(norms)
        parsed = self.nlp.pipe((n.text for n in norms_a), batch_size=self.options.batch_size)
        for doc, norm, sdoc in zip(docs_b, norms_b, parsed):
            yield self.analyze_parsed(doc, norm, sdoc)

    def analyze_one(self, doc: Document) -> DocumentAnalysis:
        return next(self.analyze([doc]))

    def analyze_parsed(self, doc: Document, norm: NormalizedText, sdoc: Doc) -> DocumentAnalysis:
        when, source = self._document_date(doc, norm)
        join_hyphenated_names(sdoc)  # names stay whole (Jae-myung) before any stage reads the tokens
        repair_report_subjects(sdoc)  # a report's subject the parser hung on its fronted places
        read_toponyms(sdoc, self.gazetteer)  # where things happen, for the actor rules too
        actors = resolve_mentions(sdoc, norm, self.kb, when)
        candidates = code_events(sdoc, actors, self.verbs)
        if self.type_model:
            # the parties decide which violence it is, for the coder's codes and the model's alike
            candidates = apply_type_model(sdoc, actors, apply_violence_rules(actors, candidates))
            apply_violence_rules(actors, [c for c in candidates if c.rules.get("event") == TYPE_MODEL])
        candidates = apply_market_rules(candidates)  # market and trade figures are no acts, whoever read them
        if self.type_model:
            candidates = apply_market_story(sdoc, actors, candidates)
        candidates = apply_witness_frame(candidates)  # "monitors observed shelling": they did not shell
        places = find_places(sdoc, self.gazetteer, actors) if candidates else None
        # the claim cues give events and relation states their modality and attribution: read only for a
        # text that has either (307 of the benchmarks' 400 Reuters stories have neither)
        cues = find_cues(sdoc) if candidates else None
        analysis = DocumentAnalysis(doc.id, when.isoformat() if when else None, source)
        analysis.events = self._events(doc, norm, sdoc, actors, candidates, cues or [], when, places)
        locate_by_events(actors, analysis.events, self.kb)  # stateless parties: where their events happen
        analysis.actors = sorted(actors.actors.values(), key=lambda a: (-len(a.mentions), a.id))
        analysis.relations = self._relations(norm, sdoc, actors, cues)
        analysis.redactions = _redactions(norm, actors)
        analysis.triads = document_triads(analysis)
        analysis.warnings = list(doc.warnings) + list(actors.warnings)
        if when is None:
            analysis.warnings.append("no document date: pass --date or a \"date\" field; relative dates unresolved")
        return analysis

    def _document_date(self, doc: Document, norm: NormalizedText) -> tuple[date | None, str | None]:
        """The document's own date (its input field, else a dateline), else the date given to fill
        in a missing one; an override date replaces them all."""
        if self.options.override_date is not None:
            return self.options.override_date, "option"
        d = parse_iso_date(doc.date)
        if d is not None:
            return d, "input"
        d = find_dateline(norm.text)
        if d is not None:
            return d, "dateline"
        if self.options.date is not None:
            return self.options.date, "option"
        return None, None

    def _ref(self, aid: str | None, actors: ResolvedActors, sdoc: Doc, norm: NormalizedText,
             near: int) -> Ref | None:
        if aid is None:
            return None
        a = actors.actors[aid]
        # the mention text nearest the trigger, for the Ref's "text"
        sent = nlp.sentence_of(sdoc, near)
        tok_text = next((norm.original_span(t.idx, t.idx + len(t))[2] for t in sent
                         if actors.token_actor.get(t.i) == aid), a.name)
        return Ref(a.id, a.name, a.code, tok_text)

    def _events(self, doc: Document, norm: NormalizedText, sdoc: Doc, actors: ResolvedActors,
                candidates: list[Candidate], cues: list[TokenCue], when: date | None,
                places: DocumentPlaces | None = None) -> list[Event]:
        if not candidates:
            return []
        index = cue_index(cues)
        expressions: list[DatedExpression] = time_expressions(sdoc, when)
        quotes = quotations(sdoc, index)
        events: list[Event] = []
        seen: set[tuple] = set()
        for c in sorted(candidates, key=lambda c: -c.confidence):
            sent = nlp.sent_of(c.trigger)
            key = (sent.start, c.source, c.target)
            if key in seen:  # one event per (source, target) pair in a sentence
                continue
            seen.add(key)
            entry = self.codebook.entry(c.code)
            s, e, text = norm.original_span(sent.start_char, sent.end_char)
            ts, te, trig = norm.original_span(c.trigger.idx, c.trigger.idx + len(c.trigger))
            attribution = self._attribution(c.trigger, index, quotes, actors, norm)
            event_date, date_text = when.isoformat() if when else None, None
            expression = date_of(c.trigger, expressions)
            if expression is not None:
                event_date = expression.date.isoformat()
                date_text = norm.original_span(expression.start, expression.end)[2]
            eid = hashlib.sha1(f"{doc.id}|{ts}|{c.source}|{c.target}|{c.code}".encode()).hexdigest()[:16]
            events.append(Event(
                id=eid,
                source=self._ref(c.source, actors, sdoc, norm, c.trigger.i),
                target=self._ref(c.target, actors, sdoc, norm, c.trigger.i),
                cameo=entry.code, cameo_root=entry.root, plover=entry.plover, plover_mode=entry.plover_mode,
                goldstein=entry.goldstein, quad_class=entry.quad_class,
                modality=_modality(c, index), attribution=attribution, date=event_date,
                trigger=trig, evidence=Span(s, e, text), confidence=round(c.confidence, 2), date_text=date_text,
                rules=_rules(c),
                location=locate_event(places, c.trigger, norm) if places is not None else None,
                commitment=_commitment(c),
            ))
        events.sort(key=lambda ev: (ev.evidence.start, -ev.confidence))
        return events

    @staticmethod
    def _attribution(trigger, index, quotes: list[Quotation], actors: ResolvedActors,
                     norm: NormalizedText) -> Attribution | None:
        src = attribution_of(trigger, index, quotes)
        if src is None:
            return None
        aid = next((actors.token_actor[t.i] for t in src.tokens if t.i in actors.token_actor), None)
        return Attribution(aid, norm.original_span(src.start, src.end)[2], src.vague, src.rule)

    def _relations(self, norm: NormalizedText, sdoc: Doc, actors: ResolvedActors,
                   cues: list[TokenCue] | None) -> list[Relation]:
        """The relation states, with their modality; ``cues`` None: not read yet (read here if needed)."""
        states = find_relation_states(sdoc, actors)
        if not states:
            return []
        index = cue_index(cues if cues is not None else find_cues(sdoc))
        out = []
        for r in states:
            sent = nlp.sent_of(r.word)
            s, e, text = norm.original_span(sent.start_char, sent.end_char)
            modality = modality_of(r.word, index)
            if r.negated and modality == "negated":
                modality = "asserted"  # the negation is already in the sign
            out.append(Relation(r.a, r.b, r.sign, modality, Span(s, e, text)))
        return out

    def cues(self, docs: Iterable[Document]) -> Iterator[list[Cue]]:
        """The claim cues of each document; long documents go through in chunks."""
        units_a, units_b = itertools.tee(self._units(docs))
        found: list[Cue] = []
        for (_, offset, last, _, _), cues in zip(units_b, self._unit_cues(u[3] for u in units_a)):
            found.extend(shift(cues, offset))
            if last:
                yield found
                found = []

    def _unit_cues(self, docs: Iterable[Document]) -> Iterator[list[Cue]]:
        docs_a, docs_b = itertools.tee(docs)
        norms_a, norms_b = itertools.tee(normalize(d.text) for d in docs_a)
        for norm, sdoc in zip(norms_b, self.nlp.pipe((n.text for n in norms_a), batch_size=self.options.batch_size)):
            out = []
            for c in find_cues(sdoc):
                span = sdoc[c.start:c.end]
                s, e, text = norm.original_span(span.start_char, span.end_char)
                scope = cue_scope(sdoc, c.start, c.end, c.type)
                if scope is not None:
                    inner = sdoc[scope[0]:scope[1]]
                    scope = Span(*norm.original_span(inner.start_char, inner.end_char))
                out.append(Cue(text, s, e, c.type, scope, c.rule))
            yield out


def _redactions(norm: NormalizedText, actors: ResolvedActors) -> list[Redaction]:
    """The normalize stage's redactions with the words the actor stage restored (each stage keeps its own record)."""
    return [Redaction(r.start, r.end, r.text, actors.restored.get(k, r.restored), actors.restored_by.get(k))
            for k, r in enumerate(norm.redactions)]


def _rules(c: Candidate) -> dict[str, str | None]:
    """The named rules that decided the event's code, source and target (``Event.rules``)."""
    # a witness's verb keeps the rule that dropped its source (the actor stage's late pass reads it)
    dropped = c.rules.get("source") == WITNESS_FRAME
    return {"event": c.rules.get("event"), "source": c.rules.get("source") if c.source or dropped else None,
            "target": c.rules.get("target") if c.target else None}


def _modality(c: Candidate, index) -> str:
    m = modality_of(c.trigger, index)
    if m == "negated" and c.negation_absorbed:
        return "asserted"  # "X would not accept Y" was coded as a rejection: the negation is in the code
    return m


def _commitment(c: Candidate) -> dict[str, object]:
    found = commitment_of(c.trigger)
    if c.negation_absorbed:  # coded as the opposite act: the negation is in the code
        found = Commitment(value_of(-found.score), -found.score)
    return found.to_dict()
