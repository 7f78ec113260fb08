"""The readable report of one document: a short summary, then the tables.

:func:`build_report` turns a *DocumentAnalysis* into a :class:`Report` (plain data): the summary
says who the main actors are, what each did to whom and how sure the text is, how the pairs
stand and what the triads suggest — every point with the sentence it rests on — and the tables
list actors, events (date, confidence, Goldstein, attribution), relations and triads by name.
``report_render`` prints it on a terminal or writes it as Markdown or HTML: the same report.
Relations are weighed and signed as ``relation.py`` defines them (through ``triads.edge_signs``).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .events.codebook import load_codebook
from .hierarchy import member, own_state
from .records import Actor, Document, DocumentAnalysis, Event
from .relation import counted, event_score, modality_weight, statement_score
from .triads import edge_signs

EVIDENCE_CHARS = 160  # evidence in the tables; the summary's sentences get a little more room
SUMMARY_EVIDENCE_CHARS = 220
MAIN_ACTORS = 3
ACTIONS_PER_ACTOR = 3
PAIRS = 6
# Types that take part in the political picture (news outlets and diseases are listed, not summarised).
_APART = ("media", "other")

_CLAIM = {"asserted": "asserted", "hedged": "hedged (the text speculates)", "negated": "denied",
          "desired": "wished or demanded, not done", "conditional": "only on a condition",
          "future": "announced for the future", "question": "asked, not claimed"}


@dataclass
class Point:
    """One line of the summary and the sentences that back it (never empty)."""

    text: str
    evidence: list[str]
    level: int = 0  # 0: a heading point, 1: a point under it


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]]


@dataclass
class Report:
    title: str
    meta: list[str]
    summary: list[tuple[str, list[Point]]]  # (section heading, its points)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def clip(text: str, limit: int = EVIDENCE_CHARS) -> str:
    """The text on one line, cut at a word boundary with an ellipsis when longer than ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    cut = cut if cut > limit // 2 else limit  # one very long word: cut inside it rather than lose the text
    return flat[:cut].rstrip(" ,;:") + "…"


def cameo_label(code: str) -> str:
    """``110 Disapprove``, ``090 Investigate``: the code and its own CAMEO label."""
    entry = load_codebook().lookup(code)
    return f"{code} {entry.label}" if entry and entry.label else code


