"""Where an actor is: the state of the place its clause happens in, from the places the parse read.

The places stage reads the document's toponyms right after the parse (``places.read_toponyms``,
kept on the ``Doc``); the actor stage reads them here and never writes them. Two rules:

- ``owner.event_place`` (an owner rule of ``owners.OWNER_RULES``): a sector noun with no state of
  its own (``rioters``, ``security forces``, ``merchants``) is of the state where its clause
  happens (``in X``, ``in the city of Y in province Z``), else of the one state its sentence's
  places lie in, else of the dateline's or the document's places' state. It is the first guess,
  before the states the sentence or document merely names. Sectors often abroad (soldiers,
  peacekeepers) take it only when their sentence names no state at all.
- ``mention.veto_toponym``: a name the places stage read as a place (a town, an area, an unknown
  ``X district``) that does not stand for a government (``Moscow warned``) is a location, not a new
  person or an unknown organisation, nor a city standing for its state.
"""
from __future__ import annotations

from ..places import toponyms_of
from ..places.locate import where_state
from ..rules import REGISTRY
from .decide import mention_rule
from .state import State, add_mention, drop_mentions, state_of_span

EVENT_PLACE = mention_rule(
    "owner.event_place", 0.65,
    "a sector noun with no state of its own is of the state where its clause happens (in X), else of its "
    "sentence's places, else of the dateline's or the document's places", ("parse", "places"))
VETO_TOPONYM = mention_rule(
    "mention.veto_toponym", 0.9,
    "a name read as a place (town, area, X district) that does not stand for a government is a location: "
    "not a new person, an unknown organisation or a city standing for its state", ("parse", "places"))

UNRESOLVED_PLACE = mention_rule(
    "mention.unresolved_located", 0.4,
    "an organisation the knowledge base does not know (pro-X forces, a local militia's name) is of the state "
    "where its clause happens, when the places say so and its sentence names no other state", ("parse", "places"))

# Sector codes of people named by no role at all ("people", "persons"): the place they are in is
# already the event stage's reading of whom an act touches.
UNSPECIFIC = {"PPL"}

# Mentions these rules make are dropped on a place name: they guess an actor from a capitalised word.
GUESSES = {"mention.person_new", "mention.unknown_entity", "mention.surname_alias", "mention.person_kb_surname",
           "mention.place_state", "mention.place_named_state"}


def event_place_state(st: State, head: int, located: bool) -> str | None:
    """The state where the clause of the sector noun at ``head`` happens (None: no place, or no sure
    one). Sectors often abroad (soldiers) take only their own clause's place, in a sentence that
    names no other state."""
    found = toponyms_of(st.doc)
    if not found:
        return None
    hit = st.hits.get(head)
    agent = hit[2].agent if hit is not None else None
    if agent is not None and agent.code.strip("~") in UNSPECIFIC:
        return None  # "killed five people in X": the event stage reads the place's state as the one acted on
    named = _named_states(st, head, every=not located)
    where = where_state(st.doc[head], found, named, clause_only=not located)
    if where is None or where[0] not in st.kb.countries:
        return None
    if not located and named - {where[0]}:
        return None  # "soldiers fired on Freedonian protesters in X": whose soldiers, the place does not say
    return where[0]


def _named_states(st: State, head: int, every: bool) -> set[str]:
    """The states the sentence of ``head`` names: states, their groups and nationalities; unless
    ``every``, not a nationality describing a thing (``an Armenian church`` is no other party)."""
    doc = st.doc
    sent = doc[head].sent
    # a state read inside a place name (``Mali`` of ``Mali Zvornik``, a city read as its state) is where, not who
    places = {i for t in toponyms_of(doc) or [] if not t.stands_for_actor and (t.place is None or t.place.level > 0)
              for i in range(t.start, t.end)}
    out = set()
    for t in range(sent.start, sent.end):
        if t not in st.hits or t == head or t in places:
            continue
        hit = st.hits[t][2]
        if hit.kind == "demonym" and every is False and doc[t].head.i not in st.hits:
            continue
        c = state_of_span(st, hit)
        if c:
            out.add(c)
    return out


