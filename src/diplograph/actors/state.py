"""The actor stage's record and the working state its rules share.

``ResolvedActors`` is what the stage publishes (the event and claim stages read it);
``State`` is the working state of one resolution, shared by the rule modules of this package
(``phrases``, ``places``, ``people``, ``owners``, ``sectors``, ``groups``) and written only
through :func:`add_mention` / :func:`drop_mentions`, so that every mention carries the name of
the rule that made it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc

from ..nlp import lower_keys_of, texts_of, tokens_of
from ..records import Actor, Mention
from ..text.fold import CAPITALISED, ascii_fold  # noqa: F401 (CAPITALISED is read from here by the rule modules)
from ..text.normalize import NormalizedText
from .kb import KBHit, KnowledgeBase, is_person_entry, nearest_dated_code
from .naming import code_kind

ACRONYM = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Z0-9À-ÖØ-Þ.&-]{1,9}$")

ActorKey = tuple[str, str, str, "str | None", "str | None"]  # (id, name, type, code, country)
Span = tuple[int, int, KBHit]  # token start, token end, what the knowledge base says the phrase names


@dataclass
class ResolvedActors:
    """The actor stage's result: the document's actors, which token names which, and what it restored."""

    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)  # token index → actor id
    warnings: list[str] = field(default_factory=list)
    # Plural references ("the two sides") → the actors they stand for; not in token_actor.
    token_group: dict[int, list[str]] = field(default_factory=dict)
    # Redacted words this stage restored: index into the normalized text's ``redactions`` → the word.
    # The normalize stage's records stay untouched; the pipeline publishes both together.
    restored: dict[int, str] = field(default_factory=dict)
    restored_by: dict[int, str] = field(default_factory=dict)  # the same index → the rule that restored it
    group_mentions: list[tuple[Mention, list[str]]] = field(default_factory=list)  # "the two sides" → ids
    # Verbs that only introduce a name (``as X call him N``): no event between the namers and the person.
    not_events: set[int] = field(default_factory=set)
    # State mentions read from a place written as the container of a report's place (``near X, Y``):
    # (actor id, token start, token end, char start, char end). The stage's late pass drops those of no
    # event (``actors.event_located``); the event stage still reads them as the state acted on.
    container_mentions: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    # State mentions read from a city or region that is only the object of a locative preposition
    # (``shelled X in Idleb``-type: in/at/near X), same fields. The late pass drops them and names the
    # events' slot they filled from the event's located state (``target.event_location``).
    locative_mentions: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    # Mentions of a state or of a guessed person or organisation read from a name written as a report
    # writes a place (``X district, Y``; ``the X highway``; ``near X``), same fields: the late pass drops
    # them and fills the slots they filled with the event's located state (``actors.written_places``).
    place_mentions: list[tuple[str, int, int, int, int]] = field(default_factory=list)

    def actor_at(self, i: int) -> Actor | None:
        aid = self.token_actor.get(i)
        return self.actors.get(aid) if aid else None


@dataclass
class State:
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
    things: set[int] = field(default_factory=set)  # tokens of a thing's name (the US dollar): no actor
    deferred: list[Span] = field(default_factory=list)  # "the president": coreference first
    by_surname: dict[str, str] = field(default_factory=dict)  # transliteration key of a surname → person id
    name_words: set[int] = field(default_factory=set)  # a place word read as a word of a person's name (Ana Sofia X)
    # First word of a full name → person id: the family name of names written family name first
    # (``Xi Jinping`` → ``President Xi``); used only for a titled single name.
    by_first: dict[str, str] = field(default_factory=dict)
    approximate: set[str] = field(default_factory=set)  # actors whose KB code is the nearest dated one
    # Sector nouns whose state is unknown or only guessed: (start, end, head token, agent hit).
    unowned: list[tuple[int, int, int, KBHit]] = field(default_factory=list)
    dominant: str | None = None  # the state the document is about ("" when none; None: not yet counted)
    # person actor id → the (title, state, past) offices the text gives them (``office_named``; None: not yet read)
    text_offices: dict[str, list[tuple[str, "str | None", bool]]] | None = None
    focus: str = "?"  # the state an office description with no state means (``office_focus``; "?": not yet counted)
    # lower-case word → its tokens, lemma → its tokens (``positions``), built on first use
    word_index: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None
    capitalised: list[int] | None = None  # ``capitalised_tokens``, built on first use
    # what the earlier stages left on the document, read once (``doc._`` costs microseconds a read)
    toponyms: tuple[list | None] | None = None  # (``places.toponyms_of``,) once read: ``document_toponyms``
    place_state: tuple[str | None] | None = None  # (``locate.document_state``,) once read: ``document_place_state``
    # (the ``hits`` they were counted over, ``person_states.named_states`` of the whole document): ``whole_states``
    named_states: tuple[dict, int, dict[str, int]] | None = None
    # nicknames the text introduced: (span, person id, rule) — the document's alias table, whose later uses
    # ``nickname_reader.apply_alias_table`` binds once every introduction is read
    aliases: list[tuple[tuple[int, int], str, str]] = field(default_factory=list)
    revision: int = 0  # counts the changes ``add_mention`` and ``drop_mentions`` made: a pass can tell it made none


def _word_index(st: State) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    if st.word_index is None:
        by_word: defaultdict[str, list[int]] = defaultdict(list)
        by_lemma: defaultdict[str, list[int]] = defaultdict(list)
        for i, (low, lemma) in enumerate(lower_keys_of(st.doc)):
            by_word[low].append(i)
            by_lemma[lemma].append(i)
        st.word_index = dict(by_word), dict(by_lemma)
    return st.word_index


def document_toponyms(st: State) -> list | None:
    """``places.toponyms_of(st.doc)``, read once per resolution (the actor stage never changes them)."""
    if st.toponyms is None:
        from ..places import toponyms_of

        st.toponyms = (toponyms_of(st.doc),)
    return st.toponyms[0]


def document_place_state(st: State) -> str | None:
    """``places.locate.document_state`` of the document's toponyms, read once per resolution (the rules ask it
    for every sector noun; the toponyms do not change in the actor stage)."""
    if st.place_state is None:
        from ..places.locate import document_state

        st.place_state = (document_state(st.doc, document_toponyms(st) or []),)
    return st.place_state[0]


def capitalised_tokens(st: State) -> list[int]:
    """The tokens whose text starts with a capital (``CAPITALISED``: any Latin alphabet's, ``İ``/``Ö`` too), in
    text order: the rules that look for names start from these."""
    if st.capitalised is None:
        st.capitalised = [i for i, text in enumerate(texts_of(st.doc)) if CAPITALISED.match(text)]
    return st.capitalised


def document_words(st: State) -> Collection[str]:
    """The document's distinct lower-case words (to pick the words ``positions`` is asked for)."""
    return _word_index(st)[0].keys()


def positions(st: State, words: Collection[str] = (), lemmas: Collection[str] = ()) -> list[int]:
    """The tokens, in text order, whose lower-case text is one of ``words`` or whose lower-case lemma
    is one of ``lemmas``: a rule that starts only from a few words reads those tokens, not the document."""
    found: set[int] = set()
    for wanted, index in zip((words, lemmas), _word_index(st)):
        if len(wanted) < len(index):
            for w in wanted:
                found.update(index.get(w, ()))
        else:
            for w, at in index.items():
                if w in wanted:
                    found.update(at)
    return sorted(found)


@lru_cache(maxsize=1 << 14)  # every mention asks; the same names recur in every document
def slug(name: str) -> str:
    # Folded first: "Đuro X" and "Djuro X" are one id, and an id never loses a letter it cannot spell.
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(name).lower()).strip("-") or "actor"


