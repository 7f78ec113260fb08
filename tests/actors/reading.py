"""Helpers the actor tests share: which actor a stretch of the text went to."""
from __future__ import annotations


def owners(a, text: str, needle: str) -> list[str]:
    """The person names that every occurrence of ``needle`` (any case) in ``text`` went to ('' for none)."""
    out, low, pos = [], text.lower(), 0
    while (s := low.find(needle.lower(), pos)) >= 0:
        e = s + len(needle)
        hit = [x for x in a.actors for m in x.mentions if min(e, m.end) - max(s, m.start) > 0]
        out.append(hit[0].name if hit and hit[0].type == "person" else "")
        pos = e
    return out


def covering_actor(a, text: str, word: str, nth: int = 1):
    """The actor whose mention covers the nth occurrence of ``word`` (case as written), else None."""
    start = -1
    for _ in range(nth):
        start = text.index(word, start + 1)
    for x in a.actors:
        if any(m.start <= start and start + len(word) <= m.end for m in x.mentions):
            return x
    return None


def longest_mention_owner(actors, words: str):
    """(actor, rule) of the longest mention whose text contains ``words`` (case as written), else (None, None)."""
    found = [(len(m.text), x, m.rule) for x in actors for m in x.mentions if words in m.text]
    if not found:
        return None, None
    _, x, rule = max(found, key=lambda f: f[0])
    return x, rule
