"""Censored titles read from what stands around the redaction and from the person's past and future tenures.

The title rules of :mod:`.redactions` read the person's title in the text and their office on the date. These
read the rest of what a censored title keeps visible, each a rule of the same competition:

- ``mention.title_deputy``: ``deputy ** X`` — the state's second office: ``prime minister`` where the leader
  tables give the state a head of government who is not its head of state, else the head of state's title;
- ``mention.title_former_office``: ``the former ** X`` — the most prominent office X held before the date
  (a head of state's or government's before the other offices); a title the older tables only guessed from
  the regime (REIGN, Archigos) is read from the Factbook's office of X, or of X's successors under the
  same guessed title;
- ``mention.title_incoming``: X takes an office within a few months after the date: ``<title>-elect``;
- ``mention.title_organisation_before``: an organisation right before it (``the Taliban ** X``, ``the
  ground forces ** X``, ``the MHP ** X``, ``the party's ** X``): the head title of its sector
  (``data/kb/head_titles.tsv``), ``leader`` for a party noun or for initials that name no state;
- ``mention.title_person_sector``: the person's own code names a sector below a state's government (a
  minister's ``GOVMED``, a commander's ``MIL``): that sector's head title, just above the generic
  ``leader`` of ``mention.title_government_role``.

Each reads only tokens next to the redaction and the leader tables (no pass over the document).
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Protocol

from ..lexicon import table, word_class
from ..records import Actor
from .decide import mention_rule
from .leaders import Tenure, load_leaders, title_fits
from .spelling import same_word, shared_units, units
from .state import State


class Redacted(Protocol):
    """What :mod:`.redactions` found around one redaction (its ``Redacted``; named here without importing it)."""

    st: State
    token: int
    person: Actor | None
    state: str | None
    of_tokens: list[int]
    others: list[str]  # the titles first chosen at the same person's other redactions

DEPUTY = mention_rule("mention.title_deputy", 0.85,
                      "a censored title after 'deputy' is the state's second office: prime minister where the "
                      "leader tables give it a head of government apart from the head of state, else the head "
                      "of state's title", ("leaders", "lexicon:deputy_words"))
FORMER = mention_rule("mention.title_former_office", 0.82,
                      "a censored title after 'former' is the most prominent office the person held before the "
                      "date in the leader tables (a guessed REIGN/Archigos title read from the Factbook)",
                      ("leaders", "lexicon:former_words"))
INCOMING = mention_rule("mention.title_incoming", 0.78,
                        "a censored title of a person whose tenure in the leader tables starts within a few months "
                        "after the date is that office, elect", ("leaders",))
ORG_BEFORE = mention_rule("mention.title_organisation_before", 0.75,
                          "a censored title right after an organisation (a KB group or sector noun, a party "
                          "noun's possessive, initials that name no state) is the head title of its sector "
                          "(kb/head_titles.tsv), leader for a party", ("kb", "kb:head_titles",
                                                                       "lexicon:led_organisation_nouns"))
PERSON_SECTOR = mention_rule("mention.title_person_sector", 0.42,
                             "a censored title of a person whose code names a sector below a state's government "
                             "(GOVMED, MIL, REB) is that sector's head title (kb/head_titles.tsv)",
                             ("actors", "kb:head_titles"))

_DEPUTY_WORDS = word_class("deputy_words")
_FORMER_WORDS = word_class("former_words") | word_class("time_anchor_words")  # ``the then **``: a past office
_LED_ORGANISATIONS = word_class("led_organisation_nouns")
_OFFICE_RANK = {"state": 0, "government": 1, "": 1, "other": 3}
_GUESSED = ("REIGN", "Archigos")  # sources whose title is the regime's usual one, not the person's
INCOMING_DAYS = 150  # an election to inauguration, or a designation to the oath


@lru_cache(maxsize=1)
def head_titles() -> tuple[tuple[str, str], ...]:
    return tuple((r["sector"], r["title"]) for r in table("kb", "head_titles.tsv"))


def sector_head(sector: str) -> str | None:
    """The head title of an organisation of this sector code (``MIL`` → commander, ``REB`` → leader)."""
    for code, title in head_titles():
        if sector.startswith(code):
            return title
    return None


def _clean(title: str) -> str:
    words = title.split()
    while words and words[-1].lower() in ("of", "the", "and"):
        words.pop()
    return " ".join(words) or title


def _state_of(r: Redacted) -> str | None:
    p = r.person
    return (p.country if p is not None else None) or r.state


# deputy ** X ------------------------------------------------------------------------------------------

def deputy(r: Redacted) -> str | None:
    doc, t = r.st.doc, r.token
    if t < 1 or doc[t - 1].lower_ not in _DEPUTY_WORDS:
        return None
    state = _state_of(r)
    if state is None:
        return None
    leaders = load_leaders()
    head = leaders.holder(state, r.st.on, "head of state")
    gov = leaders.holder(state, r.st.on, "head of government")
    if gov is not None and (head is None or shared_units(gov.leader, head.leader) < min(2, len(units(gov.leader)))):
        # a premier's deputy is a deputy prime minister in English (Premier, Chairman of the Cabinet …)
        return "prime minister" if title_fits("prime minister", gov.title) else _clean(gov.title)
    if head is not None and title_fits("monarch", head.title):
        return "prime minister"  # a monarch has no deputy: the government's head has (the tables lack them)
    return _clean(head.title) if head is not None else None


# former ** X ------------------------------------------------------------------------------------------

def is_former(r: Redacted) -> bool:
    doc, t = r.st.doc, r.token
    for j in range(max(0, t - 3), t):
        low = doc[j].lower_
        if low == "then" and (j == 0 or doc[j - 1].lower_ != "the"):
            continue  # ``Then the Mongolian **``: an adverb; ``the then **`` is a former office
        if low in _FORMER_WORDS or low.startswith("ex-"):
            return True
    return False


def _person_tenures(r: Redacted) -> list[Tenure]:
    p = r.person
    if p is None:
        return []
    leaders = load_leaders()
    ts = leaders.tenures(p.name, p.country)
    if ts:
        return [t for t in ts if len(units(p.name)) > 1 or len(t.leader.split()) > 1]
    words = p.name.split()
    if len(words) < 2:
        return []
    # The older tables write given names as initials (``M. Surname``): the initials of the text's given names
    if not p.country:
        return []
    return [t for t in leaders.by_country.get(p.country, []) if same_word(t.leader.split()[-1], words[-1])
            and _initials_fit(t.leader.split(), words)]


def _initials_fit(table: list[str], text: list[str]) -> bool:
    given = table[:-1]
    return bool(given) and len(given) < len(text) and all(
        len(g.rstrip(".")) == 1 and g.endswith(".") and w[:1].lower() == g[:1].lower() for g, w in zip(given, text))


def _overlaps(a: Tenure, b: Tenure) -> bool:
    a_end, b_end = a.end or date.max, b.end or date.max
    return a.start < b_end and b.start < a_end


def _documented(t: Tenure, facts: list[Tenure]) -> str | None:
    """The Factbook title of the person of ``t`` in a head of state's or government's office during ``t``."""
    own = [o for o in facts if _overlaps(o, t) and shared_units(t.leader, o.leader) >= min(2, len(units(t.leader)))]
    return min(own, key=lambda o: _OFFICE_RANK.get(o.office, 2)).title if own else None


def factbook_title(t: Tenure) -> str:
    """The tenure's title; one the older tables guessed from the regime is read from the Factbook: the
    office the person held there during the tenure, else the office the state's next effective leader
    held there (effective leaders follow each other in one office: al-Maliki's guessed ``President`` is
    the ``Prime Minister`` al-Abadi, who followed him, held)."""
    if t.source not in _GUESSED:
        return t.title
    of_state = load_leaders().by_country.get(t.country, [])
    facts = [o for o in of_state if o.source == "Factbook" and o.office in ("state", "government")]
    if not facts:
        return t.title
    own = _documented(t, facts)
    if own:
        return own
    if t.end is None:
        return t.title
    after = [o for o in of_state if o.source in _GUESSED and t.end - timedelta(days=60) <= o.start and o is not t]
    if not after:
        return t.title
    return _documented(min(after, key=lambda o: o.start), facts) or t.title


def former_office(r: Redacted) -> str | None:
    if r.person is None or r.st.on is None or not is_former(r):
        return None
    on = r.st.on
    past = [t for t in _person_tenures(r) if t.end is not None and t.end <= on]
    if not past:
        return None
    now = {_clean(t.title).lower() for t in _person_tenures(r) if t.holds(on)}
    past = [t for t in past if _clean(factbook_title(t)).lower() not in now] or past
    top = min(past, key=lambda t: (_OFFICE_RANK.get(t.office, 2), -t.start.toordinal()))
    return _clean(factbook_title(top))


# X takes office after the date -----------------------------------------------------------------------

def incoming(r: Redacted) -> str | None:
    on = r.st.on
    if r.person is None or on is None or is_former(r):
        return None
    ts = _person_tenures(r)
    if any(t.holds(on) for t in ts):
        return None
    soon = [t for t in ts if on < t.start <= on + timedelta(days=INCOMING_DAYS)]
    if not soon:
        return None
    top = min(soon, key=lambda t: (_OFFICE_RANK.get(t.office, 2), t.start))
    return _clean(factbook_title(top)) + "-elect"


# an organisation before it -----------------------------------------------------------------------------

def organisation_before(r: Redacted) -> str | None:
    st, doc, t = r.st, r.st.doc, r.token
    j = t - 1
    while j >= 0 and t - j <= 2 and doc[j].pos_ == "ADJ" and doc[j].text.islower():
        j -= 1  # the party's young **
    if j < 0:
        return None
    tok = doc[j]
    if tok.lower_ in _DEPUTY_WORDS:
        return None  # a deputy's title (mention.title_deputy), not an organisation's
    if tok.lower_ in ("'s", "’s"):
        if j >= 1 and doc[j - 1].lower_ in _LED_ORGANISATIONS:
            return "leader"
        return _named_owner(r, j - 1)
    if tok.lower_ == "its":
        return _its_organisation(r, j)
    span = st.hits.get(j)
    if span is not None:
        hit = span[2]
        if hit.kind == "agent" and hit.agent is not None:
            code = hit.agent.code.lstrip("~")
        elif hit.kind == "actor" and hit.entry is not None:
            code = hit.entry.code_on(st.on) or ""
            code = code[3:] if len(code) > 3 else ""  # a state's own name: its offices are the state rules'
        else:
            return None
        if not code or code.startswith(("GOV", "ELI", "IGO")) or len(code) < 3:
            return None
        return sector_head(code)
    if tok.lower_ in _LED_ORGANISATIONS:
        return "leader"
    text = tok.text
    if tok.pos_ == "PROPN" and 2 <= len(text) <= 6 and text.isupper() and text.isalpha() and (
            r.person is None or text not in r.person.name.split()):
        return "leader"  # initials that name no state: a party or a movement
    return None


def _named_owner(r: Redacted, k: int) -> str | None:
    """``Georgian Dream's honorary ** X``: the possessive of a name that is neither a state nor a person (nor a
    state's word) — a party or movement the tables do not know — owns a leader."""
    st, doc = r.st, r.st.doc
    if k < 0 or not doc[k].text[:1].isupper() or doc[k].pos_ != "PROPN" or k in st.hits:
        return None
    a = st.out.actor_at(k)
    if a is not None and (a.type in ("person", "state") or (a.code or "")[3:].startswith(("GOV", "ELI"))):
        return None
    if r.person is not None and doc[k].text in r.person.name.split():
        return None
    return "leader"


