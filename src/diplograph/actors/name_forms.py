"""Short name forms of a person the document names in full (issue 15), shared helpers of the nickname rules.

- ``mention.honorific_name``: an honorific word before or after a name word of one person of the
  document (``little Kim``, ``Pak Prabowo``, ``Xi Dada``, ``Tonton X``, ``Y Hoca``; prefixes in
  ``data/kb/honorifics.tsv``, suffixes in ``data/kb/honorific_suffixes.tsv``);
- ``mention.name_initials``: an all-capital word spelling the initials of one person (``ADO``);
- ``mention.clipped_name``: a clipped family name with a familiar ending (``Albo``).

Split from ``nicknames.py`` (which runs them) to keep modules small.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import table, word_class
from ..nlp import lower_keys_of, pos_of, texts_of, tokens_of
from ..records import Actor
from ..rules import REGISTRY
from .aliases import honorific_prefixes
from .decide import mention_rule
from .leaders import load_leaders
from .spelling import units
from .state import CAPITALISED, State, add_mention, capitalised_tokens, drop_mentions, key_of

HONORIFIC = mention_rule("mention.honorific_name", 0.75,
                         "an honorific word before or after a name word of one person of the document",
                         ("kb:honorifics", "kb:honorific_suffixes", "actors"))

CLIPPED = mention_rule("mention.clipped_name", 0.6,
                       "a clipped family name with a familiar ending (Albo for Albanese): the one person of the "
                       "document whose family name starts with the clipped stem", ("actors", "lexicon:clipping_endings"))

INITIALS = mention_rule("mention.name_initials", 0.7,
                        "an all-capital word spelling the initials of one person's full name (the text's or the "
                        "leader tables'): ADO, MBS, AMLO", ("actors", "leaders"))


def is_person(a: Actor | None) -> bool:
    return a is not None and a.type == "person"


def weak_actor(st: State, aid: str) -> bool:
    """An actor a nickname may take its tokens from: unknown to the knowledge base, or a role noun."""
    a = st.out.actors.get(aid)
    return a is None or a.code is None or a.type in ("sector",) or any(
        (m.rule or "") in ("mention.person_new", "mention.unknown_entity") for m in a.mentions)


def claim(st: State, start: int, end: int, person: Actor, rule: str, conf: float) -> bool:
    owners = {st.out.token_actor[t] for t in range(start, end) if t in st.out.token_actor}
    if person.id in owners and len(owners) == 1:
        return False
    for aid in owners:
        if aid != person.id:
            drop_mentions(st, aid, start, end)
    add_mention(st, start, end, key_of(person), "alias", conf, rule)
    return True


@lru_cache(maxsize=1)
def honorific_suffixes() -> frozenset[str]:
    return frozenset(r["suffix"].lower() for r in table("kb", "honorific_suffixes.tsv"))


def honorifics(st: State) -> None:
    doc = st.doc
    prefixes = set(honorific_prefixes())
    suffixes = honorific_suffixes()
    opening = prefixes | word_class("honorific_chain_words")
    # a name the recogniser made of an honorific and a name word ("Dr X" of its own) is no bearer: it is the
    # same phenomenon, and two of them would make every other one ambiguous
    people = [a for a in st.out.actors.values() if a.type == "person" and len(a.name.split()) > 1 and not (
        a.code is None and a.name.split()[0].lower().rstrip(".'") in opening)]
    if not people:
        return
    toks, texts, lows = tokens_of(doc), texts_of(doc), lower_keys_of(doc)
    firsts = {p.split()[0] for p in prefixes if " " in p}
    chained = -1  # the last token of an honorific chain already read ("Datuk Seri X", "Tan Sri X")
    # the tokens where an honorific word starts or ends a name (most documents have none): the others are passed
    # over by the test below without reading anything else
    hinted = [k for k in range(len(toks) - 1) if lows[k][0] in prefixes or lows[k][0] in firsts
              or lows[k + 1][0] in suffixes or (texts[k + 1] in ("-", "‑") and k + 2 < len(toks)
                                                and lows[k + 2][0] in suffixes)]
    for k in hinted:
        tok = toks[k]
        starts = _chain_end(lows, texts, k, prefixes) if k > chained and (
            lows[k][0] in prefixes or lows[k][0] in firsts) else -1
        if starts < 0 and lows[k][0] not in prefixes and lows[k + 1][0] not in suffixes and not (
                texts[k + 1] in ("-", "‑") and k + 2 < len(toks) and lows[k + 2][0] in suffixes):
            continue  # no honorific word here: the cheap test first
        pre, nxt = tok, toks[k + 1]
        if starts > k and starts + 1 < len(toks):  # several honorific words: the last one stands before the name
            chained = starts
            pre, nxt = toks[starts], toks[starts + 1]
        pairs = [(pre, nxt), (nxt, pre)]
        if nxt.text in ("-", "‑") and k + 2 < len(toks):  # "Abe-san": a suffix joined by a hyphen
            pairs.append((toks[k + 2], pre))
        for hon, name in pairs:
            is_prefix = hon is pre
            table_ = prefixes if is_prefix else suffixes
            if (hon.lower_ not in table_ and not (is_prefix and chained == starts > k)) or \
                    not CAPITALISED.match(name.text) or len(name.text) < 2:
                continue
            if is_prefix and not CAPITALISED.match(hon.text) and hon.lower_ not in word_class("honorifics_lower_case"):
                continue  # "da Silva", "de Gaulle": a name's particle, not an honorific
            span = (min(hon.i, name.i, k), max(hon.i, name.i) + 1)
            if hon.i in st.out.token_actor and not weak_actor(st, st.out.token_actor[hon.i]) and \
                    not _read_into_a_leader(st, st.out.token_actor[hon.i], *span):
                continue
            own = st.out.token_actor.get(hon.i)  # "Pak Santoso" read as a name of its own is no one else
            # an earlier binding may have merged a person away ("Baba X" of its own, joined to the full name)
            fits = _bearers(name.text, [a for a in people if a.id != own and st.out.actors.get(a.id) is a])
            if len(fits) != 1:
                continue
            end = max(hon.i, name.i) + 1
            if is_prefix:  # "Madame Le Pen", "Herr von der Berg": the bearer's further name words
                words = {v[0] for v in units(fits[0].name)}
                while end < len(doc) and CAPITALISED.match(doc[end].text) and units(doc[end].text) and \
                        units(doc[end].text)[0][0] in words:
                    end += 1
            _bind_honorific(st, span[0], end, fits[0], own)
    joined = tuple(suf for suf in word_class("honorific_joined_suffixes") if len(suf) >= 2)
    for i in capitalised_tokens(st):  # "Modiji", "Narendrabhai": a suffix written onto the name
        if not lows[i][0].endswith(joined):
            continue  # no joined suffix ends the word (the loop below would bind nothing)
        tok = toks[i]
        low = tok.lower_
        if not (CAPITALISED.match(tok.text) and tok.is_alpha) or tok.i in st.reserved:
            continue
        if tok.i in st.out.token_actor and not weak_actor(st, st.out.token_actor[tok.i]):
            continue
        for suf in word_class("honorific_joined_suffixes"):
            if len(suf) >= 2 and low.endswith(suf) and len(low) - len(suf) >= 3:
                stem = tok.text[:len(tok.text) - len(suf)]
                fits = [a for a in people if any(u[0] == v[0] for u in units(stem) for v in units(a.name))]
                if len(fits) == 1:
                    _bind_honorific(st, tok.i, tok.i + 1, fits[0], st.out.token_actor.get(tok.i))
                    break


def _chain_end(lows, texts, k: int, prefixes: set[str]) -> int:
    """The last token of a chain of honorific words opening at ``k`` (``Datuk Seri``, ``Tan Sri``, ``Tun Dr``,
    ``Alhaji Chief``; the several-word rows of ``kb/honorifics.tsv`` and single honorifics, with the chain words
    of class ``honorific_chain_words``), else -1 when ``k`` opens no chain of two words or more."""
    chain = word_class("honorific_chain_words")
    i = k
    while i < len(lows):
        two = f"{lows[i][0]} {lows[i + 1][0]}" if i + 1 < len(lows) else ""
        if two and two in prefixes:
            i += 2
        elif lows[i][0] in prefixes or (i > k and lows[i][0] in chain):
            i += 1
        else:
            break
        while i < len(lows) and texts[i] in ("'", "’", "."):  # "Dato' Sri", "Dr. X"
            i += 1
    return i - 1 if i - k >= 2 and i < len(lows) and CAPITALISED.match(texts[i]) else -1


def _bearers(word: str, people: list[Actor]) -> list[Actor]:
    """The people a name word after an honorific can stand for: one of their name words, else (one
    person only) the end of one of them, three letters or more (``Pak Harto``, ``Bung Karno``: the first
    syllable dropped, as Javanese and other short forms do)."""
    from ..text.fold import ascii_fold

    u = units(word)
    if not u:
        return []
    exact = [a for a in people if any(u[0][0] == v[0] for v in units(a.name))]
    if exact:
        return exact
    w = ascii_fold(word).lower()
    if len(w) < 3:
        return []
    ends = [a for a in people if any(len(n) >= len(w) + 2 and n.endswith(w)
                                     for n in ascii_fold(a.name).lower().replace("-", " ").split())]
    if ends or len(w) < 4:
        return ends
    # "Bu Mega", "Pak Wulan": the name's first syllables, as Indonesian and other short forms clip it
    return [a for a in people if any(len(n) >= len(w) + 2 and n.startswith(w)
                                     for n in ascii_fold(a.name).lower().replace("-", " ").split())]


def _bind_honorific(st: State, s: int, e: int, person: Actor, own: str | None) -> None:
    doc = st.doc
    claim(st, s, e, person, HONORIFIC, REGISTRY[HONORIFIC].confidence)
    whole = st.out.actors.get(own) if own is not None else None
    if whole is not None and whole.type == "person" and (
            (whole.code is None and whole.name.lower() == doc[s:e].text.lower()) or _read_into_a_leader(st, whole.id, s, e)):
        # The honorific name read as a person of its own: what was joined to it (its bare name
        # word, a misspelling of it) is the same person.
        from .identity import move_mentions

        move_mentions(st, whole, person, HONORIFIC, method="alias")


def _read_into_a_leader(st: State, aid: str, s: int, e: int) -> bool:
    """The honorific and the name word were read together as a leader of the tables by the surname alone
    (``Mzee Museveni``: the honorific taken for a given name), so the actor is no one else's name."""
    a = st.out.actors.get(aid)
    said = st.doc[s:e].text.lower()
    if a is None or a.type != "person":
        return False
    if any(m.rule == "mention.person_leader" and m.text.lower() == said for m in a.mentions):
        return True
    # a namesake of the tables matched on the name word after the honorific ("Ustaz Hassan" read as a
    # one-word "Hassan" of the knowledge base), named nowhere else in the document
    hon = st.doc[s].lower_
    return bool(a.mentions) and all((m.rule or "").startswith("mention.person_kb") and
                                    m.text.lower().split()[:1] == [hon] for m in a.mentions)


