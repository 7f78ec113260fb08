"""The late pass of the actor stage: a party of an event that still has no state takes the state of
the place the event happens in, as the places stage located the event.

The actor stage runs before the events, so a sector noun whose clause names no place it knows
(``protesters gathered in X city``, a village the gazetteer lacks, the victims of a shooting reported
in the next clause) keeps no state there. Once the events are coded and located (``Event.location``,
the places stage's record: the locative of the event's clause, else its sentence's place, else the
dateline's or the document's dominant place), this pass reads those records only:

- ``owner.event_location``: a sector actor (``rioters``, ``farmers``, ``security forces``, ``a man``)
  or an organisation the knowledge base does not know (an unknown acronym), with no state of its own,
  that is a party of events located in one state, is of that state. A sector often abroad (soldiers,
  an air force) does not take it when the other party of its event is of another state (``X's
  soldiers fired on protesters in Y``: whose soldiers, the place does not say); no sector takes it
  from an event whose other party is a state (``a minister was arrested in Y``: the event stage read
  the place's state as the doer; the minister may be anyone's), nor in a document that names another
  state (``…, Ruritanian officials said``) unless the event is placed in a town or district, not only
  in a country, and the party is no often-abroad sector (``owner.event_town``: ``X-led airstrikes hit
  the KRM near Y town``: the KRM are of Y's state; on the build half of the ACLED notes 17 of the 18
  parties it placed are of ACLED's country); an often-abroad sector only from its own clause's place. A location the places
  stage itself guessed (from the actors' states, from the spelling of unknown names) is no evidence here.

- ``source.unidentified_located``: a violent event whose source the event stage dropped as a mere
  witness (``source.witness_frame``: ``monitors observed explosions near X``) was done by an armed party
  the text does not name: the unidentified armed forces (sector UAF) of the state the event is located
  in. The actor has no mention (no words name it); the event's reference says so by its name.
  ``source.mission_host``: when the places stage knows no place of the act (an unknown village, or
  only its guess from the spelling), a peacekeeping or monitoring mission of one host state named in
  the act's sentence (``kb/missions.tsv``, deployed on the event's date) gives that state instead.

It also drops the state mentions the stage read from a place written as the container of a report's
place (``near X, Y``) when that state is no party of any event (``mention.veto_toponym``).

Ids stay (the token map, the events and the relations refer to them); an actor that becomes one the
document already has (``Farmers of X`` twice) is merged into it and the events' references follow.
"""
from __future__ import annotations

from ..lexicon import sectors_with, word_class
from ..records import Actor, Event, Ref
from ..rules import REGISTRY
from .decide import mention_rule
from .located import VETO_TOPONYM
from .missions import mission_state
from .kb import KnowledgeBase
from .naming import sector_label
from .state import ResolvedActors, slug
from .written_places import drop_written_places

EVENT_LOCATION = mention_rule(
    "owner.event_location", 0.5,
    "a sector actor or an unknown organisation with no state, party of events the places stage located in one "
    "state, is of that state (an often-abroad sector not when the other party is another state's)",
    ("events", "places"))

NAMED_PLACE = mention_rule(
    "owner.event_town", 0.45,
    "owner.event_location also in a document naming another state, when the places stage put the event in a "
    "town or district (finer than the country) and the party is no often-abroad sector",
    ("events", "places"))
UNIDENTIFIED = REGISTRY.declare(
    "source.unidentified_located", stage="events", kind="source", reads=("events", "places"), confidence=0.4,
    description="a violent act seen by a witness (source.witness_frame) whose doer is unnamed was done by the "
                "unidentified armed forces of the state the event is located in")
MISSION_HOST = REGISTRY.declare(
    "source.mission_host", stage="events", kind="source", reads=("events", "places", "kb:missions"), confidence=0.35,
    description="a violent act seen by a peacekeeping or monitoring mission of one host state (kb/missions.tsv), "
                "whose place the gazetteer does not know, was done by the unidentified armed forces of that state")
UNNAMED_FORCE = REGISTRY.declare(
    "source.unnamed_force_located", stage="events", kind="source", reads=("events", "places"), confidence=0.35,
    description="an act of force reported as happening with no party named at all (event.nominal_occurrence: 'a "
                "shoot-out took place in X'; or the type model's event with no side) was done by the unidentified "
                "armed forces of the state it is located in")
