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


_WORD = re.compile(r"[\w'.&-]+")


@dataclass
class PhraseIndex:
    """Phrases by their first word: a text matches when one phrase's words follow in it."""
    by_first: dict[str, list[tuple[str, ...]]]

    @classmethod
    def of(cls, phrases: list[str]) -> "PhraseIndex":
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            words = tuple(w.strip(".") for w in _WORD.findall(p.upper()))
            if words:
                by_first.setdefault(words[0], []).append(words)
        return cls(by_first)

    def search(self, text: str) -> bool:
        words = [w.strip(".") for w in _WORD.findall(text.upper())]
        by_first = self.by_first
        for i, w in enumerate(words):
            for phrase in by_first.get(w, ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    return True
        return False


@dataclass
class DiscardIndex:
    stories: PhraseIndex
    sentences: PhraseIndex

    def story(self, text: str) -> bool:
        return self.stories.search(text)

    def sentence(self, text: str) -> bool:
        return self.sentences.search(text)


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
    return DiscardIndex(PhraseIndex.of(story), PhraseIndex.of(sentence))


@lru_cache(maxsize=1)
def discard_index() -> DiscardIndex:
    return read_discards(data_path("phoenix", "Phoenix.discards.txt"))
