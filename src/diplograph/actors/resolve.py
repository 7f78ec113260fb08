"""Mentions → actors: find every phrase that names an actor and resolve it.

Reads the spaCy ``Doc`` (tokens, entities, parse) and the knowledge base; writes the
document's ``Actor`` records (each with its mentions in original offsets), a token → actor
map that the event stage reads, and the restored words of redactions. Steps, in order:

1. knowledge-base phrases (states, demonyms, capitals and metonyms, IGOs, groups, people,
   sector nouns), longest match first; acronyms defined in the text are reserved;
2. person names: KB people, spaCy PERSON entities, and proper names after a title or a
   nationality; each gets a role from the text (``Kazakh President``, ``former``) and a
   dated role from REIGN/Archigos, then an identity: a KB person, an in-document alias
   (surname, honorific nickname such as ``Lao Na``, a garbled spelling), or a new person;
3. sector nouns with their country (``Russian troops``, ``the president of Armenia``), groups a
   state leads (``the U.S.-led coalition``);
4. acronyms defined in the text, coreference (pronouns, ``the old man``, ``the two sides``);
5. redactions between a nationality and a name are restored from the person's title;
6. other named entities stay as unresolved (``learned``) actors; an organisation named after its
   state (``the Nigerian Football Federation``) is that state's group.

Cities of the GeoNames gazetteer (``data/kb/places.tsv``) and the dictionaries' own city synonyms
are read as their state; an ambiguous city name goes to a candidate state the document names.

Methods: ``kb``, ``dictionary`` (a user dictionary), ``role``, ``alias``, ``fuzzy``,
``coref``, ``learned``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from ..nlp import lower_keys_of, text_of, tokens_of
from ..records import Actor, Mention
from ..text.normalize import PLACEHOLDER, NormalizedText
from .aliases import acronym_fits, fuzzy_target, honorific_prefixes, nickname_target, translit_key
from .coref import PERSON_NOUNS, resolve_coreference
from .kb import KBHit, KnowledgeBase, collective_nouns, is_person_entry, nearest_dated_code, phrase_key
from .leaders import LeaderRole, load_leaders
from .roles import Role, role_after, role_before, role_of_appositive

_CAPITALISED = re.compile(r"^[A-Z]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.&-]{1,9}$")
PERSON_SECTORS = ("GOV", "ELI", "MIL", "OPP", "REB", "JUD", "LEG", "MED", "BUS", "IGO", "CVL", "EDU", "REL")


@dataclass
class ResolvedActors:
    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)  # token index → actor id
    warnings: list[str] = field(default_factory=list)
    # Plural references ("the two sides") → the actors they stand for; not in token_actor.
    token_group: dict[int, list[str]] = field(default_factory=dict)
    restored: dict[int, str] = field(default_factory=dict)  # redaction index → restored word
    group_mentions: list[tuple[Mention, list[str]]] = field(default_factory=list)  # "the two sides" → ids

    def actor_at(self, i: int) -> Actor | None:
        aid = self.token_actor.get(i)
        return self.actors.get(aid) if aid else None


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"


def _words(doc: Doc) -> tuple[list[str], list[str]]:
    toks = tokens_of(doc)
    texts = [t.text.upper() for t in toks]
    lemmas = [t.lemma_.upper() if t.lemma_ else t.text.upper() for t in toks]
    return texts, lemmas


Span = tuple[int, int, KBHit]


@dataclass
class _State:
    """Working state of one resolution."""

    doc: Doc
    norm: NormalizedText
    kb: KnowledgeBase
    on: date | None
    out: ResolvedActors
    hits: dict[int, Span] = field(default_factory=dict)  # token → the KB span covering it
    titles: dict[str, str] = field(default_factory=dict)  # person actor id → a title the text gives
    tenure_title: dict[str, str] = field(default_factory=dict)  # person actor id → title from REIGN/Archigos
    gender: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)  # person actor id → name words
    reserved: set[int] = field(default_factory=set)  # tokens of nicknames and defined acronyms
    deferred: list[Span] = field(default_factory=list)  # "the president": coreference first
    method: str = "kb"  # how the person being attached was identified
    by_surname: dict[str, str] = field(default_factory=dict)  # transliteration key of a surname → person id
    # First word of a full name → person id: the family name of names written family name first
    # (``Xi Jinping`` → ``President Xi``); used only for a titled single name.
    by_first: dict[str, str] = field(default_factory=dict)
    approximate: set[str] = field(default_factory=set)  # actors whose KB code is the nearest dated one
    # Sector nouns whose state is unknown or only guessed: (start, end, head token, agent hit).
    unowned: list[tuple[int, int, int, KBHit]] = field(default_factory=list)
    dominant: str | None = None  # the state the document is about ("" when none; None: not yet counted)


def resolve_mentions(doc: Doc, norm: NormalizedText, kb: KnowledgeBase, on: date | None) -> ResolvedActors:
    st = _State(doc, norm, kb, on, ResolvedActors())
    acronyms = _defined_acronyms(doc)
    nick = _nickname_tokens(doc)
    st.reserved = set(nick) | set(nick.values())
    if acronyms:
        st.reserved |= {t.i for t in tokens_of(doc) if t.text in acronyms}
    spans = _inside_person_names(doc, _kb_spans(st, reserved=st.reserved))
    st.hits = {t: sp for sp in spans for t in range(sp[0], sp[1])}
    consumed = _add_people(st, spans)
    _add_kb_spans(st, spans, consumed)
    _add_led_groups(st)
    _add_surnames(st)
    _add_nicknames(st, nick)
    _add_acronyms(st, acronyms)
    _add_unknown_entities(st)
    _add_organisation_owners(st)
    _add_coreference(st)
    _add_pronoun_owners(st)
    _restore_redactions(st)
    return st.out


# 1. knowledge-base phrases --------------------------------------------------------------

def _kb_spans(st: _State, reserved: set[int]) -> list[Span]:
    doc, kb = st.doc, st.kb
    toks = tokens_of(doc)
    texts, lemmas = _words(doc)
    roots = kb.trie  # a phrase starts with a word at the trie's root: one lookup rules out most tokens
    # Last words of the document's full person names: a city so named is that person ("Aden").
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        if (texts[i] not in roots and lemmas[i] not in roots) or i in reserved or toks[i].text == PLACEHOLDER:
            i += 1
            continue
        m = kb.longest_match(texts, i) or kb.longest_match(lemmas, i)
        if m is None:
            i += 1
            continue
        end, hit = m
        first = toks[i]
        # Actors and demonyms are proper names: require a capital (avoids "turkey", "chad").
        if hit.kind in ("actor", "demonym") and not _CAPITALISED.match(first.text):
            i += 1
            continue
        if hit.kind == "agent" and first.pos_ not in ("NOUN", "PROPN", "ADJ"):
            i += 1
            continue
        if hit.upper_only and not all(doc[t].text.isupper() for t in range(i, end)):
            i += 1
            continue
        if hit.kind == "place" and not _reads_as_place(doc, i, end):
            i += 1
            continue
        if hit.kind in ("place", "actor") and end - i == 1 and first.text in surnames \
                and (hit.kind == "place" or tuple(texts[i:end]) in kb.place_states) \
                and (i == 0 or toks[i - 1].lower_ not in _PLACE_PREPOSITIONS):
            i += 1  # a city that is the surname of a person the text names ("Aden is reluctant")
            continue
        if hit.kind == "actor" and not hit.user and first.ent_type_ == "PERSON" and first.ent_iob_ == "I" \
                and tuple(texts[i:end]) in kb.place_states:
            i += 1  # "Jorge Cordoba": a surname, not the dictionary's city
            continue
        if hit.kind == "actor" and not hit.user and hit.entry is not None and end - i == 1 and i > 0 \
                and first.ent_type_ == "PERSON" and first.ent_iob_ == "I" and toks[i - 1].pos_ == "PROPN" \
                and is_person_entry(hit.entry) and phrase_first(hit.entry.root) not in ("", texts[i - 1]):
            i += 1  # "Khalid Mehdiyev": a namesake of the dictionary's Agshin Mehdiyev
            continue
        if hit.kind == "actor" and not hit.user and hit.entry is not None and end - i == 1 and end < len(doc) \
                and toks[end].ent_type_ == "PERSON" and toks[end].ent_iob_ == "I" and is_person_entry(hit.entry):
            i += 1  # "Khalid Mehdiyev": a given name the dictionary lists alone for someone else (King Khalid)
            continue
        spans.append((i, end, hit))
        i = end
    return _place_states(spans, texts, kb, st.on)


# Prepositions after which a capitalised name the tagger calls a proper noun is a place.
_PLACE_PREPOSITIONS = {"in", "at", "near", "from", "outside", "into", "to", "around", "toward", "towards",
                       "across", "inside", "through", "of", "between"}


def _reads_as_place(doc: Doc, start: int, end: int) -> bool:
    """A gazetteer name is a place here: proper nouns, not part of a person's or an organisation's
    name, and tagged as a place by the NER (else written right after a locative preposition)."""
    if not _CAPITALISED.match(doc[start].text) or doc[start].pos_ != "PROPN" or doc[end - 1].pos_ != "PROPN" \
            or any(not _name_link(doc[t]) for t in range(start + 1, end - 1)):
        return False
    types = {doc[t].ent_type_ for t in range(start, end)}
    if types & {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}:
        return False
    # Part of a longer name (``Newport Beach``, ``Port Harcourt Refinery``): not this city.
    if end < len(doc) and doc[end].pos_ == "PROPN" and _CAPITALISED.match(doc[end].text):
        return False
    if start > 0 and doc[start - 1].pos_ == "PROPN" and _CAPITALISED.match(doc[start - 1].text):
        return False
    if start > 0 and doc[start - 1].lower_ == "the" and doc[start - 1].text != "The" \
            and doc[end - 1].dep_ not in ("compound", "amod", "nmod", "poss"):
        return False  # "in the Delta", "the Mall": a region or landmark (not "the Bouake attack")
    if types & {"GPE", "LOC", "FAC", "NORP"}:  # the small model calls some towns NORP
        return True
    return start > 0 and doc[start - 1].lower_ in _PLACE_PREPOSITIONS


def _name_link(tok) -> bool:
    """A token inside a place name: a proper noun, a hyphen or a short lowercase particle
    (``Port-au-Prince``, ``Dar es Salaam``)."""
    return tok.pos_ == "PROPN" or tok.text == "-" or (tok.text.islower() and len(tok.text) <= 3)


def _place_states(spans: list[Span], words: list[str], kb: KnowledgeBase, on: date | None) -> list[Span]:
    """Each city read as its state: of the states having a city so named, one the document names
    otherwise, else the most populous one (``Tripoli`` is Lebanon's in a text about Lebanon).
    A city the dictionaries define as a state's synonym moves only when the document names
    another candidate state and not the dictionary's; so does a state name two states share
    (``Congo`` in a text that names Goma or the Democratic Republic of Congo)."""
    city: dict[int, tuple[str, ...]] = {}
    named: set[str] = set()
    shared: dict[int, tuple[str, ...]] = {}
    for k, (s, e, hit) in enumerate(spans):
        states = kb.place_states.get(tuple(words[s:e]))
        if tuple(words[s:e]) in kb.shared_states and hit.kind in ("actor", "demonym") and not hit.user:
            shared[k] = kb.shared_states[tuple(words[s:e])]  # names no state by itself
        elif hit.kind == "place" or (states and hit.kind == "actor" and hit.entry is not None and not hit.user
                                   and phrase_key(hit.entry.root) != tuple(words[s:e])):
            city[k] = states or tuple(c for c, _ in hit.places)
            if len(city[k]) == 1:
                named.add(city[k][0])  # an unambiguous city names its state too (New York)
        elif hit.kind == "demonym" and hit.country:
            named.add(hit.country)
        elif hit.kind == "actor" and hit.entry is not None:
            code = hit.entry.code_on(on) or ""
            if len(code) == 3:
                named.add(code)
    out: list[Span] = []
    for k, (s, e, hit) in enumerate(spans):
        if k in city:
            own = hit.entry.code_on(on) if hit.kind == "actor" and hit.entry is not None else None
            if hit.kind == "place":
                state = next((c for c in city[k] if c in named), city[k][0])
                hit = KBHit("demonym", country=state, place=True)
            elif own not in named and own in city[k]:
                other = next((c for c in city[k] if c in named), None)
                if other is not None:
                    hit = KBHit("demonym", country=other, place=True)
        elif k in shared:
            own = hit.country if hit.kind == "demonym" else (hit.entry.code_on(on) if hit.entry else None)
            others = [c for c in shared[k] if c in named and c != own]
            if own not in named and len(others) == 1:
                hit = KBHit("demonym", country=others[0])
        out.append((s, e, hit))
    return out


def _inside_person_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Drop organisation/state hits that are only a word of a person's name (``Ana`` in ``Ana Brnabic``)."""
    keep = []
    for sp in spans:
        s, e, hit = sp
        if hit.kind == "agent" and doc[s].ent_type_ == "PERSON" and doc[s].ent_iob_ == "I" and s > 0 \
                and doc[s - 1].pos_ == "PROPN" and (s - 1, s) not in [(k[1] - 1, k[1]) for k in keep[-1:]]:
            continue  # "Tom King": a surname, not the title king
        ent = doc[s].ent_type_ == "PERSON" and doc[e - 1].ent_iob_ != "" and doc[s].ent_iob_ == "B"
        if ent and hit.kind == "actor" and hit.entry is not None and not is_person_entry(hit.entry) \
                and not hit.user and e < len(doc) and doc[e].ent_type_ == "PERSON" and doc[e].ent_iob_ == "I":
            continue
        keep.append(sp)
    return keep


def _entry_actor(hit: KBHit, on: date | None, kb: KnowledgeBase, nearest: bool = True
                 ) -> tuple[str, str, str, str | None, str | None]:
    """(id, name, type, code, country) of a knowledge-base hit; ``nearest``: a shipped entry dated
    only elsewhere takes its nearest dated code (``kb.nearest_dated_code``)."""
    if hit.kind == "demonym":
        name = kb.state_name(hit.country or "")
        return slug(name), name, "state", hit.country, hit.country
    e = hit.entry
    assert e is not None
    code = e.code_on(on)
    if code is None and not hit.user and nearest:
        code = nearest_dated_code(e, on)
    name = e.name
    if code and code.startswith("IGO"):
        typ, country = "igo", None
    elif code and len(code) == 3:
        typ, country = "state", code
    elif is_person_entry(e):
        typ, country = "person", _country_of_code(code, kb)
    else:
        typ, country = "group", _country_of_code(code, kb)
    if typ == "state" and code:
        name = kb.state_name(code) if code in kb.state_names and code not in kb.countries else name
    return slug(name), name, typ, code, country


def _country_of_code(code: str | None, kb: KnowledgeBase) -> str | None:
    """The state of a code: ``KAZGOV`` → KAZ; ``SCGSRB`` (a state inside a union) → SRB."""
    if not code or len(code) < 3 or code.startswith(("IGO", "NGO", "MNC", "IMG")):
        return None
    if len(code) >= 6 and code[:3] in kb.countries and code[3:6] in kb.countries and \
            code[3:6] not in kb.sectors and code[3:6] not in ("IGO", "NGO"):
        return code[3:6]
    return code[:3]


def _add_mention(st: _State, start: int, end: int, key: tuple[str, str, str, str | None, str | None],
                 method: str, conf: float) -> str:
    out, doc = st.out, st.doc
    aid, name, typ, code, country = key
    actor = out.actors.get(aid)
    if actor is None:
        actor = out.actors[aid] = Actor(aid, name, typ, code, country, [])
    span = doc[start:end]
    s, e, text = st.norm.original_span(span.start_char, span.end_char)
    actor.mentions.append(Mention(text, s, e, method, round(conf, 2)))
    for t in range(start, end):
        out.token_actor[t] = aid
    return aid


def _method(hit: KBHit) -> str:
    return "dictionary" if hit.user else "kb"


# 2. people --------------------------------------------------------------------------------

def _name_run(doc: Doc, start: int, stop: set[int]) -> int:
    """End of the proper-name run starting at ``start``."""
    end = start
    while end < len(doc) and end not in stop and doc[end].pos_ == "PROPN" and _CAPITALISED.match(doc[end].text) \
            and doc[end].text != PLACEHOLDER and doc[end].ent_type_ not in ("GPE", "DATE", "NORP", "LOC"):
        end += 1
    return end


def _person_candidates(st: _State, spans: list[Span]) -> list[tuple[int, int, KBHit | None]]:
    """Name spans (start, end, KB person hit or None), in text order, without overlaps."""
    doc = st.doc
    cands: dict[int, tuple[int, int, KBHit | None]] = {}
    kb_tokens = set(st.hits)
    for s, e, hit in spans:
        if hit.kind == "actor" and hit.entry is not None and (is_person_entry(hit.entry) or (
                hit.user and len(hit.entry.code_on(st.on) or "") > 3 and doc[s].ent_type_ == "PERSON")):
            cands[s] = (s, e, hit)
    covered = {t for s, e, _ in cands.values() for t in range(s, e)}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        toks = [t.i for t in ent if t.text != PLACEHOLDER and t.i not in kb_tokens and t.pos_ == "PROPN"
                and t.i not in st.reserved]
        if not toks or any(t in covered for t in toks):
            continue
        # The name is the run of unclaimed proper nouns at the end of the entity.
        s = toks[-1]
        while s - 1 in toks:
            s -= 1
        cands[s] = (s, toks[-1] + 1, None)
        covered.update(range(s, toks[-1] + 1))
    # A proper name right after a title or a nationality (+ redaction) is a person even if NER missed it.
    for s0, e0, hit in spans:
        if hit.kind == "agent" or hit.kind == "demonym":
            j = e0 + (1 if e0 < len(doc) and doc[e0].text == PLACEHOLDER else 0)
            if j < len(doc) and j not in covered and j not in kb_tokens and j not in st.reserved:
                end = _name_run(doc, j, kb_tokens | st.reserved)
                if end > j and (hit.kind == "agent" or j > e0 or doc[j].ent_type_ == "PERSON"):
                    cands[j] = (j, end, None)
                    covered.update(range(j, end))
    return [cands[k] for k in sorted(cands)]


def _leader_role(st: _State, name: str, role: Role | None) -> LeaderRole | None:
    return load_leaders().role_on(name, st.on, role.country if role else None, role.title if role else None)


def _add_people(st: _State, spans: list[Span]) -> set[int]:
    """Resolve every person name; returns the KB-span starts consumed as titles/nationalities."""
    doc = st.doc
    consumed: set[int] = set()
    cands = _person_candidates(st, spans)
    # Full names first, so a later surname finds its person.
    order = sorted(cands, key=lambda c: (-(c[1] - c[0]) if c[2] is None else -9, c[0]))
    by_surname = st.by_surname
    pending: list[tuple[int, int, str, Role | None]] = []
    for s, e, hit in order:
        name = doc[s:e].text
        role = role_before(doc, s, st.hits, st.on) or role_after(doc, e, st.hits, st.on) \
            or role_of_appositive(doc, e, st.hits, st.on)
        if role is not None and role.start < s:
            for t in range(role.start, s):
                if t in st.hits:
                    consumed.add(st.hits[t][0])
        start = role.start if role is not None and role.start < s else s
        aid = _resolve_person(st, s, e, hit, name, role, by_surname)
        if aid is None and e - s > 1:
            aid = _new_person_actor(st, name, role)
        if aid is None:
            pending.append((s, e, name, role))
            continue
        _attach(st, start, e, aid, role, hit)
    # Single unknown names: a surname met since, a garbled spelling of a person already in the
    # document, else a new person.
    for s, e, name, role in pending:
        start = role.start if role is not None and role.start < s else s
        aid = by_surname.get(translit_key(name)) or _titled_first_name(st, name, role)
        if aid is not None:
            st.method = "alias"
            _attach(st, start, e, aid, role, None)
            continue
        m = fuzzy_target(name, dict(st.names))
        if m is not None:
            a = st.out.actors[m.actor_id]
            _add_mention(st, start, e, (a.id, a.name, a.type, a.code, a.country), "fuzzy", m.confidence)
            continue
        aid = _new_person_actor(st, name, role)
        _attach(st, start, e, aid, role, None)
    return consumed


def _titled_first_name(st: _State, name: str, role: Role | None) -> str | None:
    """``President Xi`` after ``Xi Jinping``: a single name with a title is the first word of a
    person already named (family name first), when the title's state, if any, is theirs."""
    if role is None or " " in name:
        return None
    aid = st.by_first.get(translit_key(name))
    a = st.out.actors.get(aid) if aid else None
    if a is None or a.type != "person" or (role.country and a.country and role.country != a.country):
        return None
    return aid


def _new_person_actor(st: _State, name: str, role: Role | None) -> str:
    key = _new_person(st, name, role)
    aid = key[0]
    if aid not in st.out.actors:
        st.out.actors[aid] = Actor(aid, key[1], key[2], key[3], key[4], [])
    st.method = "role" if key[3] else "learned"
    _remember(st, aid, name, st.by_surname)
    return aid


def _resolve_person(st: _State, s: int, e: int, hit: KBHit | None, name: str, role: Role | None,
                    by_surname: dict[str, str]) -> str | None:
    """The actor id for a name (creating the actor when it is new), or None to decide later."""
    doc, kb = st.doc, st.kb
    words = name.split()
    surname_key = translit_key(words[-1])
    if hit is not None:
        key = _dated(st, _entry_actor(hit, st.on, kb), name, role, user=hit.user,
                     approximate=not hit.user and hit.entry is not None and hit.entry.code_on(st.on) is None)
        aid = key[0]
        if aid not in st.out.actors:
            st.out.actors[aid] = Actor(aid, key[1], key[2], key[3], key[4], [])
        st.method = _method(hit)
        _remember(st, aid, key[1], by_surname)
        return aid
    # Surname of a person already named in this document.
    if surname_key in by_surname and (len(words) == 1 or st.out.actors[by_surname[surname_key]].name.split()[0]
                                      == words[0]):
        st.method = "alias"
        return by_surname[surname_key]
    # A KB person known by this surname alone (one candidate only).
    cands = kb.surnames.get(words[-1].upper(), []) if not _ACRONYM.match(words[-1]) or len(words[-1]) > 4 else []
    if len(cands) == 1 and (len(words) == 1 or phrase_first(cands[0].root) in (words[0].upper(), "")):
        # A surname alone is weak evidence (``Easter``, ``Jerry``): no state guessed from other dates.
        key = _dated(st, _entry_actor(KBHit("actor", entry=cands[0]), st.on, kb, nearest=False), name, role)
        aid = key[0]
        if aid not in st.out.actors:
            st.out.actors[aid] = Actor(aid, key[1], key[2], key[3], key[4], [])
        st.method = "kb"
        _remember(st, aid, key[1], by_surname)
        return aid
    # A head of state or government of REIGN/Archigos.
    lr = _leader_role(st, name, role)
    if lr is not None and (len(words) > 1 or role is not None or doc[s].ent_type_ == "PERSON"):
        key = _new_person(st, name, role, lr)
        aid = key[0]
        if aid not in st.out.actors:
            st.out.actors[aid] = Actor(aid, key[1], key[2], key[3], key[4], [])
        st.method = "kb"
        st.tenure_title[aid] = lr.tenure.title
        _remember(st, aid, name, by_surname)
        return aid
    # A leader whose tenure has not begun on the date, or an undated text: the state is known,
    # the role is not (the text's title, if any, gives it).
    state = load_leaders().nationality(name, role.country if role else None) if lr is None else None
    if state is not None and (len(words) > 1 or (role is not None and role.sector)):
        sector = role.sector if role is not None and role.sector else ""
        if role is not None and role.former and (not sector or sector.startswith("GOV")):
            sector = "ELI"
        aid = slug(name)
        if aid not in st.out.actors:
            st.out.actors[aid] = Actor(aid, name, "person", state + sector, state, [])
        st.approximate.add(aid)
        st.method = "kb"
        _remember(st, aid, name, by_surname)
        return aid
    return None  # a new person, or a garbled spelling: decided after all full names are known


def phrase_first(root: str) -> str:
    w = [x for x in root.strip("_").split("_") if x]
    return w[0] if len(w) > 1 else ""


def _remember(st: _State, aid: str, name: str, by_surname: dict[str, str]) -> None:
    words = name.split()
    st.names.setdefault(aid, words)
    by_surname.setdefault(translit_key(words[-1]), aid)
    if len(words) > 1:
        st.by_first.setdefault(translit_key(words[0]), aid)


def _dated(st: _State, key: tuple[str, str, str, str | None, str | None], name: str, role: Role | None,
           user: bool = False, approximate: bool = False) -> tuple[str, str, str, str | None, str | None]:
    """A KB person's code on the document date: REIGN/Archigos tenure, then ``former`` in the text.

    ``approximate``: the KB code is the nearest dated one (no range holds on the date); it
    neither constrains the tenure lookup nor survives a role the text gives (see ``_attach``).
    """
    aid, nm, typ, code, country = key
    if user:
        return key  # a user dictionary's codes come out exactly as it defines them
    lookup = None if approximate else country
    lr = load_leaders().role_on(nm, st.on, lookup) or load_leaders().role_on(name, st.on, lookup)
    if lr is not None and country and lr.country != country and len(lr.tenure.leader.split()) < 2:
        lr = None  # a surname-only tenure of another state (Kiesinger) is not this known person (Kissinger)
    if lr is not None:
        code, country = lr.code, lr.country
        st.tenure_title[aid] = lr.tenure.title
    elif approximate and code:
        st.approximate.add(aid)
    if role is not None and role.former and code and code[3:].startswith("GOV"):
        code = code[:3] + "ELI"
    elif role is not None and role.former and code and len(code) == 3:
        code = code + "ELI"
    return aid, nm, typ, code, country


def _new_person(st: _State, name: str, role: Role | None, lr: LeaderRole | None = None
                ) -> tuple[str, str, str, str | None, str | None]:
    if lr is None and role is not None and role.igo and not role.country:
        return slug(name), name, "person", role.igo, None
    country = (lr.country if lr else None) or (role.country if role else None)
    sector = (lr.sector if lr else None)
    if role is not None and role.sector and not sector:
        sector = role.sector
    if role is not None and role.former and (sector or "GOV").startswith("GOV"):
        sector = "ELI"
    if country is None and sector and role is not None:
        country = _salient_state(st, role)
    code = (country or "") + (sector or "") or None
    return slug(name), name, "person", code, country


def _salient_state(st: _State, role: Role) -> str | None:
    """A title without a nationality: the state the sentence (else the document) is about."""
    tok = st.doc[role.start]
    for scope in (tok.sent, st.doc[:]):
        found = {st.hits[t][0]: st.hits[t] for t in range(scope.start, scope.end) if t in st.hits}
        counts: Counter[str] = Counter()
        for s, e, h in found.values():
            if h.kind == "demonym" and h.country:
                counts[h.country] += 1
            elif h.kind == "actor" and h.entry is not None:
                c = h.entry.code_on(st.on)
                if c and len(c) == 3 and not c.startswith("IGO"):
                    counts[c] += 1
        if counts:
            return counts.most_common(1)[0][0]
    return None


def _attach(st: _State, start: int, end: int, aid: str, role: Role | None, hit: KBHit | None) -> None:
    a = st.out.actors[aid]
    method = st.method
    conf = {"kb": 0.9, "dictionary": 0.95, "alias": 0.85, "learned": 0.3}.get(method, 0.7)
    if method == "kb" and hit is None:
        conf = 0.7
    if aid in st.approximate and method in ("kb", "alias"):
        conf = min(conf, 0.6)  # the KB dates this person elsewhere: the state holds, the role is a guess
    if role is not None and role.code and method != "dictionary":
        # The text's own role: a person the KB did not date gets the country and sector it gives.
        if aid in st.approximate and (role.country or role.igo):
            # The KB dates this person elsewhere; the text says what they are on this date.
            a.code, a.country = role.code, role.country
            st.approximate.discard(aid)
            method = "role" if method in ("kb", "alias") else method
            conf = 0.7
        elif a.code is None or (role.country and a.country is None):
            a.code, a.country = role.code, role.country
            method = "role" if method in ("kb",) and hit is None and a.code else method
        elif role.former and a.code and a.code[3:].startswith("GOV"):
            a.code = a.code[:3] + "ELI"
        elif _present_office(role, a):
            # ``President X`` with no ``former``: the text says X holds the office now; the
            # tenure table's dates (often unknown or a placeholder) do not outrank it.
            a.code = a.code[:3] + role.sector
            method = "role" if method in ("kb", "alias") else method
    _add_mention(st, start, end, (a.id, a.name, a.type, a.code, a.country), method, conf)
    _note_title(st, aid, role)


def _present_office(role: Role, a: Actor) -> bool:
    """The text gives a current government title to a person the tables date as a former leader
    (``...ELI``) of the same state."""
    return bool(not role.former and role.sector and role.sector.startswith("GOV") and a.code
                and len(a.code) > 3 and a.code[3:] == "ELI" and role.country in (None, a.code[:3])
                and a.type == "person")


def _note_title(st: _State, aid: str, role: Role | None) -> None:
    if role is not None and role.title and role.sector and role.sector.startswith("GOV"):
        st.titles.setdefault(aid, role.title)


def _add_surnames(st: _State) -> None:
    """A proper noun that is the surname of a person already in the document (``Nazarbayev``)."""
    for t in tokens_of(st.doc):
        if t.i in st.out.token_actor or t.i in st.reserved or t.pos_ != "PROPN" or not _CAPITALISED.match(t.text):
            continue
        aid = st.by_surname.get(translit_key(t.text))
        if aid is None or st.out.actors[aid].type != "person":
            continue
        a = st.out.actors[aid]
        _add_mention(st, t.i, t.i + 1, (a.id, a.name, a.type, a.code, a.country), "alias", 0.85)


def _nickname_tokens(doc: Doc) -> dict[int, int]:
    """``Lao Na``: an honorific prefix and a short capitalised syllable; prefix token → syllable token."""
    prefixes = honorific_prefixes()
    out: dict[int, int] = {}
    toks = tokens_of(doc)
    for t in toks[:-1]:
        if t.text.lower() not in prefixes:
            continue
        nxt = toks[t.i + 1]
        if _CAPITALISED.match(t.text) and _CAPITALISED.match(nxt.text) \
                and nxt.text.isalpha() and len(nxt.text) <= 4 and nxt.text != PLACEHOLDER:
            if t.i + 2 < len(doc) and toks[t.i + 2].pos_ == "PROPN" and _CAPITALISED.match(toks[t.i + 2].text):
                continue  # "Lao Na Kham …" is a full name, not a nickname
            out[t.i] = nxt.i
    return out


def _add_nicknames(st: _State, nick: dict[int, int]) -> None:
    salience = Counter(st.out.token_actor.values())
    for p, syl in nick.items():
        if p in st.out.token_actor or syl in st.out.token_actor:
            continue
        m = nickname_target(st.doc[p].text, st.doc[syl].text, st.names, salience)
        if m is None:
            continue
        a = st.out.actors[m.actor_id]
        _add_mention(st, p, syl + 1, (a.id, a.name, a.type, a.code, a.country), "alias", m.confidence)


# 3. sector nouns and other KB actors ------------------------------------------------------

def _country_of_modifiers(st: _State, noun: int, located: bool = False) -> str | None:
    """Country of a sector noun: ``Russian troops``, ``Russia's army``, ``the president of Armenia``;
    ``located``: also where the people are (``police in Mombasa``, ``protesters in Kenya``)."""
    doc = st.doc
    for child in doc[noun].children:
        cand = None
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in st.hits:
            cand = st.hits[child.i][2]
        elif child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ == "from" and _from_is_origin(doc[noun])
                                       or child.lower_ == "in" and located and child.i == noun + 1):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.i in st.hits and st.hits[pobj.i][2].kind in ("demonym", "actor"):
                cand = st.hits[pobj.i][2]
        if cand is None:
            continue
        if cand.kind == "demonym":
            return cand.country
        if cand.kind == "actor" and cand.entry:
            code = cand.entry.code_on(st.on)
            if code and len(code) >= 3 and not code.startswith(("IGO", "NGO", "MNC")):
                return code[:3]
    return None


