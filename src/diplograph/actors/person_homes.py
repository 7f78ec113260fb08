"""The state of a person who came out of every earlier rule with none (``mention.person_home_state``).

First, a person some rule made without the tables (a partial name, a spelling bound later) whose full name the
leader tables hold on the date takes the tables' state and sector (``mention.person_table_sector``). Then a person
the tables do not know, whose title names no state and whose sentence names none or several
(``Alice Doe, the Party's chairwoman, ...`` in a story that names its country in other sentences), has no
state at all: an event dataset cannot use them. The evidence, strongest first:

- a party or organisation the text attaches to the person (the words before the name, an apposition:
  ``the Freedom Union's leader X``, ``X, head of the Farmers' League``) whose state is known: that state;
- the document's main state: one state named clearly more than any other (at least twice, and at least
  ``MARGIN`` times the next one). A story about one country is mostly about its own people; a person named in
  a story about two states equally stays without a state.

Only the state is given here. The sector comes after, from what the text says the person is on the date
(``person_roles.settle_person_sectors``); with nothing said, the code stays the plain state.
"""
from __future__ import annotations

from ..records import Actor
from .decide import mention_rule, switched_on
from .leaders import load_leaders
from .person_states import whole_states
from .state import State

PERSON_TABLE_SECTOR = mention_rule("mention.person_table_sector", 0.8,
                                   "a person who came out with a plain state code (or none), whose full name the "
                                   "leader tables hold in an office of that state on the date (or of one state, when "
                                   "the person has none), takes the tables' state and sector (GOV in office, ELI "
                                   "after)", ("leaders",))

PERSON_HOME_STATE = mention_rule("mention.person_home_state", 0.3,
                                 "a person with no state takes the state of the party the text attaches to them, "
                                 "else the document's main state (named at least twice and clearly more than any "
                                 "other)", ("parse", "actors", "kb"))

MARGIN = 1.5  # the main state is named at least this many times as often as the next one


def main_state(st: State) -> str | None:
    """The state the document names clearly most (at least twice, ``MARGIN`` times the next), else None."""
    counts = whole_states(st)
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2)
    if n < 2 or (rest and n < MARGIN * rest[0][1]):
        return None
    return top


def _attached_state(st: State, a: Actor, tokens: list[int]) -> str | None:
    """The state of an organisation the text attaches to the person: one of their tokens' syntactic neighbours
    (a compound or possessive before the name, an apposition after it and its ``of`` phrase) is an organisation
    (no person, no state: ``a Peru analyst`` studies Peru) with a state."""
    doc = st.doc
    mine = set(tokens)
    found: set[str] = set()
    for t in tokens:
        tok = doc[t]
        near = [c for c in tok.children if c.i not in mine]
        for c in list(near):
            if c.dep_ == "appos":
                near += [g for g in c.subtree if g.i not in mine and abs(g.i - c.i) <= 6]
        if tok.dep_ == "appos" and tok.head.i not in mine:
            near.append(tok.head)
        for n in near:
            other = st.out.actor_at(n.i)
            if other is None or other.id == a.id or other.type in ("person", "state"):
                continue
            c = other.country
            if c and len(c) == 3 and c in st.kb.countries:
                found.add(c)
    return found.pop() if len(found) == 1 else None


def settle_table_sectors(st: State) -> None:
    """A person some rule made without consulting the tables (a partial name, a misspelling bound later) and who
    has no sector: the tables' tenure of their full name on the date, when one state's (and their own state, if
    they have one), gives the state and sector. A one-word name is too weak a key."""
    if st.on is None or not switched_on(PERSON_TABLE_SECTOR):
        return
    for a in st.out.actors.values():
        if a.type != "person" or len(a.name.split()) < 2 or (a.code and a.code != a.country):
            continue
        lr = load_leaders().role_on(a.name, st.on, a.country)
        if lr is None or (a.country and lr.country != a.country) or len(lr.tenure.leader.split()) < 2:
            continue
        a.country, a.code = lr.country, lr.country + lr.sector


def settle_person_homes(st: State) -> None:
    """Give every person with no state the strongest state the text offers (see the module's doc)."""
    settle_table_sectors(st)
    if not switched_on(PERSON_HOME_STATE):
        return
    homeless = [a for a in st.out.actors.values() if a.type == "person" and not a.country and
                not (a.code and (a.code.startswith("IGO") or len(a.code) >= 3 and a.code[:3] in st.kb.countries))]
    if not homeless:
        return
    tokens: dict[str, list[int]] = {}
    for t, aid in st.out.token_actor.items():
        tokens.setdefault(aid, []).append(t)
    home = main_state(st)
    for a in homeless:
        mine = tokens.get(a.id)
        if not mine:
            continue
        state = _attached_state(st, a, sorted(mine)) or home
        if state is None:
            continue
        sector = a.code if a.code and len(a.code) == 3 and a.code.isalpha() and a.code.isupper() and \
            a.code not in st.kb.countries else ""
        a.country = state
        a.code = state + sector
