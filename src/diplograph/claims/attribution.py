"""Attribution: who says (or believes) what an event's clause states.

Sources are proposed by named rules (``diplograph.rules.REGISTRY``, stage ``claims``, kind
``source``). Climbing from the trigger to its sentence root, the first *source verb* whose
complement holds the trigger names the source (``source.reporting_verb``): a verb of the
reporting lexicon (``data/lexicons/attribution/reporting.tsv``: saying, writing, believing,
showing, denying) or a doxastic verb with a subject (``observers believe``). Its subject is the
source (the subject of the governing verb for a participle: ``…, arguing that``);
``according to X`` gives X (``source.according_to``); the reporting verb may follow its content
(``Russia attacked Ukraine, officials said``: ``source.trailing_report``). A passive without agent
or an adverb gives a vague source whose text is the cue itself (``it is reported``,
``reportedly``: ``source.vague_passive``, ``source.vague_adverb``).

Quotations (``quotations``): every clause inside a quotation that has no source of its own takes
the source of the reporting verb beside the quotation marks (``source.quotation``), of a colon
before it (``He said: "…"``, ``source.colon``), or of a short report in the next or the previous
sentence (``"…." The minister said so on Monday.`` / ``The minister said. "…"``: ``source.adjacent_quote``).

A source is *vague* when it names nobody (``some critics``, ``many experts``, ``it is believed``,
``reportedly``); ``Source.vague`` says so. The author is the source when the subject is
``I``/``we`` or nothing governs: then the result is ``None``. Resolving the source to an actor id
is the caller's job (it owns the token → actor map); ``Source.tokens`` are the tokens to look up.

``attributions`` lists, per document, every attribution relation (cue, source, content) for
benchmarks and for content spans beyond events (see ``attribution_spans.py``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import word_class
from ..nlp import sent_of, sentences_of, text_of
from ..rules import REGISTRY
from .cues import REPORTING, TokenCue, cue_lexicon
from .lexicons import reporting_entry

_CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "dobj"}
# kinds of the reporting lexicon whose subject is the source of the content (not a wish or a stance)
SOURCE_KINDS = {"say", "write", "ask", "belief", "evidence", "deny"}


def _declare(name: str, description: str, confidence: float, reads: tuple[str, ...] = ("parse",)) -> str:
    return REGISTRY.declare(name, stage="claims", kind="source", reads=reads, confidence=confidence,
                            description=description)


R_VERB = _declare("source.reporting_verb", "the subject of the reporting verb whose complement holds the clause",
                  0.85, ("parse", "lexicon:attribution/reporting.tsv"))
R_ACCORDING = _declare("source.according_to", "the object of 'according to' on the clause", 0.9)
R_ADVERB = _declare("source.vague_adverb", "an adverb that attributes the clause to nobody named ('reportedly')",
                    0.8, ("parse", "lexicon:vague_source_adverbs"))
R_PASSIVE = _declare("source.vague_passive", "'it is reported that': a passive report without agent", 0.8)
R_TRAILING = _declare("source.trailing_report", "'…, officials said': a reporting verb after its content", 0.85)
R_QUOTE = _declare("source.quotation", "inside quotation marks: the speaker beside them in the same sentence", 0.8)
R_COLON = _declare("source.colon", "after a reporting verb and a colon: its subject", 0.75)
R_ADJACENT = _declare("source.adjacent_quote",
                      "a quotation whose speaker is named in a short report in the next or previous sentence", 0.6)


@dataclass
class Source:
    text: str
    start: int  # character offsets into the parsed text
    end: int
    head: Token | None  # head word of the source phrase, None for a vague source with no phrase
    cue: Token  # the reporting word
    rule: str | None = None  # the named rule that found it
    vague: bool = False  # names nobody: "some critics", "it is believed", "reportedly"

    @property
    def tokens(self) -> list[Token]:
        if self.head is None:
            return []
        doc = self.head.doc
        span = doc.char_span(self.start, self.end, alignment_mode="expand")
        rest = [t for t in span if t.i != self.head.i] if span is not None else []
        return [self.head] + rest


def source_verb_kind(tok: Token, cues_by_token: dict[int, TokenCue]) -> str | None:
    """The reporting kind of ``tok`` when it is a verb whose subject is a source, else None."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    cue = cues_by_token.get(tok.i)
    if cue is not None and cue.type == "speculation" and lemma in word_class("doxastic_verbs"):
        return "belief"
    if cue is not None and cue.type == "attribution" and cue.rule != REPORTING:
        return "say"  # a phrase of the cue lexicon: "observers believe", "it is reported"
    if lemma in word_class("denial_verbs"):
        return "deny"
    entry = cue_lexicon().get((lemma,))
    if entry is not None and entry.type == "attribution" and "VERB" in (entry.allowed or {"VERB"}):
        return "say"
    rep = reporting_entry(tok)
    if rep is not None and rep.kind in SOURCE_KINDS and rep.kind != "belief" and rep.confidence >= 0.5:
        return rep.kind
    return None