UNNAMED_PROTEST = REGISTRY.declare(
    "source.unnamed_protest_located", stage="events", kind="source", reads=("events", "places"), confidence=0.35,
    description="a protest with no party named at all ('a protest was held in X', 'a group of neighbours staged a "
                "demonstration in X': no actor stands) was made by protesters of the state it is located in")
PLACE_TARGET = REGISTRY.declare(
    "target.event_location", stage="events", kind="target", reads=("events", "places"), confidence=0.6,
    description="the state acted on where an event happens (a curfew in X): the state of the event's location, "
                "not a city written as the object of a locative preposition read as an actor; only for an act that "
                "falls on the place (place_acting_words, or a place_acting_event_roots code whose trigger is no "
                "place_venue_words), never a venue")
PLACE_SOURCE = REGISTRY.declare(
    "source.event_location", stage="events", kind="source", reads=("events", "places"), confidence=0.5,
    description="the state that acts where an event happens, read from the event's location, not from a city "
                "written as the object of a locative preposition")
WITNESS_FRAME = "source.witness_frame"  # the event stage's rule (events.witness), read from Event.rules
OCCURRENCE = "event.nominal_occurrence"  # the event stage's rule (events.nominal), read from Event.rules
# the event rules that make an event with no side at all (the act happened, nobody named does it)
_SIDELESS = (OCCURRENCE, "event.type_model")
_PROTEST = "14"
CLAUSE = "place.clause_locative"  # the places stage's rule for a locative of the event's own clause
_VIOLENT = ("18", "19", "20")

# Locations that are no evidence of where the parties are from: the places stage's own guess from the
# actors' states (circular here), and its guess of a state from how unknown names are spelled (on the
# build half of the ACLED notes it gave the wrong state to 25 of 36 parties it would have placed).
_NOT_EVIDENCE = {"place.actor_state", "place.name_spelling"}
_GUESSED = {"mention.unknown_entity", "mention.unresolved_located"}


def _open(a: Actor) -> bool:
    """An actor this pass may give a state: a sector or an unknown organisation, of no state."""
    if a.country or not a.mentions:
        return False
    if a.type == "sector":
        return not (a.code or "").startswith(("IGO", "NGO", "MNC", "IMG"))
    return a.type == "group" and not a.code and {m.rule for m in a.mentions} <= _GUESSED


