"""When an event happened: the time expression that dates its clause.

A time expression (``text/dates.py``) dates the events of the clause it sits in and of
the clauses under that clause — ``Last year, Putin hoped that they would support …``
dates both the hope and the support — but not a neighbouring clause: in ``after stepping
down four years ago, so the invitation seems unusual`` the four years date the stepping
down, not the invitation. Among several, the nearest to the trigger wins. An event with no
expression gets the document date and no expression.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from ..nlp import sent_of, text_of
from ..text.dates import TimeExpression, find_time_expressions


@dataclass
class DatedExpression:
    expression: TimeExpression
    clause: Token  # the clause head the expression belongs to


def _clause_head(tok: Token) -> Token:
    t = tok
    for _ in range(20):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") or t.head.i == t.i:
            return t
        t = t.head
    return t


def time_expressions(doc: Doc, anchor: date | None) -> list[DatedExpression]:
    """Every time expression of the parsed text with the clause it belongs to."""
    if anchor is None:
        return []
    out = []
    for x in find_time_expressions(text_of(doc), anchor):
        span = doc.char_span(x.start, x.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.append(DatedExpression(x, _clause_head(span.root)))
    return out


def date_of(trigger: Token, expressions: list[DatedExpression]) -> TimeExpression | None:
    """The expression dating the trigger's event, or None for the document date."""
    sent = sent_of(trigger)
    own = _clause_head(trigger)
    ancestors = {own.i} | {a.i for a in own.ancestors}
    best: tuple[tuple[bool, int], TimeExpression] | None = None
    for d in expressions:
        if not (sent.start_char <= d.expression.start < sent.end_char):
            continue
        if d.clause.i not in ancestors:
            continue
        dist = (d.clause.i != own.i, abs(d.expression.start - trigger.idx))  # own clause first, then nearest
        if best is None or dist < best[0]:
            best = (dist, d.expression)
    return best[1] if best else None
