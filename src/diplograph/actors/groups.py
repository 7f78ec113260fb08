"""Groups: acronyms the text defines, groups a state leads, organisations named after a state,
and the named entities nobody knows (kept visible as unresolved actors)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lexicon import word_class
from ..nlp import ents_of, texts_of, tokens_of
from ..text.normalize import PLACEHOLDER
from .aliases import acronym_fits
from .decide import mention_rule, switched_on
from .kb import collective_nouns, phrase_key
from .state import (ACRONYM, CAPITALISED, State, add_mention, document_words, drop_mentions, key_of, positions, slug,
                    state_of_hit)

ACRONYM_LONG_FORM = mention_rule("mention.acronym_long_form", 0.6,
                                 "the long form before a bracketed acronym names an organisation of its own",
                                 ("parse", "lexicon:acronym_links"))
ACRONYM_DEFINED = mention_rule("mention.acronym_defined", 0.9,
                               "an acronym the text defines in brackets names the long form's actor",
                               ("parse", "actors"))
UNKNOWN_ENTITY = mention_rule("mention.unknown_entity", 0.3,
                              "a named entity the knowledge base does not know stays visible, uncoded", ("ner",))
ORGANISATION_OF_STATE = mention_rule("mention.organisation_of_state", 0.6,
                                     "an organisation named after its state (the Ruritanian Football Federation) is "
                                     "a group of that state", ("ner", "actors"))
ORGANISATION_APPOSITIVE = mention_rule("mention.organisation_appositive", 0.6,
                                       "an unknown organisation in apposition with a coded group noun takes its code",
                                       ("ner", "parse", "actors"))
LED_GROUP = mention_rule("mention.led_group", 0.6,
                         "a group a state leads (the Saudi-led coalition) is that state's", ("parse", "kb"))


def defined_acronyms(doc: Doc) -> dict[str, tuple[int, int]]:
    """``Islamic Salvation Front (FIS)``: acronym → the token span of its long form."""
    out: dict[str, tuple[int, int]] = {}
    links = word_class("acronym_links")
    toks, texts = tokens_of(doc), texts_of(doc)
    for k in range(len(toks) - 2):
        if texts[k] != "(" or not ACRONYM.match(texts[k + 1]) or texts[k + 2] != ")":
            continue
        t, acr = toks[k], texts[k + 1]
        # The long form: the capitalised words (and linking words) just before the bracket.
        s = t.i
        while s - 1 >= 0 and (doc[s - 1].text[:1].isupper() or doc[s - 1].lower_ in links):
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


def add_acronyms(st: State, acronyms: dict[str, tuple[int, int]]) -> None:
    if not switched_on(ACRONYM_DEFINED):
        return
    for acr, (s, e) in acronyms.items():
        aid = next((st.out.token_actor[i] for i in range(e - 1, s - 1, -1) if i in st.out.token_actor), None)
        if aid is None or st.out.actors[aid].type == "sector":
            if not switched_on(ACRONYM_LONG_FORM):
                continue
            # The long form names an organisation of its own, not a generic sector noun.
            code = country = None
            if aid is not None:
                code, country = st.out.actors[aid].code, st.out.actors[aid].country  # keep what the noun gave
                drop_mentions(st, aid, s, e)
            name = st.doc[s:e].text
            aid = add_mention(st, s, e, (slug(name), name, "group", code, country),
                              "role" if country else "learned", 0.6 if country else 0.4, ACRONYM_LONG_FORM)
        a = st.out.actors[aid]
        for t in st.doc:
            if t.text == acr and t.i not in st.out.token_actor:
                add_mention(st, t.i, t.i + 1, key_of(a), "alias", 0.9, ACRONYM_DEFINED)


UNKNOWN_PLACE = mention_rule("mention.veto_unknown_place", 0.9,
                              "a place name the knowledge base does not know (NER GPE) is a location, not an "
                              "actor, unless it acts (a clause subject or a possessor: Kismayo said, Goma's mayor)",
                              ("parse",))


def _acts(ent) -> bool:
    """The entity is a clause's subject or a possessor: it may stand for a government (metonymy)."""
    root = ent.root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass", "poss", "agent")


def add_unknown_entities(st: State) -> None:
    """Named entities the KB does not know stay visible as unresolved actors."""
    keep = switched_on(UNKNOWN_ENTITY)
    for ent in ents_of(st.doc):
        if not keep or ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if any(t in st.out.token_actor or t in st.things for t in range(ent.start, ent.end)) or PLACEHOLDER in ent.text:
            continue
        if ent.label_ == "GPE" and not _acts(ent) and switched_on(UNKNOWN_PLACE):
            continue  # a place the KB does not know, written where something happened: a location, not an actor
        typ = {"PERSON": "person", "ORG": "group", "GPE": "state", "NORP": "group"}[ent.label_]
        s = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if s >= ent.end:
            continue
        name = st.doc[s:ent.end].text
        add_mention(st, s, ent.end, (slug(name), name, typ, None, None), "learned", 0.3, UNKNOWN_ENTITY)
    for ent in ents_of(st.doc):
        if ent.label_ == "ORG":
            organisation_of_state(st, ent.start, ent.end)