def locate_by_events(resolved: ResolvedActors, events: list[Event], kb: KnowledgeBase) -> None:
    """Give the stateless parties of located events the state of their events' place (in place)."""
    _drop_idle_containers(resolved, events)
    venues = _locate_place_parties(resolved, events, kb)
    drop_written_places(resolved, events, kb, (PLACE_TARGET, PLACE_SOURCE), _NOT_EVIDENCE)
    venues |= _place_parties_named(resolved, events)
    if not events or not REGISTRY.enabled(EVENT_LOCATION):
        return
    actors = resolved.actors
    abroad = sectors_with("abroad")
    # the states the document's other actors belong to: a party of no state may be of any of them
    named = {a.country for a in actors.values() if a.country in kb.countries}
    where: dict[str, set[str]] = {}
    by_town: set[str] = set()  # placed though another state is named (owner.event_town)
    for e in events:
        loc = e.location
        code = loc.code if loc is not None else None
        if code is None or code not in kb.countries or loc.rule in _NOT_EVIDENCE:
            continue
        for mine, other in ((e.source, e.target), (e.target, e.source)):
            a = actors.get(mine.actor) if mine is not None and mine.actor else None
            if a is None or not _open(a):
                continue
            if named - {code} and (loc.precision == "country" or (a.code or "")[:3] in abroad
                                   or not REGISTRY.enabled(NAMED_PLACE)):
                continue  # another state is named and only a country or an often-abroad party: whose, unsaid
            if named - {code}:
                by_town.add(a.id)
            if (a.code or "")[:3] in abroad and loc.rule != CLAUSE:
                continue  # soldiers are often abroad: only where their own clause happens
            b = actors.get(other.actor) if other is not None and other.actor else None
            if b is not None and b.type == "state" and b.country == code:
                continue  # the state itself acts on them (often read from this very place): no evidence
                # (a foreign state acting there is no reading of the place: ``X forces shelled villages in Y``)
            if b is not None and b.country and b.country != code and (a.code or "")[:3] in abroad:
                continue
            where.setdefault(a.id, set()).add(code)
    _name_unidentified(actors, events, kb, venues)
    moved: dict[str, str] = {}
    for aid, codes in where.items():
        if len(codes) != 1:
            continue  # parties of events in two states: the place says nothing sure
        code = codes.pop()
        a = actors[aid]
        if a.type == "sector":
            phrase = a.name
            a.name = sector_label(phrase, kb.state_name(code))
            a.code = code + (a.code or "")
        a.country = code
        for m in a.mentions:
            m.rule = NAMED_PLACE if aid in by_town else EVENT_LOCATION
        twin = next((b for b in actors.values() if b is not a and b.type == a.type and b.code == a.code
                     and b.country == code and b.name == a.name), None)
        if twin is not None:  # "Farmers of X" the actor stage already had: one actor
            twin.mentions.extend(a.mentions)
            twin.mentions.sort(key=lambda m: m.start)
            moved[aid] = twin.id
            del actors[aid]
    if moved:
        for t, x in resolved.token_actor.items():
            if x in moved:
                resolved.token_actor[t] = moved[x]
        for ids in resolved.token_group.values():
            ids[:] = [moved.get(x, x) for x in ids]
        for _, ids in resolved.group_mentions:
            ids[:] = [moved.get(x, x) for x in ids]
    for e in events:
        e.source = _follow(e.source, actors, moved)
        e.target = _follow(e.target, actors, moved)


def _drop_idle_containers(resolved: ResolvedActors, events: list[Event]) -> None:
    """State mentions the actor stage read from a place written as the container of a report's place
    (``near X, Y``; ``mention.veto_toponym``) are dropped when the actor is no party of any event: the
    name said where, and nobody acts through it. A party keeps them (the event stage read the state
    acted on there)."""
    if not resolved.container_mentions or not REGISTRY.enabled(VETO_TOPONYM):
        return
    parties = {r.actor for e in events for r in (e.source, e.target) if r is not None and r.actor}
    for aid, t0, t1, c0, c1 in resolved.container_mentions:
        a = resolved.actors.get(aid)
        if a is None or aid in parties:
            continue
        a.mentions = [m for m in a.mentions if m.end <= c0 or m.start >= c1]
        for t in range(t0, t1):
            if resolved.token_actor.get(t) == aid:
                del resolved.token_actor[t]
        if not a.mentions:
            del resolved.actors[aid]
            for ids in resolved.token_group.values():
                ids[:] = [x for x in ids if x != aid]
            for _, ids in resolved.group_mentions:
                ids[:] = [x for x in ids if x != aid]
    resolved.container_mentions = []


