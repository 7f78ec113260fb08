"""Bytes → text: byte-order marks, UTF-8, detected legacy encodings, binary refusal.

UTF-8 is tried first and is silent. Other input is decoded with the encoding that
charset-normalizer finds (Western news in a legacy encoding is read as cp1252, the
superset of Latin-1) and the result carries a warning saying so. Content that is not
text at all (NUL bytes, many control characters, undecodable noise) is refused.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

SAMPLE = 256 * 1024  # bytes looked at to decide binary vs text and the encoding
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman", "cp850", "cp437"}
# Control bytes other than tab, newline, vertical tab, form feed, carriage return, escape.
_CONTROL_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32)) | {127}


@dataclass
class Decoded:
    text: str
    encoding: str
    warning: str | None = None  # set when the input was not plain UTF-8


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or more than 2% control bytes in the first ``SAMPLE`` bytes."""
    sample = raw[:SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL_BYTES)
    return controls > 0.02 * max(len(sample), 1)


def decode_bytes(raw: bytes) -> Decoded | None:
    """The text of ``raw``, or None when it is not text."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(clean_text(raw.decode(enc)), enc)
            except UnicodeDecodeError:
                break
    if looks_binary(raw):
        return None
    try:
        return Decoded(clean_text(raw.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    enc = detect_encoding(raw)
    if enc is None:
        text = raw.decode("utf-8", errors="replace")
        replaced = text.count("\ufffd")
        if replaced > 0.01 * max(len(text), 1):
            return None  # mostly undecodable: noise, not text
        return Decoded(clean_text(text), "utf-8",
                       f"invalid UTF-8 (first bad byte at {bad_at}); {replaced} undecodable bytes replaced by U+FFFD")
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError:
        enc = "latin_1" if enc == "cp1252" else enc
        text = raw.decode(enc, errors="replace")
    if not printable_enough(text):
        return None
    return Decoded(clean_text(text), enc, f"not valid UTF-8 (first bad byte at {bad_at}); decoded as {enc}")


def detect_encoding(raw: bytes) -> str | None:
    """The likely legacy encoding; cp1252 when a Western single-byte encoding is plausible."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw[:SAMPLE]))
    if not matches:
        return None
    if any(m.encoding in _WESTERN for m in matches):
        return "cp1252"
    return matches[0].encoding


def printable_enough(text: str, limit: float = 0.02) -> bool:
    """False when more than ``limit`` of the characters are control or unassigned characters."""
    sample = text[:SAMPLE]
    bad = sum(1 for ch in sample if ch not in "\t\n\r\x0b\x0c" and unicodedata.category(ch) in ("Cc", "Cn", "Co"))
    return bad <= limit * max(len(sample), 1)


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Replace lone surrogates (they cannot be stored or printed) one for one, so offsets hold."""
    if text.isascii() or not _SURROGATE.search(text):  # C-speed scans: this runs on every input text
        return text
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
