"""How actors are named and typed for people to read: names from the dictionaries' and the code
tables' names, properly cased; sector actors as ``Government of China``; news outlets typed
``media`` and diseases, time zones and campaigns ``other`` (kept out of the political network).

The dictionaries write roots in upper case (``UNITED_STATES_OF_AMERICA_``): :func:`proper_case`
cases them (``United States of America``, ``Group of Seven``); an acronym the text writes in
capitals (``CNN``, ``NATO``) or a name it writes with inner capitals (``al-Sudani``) keeps the
text's form (:func:`finish_actors`). A code never stands as a name: the names of the
three-letter codes that are not states (regions such as ``WST``, ``MED``) are in
``data/kb/codes.tsv``.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Protocol

from ..lexicon import table, word_class
from ..records import Actor


class IgoNames(Protocol):
    """What the naming pass asks the knowledge base (kept to this, so kb.py may import this module)."""

    def igo_name(self, code: str) -> str | None: ...

# The types of actors that take part in the political network; the rest (media, other) only when asked.
POLITICAL_TYPES = ("state", "person", "group", "igo", "sector", "unknown")
NON_POLITICAL_TYPES = ("media", "other")

_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.I)
_HAS_VOWEL = re.compile(r"[aeiouy]", re.I)


def is_political(actor_type: str | None) -> bool:
    """Whether an actor of this type belongs in the political network by default."""
    return actor_type not in NON_POLITICAL_TYPES


@lru_cache(maxsize=1)
def code_names() -> dict[str, tuple[str, str]]:
    """Three-letter code → (name, kind) for the codes that are not states (``data/kb/codes.tsv``)."""
    return {r["code"]: (r["name"], r["kind"]) for r in table("kb", "codes.tsv")}


def _case_word(word: str, first: bool) -> str:
    low = word.lower()
    if not first and low in word_class("name_lowercase_words"):
        return low
    if _ROMAN.match(word) and len(word) > 1:
        return word.upper()  # Elizabeth II, not Ii
    if len(word) > 1 and not _HAS_VOWEL.search(word) and word.isalpha():
        return word.upper()  # CNN, BBC: no vowel, no English word
    # each part of a hyphenated or apostrophised word: Guinea-Bissau, Baha'i (not Baha'I), al-Qaeda kept
    parts = re.split(r"([-/])", low)
    return "".join(p[:1].upper() + p[1:] if p not in "-/" else p for p in parts)


@lru_cache(maxsize=1 << 14)  # every actor's name, in every document: the same names recur
def proper_case(phrase: str) -> str:
    """``UNITED STATES OF AMERICA`` → ``United States of America``; ``(CIRA)`` stays an acronym."""
    out: list[str] = []
    for k, word in enumerate(phrase.split()):
        inner = word.strip("()")
        if word.startswith("(") and word.endswith(")") and inner.isalpha() and len(inner) <= 6:
            out.append(f"({inner.upper()})")
            continue
        out.append(_case_word(word, k == 0))
    return " ".join(out)


def code_name(code: str) -> str | None:
    """The name of a non-state three-letter code (``WST`` → ``Western countries``), else None."""
    found = code_names().get(code)
    return found[0] if found else None


def code_kind(code: str | None) -> str | None:
    """``region``, ``media`` or ``group`` for a non-state three-letter code; None for a state."""
    found = code_names().get(code or "")
    return found[1] if found else None


def of_phrase(owner: str, organisation: bool = False) -> str:
    """``of the United States of America``, ``of China``, ``of the Philippines``, ``of the United
    Nations``, ``of NATO``: the owner after ``of``. An organisation takes ``the`` unless its name is
    an acronym; a state when its name has a word that asks for it."""
    if owner[:4].lower() == "the ":
        return f"of {owner}"
    if organisation:
        return f"of {owner}" if owner.replace("-", "").isupper() else f"of the {owner}"
    words = {w.lower() for w in owner.split()}
    return f"of the {owner}" if words & word_class("state_article_words") else f"of {owner}"


def sector_label(phrase: str, owner: str | None, organisation: bool = False) -> str:
    """``Government of China``, ``Foreign ministers of the Group of Seven``; ``police`` alone."""
    phrase = " ".join(phrase.split())
    if not owner:
        return phrase
    return f"{phrase[:1].upper()}{phrase[1:]} {of_phrase(owner, organisation)}"


def _text_form(name: str, mentions_text: list[str]) -> str | None:
    """The text's own writing of the name when it says more than the dictionary's casing: an
    acronym in capitals (``CNN``), inner capitals or a lower-case particle (``al-Sudani``)."""
    forms = Counter(t for t in mentions_text if t.casefold() == name.casefold() and t != name)
    for form, _ in forms.most_common():
        if form.isupper() and " " not in form and len(form) <= 6:
            return form  # an acronym (a headline in capitals is longer, or has spaces)
        if any(c.islower() for c in form) and any(c.isupper() for c in form):
            return form
    return None


def _whole(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split()).removeprefix("the ")


def actor_kind(a: Actor) -> str | None:
    """``media`` for a news outlet or platform, ``other`` for a disease, time zone, campaign or
    religion named like an organisation; None to keep the actor's type. People the knowledge base
    knows stay people."""
    if a.type == "person" and a.code and any(m.method in ("kb", "dictionary", "role") for m in a.mentions):
        return None
    if a.type == "sector":
        return None
    whole = _whole(a.name)
    words = whole.split()
    if not words:
        return None
    if whole in word_class("non_actor_names") or (len(words) > 1 and words[-1] in word_class("non_actor_name_heads")):
        return "other"
    if whole in word_class("media_names"):
        return "media"
    if a.type != "person" and len(words) > 1 and words[-1] in word_class("media_name_heads"):
        return "media"
    if a.code and len(a.code) >= 3 and a.type in ("state", "group") and code_kind(a.code[:3]) == "media":
        return "media"  # the dictionaries' own media organisations (Reuters: [MED])
    return None


def finish_actors(actors: dict[str, Actor], kb: IgoNames | None = None) -> None:
    """The last naming pass over a document's actors, in place: the text's casing of acronyms and
    particles, a code's name where a code stood as the name, and the media/other types.
    Ids do not change (the token map and the events refer to them)."""
    renamed: dict[str, tuple[str, bool]] = {}  # old name → (new name, an organisation?)
    for a in actors.values():
        if a.code and a.name.upper() in (a.code, a.code[:3]) and code_name(a.name.upper()):
            a.name = code_name(a.name.upper()) or a.name
            continue  # the text's "NGO" is that code again: the code's name is the name
        if kb is not None and a.type == "igo" and a.code and a.name[:4].lower() == "the ":
            known = kb.igo_name(a.code)  # "The UN" as the text wrote it: the organisation's own name
            if known:
                renamed[a.name] = (known, True)
                a.name = known
        form = _text_form(a.name, [m.text for m in a.mentions if m.method not in ("coref",)])
        if form is not None:
            renamed[a.name] = (form, a.type != "state")
            a.name = form
    if renamed:  # a sector actor named after its owner (Foreign ministers of the Nato) follows the owner
        for a in actors.values():
            if a.type != "sector":
                continue
            for old, (new, organisation) in renamed.items():
                for was in (f"of the {old}", f"of {old}"):
                    if a.name.endswith(f" {was}"):
                        a.name = a.name[:-len(was)] + of_phrase(new, organisation)
                        break
    for a in actors.values():
        kind = actor_kind(a)
        if kind is not None and kind != a.type:
            a.type = kind
            if kind == "other":
                a.code, a.country = None, None
            elif not (a.code and "MED" in a.code):
                a.code, a.country = "MED", None
