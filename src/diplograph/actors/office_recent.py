"""``the new prime minister``, ``the incoming head of government``: the holder who took the office lately.

First the text's own newcomer (``mention.office_holder_new_text``): a text that calls someone "the new finance
minister" has just named them — ``X is now ... the new finance minister``, ``X took over the post ... the new deputy
prime minister``, ``His successor is X ... the new head of government`` — so the description is the person named last
before it, in its sentence or the ``NEW_SENTENCES_BACK`` before, passing over people who cannot be the newcomer: a
former holder (ELI), a person of another state than the description's, one the tables say holds another office
(the president who appointed the new prime minister), one the tables say has held this office for over
``NEW_DAYS``. The text names newcomers the tables do not know yet, and of a state the tables' newest holder is not.

Else a description that says its holder is new and names no state means the holder of that office, among the states the
document speaks of, whose tenure began last, within ``NEW_DAYS`` before the document's date (the leader tables): a
text about a change of government calls its winner so, whatever other state's older holder it also names. Read by
:mod:`.offices` (``mention.office_holder_new``) before the focus state and coreference.
"""
from __future__ import annotations

from ..nlp import sentence_index, sentences_of
from ..records import Actor
from .decide import mention_rule, switched_on
from .fuzzynames import document_states
from .leaders import Tenure, load_leaders, title_fits
from .office_states import tenure_actor
from .spelling import shared_units
from .state import State

NEW_HOLDER = mention_rule("mention.office_holder_new", 0.6,
                          "'the new prime minister' (no state) is the holder of that office, in the states the "
                          "document names, whose tenure began last, within a year of its date (leader tables)",
                          ("actors", "leaders"))

# How recently a holder took office for "the new <office>" to be them.
NEW_DAYS = 366

_NEW_WORDS = ("new", "newly", "incoming")

NEW_TEXT_HOLDER = mention_rule("mention.office_holder_new_text", 0.6,
                               "'the new prime minister' is the person named last before it (its sentence or the "
                               "two before) who may be the newcomer: not a former holder, not of another state, "
                               "not holding another office or this one for over a year by the leader tables",
                               ("actors", "leaders"))

NEW_SENTENCES_BACK = 1


def _may_be_new(st: State, p: Actor, title: str, country: str | None) -> bool:
    """Whether ``p`` may be the new holder of ``title``: no former holder, no person of another state, no person
    the tables give another office or this one of old."""
    code = p.code or ""
    if code.endswith("ELI") or (country and p.country not in (country, None)):
        return False
    if p.country and st.on is not None:
        h = load_leaders().holder(p.country, st.on, title)
        if h is not None and shared_units(p.name, h.leader) >= min(2, len(p.name.split())):
            return (st.on - h.start).days <= NEW_DAYS  # the tables' holder: new only if lately in office
    said = st.tenure_title.get(p.id)
    return not said or title_fits(title, said)  # not the tables' holder of another office (the appointing president)


def text_new_holder(st: State, start: int, title: str, country: str | None = None) -> Actor | None:
    """The person named last before token ``start`` (its sentence or the two before) who may be the new holder."""
    sents = sentences_of(st.doc)
    k = sentence_index(st.doc)[start]
    first = sents[max(0, k - NEW_SENTENCES_BACK)].start
    seen: set[str] = set()
    for t in range(start - 1, first - 1, -1):
        a = st.out.actor_at(t)
        if a is None or a.type != "person" or a.id in seen:
            continue
        seen.add(a.id)
        if _may_be_new(st, a, title, country):
            return a
    return None


def _named_before(st: State, tenure: Tenure, country: str, start: int) -> Actor | None:
    """The document's person of ``tenure`` when the text names them before token ``start``."""
    tok = st.doc[start]
    at = st.norm.to_original(tok.idx, tok.idx + len(tok))[0]  # mentions carry offsets in the original text
    names = load_leaders().spellings(tenure)
    for p in st.out.actors.values():
        if p.type == "person" and p.country in (country, None) and any(m.start < at for m in p.mentions) and any(
                shared_units(p.name, n) >= min(2, len(p.name.split())) for n in names):
            return p
    return None


def new_holder(st: State, start: int, title: str) -> tuple[Actor, str] | None:
    """Whom ``the new <title>`` at token ``start`` names and the rule: the tables' newest holder when the text has
    named them before, else the text's newcomer, else the tables' newest holder."""
    recent = _recent_tenure(st, title) if switched_on(NEW_HOLDER) else None
    if recent is not None:
        named = _named_before(st, recent[1], recent[0], start)
        if named is not None:
            return named, NEW_HOLDER
    p = text_new_holder(st, start, title) if switched_on(NEW_TEXT_HOLDER) else None
    if p is not None:
        return p, NEW_TEXT_HOLDER
    if recent is not None:
        return tenure_actor(st, recent[1], recent[0], "GOV"), NEW_HOLDER
    return None


def says_new(st: State, first: int, last: int) -> bool:
    """A word of the description (or up to three before it) says its holder is new."""
    return any(st.doc[t].lower_ in _NEW_WORDS for t in range(max(0, first - 3), last + 1))


def recent_holder(st: State, title: str) -> Actor | None:
    found = _recent_tenure(st, title)
    return tenure_actor(st, found[1], found[0], "GOV") if found is not None else None


def _recent_tenure(st: State, title: str) -> tuple[str, Tenure] | None:
    """The state and tenure of the holder of ``title``, among the document's states, whose tenure began last and
    within ``NEW_DAYS`` of its date."""
    if st.on is None:
        return None
    states = set(document_states(st))
    states |= {a.country for a in st.out.actors.values() if a.type == "person" and a.country}
    leaders = load_leaders()
    fits = []
    for c in sorted(s for s in states if s):
        h = leaders.holder(c, st.on, title)
        if h is not None and 0 <= (st.on - h.start).days <= NEW_DAYS:
            fits.append((c, h))
    if not fits:
        return None
    fits.sort(key=lambda f: f[1].start, reverse=True)  # "new" is the latest change of the office the text speaks of
    if len(fits) > 1 and fits[1][1].start == fits[0][1].start:
        return None
    return fits[0]
