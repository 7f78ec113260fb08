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

from ..lexicon import word_class
from ..nlp import sentence_of
from ..places.locate import clause_place, where_state
from .decide import mention_rule, switched_on
from .naming import code_kind, of_phrase
from .state import State, add_mention, document_place_state, document_toponyms, drop_mentions, slug, state_of_span

EVENT_PLACE = mention_rule(
    "owner.event_place", 0.65,
    "a sector noun with no state of its own is of the state where its clause happens (in X), else of its "
    "sentence's places, else of the dateline's or the document's places", ("parse", "places"))
VETO_TOPONYM = mention_rule(
    "mention.veto_toponym", 0.9,
    "a name read as a place (town, area, X district) that does not stand for a government is a location: "
    "not a new person, an unknown organisation or a city standing for its state", ("parse", "places"))

VETO_REPORT_PLACE = mention_rule(
    "mention.veto_report_place", 0.85,
    "a name no knowledge base or gazetteer knows, written as a report writes a place (in/at/near X, the "
    "village of X, X village, a bracketed list after a place) and not acting, is a location, not a new "
    "person or an unknown organisation", ("parse", "lexicon:place_words", "lexicon:report_place_prepositions"))

UNRESOLVED_PLACE = mention_rule(
    "mention.unresolved_located", 0.4,
    "an organisation the knowledge base does not know (pro-X forces, a local militia's name) is of the state "
    "where its clause happens, when the places say so and its sentence names no other state", ("parse", "places"))

NAMESAKE_PLACE = mention_rule(
    "mention.namesake_located", 0.45,
    "a group the knowledge base knows under a name of generic words only (National Resistance) as another "
    "state's, or as a group of no known state, is the group of the state where its clause happens when the "
    "document names its own state nowhere", ("parse", "places", "kb", "lexicon:generic_name_words"))

# Sector codes of people named by no role at all ("people", "persons"): the place they are in is
# already the event stage's reading of whom an act touches.
UNSPECIFIC = {"PPL"}

# Mentions these rules make are dropped on a place name: they guess an actor from a capitalised word.
GUESSES = {"mention.person_new", "mention.unknown_entity", "mention.surname_alias", "mention.person_kb_surname",
           "mention.place_state", "mention.place_named_state"}


def event_place_state(st: State, head: int, located: bool) -> str | None:
    """The state where the clause of the sector noun at ``head`` happens (None: no place, or no sure
    one). Sectors often abroad (soldiers) take only their own clause's place, in a sentence that
    names no other state; in a sentence that names no state at all, the one state of its places."""
    found = document_toponyms(st)
    if not found:
        return None
    hit = st.hits.get(head)
    agent = hit[2].agent if hit is not None else None
    if agent is not None and agent.code.strip("~") in UNSPECIFIC and st.doc[head].dep_ != "nsubj":
        # "killed five people in X": the event stage reads the place's state as the one acted on
        # (not "people in X protested": the doers are of X)
        return None
    named = _named_states(st, head, every=not located)
    # an often-abroad sector in a sentence naming no state: the place its sentence names is its own
    # (gunmen, militias, soldiers at home are the common case when nobody foreign is named)
    where = place_state(st, head, found, named, clause_only=not located and bool(named))
    if where is None or where[0] not in st.kb.countries:
        return None
    if not located and (named - {where[0]} or (not named and where[1] == "document")):
        return None  # "soldiers fired on Freedonian protesters in X": whose soldiers, the place does not say
    return where[0]


def place_state(st: State, head: int, found, named: set[str], clause_only: bool = False) -> tuple[str, str] | None:
    """``where_state``, and when it finds no sure place because the clause's place phrase names a place
    the gazetteer lacks: the one state of the sentence's places (else the document's) when every
    unplaced name of the sentence is written as a report's place (``As Shaab area of X city``,
    ``Kerawa village (Y, Z)``), so it cannot be a state of its own."""
    tok = st.doc[head]
    where = where_state(tok, found, named, clause_only=clause_only, document=lambda: document_place_state(st))
    if where is not None:
        return where
    dated = _dated_clause_place(tok, found)
    if dated is not None or clause_only:
        return dated
    sent = sentence_of(st.doc, head)
    inside = [t for t in found if sent.start <= t.start < sent.end and not t.stands_for_actor]
    unplaced = [t for t in inside if t.place is None]
    if not unplaced or any(t.level_wanted is None and t.container is None and not _bracketed(st.doc, t)
                           for t in unplaced):
        return None
    codes = {t.place.code for t in inside if t.place is not None and t.place.level > 0}
    if len(codes) > 1:
        return None
    code = codes.pop() if codes else document_place_state(st)
    if code is None or (named and named != {code}):
        return None
    return code, "sentence"


