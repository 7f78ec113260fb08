"""Is a text English? A light, offline check: the script of its letters, then stopwords.

Returns the name of the language (or script) when the text is clearly not English, and
None otherwise. Short or ambiguous texts count as English: the check only refuses what
it is sure of. The stopword lists are data: ``data/language/stopwords.tsv``.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..data import data_path

SAMPLE = 20_000  # characters looked at
MIN_LETTERS = 5  # fewer letters than this: no verdict on the script
MIN_WORDS = 40  # fewer Latin words than this: no verdict on the language
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# (first, last, name) code point ranges of the scripts news text comes in.
_SCRIPTS = [
    (0x0370, 0x03FF, "Greek"), (0x0400, 0x052F, "Cyrillic script"), (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic script"), (0x0750, 0x077F, "Arabic script"),
    (0x0900, 0x097F, "Devanagari script"), (0x0980, 0x09FF, "Bengali"), (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Korean"), (0x3040, 0x30FF, "Japanese"),
    (0x3400, 0x4DBF, "Chinese"), (0x4E00, 0x9FFF, "Chinese"), (0xAC00, 0xD7AF, "Korean"),
    (0xF900, 0xFAFF, "Chinese"), (0x0E80, 0x0EFF, "Lao"), (0x1780, 0x17FF, "Khmer"),
]


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    with data_path("language", "stopwords.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                lang, words = line.rstrip("\n").split("\t", 1)
                out[lang] = frozenset(words.split())
    return out


@lru_cache(maxsize=1)
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Stopword → the languages listing it: one lookup per word instead of one per language."""
    out: dict[str, list[str]] = {}
    for lang, words in stopwords().items():
        for w in words:
            out.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in out.items()}


def script_of(ch: str) -> str:
    cp = ord(ch)
    if cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF:
        return "Latin"
    for first, last, name in _SCRIPTS:
        if first <= cp <= last:
            return name
    return "other"


def non_english(text: str) -> str | None:
    """The language or script of ``text`` when it is clearly not English, else None."""
    sample = text[:SAMPLE]
    # ASCII letters are all Latin: only other text needs counting by script
    scripts = Counter() if sample.isascii() else Counter(script_of(ch) for ch in sample if ch.isalpha())
    letters = sum(scripts.values())
    if letters >= MIN_LETTERS and scripts["Latin"] < 0.5 * letters:
        name, _ = max(((n, c) for n, c in scripts.items() if n != "Latin"), key=lambda x: x[1])
        if name == "Chinese" and (scripts["Japanese"] or scripts["Korean"]):
            name = "Japanese" if scripts["Japanese"] >= scripts["Korean"] else "Korean"
        return name if name != "other" else "a non-Latin script"
    found = _WORD.findall(sample)
    words = [w.lower() for w in found] if not scripts else \
        [w.lower() for w in found if script_of(w[0]) == "Latin"]
    if len(words) < MIN_WORDS:
        return None
    hits = Counter(lang for w in words for lang in _languages_of().get(w, ()))
    share = {lang: hits[lang] / len(words) for lang in stopwords()}
    english = share.pop("English", 0.0)
    if not share:
        return None
    lang, best = max(share.items(), key=lambda x: x[1])
    # Refuse only when another language's function words clearly dominate.
    if best >= 0.15 and best > 2 * english:
        return lang
    return None