def _locate_place_parties(resolved: ResolvedActors, events: list[Event], kb: KnowledgeBase) -> set[str]:
    """State mentions read from a city written only as the object of a locative preposition (``shelled
    X in Y``; ``actors.located``) are dropped: the name says where. An event whose party was read from
    such a mention keeps that state when its location (the places stage) is in the same state: the
    slot is then the event's located state (``target.event_location``: PLOVER codes the state acted
    on in ``a curfew in X``). When any such event is located elsewhere, or not at all, or only by a
    guess of the places stage, the mention stays: the location cannot give that party back.
    Only an act that falls on the place (``_acts_on_place_of``: a curfew, shelling, a protest in X) takes
    the place's state so; a meeting, a negotiation, a decision in X names a venue and the slot is emptied."""
    records = resolved.locative_mentions
    resolved.locative_mentions = []
    venues: set[str] = set()  # the events whose slot held only a venue's state, emptied
    if not records or not REGISTRY.enabled(PLACE_TARGET):
        return venues
    actors = resolved.actors
    spans: dict[str, list[tuple[int, int]]] = {}
    for aid, _, _, c0, c1 in records:
        spans.setdefault(aid, []).append((c0, c1))
    for aid, own in spans.items():
        a = actors.get(aid)
        if a is None or a.country not in kb.countries:
            continue
        relabel: list[tuple[Event, str]] = []
        kept = False
        for e in events:
            for slot, ref in (("source", e.source), ("target", e.target)):
                if ref is None or ref.actor != aid:
                    continue
                ev0, ev1 = e.evidence.start, e.evidence.end
                inside = [m for m in a.mentions if ev0 <= m.start < ev1]
                if not inside or not all(any(m.start < c1 and m.end > c0 for c0, c1 in own) for m in inside):
                    continue  # the party is named in its sentence by other words (Syria, the government)
                if not _acts_on_place_of(e, ref.text):
                    # a meeting, a visit, a negotiation, a decision in X: the city is its venue, no party
                    setattr(e, slot, None)
                    venues.add(e.id)
                    e.rules = {k: v for k, v in (e.rules or {}).items() if k != slot}
                    continue
                loc = e.location
                if loc is None or loc.code != a.country or loc.rule in _NOT_EVIDENCE:
                    kept = True
                else:
                    relabel.append((e, slot))
        if kept:
            continue
        for e, slot in relabel:
            e.rules = dict(e.rules or {})
            e.rules[slot] = PLACE_TARGET if slot == "target" else PLACE_SOURCE
        a.mentions = [m for m in a.mentions if not any(m.start < c1 and m.end > c0 for c0, c1 in own)]
        toks = {t for r in records if r[0] == aid for t in range(r[1], r[2])}
        for t in toks:
            if resolved.token_actor.get(t) == aid:
                del resolved.token_actor[t]
        parties = {r.actor for e in events for r in (e.source, e.target) if r is not None and r.actor}
        if not a.mentions and aid not in parties:
            del actors[aid]
            for ids in resolved.token_group.values():
                ids[:] = [x for x in ids if x != aid]
            for _, ids in resolved.group_mentions:
                ids[:] = [x for x in ids if x != aid]
    return venues


def _place_parties_named(resolved: ResolvedActors, events: list[Event]) -> set[str]:
    """A state that is an event's party only through the place it happens in (``target.event_location``,
    ``source.event_location``, from either pass above) stays so only when the act falls on the place
    (``acts_on_place``); a venue (a meeting, a talk, a decision in X) gives no party. A state that is then no
    party and has no mention is dropped. (One that stays such a party keeps no mention: the city's words are
    no actor's, as the places passes above decided; the event's reference text says where.)"""
    venues: set[str] = set()
    if not REGISTRY.enabled(PLACE_TARGET):
        return venues
    actors = resolved.actors
    dropped: set[str | None] = set()
    for e in events:
        for slot in ("source", "target"):
            rule = (e.rules or {}).get(slot)
            ref = getattr(e, slot)
            if ref is None or rule not in (PLACE_TARGET, PLACE_SOURCE):
                continue
            if not _acts_on_place_of(e, ref.text):
                setattr(e, slot, None)
                venues.add(e.id)
                dropped.add(ref.actor)
                e.rules = {k: v for k, v in (e.rules or {}).items() if k != slot}
    parties = {r.actor for e in events for r in (e.source, e.target) if r is not None and r.actor}
    for aid in [aid for aid in dropped if aid in actors and not actors[aid].mentions and aid not in parties]:
        del actors[aid]
        for ids in resolved.token_group.values():
            ids[:] = [x for x in ids if x != aid]
        for _, ids in resolved.group_mentions:
            ids[:] = [x for x in ids if x != aid]
    return venues


def _acts_on_place_of(e: Event, place: str | None) -> bool:
    """The event's act falls on its place: its trigger does, or a word between the trigger and the place's name
    in its sentence does (``threatened to ban voting in X``: the ban is on the place, the threat is the event)."""
    if acts_on_place(e.trigger):
        return True
    if e.cameo[:2] in word_class("place_acting_event_roots") and not acts_on_place(e.trigger, "place_venue_words"):
        return True  # an act of force, coercion or protest there, not a meeting
    text = e.evidence.text
    at = text.find(e.trigger)
    end = text.find(place, at) if place and at >= 0 else -1
    return end > at >= 0 and acts_on_place(text[at + len(e.trigger):end])