def _initials_of(name: str) -> set[str]:
    """The initials a full name is known by: every word's, and without its particles (``bin``, ``da``)."""
    words = [w for w in name.replace("-", " ").replace(".", " ").split() if w[:1].isalpha()]
    if len(words) < 2:
        return set()
    out = {"".join(w[0] for w in words).upper()}
    core = [w for w in words if w.lower() not in word_class("name_comparison_particles")]
    if len(core) >= 2:
        out.add("".join(w[0] for w in core).upper())
    return out


def _known_initials(people: list[Actor]) -> dict[str, set[str]]:
    """Person id → the initials of the text's name and of every name the leader tables give them."""
    leaders = load_leaders()
    known: dict[str, set[str]] = {}
    for a in people:
        names = {a.name}
        for t in leaders.tenures(a.name, a.country):
            names.update(leaders.spellings(t))
        known[a.id] = {i for n in names for i in _initials_of(n)}
    return known


def initials(st: State) -> None:
    """``ADO`` for Alassane Dramane Ouattara: an all-capital word that is the initials of exactly one
    person of the document (by the text's name or any name the leader tables give them on the date)."""
    people = [a for a in st.out.actors.values() if a.type == "person"]
    if not people:
        return
    known: dict[str, set[str]] | None = None  # read at the first all-capital word (many documents have none)
    for i, text in enumerate(texts_of(st.doc)):
        if not (2 <= len(text) <= 5 and text.isalpha() and text.isupper()) or i in st.reserved:
            continue
        if i in st.out.token_actor and not weak_actor(st, st.out.token_actor[i]):
            continue
        if known is None:
            known = _known_initials(people)
        fits = [a for a in people if text in known[a.id] and a.id in st.out.actors]
        if len(fits) == 1:
            claim(st, i, i + 1, fits[0], INITIALS, REGISTRY[INITIALS].confidence)


