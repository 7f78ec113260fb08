from diplograph.text.normalize import PLACEHOLDER, normalize


def test_redaction_becomes_placeholder_and_maps_back():
    src = "the current Kazakh ** Tokayev met him."
    n = normalize(src)
    assert PLACEHOLDER in n.text
    i = n.text.index(PLACEHOLDER)
    s, e = n.to_original(i, i + len(PLACEHOLDER))
    assert src[s:e] == "**"
    j = n.text.index("Tokayev")
    s, e = n.to_original(j, j + len("Tokayev"))
    assert src[s:e] == "Tokayev"
    assert [(r.start, r.end, r.text) for r in n.redactions] == [(19, 21, "**")]


def test_other_markers_and_invisible_characters():
    src = "A\u200b [REDACTED] met\u00a0B ■■■ today."
    n = normalize(src)
    assert "\u200b" not in n.text and "\u00a0" not in n.text
    assert len(n.redactions) == 2
    for word in ("met", "B", "today"):
        k = n.text.index(word)
        s, e = n.to_original(k, k + len(word))
        assert src[s:e] == word


def test_span_over_placeholder_covers_whole_marker():
    src = "X *** Y"
    n = normalize(src)
    s, e = n.to_original(0, len(n.text))
    assert src[s:e] == src
