"""More places a censored title can be read from, each a rule proposing to :mod:`.title_choice`.

- ``mention.title_text_elsewhere``: the titles outside government the text gives the same person at their
  other mentions (``Admiral X`` later, ``X, a senator,``; a government title is ``mention.title_from_text``'s);
- ``mention.title_cue_near`` / ``mention.title_cue_sentence``: a word that names a kind of organisation
  or place in the few words before the redaction (or its of-phrase) / elsewhere in its sentence
  (``the opposition ** X``, ``the central bank ** X``; ``data/kb/title_cues.tsv``);
- ``mention.title_kb_name``: the leader tables' office on the date of the person the words after the
  redaction name, looked up by name in every state (when no actor was found, or the actor's state is not
  the tables' one);
- ``mention.title_same_person``: the title chosen at the same person's other redactions.

None of them decides: the title model weighs what each proposes.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import table, word_class
from ..nlp import sentence_of
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule
from .leaders import Tenure, load_leaders
from .roles import role_after, role_before
from .spelling import shared_units, units
from .state import State
from .title_context import Redacted

TEXT_ELSEWHERE = mention_rule("mention.title_text_elsewhere", 0.55,
                              "a censored title is a title outside government the text gives the same person at "
                              "another mention (Admiral X, Judge X, X, a senator)", ("actors", "kb"))
CUE_NEAR = mention_rule("mention.title_cue_near", 0.35,
                        "a censored title after a word naming a kind of organisation or place (the opposition **, "
                        "the central bank **) is that organisation's head (kb/title_cues.tsv)", ("kb:title_cues",))
CUE_SENTENCE = mention_rule("mention.title_cue_sentence", 0.2,
                            "a censored title in a sentence that names a kind of organisation or place is that "
                            "organisation's head (kb/title_cues.tsv)", ("kb:title_cues",))
KB_NAME = mention_rule("mention.title_kb_name", 0.5,
                       "a censored title before a name the leader tables know (any state) is that person's office "
                       "on the date", ("leaders",))
SAME_PERSON = mention_rule("mention.title_same_person", 0.6,
                           "a censored title of a person is the title chosen at that person's other censored titles",
                           ("actors",))

_OFFICE_RANK = {"state": 0, "government": 1, "": 1, "other": 3}
_NEAR = 4  # words before the redaction read as its noun phrase


@lru_cache(maxsize=1)
def cues() -> dict[tuple[str, ...], tuple[str, ...]]:
    return {tuple(r["cue"].split()): tuple(t.strip() for t in r["titles"].split("|") if t.strip())
            for r in table("kb", "title_cues.tsv")}


def _cue_at(words: list[str], i: int) -> tuple[tuple[str, ...], int] | None:
    """The cue starting at word ``i`` (two words before one) and its length."""
    table_ = cues()
    if i + 1 < len(words) and (words[i], words[i + 1]) in table_:
        return (words[i], words[i + 1]), 2
    if (words[i],) in table_:
        return (words[i],), 1
    return None


def _cues_in(st: State, tokens: list[int], rank: slice = slice(0, 1)) -> list[str]:
    """The titles the cues among ``tokens`` suggest: the most usual one of each (``rank`` 0), or the others."""
    words = [st.doc[i].lower_ for i in tokens]
    out: list[str] = []
    i = 0
    while i < len(words):
        hit = _cue_at(words, i)
        if hit is None:
            i += 1
            continue
        out += [t for t in cues()[hit[0]][rank] if t not in out]
        i += hit[1]
    return out


def near_tokens(r: Redacted) -> list[int]:
    doc, t = r.st.doc, r.token
    out = []
    j = t - 1
    while j >= 0 and t - j <= _NEAR and doc[j].text not in (",", ".", ";", ":", "(", ")") and doc[j].pos_ != "VERB":
        out.insert(0, j)
        j -= 1
    return out + list(r.of_tokens)


def _modifies_noun(r: Redacted) -> bool:
    """``the Mongolian ** ministry``: a redaction before a common noun modifies it; it hides no person's title."""
    doc, t = r.st.doc, r.token
    return t + 1 < len(doc) and doc[t + 1].pos_ == "NOUN" and doc[t + 1].text.islower()