def _confidence(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _goldstein(x: float | None) -> str:
    return "-" if x is None else f"{x:+.1f}"


def _how_sure(e: Event) -> str:
    said = f", according to {e.attribution.text}" if e.attribution else ""
    return f"{_CLAIM.get(e.modality, e.modality)}{said}; confidence {_confidence(e.confidence)}"


def _names(a: DocumentAnalysis) -> dict[str, str]:
    return {x.id: x.name for x in a.actors}


def _involvement(a: DocumentAnalysis) -> Counter[str]:
    """Counted events each actor takes part in (weighted by how sure), then its mentions, as a tiebreak."""
    score: Counter[str] = Counter()
    for e in a.events:
        for ref in (e.source, e.target):
            if ref and ref.actor:
                score[ref.actor] += 10 * modality_weight(e.modality)
    for x in a.actors:
        score[x.id] += len(x.mentions) / 100
    return score


def main_actors(a: DocumentAnalysis, n: int = MAIN_ACTORS) -> list[Actor]:
    """The actors the document is about: most involved in counted events, then most mentioned."""
    score = _involvement(a)
    political = [x for x in a.actors if x.type not in _APART]
    return sorted(political, key=lambda x: (-score[x.id], x.id))[:n]


def _actions(a: DocumentAnalysis, actor: Actor, names: dict[str, str]) -> list[Point]:
    """What the actor did to whom: its counted events as source, one per (code, target), surest first."""
    best: dict[tuple[str, str | None], Event] = {}
    for e in a.events:
        if not (e.source and e.source.actor == actor.id and counted(e.modality)):
            continue
        key = (e.cameo, e.target.actor if e.target else None)
        old = best.get(key)
        if old is None or (modality_weight(e.modality), e.confidence) > (modality_weight(old.modality), old.confidence):
            best[key] = e
    chosen = sorted(best.values(), key=lambda e: (e.target is None, -modality_weight(e.modality) * e.confidence))
    actors = {x.id: x for x in a.actors}
    out = []
    for e in chosen[:ACTIONS_PER_ACTOR]:
        whom = names.get(e.target.actor or "", e.target.name) if e.target else "no one named"
        other = actors.get(e.target.actor or "") if e.target else None
        home = other is not None and own_state(member(actor.id, actor.type, e.source.code if e.source else None,
                                                      actor.country),
                                               member(other.id, other.type, e.target.code, other.country))
        out.append(Point(f"→ {whom}{' (domestic: its own state)' if home else ''}: {cameo_label(e.cameo)} "
                         f"«{e.trigger}»; {_how_sure(e)}",
                         [clip(e.evidence.text, SUMMARY_EVIDENCE_CHARS)], level=1))
    return out


def _pair_evidence(a: DocumentAnalysis, pair: frozenset[str]) -> tuple[list[str], int, int]:
    """The sentences behind a pair, strongest first (statements, then events by weight · |Goldstein|),
    and how many statements and counted events there are."""
    scored: list[tuple[float, str]] = []
    statements = events = 0
    for r in a.relations:
        if frozenset((r.a, r.b)) == pair and modality_weight(r.modality):
            statements += 1
            scored.append((abs(statement_score(r.sign, r.modality)) + 100, r.evidence.text))
    for e in a.events:
        if e.source and e.target and frozenset((e.source.actor, e.target.actor)) == pair and counted(e.modality):
            events += 1
            scored.append((abs(event_score(e.goldstein, e.modality)), e.evidence.text))
    seen: list[str] = []
    for _, text in sorted(scored, key=lambda s: -s[0]):
        c = clip(text, SUMMARY_EVIDENCE_CHARS)
        if c not in seen:
            seen.append(c)
    return seen, statements, events


def _relations(a: DocumentAnalysis, main: list[Actor], names: dict[str, str]) -> list[Point]:
    signs = edge_signs(a)
    main_ids = {x.id for x in main}
    pairs = sorted((p for p in signs if p & main_ids), key=lambda p: (-len(p & main_ids), sorted(p)))
    out = []
    for pair in pairs[:PAIRS]:
        x, y = sorted(pair, key=lambda i: (i not in main_ids, names.get(i, i)))
        evidence, statements, events = _pair_evidence(a, pair)
        if not evidence:
            continue
        stand = "cooperate" if signs[pair] > 0 else "are at odds"
        basis = ", ".join(f"{n} {w}{'s' if n != 1 else ''}" for n, w in ((events, "event"), (statements, "statement"))
                          if n)
        out.append(Point(f"{names.get(x, x)} and {names.get(y, y)} {stand} ({basis})", evidence[:1]))
    return out


def _triads(a: DocumentAnalysis) -> list[Point]:
    out = []
    for t in sorted(a.triads, key=lambda t: not t.balanced):
        evidence: list[str] = []
        for p in ((0, 1), (1, 2), (0, 2)):
            found, _, _ = _pair_evidence(a, frozenset((t.actors[p[0]], t.actors[p[1]])))
            evidence += [s for s in found[:1] if s not in evidence]
        if evidence:
            out.append(Point(t.reading, evidence))
    return out


def summarize(a: DocumentAnalysis, text: str = "") -> list[tuple[str, list[Point]]]:
    """The summary's sections: main actors and what each did, relations, triads; every point backed."""
    names = _names(a)
    main = main_actors(a)
    actors: list[Point] = []
    for x in main:
        actions = _actions(a, x, names)
        first = next((m for m in sorted(x.mentions, key=lambda m: m.start) if m.method != "coref"), None)
        mentioned = [clip(_sentence_around(a, text, first.start), SUMMARY_EVIDENCE_CHARS)] if first else []
        mentioned = [s for s in mentioned if s]
        head_evidence = mentioned or (actions[0].evidence if actions else [])
        if not head_evidence:
            continue
        what = f"{x.name} ({x.type}{', ' + x.code if x.code else ''}; {len(x.mentions)} mentions)"
        actors.append(Point(what + (":" if actions else ": no counted event of its own"), head_evidence))
        actors += actions
    sections = [("Main actors and what each did", actors), ("Relations", _relations(a, main, names)),
                ("What the triads suggest", _triads(a))]
    return [(h, pts) for h, pts in sections if pts]


def _sentence_around(a: DocumentAnalysis, text: str, offset: int) -> str:
    """The evidence sentence of an event or relation that contains ``offset``, else the sentence of
    the text around it (between sentence ends or line breaks)."""
    for span in [e.evidence for e in a.events] + [r.evidence for r in a.relations]:
        if span.start <= offset < span.end:
            return span.text
    if not text:
        return ""
    start = max(text.rfind(c, 0, offset) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, offset) for c in ".!?\n") if i >= 0]
    return text[start:(min(ends) + 1 if ends else len(text))].strip()


