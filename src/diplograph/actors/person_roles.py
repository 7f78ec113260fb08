"""The sector of a person on the document's date, from what the text says they are.

A person's code is a state and a sector (``KENGOV``). The tables and the title before a name give most of them,
but many people come out with a state and no sector (``Foreign Minister`` said only in apposition or in a
description bound later: ``Tajani`` … ``the foreign minister``), or with a sector the text contradicts: a
former head of state who leads an opposition party today, a general who rules. After every description,
nickname and coreference has been bound, ``mention.sector_from_text`` reads the phrases the text attaches to
each person — its descriptions (``the opposition leader``), the words before the name (``Democratic Party **
X``, ``Colonel X``, ``the interior ** X`` with the title restored), an apposition (``X, the leader of the
party,``) and a predicate (``X remains the only opposition figure``) — and settles the sector:

- a military rank or a junta (``General``, ``the junta leader``) makes a ruler or a person with no sector MIL;
- an opposition word (``the opposition leader``, ``the challenger``, ``a candidate``) makes a person whom the
  tables do not hold in office on the date OPP, and so does a party post (``the party chairman X``,
  ``<Party> ** X``) of a person the text and the tables give no office of the state;
- a present office of the state (``the foreign minister``, ``the interior ** X``) makes a person with no
  sector, or one the tables date as a former leader, GOV; a past one only (``the former prime minister``)
  ELI.

A code the tables give for the date (a head of state or government in office) is kept unless military words
say the ruler is a soldier. A person of a user dictionary keeps the dictionary's code.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..records import Actor
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule, switched_on
from .leaders import load_leaders
from .office_states import past_word, state_word
from .person_facts import phrase_sector
from .person_sides import PERSON_SIDE, organisation_post, person_side
from .state import State

SECTOR_FROM_TEXT = mention_rule("mention.sector_from_text", 0.6,
                                "a person's sector on the date is what the text's phrases about them say: "
                                "military words MIL, opposition words or a party post outside office OPP, a "
                                "present office GOV, only past offices ELI",
                                ("actors", "parse", "leaders", "lexicon:present_copulas"))

_NOT_ROLES = ("pronoun", "nickname", "sobriquet", "epithet", "honorific")
_STOP_DEPS = frozenset({"punct", "cc", "prep", "mark", "advmod", "aux", "auxpass", "neg"})
_SETTLED = frozenset({"", "GOV", "ELI", "OPP", "MIL"})  # sectors this pass may replace (not REB, JUD, BUS …)


class Phrase:
    __slots__ = ("words", "former", "sector", "party", "rank")

    def __init__(self, words: list[str], former: bool, sector: str | None, party: bool, rank: bool) -> None:
        self.words, self.former, self.sector, self.party, self.rank = words, former, sector, party, rank


def _phrase(st: State, toks: list[int]) -> Phrase | None:
    doc = st.doc
    words: list[str] = []
    for t in toks:
        if doc[t].text == PLACEHOLDER:
            idx = st.norm.redaction_at.get(doc[t].idx)
            restored = st.out.restored.get(idx) if idx is not None else None
            if restored:
                words.extend(restored.lower().split())
            continue
        if doc[t].lower_ in word_class("style_titles"):
            continue  # "Sheikh X": a style of address, no office
        words.append(doc[t].lower_)
    if not words or any(w in word_class("local_office_words") for w in words):
        return None  # no words, or a town's or a region's office: nothing of the state
    # "the then president": the office at the time the text speaks of, not the date's
    former = any(past_word(w) or w.rstrip("-") in word_class("time_anchor_words") for w in words)
    opposition = word_class("opposition_words")
    party = any(w in word_class("party_post_words") for w in words) or any(_is_party(st, t) for t in toks)
    civil = word_class("civil_general_heads")
    rank = any(w in word_class("military_rule_words") and not (w == "general" and (
        (k > 0 and words[k - 1].strip("-") in civil) or (k + 1 < len(words) and words[k + 1] in civil)))
        for k, w in enumerate(words))
    party = party or _party_acronym(st, toks) or (switched_on(PERSON_SIDE) and organisation_post(st, toks, ""))
    if any(w in opposition for w in words):
        sector: str | None = "OPP"
    elif rank:
        sector = "MIL"
    else:
        sector = phrase_sector(st, [w for w in words if w.isalpha()]) if any(w.isalpha() for w in words) else None
    if sector is None and not party:
        return None
    return Phrase(words, former, sector, party, rank)


def _party_acronym(st: State, toks: list[int]) -> bool:
    """``the CHP leader``, ``the PDCI chief``, ``the CHP ** X``: an acronym no table knows as a state before a party
    head noun or a hidden title."""
    doc = st.doc
    heads = word_class("party_leader_nouns") | {"chief", "chairman", "chairwoman"}
    for k, t in enumerate(toks[:-1]):
        w = doc[t].text
        after = doc[toks[k + 1]]
        if len(w) >= 2 and w.isalpha() and w.isupper() and (after.lower_ in heads or after.text == PLACEHOLDER) and \
                state_word(st, t) is None:
            other = st.out.actor_at(t)
            if other is None or other.type != "state":
                return True
    return False


def _is_party(st: State, t: int) -> bool:
    a = st.out.actor_at(t)
    return a is not None and a.type != "person" and "PTY" in (a.code or "")[3:]


def _name_prefix(st: State, first: int) -> list[int]:
    """The words right before a name that describe its bearer (``the party chairman``, ``Democratic Party **``,
    ``Former CCC **``): back over the noun phrase's modifiers, at most six words, never over a verb or a comma."""
    doc = st.doc
    out = []
    j = first - 1
    while j >= 0 and first - j <= 6:
        tok = doc[j]
        if tok.text != PLACEHOLDER and (tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON")):
            break
        other = st.out.actor_at(j)
        if other is not None and other.type == "person":
            break
        out.append(j)
        j -= 1
    return sorted(out)


def _subtree_until_comma(doc, head, skip: set[int]) -> list[int]:
    out = []
    for t in head.subtree:
        if t.i in skip:
            continue
        if t.dep_ == "relcl" or t.dep_ == "punct":
            continue
        out.append(t.i)
    return [i for i in out if abs(i - head.i) <= 8]


def _phrases(st: State, a: Actor, mine: list[int] | None = None) -> list[Phrase]:
    doc = st.doc
    if mine is None:
        mine = sorted(t for t, aid in st.out.token_actor.items() if aid == a.id)
    if not mine:
        return []
    # a nickname, a sobriquet or a pronoun says nothing of an office ("the Captain" is no soldier)
    said = [(m.start, m.end) for m in a.mentions if not any(k in (m.rule or "") for k in _NOT_ROLES)]
    spans: list[list[int]] = []
    cur: list[int] = []
    for t in mine:
        tok = doc[t]
        at = st.norm.to_original(tok.idx, tok.idx + len(tok))
        if not any(s <= at[0] and at[1] <= e for s, e in said):
            continue
        if cur and t != cur[-1] + 1:
            spans.append(cur)
            cur = []
        cur.append(t)
    if cur:
        spans.append(cur)
    own = {w.lower() for w in a.name.replace("-", " ").split()} | {
        w.lower() for w in st.names.get(a.id, [])} | {"-"}
    out: list[Phrase] = []
    for span in spans:
        first, last = span[0], span[-1]
        if doc[last].pos_ == "PRON":
            continue
        name = doc[last].text[:1].isupper() and doc[last].pos_ == "PROPN"
        toks: list[int] = []
        if name:  # the words of the mention that are not the person's name, and the words before it
            toks = [t for t in span if doc[t].lower_ not in own] + _name_prefix(st, first)
        else:  # a description bound to the person: its own words and those before it ("the former ...")
            toks = list(span) + _name_prefix(st, first)
        root = max((doc[t] for t in span), key=lambda x: (x.head.i < first or x.head.i > last, -x.i))
        for c in doc[last].children:
            if c.dep_ == "appos" and c.i > last:
                toks += _subtree_until_comma(doc, c, set(span))
        if root.dep_ == "appos" and root.head.i < first:
            toks += _subtree_until_comma(doc, root.head, set(span))
        p = _phrase(st, sorted(set(toks)))
        if p is not None:
            out.append(p)
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in word_class("present_copulas"):
            verb = root.head
            # "X has been prime minister six times", "X was the leader": a past predicate
            past = verb.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
            for c in verb.children:
                if c.dep_ in ("attr", "acomp") and c.i > last:
                    p = _phrase(st, sorted(set(_subtree_until_comma(doc, c, set(span)))))
                    if p is not None:
                        p.former = p.former or past
                        out.append(p)
    return out


def _in_office(st: State, a: Actor) -> bool:
    """The tables hold the person in an office of their state on the document's date."""
    if st.on is None:
        return False
    lr = load_leaders().role_on(a.name, st.on, a.country)
    return lr is not None and lr.sector == "GOV" and lr.country == a.country


def _another_office(st: State, a: Actor, present: list[Phrase]) -> bool:
    """A present office the text gives a person coded as a former leader (by the tables, a dictionary or another
    phrase: "the former prime minister, now foreign minister") is another office than the one the tables say they
    left (``the interior minister``; not ``the country's third president`` of a former president)."""
    lr = load_leaders().role_on(a.name, st.on, a.country) if st.on is not None else None
    left = set((lr.tenure.title or "").lower().split()) if lr is not None else set()
    deputy = word_class("deputy_words")
    # ``deputy prime minister`` of a former prime minister is another office: its deputy word is not in the title
    return any(p.sector == "GOV" and not p.party and (not (left & set(p.words)) or (
        set(p.words) & deputy and not left & deputy)) for p in present)


def _bare_leader(p: Phrase) -> bool:
    """``leader``, ``the leader``: a head of anything (a party, a movement), no office of the state by itself."""
    return [w for w in p.words if w not in ("the", "a", "an")] in (["leader"], ["chief"])


def sector_from_text(st: State, a: Actor, mine: list[int] | None = None) -> str | None:
    """The sector the text's phrases give the person on the date (``mine``: the person's tokens, if known), or
    None to keep the code."""
    code = a.code or ""
    cur = code[3:6]
    if cur not in _SETTLED:
        return None
    phrases = _phrases(st, a, mine)
    if mine and switched_on(PERSON_SIDE):
        post, against = person_side(st, a.id, mine)
        if post or against:  # heads a party or a movement, or acts against the government: a side, today
            phrases.append(Phrase(["opposition"] if against else ["party"], False, "OPP" if against else None,
                                  post, False))
    if not phrases:
        return None
    if cur == "GOV" and _in_office(st, a):
        return None  # the tables' holder on the date (a general who rules too: the build sets' gold says GOV)
    present = [p for p in phrases if not p.former]
    sectors = {p.sector for p in present if p.sector}
    if any(p.rank for p in present) and "REB" not in sectors:
        return "MIL"
    state_office = any(p.sector == "GOV" and not p.party and not _bare_leader(p) for p in present)
    if "OPP" in sectors:
        return "OPP"
    # a dictionary's GOV (a ruling party's officer the tables do not date) holds; a GOV only a title before the
    # name gave ("Renamo leader X") is the party's
    known = any(m.method in ("kb", "dictionary") for m in a.mentions)
    if any(p.party for p in present) and not state_office and (cur != "GOV" or not known):
        return "OPP"
    if "MIL" in sectors and cur in ("", "ELI"):
        return "MIL"
    if state_office and (cur == "" or (cur == "ELI" and _another_office(st, a, present))):
        return "GOV"
    if cur == "" and any(p.former and p.sector == "GOV" for p in phrases):
        return "ELI"
    return None


def settle_person_sectors(st: State) -> None:
    """Give every person with a state the sector the text's phrases say they hold on the date."""
    if not switched_on(SECTOR_FROM_TEXT):
        return
    tokens: dict[str, list[int]] = {}
    for t, aid in sorted(st.out.token_actor.items()):
        tokens.setdefault(aid, []).append(t)
    for a in st.out.actors.values():
        if a.type != "person" or not a.country or len(a.country) != 3 or a.country.startswith("IGO"):
            continue
        if a.code and a.code[:3] != a.country:
            continue
        sector = sector_from_text(st, a, tokens.get(a.id, []))
        if sector is not None and sector != (a.code or "")[3:6]:
            a.code = a.country + sector
