"""Family-name words written alone (issue 15: a later partial name links back to the full name).

A person named in full (``Manuel Ortega Vidal``) is later called by one word of the family name: the last
word, or in a name of three words or more the first part of a double surname (``Ortega``, the Iberian
usage) or a middle family name. The tagger reads such a lone word as anything: an organisation it later drops,
a building, a common noun (``whom Kabore overthrew``: an accent dropped and the word read as a noun), and a
misspelt one (``Ortegga``) is matched by no dictionary. Two pieces:

- ``identity.family_units``: the units (``spelling.units``) a person is called by alone: every word after the
  first of a name of three core words or more, else the last word (read by ``identity.link_partial_names`` for an
  unknown organisation's one-word name too);
- ``mention.lone_surname``: a capitalised word no pass made an actor (not a dictionary phrase, not inside a
  longer name, not a sentence's first word unless a proper noun or before its verb) that agrees with a family
  word of exactly one person of the document at the best agreement (``identity.tier``): same key, same
  skeleton, or a close spelling of five letters or more. A word two people share at that agreement (a father
  and a son, ``Ortega`` of two Ortegas), or that is as close to another person's given name, links to no one.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..nlp import pos_of, texts_of, tokens_of
from ..records import Actor
from .aliases import honorific_prefixes
from .decide import mention_rule, switched_on
from .identity import core_words, family_units, tier
from .spelling import units
from .state import State, add_mention, capitalised_tokens, key_of

LONE_SURNAME = mention_rule("mention.lone_surname", 0.7,
                            "a capitalised word no pass read as an actor that agrees with a family-name word (the "
                            "last word, or a double surname's first part) of exactly one person of the document",
                            ("actors", "parse"))

# Entity labels of words that are no one's name (a place, a people, a date or a number).
_NOT_NAMES = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL",
                        "CARDINAL", "LANGUAGE", "LAW", "EVENT"})


def _full_people(st: State) -> list[Actor]:
    return [a for a in st.out.actors.values() if a.type == "person" and len(core_words(a.name)) >= 2]


def _voiced(key: str) -> bool:
    return any(c in "aeiouy" for c in key)


def link_lone_surnames(st: State) -> None:
    """``mention.lone_surname`` (see the module's docstring)."""
    if not switched_on(LONE_SURNAME):
        return
    people = _full_people(st)
    if not people:
        return
    toks, texts, pos = tokens_of(st.doc), texts_of(st.doc), pos_of(st.doc)
    particles = word_class("name_comparison_particles")
    offices = word_class("office_words")
    family = {a.id: family_units(a.name) for a in people}
    # (a word with no vowel is an abbreviation, no name: ``Dollars`` has the consonants of ``Dlrs``)
    voiced = {a.id: [v for v in units(a.name) if _voiced(v[0])] for a in people}
    for k in capitalised_tokens(st):
        word = texts[k]
        if len(word) < 3 or not word.isalpha() or k in st.out.token_actor or k in st.reserved or k in st.hits:
            continue
        t = toks[k]
        if t.ent_type_ in _NOT_NAMES or word.lower() in offices or word.lower() in honorific_prefixes():
            continue
        # A sentence's first word is capitalised whatever it is: a name there when a proper noun, before its verb,
        # or (spelt exactly as the family word) before a comma or an adverb and its verb (``X, by contrast, is``,
        # ``X also has``)
        opener = t.is_sent_start and pos[k] != "PROPN"
        if opener and not (k + 1 < len(toks) and (pos[k + 1] in ("VERB", "AUX") or texts[k + 1] == "," or (
                pos[k + 1] == "ADV" and k + 2 < len(toks) and pos[k + 2] in ("VERB", "AUX")))):
            continue
        if any(0 <= j < len(toks) and pos[j] == "PROPN" and texts[j][:1].isupper() and j not in st.hits
               and (texts[j].upper(),) not in st.kb.place_states
               for j in (k - 1, k + 1)):
            continue  # a word of a longer name no pass read (a place's name before it is no name word)
        if k > 0 and toks[k - 1].lower_ in particles:
            continue  # "bin X": part of a name the recogniser did not read
        u = units(word)
        if len(u) != 1:
            continue
        best: int | None = None
        owners: set[str] = set()
        for a in people:
            if a.id not in st.out.actors:
                continue
            found = [x for v in voiced[a.id] if (x := tier(u[0], v)) is not None]
            if not found:
                continue
            x = min(found)
            if x == 2 and len(u[0][0]) < 5:
                continue  # a close spelling of a short word is another word
            if best is None or x < best:
                best, owners = x, {a.id}
            elif x == best:
                owners.add(a.id)
        if best is None or len(owners) != 1 or (opener and best > 0):
            continue
        person = st.out.actors[owners.pop()]
        if not any(tier(u[0], v) == best for v in family[person.id]):
            continue  # the word agrees best with a given name: not how the text calls the person alone
        add_mention(st, k, k + 1, key_of(person), "alias", 0.7, LONE_SURNAME)


PLACE_BEFORE_SURNAME = mention_rule("mention.place_before_surname", 0.65,
                                    "a new two-word person name whose first word is a gazetteer place and whose "
                                    "second is a family word of one other person of the document (in X and "
                                    "<city> <surname> said) is that place and that person", ("actors", "kb:places"))


def split_place_before_surname(st: State) -> None:
    """``in Lyon and Brest Kervella said``: the tagger reads a city and the surname after it as one person's name.
    A new person (one mention, no identity) of two words, the first a place of the gazetteer, the second agreeing
    with a family word of exactly one other person the document names in full, whose own given name is not that
    place's word: the place is no part of the name, the surname is that person's."""
    if not switched_on(PLACE_BEFORE_SURNAME):
        return
    people = _full_people(st)
    for a in [p for p in people if len(p.mentions) == 1 and (p.mentions[0].rule or "") == "mention.person_new"]:
        toks = sorted(t for t, aid in st.out.token_actor.items() if aid == a.id)
        if len(toks) != 2 or toks[1] != toks[0] + 1:
            continue
        p_tok, s_tok = st.doc[toks[0]], st.doc[toks[1]]
        if (p_tok.text.upper(),) not in st.kb.place_states:
            continue
        pu, su = units(p_tok.text), units(s_tok.text)
        if len(pu) != 1 or len(su) != 1:
            continue
        fits = []
        for b in people:
            if b.id == a.id or b.id not in st.out.actors:
                continue
            found = [x for v in family_units(b.name) if (x := tier(su[0], v)) is not None
                     and (x < 2 or len(su[0][0]) >= 5)]
            if found and not any(tier(pu[0], v) is not None for v in units(b.name)):
                fits.append(b)
        if len(fits) != 1:
            continue
        del st.out.actors[a.id]
        for t in toks:
            del st.out.token_actor[t]
        add_mention(st, toks[1], toks[1] + 1, key_of(fits[0]), "alias", 0.65, PLACE_BEFORE_SURNAME)
