"""Office descriptions the earlier passes left unbound, bound by scoring the people the text points at.

``Mirzoyan has the thankless job of selling the deal. The Armenian foreign minister flew on to Brussels``, ``Díaz
knows her electorate is drifting away, and the labour minister cannot afford ...``, ``the CSU chief``, ``the mayor
of <town>``, ``the head of government``: a definite description of an office whose holder neither the text's
title readers nor the tables gave (a minister the tables do not list, a party's chief, a town's mayor), or gave
from the wrong state. One procedure for every such office:

1. **the description** (``descriptions``): ``the|<state>'s [modifiers] <office noun> [of <complement>]`` — an
   office noun of the lexicon classes ``title_heads`` / ``office_description_heads`` / ``leader_nouns``, its
   modifiers (a nationality, a party's name, a portfolio, ``deputy``), never a generic one (``any``, ``next``,
   ``future``: ``office_generic_modifiers``), a past one (``former``: the former-holder pass's) or a plural;
2. **its state** (``description_state``): a state word or possessor among its words or its ``of`` complement,
   else the document's focus state (``office_focus``), the one procedure every office rule uses;
3. **the candidates**: the people named in the description's sentence before it and in the three before, and the
   person now bound to it;
4. **the score** (``_score``): what the text says the person is (an apposition, a title before the name, a
   relative clause: the description's office words, or an office of the same kind), the tables' holder of that
   office of that state on the date, a party or body named with the description and with the person, the state
   (another state's person is no candidate), recency (the last person named, the one before), gender, and an
   office the text or the tables give the person that is another office (a minister is not ``the president``).

The best candidate is bound when its score reaches ``THRESHOLD`` and beats the next by ``MARGIN``; a description
an earlier rule already bound to a person (coreference's guess, the tables' holder of a state it guessed) moves
only to a candidate that beats that person by ``MARGIN``. A description naming no one specific stays as it was.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..lexicon import word_class
from ..nlp import sentence_index, sentences_of, tokens_of
from ..records import Actor
from ..rules import REGISTRY
from .decide import mention_rule, switched_on
from .leaders import load_leaders
from .office_focus import focus_state
from .office_named import canonical_office, office_kind, same_office, text_offices
from .office_states import possessor_state, state_word
from .spelling import shared_units
from .state import State, add_mention, drop_mentions, key_of, positions, state_at

SCORED = mention_rule("mention.office_holder_scored", 0.55,
                      "an office description no earlier rule bound to its holder is the person the text points at: "
                      "candidates named in the last sentences, scored by the office the text or the tables give "
                      "them, the state, a party named with both, recency and gender",
                      ("actors", "leaders", "lexicon:title_heads", "lexicon:office_description_heads"))

# Bindings of earlier rules that are guesses this pass may revise (coreference's nearest person, the tables'
# holder of a state guessed from the document, a role of a state); a person bound by a title, a name or the
# text's own office reader keeps it.
REVISABLE = frozenset({"mention.coref_descriptor", "mention.office_holder_kb", "mention.office_holder_focus",
                       "mention.descriptor_place", "mention.descriptor_sector", "mention.sector_noun",
                       "mention.kb_phrase", "mention.unresolved_located", "mention.unknown_entity",
                       "mention.person_new"})

THRESHOLD = 2.0  # e.g. the last person named (1.0) of the description's state (0.5) whose words name it (2.0)
MARGIN = 1.0
SENTENCES_BACK = 3
# Words before a name or in its apposition that make the office another one (a deputy's, a past holder's)
_QUALIFIERS = frozenset({"vice", "deputy", "former", "ex", "ex-", "acting", "late", "then"})
TRACE: list | None = None  # benchmarks/debugging: (description, current, scored candidates)


@dataclass
class Description:
    start: int  # first token (the determiner or the possessor)
    head: int  # the office noun
    end: int  # one past the last token (the ``of`` complement included)
    words: tuple[str, ...]  # the office's own words, lower case (``foreign``, ``minister``)
    bodies: tuple[str, ...]  # capitalised words naming a party or body (``CSU``), not a state
    state: str | None  # written in the description
    title: str  # canonical office (``foreign minister``, ``head of government``)
    gender: str | None  # "f" / "m" when the office says so


def _heads() -> frozenset[str]:
    return (word_class("title_heads") | word_class("office_description_heads")
            | frozenset(w for w in word_class("leader_nouns") if " " not in w))


def descriptions(st: State) -> list[Description]:
    doc = st.doc
    toks = tokens_of(doc)
    out = []
    for h in positions(st, _heads()):
        tok = toks[h]
        if tok.tag_ in ("NNS", "NNPS") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if h + 1 < len(doc) and toks[h + 1].whitespace_ == "" and toks[h + 1].text in ("-", "–"):
            continue  # "commander-in-chief": the last word heads it
        nxt = st.out.actor_at(h + 1) if h + 1 < len(doc) else None
        if nxt is not None and nxt.type == "person" and nxt is not st.out.actor_at(h):
            continue  # "Foreign Minister X": a title before a name
        d = _read(st, h)
        if d is not None and d.title != "head":  # "the head": of what, the text does not say
            out.append(d)
    return out


def _read(st: State, h: int) -> Description | None:
    doc = st.doc
    toks = tokens_of(doc)
    words: list[str] = [toks[h].lower_]
    bodies: list[str] = []
    state: str | None = None
    gender = _gender_of(toks[h].lower_)
    j = h - 1
    start = None
    while j >= 0 and h - j <= 6:
        t = toks[j]
        low = t.lower_
        if low in word_class("office_generic_modifiers") or low in word_class("former_words"):
            return None
        if low in word_class("office_determiners"):
            start = j
            break
        if low in ("'s", "’s") and j >= 1:
            owner = possessor_state(st, j - 1)
            if owner is None:
                return None  # "Rubio's president", "the party's chief": not a state's office
            state, start = state or owner, j - 1
            break
        if t.is_punct and not (t.text in ("-", "–") and t.whitespace_ == ""):
            return None
        if t.pos_ in ("VERB", "AUX", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "NUM") and not \
                (low == "in" and toks[j + 1].text in ("-", "–")):
            return None
        c = state_word(st, j) or state_at(st, j)
        if c is not None:
            state = state or c
        elif t.text[:1].isupper() and low not in word_class("office_words"):
            bodies.append(t.text)
        elif t.pos_ == "ADJ" and low not in word_class("office_words") | word_class("portfolio_words") | \
                word_class("other_office_modifiers"):
            gender = gender or _gender_of(low)  # "the outspoken monarch": a word about the holder, not the office
        elif t.is_alpha:
            words.insert(0, low)
            gender = gender or _gender_of(low)
        j -= 1
    if start is None:
        return None
    end = h + 1
    if end + 1 < len(doc) and toks[end].lower_ == "of":  # "the head of government", "the mayor of <town>"
        k = end + 1
        kept = len(words)
        words.append("of")
        while k < len(doc) and k - end <= 6 and toks[k].pos_ not in ("VERB", "AUX") and (
                not toks[k].is_punct or (toks[k].text in ("-", "–") and toks[k - 1].whitespace_ == "")):
            if toks[k].is_punct:
                k += 1
                continue
            if toks[k].pos_ not in ("DET", "ADP") or toks[k].lower_ == "of":
                c = state_word(st, k) or state_at(st, k)
                if c is not None:
                    state = state or c
                elif toks[k].text[:1].isupper():
                    bodies.append(toks[k].text)
                else:
                    words.append(toks[k].lower_)
            k += 1
        if k > end + 2:
            end = k
        else:
            del words[kept:]
    while words and words[-1] == "of":  # "the mayor of <town>": the office is the mayor's, the town its body
        words.pop()
    if any(low in word_class("other_office_modifiers") for low in words[:-1]) and not bodies:
        return None  # "the regional president": another body's office, whose body the text does not name
    title = canonical_office(" ".join(w for w in words))
    return Description(start, h, end, tuple(words), tuple(bodies), state, title, gender)


def _gender_of(low: str) -> str | None:
    if low in word_class("female_office_words"):
        return "f"
    if low in word_class("male_office_words"):
        return "m"
    return None


def _runs(tokens: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for t in tokens:
        if runs and t == runs[-1][1]:
            runs[-1] = (runs[-1][0], t + 1)
        else:
            runs.append((t, t + 1))
    return runs


def _said_words(st: State, runs: list[tuple[int, int]]) -> list[list[str]]:
    """What the text says of a person at each of their mentions: the mention's own words (a title inside it), the
    title right before the name, the apposition or relative clause right after it (to the next comma); one
    lower-case word list a window."""
    toks = tokens_of(st.doc)
    sents = sentences_of(st.doc)
    sidx = sentence_index(st.doc)
    out: list[list[str]] = []
    for s, e in runs:
        sent = sents[sidx[s]]
        out.append([toks[k].lower_ for k in range(s, e)])  # "Zambian President X": a title inside the mention
        k = s - 1
        window: list[str] = []
        while k >= sent.start and s - k <= 3 and (not toks[k].is_punct or toks[k].text == "**"):
            window.insert(0, toks[k].lower_)
            k -= 1
        if window:
            out.append(window)
        if e < sent.end and (toks[e].text in (",", "(") or toks[e].lower_ in ("who", "whom")):
            k = e + 1
            window = []
            while k < sent.end and k - e <= 14 and toks[k].text not in (",", ")", ";", ":"):
                window.append(toks[k].lower_)
                k += 1
            out.append(window)
    return out


def _says_office(window: list[str], content: list[str], head: str) -> bool:
    """The window names the description's office: all its words, and no qualifier (``vice``, ``former``) right
    before its head word."""
    if not all(w in window for w in content):
        return False
    at = [k for k, w in enumerate(window) if w == head]
    return any((k == 0 or window[k - 1] not in _QUALIFIERS)  # not "Vice-President X"
               and (k + 1 >= len(window) or window[k + 1] not in ("'s", "’s"))  # not "the president's confidant"
               for k in at)


def _score(st: State, d: Description, p: Actor, rank: int, far: bool, runs: list[tuple[int, int]],
           state: str | None, holder: str | None, body_people: set[str]) -> tuple[float, bool] | None:
    """How well person ``p`` fits the description, and whether anything but recency and the state says so; None
    when they cannot hold it."""
    if state and p.country != state and (p.country or d.state):
        return None  # another state's person; for a state the description writes, a person of no known state too
    g = st.gender.get(p.id)
    if d.gender and g and g[:1] != d.gender:
        return None
    score = {0: 1.5, 1: 0.5}.get(rank, 0.0) - (0.5 if far else 0.0)
    if state and p.country == state:
        score += 0.5
    windows = _said_words(st, runs)
    content = [w for w in d.words if w not in ("of", "the", "-", "in")]
    offices = [t for t, _, past in text_offices(st).get(p.id, []) if not past]
    title = st.titles.get(p.id) or ""
    head = st.doc[d.head].lower_
    evidence = False
    said = {w for window in windows for w in window}
    fields = set(d.words) & word_class("portfolio_words")
    if any(_says_office(w, content, head) for w in windows) or any(
            same_office(d.title, t) or (fields and fields <= set(t.split())) for t in offices + [title] if t):
        score += 2.0  # the text calls them by this office (or by its ministry's field: "Intelligence ** X")
        evidence = True
    elif not (d.bodies and (p.id in body_people or any(b.lower() in said for b in d.bodies))) and (
            (said & word_class("distinct_office_heads")) - set(d.words) or offices):
        score -= 1.0  # the text gives them another state office (a post of a party named with them may go with it)
    if d.bodies and any(b.lower() in said for b in d.bodies):
        score += 1.0
        evidence = True
    elif d.bodies and p.id in body_people:
        score += 0.5  # named in a sentence with the party or body
        evidence = True
    tenure = st.tenure_title.get(p.id)
    if _holds(st, p, d, state, holder):
        score += 2.5 + (1.0 if not evidence and ((said & word_class("distinct_office_heads")) - set(d.words)
                                                 or offices) else 0.0)
        evidence = True  # the tables' holder: another word the text says of them does not count against it
    elif holder is not None and d.title in kin_titles():
        score -= 1.0  # the tables name another holder of this office of this state on the date
    elif tenure:
        if same_office(d.title, tenure.lower()):
            score += 2.0
            evidence = True
        elif office_kind(canonical_office(tenure)) is not None:
            score -= 1.5  # the tables make them a head of state or government on the date: not another office
    return score, evidence


def _holds(st: State, p: Actor, d: Description, state: str | None, holder: str | None) -> bool:
    """``p`` is the tables' holder of the description's office of its state on the date (by the holder's name, or
    by the tenure the tables gave ``p``: the same holder spelt another way)."""
    if holder is not None and shared_units(p.name, holder) >= 1:
        return True
    tenure = st.tenure_title.get(p.id)
    return (tenure is not None and state is not None and p.country == state and d.title in kin_titles()
            and same_office(d.title, tenure.lower()))


def kin_titles() -> frozenset[str]:
    """Offices the tables hold for every state (a head of state or government, a leader): another table office of
    a person then says they do not hold this one."""
    return frozenset({"president", "prime minister", "premier", "head of state", "head of government", "king",
                      "queen", "monarch", "emir", "chancellor", "leader", "ruler"}) | word_class("leader_nouns")


def _current(st: State, d: Description) -> tuple[Actor | None, str | None]:
    """The actor now bound at the description's head and the rule of that mention."""
    a = st.out.actor_at(d.head)
    if a is None:
        return None, None
    tok = st.doc[d.head]
    s, e = st.norm.to_original(tok.idx, tok.idx + len(tok))
    m = next((m for m in a.mentions if m.start <= s and e <= m.end), None)
    return a, (m.rule if m is not None else None)