def _its_organisation(r: Redacted, its: int) -> str | None:
    """``the party Chadema … and its ** X``: ``its`` before the redaction belongs to the nearest thing before it in
    the sentence that can own a title — a party noun (leader), a group the text names (its sector's head); a state
    nearer to it is the state rules' business."""
    st, doc = r.st, r.st.doc
    start = doc[its].sent.start
    for k in range(its - 1, start - 1, -1):
        if doc[k].lower_ in _LED_ORGANISATIONS and doc[k].pos_ == "NOUN":
            return "leader"
        a = st.out.actor_at(k)
        if a is None or a.type == "person":
            continue
        if a.type == "state":
            return None
        code = (a.code or "").lstrip("~")
        sector = code[3:] if a.country and code.startswith(a.country) else code
        if a.type in ("group", "unknown") and not sector:
            return "leader"
        if len(sector) >= 3 and not sector.startswith(("GOV", "ELI", "IGO")):
            return sector_head(sector)
    return None


# the person's own sector ---------------------------------------------------------------------------------

def person_sector(r: Redacted) -> str | None:
    p = r.person
    if p is None or not p.code or r.of_tokens or r.token >= 1 and r.st.doc[r.token - 1].lower_ in _DEPUTY_WORDS:
        # ``the ** of X`` is X's title (the organisation-head and office rules); a deputy's own word gives a
        # police code (the deputy rule reads it)
        return None
    code = p.code.lstrip("~")
    sector = code[3:] if p.country and code.startswith(p.country) else code
    if len(sector) < 3 or sector in ("GOV", "ELI") or sector.startswith("IGO"):
        return None
    if sector.startswith("ELI"):
        sector = sector[3:]
    return sector_head(sector) if len(sector) >= 3 else None