# Where a noun stands when ``from X`` after it says where the people come from (``officials from X
# met``, ``talks with diplomats from X``), not where they are moved from (``withdrew troops from X``).
_ORIGIN_DEPS = {"nsubj", "nsubjpass", "appos"}
_ORIGIN_PREPOSITIONS = {"with", "by", "among", "between"}


def _from_is_origin(noun) -> bool:
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ in _ORIGIN_DEPS:
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in _ORIGIN_PREPOSITIONS


def _possessor_state(st: _State, noun: int) -> str | None:
    """The state of the known person a sector noun belongs to (``Putin's government``)."""
    for child in st.doc[noun].children:
        if child.dep_ == "poss" and child.pos_ == "PROPN" and child.i not in st.hits:
            a = st.out.actor_at(child.i)
            return a.country if a is not None and a.type == "person" else None
    return None


def _span_head(doc: Doc, start: int, end: int) -> int:
    """The token of a multi-word sector phrase whose head lies outside it (``ambassador`` in
    ``ambassador to``), else its last token."""
    for t in range(start, end):
        h = doc[t].head.i
        if (h < start or h >= end or h == t) and doc[t].pos_ in ("NOUN", "PROPN"):
            return t
    return end - 1


_ABROAD_SECTORS = ("MIL", "UAF", "IGO", "PKO", "SPY", "REF", "IMG", "MNC", "NGO")


