"""Normalize input text for the parser while keeping a map back to the original.

Redaction markers (``**``, ``***``, a lone ``*`` standing as a word, ``[REDACTED]``, ``(censored)``,
``■■``, ``××``, ``□□``) become a single placeholder
word the parser can read (``REDACTED``); odd spaces and invisible characters become plain
spaces or disappear. ``NormalizedText.to_original`` maps any span of the normalized text
back to the characters of the input it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Redaction

PLACEHOLDER = "REDACTED"

# Runs of two or more asterisks; a lone asterisk standing as a word between words (``the Tunisian *,``:
# a space after a letter or comma before it, a space or a clause mark after it; not a bullet, a
# footnote mark glued to its word, nor ``3 * 4``); bracketed or parenthesised redaction words;
# block characters, runs of multiplication signs and of empty squares (machine-translated censorship).
_REDACTION = re.compile(r"\*{2,}|(?<=[^\W\d_,] )\*(?=[ ,;:.)])|(?<=, )\*(?=[ ,;:.)])"
                        r"|[\[(](?:REDACTED|redacted|Redacted|CENSORED|censored|Censored|\.\.\.)[\])]"
                        r"|[■█▇]+|×{2,}|□{2,}|(?<!\w)X{3,}(?!\w)")
# Characters the parser should see as a plain space.
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003", "\u3000", "\t", "\x0b", "\x0c"}
# Characters that carry nothing and are dropped.
_DROP = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u2060"}
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}


@dataclass
class NormalizedText:
    original: str
    text: str
    # offsets[i] = index in the original of normalized char i; offsets[len(text)] = len(original)
    offsets: list[int]
    redactions: list[Redaction] = field(default_factory=list)
    # normalized start → index into ``redactions``
    redaction_at: dict[int, int] = field(default_factory=dict)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized span [start, end) to the original text."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        # The last char of a placeholder maps to the marker's last char, so +1 covers it whole.
        return self.offsets[start], self.offsets[end - 1] + 1

    def original_span(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.to_original(start, end)
        return s, e, self.original[s:e]


def normalize(original: str) -> NormalizedText:
    out: list[str] = []
    offsets: list[int] = []
    redactions: list[Redaction] = []
    redaction_at: dict[int, int] = {}
    i = 0
    n = len(original)
    for m in _REDACTION.finditer(original):
        _copy_plain(original, i, m.start(), out, offsets)
        norm_start = len(out)
        redaction_at[norm_start] = len(redactions)
        redactions.append(Redaction(m.start(), m.end(), m.group(0), None))
        # Every placeholder char maps into the marker; the last one maps to its final char
        # so that a span covering the placeholder covers the whole marker.
        width = m.end() - m.start()
        for k, ch in enumerate(PLACEHOLDER):
            out.append(ch)
            offsets.append(m.end() - 1 if k == len(PLACEHOLDER) - 1 else m.start() + min(k, width - 1))
        i = m.end()
    _copy_plain(original, i, n, out, offsets)
    offsets.append(n)
    return NormalizedText(original, "".join(out), offsets, redactions, redaction_at)


def _copy_plain(src: str, start: int, end: int, out: list[str], offsets: list[int]) -> None:
    for j in range(start, end):
        ch = src[j]
        if ch in _DROP:
            continue
        if ch in _SPACES:
            ch = " "
        elif ch == "\r":
            ch = "\n" if j + 1 >= len(src) or src[j + 1] != "\n" else " "
        else:
            ch = _QUOTES.get(ch, ch)
        out.append(ch)
        offsets.append(j)
