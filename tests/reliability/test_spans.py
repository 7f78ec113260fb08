"""Property: every span of every output maps back to the document text, whatever the text holds.

Texts are built from news-like sentences mixed with redaction markers, odd spaces,
invisible characters, combining accents, CRLF line ends and HTML wrapping; each span
(mentions, event evidence, relation evidence, redactions, cues) must satisfy
``text[start:end] == span.text``.
"""
from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.records import Document
from diplograph.sources import document_from_bytes
from diplograph.text.normalize import normalize

SENTENCES = [
    "Russian President Vladimir Putin met Kazakh ** Tokayev in Moscow on Tuesday.",
    "The old man may have tried to send a message to Tokayev, officials said.",
    "China criticized the United States over the [REDACTED] sanctions.",
    "Kazakhstan rejected Russia's position and closed the ■■■ pipeline.",
    "Iran did not attack Israel last week, the ministry said.",
    "Ukraine's foreign minister visited Berlin and signed an agreement with Germany.",
    "If talks fail, NATO will impose sanctions on Belarus.",
]
NOISE = ["\u00a0", "\u200b", "\u00ad", "\t", "\r\n", "\n\n", "  ", "\u2003", "\ufeff", "\u0301", "\u0308",
         "***", "XXXX", "\u201c", "\u201d", "\u2014", "é", "e\u0301", "Ḁ", "😀", "\u202e", "\x0c"]

pieces = st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(NOISE),
                            st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8)),
                  min_size=1, max_size=12)
texts = pieces.map(" ".join)


def check_spans(text: str, analysis, cues=()) -> None:
    for actor in analysis.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text, (m, actor.id)
    for e in analysis.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text, e
        assert e.trigger in e.evidence.text or e.trigger in text
        for ref in (e.source, e.target):
            assert ref is None or ref.text in text or ref.text == ref.name
    for r in analysis.relations:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text, r
    for r in analysis.redactions:
        assert text[r.start:r.end] == r.text, r
    for c in cues:
        assert text[c.start:c.end] == c.text, c
        scope = getattr(c, "scope", None)
        assert scope is None or text[scope.start:scope.end] == scope.text, c


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_normalize_maps_every_span_back(text):
    n = normalize(text)
    assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(text)
    assert all(a <= b for a, b in zip(n.offsets, n.offsets[1:]))
    for start in range(0, len(n.text) + 1, 3):
        for end in range(start, min(len(n.text), start + 12) + 1, 4):
            s, e, quoted = n.original_span(start, end)
            assert 0 <= s <= e <= len(text) and quoted == text[s:e]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_pipeline_spans_map_back(pipeline, text):
    analysis = pipeline.analyze_one(Document("p", text))
    (cues,) = list(pipeline.cues([Document("p", text)]))
    check_spans(text, analysis, cues)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SENTENCES + NOISE[:6]), min_size=1, max_size=8))
def test_html_spans_map_back_to_extracted_text(pipeline, parts):
    page = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in parts) + "</body></html>"
    doc = document_from_bytes(page.encode(), "h", "h.html", "h.html")
    if not isinstance(doc, Document):  # a page of only spaces has no text: an error, not a document
        assert doc.code == "E014"
        return
    check_spans(doc.text, pipeline.analyze_one(doc))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SENTENCES), min_size=8, max_size=30), st.integers(min_value=60, max_value=400))
def test_chunked_spans_map_back(pipeline, parts, chunk_chars):
    text = "\n\n".join(parts)
    saved = pipeline.options.chunk_chars
    pipeline.options.chunk_chars = chunk_chars
    try:
        analysis = pipeline.analyze_one(Document("c", text))
    finally:
        pipeline.options.chunk_chars = saved
    check_spans(text, analysis)
    assert len({e.id for e in analysis.events}) == len(analysis.events)


def test_long_document_cues_are_shifted(pipeline):
    text = "\n\n".join(SENTENCES * 6)
    (whole,) = list(pipeline.cues([Document("w", text)]))
    saved = pipeline.options.chunk_chars
    pipeline.options.chunk_chars = 300
    try:
        (chunked,) = list(pipeline.cues([Document("w", text)]))
    finally:
        pipeline.options.chunk_chars = saved
    assert chunked and all(text[c.start:c.end] == c.text for c in chunked)
    assert [c.to_dict() for c in chunked] == [c.to_dict() for c in whole]  # scopes shifted too


def test_chunked_analysis_matches_whole_on_independent_paragraphs(pipeline):
    """Paragraphs that do not refer to each other: chunked or whole, the same events at the same offsets."""
    text = "\n\n".join(SENTENCES[i % len(SENTENCES)] for i in range(21))
    whole = pipeline.analyze_one(Document("m", text))
    saved = pipeline.options.chunk_chars
    pipeline.options.chunk_chars = 500
    try:
        chunked = pipeline.analyze_one(Document("m", text))
    finally:
        pipeline.options.chunk_chars = saved
    key = lambda e: (e.evidence.start, e.evidence.end, e.cameo, e.modality, e.source and e.source.code)
    assert whole.events and sorted(map(key, chunked.events)) == sorted(map(key, whole.events))
    assert [r.to_dict() for r in chunked.redactions] == [r.to_dict() for r in whole.redactions]
    check_spans(text, chunked)