def _igo_of_modifiers(st: _State, noun: int) -> str | None:
    """The organisation a sector noun belongs to: ``the U.N. war crimes court``, ``NATO officials``,
    ``diplomats from the Group of Seven`` (``from`` where it says where people come from)."""
    tok = st.doc[noun]
    for child in tok.subtree:
        if child.i >= noun or child.i not in st.hits or child.head.i > noun:
            continue
        hit = st.hits[child.i][2]
        if hit.kind == "actor" and hit.entry:
            code = hit.entry.code_on(st.on) or ""
            if code.startswith("IGO"):
                return code
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.i > noun and prep.lower_ == "from" and _from_is_origin(tok):
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            hit = st.hits[pobj.i][2] if pobj is not None and pobj.i in st.hits else None
            code = (hit.entry.code_on(st.on) or "") if hit is not None and hit.kind == "actor" and hit.entry else ""
            if code.startswith("IGO"):
                return code
    return None


def _state_of_span(st: _State, hit: KBHit) -> str | None:
    """The state a knowledge-base span names (a nationality, a state, a state's group), else None."""
    if hit.kind == "demonym":
        c = hit.country
    elif hit.kind == "actor" and hit.entry:
        c = _country_of_code(hit.entry.code_on(st.on), st.kb)
    else:
        return None
    return c if c and c in st.kb.countries else None


