"""Naming frames as data (issue 15): the shapes in which a text gives a person a second name, written as spaCy
``Matcher`` token patterns in ``data/lexicons/naming_frames.jsonl`` rather than as code.

Each pattern marks *slots* on its tokens (see the file's header): where the nickname starts or ends, where the
person is named (a name, a title and a name, a pronoun's antecedent, the subject of the naming verb, a name in
apposition), and the naming word, whose clause is then no event. The matcher runs only on documents that hold one
of the patterns' anchor words, and returns for every matched token the pattern element it matched
(``with_alignments``), so a slot is read off the element, never off a position fitted to one phrase.

A frame binds when its nickname is a quotation or capitalised words (not an organisation's or a known actor's
name, not a slogan: ``usable`` and the checks of the general reader) and its person is one person: a person
actor, an unknown name the recogniser took for an organisation, or a run of capitalised name words the recogniser
left unread (a new person: being given a nickname makes a name a person's). The nickname and every later use of
it are the person (``epithet_uses.bind_epithet``). Rule ``mention.nickname_frame``; the frame readers in code
(``nicknames.py``, ``epithets.py``, ``nickname_reader.py``) run first and a frame never re-binds what they bound.
"""
from __future__ import annotations

import json
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..data import data_path
from ..lexicon import word_class
from ..nlp import lower_keys_of
from ..records import Actor
from ..rules import REGISTRY
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule, switched_on
from .epithet_uses import bind_epithet, usable
from .epithet_words import CLOSE, OPEN, articles, epithet_at, epithet_before, personal
from .name_forms import is_person
from .nickname_slots import actor_end, candidate, person_at
from .state import CAPITALISED, State, add_mention, drop_mentions, positions

FRAME = mention_rule("mention.nickname_frame", 0.7,
                     "a nickname given in one of the naming frames of data/lexicons/naming_frames.jsonl (goes by, "
                     "answers to, a name for P: E, real name, self-styled, alias, \"E\" to his followers, E, as X "
                     "dub P): the frame's nickname slot is its person slot's",
                     ("tokens", "parse", "actors", "patterns:naming_frames.jsonl", "lexicon:nickname_nouns",
                      "lexicon:naming_nouns", "lexicon:nickname_alias_words", "lexicon:nickname_verbs", "lexicon:title_heads"))
_SLOTS = ("cue", "anchor", "nick", "nick_closed", "nick_end", "person", "subject", "appos", "thing")
_APPOS_SKIP = (",", "(", "--", "—", "–", "the", "a", "an")


@lru_cache(maxsize=1)
def frames() -> tuple[tuple[str, tuple[dict, ...], tuple[tuple[str, ...], ...]], ...]:
    """(id, Matcher pattern, slots per element) per line of naming_frames.jsonl; ``@class`` lists expanded."""
    path = data_path("lexicons", "naming_frames.jsonl")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                row = json.loads(line)
                pattern, slots = [], []
                for el in row["pattern"]:
                    el = dict(el)
                    slot = el.pop("slot", ())
                    slot = (slot,) if isinstance(slot, str) else tuple(slot)
                    if any(s not in _SLOTS for s in slot):
                        raise ValueError(f"unknown slot in {slot}")
                    pattern.append(_expand(el))
                    slots.append(slot)
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"naming_frames.jsonl:{n}: {exc}") from None
            rows.append((row["id"], tuple(pattern), tuple(slots)))
    return tuple(rows)


def _expand(el: dict) -> dict:
    out = {}
    for key, value in el.items():
        if isinstance(value, dict):
            value = {k: _words(v) for k, v in value.items()}
        out[key] = value
    return out


def _words(v: object) -> object:
    """``"@class"`` or a list holding ``"@class"`` items: the class's words (with the list's other words)."""
    if isinstance(v, str) and v.startswith("@"):
        return sorted(word_class(v[1:]))
    if isinstance(v, list) and any(isinstance(w, str) and w.startswith("@") for w in v):
        out: set[str] = set()
        for w in v:
            out.update(word_class(w[1:]) if w.startswith("@") else (w,))
        return sorted(out)
    return v


@lru_cache(maxsize=1)
def anchors() -> frozenset[str]:
    """The words of every frame's anchor element, else of its cue (text or lemma, lower case): a document with
    none of them is not matched at all."""
    words: set[str] = set()
    for fid, pattern, slots in frames():
        cue = next((el for el, slot in zip(pattern, slots) if "anchor" in slot), None) or next(
            (el for el, slot in zip(pattern, slots) if "cue" in slot), None)
        spec = None if cue is None else (cue.get("LOWER") or cue.get("LEMMA") or cue.get("ORTH"))
        if isinstance(spec, dict) and "IN" in spec:
            words.update(w.lower() for w in spec["IN"])
        elif isinstance(spec, str):
            words.add(spec.lower())
        else:
            raise ValueError(f"naming_frames.jsonl: frame {fid} has no cue element with words")
    return frozenset(words)


