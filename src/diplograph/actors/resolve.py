"""Mentions → actors: find every phrase that names an actor and resolve it (the stage's orchestration).

Reads the spaCy ``Doc`` (tokens, entities, parse) and the knowledge base; publishes
``ResolvedActors``: the document's ``Actor`` records (each mention in original offsets and
naming the rule that made it), a token → actor map that the event stage reads, and the words
it restored in redactions. The passes, in order:

1. knowledge-base phrases (``phrases``: states, demonyms, capitals and metonyms, IGOs, groups,
   people, sector nouns; ``places``: cities read as their state), longest match first; acronyms
   defined in the text and honorific nicknames are reserved;
2. person names (``people``): identity by competing rules; a role from the text and a dated role
   from REIGN/Archigos;
3. the other KB spans (``sectors``): states, groups, places, and sector nouns whose owner the
   ``owners`` rules decide; groups a state leads (``groups``);
4. later surnames and nicknames (``names``), acronyms, unknown entities and organisations named
   after their state (``groups``), office holders (``offices``), descriptions of a person
   (``descriptors``: the former academic, the old man of X, the younger), coreference (pronouns, ``the old man``, ``the two sides``),
   and the owners a sector noun takes from its ``of`` phrase or possessive pronoun;
5. redactions that describe a person are restored from the person's title (``redactions``).

Every decision is a rule of ``diplograph.rules.REGISTRY`` (stage ``actors``); ``Mention.method``
says the rule's family: ``kb``, ``dictionary`` (a user dictionary), ``role``, ``alias``,
``fuzzy``, ``coref``, ``learned``.
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..nlp import text_of, tokens_of
from ..records import Mention
from ..text.normalize import NormalizedText
from .containment import link_contained_names
from .coref import resolve_coreference
from .bare_epithets import bind_bare_epithets
from .descriptors import bind_descriptors
from .event_located import locate_by_events  # noqa: F401  (the stage's late pass: the pipeline runs it after the events; its rules register with the stage's)
from .epithets import bind_epithets
from .decide import mention_rule, refresh, switched_on
from .hyphens import join_hyphenated_names
from .identity import join_same_people, link_partial_names
from .instruments import drop_market_names
from .nicknames import bind_nicknames
from .families import add_families, family_plurals, plural_people_to_families
from .nickname_reader import apply_alias_table, read_nicknames
from .naming_frames import bind_frames
from .former_offices import resolve_former_office_holders
from .offices import resolve_office_holders
from .office_counterparts import resolve_counterparts
from .office_seats import resolve_seat_holders
from .office_members import resolve_constituency_members
from .office_envoys import resolve_envoys
from .office_discourse import bind_office_descriptions
from .groups import add_acronyms, add_led_groups, add_unknown_entities, defined_acronyms
from .kb import KnowledgeBase
from .located import drop_places_as_actors, drop_unknown_report_places, locate_unresolved, relocate_namesakes
from .naming import finish_actors
from .written_places import mark_written_places
from .names import add_nicknames, add_surnames, name_gender, nickname_tokens
from .partials import bind_given_names, bind_shared_partials
from .people import add_people
from .redactions import restore_redactions
from .splits import join_split_people
from .state_initials import add_state_initials
from .surname_words import link_lone_surnames, split_place_before_surname
from .person_homes import settle_person_homes
from .person_roles import settle_person_sectors
from .phrases import inside_person_names, kb_spans, phrase_first
from .sectors import drop_named_things, add_kb_spans, add_organisation_owners, add_pronoun_owners
from .state import ResolvedActors, State, add_mention, key_of, slug

__all__ = ["ResolvedActors", "resolve_mentions", "slug", "name_gender", "phrase_first"]

DESCRIPTOR_SECTOR = mention_rule("mention.descriptor_sector", 0.5,
                                 "a definite person noun coreference could not place is a plain sector noun",
                                 ("kb", "coref"))


def resolve_mentions(doc: Doc, norm: NormalizedText, kb: KnowledgeBase, on: date | None) -> ResolvedActors:
    refresh()  # a switch changed in the environment (an ablation) takes effect from this document on
    join_hyphenated_names(doc)  # before any rule reads the tokens: names stay whole
    st = State(doc, norm, kb, on, ResolvedActors())
    acronyms = defined_acronyms(doc)
    nick = nickname_tokens(doc)
    plurals = family_plurals(doc)  # "the Xs": a family, read after the people, never one of them
    st.reserved = set(nick) | set(nick.values()) | set(plurals)
    if acronyms:
        st.reserved |= {t.i for t in tokens_of(doc) if t.text in acronyms}
    spans = inside_person_names(doc, kb_spans(st, reserved=st.reserved))
    st.hits = {t: sp for sp in spans for t in range(sp[0], sp[1])}
    spans = drop_named_things(st, spans)  # "the US dollar": a thing's name, no actor
    consumed = add_people(st, spans)
    add_kb_spans(st, spans, consumed)
    add_led_groups(st)
    add_families(st, plurals)
    add_surnames(st)
    add_nicknames(st, nick)
    add_acronyms(st, acronyms)
    add_unknown_entities(st)
    add_state_initials(st)
    drop_places_as_actors(st)  # a place name is where, not who
    drop_unknown_report_places(st)
    drop_market_names(st)  # "London cocoa prices": an instrument, not the state
    locate_unresolved(st)
    relocate_namesakes(st)
    plural_people_to_families(st)
    join_same_people(st)
    link_contained_names(st)
    resolve_office_holders(st)
    resolve_counterparts(st)
    resolve_seat_holders(st)
    resolve_constituency_members(st)  # "the Member for <seat>": a person, the seat no actor
    resolve_former_office_holders(st)
    bind_descriptors(st)
    bind_nicknames(st)
    bind_epithets(st)
    read_nicknames(st)  # every naming signal the frame readers left: one general procedure
    bind_frames(st)  # the naming frames written as data (data/lexicons/naming_frames.jsonl)
    apply_alias_table(st)  # later uses of the nicknames the frame readers introduced
    bind_bare_epithets(st)
    link_partial_names(st)  # again: nicknames and descriptors joined actors that made a word look shared
    bind_given_names(st)
    bind_shared_partials(st)
    link_contained_names(st, one_part=True)
    split_place_before_surname(st)  # "in X and <city> <surname>": a place and a person, not one name
    link_lone_surnames(st)  # a family-name word the tagger read as anything else
    add_organisation_owners(st)
    resolve_envoys(st)  # "the American envoy": once the owner pass made it a role of its state
    _add_coreference(st)
    add_pronoun_owners(st)
    bind_office_descriptions(st)  # office descriptions still unbound or guessed: the person the text points at
    join_split_people(st)  # one person, one actor: after every binding step and the pronouns
    restore_redactions(st)
    settle_person_homes(st)  # a person with no state: their party's, else the document's main state
    settle_person_sectors(st)  # what the text says each person is on the date, once all is bound
    mark_written_places(st)  # names written as a report's place: dropped once the events are coded
    finish_actors(st.out.actors, kb)
    return st.out


def _add_coreference(st: State) -> None:
    for aid, a in st.out.actors.items():
        if a.type == "person":
            st.gender.setdefault(aid, name_gender(a.name, text_of(st.doc), a.mentions))
    links = resolve_coreference(st.doc, st.out.actors, st.out.token_actor, st.gender)
    linked = {t for link in links for t in range(link.start, link.end)}
    for link in links:
        if len(link.actors) == 1:
            add_mention(st, link.start, link.end, key_of(st.out.actors[link.actors[0]]), "coref", link.confidence,
                        link.rule)
        else:
            # A plural reference stands for several actors at once: it goes to ``token_group`` (and
            # ``group_mentions``), not into each actor's mentions, whose spans must not overlap.
            span = st.doc[link.start:link.end]
            s, e, text = st.norm.original_span(span.start_char, span.end_char)
            st.out.group_mentions.append((Mention(text, s, e, "coref", link.confidence, link.rule),
                                          list(link.actors)))
            for t in range(link.start, link.end):
                st.out.token_group[t] = list(link.actors)
    keep = switched_on(DESCRIPTOR_SECTOR)
    for start, end, hit in st.deferred:  # descriptions coreference could not place: plain sector nouns
        if keep and not any(t in linked for t in range(start, end)):
            assert hit.agent is not None
            name = hit.agent.phrase.strip("_").replace("_", " ").lower()
            add_mention(st, start, end, (slug(name), name, "sector", hit.agent.combine(None), None),
                        "dictionary" if hit.user else "kb", 0.5, DESCRIPTOR_SECTOR)