def _dated_clause_place(tok, found) -> tuple[str, str] | None:
    """``On 8 May 2020, in X, ...``: a place phrase the parser hung on the date's phrase, unsure to
    ``where_state`` only because the date (``May``) is a proper noun no place bears."""
    loc = clause_place(tok, found)
    if loc is None or loc.toponym.place is None or loc.phrase is None:
        return None
    doc = tok.doc
    placed = {i for t in found if t.place is not None or not t.candidates for i in range(t.start, t.end)}
    prep = doc[loc.phrase[0]]
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    objects += [c for o in objects for c in o.conjuncts]
    unplaced = [o for o in objects if o.pos_ == "PROPN" and o.i not in placed]
    if not unplaced or any(o.ent_type_ not in ("DATE", "TIME") for o in unplaced):
        return None
    return loc.toponym.place.code, "clause"


def _bracketed(doc, t) -> bool:
    """The name stands inside brackets of a report's place list (``X (Y, Z)``)."""
    j = t.start - 1
    while j >= 0 and t.start - j < 8 and doc[j].text not in ("(", ")", "."):
        j -= 1
    return j >= 0 and doc[j].text == "("


def _named_states(st: State, head: int, every: bool) -> set[str]:
    """The states the sentence of ``head`` names: states, their groups and nationalities; unless
    ``every``, not a nationality describing a thing (``an Armenian church`` is no other party)."""
    doc = st.doc
    sent = sentence_of(doc, head)
    # a state read inside a place name (``Mali`` of ``Mali Zvornik``, a city read as its state) is where, not who
    places = {i for t in document_toponyms(st) or [] if not t.stands_for_actor and (t.place is None or t.place.level > 0)
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
    found = document_toponyms(st)
    if not found or not switched_on(VETO_TOPONYM):
        return
    # a town or an area, never a country, whatever else the name could be
    for t in found:
        # a resolved place, or a name the text puts as a place the gazetteer lacks (no reading at all)
        # (or an unresolved reading written as a report's place: ``X area``, ``(X, Y)``)
        # (or a name of several readings the text puts inside a known place: ``X (Y, Z)``, ``X, Y``)
        placed = t.place is not None or not t.candidates or t.level_wanted is not None or _bracketed(st.doc, t) \
            or _inside_known_place(t)
        if t.stands_for_actor or not placed or any(p.level == 0 for p, _ in t.candidates):
            continue
        holds = _holds_a_place(t)
        for aid in {st.out.token_actor[k] for k in range(t.start, t.end) if k in st.out.token_actor}:
            a = st.out.actors.get(aid)
            if a is None or a.type not in ("person", "group", "state"):
                continue
            if _from_user_dictionary(st, aid, t.start, t.end):
                continue  # the user's own dictionary names this actor: it stays
            if a.type == "person" and _word_of_longer_name(st, aid, t.start, t.end):
                continue  # ``Kais X``: a given name the gazetteer also lists is a word of the person's name
            if a.type == "state" and not _report_place(t) and _container_place(st.doc, t):
                doc = st.doc
                s0, e0 = st.norm.to_original(doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1]))
                st.out.container_mentions.append((aid, t.start, t.end, s0, e0))
                continue
            if a.type == "state" and t.place is not None and t.place.level > 0 and not _report_place(t) \
                    and _locative_object(st.doc, t) and not _names_its_state(st, t, a.country):
                doc = st.doc
                s0, e0 = st.norm.to_original(doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1]))
                st.out.locative_mentions.append((aid, t.start, t.end, s0, e0))
                continue
            if (a.type == "state" and _report_place(t)) or (a.type != "state" and (
                    holds or _rules_on(st, aid, t.start, t.end) <= GUESSES)):
                drop_mentions(st, aid, t.start, t.end)


def _word_of_longer_name(st: State, aid: str, start: int, end: int) -> bool:
    """The person's name around the place runs on beyond it, over capitalised words of the same name
    (``Kais Saied`` around the town ``Kais``): the place is one word of the person's name."""
    toks = st.out.token_actor
    before = start - 1 >= 0 and toks.get(start - 1) == aid and st.doc[start - 1].text[:1].isupper()
    after = end < len(st.doc) and toks.get(end) == aid and st.doc[end].text[:1].isupper()
    return before or after