def _most(op: str | None) -> int | None:
    """The most tokens a pattern element with this operator matches (None: no bound)."""
    if op is None or op in ("?", "!"):
        return 1
    if op.startswith("{") and op.endswith("}") and not op.endswith(",}"):
        return int(op[1:-1].split(",")[-1])
    return None


@lru_cache(maxsize=1)
def _reach() -> dict[str, tuple[int, int]] | None:
    """Anchor word (as ``anchors`` reads it) → how many tokens a frame anchored on it may run before and after it,
    the most over those frames; None when a frame may run on without bound or its anchor element is optional."""
    out: dict[str, tuple[int, int]] = {}
    for _, pattern, slots in frames():
        k = next((i for i, slot in enumerate(slots) if "anchor" in slot), None)
        if k is None or not pattern[k]:
            k = next((i for i, slot in enumerate(slots) if "cue" in slot), None)
        if k is None:
            return None
        spec = pattern[k].get("LOWER") or pattern[k].get("LEMMA") or pattern[k].get("ORTH")
        words = [w.lower() for w in spec["IN"]] if isinstance(spec, dict) else [spec.lower()]
        most = [_most(el.get("OP")) for el in pattern]
        if pattern[k].get("OP") is not None or None in most:
            return None
        before, after = sum(most[:k]), sum(most[k + 1:])  # type: ignore[arg-type]
        for w in words:
            b, a = out.get(w, (0, 0))
            out[w] = (max(b, before), max(a, after))
    return out


def frame_matches(doc: Doc, at: list[int]) -> list[tuple[int, int, int, list[int]]]:
    """The matcher's matches on the document (``at``: its anchor tokens), the same list in the same order as on the
    whole of it, from the tokens a frame can reach from an anchor only (windows joined where they meet): every match
    holds its anchor, the matcher has no greedy filter, so a match reads only its own tokens, and windows in text
    order give matches in the order they end. The matcher's predicates cost at every token of what it reads."""
    matcher = _matcher(doc.vocab)
    reach = _reach()
    if reach is None:
        return matcher(doc, with_alignments=True)
    lows, n = lower_keys_of(doc), len(doc)
    spans: list[tuple[int, int]] = []
    for i in at:
        b = a = 0
        for w in lows[i]:
            r = reach.get(w)
            if r is not None:
                b, a = max(b, r[0]), max(a, r[1])
        spans.append((max(0, i - b), min(n, i + a + 1)))
    windows: list[list[int]] = []
    for s, e in sorted(spans):
        if windows and s <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], e)
        else:
            windows.append([s, e])
    return [(match_id, s + start, s + end, align) for s, e in windows
            for match_id, start, end, align in matcher(doc[s:e], with_alignments=True)]


_MATCHERS: dict[int, Matcher] = {}


def _matcher(vocab: Vocab) -> Matcher:
    m = _MATCHERS.get(id(vocab))
    if m is None:
        m = Matcher(vocab)
        for fid, pattern, _ in frames():
            m.add(fid, [list(pattern)])
        _MATCHERS[id(vocab)] = m
    return m


def _candidate(st: State, a: Actor | None) -> Actor | None:
    """A person, or an unknown the recogniser took for an organisation whose name is one to three capitalised
    name words (a hyphenated one too): the frame gives it a nickname, so it is a person's name."""
    c = candidate(st, a)
    if c is not None or not _unknown_group(a):
        return c
    words = a.name.replace("-", " ").split()
    heads = word_class("non_actor_name_heads") | word_class("named_thing_heads") | word_class("media_name_heads") \
        | word_class("organisation_name_heads")
    if 1 <= len(words) <= 4 and all(w.isalpha() and CAPITALISED.match(w) and not w.isupper() for w in words) \
            and not any(w.lower() in heads for w in words) and len(a.name.split()) <= 3 and (
            len(words) >= 2 or "-" in a.name):
        return a
    return None


def _subject(st: State, tok: Token, ep: tuple[int, int]) -> Actor | None:
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    a = person_at(st, subj, ep) if subj is not None else None
    if a is not None:
        return a
    j = tok.i - 1
    while j >= 0 and (st.doc[j].text == "," or st.doc[j].pos_ in ("ADV", "AUX") or st.doc[j].lower_ in (
            "who", "also", "that")):
        j -= 1
    return _candidate(st, st.out.actor_at(j)) if j >= 0 and not (ep[0] <= j < ep[1]) else None