def clipped(st: State) -> None:
    """``Albo`` for Albanese, ``Morrie`` for Morrison: a capitalised word of three to six letters that is the
    first three letters or more of exactly one person's family name plus a familiar ending (word class
    ``clipping_endings``), the family name at least three letters longer than the stem."""
    from ..text.fold import ascii_fold

    people = [a for a in st.out.actors.values() if a.type == "person" and len(a.name.split()) > 1]
    if not people:
        return
    endings = word_class("clipping_endings")
    families = {a.id: ascii_fold(a.name.split()[-1]).lower() for a in people}
    texts = texts_of(st.doc)
    for i in capitalised_tokens(st):
        text = texts[i]
        if not text.isalpha():  # before the folding: most words stop here
            continue
        word = ascii_fold(text).lower()
        if not 3 <= len(word) <= 6 or i in st.reserved:
            continue
        owner = st.out.actor_at(i)
        if owner is not None and (owner.code or owner.type not in ("person", "group") or len(owner.name.split()) > 1):
            continue  # a known actor, or part of a longer name
        fits = set()
        for end in endings:
            stem = word[:-len(end)]
            if word.endswith(end) and len(stem) >= 3:
                fits |= {aid for aid, fam in families.items() if fam.startswith(stem) and len(fam) >= len(stem) + 3
                         and not fam.startswith(word)}
        if len(fits) == 1:
            claim(st, i, i + 1, st.out.actors[next(iter(fits))], CLIPPED, REGISTRY[CLIPPED].confidence)