def _sole_state(st: _State, token: int, abroad: bool = False) -> str | None:
    """The one state a sentence names, if it names only one: a sector noun with no nationality
    of its own (``police used tear gas to disperse demonstrators in Monrovia``, ``authorities
    pressured workers``) is then most likely that state's (a domestic event). ``abroad``
    (soldiers, peacekeepers): no guess when a nationality in the sentence is the other side's
    (``soldiers fired on Lebanese protesters`` are not Lebanon's).
    A sentence that names no state takes the document's dominant state (not ``abroad``)."""
    sent = st.doc[token].sent
    states: set[str] = set()
    for t in range(sent.start, sent.end):
        if t not in st.hits or t == token:
            continue
        c = _state_of_span(st, st.hits[t][2])
        if c is None:
            continue
        if abroad and _owned_by_other_people(st, t, token):
            return None
        states.add(c)
        if len(states) > 1:
            return None
    if states:
        return next(iter(states))
    # (the loop saw every state word but the noun's own: "Kenyan police" is not guessed further)
    if abroad or (token in st.hits and _state_of_span(st, st.hits[token][2])):
        return None
    return _dominant_state(st)


def _owned_by_other_people(st: _State, t: int, token: int) -> bool:
    """The state word at ``t`` is the nationality of the other side of ``token``'s clause:
    ``token`` is the subject and the nationality's noun the object, or the reverse
    (``soldiers fired on Lebanese stone-throwers``; not ``the Nigerian minister announced a
    military force``, whose minister and force are not opponents)."""
    noun = st.doc[t].head
    if st.doc[t].dep_ not in ("amod", "compound", "poss", "nmod") or noun.i == t:
        return False
    own = st.hits.get(token)
    if own is not None and own[0] <= noun.i < own[1]:
        return False
    a, b = _argument_of(noun), _argument_of(st.doc[token])
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1]