def _is_source_verb(tok: Token, cues_by_token: dict[int, TokenCue]) -> bool:
    return source_verb_kind(tok, cues_by_token) is not None


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return c
    for c in verb.children:  # passive with agent: "it was reported by Reuters"
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _phrase(head: Token) -> tuple[int, int]:
    """Token range of a source noun phrase: its left edge to its head, plus flat name parts after it."""
    right = head
    for c in head.rights:
        if c.dep_ in ("compound", "flat", "appos", "prep") and c.i == right.i + 1 or c.dep_ == "appos":
            right = c.right_edge if c.dep_ in ("appos", "prep") else c
        else:
            break
    return head.left_edge.i, right.i


def _text(doc: Doc, a: int, b: int) -> str:
    """Text of tokens a..b inclusive (``doc.text`` is rebuilt on every access: avoid it)."""
    return doc[a:b + 1].text


def vague_phrase(doc: Doc, a: int, b: int, head: Token) -> bool:
    """A source phrase naming nobody: no proper name, no pronoun, a head among the vague source nouns."""
    if head.pos_ in ("PROPN", "PRON") or any(t.pos_ == "PROPN" or t.ent_type_ for t in doc[a:b + 1]):
        return head.lower_ in word_class("vague_source_pronouns")
    return head.lemma_.lower() in word_class("vague_source_nouns") or head.lower_ in word_class("vague_source_nouns")


def _source(doc: Doc, a: int, b: int, head: Token, cue: Token, rule: str) -> Source:
    last = doc[b]
    return Source(_text(doc, a, b), doc[a].idx, last.idx + len(last), head, cue, rule, vague_phrase(doc, a, b, head))


def source_from_verb(verb: Token, rule: str = R_VERB) -> Source | None | bool:
    """Source of a reporting verb: a Source, None for the author, False when it has no subject."""
    subj = _subject(verb)
    if subj is None and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        subj = _subject(verb.head)  # "…, arguing that" / "said and added that"
    if subj is None:
        return False
    if subj.lower_ in word_class("author_pronouns"):
        return None
    if subj.lower_ == "it" and subj.dep_ in ("nsubjpass", "expl", "nsubj"):
        # "it is reported that", "it is believed": vague, the cue is the text
        lo, hi = subj.idx, verb.idx + len(verb)
        return Source(_text(verb.doc, subj.i, verb.i), lo, hi, None, verb, R_PASSIVE, True)
    a, b = _phrase(subj)
    return _source(verb.doc, a, b, subj, verb, rule)


def _according_to(verb: Token) -> Source | None:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            to = next((g for g in c.children if g.lower_ == "to"), None)
            obj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                a, b = _phrase(obj)
                return _source(verb.doc, a, b, obj, c, R_ACCORDING)
    return None


def _vague_adverb(verb: Token) -> Source | None:
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in word_class("vague_source_adverbs"):
            return Source(c.text, c.idx, c.idx + len(c), None, c, R_ADVERB, True)
    return None


def _trailing_report(verb: Token, cues_by_token: dict[int, TokenCue]) -> Token | None:
    """``Russia attacked Ukraine, officials said``: the reporting verb parsed under its content."""
    for c in verb.children:
        if c.dep_ in ("parataxis", "ccomp", "advcl") and c.i > verb.i and _is_source_verb(c, cues_by_token) \
                and not any(g.dep_ in ("ccomp", "xcomp", "dobj") for g in c.children):
            return c
    return None


