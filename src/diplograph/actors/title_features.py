"""What the title model knows of a candidate besides which rules proposed it: the redaction's slot (the words the
censor left around it) and what the candidate is for the person (an office the tables give them on the date, one
they held before, the usual title of their state's chief executive), and their crossings.

A rule says where a title comes from; these say whether it fits the slot. ``the UML ** X`` (a party before it)
wants a party's title even when the tables know X as a prime minister; ``the former ** X`` wants an office X held
before the date, not the one X holds; ``the Greek ** X`` wants a state's office. The weights are learned
(``scripts/train_titles.py``, leave-one-set-out); nothing here decides.

- Slot, one per redaction: ``slot_former`` (``former``/``ex-``/``the then`` before it), ``slot_party`` (an
  organisation, a party word or initials that name no state right before it, or in its of-phrase),
  ``slot_state`` (a state's word before it: ``the Greek **``, ``Ukraine's **``, ``the country's **``),
  ``slot_acting`` (``acting``/``interim``), ``slot_of`` (an of-phrase after it); ``person_tables`` (the tables
  know the person), ``person_titled`` (the text gives the person a title elsewhere). Alike for every candidate of
  a redaction, they weigh only against restoring nothing (a person no table and no sentence gives an office).
- Candidate: ``kb_now`` (an office the tables give the person on the date), ``kb_past`` (one they held before and
  not on the date), ``chief`` (the title of the head of state or of government of the person's state on the
  date), ``party_title`` (a party or organisation rule proposed it), ``state_source`` (a rule that reads the
  state's offices proposed it).
- Crossings: ``<slot>*<candidate>`` for the pairs that tell apart the readings a slot allows.
"""
from __future__ import annotations

from datetime import date

from ..lexicon import word_class
from .leaders import load_leaders
from .owners import dominant_state
from .title_context import Redacted, factbook_title, is_former, organisation_before
from .title_offices import named_organisation
from .title_sources import clean_title, near_tokens, person_tenures

# Rules that read an organisation next to the redaction (its head's title) rather than the person's state office.
PARTY_RULES = frozenset({"mention.title_organisation_before", "mention.title_party_head",
                         "mention.title_named_organisation", "mention.title_leads", "mention.title_organisation_head",
                         "mention.title_cue_near", "mention.title_cue_other"})
# Rules that read the state's offices (the tables, the state's leader).
STATE_RULES = frozenset({"mention.title_kb_office", "mention.title_kb_identity", "mention.title_kb_any",
                         "mention.title_kb_name", "mention.title_state_leader", "mention.title_former_office",
                         "mention.title_incoming", "mention.title_deputy"})
CROSSINGS = (("slot_party", "kb_now"), ("slot_party", "party_title"), ("slot_party", "chief"),
             ("slot_former", "kb_now"), ("slot_former", "kb_past"), ("slot_state", "kb_now"),
             ("slot_state", "chief"), ("slot_state", "party_title"), ("slot_acting", "kb_now"),
             ("slot_of", "party_title"))


def _key(title: str) -> str:
    return " ".join(title.lower().replace("-", " ").split())


def _fits(cand: str, titles: set[str]) -> bool:
    """The candidate names one of the titles: the same words, or the table's title ends with them (``President``
    of ``Acting President``) — a deputy's title is another office."""
    k = _key(cand)
    return any(k == t or (t.endswith(" " + k) and not any(w in t for w in ("vice", "deputy"))) for t in titles)


def slot(r: Redacted) -> dict[str, float]:
    """The redaction's slot features (one set per redaction)."""
    doc, t = r.st.doc, r.token
    before = {doc[j].lower_ for j in range(max(0, t - 3), t)}
    near = {doc[i].lower_ for i in near_tokens(r)}
    party = bool(near & (word_class("led_organisation_nouns") | word_class("party_words")))
    party = party or organisation_before(r) is not None or named_organisation(r) is not None
    p = r.person
    return {"person_tables": float(p is not None and bool(person_tenures(p.name, p.country))),
            "person_titled": float(p is not None and bool(r.st.titles.get(p.id))),
            "slot_former": float(is_former(r)), "slot_party": float(party),
            "slot_state": float(r.state is not None), "slot_acting": float(bool(before & {"acting", "interim",
                                                                                          "caretaker"})),
            "slot_of": float(bool(r.of_tokens))}


def _chief_titles(state: str | None, on: date | None) -> set[str]:
    if state is None or on is None:
        return set()
    leaders = load_leaders()
    out = set()
    for office in ("head of state", "head of government"):
        h = leaders.holder(state, on, office)
        if h is not None:
            out.add(_key(clean_title(factbook_title(h))))
    return out


def candidate_features(r: Redacted, titles: list[str], rules: list[list[str]]) -> list[dict[str, float]]:
    """Per candidate (its title and proposing rules): the slot, the candidate's own features and their crossings."""
    s = slot(r)
    on, p = r.st.on, r.person
    now: set[str] = set()
    past: set[str] = set()
    if p is not None and on is not None:
        for ten in person_tenures(p.name, p.country):
            title = _key(clean_title(factbook_title(ten)))
            if ten.holds(on):
                now.add(title)
            elif ten.end is not None and ten.end <= on:
                past.add(title)
    state = (p.country if p is not None else None) or r.state
    chief = _chief_titles(state or dominant_state(r.st), on)
    out = []
    for title, by in zip(titles, rules):
        c = {"kb_now": float(_fits(title, now)), "kb_past": float(_fits(title, past) and not _fits(title, now)),
             "chief": float(_fits(title, chief)), "party_title": float(any(x in PARTY_RULES for x in by)),
             "state_source": float(any(x in STATE_RULES for x in by))}
        f = dict(s)
        f.update(c)
        for a, b in CROSSINGS:
            f[f"{a}*{b}"] = f[a] * f[b]
        out.append(f)
    return out