def cue_near(r: Redacted) -> list[str] | None:
    return None if _modifies_noun(r) else _cues_in(r.st, near_tokens(r)) or None


def cue_sentence(r: Redacted) -> list[str] | None:
    if _modifies_noun(r):
        return None
    sent = sentence_of(r.st.doc, r.token)
    near = set(near_tokens(r)) | {r.token}
    toks = [i for i in range(sent.start, sent.end) if i not in near and getattr(r.st.out.actor_at(i), "type", "") != "person"]
    return _cues_in(r.st, toks) or None


# the person's other mentions ------------------------------------------------------------------------------

def _runs(st: State, aid: str) -> list[tuple[int, int]]:
    toks = sorted(i for i, a in st.out.token_actor.items() if a == aid)
    runs: list[tuple[int, int]] = []
    for i in toks:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def text_elsewhere(r: Redacted) -> list[str] | None:
    p, st = r.person, r.st
    if p is None:
        return None
    doc = st.doc
    styles = word_class("style_titles")
    out: list[str] = []
    for s, e in _runs(st, p.id):
        if abs(s - r.token) <= 2 or any(doc[k].text == PLACEHOLDER for k in range(max(0, s - 3), min(len(doc), e + 4))):
            continue  # the redaction's own mention, or another redaction's: no title the text gives
        while s < e - 1 and s in st.hits and st.hits[s][2].kind == "agent":
            s += 1  # ``Judge X``: the mention may span the title; the role is read before the name
        for role in (role_before(doc, s, st.hits, st.on), role_after(doc, e, st.hits, st.on)):
            if role is None or not role.title or role.style or role.title.lower().rstrip(".") in styles:
                continue
            if not is_office_title(role.title) or (role.sector or "").startswith("GOV"):
                continue  # a government title is mention.title_from_text's (the roles stage keeps it)
            if role.title not in out:
                out.append(role.title)
    return out or None


def is_office_title(title: str) -> bool:
    """``defence minister``, ``President``: a title that ends with an office word; ``the man``, ``the veteran``,
    ``central bank`` describe or name an organisation, they are no office."""
    words = title.lower().split()
    return bool(words) and words[-1].rstrip(".") in word_class("title_heads")


# the leader tables by name ---------------------------------------------------------------------------------

def _name_after(r: Redacted) -> str | None:
    doc, t = r.st.doc, r.token
    j = t + 1
    if j < len(doc) and doc[j].text == ",":
        j += 1
    words = []
    while j < len(doc) and len(words) < 4 and doc[j].text[:1].isupper() and doc[j].pos_ in ("PROPN", "NOUN", "ADJ"):
        words.append(doc[j].text)
        j += 1
    return " ".join(words) if words else None


def office_rank(t: Tenure) -> int:
    """Where an office stands when a person holds several: head of state, then of government, then the rest."""
    return _OFFICE_RANK.get(t.office, 2)


def person_tenures(name: str, country: str | None = None) -> list[Tenure]:
    """The tables' tenures of the person so named: two name words in common (one for a one-word name), and a
    one-word name matches only a holder the tables name in several words (a namesake or a parent shares the
    surname only)."""
    need = max(1, min(2, len(units(name))))
    return [t for t in load_leaders().tenures(name, country) if shared_units(name, t.leader) >= need
            and (len(units(name)) > 1 or len(t.leader.split()) > 1)]


def _held(name: str, on, country: str | None = None) -> list[Tenure]:
    return sorted((t for t in person_tenures(name, country) if t.holds(on)), key=office_rank)


def clean_title(title: str) -> str:
    """A table's title without a dangling ``of``/``the``/``and`` at its end."""
    words = title.split()
    while words and words[-1].lower() in ("of", "the", "and"):
        words.pop()
    return " ".join(words) or title


def kb_name(r: Redacted) -> list[str] | None:
    on = r.st.on
    if on is None:
        return None
    names = [n for n in (r.person.name if r.person is not None else None, _name_after(r)) if n]
    for name in names:
        held = _held(name, on)
        if len({t.country for t in held}) == 1:
            if r.person is not None and r.person.country == held[0].country:
                return None  # the person's own state's office: mention.title_kb_office's
            return [clean_title(held[0].title)]
    return None


def same_person(r: Redacted) -> list[str] | None:
    return list(r.others) or None