def add_mention(st: State, start: int, end: int, key: ActorKey, method: str, conf: float, rule: str) -> str:
    """Record tokens [start, end) as a mention of the actor ``key`` (created if new), made by ``rule``."""
    out, doc = st.out, st.doc
    st.revision += 1
    aid, name, typ, code, country = key
    actor = out.actors.get(aid)
    if actor is None:
        actor = out.actors[aid] = Actor(aid, name, typ, code, country, [])
    if start < end:  # the span's characters from its tokens: no ``Span`` object built
        toks = tokens_of(doc)
        s, e, text = st.norm.original_span(toks[start].idx, toks[end - 1].idx + len(toks[end - 1]))
    else:
        span = doc[start:end]
        s, e, text = st.norm.original_span(span.start_char, span.end_char)
    actor.mentions.append(Mention(text, s, e, method, round(conf, 2), rule))
    for t in range(start, end):
        out.token_actor[t] = aid
    return aid


def key_of(a: Actor) -> ActorKey:
    return a.id, a.name, a.type, a.code, a.country


def drop_mentions(st: State, aid: str, start: int, end: int) -> None:
    """Remove the actor's mentions that overlap tokens [start, end), and their tokens."""
    a = st.out.actors[aid]
    st.revision += 1
    toks = tokens_of(st.doc)
    s0, e0 = st.norm.to_original(toks[start].idx, toks[end - 1].idx + len(toks[end - 1]))
    a.mentions = [m for m in a.mentions if m.end <= s0 or m.start >= e0]
    for t in [t for t, x in st.out.token_actor.items() if x == aid]:
        ts, te = st.norm.to_original(toks[t].idx, toks[t].idx + len(toks[t]))
        if not any(m.start <= ts and te <= m.end for m in a.mentions):
            del st.out.token_actor[t]
    if not a.mentions:
        del st.out.actors[aid]