def bind_office_descriptions(st: State) -> None:
    if not switched_on(SCORED):
        return
    found = descriptions(st)
    if not found:
        return
    sidx = sentence_index(st.doc)
    people: dict[str, list[int]] = {}
    for t, aid in st.out.token_actor.items():
        a = st.out.actors.get(aid)
        if a is not None and a.type == "person":
            people.setdefault(aid, []).append(t)
    for toks in people.values():
        toks.sort()
    for d in found:
        cur, rule = _current(st, d)
        named = st.out.actor_at(d.start - 2) if d.start >= 2 and st.doc[d.start - 1].text == "," else None
        if named is not None and named.type == "person":
            continue  # "X, the <office>,": an apposition, the apposition readers' (it says what X is)
        if cur is not None and cur.type == "person" and rule not in REVISABLE:
            continue
        if cur is not None and cur.type in ("state", "group") and rule not in REVISABLE:
            continue
        state = d.state or focus_state(st)
        first = sidx[d.start] - SENTENCES_BACK
        before: list[tuple[int, str]] = []
        for pid, toks in people.items():
            k = bisect_left(toks, d.start) - 1
            if k >= 0 and sidx[toks[k]] >= first and pid in st.out.actors:
                before.append((toks[k], pid))
        before.sort(reverse=True)
        holder = None
        if state and d.title in kin_titles() | {"head of state", "head of government"}:
            h = load_leaders().holder(state, st.on, d.title)
            holder = h.leader if h is not None else None
        if cur is not None and cur.type == "person" and _holds(st, cur, d, state, holder):
            continue  # the tables' holder of this office of this state: what the earlier rule chose stands
        body_people = _body_people(st, d, people)
        scored: list[tuple[float, bool, str]] = []
        for rank, (last, pid) in enumerate(before):
            p = st.out.actors[pid]
            runs = _runs([t for t in people[pid] if t < d.start])
            got = _score(st, d, p, rank, sidx[d.start] - sidx[last] > 1, runs, state, holder, body_people)
            if got is not None:
                scored.append((got[0], got[1], pid))
        if cur is not None and cur.type == "person" and all(pid != cur.id for _, _, pid in scored):
            runs = _runs([t for t in people.get(cur.id, []) if t < d.start])
            got = _score(st, d, cur, 9, True, runs, state, holder, body_people)
            scored.append((got[0], got[1], cur.id) if got is not None else (-9.0, False, cur.id))
        if not scored:
            continue
        scored.sort(reverse=True)
        if TRACE is not None:
            TRACE.append((st.doc[d.start:d.end].text, d, cur.name if cur else None, rule,
                          [(round(x, 2), e, st.out.actors[q].name) for x, e, q in scored]))
        best, evidence, pid = scored[0]
        second = scored[1][0] if len(scored) > 1 else -9.0
        if best < THRESHOLD or best - second < MARGIN or (cur is not None and pid == cur.id):
            continue
        if cur is not None and cur.type == "person" and not evidence:
            continue  # a person an earlier rule chose yields only to what the text or the tables say
        if not evidence and (state is None or st.out.actors[pid].country != state):
            continue  # recency alone binds only a person of the description's state (not a name of no known state)
        person = st.out.actors[pid]
        for t in range(d.start, d.end):
            other = st.out.token_actor.get(t)
            if other is not None and other != pid and other in st.out.actors:
                drop_mentions(st, other, d.start, d.end)
        add_mention(st, d.start, d.end, key_of(person), "coref", REGISTRY[SCORED].confidence, SCORED)
        people[pid] = sorted(set(people[pid]) | set(range(d.start, d.end)))


def _body_people(st: State, d: Description, people: dict[str, list[int]]) -> set[str]:
    """The people named in a sentence that also names one of the description's parties or bodies."""
    if not d.bodies:
        return set()
    sidx = sentence_index(st.doc)
    sents = {sidx[t] for t in positions(st, [b.lower() for b in d.bodies]) if t < d.start}
    return {pid for pid, toks in people.items() if any(sidx[t] in sents for t in toks)}