_QUOTE = re.compile(r"“[^“”]{2,3000}?”|\"[^\"]{2,3000}?\"")


@dataclass
class Quotation:
    start: int  # character offsets of the quoted text, marks included
    end: int
    source: Source


def _with_rule(src: Source, rule: str) -> Source:
    return Source(src.text, src.start, src.end, src.head, src.cue, rule, src.vague)


def _speaker_in(tokens: list[Token], cues_by_token: dict[int, TokenCue]) -> Source | None:
    verb = next((t for t in tokens if _is_source_verb(t, cues_by_token)), None)
    if verb is None:
        return None
    src = source_from_verb(verb)
    return src or None


def _short_report(sent, cues_by_token: dict[int, TokenCue]) -> Source | None:
    """A sentence that is only a report with no content of its own: ``The minister said on Monday.``"""
    root = sent.root
    if not _is_source_verb(root, cues_by_token) or len(sent) > 25:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in root.children):
        return None
    if any(t.text in ("“", "”", '"') for t in sent):
        return None
    src = source_from_verb(root, R_ADJACENT)
    return src or None


def quotations(doc: Doc, cues_by_token: dict[int, TokenCue]) -> list[Quotation]:
    """Quoted passages with the source of the reporting verb beside them.

    After the close, else before the open (the same sentence, ``source.quotation``; a colon before
    the open mark is ``source.colon``); else a short report in the next sentence, then in the
    previous one (``source.adjacent_quote``).
    """
    out = []
    sents = sentences_of(doc)
    sent_no = {s.start: k for k, s in enumerate(sents)}
    for m in _QUOTE.finditer(text_of(doc)):
        qs, qe = m.span()
        close = doc.char_span(qe - 1, qe, alignment_mode="expand")
        opening = doc.char_span(qs, qs + 1, alignment_mode="expand")
        if close is None or opening is None:
            continue
        after = [t for t in sent_of(close[0]) if t.idx >= qe]
        before = [t for t in reversed(sent_of(opening[0])) if t.idx < qs]
        found = None
        src = _speaker_in(after, cues_by_token)
        if src is not None:
            found = _with_rule(src, R_QUOTE)
        else:
            src = _speaker_in(before, cues_by_token)
            if src is not None:
                colon = bool(before) and before[0].text == ":"
                found = _with_rule(src, R_COLON if colon else R_QUOTE)
        if found is None:
            k_close = sent_no.get(sent_of(close[0]).start)
            k_open = sent_no.get(sent_of(opening[0]).start)
            nxt = sents[k_close + 1] if k_close is not None and k_close + 1 < len(sents) else None
            prev = sents[k_open - 1] if k_open is not None and k_open > 0 else None
            for s in (nxt, prev):
                if s is not None:
                    found = _short_report(s, cues_by_token)
                    if found is not None:
                        break
        if found is not None and REGISTRY.enabled(found.rule or R_QUOTE):
            out.append(Quotation(qs, qe, found))
    return out


def attribution_of(trigger: Token, cues_by_token: dict[int, TokenCue],
                   quotes: list[Quotation] | None = None) -> Source | None:
    """The source of the claim the trigger makes, or None when the author makes it."""
    found = _syntactic_source(trigger, cues_by_token)
    if found is None and quotes:
        inside = [q for q in quotes if q.start < trigger.idx < q.end]
        if inside:
            found = min(inside, key=lambda q: q.end - q.start).source  # the innermost quotation
    return found


def _syntactic_source(trigger: Token, cues_by_token: dict[int, TokenCue]) -> Source | None:
    t = trigger
    for _ in range(12):
        found = _according_to(t) or _vague_adverb(t)
        if found is not None and REGISTRY.enabled(found.rule or ""):
            return found
        rep = _trailing_report(t, cues_by_token)
        if rep is not None and REGISTRY.enabled(R_TRAILING):
            src = source_from_verb(rep, R_TRAILING)
            if src is not False:
                return src
        head = t.head
        if head.i == t.i:
            return None
        if t.dep_ == "relcl":
            return None  # a relative clause is the author's description, not the content of the report
        if t.dep_ in _CONTENT_DEPS and _is_source_verb(head, cues_by_token) and REGISTRY.enabled(R_VERB):
            src = source_from_verb(head)
            if src is not False:
                return src
        t = head
    return None
