"""The offices the text itself gives people: who it names in an office, whatever the tables say.

``X, the Kenyan president,`` / ``Kenya's president, X,`` (apposition), ``X became president of Kenya`` / ``X was
sworn in as prime minister`` / ``X is the country's leader`` (predicate), ``X, who leads Kenya`` (a leading verb
whose object is a state): each gives person X the office (title) of a state (or of no written state). Read by
:mod:`.offices`: an office description is the person the text named in that office before the tables' holder
(the text is about its own date; the tables may be behind, or spell the holder otherwise).

One pass over the tokens of the office words (``positions``), reading the parse around them.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import table, word_class
from .leaders import office_forms
from .office_focus import focus_state, is_state_noun
from ..text.normalize import PLACEHOLDER
from .state import State, positions, state_at

_PREDICATE_DEPS = ("attr", "oprd")
_SUBJECTS = ("nsubj", "nsubjpass")


@lru_cache(maxsize=1)
def office_heads() -> frozenset[str]:
    """The last words of the offices a description can name (``president``, ``minister``, ``leader``)."""
    titles = set(office_forms()) | set(word_class("leader_nouns")) | set(_aliases()) | set(_aliases().values())
    return frozenset(t.split()[-1] for t in titles) | {"minister", "secretary"}


def office_title(doc, head: int) -> str:
    """The office a noun heads: the longest run of up to three words ending with it that names one, else the noun."""
    low = doc[head].lemma_.lower()
    known = set(office_forms()) | set(word_class("leader_nouns"))
    for n in (3, 2):
        s = head - n + 1
        if s >= 0:
            words = " ".join([doc[t].lower_ for t in range(s, head)] + [low])
            if words in known or is_portfolio(canonical_office(words)):
                return words
    if low == "minister" and head + 2 < len(doc) and doc[head + 1].lower_ == "of" and \
            doc[head + 2].lower_ in word_class("portfolio_words"):
        return "minister of " + doc[head + 2].lower_  # "minister of finance"
    return low


def text_offices(st: State) -> dict[str, list[tuple[str, str | None, bool]]]:
    """Person actor id → the (title, state or None, past) the text gives them in apposition or predicate; computed
    once per document (the office pass asks for every description)."""
    if st.text_offices is not None:
        return st.text_offices
    out: dict[str, list[tuple[str, str | None, bool]]] = {}
    doc = st.doc
    for i in positions(st, office_heads()):
        tok = doc[i]
        if tok.tag_ in ("NNS", "NNPS"):
            continue
        person = _person_of(st, tok)
        if person is None:
            continue
        title = office_title(doc, i)
        said = _state_of(st, tok, len(title.split()))
        if said is not None:
            out.setdefault(person, []).append((canonical_office(title), said[0], said[1]))
    for i in positions(st, (PLACEHOLDER.lower(),)):
        # "Finance ** X": a ministry's field before a censored title gives the person its minister's office
        if i == 0 or i + 1 >= len(doc) or doc[i - 1].lower_ not in word_class("portfolio_words"):
            continue
        a = st.out.actor_at(i + 1)
        if a is not None and a.type == "person":
            state = state_at(st, i - 2) if i >= 2 else None
            out.setdefault(a.id, []).append((canonical_office(doc[i - 1].lower_ + " minister"), state, False))
    for i in positions(st, lemmas=word_class("leading_verbs")):
        tok = doc[i]  # "X, who leads Kenya": the state's leader
        if tok.dep_ != "relcl" or tok.head.i == i:
            continue
        a = st.out.actor_at(tok.head.i)
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if a is None or a.type != "person" or obj is None:
            continue
        c = state_at(st, obj.i)
        if c is not None:
            out.setdefault(a.id, []).append(("leader", c, False))
    st.text_offices = out
    return out


def _person_of(st: State, tok) -> str | None:
    """The person an office word is said of: in apposition either way, or the subject it is the predicate of
    (``became president``, ``sworn in as president``)."""
    cands = []
    if tok.dep_ == "appos":
        cands.append(tok.head)
    cands += [c for c in tok.children if c.dep_ == "appos"]
    verb = None
    if tok.dep_ in _PREDICATE_DEPS:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "as":
        verb = tok.head.head
    if verb is not None:
        cands += [c for c in verb.children if c.dep_ in _SUBJECTS]
    for c in cands:
        a = st.out.actor_at(c.i)
        if a is not None and a.type == "person":
            return a.id
    return None


def _state_of(st: State, tok, size: int) -> tuple[str | None, bool] | None:
    """(the state, past) of an office word (``size`` words long) said of a person: a nationality or state before
    it, a possessor (``Kenya's``, ``the country's``) or ``of <state>`` after it, and whether a past word
    qualifies it; None when another word makes it another office (``vice president``, ``the PDCI leader``,
    ``president of the Senate``)."""
    state, past = None, False
    allowed = holder_words()
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < tok.i:
            if tok.i - c.i < size:
                continue  # a word of the title itself ("prime" of "prime minister")
            if c.dep_ == "poss" and is_state_noun(c.lower_):
                state = state or focus_state(st)
                continue
            got = state_at(st, c.i)
            if got is not None:
                state = state or got
            elif c.lower_ in word_class("former_words") or c.lower_ in ("former", "previous", "ex"):
                past = True
            elif c.lower_ not in allowed:
                return None
        elif c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            got = state_at(st, obj.i) if obj is not None else None
            if got is None and not (obj is not None and is_state_noun(obj.lower_)):
                return None  # the head of something else than a state
            state = state or got or focus_state(st)
    return state, past


@lru_cache(maxsize=1)
def holder_words() -> frozenset[str]:
    """Words before an office that leave it the same office: who holds it, and since when."""
    return frozenset(word_class("office_holder_modifiers") | word_class("current_adjectives")
                     | {"interim", "acting", "caretaker", "transitional", "incumbent", "newly", "sitting"})


def named_in_office(st: State, country: str, fits) -> list[str]:
    """The person actor ids the text names in an office ``fits(title)`` accepts, of ``country`` (or of no written
    state, when the person's own state is ``country`` or unknown), not as a past holder."""
    out = []
    for pid, offices in text_offices(st).items():
        p = st.out.actors.get(pid)
        if p is None or p.type != "person":
            continue
        for title, state, past in offices:
            if past or not fits(title):
                continue
            if state == country or (state is None and p.country in (country, None)):
                out.append(pid)
                break
    return out


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {r["title"].strip(): r["kind"].strip() for r in table("kb", "office_kinds.tsv")}


def same_office(want: str, said: str) -> bool:
    """A description's office (``want``) is the office the text gave a person (``said``): the same title or one
    of its forms, the same kind of head (``head of state`` / ``president``), or a leader noun (``the leader``)
    against any head's office."""
    want, said = canonical_office(want), canonical_office(said)
    if want == said or said in office_forms().get(want, ()) or want in office_forms().get(said, ()):
        return True
    kinds = _kinds()
    leaders = word_class("leader_nouns") - {"head of state", "head of government"}
    if want in leaders:
        return said in kinds or said in leaders
    if said in leaders:
        return want in kinds
    return want in kinds and kinds.get(want) == kinds.get(said)


def office_kind(title: str) -> str | None:
    """``state`` or ``government``: the kind of head an office is (``president``, ``premier``), else None."""
    return _kinds().get(title)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    return {r["alias"].strip(): r["office"].strip() for r in table("kb", "office_aliases.tsv")}


@lru_cache(maxsize=4096)
def canonical_office(title: str) -> str:
    """One form for the ways a text writes an office: ``minister of foreign affairs``, ``foreign affairs minister``
    and ``top diplomat`` are the ``foreign minister``; a title not known otherwise is itself (lower case)."""
    words = title.lower().replace("-", " ").split()
    if len(words) >= 3 and words[0] == "minister" and words[1] == "of":  # minister of (the) foreign affairs
        rest = [w for w in words[2:] if w not in ("the", "and")]
        words = rest + ["minister"]
    low = " ".join(words)
    low = _aliases().get(low, low)
    words = low.split()
    if len(words) == 3 and words[1] == "affairs" and words[2] == "minister":
        low = _aliases().get(low, words[0] + " minister")
    return low


def is_portfolio(title: str) -> bool:
    """``finance minister``, ``foreign minister``, ``intelligence chief``: a ministry's field and its head."""
    words = title.split()
    return (len(words) == 2 and words[0] in word_class("portfolio_words")
            and words[1] in ("minister", "secretary", "chief")) or title in _aliases().values()