def _led_by(st: State, tok: Token) -> str | None:
    """The state of ``Saudi-led`` (three tokens) or ``U.S.-led`` (one), else None."""
    if tok.lower_ == "led":
        for c in tok.children:
            if c.dep_ in ("npadvmod", "compound", "amod", "nmod") and c.i in st.hits:
                return state_of_hit(st, st.hits[c.i][2])
        return None
    words = [w.upper() for w in re.split(r"[\s_]+", tok.text[:-4]) if w]
    m = st.kb.longest_match(words, 0) if words else None
    return state_of_hit(st, m[1]) if m is not None and m[0] == len(words) else None


def add_led_groups(st: State) -> None:
    """``Saudi-led forces``, ``the U.S.-led coalition``: a group a state leads is coded as that
    state's (``-backed`` is not: a state backing a militia is not its member)."""
    if not switched_on(LED_GROUP):
        return
    out = st.out
    toks = tokens_of(st.doc)
    led = [w for w in document_words(st) if w == "led" or w.endswith("-led")]
    for i in positions(st, led):
        if toks[i].dep_ != "amod":
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
        code = agent[2].agent.combine(state) if is_agent else state  # type: ignore[index,union-attr]
        if owner is not None:
            drop_mentions(st, owner.id, head.i, head.i + 1)
        name = f"{state}-led {head.text}"
        add_mention(st, start, head.i + 1, (slug(name), name, "group", code, state), "role", 0.6, LED_GROUP)


def _names_state_itself(st: State, token: int) -> bool:
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


def organisation_of_state(st: State, start: int, end: int) -> None:
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
    if head.pos_ != "PROPN" or not CAPITALISED.match(head.text):
        return
    owners = [out.token_actor.get(t) for t in range(start, end)]
    claimed = [a for a in owners if a is not None]
    learned = len(set(claimed)) == 1 and out.actors[claimed[0]].code is None
    if not claimed or learned:
        # Unknown organisation: the coded group noun it stands in apposition with gives its code.
        other = next((t for t in [head.head] + [c for c in head.children if c.dep_ == "appos"]
                      if (head.dep_ == "appos" or t.dep_ == "appos") and not start <= t.i < end), None)
        code_of = out.actor_at(other.i) if other is not None else None
        if code_of is None or not code_of.code or code_of.type != "sector" \
                or not switched_on(ORGANISATION_APPOSITIVE):
            return
        if learned:
            drop_mentions(st, claimed[0], start, end)
        name = doc[start:end].text
        # Names stay whole: a personal name the recogniser took for an organisation, in apposition with a
        # person's role (``X Y, the foreign minister``), is a person, not a group.
        typ = "person" if other in head.children and personal_name(doc[start:end]) and other.lemma_.lower() in (
            word_class("person_nouns") | word_class("descriptor_nouns")) else "group"
        add_mention(st, start, end, (slug(name), name, typ, code_of.code, code_of.country), "role", 0.6,
                    ORGANISATION_APPOSITIVE)
        return
    states = {a for a in claimed if out.actors[a].type == "state" and out.actors[a].country}
    if states != set(claimed) or len(states) != 1 or head.i in out.token_actor or not all(
            _names_state_itself(st, t) for t in range(start, end) if owners[t - start] is not None):
        return  # the KB knows more than the state inside, or the state is the name's head
    if not switched_on(ORGANISATION_OF_STATE):
        return
    state = out.actors[states.pop()]
    drop_mentions(st, state.id, start, end)
    name = doc[start:end].text
    add_mention(st, start, end, (slug(name), name, "group", state.country, state.country), "role", 0.6,
                ORGANISATION_OF_STATE)


def personal_name(span) -> bool:
    """Two to four capitalised proper nouns, none an organisation's head word or a title: the shape of a
    person's name (``Somchai Rattanakorn``), not of ``Rapid Support Forces`` or ``National Council``."""
    words = [t for t in span if t.text != "-"]
    heads = word_class("generic_name_words") | word_class("office_words") | word_class("media_name_heads")
    return 2 <= len(words) <= 4 and all(t.pos_ == "PROPN" and CAPITALISED.match(t.text) and t.text.isalpha()
                                        and t.lower_ not in heads and not t.text.isupper() for t in words)
