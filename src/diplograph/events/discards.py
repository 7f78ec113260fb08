"""Phoenix discards: phrases that rule out a sentence or a whole story (sports, films …).

``Phoenix.discards.txt``: one phrase a line, ``+`` marks a story-level discard, ``#``
starts a comment. Two kinds of sentence-level entries are not applied: bare years
(``1914`` … ``2013``) and ``N YEARS AGO``-style phrases — PETRARCH used them to skip
historical sentences, while diplograph dates such events (claims stage) instead of
dropping them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data import data_path

_TEMPORAL = re.compile(r"^(\d+|.*\b(AGO|LATER)\b.*)$")


@dataclass
class DiscardIndex:
    story_re: re.Pattern | None
    sentence_re: re.Pattern | None

    def story(self, text: str) -> bool:
        return bool(self.story_re and self.story_re.search(text))

    def sentence(self, text: str) -> bool:
        return bool(self.sentence_re and self.sentence_re.search(text))


def _regex(phrases: list[str]) -> re.Pattern | None:
    if not phrases:
        return None
    alts = sorted({r"\s+".join(re.escape(w) for w in p.split()) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


def read_discards(path: Path) -> DiscardIndex:
    story: list[str] = []
    sentence: list[str] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("+"):
            phrase = line[1:].strip().replace("_", " ")
            if phrase:
                story.append(phrase)
        else:
            phrase = line.replace("_", " ")
            if not _TEMPORAL.match(phrase.upper()):
                sentence.append(phrase)
    return DiscardIndex(_regex(story), _regex(sentence))


@lru_cache(maxsize=1)
def discard_index() -> DiscardIndex:
    return read_discards(data_path("phoenix", "Phoenix.discards.txt"))
