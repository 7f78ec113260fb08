"""Censored titles: the word a redaction hides next to a person is that person's title.

``the Kazakh ** Tokayev``, ``Tebboune, the ** of Algeria,``, ``the ** of Mali, Assimi Goita,``,
``Sonko, the country's ***,``, ``[censored] Ouattara``: ``mention.redaction_restored`` finds whom
the redaction describes (the person named right after it, or the person an appositive it heads
belongs to, before or after the name) and the state the descriptor gives; the title rules then
compete (``decide.best``, scored by the registry):

- ``mention.title_from_text``: a title the text itself gives that person (``President X`` elsewhere, an
  appositive, or an office descriptor the office-holder rules bound to them: ``the Algerian
  president``);
- ``mention.title_compound``: the first word of a compound office is left visible (``the foreign ** X``,
  ``Field ** X``): the title that completes it (``data/kb/title_compounds.tsv``);
- ``mention.title_place_office`` / ``mention.title_region_office`` (:mod:`.title_places`): a town or region right
  before it (``the Lakeport ** X``): mayor, governor, or the region's style;
- ``mention.title_kb_office``: the office the leader tables say the person holds on the document date
  (any of the tables' spellings of the name; a head of state's or government's office before
  the other offices they name);
- ``mention.title_organisation_head``: ``the ** of the army`` — the head of the organisation the
  ``of`` phrase names (``data/kb/head_titles.tsv``, by the sector of the organisation);
- ``mention.title_state_leader``: no person, but a state (``the Mongolian ** opened the fair``): the
  title of that state's leader on the date;
- ``mention.title_repeated``: a bare ``the **`` with neither: the title restored last (same sentence or the two before);
- ``mention.title_government_role``: a person the earlier passes coded as a state's government or
  former leader, with no title known: ``leader``.

Published in ``ResolvedActors.restored``; the normalize stage's records are not touched.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Token

from ..lexicon import table, word_class
from ..nlp import sentence_index, sentence_of, texts_of, tokens_of
from ..records import Actor
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule, ordered, switched_on
from .leaders import Tenure, load_leaders, office_forms
from .owners import dominant_state
from .spelling import shared_units, units
from .state import State, state_of_span
from .title_choice import Candidate, choose, merge, reads_slot, tracing as TRACE_ON
from .title_sources import (CUE_NEAR, CUE_SENTENCE, KB_NAME, SAME_PERSON, TEXT_ELSEWHERE, cue_near, cue_sentence,
                            is_office_title, kb_name, same_person, text_elsewhere)
from .title_offices import (CUE_OTHER, DESCRIBED, KB_ANY, LEADS, NAMED_ORG, PARTY_HEAD, cue_other, described,
                            document_words, kb_any, leads, named_organisation, party_head, text_features)
from .title_features import candidate_features
from .title_places import ENVOY_POST, PLACE_OFFICE, REGION_OFFICE, envoy_post, place_office, region_office
from .title_context import (DEPUTY, FORMER, INCOMING, ORG_BEFORE, PERSON_SECTOR, deputy, former_office, incoming,
                            organisation_before, person_sector)

RESTORED = mention_rule("mention.redaction_restored", 0.7,
                        "a redacted word next to a person's name, or heading an appositive of that person, is "
                        "the person's title (the title rules decide which)", ("actors", "leaders"))


TEXT_TITLE = mention_rule("mention.title_from_text", 0.9, "a censored title is the title the text gives the person elsewhere",
                         ("actors",))
KB_OFFICE = mention_rule("mention.title_kb_office", 0.8,
                        "a censored title is the office the leader tables say the person holds on the date",
                        ("leaders",))
ORG_HEAD = mention_rule("mention.title_organisation_head", 0.6,
                       "a censored title before 'of the <organisation>' is the head of that organisation "
                       "(kb/head_titles.tsv by sector)", ("kb:head_titles", "kb"))
STATE_LEADER = mention_rule("mention.title_state_leader", 0.5,
                            "a censored title naming no person but a state (the Mongolian ** said) is the title of "
                            "that state's leader on the date", ("leaders",))
REPEATED = mention_rule("mention.title_repeated", 0.45,
                        "a bare censored title with no person and no state is the title restored last (same "
                        "sentence or the two before)", ("actors",))
COMPOUND = mention_rule("mention.title_compound", 0.85,
                        "a censored title after the first word of a compound office is the word that completes "
                        "it (the foreign ** → minister, Field ** → marshal; kb/title_compounds.tsv)",
                        ("kb:title_compounds",))
KB_IDENTITY = mention_rule("mention.title_kb_identity", 0.79,
                          "a censored title is the title of the leader-table tenure the person was identified by "
                          "(which need not hold on the date)", ("leaders",))
GOV_ROLE = mention_rule("mention.title_government_role", 0.4,
                       "a censored title of a person coded as a state's government or former leader: leader",
                       ("actors",))

_DETERMINERS = word_class("office_determiners")
_DEPUTY_WORDS = word_class("deputy_words")
_RELATIVE = word_class("redaction_relative_words")
_OFFICE_ORDER = {"state": 0, "government": 1, "": 2, "other": 3}


class Redacted:
    """One redaction: whom and what it describes."""

    __slots__ = ("st", "token", "person", "state", "of_tokens", "last", "others")

    def __init__(self, st: State, token: int, person: Actor | None, state: str | None, of_tokens: list[int]):
        self.st, self.token, self.person, self.state, self.of_tokens = st, token, person, state, of_tokens
        self.last: tuple[str, int] | None = None  # the title restored last and its sentence
        self.others: list[str] = []  # the titles first chosen at the same person's other redactions


def _person_at(st: State, i: int) -> Actor | None:
    a = st.out.actor_at(i) if 0 <= i < len(st.doc) else None
    return a if a is not None and a.type == "person" else None


def _person_from(st: State, i: int) -> Actor | None:
    """The person a proper-name run starting at token ``i`` names (a given name may be left unresolved)."""
    doc = st.doc
    j = i
    while 0 <= j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        a = _person_at(st, j)
        if a is not None:
            return a
        j += 1
    return None


def _state_at(st: State, i: int) -> str | None:
    span = st.hits.get(i)
    return state_of_span(st, span[2]) if span is not None else None


def _of_phrase(st: State, i: int) -> tuple[str | None, list[int], int]:
    """``of Algeria`` / ``of the army`` starting at token ``i``: (state, the phrase's tokens, next token)."""
    doc = st.doc
    if i >= len(doc) or doc[i].lower_ != "of":
        return None, [], i
    j, toks, state = i + 1, [], None
    while j < len(doc) and j - i <= 5 and doc[j].text not in (",", ".", ";", ":") and doc[j].pos_ in (
            "DET", "PROPN", "NOUN", "ADJ", "PART"):
        state = state or _state_at(st, j)
        toks.append(j)
        j += 1
    return state, toks, j


def _describe(st: State, t: int) -> Redacted:
    """Whom the redaction at token ``t`` describes, and which state its descriptor names."""
    doc = st.doc
    state, person, own_state = None, None, False
    # Before it: ``[the] [Kazakh | Russia's | the country's] **``.
    j = t - 1
    while j >= 0 and t - j <= 4:
        low = doc[j].lower_
        c = _state_at(st, j)
        if c:
            state = state or c
        elif low in ("country", "nation"):
            own_state = True
        elif low in ("'s", "’s") or low in _DETERMINERS or low in _RELATIVE or low in _DEPUTY_WORDS or (
                doc[j].pos_ == "ADJ" and not doc[j].text[:1].isupper()):
            pass
        else:
            break
        j -= 1
    before_start = j + 1
    # After it: ``of Algeria`` / ``of the army``.
    of_state, of_tokens, k = _of_phrase(st, t + 1)
    state = state or of_state
    # 1. the name right after it (``** Tokayev``, ``**, Emmerson X``), or after its of-phrase and a comma.
    for i in (t + 1, t + 2 if t + 1 < len(doc) and doc[t + 1].text == "," else -1,
              k + 1 if of_tokens and k < len(doc) and doc[k].text == "," else -1):
        person = person or _person_from(st, i)
    # 2. an appositive after the name: ``X, the Tunisian **`` / ``X, the ** of Algeria`` / ``X (**)`` /
    #    ``X, who is the ** of Y``.
    if person is None and before_start >= 2 and doc[before_start - 1].text in (",", "("):
        person = _person_at(st, before_start - 2)
    # 3. the parse: the redaction heads an appositive or a predicate of a person, or a person is its appositive.
    if person is None:
        tok: Token = doc[t]
        for other in (tok.head, *tok.children):
            if other.i != t and (tok.dep_ in ("appos", "attr") or other.dep_ == "appos"):
                person = person or _person_at(st, other.i)
        if person is None and tok.dep_ == "attr":  # ``X is the ** of Y``: the copula's subject
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            person = _person_at(st, subj.i) if subj is not None else None
    if person is None:
        person = _slot_person(st, t)
    if person is not None and own_state and state is None:
        state = person.country  # ``the country's **``
    return Redacted(st, t, person, state, of_tokens)


_NAMING_VERBS = word_class("naming_verbs")


def _slot_person(st: State, t: int) -> Actor | None:
    """The redaction is the office a person is given or serves in — ``the appointment of X as **``, ``X will
    serve as ** under Y``, ``X, whom the junta named ** this summer``, ``X took the oath as the country's **`` —:
    the nearest person before it in its sentence (a naming verb's object, the subject of ``serve as``), else the
    first after it (``As **, X``)."""
    doc = st.doc
    j = t - 1
    while j >= 0 and t - j <= 5 and (doc[j].lower_ in _DETERMINERS or doc[j].lower_ in (
            "new", "acting", "interim", "'s", "’s", "country", "nation") or _state_at(st, j)):
        j -= 1  # ``sworn in as the country's new **``, ``named as Peru's **``: the office's own words
    if j < 0 or not (doc[j].lower_ == "as" or doc[j].lemma_.lower() in _NAMING_VERBS and doc[j].pos_ == "VERB"):
        return None
    sent = sentence_of(doc, t)
    for i in range(j - 1, max(sent.start, j - 16) - 1, -1):
        if doc[i].lower_ in ("as",) or doc[i].text in (";",):
            break
        a = _person_at(st, i)
        if a is not None:
            return a
    for i in range(t + 1, min(sent.end, t + 8)):
        a = _person_at(st, i)
        if a is not None:
            return a
    return None


def introduced_states(st: State) -> dict[str, tuple[str, bool]]:
    """Person actor → (the state the words around a censored title before or after their name give, whether
    ``former``/``ex-`` stands in them): ``the new Chilean ** X`` → (CHL, False)."""
    out: dict[str, tuple[str, bool]] = {}
    doc = st.doc
    for tok in tokens_of(doc):
        if tok.text != PLACEHOLDER:
            continue
        r = _describe(st, tok.i)
        if r.person is None or r.state is None or r.person.id in out:
            continue
        former = any(doc[j].lower_ in ("former", "ex", "outgoing", "ousted", "late") for j in range(max(0, tok.i - 4), tok.i))
        out[r.person.id] = (r.state, former)
    return out


# The title rules ----------------------------------------------------------------------------

def _text_title(r: Redacted) -> str | None:
    p = r.person
    if p is None:
        return None
    said = r.st.titles.get(p.id)
    t = r.token
    if said and t + 1 < len(r.st.doc) and said.lower() == r.st.doc[t + 1].lower_:
        said = None  # ``the foreign ** Amir Khan X``: the word after the redaction is a name, not its title
    if said and said.lower() in word_class("leader_nouns") and _kb_office(r):
        said = None  # ``leader`` names no office: the one the tables know is the title
    if said and said.lower().rstrip(".") in word_class("style_titles"):
        said = None  # ``Sheikh X``: a style of address, no office
    if said and not is_office_title(said):
        said = None  # ``the central bank X``: an organisation's name read as the person's title
    if said:
        return said
    for m in p.mentions:  # an office descriptor the office-holder rules bound to the person
        if (m.rule or "").startswith("mention.office_holder"):
            title = _office_in(m.text)
            if title and title not in word_class("leader_nouns"):
                return title  # ``leader``, ``head of state`` name no office: the tables may know which
    return None


def _office_in(text: str) -> str | None:
    """The office a descriptor's words end with (``The Algerian president`` → ``president``)."""
    words = text.lower().split()
    for n in (3, 2, 1):
        tail = " ".join(words[-n:])
        if len(words) >= n and (tail in office_forms() or tail in word_class("leader_nouns")):
            return tail
    return None


def _kb_office(r: Redacted) -> str | None:
    p = r.person
    if p is None or r.st.on is None or r.of_tokens and _organisation_head(r):
        return None  # ``the ** of the army``: the organisation's title, not the person's office of a state
    held = _offices_held(r.st, p)
    if not held:
        return None
    return _clean(min(held, key=lambda t: _OFFICE_ORDER.get(t.office, 2)).title)


def _kb_identity(r: Redacted) -> str | None:
    """The title of the tenure the person was identified by, when the tables give them no office on the date
    (a past tenure, or a tenure of a namesake): weaker than an office held on the date."""
    p = r.person
    if p is None or r.st.on is None or r.of_tokens and _organisation_head(r):
        return None
    if _offices_held(r.st, p):
        return None  # an office on the date: mention.title_kb_office's
    said = r.st.tenure_title.get(p.id)
    return _clean(said) if said else None


def _offices_held(st: State, p: Actor) -> list[Tenure]:
    """The tenures on the date of the person the actor is (any of the tables' spellings)."""
    leaders = load_leaders()
    states = [p.country] if p.country else []
    name = p.name
    need = max(1, min(2, len(units(name))))
    out = []
    for c in states:
        for t in leaders.by_country.get(c, []):
            if t.holds(st.on) and shared_units(name, t.leader) >= need and (
                    len(units(name)) > 1 or len(t.leader.split()) > 1):
                out.append(t)
    if not out and not states:
        role = leaders.role_on(name, st.on)
        if role is not None and role.sector == "GOV":
            out.append(role.tenure)
    return out


def _clean(title: str) -> str:
    """``President of the`` (a cut Factbook text) → ``President``."""
    words = title.split()
    while words and words[-1].lower() in ("of", "the", "and"):
        words.pop()
    return " ".join(words) or title


@lru_cache(maxsize=1)
def _head_titles() -> list[tuple[str, str]]:
    return [(r["sector"], r["title"]) for r in table("kb", "head_titles.tsv")]


def _organisation_head(r: Redacted) -> str | None:
    if not r.of_tokens:
        return None
    st = r.st
    for i in r.of_tokens:
        span = st.hits.get(i)
        if span is None or span[2].kind != "agent" or span[2].agent is None:
            continue
        code = span[2].agent.code.lstrip("~")
        for sector, title in _head_titles():
            if code.startswith(sector) or code[3:].startswith(sector):
                return title
    return None


@lru_cache(maxsize=1)
def _compounds() -> dict[str, str]:
    return {r["word"].strip().lower(): r["title"].strip() for r in table("kb", "title_compounds.tsv")}


def _compound(r: Redacted) -> str | None:
    """``the Afghan foreign ** X``: the text left the compound's first word visible; the title is the rest
    (``vice-**``: the word before the hyphen)."""
    doc, t = r.st.doc, r.token
    j = t - 2 if t >= 2 and doc[t - 1].text == "-" else t - 1
    if j < 0 or doc[j].text[:1].isdigit():
        return None
    title = _compounds().get(doc[j].lower_)
    if title == "minister":  # a portfolio: some governments style its head a secretary
        before = (_state_at(r.st, k) for k in range(j - 1, max(-1, j - 4), -1))  # ``Mexico's security **``
        state = r.state or next((c for c in before if c), None) or (
            r.person.country if r.person is not None else None) or dominant_state(r.st)
        return _cabinet_titles().get(state or "", title)
    return title


@lru_cache(maxsize=1)
def _cabinet_titles() -> dict[str, str]:
    return {row["country"]: row["title"] for row in table("kb", "cabinet_titles.tsv")}


def _government_role(r: Redacted) -> str | None:
    p = r.person
    if p is None or not p.code or len(p.code) <= 3 or not p.code[3:].startswith(("GOV", "ELI")):
        return None
    return "leader"


def _state_leader(r: Redacted) -> str | None:
    """``the Mongolian ** opened the fair``: no person named, the redaction heads a noun phrase of a
    state — the title of that state's effective leader on the date."""
    doc, t = r.st.doc, r.token
    if r.person is not None or r.state is None or r.of_tokens and r.st.hits.get(r.of_tokens[-1]) is None:
        return None
    if t + 1 < len(doc) and doc[t + 1].pos_ in ("NOUN", "PROPN"):
        return None  # ``the Chinese ** ministry``: it modifies something else
    if envoy_post(r):
        return None  # ``the Kenyan ** to the United Nations``: a post abroad, not the state's leader
    h = load_leaders().holder(r.state, r.st.on, "leader")
    return _clean(h.title) if h is not None else None


def _repeated(r: Redacted) -> str | None:
    """``The ** later met farmers`` after ``Mongolian ** X``: a bare redaction with no person and no
    state is the title restored last, within the two sentences before."""
    if r.person is not None or r.state is not None or r.last is None:
        return None
    title, sent = r.last
    return title if _sent_no(r.st, r.token) - sent <= 2 else None


def _sent_no(st: State, t: int) -> int:
    return sentence_index(st.doc)[t]


TITLE_RULES = ((TEXT_TITLE, _text_title), (COMPOUND, _compound), (DEPUTY, deputy), (FORMER, former_office),
               (KB_OFFICE, _kb_office), (KB_IDENTITY, _kb_identity), (INCOMING, incoming),
               (ORG_BEFORE, organisation_before),
               (ORG_HEAD, _organisation_head), (TEXT_ELSEWHERE, text_elsewhere), (STATE_LEADER, _state_leader),
               (KB_NAME, kb_name), (REPEATED, _repeated), (PLACE_OFFICE, place_office), (REGION_OFFICE, region_office),
               (PERSON_SECTOR, person_sector), (SAME_PERSON, same_person), (GOV_ROLE, _government_role),
               (CUE_NEAR, cue_near), (CUE_SENTENCE, cue_sentence), (KB_ANY, kb_any), (LEADS, leads),
               (CUE_OTHER, cue_other), (DESCRIBED, described), (NAMED_ORG, named_organisation),
               (PARTY_HEAD, party_head), (ENVOY_POST, envoy_post))


def _candidates(r: Redacted, words: Counter[str]) -> list[Candidate]:
    """Every switched-on title rule's proposals for the redaction, one candidate per title; each says whether
    the document writes its word elsewhere (``words``: the document's words)."""
    proposals: list[tuple[str, str]] = []
    for name, fn in ordered(TITLE_RULES):
        value = fn(r)
        for title in ([value] if isinstance(value, str) else value or []):
            proposals.append((name, title))
    out = merge(proposals)
    for c, f in zip(out, text_features([c.title for c in out], words)):
        c.extra.update(f)
    if out and reads_slot():
        for c, f in zip(out, candidate_features(r, [c.title for c in out], [c.rules for c in out])):
            c.extra.update(f)
    return out


def restore_redactions(st: State) -> None:
    """Every redaction that describes a person gets the title the title model chooses among the rules'
    proposals (:mod:`.title_choice`); a second round lets each redaction see what the same person's other
    redactions were first given."""
    norm = st.norm
    if not norm.redactions or not switched_on(RESTORED):
        return
    found: list[tuple[int, Redacted]] = []
    first: list[Candidate | None] = []
    last: tuple[str, int] | None = None
    words = document_words(st.doc)
    toks = tokens_of(st.doc)
    for tok in [toks[i] for i, text in enumerate(texts_of(st.doc)) if text == PLACEHOLDER]:
        idx = norm.redaction_at.get(tok.idx)
        if idx is None or "..." in norm.redactions[idx].text:
            continue  # ``[...]`` marks words left out of a quotation, not a hidden title
        r = _describe(st, tok.i)
        r.last = last
        won = choose(_candidates(r, words), r.person is not None)
        found.append((idx, r))
        first.append(won)
        if won is not None:
            last = (won.title, _sent_no(st, tok.i))
    for k, (idx, r) in enumerate(found):
        if r.person is not None:
            r.others = [w.title for j, w in enumerate(first) if j != k and w is not None
                        and found[j][1].person is not None and found[j][1].person.id == r.person.id]
        won = choose(_candidates(r, words), r.person is not None, idx) if r.others or TRACE_ON() else first[k]
        if won is not None:
            st.out.restored[idx] = won.title
            st.out.restored_by[idx] = won.rules[0]
