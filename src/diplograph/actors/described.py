"""Where a document names its people so far and what it says they are (roles in apposition or predicate,
``former``, the age it gives): read by the descriptor pass (``descriptors``) and its rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..nlp import lower_keys_of, pos_of, sentence_index, tokens_of
from . import person_facts
from .description import NOUNS, PAST, person_at, personal
from .state import State

WINDOW = 3  # sentences back
COPULAS = frozenset({"be", "become", "remain"})  # "X is/became/remains a former banker"


@dataclass
class People:
    """Where the document names its people so far, and what it says they are."""

    sent: list[int]  # per token, its sentence's ordinal
    occurrences: list[tuple[int, int, str, bool]] = field(default_factory=list)  # token, sentence, actor, subject
    roles: dict[str, set[str]] = field(default_factory=dict)
    former: set[str] = field(default_factory=set)
    ages: dict[str, int] = field(default_factory=dict)  # the age the text gave a person (X, 71, ...)
    genders: dict[str, str] | None = None  # the gender pronouns give a person (read when first needed)

    def ranked(self, st: State, before: int, fits) -> list[tuple[float, float, str]]:
        """(fit, salience, actor) of the people named in the window before token ``before``, best first."""
        si = self.sent[before]
        best: dict[str, float] = {}
        for ti, s, aid, subj in self.occurrences:
            if ti >= before or si - s > WINDOW or aid not in st.out.actors:
                continue
            v = -2.0 * (si - s) + (1.0 if subj else 0.0) + 0.001 * ti
            best[aid] = max(best.get(aid, -99.0), v)
        out = []
        for aid, sal in best.items():
            f = fits(st.out.actors[aid])
            if f is not None:
                out.append((f, sal, aid))
        return sorted(out, reverse=True)



def read_people(st: State) -> People:
    doc = st.doc
    p = People(sentence_index(doc))
    toks = tokens_of(doc)
    for i in sorted(st.out.token_actor):  # the tokens of a person are among the tokens of an actor
        a = person_at(st, i)
        if a is None:
            continue
        tok = toks[i]
        last = tok.i + 1 >= len(doc) or st.out.token_actor.get(tok.i + 1) != a.id
        if last:
            j = tok.i
            while j - 1 >= 0 and st.out.token_actor.get(j - 1) == a.id:
                j -= 1
            subj = any(doc[t].dep_ in ("nsubj", "nsubjpass") for t in range(j, tok.i + 1))
            p.occurrences.append((tok.i, p.sent[tok.i], a.id, subj))
            if any(doc[t].lower_ in PAST for t in range(max(0, j - 3), tok.i + 1)):
                p.former.add(a.id)  # "the former premier X"
            age = person_facts.stated_age(doc, j, tok.i)
            if age is not None:
                p.ages.setdefault(a.id, age)
    return p



def remember(people: People, aid: str, title: str, head: str, past: bool) -> None:
    roles = people.roles.setdefault(aid, set())
    roles |= {title, head}
    if past:
        people.former.add(aid)


def predications(st: State) -> list[tuple[int, str]]:
    """(head token, person) of each noun phrase headed by a personal noun that the text says of a named person:
    ``P, a former banker,`` (apposition), ``P is an economist`` / ``P, who was a general`` (predicate)."""
    pos, lows = pos_of(st.doc), lower_keys_of(st.doc)
    out = []
    for tok in tokens_of(st.doc):
        if pos[tok.i] != "NOUN" or not (lows[tok.i][1] in NOUNS or personal(tok)):
            continue
        p = None
        if tok.dep_ == "appos":
            p = person_at(st, tok.head.i)
        elif tok.dep_ == "attr" and tok.head.lemma_ in COPULAS:
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                p = person_at(st, subj.i)
                if p is None and subj.lower_ in ("who", "that") and tok.head.dep_ == "relcl":
                    p = person_at(st, tok.head.head.i)
        if p is not None:
            out.append((tok.i, p.id))
    return out


def read_predicates(st: State, people: People) -> None:
    """``P, a former banker,`` / ``P, who was a general`` / ``P is an economist``: what the text says P is."""
    for i, aid in predications(st):
        tok = st.doc[i]
        words = {st.doc[t].lower_ for t in range(tok.left_edge.i, tok.i)}
        comp = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < tok.i]
        remember(people, aid, " ".join(comp + [tok.lemma_.lower()]), tok.lemma_.lower(), bool(words & PAST))
