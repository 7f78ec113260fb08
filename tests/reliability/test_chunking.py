"""Cutting long documents: the chunks cover the text exactly, in order, within the size."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.chunking import shift, split_text
from diplograph.records import Cue, Span


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\t"), max_size=3000), st.integers(min_value=1, max_value=500))
def test_chunks_cover_the_text(text, size):
    spans = split_text(text, size)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - s <= size for s, e in spans) or text == ""


def test_cuts_prefer_paragraphs_then_lines_then_spaces():
    text = "one two.\n\nthree four\nfive six seven"
    assert [text[s:e] for s, e in split_text(text, 14)] == ["one two.\n\n", "three four\n", "five six seven"]
    word = "abcdefgh"
    assert [word[s:e] for s, e in split_text(word, 3)] == ["abc", "def", "gh"]  # no break: hard cut


def test_shift_moves_every_nested_span():
    c = Cue("may", 3, 6, "speculation", Span(3, 10, "may go."))
    (moved,) = shift([c], 100)
    assert (moved.start, moved.end, moved.scope.start, moved.scope.end) == (103, 106, 103, 110)
    assert c.start == 3  # the original is untouched
