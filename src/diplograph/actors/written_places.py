"""Names written as a report writes a place are no actors (rule ``mention.veto_written_place``).

A conflict report says where in a fixed way: the object of a locative preposition (``in X``, ``near X``,
``along X``), a chain of containers (``in X district, Y``; ``near X, Y``; ``X (Y, Z)``), a name before a
place word or a site (``X district``, ``the X highway``, ``X front``), a place word's owner (``Y's X
district``), ``the outskirts of X``, ``south of X``. A name so written is a location whatever table
reads it: a city or a province the knowledge base reads as its state (``Ghor`` → Afghanistan), a
village guessed to be a new person or an unknown organisation. It stands for a government only as the
doer of a clause (``Moscow warned``), which none of these positions is.

The actor stage records such mentions (``ResolvedActors.place_mentions``) and the event stage still
reads them (the state acted on where an event happens: ``a curfew in X``). The late pass
(``actors.event_located``), once the events are coded and located, drops them (:func:`drop_written_places`):

- a state read only from such a name stays the party of its events, with no mention; its slot takes
  the state the places stage located the event in when that differs (the name's reading was of a
  namesake: ``the X highway`` of another state's city), and says so (``target.event_location``);
- a guessed person or organisation read only from such a name is replaced, in its events, by the
  state the event is located in, else the slot is left empty: a village is not who acted;
- an actor with no mention left and no event is removed.

A state's own name (``Mexico``) is dropped only as a container of another place (``in X, Mexico``):
``a curfew in Kenya`` keeps its mention.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import word_class
from ..nlp import lower_keys_of, texts_of
from ..records import Actor, Event, Ref
from ..places.gazetteer import load_gazetteer, name_key
from .decide import mention_rule, switched_on
from .kb import KnowledgeBase
from .located import GUESSES, token_runs
from .seats import stands_for_state
from .state import ResolvedActors, State, document_toponyms, slug, state_of_span

WRITTEN_PLACE = mention_rule(
    "mention.veto_written_place", 0.85,
    "a name written as a report writes a place (a locative object, a container of another place, a name "
    "before a place word or a site, a bracketed list of places) is a location, not an actor: dropped once the "
    "events are coded; a party read only from it is the state the event is located in",
    ("parse", "lexicon:place_words", "lexicon:place_landmarks", "lexicon:place_sites", "lexicon:place_relation_words",
     "lexicon:place_proximity_words", "gazetteer"))

# the rules that read a state from a name (a city, a province, a state's own name)
STATE_READINGS = {"mention.kb_phrase", "mention.place_state", "mention.place_named_state"}
# the rules that guess a person or an organisation from a capitalised name
GUESSED = GUESSES | {"mention.unresolved_located", "mention.given_name_alone", "mention.unknown_entity"}
# the rules that repeat a name already found (a part of it, an alias in brackets): a guess when the name was one
ECHOES = {"mention.surname_alias", "mention.partial_name", "mention.nickname_general"}
# prepositions after which a name says where (report_place_prepositions and a few of route and motion;
# not "to", "from", "on", "between", "with": those also introduce parties — ``talks between X and Y``)
# (not "into", "under": ``integrated into X``, ``under X's command`` name organisations)
_ROUTE_PREPS = word_class("route_prepositions")
_CHAIN = ("appos", "npadvmod", "nmod", "conj")


@lru_cache(maxsize=1)  # read for every name of every document: one union, not one per call
def _preps() -> frozenset[str]:
    return word_class("report_place_prepositions") | _ROUTE_PREPS


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    return word_class("place_words") | word_class("place_landmarks") | word_class("place_sites")


def _place_noun(tok) -> bool:
    """A place word or a site, also in the plural (``villages``, ``fronts``)."""
    nouns = _place_nouns()
    return tok.lower_ in nouns or tok.lemma_.lower() in nouns


def mark_written_places(st: State) -> None:
    """Record the state and guessed mentions written as a report's place (the late pass drops them)."""
    if not switched_on(WRITTEN_PLACE):
        return
    out, doc = st.out, st.doc
    known: set[int] | None = None  # tokens of names known as places: toponyms placed, names read as a state
    spans: dict[str, list[int]] = {}
    for t, aid in out.token_actor.items():
        spans.setdefault(aid, []).append(t)
    for aid, toks in spans.items():
        a = out.actors.get(aid)
        if a is None or not a.mentions:
            continue
        if a.type == "state":
            if a.country not in st.kb.countries:
                continue
        elif a.type not in ("person", "group"):
            continue
        runs = token_runs(sorted(toks))
        # a guessed actor's repeated names (its surname, a bracketed alias) are guesses as well
        guessed = GUESSED | ECHOES if any(m.rule in GUESSED for m in a.mentions) else GUESSED
        marked: list[tuple[str, int, int, int, int]] = []
        echoes: list[tuple[str, int, int, int, int]] = []  # pronouns coreference gave it: they follow its names
        for s, e in runs:
            if a.type != "state" and all(doc[k].pos_ == "PRON" for k in range(s, e)):
                s0, e0 = st.norm.to_original(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
                echoes.append((aid, s, e, s0, e0))
                continue
            # the words' position first (cheap, and rarely a place's); the rules that read them after
            remark = _editorial_remark(doc, s, e)
            if remark is not None and a.type != "state":
                if known is None:
                    known = _known_places(st)
                if not any(k in known for k in range(remark[0], remark[1]) if not s <= k < e):
                    remark = None  # a guessed name in a remark with no known place may be the party coded
            written = remark is not None or written_place(doc, s, e)
            if not written:
                if a.type == "state":
                    # a town or province read as its state that is not the state's seat, in none of the positions
                    # where a town may name its state: where something happened
                    if not _town_reading(st, s, e, a.country):
                        continue
                elif not _place_object(doc, s, e):
                    if known is None:
                        known = _known_places(st)
                    if not _conjunct_place(st, s, e, known) and not (
                            e < len(doc) and doc[e].text == "(" and _before_place_brackets(doc, e, known)):
                        continue
            s0, e0 = st.norm.to_original(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
            here = [m for m in a.mentions if m.start < e0 and m.end > s0]
            rules = {m.rule for m in here}
            if not rules:
                continue
            town_person = False
            if any(m.method == "dictionary" for m in here):
                # a dictionary's person named like the town the places stage read at these very words, written
                # where a report writes a place ("in <X>, <province>"): the town
                town_person = a.type == "person" and written and _toponym_span(st, s, e)
                if not town_person:
                    continue
            if a.type == "state":
                if not rules <= STATE_READINGS or (any(_nationality(st.hits[k][2]) for k in range(s, e) if k in st.hits)
                                                   and not _gazetteer_town(st, s, e, a.country)):
                    continue  # a nationality describes, it names no place (a capital the state table reads does)
                if remark is None and _names_state(st, s, e, a.country) \
                        and not written_place(doc, s, e, container_only=True):
                    continue  # a state's own name says where only as the container of a place
            elif not town_person and not rules <= guessed and not (rules <= STATE_READINGS and _toponym_span(st, s, e)):
                continue  # (a dictionary's group or person named like the town the places stage read here)
            marked.append((aid, s, e, s0, e0))
        if a.type == "state":
            out.place_mentions.extend(marked + echoes)
        elif marked and len(marked) + len(echoes) == len(runs):
            # a guessed person or organisation is a place only when every mention is written as one: a name
            # that acts elsewhere in the text is who it seemed (``the X camp`` of a politician named X)
            out.place_mentions.extend(marked + echoes)


def _editorial_remark(doc, s: int, e: int) -> tuple[int, int] | None:
    """Tokens [s, e) stand in a coder's bracketed remark (``[coded to X-Y]``, ``(coded as X LGA, Y)``; class
    ``editorial_remark_words``): the remark's token range, else None."""
    texts = texts_of(doc)  # the cached token texts: no ``Token`` per step of the walks
    k = s - 1
    while k >= 0 and s - k < 12 and texts[k] not in ("(", "[", ")", "]"):
        k -= 1
    if k < 0 or texts[k] not in ("(", "[") or k + 1 >= s or \
            lower_keys_of(doc)[k + 1][0] not in word_class("editorial_remark_words"):
        return None
    j = e
    while j < len(doc) and j - e < 12 and texts[j] not in (")", "]", "(", "["):
        j += 1
    return (k + 1, j) if j < len(doc) and texts[j] in (")", "]") else None


def _town_reading(st: State, s: int, e: int, country: str | None) -> bool:
    """Tokens [s, e) name a town or a province of ``country`` (the gazetteer has a place of that state so named,
    and no state) that is not its seat, outside a preposition and not doing its clause's act: a name that says
    where, not the government (``<town> is a <nationality> city``, ``<town> Services Company``, a fronted place
    the parser took for the subject)."""
    tok = _name_head(st.doc, s, e)
    # (a preposition's object is read by ``written_place``'s list of prepositions: ``marched through <town>``
    # keeps its state reading)
    # (a common noun's modifier names its state, the party of what happened there: ``the <town> attack``; a
    # name's part does not: ``<town> Services Company``)
    if tok.dep_ == "pobj" or (tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.pos_ != "PROPN"):
        return False
    return _gazetteer_town(st, s, e, country) and not stands_for_state(st, (s, e), country) \
        and not _doer(tok)


def _doer(tok) -> bool:
    """The name does its clause's act (``<town> warned X``: its authorities may speak through it): the subject
    of a finite verb other than ``be``, with no apposition that is the real doer (``<town>, a group of X
    blocked``) and no ``to`` before the verb (``<town> to mark``: a misparse)."""
    if tok.dep_ == "agent" or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return True
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    if verb.lemma_ == "be" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return not any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in tok.children)


def _gazetteer_town(st: State, s: int, e: int, country: str | None) -> bool:
    """The gazetteer has a town or province of ``country`` named by tokens [s, e), and no state so named."""
    if not country:
        return False
    found = load_gazetteer().lookup(name_key(st.doc[s:e].text))
    return any(p.iso3 == country for p, _ in found) and not any(p.fcode.startswith("PCL") for p, _ in found)


def _conjunct_place(st: State, s: int, e: int, known: set[int]) -> bool:
    """A guessed name coordinated with a place: a place word (``A and B fronts``), a place the places stage read
    that is no state's (``between A and <town>``), a name before a report's bracketed places (``between A and B
    (C, D)``). Like is coordinated with like."""
    doc = st.doc
    tok = _name_head(doc, s, e)
    for c in tok.conjuncts:
        if s <= c.i < e:
            continue
        if _place_noun(c) and c.pos_ == "NOUN":
            return True
        if c.i in known and not (c.i in st.hits and state_of_span(st, st.hits[c.i][2])):
            return True
        if c.i + 1 < len(doc) and doc[c.i + 1].text == "(" and _before_place_brackets(doc, c.i + 1, known):
            return True
    return False


def _place_object(doc, s: int, e: int) -> bool:
    """A guessed name that is the object of a verb whose object is a place (``shelled X``, ``raided X``):
    a village, not a person."""
    tok = _name_head(doc, s, e)
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in word_class("place_object_verbs")


def _toponym_span(st: State, s: int, e: int) -> bool:
    """The places stage resolved exactly tokens [s, e) as a place, by its own name."""
    return any(t.place is not None and t.start == s and t.end == e for t in document_toponyms(st) or ())


def _known_places(st: State) -> set[int]:
    found = document_toponyms(st) or []
    out = {i for t in found if t.place is not None for i in range(t.start, t.end)}
    return out | {k for k, sp in st.hits.items() if state_of_span(st, sp[2])}


def _before_place_brackets(doc, e: int, known: set[int]) -> bool:
    """A guessed name followed by a report's bracketed places (``X (Y, Z)``: names and commas only, one of
    them a known place, no acronym — ``(ABC, Y)`` may be a party and its seat)."""
    k = e + 1
    while k < len(doc) and k - e < 10 and doc[k].text != ")":
        t = doc[k]
        if t.text not in (",", "-") and not _place_noun(t) and (t.pos_ != "PROPN" or (t.text.isupper() and len(t.text) > 1)):
            return False
        k += 1
    return k < len(doc) and doc[k].text == ")" and any(i in known for i in range(e + 1, k))


def _nationality(hit) -> bool:
    """A nationality word (``Croatian``), not a city read as its state (a place's hit is a demonym too)."""
    return hit.kind == "demonym" and not hit.place and not hit.places


def _names_state(st: State, s: int, e: int, code: str | None) -> bool:
    """The words are (part of) the state's own name, not a place in it."""
    text = st.doc[s:e].text.lower()
    name = (st.kb.state_name(code) or "").lower() if code else ""
    return bool(name) and text in name


def written_place(doc, s: int, e: int, container_only: bool = False) -> bool:
    """Tokens [s, e) are a name written as a report writes a place. ``container_only``: only as the
    container of another place (``in X, Y``, ``X (Y, Z)``), not as a locative object or before a place word."""
    tok = _name_head(doc, s, e)
    if _fronted_container(doc, s, e) or _bracketed_after_name(doc, s):
        return True
    if not container_only and _after_proximity(doc, s):
        return True  # "close to X", "next to X": a place near which
    if not container_only and s > 0 and doc[s - 1].lower_ in _preps() and doc[s - 1].dep_ == "prep" \
            and not (tok.dep_ in ("compound", "poss", "nmod", "amod") and tok.head.i > tok.i
                     and tok.head.pos_ == "NOUN"):
        return True  # "in X, ...": the preposition says where, whatever the parser made of the name
        # (not "outside X building": there the name is the building's)
    if tok.dep_ in ("nsubj", "nsubjpass", "agent", "csubj"):
        return False  # the doer of its clause: it may stand for a government (Moscow warned)
    top, chained = tok, False
    while top.dep_ in _CHAIN and top.head.i < top.i and top.head.i != top.i:
        if container_only and top.dep_ == "conj":
            return False
        top, chained = top.head, True
    if container_only:
        return chained and (_place_noun(top) or _located(top))
    if chained and _place_noun(top):
        return True  # "X district, Y", "the villages of A, B"
    if _located(top):
        return True
    head = top.head
    while head.dep_ in ("compound", "nmod") and head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head  # "the X-Y road": X and Y are names of the road's
    if top.dep_ == "compound" and head.pos_ == "PROPN" and head.i > top.i and _located(head) \
            and head.ent_type_ not in ("ORG", "PERSON", "NORP"):
        return True  # "in X-Y": part of a place's name
    if top.dep_ in ("compound", "poss", "nmod") and _place_noun(head) and head.i > top.i \
            and all(doc[k].pos_ in ("PROPN", "PART", "ADJ", "CCONJ") or doc[k].dep_ == "compound"
                    or doc[k].text in ("-", ",", "(", ")", "'s", "'", "’s") for k in range(top.i + 1, head.i)):
        return True  # "X highway", "Y's X district", "the X-Y road" (names only up to the place word)
    return e < len(doc) and _place_noun(doc[e]) and doc[e].pos_ == "NOUN"


def _after_proximity(doc, s: int) -> bool:
    """``close to X``, ``next to X``, ``far from X`` (class ``place_proximity_words``) where the proximity word
    places an act or a place (not a person: ``sources close to X``)."""
    if s < 2 or doc[s - 1].lower_ not in ("to", "from") or doc[s - 2].lower_ not in word_class("place_proximity_words"):
        return False
    head = doc[s - 2].head
    return head.pos_ not in ("NOUN", "PROPN", "PRON") or _place_noun(head)


def _name_head(doc, s: int, e: int):
    """The token of the span whose head lies outside it (the last one when the parse says nothing)."""
    for k in range(e - 1, s - 1, -1):
        h = doc[k].head.i
        if not s <= h < e or h == k:
            return doc[k]
    return doc[e - 1]


def _located(tok) -> bool:
    """``tok`` is the object of a preposition that says where: ``in X``, ``along X``, ``the outskirts of
    X``, ``south of X``, ``the road between X and Y``."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    word = prep.lower_
    if word in _preps():
        return True
    if word in ("of", "between"):
        return _place_noun(prep.head) or prep.head.lower_ in word_class("place_relation_words") \
            or (word == "of" and prep.head.lower_ in word_class("resident_nouns"))
    return False


def _fronted_container(doc, s: int, e: int) -> bool:
    """``In X, Y, people protested``: Y between commas right after a place a locative preposition
    introduces is X's container (the parser may take it for the clause's subject)."""
    if s < 2 or e >= len(doc) or doc[s - 1].text != "," or doc[e].text not in (",", "."):
        return False
    prev = doc[s - 2]
    if prev.pos_ != "PROPN" and not _place_noun(prev):
        return False
    k = prev.i  # back over the list of places (``in A, B and C municipalities, Y,``) to its preposition
    while k > 0 and prev.i - k < 15 and (doc[k - 1].pos_ == "PROPN" or doc[k - 1].text in ("-", ",", "and")
                                         or (doc[k - 1].is_lower and len(doc[k - 1]) <= 3
                                             and doc[k - 1].lower_ not in _preps())
                                         or _place_noun(doc[k - 1])):
        k -= 1
    return k > 0 and doc[k - 1].lower_ in _preps()


def _bracketed_after_name(doc, s: int) -> bool:
    """The name stands in brackets after a name or a place word (``X (Y, Z)``), among names and commas only."""
    j = s - 1
    while j >= 0 and s - j < 8 and (doc[j].text in (",", "-") or doc[j].pos_ == "PROPN" or _place_noun(doc[j])):
        j -= 1
    if j < 1 or doc[j].text != "(":
        return False
    before = doc[j - 1]
    return before.pos_ == "PROPN" or _place_noun(before)


def drop_written_places(resolved: ResolvedActors, events: list[Event], kb: KnowledgeBase,
                        place_slot: tuple[str, str], not_evidence: set[str]) -> None:
    """Drop the recorded mentions (in place); the parties read only from them take the events' located
    state (``place_slot``: the rule names of a target and a source so filled)."""
    records = resolved.place_mentions
    resolved.place_mentions = []
    if not records or not switched_on(WRITTEN_PLACE):
        return
    actors = resolved.actors
    spans: dict[str, list[tuple[int, int]]] = {}
    toks: dict[str, set[int]] = {}
    for aid, t0, t1, c0, c1 in records:
        spans.setdefault(aid, []).append((c0, c1))
        toks.setdefault(aid, set()).update(range(t0, t1))
    for aid, own in spans.items():
        a = actors.get(aid)
        if a is None:
            continue
        for e in events:
            for slot in ("source", "target"):
                ref = getattr(e, slot)
                if ref is None or ref.actor != aid:
                    continue
                inside = [m for m in a.mentions if e.evidence.start <= m.start < e.evidence.end]
                placed = [m for m in inside if any(m.start < c1 and m.end > c0 for c0, c1 in own)]
                if len(placed) != len(inside) or not any(m.text in ref.text or ref.text in m.text for m in placed):
                    continue  # the party is named in its sentence by other words too, or not by the place
                _refill(e, slot, a, actors, kb, place_slot, not_evidence)
        a.mentions = [m for m in a.mentions if not any(m.start < c1 and m.end > c0 for c0, c1 in own)]
        for t in toks[aid]:
            if resolved.token_actor.get(t) == aid:
                del resolved.token_actor[t]
    parties = {r.actor for e in events for r in (e.source, e.target) if r is not None and r.actor}
    for aid in spans:
        a = actors.get(aid)
        if a is not None and not a.mentions and aid not in parties:
            del actors[aid]
            for ids in resolved.token_group.values():
                ids[:] = [x for x in ids if x != aid]
            for _, ids in resolved.group_mentions:
                ids[:] = [x for x in ids if x != aid]


def _refill(e: Event, slot: str, a: Actor, actors: dict[str, Actor], kb: KnowledgeBase,
            place_slot: tuple[str, str], not_evidence: set[str]) -> None:
    """The slot ``a`` filled only through a place name: the located state, else the name's own state
    (a state read from a city), else nobody (a village is not who acted)."""
    loc = e.location
    code = loc.code if loc is not None and loc.code in kb.countries and loc.rule not in not_evidence else None
    if code is None and a.type == "state":
        return  # the name's state is all the text says
    other = e.target if slot == "source" else e.source
    state = _state_actor(actors, kb, code) if code else None
    if state is None or (other is not None and other.actor == state.id):
        if a.type != "state":
            setattr(e, slot, None)
            e.rules = dict(e.rules or {})
            e.rules[slot] = None
        return
    if state.id != a.id:
        ref = getattr(e, slot)
        setattr(e, slot, Ref(state.id, state.name, state.code, ref.text))
    e.rules = dict(e.rules or {})
    e.rules[slot] = place_slot[0] if slot == "target" else place_slot[1]


def _state_actor(actors: dict[str, Actor], kb: KnowledgeBase, code: str) -> Actor:
    """The document's actor of the state ``code``, made (with no mention) when it has none."""
    for x in actors.values():
        if x.type == "state" and x.code == code:
            return x
    name = kb.state_name(code) or code
    aid = slug(name)
    if aid in actors:
        aid = slug(f"{name}-{code}")
    x = actors[aid] = Actor(aid, name, "state", code, code, [])
    return x