def _argument_of(tok) -> tuple[int, str] | None:
    """(verb index, ``subj``/``obj``) of the clause argument a noun is or stands inside
    (through ``on``/``at`` phrases, conjuncts and appositions); None when it is no argument."""
    for _ in range(6):
        dep = tok.dep_
        if dep in ("nsubj", "nsubjpass"):
            return tok.head.i, "subj"
        if dep in ("dobj", "dative", "attr", "oprd"):
            return tok.head.i, "obj"
        if dep == "pobj":
            prep = tok.head
            if prep.head.pos_ in ("VERB", "AUX"):
                return prep.head.i, "subj" if prep.dep_ == "agent" else "obj"
            tok = prep.head
            continue
        if dep in ("conj", "appos"):
            tok = tok.head
            continue
        return None
    return None


_LOCATIVES = {"in", "near", "inside", "across", "throughout", "around", "outside"}


def _clause_location(st: _State, token: int) -> str | None:
    """The state where the clause of a sector noun happens, when the sentence names several:
    ``rebels attacked a town in Ruritania, Freedonian officials said`` → the rebels are
    Ruritania's. Only for the subject or object of a verb with a locative phrase (``in``/``near``
    …) of its own or of its object whose noun is one state's name or city."""
    noun = st.doc[token]
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    verb = noun.head
    places = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _LOCATIVES]
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.i != token:
            places += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in _LOCATIVES]
    states: set[str] = set()
    for prep in places:
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        for place in [pobj, *pobj.conjuncts] if pobj is not None else []:
            span = st.hits.get(place.i)
            c = _state_of_span(st, span[2]) if span is not None else None
            states.add(c or "")  # a place of no known state makes the location unsure
    return states.pop() if len(states) == 1 and "" not in states else None