def drop_unknown_report_places(st: State) -> None:
    """Guessed actors (a new person, an unknown organisation) every mention of which is written as a
    report's place (``in Ftireh``, ``the village of X``, ``X village``, ``(X, Y)`` after a place) and
    none of which acts (a subject or a possessor) are dropped: the name says where."""
    if not switched_on(VETO_REPORT_PLACE):
        return
    doc = st.doc
    # names the places stage read are mention.veto_toponym's to judge
    read = {i for t in document_toponyms(st) or [] for i in range(t.start, t.end)}
    for aid, a in list(st.out.actors.items()):
        if a.type not in ("person", "group") or a.code or not a.mentions \
                or not {m.rule for m in a.mentions} <= GUESSES | {"mention.unknown_entity"}:
            continue
        toks = sorted(t for t, x in st.out.token_actor.items() if x == aid)
        spans = token_runs(toks)
        if spans and not read & set(toks) and all(_written_as_place(doc, s0, e0) for s0, e0 in spans):
            drop_mentions(st, aid, toks[0], toks[-1] + 1)


def _written_as_place(doc, s: int, e: int) -> bool:
    """Tokens [s, e) are a name written as a report's place, not as a doer."""
    last = doc[e - 1]
    if any(doc[k].dep_ in ("nsubj", "nsubjpass", "poss", "agent") for k in range(s, e)) or (
            e < len(doc) and doc[e].tag_ == "POS"):
        return False
    after = doc[e] if e < len(doc) else None
    if after is not None and after.lower_ in word_class("place_words"):
        return True  # "Kerawa village", "Hays district"
    j = s - 1
    while j >= 0 and doc[j].lower_ in ("the", "a"):
        j -= 1
    if j < 0:
        return False
    before = doc[j]
    if before.lower_ in word_class("report_place_prepositions"):
        return True  # "in Ftireh", "near Banh"
    if before.lower_ == "of" and j > 0 and doc[j - 1].lower_ in word_class("place_words"):
        return True  # "the village of X", "the outskirts of X" (place words only)
    if before.text in (",", "(") and _in_place_list(doc, j):
        return True
    if before.lower_ in ("and", "or", ",") and last.dep_ == "conj":
        first = last.head  # "in Ftireh and Kafr Nabl": a conjunct of a place written as one
        start = first.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == first.i:
            start -= 1
        return first.i < s and first.pos_ == "PROPN" and _written_as_place(doc, start, first.i + 1)
    return False


def _in_place_list(doc, j: int) -> bool:
    """Token ``j`` (a comma or an opening bracket) continues a list that opened after a place word
    or inside brackets right after a name: ``X village, Y`` / ``Gadabo (Y, Z)``."""
    k = j
    while k >= 0 and j - k < 10 and doc[k].text != "(" and (doc[k].text in (",", "-") or doc[k].text[:1].isupper()
                                                            or doc[k].lower_ in word_class("place_words")):
        if doc[k].lower_ in word_class("place_words") and k != j:
            return True
        k -= 1
    return k > 0 and doc[k].text == "(" and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in
                                             word_class("place_words"))


def _inside_known_place(t) -> bool:
    """The text puts the name inside a place the gazetteer knows (``X (Y, Z)``, ``X, Y``, ``X of Y``):
    whatever its readings, it is a place there."""
    return t.container is not None and t.container.place is not None and t.container.place.level > 0


def _holds_a_place(t) -> bool:
    """A known town or area the text puts another place in (``X, Y`` with X in Y): no person or group,
    whatever table reads the word as a name (a leader's surname, an organisation's)."""
    return t.is_container and t.place is not None and t.place.level > 0


def _container_place(doc, t) -> bool:
    """A city or region written as the container of the report's place (``near X, Y``, ``in X (Y, Z)``),
    not as a preposition's own object (``a curfew in Abidjan``: PLOVER reads the state acted on there)
    nor as a doer: the state it could stand for is no party of the report."""
    if doc[t.end - 1].dep_ == "pobj":
        return False
    return _written_as_place(doc, t.start, t.end)


def _locative_object(doc, t) -> bool:
    """A city or region that is only the object of a locative preposition (``clashes in X``, ``near
    X and Y``): it says where. The state it could stand for is read from the event's location by the
    late pass, not from the name (``Moscow warned``, a subject, is no such object)."""
    tok = doc[t.end - 1]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of":  # "the outskirts of X", "the city of X": where, as a place word says
        return prep.head.lower_ in word_class("place_words")
    return prep.lower_ in word_class("report_place_prepositions")


