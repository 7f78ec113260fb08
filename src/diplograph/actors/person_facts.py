"""What a text says about a person that a later description can be matched against: ages (``X, 71,``,
``X, 39 years old``, ``X (71)``, ``X, aged 71``, ``the 71-year-old X``), and the shape of the descriptions
that speak of a person by age alone (``the 80-year-old``, ``the 48-year-old Roman``); the order of two kin by age
(``X's elder brother Y``); the gender the text's pronouns give a person and a description, and the sector
(military, religious, business ...) a description names and a person belongs to.

Read by the descriptor pass (``descriptors``): an age description fits a person whose age the text gave only
when the ages agree (a year either way: birthdays), and is contradicted by a person the text gave another age,
or a leader whose birth year the tables hold (``data/kb/births.tsv``, REIGN and Archigos) that does not fit.
Gender and sector are features of the learned antecedent chooser (``antecedents``), not rules by themselves.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import sectors, table, word_class
from ..nlp import lower_keys_of, text_of, tokens_of
from ..records import Actor
from .aliases import surname_of, translit_key
from .state import State, positions

_AGE_MIN, _AGE_MAX = 16, 110
# a head after "the N-year-old" that reads as a verb the tagger took for a plural noun ("remembers")
_VERBAL_DEPS = frozenset({"ROOT", "conj", "relcl", "ccomp", "advcl", "xcomp"})
_YEAR = frozenset({"year", "years"})


def _number(tok: Token) -> int | None:
    if not tok.like_num or not tok.text.isdigit():
        return None
    n = int(tok.text)
    return n if _AGE_MIN <= n <= _AGE_MAX else None


def age_before(doc: Doc, i: int) -> int | None:
    """The age of ``N-year-old`` ending right before token ``i`` (tokens ``N - year - old``), else None."""
    if i < 5 or doc[i - 1].lower_ != "old" or doc[i - 2].text != "-" or doc[i - 3].lower_ not in _YEAR:
        return None
    if doc[i - 4].text != "-":
        return None
    return _number(doc[i - 5])


def age_number(doc: Doc, j: int) -> bool:
    """Token ``j`` is the number of an age or a count of times (``80-year-old``, ``three-time``): it
    characterises a person, it does not rank them (``the first runner``)."""
    return j + 2 < len(doc) and doc[j + 1].text == "-" and doc[j + 2].lower_ in ("year", "years", "time", "term")


def age_in(doc: Doc, start: int, end: int) -> int | None:
    """The age an ``N-year-old`` inside tokens [start, end) gives."""
    for j in range(start, end - 4):
        if doc[j + 1].text == "-" and doc[j + 2].lower_ in _YEAR and doc[j + 3].text == "-" and \
                doc[j + 4].lower_ == "old":
            n = _number(doc[j])
            if n is not None:
                return n
    return None


def age_head(doc: Doc, tok: Token) -> bool:
    """``tok`` ends a description that speaks of a person by age alone: ``old`` of ``the 80-year-old`` with
    no noun after it (``The 80-year-old remembers``), or one capitalised word after the age (``the
    48-year-old Roman``) that is no part of a longer name."""
    i = tok.i
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if tok.lower_ == "old":
        if age_before(doc, i + 1) is None:
            return False
        if nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.dep_ == "advmod":
            return True  # "The 74-year-old still dreams": an adverb the tagger took for a noun modifies no noun
        if nxt.pos_ != "NOUN" or nxt.tag_ != "NNS":
            return False
        # "The 38-year-old visits police stations": a plural noun with no verb after it is the verb the tagger
        # missed ("the 20-year-old students protested" keeps its noun)
        after = doc[i + 2] if i + 2 < len(doc) else None
        return nxt.dep_ in _VERBAL_DEPS or (after is not None and after.pos_ not in ("VERB", "AUX", "PUNCT", "CCONJ")
                                            and after.tag_ != "POS")
    if tok.pos_ == "PROPN" and age_before(doc, i) is not None:
        return nxt is None or nxt.pos_ != "PROPN"
    return False


def stated_age(doc: Doc, first: int, last: int) -> int | None:
    """The age the text gives the person named by tokens [first, last]: ``X, 71,``, ``X, 39 years old``,
    ``X (71)``, ``X, aged 71``, ``the 71-year-old X``."""
    n = len(doc)
    # "the 71-year-old X" of a name; not "the 83-year-old leader" an office rule took for someone
    before = age_before(doc, first) if doc[first].text[:1].isupper() else None
    if before is not None:
        return before
    k = last + 1
    if k + 1 >= n or doc[k].text not in (",", "("):
        return None
    if doc[k + 1].lower_ == "aged" and k + 2 < n:
        return _number(doc[k + 2])
    age = _number(doc[k + 1])
    if age is None:
        return None
    after = doc[k + 2] if k + 2 < n else None
    if doc[k].text == "(":
        return age if after is not None and after.text == ")" else None
    if after is None or after.text in (",", ".", ";", "—", "–") or after.lower_ == "and":
        return age
    if after.lower_ in _YEAR and k + 3 < n and doc[k + 3].lower_ == "old":
        return age
    return None


def special_head(doc: Doc, tok: Token, nouns: frozenset[str], before: frozenset[str]) -> bool:
    """A description head that is no common noun: an age alone or a capitalised word after an age
    (``age_head``), or an all-capital person noun after an age or past word (``the former MEP``, ``the young
    MP``) with no name or noun after it."""
    if age_head(doc, tok):
        return True
    if tok.i == 0 or tok.lower_ not in nouns or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("PROPN", "NOUN")):
        return False
    return tok.text.isupper() and len(tok.text) > 1 and doc[tok.i - 1].lower_ in before


def given_initial(name: str) -> str:
    """The first letter of the transliteration key of a full name's given name (``H. Aliyev`` → ``h``), ""
    for a surname alone."""
    words = [w for w in name.replace(",", " ").split() if w]
    if len(words) < 2:
        return ""
    key = translit_key(words[0].rstrip("."))
    return key[:1]


@lru_cache(maxsize=1)
def _births() -> dict[tuple[str, str], list[tuple[str, int]]]:
    out: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for r in table("kb", "births.tsv"):
        out.setdefault((r["country"], r["key"]), []).append((r.get("given") or "", int(r["born"])))
    return out


def born(country: str | None, name: str) -> int | None:
    """The birth year the tables give the leader of ``country`` with this name's surname, and its given name's
    initial when both write one (Daniel X is not Gustavo X, Ilham X not his father H. X), else None; two
    years that disagree give none."""
    if not country or not name:
        return None
    rows = _births().get((country, translit_key(surname_of(name))), [])
    # the initials of the name's other words: "Nguyen Phu Trong" is the tables' "Phu Trong"
    own = {translit_key(w.rstrip("."))[:1] for w in name.replace(",", " ").split()[:-1]} - {""}
    # a row with the name's initial first; a row of the surname alone only when none has it (Kaja X, not Siim X)
    years = {y for g, y in rows if g and g in own} or {y for g, y in rows if not g or not own}
    return years.pop() if years and max(years) - min(years) <= 1 else None


def age_fits(age: int, birth_year: int, year: int) -> bool:
    """An age said in ``year`` fits a birth year (a year either way: the birthday, the source's rounding)."""
    return abs((year - birth_year) - age) <= 1


def _person(st: State, i: int) -> Actor | None:
    a = st.out.actor_at(i)
    return a if a is not None and a.type == "person" else None


def kin_order(st: State, kin_nouns: frozenset[str], ranks: dict[str, str]) -> tuple[str, str, int] | None:
    """``X's elder brother Y`` → (older, younger, token of the kin noun): the last such pair of the text."""
    out = None
    toks = tokens_of(st.doc)
    for i in positions(st, kin_nouns):
        tok = toks[i]
        rank = next((ranks[c.lower_] for c in tok.children if c.dep_ == "amod" and c.lower_ in ranks), None)
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if rank is None or poss is None:
            continue
        x = _person(st, poss.i)
        y = _person(st, tok.i + 1) if tok.i + 1 < len(st.doc) else None
        if y is None:
            y = next((_person(st, c.i) for c in tok.children if c.dep_ == "appos" and _person(st, c.i)), None)
        if x is None or y is None or x.id == y.id:
            continue
        out = (y.id, x.id, tok.i) if rank == "older" else (x.id, y.id, tok.i)
    return out


_MALE = word_class("male_pronouns")
_FEMALE = word_class("female_pronouns")
_RELIGIOUS = frozenset({"REL", "MUS", "CHR", "HIN", "JEW", "BUD", "CTH"})
_OFFICIAL = frozenset({"GOV", "ELI"})  # a former official (ELI) is described by the offices held (GOV)


def pronoun_gender(low: str) -> str | None:
    return "m" if low in _MALE else "f" if low in _FEMALE else None


def person_genders(st: State, occurrences: list[tuple[int, int, str, bool]], sent: list[int]) -> dict[str, str]:
    """The gender the text's pronouns give each person: the first he/she/his/her after a mention, in its
    sentence or the next, before any other person is named, votes; the name's form (a female surname
    ending, a female title) counts as a vote for ``f`` (it cannot tell ``m``). Ties and no votes: unknown."""
    doc = st.doc
    n = len(doc)
    lows = lower_keys_of(doc)
    votes: dict[str, list[int]] = {}
    for ti, s, aid, _ in occurrences:
        j = ti + 1
        while j < n and sent[j] <= s + 1:
            other = st.out.token_actor.get(j)
            if other is not None and other != aid and other in st.out.actors and \
                    st.out.actors[other].type == "person":
                break
            g = pronoun_gender(lows[j][0]) if doc[j].pos_ == "PRON" else None
            if g is not None:
                v = votes.setdefault(aid, [0, 0])
                v[g == "f"] += 1
                break
            j += 1
    out: dict[str, str] = {}
    for aid, a in st.out.actors.items():
        if a.type != "person":
            continue
        m, f = votes.get(aid, [0, 0])
        if _female_form(st, a):
            f += 1
        if m != f:
            out[aid] = "m" if m > f else "f"
    return out


def _female_form(st: State, a: Actor) -> bool:
    from .names import name_gender  # the name's own form; "m" is its default, not evidence

    return name_gender(a.name, text_of(st.doc), a.mentions) == "f"  # (doc.text joins every token again)


def description_gender(doc: Doc, start: int, head: int) -> str | None:
    """The gender a description gives its person: its own noun (``the businesswoman``, ``the first woman``),
    else the first he/she/his/her after it in its sentence before any capitalised name (``the engineer with
    her Nobel``, ``the 37-year-old ... his first term``)."""
    low = doc[head].lower_
    if low.endswith("woman") or low in ("actress", "queen", "princess", "chairwoman", "spokeswoman"):
        return "f"
    if low.endswith("man") and low not in ("chairman", "spokesman"):  # "chairman" is said of women too
        return "m"
    for j in range(start, head):
        if doc[j].lower_ in ("woman", "women"):
            return "f"
    end = doc[head].sent.end
    for j in range(head + 1, min(end, head + 40)):
        t = doc[j]
        if t.pos_ == "PROPN" and t.text[:1].isupper():
            return None  # another name first: the pronoun may be theirs
        g = pronoun_gender(t.lower_) if t.pos_ == "PRON" else None
        if g is not None:
            return g
    return None


@lru_cache(maxsize=1)
def _word_sectors() -> dict[str, str]:
    return {r["word"]: r["sector"] for r in table("lexicons", "descriptor_sectors.tsv")}


def _family(code: str) -> str:
    return "REL" if code in _RELIGIOUS else "GOV" if code in _OFFICIAL else code


def phrase_sector(st: State, words: list[str]) -> str | None:
    """The sector (family) of the people a phrase names: the agent dictionaries' code of its longest
    agent phrase ending the phrase (``army commander`` → MIL), else the description table's word."""
    if not words:
        return None
    up = [w.upper() for w in words]
    for k in range(len(up)):
        hit = st.kb.longest_match(up, k)
        if hit is not None and hit[0] == len(up) and hit[1].kind == "agent" and hit[1].agent is not None:
            code = hit[1].agent.code.strip("~")[:3]
            if code in sectors():
                return _family(code)
    low = words[-1].lower()
    code = _word_sectors().get(low) or _word_sectors().get(low.rstrip("s"))
    return _family(code) if code else None


def person_sectors(st: State, a: Actor, roles: set[str]) -> set[str]:
    """The sectors (families) a person belongs to: the chunks of the actor's code after its state, what the
    text says the person is (roles), and the title the text gives them (``General``, ``Ayatollah``)."""
    out: set[str] = set()
    code = a.code or ""
    body = code[3:] if len(code) >= 6 and code[:3] not in sectors() else code
    for k in range(0, len(body) - 2, 3):
        chunk = body[k:k + 3]
        if chunk in sectors():
            out.add(_family(chunk))
    for phrase in list(roles) + [st.titles.get(a.id) or "", st.tenure_title.get(a.id) or ""]:
        sec = phrase_sector(st, phrase.split())
        if sec is not None:
            out.add(sec)
    return out
