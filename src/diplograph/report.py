"""The readable report of one document (rich tables)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .records import Document, DocumentAnalysis, Event


def _where(e: Event) -> str:
    """``Mekele, ETH (near)``: the event's place, its state and how precisely the text places it."""
    loc = e.location
    if loc is None:
        return "-"
    return f"{loc.name}, {loc.country or '?'} ({loc.precision})"


def print_report(console: Console, doc: Document, a: DocumentAnalysis) -> None:
    console.rule(Text(f"{doc.id}" + (f" — {doc.title}" if doc.title else "")))
    console.print(Text(f"date {a.date or 'unknown'} ({a.date_source or 'none'})"))
    actors = Table(title="Actors", show_lines=False)
    for col in ("actor", "type", "code", "mentions (method, confidence)"):
        actors.add_column(col)
    for actor in a.actors:
        counts: dict[tuple[str, str, float], int] = {}
        for m in actor.mentions:
            k = (m.text, m.method, m.confidence)
            counts[k] = counts.get(k, 0) + 1
        ments = "; ".join(f"{t!r}{f' ×{n}' if n > 1 else ''} {meth} {c:.2f}" for (t, meth, c), n in counts.items())
        actors.add_row(Text(actor.name), actor.type, actor.code or "-", Text(ments))
    console.print(actors)
    events = Table(title="Events", expand=True)
    # The evidence sentence gets the room: names and codes are short.
    for col, ratio in (("source", 2), ("event", 2), ("target", 2), ("modality", 1), ("where", 2), ("evidence", 6)):
        events.add_column(col, ratio=ratio)
    for e in a.events:
        label = f"{e.cameo} {e.plover or ''}".strip()
        attrib = f" (per {e.attribution.text})" if e.attribution else ""
        events.add_row(Text(e.source.name if e.source else "-"), Text(f"{label} «{e.trigger}»"),
                       Text(e.target.name if e.target else "-"), e.modality + attrib, Text(_where(e)),
                       Text(e.evidence.text.strip()[:160]))
    console.print(events)
    if a.relations:
        rel = Table(title="Relations")
        for col in ("a", "b", "sign", "modality", "evidence"):
            rel.add_column(col)
        for r in a.relations:
            rel.add_row(r.a, r.b, f"{r.sign:+d}", r.modality, Text(r.evidence.text.strip()[:160]))
        console.print(rel)
    if a.redactions:
        console.print(Text("Redactions: " + ", ".join(f"{r.text!r}@{r.start}→{r.restored or '?'}" for r in a.redactions)))
    for t in a.triads:
        console.print(Text(f"Triad {'/'.join(t.actors)} signs {t.signs} {'balanced' if t.balanced else 'unbalanced'}: {t.reading}"))
    for w in a.warnings:
        console.print(Text(f"warning: {w}", style="yellow"))
