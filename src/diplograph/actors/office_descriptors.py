"""Office descriptions read from their words: ``the [new] [South] Korean president``, ``Kenya's head of state``,
``the country's leader``, ``Egypt's top diplomat``, ``the former Chilean president``.

``descriptor`` gives a mention's office title, whether it is definite, and the state its words (or the words before
it: a possessive, a nationality, an age) name; ``former_descriptor`` the same for a past holder; ``office_title`` the
longest run of words ending with a noun that names an office. Read by the office-holder passes (``offices``,
``former_offices``) and the descriptor readers; they decide nothing themselves.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..nlp import tokens_of
from ..records import Actor
from .leaders import office_forms
from .office_named import canonical_office, is_portfolio
from .office_states import (age_before as _age_before, compass_state as _compass_state, past_word as _past_word,
                            possessor_state as _possessor_state, state_word as _state_word)
from .state import State

DETERMINERS = word_class("office_determiners")


def former_descriptor(st: State, a: Actor, m) -> tuple[str, str | None] | None:
    """(office title, state) of a mention that is a definite ``[the] former [state] title`` /
    ``[state's] former title`` (a past word before the title or among its words), else None."""
    toks = mention_tokens(st, a, m)
    if not toks:
        return None
    window = range(max(0, toks[0] - 4), toks[-1] + 1)
    if not any(_past_word(st.doc[t].lower_) for t in window):
        return None
    d = descriptor(st, a, toks, allow_past=True)
    if d is None:
        return None
    definite = d[1] or any(st.doc[t].lower_ in ("'s", "’s") for t in window)
    return (d[0], d[2] or a.country) if definite else None


def descriptor(st: State, a: Actor, tokens: list[int], allow_past: bool = False
                ) -> tuple[str, bool, str | None] | None:
    """(office title, definite, state) of a mention's tokens when they are ``[the] [adjectives] [state] title``
    (``allow_past``: a past word among them is read over, not a refusal)."""
    doc = st.doc
    words: list[str] = []
    definite = False
    j = tokens[0] - 1
    state: str | None = None
    reach = 3
    while j >= 0 and tokens[0] - j <= reach:  # "the [new] [South] Korean president": the article before its modifiers
        age = _age_before(doc, j)
        if age is not None:  # "the 58-year-old Kenyan president": an age is no part of the office
            reach += j - age
            j = age
            continue
        if doc[j].lower_ in DETERMINERS:
            definite = True
            break
        if doc[j].lower_ in word_class("other_office_modifiers"):
            return None  # "the regional president": another body's office
        if doc[j].lower_ in word_class("office_holder_modifiers"):  # "Mexico's first woman president"
            j -= 1
            continue
        if doc[j].lower_ in ("'s", "’s") and j >= 1:
            owner = _possessor_state(st, j - 1)
            if owner is not None:  # "Kenya's head of state", "Saudi Arabia's crown prince", "the country's president"
                state, definite = state or owner, True
                break
        if doc[j].pos_ not in ("ADJ", "PROPN") or doc[j].dep_ not in ("amod", "compound", "nmod"):
            break
        if _past_word(doc[j].lower_):
            if allow_past:
                j -= 1
                continue
            return None  # "the former [South] Korean president": a past holder (``former_offices``)
        front = st.out.actor_at(j)
        if front is not None and front.type == "state" and front.country:
            state = state or front.country  # "the PNG leader": a state written before the mention's words
        j -= 1
    for t in tokens:
        tok = doc[t]
        low = tok.lower_
        hit = st.hits.get(t)
        if low in DETERMINERS:
            definite = True
            continue
        if low in ("'s", "’s"):
            continue
        c = _state_word(st, t) or (_compass_state(st, t) if low in ("south", "north") else None)
        if c is not None and t > 0 and doc[t - 1].lower_ in ("south", "north"):
            c = _compass_state(st, t - 1) or c  # "South Sudanese" whose compass word another actor holds
        if c is not None or (low in ("south", "north") and t + 1 < len(doc) and _state_word(st, t + 1)):
            state = state or c
            continue
        if hit is not None and hit[2].kind == "demonym":
            state = state or hit[2].country
            continue
        if _past_word(low):
            if allow_past:
                continue
            return None  # a former holder: ``former_offices``, else coreference's business
        if low in word_class("other_office_modifiers"):
            return None
        if low in word_class("current_adjectives") or (tok.pos_ == "ADJ" and not tok.text[:1].isupper()
                                                         and low not in word_class("office_words")):
            continue
        if tok.tag_ in ("NNS", "NNPS"):
            return None
        if tok.text[:1].isupper() and tok.pos_ == "PROPN" and low not in word_class("office_words"):
            return None  # a name inside: not a bare descriptor
        words.append(low)
    if _of_another_body(doc, tokens[-1]):
        return None  # "the leader of the opposition": the opposition's, not the state's
    title = office_of(words)
    pair = canonical_office(f"{doc[tokens[-1] - 1].lower_} {doc[tokens[-1]].lower_}") if tokens[-1] > 0 else ""
    if title is None and is_portfolio(pair):
        title = pair  # "Egypt's top diplomat": two words that name an office together
    if title is None:
        return None
    return title, definite, state


def is_office(title: str) -> bool:
    return title in office_forms() or title in word_class("leader_nouns") or is_portfolio(canonical_office(title))


def office_of(words: list[str]) -> str | None:
    """The office a description's words name: all of them, else the office its last words name after words that
    only say who holds it (``first woman president``, ``de facto ruler``); never a deputy's or another office's
    (``vice president``, ``foreign minister``: their words are no such modifiers)."""
    if not words:
        return None
    title = " ".join(words)
    if is_office(title):
        return canonical_office(title) if is_portfolio(canonical_office(title)) else title
    holders = word_class("office_holder_modifiers")
    for k in range(1, len(words)):
        if words[k - 1] not in holders:
            return None
        rest = " ".join(words[k:])
        if is_office(rest):
            return canonical_office(rest) if is_portfolio(canonical_office(rest)) else rest
    return None





def mention_tokens(st: State, a: Actor, m) -> list[int]:
    out = []
    toks = tokens_of(st.doc)
    for t, aid in st.out.token_actor.items():
        if aid != a.id:
            continue
        tok = toks[t]
        s, e = st.norm.to_original(tok.idx, tok.idx + len(tok))
        if m.start <= s and e <= m.end:
            out.append(t)
    return sorted(out)


def office_title(doc, head: int) -> tuple[str, int]:
    """(title, first token) of the office a noun heads: the longest run of up to three words ending with it
    that names an office (``prime minister`` whatever the tagger made of ``prime``), else the noun."""
    low = doc[head].lemma_.lower()
    for n in (3, 2):
        s = head - n + 1
        if s < 0:
            continue
        words = " ".join([doc[t].lower_ for t in range(s, head)] + [low])
        if words in office_forms() or words in word_class("leader_nouns"):
            return words, s
    return low, head


def _of_another_body(doc, last: int) -> bool:
    """``<office> of the opposition``, ``<office> of the regional government``: an ``of`` phrase right after the
    description names a body that is not the state (an opposition word or another office's modifier)."""
    j = last + 1
    if j >= len(doc) or doc[j].lower_ != "of":
        return False
    others = word_class("opposition_words") | word_class("other_office_modifiers")
    return any(doc[k].lower_ in others for k in range(j + 1, min(len(doc), j + 4)))