def acts_on_place(trigger: str, words_of: str = "place_acting_words") -> bool:
    """The event's trigger is a word of an act that falls on the place where it happens (``place_acting_words``:
    a curfew, shelling, a raid, a protest in X), in any of its inflected forms (or of the class ``words_of``)."""
    words = word_class(words_of)
    for w in trigger.lower().replace("-", " ").split():
        forms = {w, w[:-1], w[:-2], w[:-3], w[:-3] + "y", w[:-3] + "e"}  # -s/-d, -ed/-es, -ing, -ied, -ing on -e
        if forms & words:
            return True
    return False


def _name_unidentified(actors: dict[str, Actor], events: list[Event], kb: KnowledgeBase,
                       venues: set[str] | frozenset[str] = frozenset()) -> None:
    """Witnessed violence with no doer named: the unidentified armed forces of its place's state, or,
    when no place the text names is known, of the host state of the mission that saw it."""
    located, hosted = REGISTRY.enabled(UNIDENTIFIED), REGISTRY.enabled(MISSION_HOST)
    for e in events:
        if e.source is None and e.target is None and e.rules and e.rules.get("event") in _SIDELESS \
                and e.id not in venues:  # a side read from a venue and dropped is no unnamed doer
            _sideless(actors, kb, e)
    if not located and not hosted:
        return
    for e in events:
        if e.source is not None or not e.rules or not e.cameo.startswith(_VIOLENT):
            continue
        if e.rules.get("source") != WITNESS_FRAME:
            continue
        loc = e.location
        code, rule = None, UNIDENTIFIED
        if loc is not None and loc.code in kb.countries and loc.rule not in _NOT_EVIDENCE:
            code = loc.code if located else None
        elif hosted and (loc is None or loc.rule in _NOT_EVIDENCE):
            code, rule = mission_state(e.evidence.text, e.date), MISSION_HOST
        if code is None or code not in kb.countries:
            continue
        _unidentified_source(actors, kb, e, code, rule)


def _sideless(actors: dict[str, Actor], kb: KnowledgeBase, e: Event) -> None:
    """An act of force or a protest with no side named: the unidentified armed forces, or the protesters, of the
    state the places stage located it in (only a place the text gives says whose)."""
    loc = e.location
    if loc is None or loc.code not in kb.countries or loc.rule in _NOT_EVIDENCE:
        return
    at = e.evidence.text.find(e.trigger)
    before = e.evidence.start + (at if at >= 0 else len(e.evidence.text))
    if any(e.evidence.start <= m.start < before for a in actors.values() for m in a.mentions):
        return  # someone is named before the act ("X-led raids were reported"): the coder only could not place them
    if e.cameo.startswith(_VIOLENT) and REGISTRY.enabled(UNNAMED_FORCE):
        _unidentified_source(actors, kb, e, loc.code, UNNAMED_FORCE)
    elif e.cameo.startswith(_PROTEST) and REGISTRY.enabled(UNNAMED_PROTEST):
        _unidentified_source(actors, kb, e, loc.code, UNNAMED_PROTEST, ("protesters", "OPP"))


def _unidentified_source(actors: dict[str, Actor], kb: KnowledgeBase, e: Event, code: str, rule: str,
                         who: tuple[str, str] = ("unidentified armed forces", "UAF")) -> None:
    """The event's source is the unidentified armed forces (sector UAF) of ``code`` — or another sector ``who``
    (its noun, its code) — an actor with no mention."""
    name = sector_label(who[0], kb.state_name(code))
    aid = slug(name)
    a = actors.get(aid)
    if a is None:
        a = actors[aid] = Actor(aid, name, "sector", code + who[1], code, [])
    e.source = Ref(a.id, a.name, a.code, a.name)
    e.rules = dict(e.rules or {})
    e.rules["source"] = rule


def _follow(ref: Ref | None, actors: dict[str, Actor], moved: dict[str, str]) -> Ref | None:
    """The reference with its actor's current id, name and code."""
    if ref is None or not ref.actor:
        return ref
    a = actors.get(moved.get(ref.actor, ref.actor))
    if a is None:
        return ref
    ref.actor, ref.name, ref.code = a.id, a.name, a.code
    return ref