def _where(e: Event) -> str:
    """``Mekele, ETH (near)``: the event's place, its state and how precisely the text places it."""
    loc = e.location
    if loc is None:
        return "-"
    return f"{loc.name}, {loc.country or '?'} ({loc.precision})"


def _redaction(doc: Document, start: int, end: int, restored: str | None) -> str:
    """``Kazakh ** Tokayev`` → restored as President; the words around a redaction, to find it."""
    before = doc.text[max(0, start - 40):start].split()[-3:]
    after = doc.text[end:end + 40].split()[:3]
    context = " ".join(before + [doc.text[start:end]] + after)
    return f"«{context}»" + (f" → restored as {restored!r}" if restored else " → not restored")


def build_report(doc: Document, a: DocumentAnalysis) -> Report:
    names = _names(a)
    source = {"input": "from the input", "dateline": "from its dateline", "option": "given with --date"}
    meta = [f"date {a.date or 'unknown'} ({source.get(a.date_source or '', 'no date found')})",
            f"{len(a.actors)} actors, {len(a.events)} events, {len(a.relations)} relation statements, "
            f"{len(a.triads)} triads"]
    report = Report(f"{doc.id}" + (f" — {doc.title}" if doc.title else ""), meta, summarize(a, doc.text))
    actor_rows = []
    for x in a.actors:
        counts: Counter[tuple[str, str, float]] = Counter((m.text, m.method, m.confidence) for m in x.mentions)
        ments = "; ".join(f"{t!r}{f' ×{n}' if n > 1 else ''} {meth} {c:.2f}" for (t, meth, c), n in counts.items())
        actor_rows.append([x.name, x.type, x.code or "-", ments])
    report.tables.append(Table("Actors", ["actor", "type", "code", "mentions (method, confidence)"], actor_rows))
    event_rows = []
    for e in a.events:
        claim = e.modality + (f" (per {e.attribution.text})" if e.attribution else "")
        event_rows.append([e.source.name if e.source else "-", f"{cameo_label(e.cameo)} «{e.trigger}»"
                           + (f" [{e.plover}]" if e.plover else ""), e.target.name if e.target else "-", claim,
                           e.date or "-", _confidence(e.confidence), _goldstein(e.goldstein), _where(e),
                           clip(e.evidence.text)])
    report.tables.append(Table("Events", ["source", "event", "target", "claim", "date", "conf", "Goldstein", "where",
                                          "evidence"], event_rows))
    if a.relations:
        report.tables.append(Table("Relations", ["a", "b", "sign", "claim", "evidence"], [
            [names.get(r.a, r.a), names.get(r.b, r.b), "cooperative" if r.sign > 0 else "hostile", r.modality,
             clip(r.evidence.text)] for r in a.relations]))
    if a.triads:
        report.tables.append(Table("Triads", ["actors", "signs", "balanced", "reading"], [
            [" / ".join(names.get(i, i) for i in t.actors), " ".join("+" if s > 0 else "−" for s in t.signs),
             "yes" if t.balanced else "no", t.reading] for t in a.triads]))
    if a.redactions:
        report.notes.append("Redactions: " + "; ".join(_redaction(doc, r.start, r.end, r.restored)
                                                       for r in a.redactions))
    report.notes += [f"warning: {w}" for w in a.warnings]
    return report