def method_of(hit: KBHit) -> str:
    return "dictionary" if hit.user else "kb"


def entry_actor(hit: KBHit, on: date | None, kb: KnowledgeBase, nearest: bool = True) -> ActorKey:
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
    elif code and len(code) == 3 and code_kind(code) in ("media", "group"):
        typ, country = code_kind(code), None  # a non-state code (MED, NGO, MNC …): no state
    elif code and len(code) == 3:
        typ, country = "state", code
    elif is_person_entry(e):
        typ, country = "person", country_of_code(code, kb)
    else:
        typ, country = "group", country_of_code(code, kb)
    if typ == "state" and code:
        name = kb.state_name(code) if code in kb.state_names and code not in kb.countries else name
    return slug(name), name, typ, code, country


def country_of_code(code: str | None, kb: KnowledgeBase) -> str | None:
    """The state of a code: ``KAZGOV`` → KAZ; ``SCGSRB`` (a state inside a union) → SRB."""
    if not code or len(code) < 3 or code.startswith(("IGO", "NGO", "MNC", "IMG")):
        return None
    if len(code) >= 6 and code[:3] in kb.countries and code[3:6] in kb.countries and \
            code[3:6] not in kb.sectors and code[3:6] not in ("IGO", "NGO"):
        return code[3:6]
    return code[:3]


def state_of_span(st: State, hit: KBHit) -> str | None:
    """The state a knowledge-base span names (a nationality, a state, a state's group), else None."""
    if hit.kind == "demonym":
        c = hit.country
    elif hit.kind == "actor" and hit.entry:
        c = country_of_code(hit.entry.code_on(st.on), st.kb)
    else:
        return None
    return c if c and c in st.kb.countries else None


def state_at(st: State, t: int) -> str | None:
    """The state token ``t`` names: a state actor already resolved there, else its knowledge-base span's state."""
    a = st.out.actor_at(t)
    if a is not None and a.type == "state" and a.country:
        return a.country
    span = st.hits.get(t)
    return state_of_span(st, span[2]) if span is not None else None


def state_of_hit(st: State, hit: KBHit) -> str | None:
    """The state a span names itself (a nationality, or a state's own code): ``Saudi-led``.
    Unlike ``state_of_span``, a state's group (``RUSMIL``) does not count: it leads as a group."""
    if hit.kind == "demonym":
        return hit.country
    if hit.kind == "actor" and hit.entry is not None:
        code = hit.entry.code_on(st.on) or ""
        return code if len(code) == 3 and code in st.kb.countries else None
    return None