def _name_from(st: State, i: int, ep: tuple[int, int]) -> Actor | None:
    """The person named from token ``i`` on: a person or a pronoun there, or over a title or two capitalised
    words to the first name; a run of capitalised words nothing read (``Rector Anselm Gruber``) is a new person."""
    doc = st.doc
    end = min(len(doc), i + 5)
    for j in range(i, end):
        if ep[0] <= j < ep[1]:
            return None
        a = person_at(st, doc[j], ep) or _candidate(st, st.out.actor_at(j))
        if a is not None:
            return a
        if doc[j].lower_ in word_class("title_heads") | word_class("courtesy_titles"):
            continue  # "Mayor P": over the title, whoever holds its word
        if j == i and doc[j].pos_ == "NOUN" and doc[j].text.islower():
            continue  # "councillor P": over one lower-case role noun
        if not CAPITALISED.match(doc[j].text) or doc[j].text == PLACEHOLDER or st.out.actor_at(j) is not None:
            break
    return _unread_name(st, i, ep)


def _unread_name(st: State, i: int, ep: tuple[int, int]) -> Actor | None:
    """Two to four capitalised proper nouns from ``i`` (over a title the tables know) that no actor holds and no
    dictionary reads as a place: a person's name the recogniser missed."""
    doc = st.doc
    titles = word_class("title_heads") | word_class("courtesy_titles")
    j = i
    while j < len(doc) and doc[j].lower_ in titles:
        j += 1
    k = j
    while k < len(doc) and k - j < 4 and doc[k].pos_ == "PROPN" and CAPITALISED.match(doc[k].text) and \
            doc[k].text != PLACEHOLDER and k not in st.hits and not (ep[0] <= k < ep[1]) and (
            _absorbable(st, k) or (st.out.actor_at(k) is None and doc[k].ent_type_ not in (
                "GPE", "LOC", "NORP", "DATE", "ORG"))):
        k += 1
        while k + 1 < len(doc) and doc[k].text in ("-", "‑") and CAPITALISED.match(doc[k + 1].text):
            k += 2  # a hyphenated surname
    words = [t.text for t in doc[j:k] if t.text not in ("-", "‑")]
    if not 2 <= len(words) <= 4 or (k < len(doc) and doc[k].pos_ == "PROPN" and CAPITALISED.match(doc[k].text)):
        return None
    from .person_codes import new_person

    for aid in {st.out.token_actor.get(t) for t in range(j, k)} - {None}:
        drop_mentions(st, aid, j, k)  # the unknown organisation the recogniser made of part of the name
    key = new_person(st, doc[j:k].text, None, at=j)
    add_mention(st, j, k, key, "alias", REGISTRY[FRAME].confidence, FRAME)
    return st.out.actors.get(key[0])


def _absorbable(st: State, k: int) -> bool:
    """Token ``k`` is held by an unknown organisation the recogniser made of a name word."""
    a = st.out.actor_at(k)
    return _unknown_group(a) and all(w.isalpha() and CAPITALISED.match(w) for w in a.name.replace("-", " ").split())


def _unknown_group(a: Actor | None) -> bool:
    """An organisation the knowledge base does not know: no code, a sector alone, or a state alone (located)."""
    return a is not None and a.type == "group" and bool(a.mentions) and (
        a.country is None or a.code in (None, a.country))


def _appos(st: State, first: int, ep: tuple[int, int]) -> Actor | None:
    """A person right before ``first`` (``P, alias E``; ``P, the self-styled E``), else in apposition right after
    the nickname (``the self-styled E, P,``)."""
    doc = st.doc
    j = first - 1
    while j > 0 and doc[j].lower_ in _APPOS_SKIP and j >= first - 3:
        j -= 1
    if j >= 0:
        a = _candidate(st, st.out.actor_at(j))
        if a is not None and not (ep[0] <= j < ep[1]):
            return a
    i = ep[1] + (ep[1] < len(doc) and doc[ep[1]].text in CLOSE)
    if i + 1 < len(doc) and doc[i].text in (",", "("):
        a = _name_from(st, i + 1, ep)
        if a is not None:
            e = actor_end(st, i + 1) if st.out.actor_at(i + 1) is not None else i + 2
            if e >= len(doc) or doc[e].text in (",", ")", ".", ";", "--", "—", "–") or is_person(a):
                return a
    return None


def _read(st: State, start: int, aligned: list[tuple[int, tuple[str, ...]]]) -> tuple[
        tuple[int, int], Actor | None, int | None] | None:
    """The nickname, the person and the cue token of one match (``aligned``: each token and its slots)."""
    doc = st.doc
    ep = None
    cue = None
    for i, slots in aligned:
        if "nick" in slots and ep is None:
            ep = epithet_at(doc, i)
        if "nick_closed" in slots and ep is None:
            ep = _closed(doc, i)
        if "nick_end" in slots and ep is None:
            ep = epithet_before(doc, i)
        if "cue" in slots and cue is None:
            cue = i
    if ep is None:
        return None
    if any("thing" in slots for _, slots in aligned):
        return ep, None, cue  # a name given to a thing: no person (see ``_unname``)
    person = None
    seen: set[str] = set()
    for i, slots in aligned:
        if "person" in slots and "person" not in seen:
            seen.add("person")
            person = person or _name_from(st, i, ep)
        if "subject" in slots and "subject" not in seen:
            seen.add("subject")
            person = person or _subject(st, doc[i], ep)
        if "appos" in slots and "appos" not in seen:
            seen.add("appos")
            person = person or _appos(st, start, ep)
    return (ep, person, cue) if person is not None else None