def drop_places_as_actors(st: State) -> None:
    """Mentions that guess an actor from a name the places stage read as a place are dropped: the
    name says where, not who. A country's name and a name standing for a government stay."""
    found = toponyms_of(st.doc)
    if not found or not REGISTRY.enabled(VETO_TOPONYM):
        return
    # a town or an area, never a country, whatever else the name could be
    for t in found:
        # a resolved place, or a name the text puts as a place the gazetteer lacks (no reading at all)
        if t.stands_for_actor or not (t.place is not None or not t.candidates) \
                or any(p.level == 0 for p, _ in t.candidates):
            continue
        for aid in {st.out.token_actor[k] for k in range(t.start, t.end) if k in st.out.token_actor}:
            a = st.out.actors.get(aid)
            if a is None or a.type not in ("person", "group", "state"):
                continue
            if _from_user_dictionary(st, aid, t.start, t.end):
                continue  # the user's own dictionary names this actor: it stays
            if (a.type == "state" and _report_place(t)) or (a.type != "state" and _rules_on(st, aid, t.start, t.end)
                                                            <= GUESSES):
                drop_mentions(st, aid, t.start, t.end)


def _report_place(t) -> bool:
    """A city standing for its state stays an actor (``arrived in Vienna``: the event stage reads the
    state visited) unless the text writes it as a report's place: a name before an
    area word (``Bossaso town``), or one of a chain of places and areas (``Bossaso, Bari``; ``Nihm (Sanaa)``;
    not ``near Lima, Peru``: the event stage reads the state acted on there)."""
    inside_area = t.container is not None and t.container.place is not None and t.container.place.level > 0
    return bool(t.level_wanted) or inside_area or t.is_container


def _from_user_dictionary(st: State, aid: str, s: int, e: int) -> bool:
    doc = st.doc
    s0, e0 = st.norm.to_original(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
    return any(m.method == "dictionary" for m in st.out.actors[aid].mentions if m.start < e0 and m.end > s0)


def _rules_on(st: State, aid: str, s: int, e: int) -> set[str | None]:
    """The rules of the actor's mentions on tokens [s, e)."""
    doc = st.doc
    s0, e0 = st.norm.to_original(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
    return {m.rule for m in st.out.actors[aid].mentions if m.start < e0 and m.end > s0}


def locate_unresolved(st: State) -> None:
    """An unknown organisation (``mention.unknown_entity``, no code, no state) takes the state where
    the clause of its first mention happens; its mentions are made again by this rule."""
    found = toponyms_of(st.doc)
    if not found or not REGISTRY.enabled(UNRESOLVED_PLACE):
        return
    doc = st.doc
    for aid, a in list(st.out.actors.items()):
        if a.type != "group" or a.code or a.country or not a.mentions \
                or any(m.rule != "mention.unknown_entity" for m in a.mentions):
            continue
        toks = sorted(t for t, x in st.out.token_actor.items() if x == aid)
        if not toks:
            continue
        head = toks[-1]
        while doc[head].head.i in toks and doc[head].head.i != head:
            head = doc[head].head.i
        named = _named_states(st, head, every=True)
        where = where_state(doc[head], found, named)
        if where is None or where[0] not in st.kb.countries or named - {where[0]}:
            continue
        spans = _runs(toks)
        drop_mentions(st, aid, toks[0], toks[-1] + 1)
        for s0, e0 in spans:
            add_mention(st, s0, e0, (aid, a.name, "group", None, where[0]), "learned", 0.4, UNRESOLVED_PLACE)


def _runs(toks: list[int]) -> list[tuple[int, int]]:
    """Consecutive token indices as [start, end) spans."""
    out: list[tuple[int, int]] = []
    for t in toks:
        if out and out[-1][1] == t:
            out[-1] = (out[-1][0], t + 1)
        else:
            out.append((t, t + 1))
    return out