# A state owns the document when it has at least this share of the state mentions (and two of them).
DOMINANT_SHARE = 0.75


def _dominant_state(st: _State) -> str | None:
    """The state a document is about, when one state has nearly all its state mentions (a story
    about one country): a sector noun in a sentence that names no state is that state's."""
    if st.dominant is None:
        counts: Counter[str] = Counter()
        for s, e, hit in {sp[0]: sp for sp in st.hits.values()}.values():
            c = _state_of_span(st, hit)
            if c is not None:
                counts[c] += 1
        top = counts.most_common(1)
        total = sum(counts.values())
        st.dominant = top[0][0] if top and top[0][1] >= 2 and top[0][1] >= DOMINANT_SHARE * total else ""
    return st.dominant or None


def _is_description(doc: Doc, start: int, end: int) -> bool:
    """``the president``, ``the old man``: a definite person noun that coreference may resolve."""
    head = doc[end - 1]
    if head.lower_ not in PERSON_NOUNS or head.tag_ != "NN":
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _add_kb_spans(st: _State, spans: list[Span], consumed: set[int]) -> None:
    doc = st.doc
    for start, end, hit in spans:
        if start in consumed or any(t in st.out.token_actor for t in range(start, end)):
            continue
        if hit.kind == "agent":
            assert hit.agent is not None
            head = _span_head(doc, start, end) if end - start > 1 else start
            # Soldiers and peacekeepers are often abroad; police, protesters, officials are at home.
            located = not any(k in hit.agent.code for k in _ABROAD_SECTORS)
            country = _country_of_modifiers(st, head, located)
            if country is None and _is_description(doc, start, end):
                st.deferred.append((start, end, hit))
                continue
            country = country or _possessor_state(st, head)
            igo = None if country else _igo_of_modifiers(st, head)
            guess = not (country or igo)
            domestic = _sole_state(st, head, abroad=not located) if guess else None
            if domestic is None and guess and located:
                domestic = _clause_location(st, head)
            country = country or domestic
            code = hit.agent.combine(country or igo)
            name = _sector_name(country or igo, hit)
            s0 = min([start] + [c.i for c in doc[head].children if c.i in st.hits and c.i < start
                                and c.i not in st.out.token_actor])
            key = (slug(name), name, "sector", code, country)
            method = "dictionary" if hit.user else ("role" if country or igo else "kb")
            # "Polish and Czech troops": the coordinated nationality keeps its own state, so the
            # event stage can read both (the sector mention still spans the whole phrase).
            kept = {t: st.out.token_actor[t] for t in range(s0, start)
                    if t in st.out.token_actor and doc[t].dep_ == "conj"}
            _add_mention(st, s0, end, key, method, 0.6 if domestic else 0.8 if country else 0.5)
            st.out.token_actor.update(kept)
            if domestic or not (country or igo):
                st.unowned.append((s0, end, head, hit))
            continue
        # A demonym that modifies a noun of another actor is part of that actor, not a mention of the state.
        # Not when that word is another nationality (``Israeli-Palestinian talks``: both states).
        if hit.kind == "demonym" and doc[end - 1].dep_ in ("amod", "compound") and doc[end - 1].head.i in st.hits \
                and st.hits[doc[end - 1].head.i][2].kind != "demonym":
            continue
        if hit.kind == "actor" and doc[end - 1].dep_ in ("amod", "compound") and doc[end - 1].head.i in st.hits \
                and st.hits[doc[end - 1].head.i][2].kind == "agent" and len(_entry_actor(hit, st.on, st.kb)[3] or "") == 3:
            continue  # "Freedonian militiamen": the state is part of the sector actor
        if hit.kind == "demonym" and _ethnic_group(doc, start, end):
            _add_ethnic_group(st, start, end, hit)
            continue
        _add_mention(st, start, end, _entry_actor(hit, st.on, st.kb), _method(hit), 0.7 if hit.place else 0.9)


def _ethnic_group(doc: Doc, start: int, end: int) -> bool:
    """``ethnic Albanians``: people of that nationality's ethnicity, most often living in another state."""
    return start > 0 and doc[start - 1].lower_ == "ethnic" and doc[end - 1].tag_ in ("NNS", "NNPS")


def _add_ethnic_group(st: _State, start: int, end: int, hit: KBHit) -> None:
    """An ethnic group is civilians (CVL) of the state where they are (``ethnic Serbs in Croatia``),
    else of the one other state the sentence names; not of the state their name comes from."""
    head = end - 1
    country = _country_of_modifiers(st, head, located=True)
    if country is None or country == hit.country:
        country = _sole_state(st, head)
    if country == hit.country:
        country = None
    name = f"ethnic {st.doc[start:end].text}"
    _add_mention(st, start - 1, end, (slug(name), name, "sector", (country or "") + "CVL", country),
                 "role" if country else "kb", 0.6 if country else 0.5)


# 4. acronyms, unknown names, coreference ----------------------------------------------------

def _defined_acronyms(doc: Doc) -> dict[str, tuple[int, int]]:
    """``Islamic Salvation Front (FIS)``: acronym → the token span of its long form."""
    out: dict[str, tuple[int, int]] = {}
    for t in tokens_of(doc)[:-2]:
        if t.text != "(" or not _ACRONYM.match(t.nbor(1).text) or t.nbor(2).text != ")":
            continue
        acr = t.nbor(1).text
        # The long form: the capitalised words (and linking words) just before the bracket.
        s = t.i
        while s - 1 >= 0 and (doc[s - 1].text[:1].isupper() or doc[s - 1].lower_ in ("of", "for", "and", "the", "de")):
            s -= 1
        while s < t.i and not doc[s].text[:1].isupper():
            s += 1
        # The shortest long form that still fits: "Fighters of the Northern Liberation Movement (NLM)".
        while s + 1 < t.i and acronym_fits(acr, [w.text for w in doc[s + 1:t.i]]):
            s += 1
        while s < t.i and not doc[s].text[:1].isupper():
            s += 1
        if s < t.i and acronym_fits(acr, [w.text for w in doc[s:t.i]]):
            out[acr] = (s, t.i)
    return out


