"""Fuzz targets (hypothesis): the dictionary readers and the JSONL reader never crash.

Whatever bytes a user hands them, the readers either return entries or report a
``DictionaryError``/``InputError`` naming the file and line; nothing else escapes.
The run length is set by ``DIPLOGRAPH_FUZZ_EXAMPLES`` (default 150 per target; the
README's figure comes from a longer run of the same targets).
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.actors.dictionaries import read_actor_dictionary, read_agent_dictionary
from diplograph.actors.kb import KnowledgeBase
from diplograph.errors import DictionaryError, InputError
from diplograph.events.verbs import read_verb_dictionary
from diplograph.records import Document
from diplograph.sources import read_jsonl_lines
from diplograph.text.decode import decode_bytes

EXAMPLES = int(os.environ.get("DIPLOGRAPH_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Fragments of the real formats, so the fuzzer reaches deep into the parsers, plus noise.
ACTOR_BITS = ["KAZAKHSTAN_", "+KAZAKH_", "[KAZ]", "[KAZGOV 19910101-20190319]", "[RUS >20000101]",
              "[USA <19990101]", "\t", "    ", "#", " ", "_", "\n", "[", "]", "-", ">", "<", "+", "{", "}",
              "NURSULTAN_NAZARBAYEV_", "[~GOV]", "[IGO~]", "!minist! = MINISTER, MINISTRY", "!minist!_OF_"]
VERB_BITS = ["--- CONSULT [040] ---", "MEET [040]", "VISIT {VISITS VISITED}", "- * $ TALKS [043]",
             "- $ * WITH + [042:043]", "&CURRENCY", "+DOLLAR_", "~ TRANSFORM", "-", "[", "]", "{", "}",
             "$", "+", "*", "#", "\n", " ", "_", "---", "[0", "43]", "(", ")", "%", "^"]


def _lines(bits):
    return st.lists(st.one_of(st.sampled_from(bits), st.text(max_size=6)), max_size=40).map("".join)


def _check_reader(tmp_path_factory, reader, content: str | bytes):
    path = tmp_path_factory.mktemp("fuzz") / "dict.txt"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(content)
    problems: list[DictionaryError] = []
    result = reader(path, problems)  # with a problems list: nothing may raise
    assert all(isinstance(p, DictionaryError) and p.line is not None and str(path) in str(p) for p in problems)
    try:
        reader(path)  # without: only a DictionaryError naming file and line
    except DictionaryError as e:
        assert e.path == str(path) and e.line is not None
    return result


@FUZZ
@given(st.one_of(_lines(ACTOR_BITS), st.binary(max_size=300)))
def test_fuzz_actor_dictionary(tmp_path_factory, content):
    entries = _check_reader(tmp_path_factory, read_actor_dictionary, content)
    KnowledgeBase().add_actors(entries)  # what the reader returns is usable


@FUZZ
@given(st.one_of(_lines(ACTOR_BITS), st.binary(max_size=300)))
def test_fuzz_agent_dictionary(tmp_path_factory, content):
    entries = _check_reader(tmp_path_factory, read_agent_dictionary, content)
    KnowledgeBase().add_agents(entries)


@FUZZ
@given(st.one_of(_lines(VERB_BITS), st.binary(max_size=300)))
def test_fuzz_verb_dictionary(tmp_path_factory, content):
    vd = _check_reader(tmp_path_factory, read_verb_dictionary, content)
    for entries in vd.verbs.values():
        for e in entries:
            assert e.words and e.block is not None


JSON_BITS = ['{"id": ', '"text": ', '"date": ', '"title": ', '"a"', '"Russia attacked Ukraine."', "null", "1",
             "[", "]", "{", "}", ",", ":", '"', "\\u0000", "\\ud800", "\\n", "true", "1e999", "-", "\xe9", "\u4e2d"]


@FUZZ
@given(st.lists(st.one_of(st.lists(st.sampled_from(JSON_BITS), max_size=14).map(lambda p: "".join(p).encode()),
                          st.binary(max_size=80),
                          st.builds(lambda t, i: f'{{"id": {i!r}, "text": {t!r}}}'.replace("'", '"').encode(),
                                    st.text(max_size=30), st.text(max_size=5))),
                max_size=8))
def test_fuzz_jsonl_reader(lines):
    for item in read_jsonl_lines(lines, "fuzz.jsonl"):
        if isinstance(item, InputError):
            assert item.path == "fuzz.jsonl" and 1 <= item.line <= len(lines)
            continue
        assert isinstance(item, Document)
        for value in (item.id, item.text, item.date, item.title, item.source, item.path):
            assert value is None or isinstance(value, str)
            # storable and printable: no lone surrogates survive
            assert value is None or value.encode("utf-8")
        assert item.text.strip()


@FUZZ
@given(st.binary(max_size=2000))
def test_fuzz_decode(raw):
    d = decode_bytes(raw)
    if d is not None:
        d.text.encode("utf-8")
