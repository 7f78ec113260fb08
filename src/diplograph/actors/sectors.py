"""Knowledge-base spans that are not people: states, groups, IGOs, places, and sector nouns with an owner.

A sector noun (``troops``, ``the foreign minister``) gets its owner from the competition of
``owners.OWNER_RULES``; after coreference, a noun still without a state of its own may take the
organisation of its ``of``/``for`` phrase (``owner.organisation``) or the state of the possessive
pronoun before it (``owner.pronoun``). ``ethnic Albanians`` are civilians of the state where
they live (``mention.ethnic_group``).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..lexicon import sectors_with as _sectors_with, word_class
from ..records import Actor
from .decide import best, mention_rule, switched_on
from .kb import KBHit, phrase_key
from .owners import DEFER, OWNER_RULES, Noun, country_of_modifiers, from_is_origin, sole_state
from .phrases import KB_PHRASE
from .naming import sector_label
from .state import ResolvedActors, Span, State, add_mention, document_toponyms, drop_mentions, entry_actor, method_of, slug
from ..syntax import pobj_of, span_head

sectors_with = lru_cache(maxsize=None)(_sectors_with)  # read for every sector noun: the table is fixed

SECTOR_NOUN = mention_rule("mention.sector_noun", 0.5, "a sector noun whose owner no rule finds", ("kb",))
VETO_DEMONYM_OF_ACTOR = mention_rule(
    "mention.veto_demonym_of_actor", 0.95,
    "a nationality modifying another actor's noun is part of that actor (not before another nationality)",
    ("parse", "kb"))
VETO_STATE_OF_SECTOR = mention_rule("mention.veto_state_of_sector", 0.95,
                                    "a state's name modifying a sector noun is part of the sector actor",
                                    ("parse", "kb"))
ETHNIC_GROUP = mention_rule("mention.ethnic_group", 0.6,
                            "'ethnic Xs' are civilians of the state where they live, not of X", ("parse", "kb"))
ORGANISATION_OWNER = mention_rule("owner.organisation", 0.7,
                                  "a stateless sector noun speaks for the organisation of its of/for phrase",
                                  ("parse", "actors", "sectors:institution", "sectors:private"))
PRONOUN_OWNER = mention_rule("owner.pronoun", 0.7,
                             "a stateless sector noun takes the state of its possessive pronoun (its ambassador)",
                             ("parse", "coref"))


VETO_NAMED_THING = mention_rule("mention.veto_named_thing", 0.95,
                                "a state's, people's or person's name modifying a currency or another thing named "
                                "after it (the US dollar, a Molotov cocktail) is part of the thing's name, not an "
                                "actor", ("parse", "kb", "lexicon:named_thing_heads"))

VETO_PLACE_LOCATION = mention_rule("mention.veto_place_location", 0.9,
                                   "a city written as a location (after in/near/at, or as the container of another "
                                   "place) is where something happened, not an actor; the state it gives stays "
                                   "context for sector nouns", ("parse", "lexicon:locatives"))


def add_kb_spans(st: State, spans: list[tuple[int, int, KBHit]], consumed: set[int]) -> None:
    doc = st.doc
    for start, end, hit in spans:
        if start in consumed or any(t in st.out.token_actor for t in range(start, end)):
            continue
        if hit.kind == "agent":
            _add_sector_noun(st, start, end, hit)
            continue
        # A demonym that modifies a noun of another actor is part of that actor, not a mention of the state.
        # Not when that word is another nationality (``Israeli-Palestinian talks``: both states).
        if hit.kind == "demonym" and doc[end - 1].dep_ in ("amod", "compound") and doc[end - 1].head.i in st.hits \
                and st.hits[doc[end - 1].head.i][2].kind != "demonym" and switched_on(VETO_DEMONYM_OF_ACTOR):
            continue
        if hit.kind == "actor" and doc[end - 1].dep_ in ("amod", "compound") and doc[end - 1].head.i in st.hits \
                and st.hits[doc[end - 1].head.i][2].kind == "agent" \
                and len(entry_actor(hit, st.on, st.kb)[3] or "") == 3 and switched_on(VETO_STATE_OF_SECTOR):
            continue  # "Freedonian militiamen": the state is part of the sector actor
        if hit.kind == "demonym" and _ethnic_group(st, start, end) and switched_on(ETHNIC_GROUP):
            _add_ethnic_group(st, start, end, hit)
            continue
        if _city(st, start, end, hit) and _where(st, start, end) and switched_on(VETO_PLACE_LOCATION):
            continue  # "protested in Eldoret": where it happened, not who did it (the span still gives its state)
        add_mention(st, start, end, entry_actor(hit, st.on, st.kb), method_of(hit), 0.7 if hit.place else 0.9,
                    hit.rule or KB_PHRASE)


def drop_named_things(st: State, spans: list[Span]) -> list[Span]:
    """The knowledge-base spans less the names of things (``the US dollar``, ``a Molotov cocktail``):
    their tokens leave ``st.hits`` (no sector noun takes its state from them) and join ``st.things``
    (no unknown entity is made of them)."""
    if not switched_on(VETO_NAMED_THING):
        return spans
    kept = []
    for sp in spans:
        start, end, hit = sp
        if hit.kind in ("actor", "demonym") and _names_a_thing(st.doc, end):
            for t in range(start, end):
                st.hits.pop(t, None)
                st.things.add(t)
            continue
        kept.append(sp)
    return kept


def _names_a_thing(doc: Doc, end: int) -> bool:
    """The name ending before ``end`` modifies a noun of a thing named after it (``US dollar``)."""
    last = doc[end - 1]
    head = last.head
    things = word_class("named_thing_heads")
    after = doc[end] if end < len(doc) else None
    if after is not None and after.pos_ == "NOUN" and (after.lemma_.lower() in things or after.lower_ in things):
        return True  # "the US dollar exchange rate": a flat compound hangs the name on the last noun
    return last.dep_ in ("compound", "amod", "nmod") and head.i >= end and (
        head.lemma_.lower() in things or head.lower_ in things)


def _city(st: State, start: int, end: int, hit: KBHit) -> bool:
    """A city or region the gazetteer or the dictionaries read as its state (not the state's own name)."""
    if hit.user:
        return False
    words = tuple(t.text.upper() for t in st.doc[start:end])
    if hit.place or (hit.kind == "demonym" and words in st.kb.place_states):
        return True
    if hit.kind != "actor" or hit.entry is None or words not in st.kb.place_states:
        return False
    code = hit.entry.code_on(st.on) or ""
    return len(code) == 3 and phrase_key(hit.entry.root) != words


def _inner_place(st: State, start: int, end: int) -> bool:
    """The places stage read tokens [start, end) as a place inside a state (a province, a city: not a
    state's own name), whatever the dictionaries file the name under (``<province>`` as a synonym of its state)."""
    return any(t.place is not None and not t.place.fcode.startswith("PCL") and t.start <= start and end <= t.end
               for t in document_toponyms(st) or ())


def _where(st: State, start: int, end: int) -> bool:
    """A city written as a location in a report's place phrase: after a locative preposition (``in``,
    ``near``, ``at`` …) and followed by a generic place word (``near Bossaso town``), or itself the
    container of another place (``Bossaso, Bari``; ``Abu Salim (Tripoli)``). A bare ``in Abidjan`` or
    ``near Lima, Peru`` keeps its state actor: the event stage reads the place of an act's object as
    the state acted on (``a curfew in Abidjan``, ``blew up power lines near Lima``)."""
    doc = st.doc
    j = start - 1
    while j >= 0 and doc[j].lower_ in ("the", "a"):
        j -= 1
    if j < 0:
        return False
    if doc[j].lower_ in word_class("locatives") | {"at"}:
        after = doc[end] if end < len(doc) else None
        if after is None:
            return False
        return after.lower_ in word_class("place_words")
    return doc[j].text in (",", "(") and j > 0 and doc[j - 1].pos_ == "PROPN" and (
        doc[j - 1].ent_type_ in ("GPE", "LOC", "FAC") or ((j - 1) in st.hits and st.hits[j - 1][2].place))


def _add_sector_noun(st: State, start: int, end: int, hit: KBHit) -> None:
    doc = st.doc
    assert hit.agent is not None
    head = span_head(doc, start, end) if end - start > 1 else start
    # Soldiers and peacekeepers are often abroad; police, protesters, officials are at home.
    located = not any(k in hit.agent.code for k in sectors_with("abroad"))
    won = best(OWNER_RULES, Noun(st, start, end, head, located))
    if won is not None and won.value is DEFER:
        st.deferred.append((start, end, hit))
        return
    owner = won.value if won is not None else None
    country = owner.country if owner is not None else None
    igo = owner.igo if owner is not None else None
    domestic = owner is not None and owner.guessed
    code = hit.agent.combine(country or igo)
    name = sector_name(owner_label(st, country or igo), hit, organisation=not country and bool(igo))
    s0 = min([start] + [c.i for c in doc[head].children if c.i in st.hits and c.i < start
                        and c.i not in st.out.token_actor])
    # the mention's words take in a nationality or a state's name before the noun (``Indian police``), not a
    # city or a province (``<province> police``): the place gives the state and its tokens are the noun's,
    # but it is no part of the actor's mention
    m0 = s0
    while m0 < start and m0 in st.hits and (_city(st, *st.hits[m0]) or _inner_place(st, *st.hits[m0][:2])):
        m0 = max(st.hits[m0][1], m0 + 1)
    key = (slug(name), name, "sector", code, country)
    method = "dictionary" if hit.user else ("role" if country or igo else "kb")
    # "Polish and Czech troops": the coordinated nationality keeps its own state, so the
    # event stage can read both (the sector mention still spans the whole phrase).
    kept = {t: st.out.token_actor[t] for t in range(s0, start)
            if t in st.out.token_actor and doc[t].dep_ == "conj"}
    aid = add_mention(st, m0, end, key, method, 0.6 if domestic else 0.8 if country else 0.5,
                      won.rule if won is not None else SECTOR_NOUN)
    for t in range(s0, m0):
        st.out.token_actor[t] = aid
    st.out.token_actor.update(kept)
    if domestic or not (country or igo):
        st.unowned.append((s0, end, head, hit))


def _ethnic_group(st: State, start: int, end: int) -> bool:
    """``ethnic Albanians``: people of that nationality's ethnicity, most often living in another state."""
    doc = st.doc
    return start > 0 and doc[start - 1].lower_ in word_class("ethnic_markers") and doc[end - 1].tag_ in ("NNS", "NNPS")


def _add_ethnic_group(st: State, start: int, end: int, hit: KBHit) -> None:
    """An ethnic group is civilians (CVL) of the state where they are (``ethnic Serbs in Croatia``),
    else of the one other state the sentence names; not of the state their name comes from."""
    head = end - 1
    country = country_of_modifiers(st, head, located=True)
    if country is None or country == hit.country:
        country = sole_state(st, head)
    if country == hit.country:
        country = None
    name = f"ethnic {st.doc[start:end].text}"
    add_mention(st, start - 1, end, (slug(name), name, "sector", (country or "") + "CVL", country),
                "role" if country else "kb", 0.6 if country else 0.5, ETHNIC_GROUP)


def sector_name(owner: str | None, hit: KBHit, organisation: bool = False) -> str:
    """``Troops of the Russian Federation``, ``Spokesman of the Chilean Foreign Ministry``: the
    agent phrase, then its owner's name (``owner_label``); the bare phrase without an owner."""
    assert hit.agent is not None
    phrase = hit.agent.phrase.strip("_").replace("_", " ").lower()
    return sector_label(phrase, owner, organisation)


def owner_label(st: State, code: str | None) -> str | None:
    """A state's or an international organisation's name for its code (never the code itself)."""
    if not code:
        return None
    if code.startswith("IGO"):
        found = next((a.name for a in st.out.actors.values() if a.code == code and a.type == "igo"), None)
        return found or st.kb.igo_name(code) or code
    return st.kb.state_name(code)


def _first_free(out: ResolvedActors, start: int, end: int) -> int:
    """The first token of ``start..end`` no other actor holds (the phrase minus a nationality kept apart)."""
    return next((t for t in range(start, end) if t not in out.token_actor), start)


def _institution(a: Actor) -> bool:
    """An organisation people speak or act for: a state's or an IGO's institution, or a coded
    armed or political group (not civilians, journalists, victims)."""
    code = a.code or ""
    sector = code[3:] if a.country and len(code) > 3 else code
    return a.type in ("sector", "group", "igo") and sector.startswith(sectors_with("institution"))


def add_organisation_owners(st: State) -> None:
    """``a spokesman for the Chilean foreign ministry``, ``officials of the Rwandan army``: a
    sector noun with no state of its own speaks for the organisation of its ``of``/``for`` phrase
    and takes its code. ``for`` only with an organisation (``troops for Somalia`` are not Somalia's)."""
    if not switched_on(ORGANISATION_OWNER):
        return
    doc, out = st.doc, st.out
    private = sectors_with("private")
    prepositions = word_class("organisation_prepositions")
    for k, (start, end, head, hit) in enumerate(st.unowned):
        owner = None
        for child in doc[head].children:
            if child.dep_ != "prep" or child.lower_ not in prepositions or child.i < head:
                continue
            pobj = pobj_of(child)
            cand = out.actor_at(pobj.i) if pobj is not None else None
            if cand is None or not cand.code or cand.type == "person":
                continue
            if cand.type == "state" and child.lower_ == "for":
                continue
            if _institution(cand) or cand.type == "state":
                owner = cand
            break
        assert hit.agent is not None
        if owner is not None and owner.type == "state" and any(k in hit.agent.code for k in private):
            owner = None  # "a native of Ruritania" is not the state's; its officials are
        aid = out.token_actor.get(head)
        if owner is None or aid is None or aid == owner.id:
            continue
        code = hit.agent.combine(owner.country) if owner.type == "state" else owner.code
        drop_mentions(st, aid, start, end)
        s0 = _first_free(out, start, end)
        name = sector_name(owner_label(st, owner.country) if owner.type == "state" else owner.name, hit,
                           organisation=owner.type != "state")
        add_mention(st, s0, end, (slug(name), name, "sector", code, owner.country),
                    "dictionary" if hit.user else "role", 0.7, ORGANISATION_OWNER)
        st.unowned[k] = (start, end, -1, hit)  # settled: the pronoun pass skips it


def add_pronoun_owners(st: State) -> None:
    """``Zambia recalled its ambassador``: a sector noun with no state of its own takes the state of
    the possessive pronoun before it, as coreference resolved it."""
    if not switched_on(PRONOUN_OWNER):
        return
    doc, out = st.doc, st.out
    for start, end, head, hit in st.unowned:
        if head < 0 or not from_is_origin(doc[head]):
            # As an object (``recalled its ambassador from X``) the noun is the subject's own
            # instrument; the event's target is found elsewhere, so it stays stateless.
            continue
        owner = next((out.actor_at(c.i) for c in doc[head].children
                      if c.dep_ == "poss" and c.pos_ == "PRON" and c.i in out.token_actor), None)
        if owner is None or not owner.country or owner.type == "sector":
            continue
        aid = out.token_actor.get(head)
        if aid is None or out.actors[aid].country == owner.country:
            continue
        assert hit.agent is not None
        drop_mentions(st, aid, start, end)
        code = hit.agent.combine(owner.country)
        name = sector_name(owner_label(st, owner.country), hit)
        s0 = _first_free(out, start, end)
        add_mention(st, s0, end, (slug(name), name, "sector", code, owner.country),
                    "dictionary" if hit.user else "coref", 0.7, PRONOUN_OWNER)