def _add_acronyms(st: _State, acronyms: dict[str, tuple[int, int]]) -> None:
    for acr, (s, e) in acronyms.items():
        aid = next((st.out.token_actor[i] for i in range(e - 1, s - 1, -1) if i in st.out.token_actor), None)
        if aid is None or st.out.actors[aid].type == "sector":
            # The long form names an organisation of its own, not a generic sector noun.
            code = country = None
            if aid is not None:
                code, country = st.out.actors[aid].code, st.out.actors[aid].country  # keep what the noun gave
                _drop_mentions(st, aid, s, e)
            name = st.doc[s:e].text
            aid = _add_mention(st, s, e, (slug(name), name, "group", code, country),
                               "role" if country else "learned", 0.6 if country else 0.4)
        a = st.out.actors[aid]
        for t in st.doc:
            if t.text == acr and t.i not in st.out.token_actor:
                _add_mention(st, t.i, t.i + 1, (a.id, a.name, a.type, a.code, a.country), "alias", 0.9)


def _drop_mentions(st: _State, aid: str, start: int, end: int) -> None:
    """Remove the actor's mentions that overlap tokens [start, end), and their tokens."""
    a = st.out.actors[aid]
    s0, e0 = st.norm.to_original(st.doc[start].idx, st.doc[end - 1].idx + len(st.doc[end - 1]))
    a.mentions = [m for m in a.mentions if m.end <= s0 or m.start >= e0]
    for t in [t for t, x in st.out.token_actor.items() if x == aid]:
        ts, te = st.norm.to_original(st.doc[t].idx, st.doc[t].idx + len(st.doc[t]))
        if not any(m.start <= ts and te <= m.end for m in a.mentions):
            del st.out.token_actor[t]
    if not a.mentions:
        del st.out.actors[aid]


def _add_unknown_entities(st: _State) -> None:
    """Named entities the KB does not know stay visible as unresolved actors."""
    for ent in st.doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if any(t.i in st.out.token_actor for t in ent) or PLACEHOLDER in ent.text:
            continue
        name = ent.text
        typ = {"PERSON": "person", "ORG": "group", "GPE": "state", "NORP": "group"}[ent.label_]
        s = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if s >= ent.end:
            continue
        name = st.doc[s:ent.end].text
        _add_mention(st, s, ent.end, (slug(name), name, typ, None, None), "learned", 0.3)
    for ent in st.doc.ents:
        if ent.label_ == "ORG":
            _organisation_of_state(st, ent.start, ent.end)


def _state_of_hit(st: _State, hit: KBHit) -> str | None:
    """The state a span names itself (a nationality, or a state's own code): ``Saudi-led``.
    Unlike ``_state_of_span``, a state's group (``RUSMIL``) does not count: it leads as a group."""
    if hit.kind == "demonym":
        return hit.country
    if hit.kind == "actor" and hit.entry is not None:
        code = hit.entry.code_on(st.on) or ""
        return code if len(code) == 3 and code in st.kb.countries else None
    return None


def _led_by(st: _State, tok) -> str | None:
    """The state of ``Saudi-led`` (three tokens) or ``U.S.-led`` (one), else None."""
    if tok.lower_ == "led":
        for c in tok.children:
            if c.dep_ in ("npadvmod", "compound", "amod", "nmod") and c.i in st.hits:
                return _state_of_hit(st, st.hits[c.i][2])
        return None
    words = [w.upper() for w in re.split(r"[\s_]+", tok.text[:-4]) if w]
    m = st.kb.longest_match(words, 0) if words else None
    return _state_of_hit(st, m[1]) if m is not None and m[0] == len(words) else None


def _add_led_groups(st: _State) -> None:
    """``Saudi-led forces``, ``the U.S.-led coalition``: a group a state leads is coded as that
    state's (``-backed`` is not: a state backing a militia is not its member)."""
    out = st.out
    toks = tokens_of(st.doc)
    for i, (low, _) in enumerate(lower_keys_of(st.doc)):
        if not (low == "led" or low.endswith("-led")) or toks[i].dep_ != "amod":
            continue
        tok = toks[i]
        head = tok.head
        if head.pos_ not in ("NOUN", "PROPN") or head.i < tok.i:
            continue
        agent = st.hits.get(head.i)
        is_agent = agent is not None and agent[2].kind == "agent" and agent[2].agent is not None
        if not is_agent and head.lower_ not in collective_nouns():
            continue  # "the U.S.-led war": an act, not a group
        owner = out.actors.get(out.token_actor.get(head.i, ""))
        if owner is not None and owner.country:
            continue
        state = _led_by(st, tok)
        if state is None:
            continue
        start = min([tok.i] + [t.i for t in tok.subtree])
        code = agent[2].agent.combine(state) if is_agent else state
        if owner is not None:
            _drop_mentions(st, owner.id, head.i, head.i + 1)
        name = f"{state}-led {head.text}"
        _add_mention(st, start, head.i + 1, (slug(name), name, "group", code, state), "role", 0.6)


def _names_state_itself(st: _State, token: int) -> bool:
    """The token is part of a state's own name or nationality (``Kenya``, ``Nigerian``), not of
    a city or region the dictionaries read as the state (``Piedmont``, ``Newport``)."""
    span = st.hits.get(token)
    if span is None:
        return False
    s, e, hit = span
    words = tuple(t.text.upper() for t in st.doc[s:e])
    if hit.kind == "demonym":
        return not hit.place and words not in st.kb.place_states
    return hit.kind == "actor" and hit.entry is not None and phrase_key(hit.entry.root) == words


def _organisation_of_state(st: _State, start: int, end: int) -> None:
    """An organisation named after its state or nationality (``the Nigerian Football Federation``,
    ``the Malawi Revenue Authority``) is a group of that state, when the knowledge base names only
    the state inside it; an unknown organisation in apposition with a coded group noun (``the
    rebel group, Forces for X``) takes that group's code."""
    doc, out = st.doc, st.out
    if doc[start].lower_ == "the":
        start += 1
    if end - start < 2:
        return
    head = doc[start:end].root
    if head.pos_ != "PROPN" or not _CAPITALISED.match(head.text):
        return
    owners = [out.token_actor.get(t) for t in range(start, end)]
    claimed = [a for a in owners if a is not None]
    learned = len(set(claimed)) == 1 and out.actors[claimed[0]].code is None
    if not claimed or learned:
        # Unknown organisation: the coded group noun it stands in apposition with gives its code.
        other = next((t for t in [head.head] + [c for c in head.children if c.dep_ == "appos"]
                      if (head.dep_ == "appos" or t.dep_ == "appos") and not start <= t.i < end), None)
        code_of = out.actor_at(other.i) if other is not None else None
        if code_of is None or not code_of.code or code_of.type != "sector":
            return
        if learned:
            _drop_mentions(st, claimed[0], start, end)
        name = doc[start:end].text
        _add_mention(st, start, end, (slug(name), name, "group", code_of.code, code_of.country), "role", 0.6)
        return
    states = {a for a in claimed if out.actors[a].type == "state" and out.actors[a].country}
    if states != set(claimed) or len(states) != 1 or head.i in out.token_actor or not all(
            _names_state_itself(st, t) for t in range(start, end) if owners[t - start] is not None):
        return  # the KB knows more than the state inside, or the state is the name's head
    state = out.actors[states.pop()]
    _drop_mentions(st, state.id, start, end)
    name = doc[start:end].text
    _add_mention(st, start, end, (slug(name), name, "group", state.country, state.country), "role", 0.6)


