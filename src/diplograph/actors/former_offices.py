"""Former office holders: ``the former South Korean president``, ``Japan's former prime minister``.

A definite description of a state's office with a past word (``former``, ``ex-``, ``previous``) is a
person who held that office before the document date, never the state's government:

1. ``mention.former_holder_named``: the one person of that state the text names who held that office
   before the date (the leader tables' tenure ended by then) or whom the text calls former in it;
2. ``mention.former_holder_kb``: else the one person who left that office within
   ``leaders.RECENT_YEARS`` before the date (``Leaders.former_holder``), a person actor coded ELI;
3. ``mention.former_office_role``: else a former-elite role of that state (``XXXELI``), not the
   government role the earlier passes made of the words after ``former``.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..records import Actor
from .decide import mention_rule, switched_on
from .identity import move_mentions
from .leaders import load_leaders, note_beyond_data, title_fits
from .office_states import tenure_actor
from .office_descriptors import former_descriptor
from .state import State, slug

FORMER_NAMED = mention_rule("mention.former_holder_named", 0.75,
                            "a state's 'former <office>' descriptor is the one person of that state the text names "
                            "who held that office before the document date", ("actors", "leaders"))
FORMER_KB = mention_rule("mention.former_holder_kb", 0.6,
                         "a state's 'former <office>' descriptor nobody in the text fits is the one person who left "
                         "that office within two years before the date (leader tables)", ("leaders",))
FORMER_ROLE = mention_rule("mention.former_office_role", 0.5,
                           "a state's 'former <office>' descriptor no person fits is a former-elite role (ELI) of "
                           "that state, not its government", ("actors",))


def _held_before(st: State, p: Actor, country: str, title: str) -> bool:
    """``p`` held ``title`` of ``country`` before the document date (tables), or the text calls them former."""
    heads = title in word_class("leader_nouns")
    if (p.code or "").endswith("ELI"):
        said = (st.titles.get(p.id) or st.tenure_title.get(p.id) or "").lower()
        if heads or not said or title_fits(title, said):
            return True
    role = load_leaders().role_on(p.name, st.on, country)
    if role is None or role.sector != "ELI":
        return False
    return heads or title_fits(title, role.tenure.title)


def _named(st: State, country: str, title: str) -> Actor | None:
    fits = [p for p in st.out.actors.values() if p.type == "person" and p.country == country
            and _held_before(st, p, country, title)]
    return fits[0] if len(fits) == 1 else None


def _from_tables(st: State, country: str, title: str) -> Actor | None:
    leaders = load_leaders()
    t = leaders.former_holder(country, st.on, title)
    if t is None:
        return None
    note_beyond_data(st)
    return tenure_actor(st, t, country, "ELI")


def _former_role(st: State, a: Actor, country: str, title: str) -> Actor:
    name = f"Former {title} of {st.kb.state_name(country)}"
    aid = slug(name)
    if aid not in st.out.actors:
        st.out.actors[aid] = Actor(aid, name, "sector", country + "ELI", country, [])
    return st.out.actors[aid]


def resolve_former_office_holders(st: State) -> None:
    """Move ``the former <state> <office>`` mentions off the government roles earlier passes made."""
    named_on, kb_on, role_on = switched_on(FORMER_NAMED), switched_on(FORMER_KB), switched_on(FORMER_ROLE)
    if not (named_on or kb_on or role_on):
        return
    found = []
    for a in list(st.out.actors.values()):
        if a.type != "sector" or not (a.code or "").endswith(("GOV", "ELI")) or not a.country:
            continue
        for m in list(a.mentions):
            d = former_descriptor(st, a, m)
            if d is not None and d[1]:
                found.append((a, m, d[0], d[1]))
    for a, m, title, country in found:
        person = _named(st, country, title) if named_on else None
        rule = FORMER_NAMED
        if person is None and kb_on:
            person, rule = _from_tables(st, country, title), FORMER_KB
        if person is None and role_on and (a.code or "").endswith("GOV"):
            person, rule = _former_role(st, a, country, title), FORMER_ROLE
        if person is not None and person.id != a.id and a.id in st.out.actors:
            move_mentions(st, a, person, rule, only=[m], method="coref" if person.type == "person" else "role")
