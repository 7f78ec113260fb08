"""Input hygiene: every kind of bad input becomes one named error or a warning, never a crash."""
from __future__ import annotations

import io
import os
import random
import sys

import pytest

from diplograph.errors import InputError
from diplograph.records import Document
from diplograph.sources import document_from_bytes, iter_documents, read_jsonl_lines
from diplograph.text.decode import decode_bytes
from diplograph.text.html import extract_text, looks_like_html
from diplograph.text.language import non_english

ARTICLE = ("Russian President Vladimir Putin met Kazakhstan's former president in Moscow on Tuesday, "
           "and the two leaders discussed the pipeline that Russia closed last year, officials said. ")


def _codes(items):
    return [it.code if isinstance(it, InputError) else "doc" for it in items]


def test_empty_and_blank_files_are_named(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b" \n\t\n")
    items = list(iter_documents([str(tmp_path)]))
    assert _codes(items) == ["E005", "E005"]
    assert str(items[0]).startswith(str(tmp_path / "a.txt") + ": [E005]")


def test_random_bytes_are_binary():
    raw = random.Random(7).randbytes(1 << 20)
    item = document_from_bytes(raw, "r", "r.bin")
    assert isinstance(item, InputError) and item.code == "E006"


def test_high_bytes_noise_is_refused():
    # Noise without NUL or control bytes decodes as *something*; it must still not become a document.
    raw = bytes(b | 0x80 for b in random.Random(3).randbytes(4096))
    item = document_from_bytes(raw, "n", "n.txt")
    assert isinstance(item, InputError) and item.code in ("E006", "E013")


def test_latin1_is_decoded_with_a_warning():
    text = "Délégués from France met in Zürich; the señora said the café talks failed. " * 3
    doc = document_from_bytes(text.encode("latin-1"), "l", "l.txt")
    assert isinstance(doc, Document)
    assert doc.text == text
    assert doc.warnings and "W001" in doc.warnings[0] and "cp1252" in doc.warnings[0]


def test_cp1252_smart_quotes():
    text = "“We will respond,” the minister said — and Moscow’s envoy left. " * 3
    doc = document_from_bytes(text.encode("cp1252"), "q", "q.txt")
    assert isinstance(doc, Document) and doc.text == text


def test_utf16_with_bom():
    doc = document_from_bytes(ARTICLE.encode("utf-16"), "u", "u.txt")
    assert isinstance(doc, Document) and doc.text == ARTICLE and not doc.warnings


def test_utf8_bom_is_dropped_silently():
    doc = document_from_bytes(b"\xef\xbb\xbf" + ARTICLE.encode(), "u", "u.txt")
    assert isinstance(doc, Document) and doc.text == ARTICLE and not doc.warnings


def test_html_page_is_reduced_to_its_text():
    page = ("<!doctype html><html><head><title>Talks &amp; more</title><style>p {color: red}</style>"
            "<script>document.write('Russia attacks')</script></head><body><nav>Home</nav>"
            "<h1>Talks</h1><p>Russia&#39;s envoy met   the\nChinese leader.</p><p>Officials &quot;agreed&quot;.</p>"
            "<footer>(c) 2024</footer></body></html>")
    assert looks_like_html(page)
    doc = document_from_bytes(page.encode(), "p", "p.html", "p.html")
    assert isinstance(doc, Document)
    assert doc.text == "Talks\n\nRussia's envoy met the Chinese leader.\n\nOfficials \"agreed\"."
    assert doc.title == "Talks & more"
    assert any("W002" in w for w in doc.warnings)


def test_html_sniffed_without_suffix_and_plain_text_with_tags_is_not():
    assert looks_like_html("  <html><body><p>x</p></body></html>")
    assert not looks_like_html("The <b> tag and x < y in an article about HTML.")
    assert extract_text("<p>a<br>b</p>")[0] == "a\n\nb"


def test_html_without_text_is_an_error():
    item = document_from_bytes(b"<html><head><script>x()</script></head><body></body></html>", "e", "e.html", "e.html")
    assert isinstance(item, InputError) and item.code == "E014"