MALE_GIVEN_IN_A = {"nikita", "ilya", "luca", "joshua", "andrea", "kostya", "sasha", "misha", "jean-luca", "mustafa",
                   "musa", "isa", "yahya", "zakaria", "attila", "aminata"}
FEMALE_TITLES = ("Mrs", "Ms", "Madam", "Madame", "Queen", "Princess", "Lady", "Dame", "Chairwoman", "Congresswoman")


def name_gender(name: str, text: str, mentions: list[Mention]) -> str:
    """``f`` or ``m`` from the name's form: Slavic/Baltic female surnames, given names in -a, female titles."""
    words = name.split()
    sur = words[-1].lower()
    if sur.endswith(("ova", "eva", "ina", "skaya", "aya", "ite", "yte", "iene", "ska", "cka")) and len(sur) > 4:
        return "f"
    if len(words) > 1:
        given = words[0].lower()
        if given.endswith("a") and given not in MALE_GIVEN_IN_A:
            return "f"
    for m in mentions:
        before = text[max(0, m.start - 12):m.start]
        if any(before.rstrip(". ").endswith(t) for t in FEMALE_TITLES):
            return "f"
    return "m"


def _add_coreference(st: _State) -> None:
    for aid, a in st.out.actors.items():
        if a.type == "person":
            st.gender.setdefault(aid, name_gender(a.name, text_of(st.doc), a.mentions))
    links = resolve_coreference(st.doc, st.out.actors, st.out.token_actor, st.gender)
    linked = {t for link in links for t in range(link.start, link.end)}
    for link in links:
        if len(link.actors) == 1:
            a = st.out.actors[link.actors[0]]
            _add_mention(st, link.start, link.end, (a.id, a.name, a.type, a.code, a.country), "coref",
                         link.confidence)
        else:
            # A plural reference stands for several actors at once: it goes to ``token_group`` (and
            # ``group_mentions``), not into each actor's mentions, whose spans must not overlap.
            span = st.doc[link.start:link.end]
            s, e, text = st.norm.original_span(span.start_char, span.end_char)
            st.out.group_mentions.append((Mention(text, s, e, "coref", link.confidence), list(link.actors)))
            for t in range(link.start, link.end):
                st.out.token_group[t] = list(link.actors)
    for start, end, hit in st.deferred:  # descriptions coreference could not place: plain sector nouns
        if not any(t in linked for t in range(start, end)):
            assert hit.agent is not None
            name = hit.agent.phrase.strip("_").replace("_", " ").lower()
            _add_mention(st, start, end, (slug(name), name, "sector", hit.agent.combine(None), None),
                         "dictionary" if hit.user else "kb", 0.5)


def _sector_name(owner: str | None, hit: KBHit) -> str:
    """``RUS troops``, ``Chilean Foreign Ministry spokesman``: the owner, then the agent phrase."""
    assert hit.agent is not None
    phrase = hit.agent.phrase.strip("_").replace("_", " ").lower()
    return f"{owner} {phrase}" if owner else phrase


def _first_free(out: ResolvedActors, start: int, end: int) -> int:
    """The first token of ``start..end`` no other actor holds (the phrase minus a nationality kept apart)."""
    return next((t for t in range(start, end) if t not in out.token_actor), start)


_INSTITUTIONS = ("GOV", "MIL", "COP", "LEG", "JUD", "REB", "UAF", "OPP", "SPY", "PTY", "IGO", "MNC", "NGO")
_PRIVATE_SECTORS = ("CVL", "EDU", "HLH", "REL", "AGR", "LAB", "BUS", "MED", "CRM", "REF", "PPL")


def _institution(a: Actor) -> bool:
    """An organisation people speak or act for: a state's or an IGO's institution, or a coded
    armed or political group (not civilians, journalists, victims)."""
    code = a.code or ""
    sector = code[3:] if a.country and len(code) > 3 else code
    return a.type in ("sector", "group", "igo") and sector.startswith(_INSTITUTIONS)


def _add_organisation_owners(st: _State) -> None:
    """``a spokesman for the Chilean foreign ministry``, ``officials of the Rwandan army``: a
    sector noun with no state of its own speaks for the organisation of its ``of``/``for`` phrase
    and takes its code. ``for`` only with an organisation (``troops for Somalia`` are not Somalia's)."""
    doc, out = st.doc, st.out
    for k, (start, end, head, hit) in enumerate(st.unowned):
        owner = None
        for child in doc[head].children:
            if child.dep_ != "prep" or child.lower_ not in ("of", "for") or child.i < head:
                continue
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            cand = out.actor_at(pobj.i) if pobj is not None else None
            if cand is None or not cand.code or cand.type == "person":
                continue
            if cand.type == "state" and child.lower_ == "for":
                continue
            if _institution(cand) or cand.type == "state":
                owner = cand
            break
        if owner is not None and owner.type == "state" and any(k in hit.agent.code for k in _PRIVATE_SECTORS):
            owner = None  # "a native of Ruritania" is not the state's; its officials are
        aid = out.token_actor.get(head)
        if owner is None or aid is None or aid == owner.id:
            continue
        assert hit.agent is not None
        code = hit.agent.combine(owner.country) if owner.type == "state" else owner.code
        _drop_mentions(st, aid, start, end)
        s0 = _first_free(out, start, end)
        name = _sector_name(owner.name, hit)
        _add_mention(st, s0, end, (slug(name), name, "sector", code, owner.country),
                     "dictionary" if hit.user else "role", 0.7)
        st.unowned[k] = (start, end, -1, hit)  # settled: the pronoun pass skips it


def _add_pronoun_owners(st: _State) -> None:
    """``Zambia recalled its ambassador``: a sector noun with no state of its own takes the state of
    the possessive pronoun before it, as coreference resolved it."""
    doc, out = st.doc, st.out
    for start, end, head, hit in st.unowned:
        if head < 0 or not _from_is_origin(doc[head]):
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
        _drop_mentions(st, aid, start, end)
        code = hit.agent.combine(owner.country)
        name = _sector_name(owner.country, hit)
        s0 = _first_free(out, start, end)
        _add_mention(st, s0, end, (slug(name), name, "sector", code, owner.country),
                     "dictionary" if hit.user else "coref", 0.7)


# 5. redactions -------------------------------------------------------------------------------

def _restore_redactions(st: _State) -> None:
    """``Kazakh ** Tokayev``: the redacted word is the person's title on the document date."""
    doc, norm = st.doc, st.norm
    if not norm.redactions:
        return
    for t in tokens_of(doc):
        if t.text != PLACEHOLDER:
            continue
        idx = norm.redaction_at.get(t.idx)
        if idx is None or t.i + 1 >= len(doc):
            continue
        aid = st.out.token_actor.get(t.i + 1)
        if aid is None or st.out.actors[aid].type != "person" or st.out.token_actor.get(t.i) != aid:
            continue
        a = st.out.actors[aid]
        word = st.titles.get(aid) or st.tenure_title.get(aid)
        if word is None and a.code and a.code[3:].startswith(("GOV", "ELI")) and len(a.code) > 3:
            word = "leader"
        if word:
            norm.redactions[idx].restored = word
            st.out.restored[idx] = word