def _names_its_state(st: State, t, code: str | None) -> bool:
    """The name is (part of) the state's own name (``Congo``, which a gazetteer also has as a town):
    the state, not a city read as it."""
    text = st.doc[t.start:t.end].text.lower()
    name = (st.kb.state_name(code) or "").lower() if code else ""
    return bool(name) and text in name


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
    found = document_toponyms(st)
    if not found or not switched_on(UNRESOLVED_PLACE):
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
        where = place_state(st, head, found, named)
        if where is None or where[0] not in st.kb.countries:
            continue
        if named - {where[0]} and (where[1] != "clause" or _state_modifies(st, toks)):
            # "Ruritanian-backed rebels took X": another state named in the sentence may be theirs,
            # unless the group's own clause says where it acts and no state word qualifies the group
            continue
        spans = token_runs(toks)
        drop_mentions(st, aid, toks[0], toks[-1] + 1)
        for s0, e0 in spans:
            add_mention(st, s0, e0, (aid, a.name, "group", None, where[0]), "learned", 0.4, UNRESOLVED_PLACE)


def _state_modifies(st: State, toks: list[int]) -> bool:
    """A state's word stands inside or right before the group's name (``pro-Ruritania X``)."""
    doc = st.doc
    near = set(toks) | {toks[0] - 1, toks[0] - 2}
    return any(t in st.hits and state_of_span(st, st.hits[t][2]) for t in near if t >= 0) or any(
        c.i in st.hits and state_of_span(st, st.hits[c.i][2]) for t in toks for c in doc[t].children)


def token_runs(toks: list[int]) -> list[tuple[int, int]]:
    """Consecutive token indices as [start, end) spans."""
    out: list[tuple[int, int]] = []
    for t in toks:
        if out and out[-1][1] == t:
            out[-1] = (out[-1][0], t + 1)
        else:
            out.append((t, t + 1))
    return out


def relocate_namesakes(st: State) -> None:
    """A group coded as another state's only by a name of generic words (``National Resistance``),
    in a document that never names that state, or a group whose code names no state (a placeholder
    such as KKL), takes the state where its clause happens; its mentions are made again by this rule."""
    found = document_toponyms(st)
    if not found or not switched_on(NAMESAKE_PLACE):
        return
    doc = st.doc
    generic = word_class("generic_name_words")
    for aid, a in list(st.out.actors.items()):
        if a.type != "group" or not a.code or len(a.code) < 3 or not a.mentions:
            continue
        own = a.country if a.country in st.kb.countries else None
        if own is None and (a.country is None or code_kind(a.code[:3]) not in (None, "region")):
            continue  # no state, no region, no placeholder: an international group (IMG), a people (KUR)
        if own is not None and not all(w in generic for m in a.mentions for w in m.text.lower().split()):
            continue
        toks = sorted(t for t, x in st.out.token_actor.items() if x == aid)
        if not toks or (own is not None and _names_state(st, own, set(toks), found)):
            continue
        head = toks[-1]
        while doc[head].head.i in toks and doc[head].head.i != head:
            head = doc[head].head.i
        named = _named_states(st, head, every=True) - ({own} if own else set())
        where = place_state(st, head, found, named)
        if where is None or where[0] not in st.kb.countries or where[0] == own:
            continue
        if named - {where[0]} and where[1] != "clause":
            continue
        name = min((m.text for m in a.mentions), key=len)
        key = (slug(f"{name}-{where[0]}"), name, "group", where[0] + a.code[3:], where[0])
        spans = token_runs(toks)
        drop_mentions(st, aid, toks[0], toks[-1] + 1)
        for s0, e0 in spans:
            add_mention(st, s0, e0, key, "learned", 0.45, NAMESAKE_PLACE)
        if own is not None:
            _follow_group(st, set(toks), own, where[0])


def _follow_group(st: State, toks: set[int], old: str, new: str) -> None:
    """Sector nouns that took the group's former state from it as their modifier (``X Army
    fighters``) take its new state."""
    doc = st.doc
    was, now = of_phrase(st.kb.state_name(old)), of_phrase(st.kb.state_name(new))
    for bid, b in list(st.out.actors.items()):
        if b.type != "sector" or b.country != old or not b.code:
            continue
        own = sorted(t for t, x in st.out.token_actor.items() if x == bid)
        if not any(c.i in toks for t in own for c in doc[t].children):
            continue
        name = b.name[:-len(was)] + now if b.name.endswith(was) else b.name
        key = (slug(name), name, "sector", new + b.code[3:], new)
        rules = {m.rule for m in b.mentions}
        if rules != {"owner.modifier"}:
            continue
        drop_mentions(st, bid, own[0], own[-1] + 1)
        for s0, e0 in token_runs(own):
            add_mention(st, s0, e0, key, "role", 0.45, NAMESAKE_PLACE)


def _names_state(st: State, code: str, skip: set[int], found) -> bool:
    """The document names the state ``code`` outside the tokens ``skip``: a state word or a place in it."""
    if any(t.place is not None and t.place.code == code for t in found):
        return True
    return any(t not in skip and state_of_span(st, sp[2]) == code for t, sp in st.hits.items())