def _closed(doc: Doc, i: int) -> tuple[int, int] | None:
    """The nickname from token ``i`` (its first word capitalised or an article) when a comma, a parenthesis, a full stop, a semicolon or a dash follows it
    (after its closing quote): a name set off in apposition, not the start of a longer phrase."""
    ep = epithet_at(doc, i)
    if ep is None or not (CAPITALISED.match(doc[ep[0]].text) or doc[ep[0]].lower_ in articles()):
        return None  # "P, 'traitor', ...": a word quoted, not a name
    j = ep[1] + (ep[1] < len(doc) and doc[ep[1]].text in CLOSE)
    return ep if j >= len(doc) or doc[j].text in (",", ")", ".", ";", "--", "—", "–", "-") else None


def _fit(st: State, ep: tuple[int, int], person: Actor) -> bool:
    """A name, not a slogan or a thing: capitalised or quoted words with a noun, none a placeholder, not
    already some other known actor's name, not an office title (``the President``)."""
    doc = st.doc
    words = [t for t in doc[ep[0]:ep[1]] if t.lower_ not in articles() and t.text not in OPEN + CLOSE]
    if not words or not any(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in words):
        return False
    quoted_ = ep[0] > 0 and doc[ep[0] - 1].text in OPEN
    if not quoted_ and not any(CAPITALISED.match(t.text) for t in words):
        return False
    if len(words) == 1 and words[0].lower_ in word_class("title_heads"):
        return False
    return usable(st, ep, person)


def bind_frames(st: State) -> None:
    """Every naming frame of the data file in the document, bound (after the frame readers in code)."""
    if not switched_on(FRAME):
        return
    at = positions(st, anchors(), anchors())
    if not at:
        return
    doc: Doc = st.doc
    slots_of = {doc.vocab.strings[fid]: slots for fid, _, slots in frames()}
    done: set[tuple[int, int]] = set()
    for match_id, start, end, align in frame_matches(doc, at):
        slots = slots_of[match_id]
        got = _read(st, start, [(start + k, slots[a]) for k, a in enumerate(align)])
        if got is None:
            continue
        ep, person, cue = got
        if ep in done or any(doc[t].text == PLACEHOLDER for t in range(*ep)):
            continue
        if person is None:
            done.add(ep)
            _unname(st, ep)
            continue
        owners = {st.out.token_actor.get(t) for t in range(*ep) if doc[t].lower_ not in articles()}
        if owners == {person.id}:
            done.add(ep)
            continue
        if any(is_person(st.out.actors.get(o)) and o != person.id and not _weak_name(st, o, ep)
               for o in owners if o is not None):
            continue  # a reader in code gave these words to someone else
        if not _fit(st, ep, person):
            continue
        person = personal(st, person) or person
        if person.type == "group":
            person.type = "person"  # an unknown name given a nickname (see ``_candidate``)
        done.add(ep)
        if cue is not None:
            st.out.not_events.add(cue)
        bind_epithet(st, ep, person, FRAME)


def _weak_name(st: State, aid: str, ep: tuple[int, int]) -> bool:
    """An actor the recogniser made of the nickname's own words (``the Ghost`` read as a new person)."""
    a = st.out.actors.get(aid)
    if a is None:
        return True
    key = {t.lower_ for t in st.doc[ep[0]:ep[1]]}
    return all(w.lower() in key for w in a.name.split())


def _unname(st: State, ep: tuple[int, int]) -> None:
    """A name the text gives a thing (``called the operation "E"``, ``the offensive, known as "E"``): a person the
    recogniser made of those words alone, with no code, is no actor, here and wherever the words recur."""
    doc = st.doc
    key = [t.lower_ for t in doc[ep[0]:ep[1]] if t.lower_ not in articles() and t.text not in OPEN + CLOSE]
    if not key:
        return
    for aid in {st.out.token_actor.get(t) for t in range(*ep)} - {None}:
        a = st.out.actors.get(aid)
        if a is None or a.type != "person" or a.code is not None or not all(
                [w.lower() for w in m.text.strip("\"“”'‘’").split() if w.lower() not in articles()] == key
                for m in a.mentions):
            continue
        del st.out.actors[aid]
        for t in [t for t, o in st.out.token_actor.items() if o == aid]:
            del st.out.token_actor[t]
        st.revision += 1