def garbled_surnames(st: State) -> None:
    """``Noboua`` for Noboa, ``Erdogen`` for Erdogan: a lone capitalised proper noun no earlier pass read as
    a name, one letter away from the family name of exactly one person of the document (same first two
    letters, five letters or more), or that name with an aspiration ``h`` left out."""
    from .identity import PARTIAL_NAME
    from .spelling import h_dropped

    people = [a for a in st.out.actors.values() if a.type == "person" and len(a.name.split()) > 1]
    if not people:
        return
    families = {a.id: units(a.name)[-1][0] for a in people if units(a.name)}
    toks, texts, pos = tokens_of(st.doc), texts_of(st.doc), pos_of(st.doc)
    for k in capitalised_tokens(st):
        word = texts[k]
        if pos[k] != "PROPN" or not word.isalpha() or len(word) < 5:
            continue
        if k in st.out.token_actor or k in st.reserved or k in st.hits:
            continue
        if any(0 <= j < len(toks) and pos[j] == "PROPN" and CAPITALISED.match(texts[j])
               for j in (k - 1, k + 1)):
            continue  # part of a longer unread name
        u = units(word)
        if not u:
            continue
        key = u[0][0]
        if k > 0 and toks[k - 1].lower_ in word_class("name_comparison_particles"):
            continue  # "bin X": part of a name the recogniser did not read, maybe another person's
        fits = [aid for aid, fam in families.items() if fam != key and len(fam) >= 5 and (
            (fam[:2] == key[:2] and _vowel_edit(fam, key)) or h_dropped(fam, key))]
        if len(fits) == 1:
            claim(st, k, k + 1, st.out.actors[fits[0]], PARTIAL_NAME, REGISTRY[PARTIAL_NAME].confidence - 0.1)


def _vowel_edit(a: str, b: str) -> bool:
    """One vowel changed, added or dropped inside the word (``Erdogan``/``Erdogen``, ``Noboa``/``Noboua``): the
    way transliterations differ; a changed consonant (``Pence``/``Peace``) or a changed ending (``Biden``/
    ``Bidens``, a plural or a derived word) is not."""
    from rapidfuzz.distance import Levenshtein

    if Levenshtein.distance(a, b) != 1:
        return False
    vowels = "aeiouy"
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            return a[op.src_pos] in vowels and b[op.dest_pos] in vowels and op.src_pos < len(a) - 1
        if op.tag == "insert":
            return b[op.dest_pos] in vowels and op.dest_pos < len(b) - 1
        if op.tag == "delete":
            return a[op.src_pos] in vowels and op.src_pos < len(a) - 1
    return False