@pytest.mark.parametrize("text,lang", [
    ("俄罗斯总统普京周二在北京会见了中国国家主席习近平。两国签署了一项协议。", "Chinese"),
    ("ロシアのプーチン大統領は火曜日に北京で習近平国家主席と会談した。", "Japanese"),
    ("Президент России встретился с бывшим президентом Казахстана в Москве.", "Cyrillic script"),
    ("الرئيس الروسي التقى بالرئيس الصيني في بكين يوم الثلاثاء", "Arabic script"),
    ("Le président russe a rencontré mardi à Pékin le dirigeant chinois, et les deux pays ont signé un accord "
     "sur le gaz. Selon des responsables, la réunion a duré trois heures et elle a porté sur la guerre en Ukraine "
     "et sur les sanctions. Les deux dirigeants se sont dit satisfaits de leur rencontre qui est la première depuis "
     "un an, et ils ont promis de se revoir avant la fin de cette année pour un nouveau sommet.", "French"),
])
def test_non_english_is_detected(text, lang):
    assert non_english(text) == lang
    item = document_from_bytes(text.encode(), "x", "x.txt")
    assert isinstance(item, InputError) and item.code == "E013" and lang in str(item)


@pytest.mark.parametrize("text", [
    ARTICLE * 3,
    "Russia attacked Ukraine.",  # short: no verdict, counts as English
    "Putin met Xi Jinping (习近平) and Tokayev (Тоқаев) in Astana. " + ARTICLE * 2,  # foreign names inside English
    "Kazakh ** Tokayev met Lao Na; the old man said Naksharov was wrong. " * 5,
])
def test_english_is_kept(text):
    assert non_english(text) is None


def test_missing_and_special_paths(tmp_path):
    os.mkfifo(tmp_path / "pipe")  # reading a FIFO would block forever: refused, not read
    items = list(iter_documents([str(tmp_path / "nope.txt"), str(tmp_path / "pipe"), "bad\x00name"]))
    assert _codes(items) == ["E001", "E015", "E002"] or _codes(items) == ["E001", "E015", "E001"]
    assert str(tmp_path / "nope.txt") in str(items[0])


def test_special_files_in_folders_are_named(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    (tmp_path / "a.txt").write_text(ARTICLE)
    items = list(iter_documents([str(tmp_path)]))
    assert _codes(items) == ["doc", "E001", "E015"]
    assert str(items[2]).startswith(f"{tmp_path / 'pipe'}: [E015]")


def test_hidden_files_in_folders_are_skipped(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert [d.id for d in iter_documents([str(tmp_path)])] == ["a"]


def test_jsonl_bad_lines_are_named_and_good_ones_kept(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"id": "a", "text": "Russia attacked Ukraine."}\n'
                  b'{"id": "b", "text": \n'
                  b'{"id": "c", "title": "no text"}\n'
                  b'[1, 2]\n'
                  b'{"id": "e", "text": ""}\n'
                  b'\n'
                  b'{"id": {"x": 1}, "text": "Iran criticized Israel.", "title": [1], "date": 20240101}\n'
                  b'{"id": "g", "text": "Caf\xe9 talks in Z\xfcrich failed, officials said."}\n'
                  b'{"id": "h", "text": "lone \\ud800 surrogate in Moscow."}\n')
    items = list(iter_documents([str(f)]))
    assert _codes(items) == ["doc", "E003", "E004", "E004", "E005", "doc", "doc", "doc"]
    assert [(i.path, i.line) for i in items if isinstance(i, InputError)] == [
        (str(f), 2), (str(f), 3), (str(f), 4), (str(f), 5)]
    docs = [i for i in items if isinstance(i, Document)]
    assert docs[1].id == "in:7" and docs[1].title is None and docs[1].date == "20240101"
    assert docs[2].text == "Café talks in Zürich failed, officials said." and docs[2].warnings
    assert docs[3].text == "lone \ufffd surrogate in Moscow."
    assert docs[0].path == f"{f}:1"


def test_jsonl_deep_nesting_is_one_error():
    items = list(read_jsonl_lines([b"[" * 100_000 + b"]" * 100_000], "deep.jsonl"))
    assert _codes(items) in (["E003"], ["E004"])


def test_binary_jsonl_file_is_one_error(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_bytes(random.Random(1).randbytes(100_000))
    assert _codes(iter_documents([str(f)])) == ["E006"]


def test_stdin_bytes_are_decoded(monkeypatch):
    raw = ("GENEVA - Délégués met in Zürich. " + ARTICLE).encode("latin-1")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    (doc,) = list(iter_documents(["-"]))
    assert isinstance(doc, Document) and "Zürich" in doc.text and doc.warnings


def test_decode_never_returns_surrogates():
    d = decode_bytes("x \udcff y".encode("utf-8", "surrogatepass"))
    assert d is not None and "\udcff" not in d.text
