"""Rule-based coreference over the parse: pronouns, definite descriptions, plural references.

``he``/``his``/``him`` → the most salient person before it; ``the old man``, ``the former
president``, ``the president`` → the salient person whose role agrees (former or current);
``its`` → the most recent state or organisation; ``the two sides``/``both countries`` → the
two most salient actors of the preceding sentences. Salience: recency (by sentence), being a
subject, and the number of mentions so far. Gender is used when known.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..lexicon import table, word_class
from ..nlp import lower_keys_of, sentence_index, tokens_of
from ..records import Actor
from .decide import mention_rule, switched_on

MALE = word_class("male_pronouns")
FEMALE = word_class("female_pronouns")
PERSON_NOUNS = word_class("person_nouns")
FORMER_ADJ = word_class("former_adjectives")
CURRENT_ADJ = word_class("current_adjectives")
PLURAL_NOUNS = {r["noun"]: r["kind"] for r in table("lexicons", "plural_references.tsv")}
DEFINITE = word_class("definite_determiners")
REFLEXIVE = word_class("reflexive_pronouns")
VAGUE_NOUNS = word_class("vague_person_nouns")
PAIR_WORDS = word_class("pair_words")

PRONOUN = mention_rule("mention.coref_pronoun", 0.75,
                       "he/she/him/her → the most salient person before it of that gender (not the clause's subject "
                       "for an object pronoun)",
                       ("parse", "actors", "lexicon:male_pronouns", "lexicon:female_pronouns"))
ITS = mention_rule("mention.coref_its", 0.55, "a possessive 'its' → the most recent state, IGO or group",
                   ("parse", "actors"))
DESCRIPTOR = mention_rule("mention.coref_descriptor", 0.65,
                          "the old man, the former president, the president → the salient person whose office agrees",
                          ("parse", "actors", "lexicon:person_nouns", "lexicon:former_adjectives",
                           "lexicon:current_adjectives"))
PLURAL = mention_rule("mention.coref_plural", 0.5, "the two sides, both countries → the two most salient actors",
                      ("parse", "actors", "lexicon:plural_references"))


@dataclass
class Salience:
    """What the document has said so far, in order: one row per resolved mention."""

    seen: list[tuple[int, int, str, bool]] = field(default_factory=list)  # token, sentence, actor, subject

    def add(self, tok: Token, aid: str) -> None:
        self.seen.append((tok.i, _sent_index(tok), aid, tok.dep_ in ("nsubj", "nsubjpass")))

    def ranked(self, before: Token, ok, window: int = 3, exclude: set[str] | None = None) -> list[str]:
        si = _sent_index(before)
        score: dict[str, float] = {}
        for ti, s, aid, subj in self.seen:
            if ti >= before.i or si - s > window or (exclude and aid in exclude) or not ok(aid):
                continue
            # Recency by sentence dominates; subjects and frequent actors come next; the last mention breaks ties.
            v = -2.0 * (si - s) + (1.0 if subj else 0.0) + 0.001 * ti
            score[aid] = max(score.get(aid, -99.0), v) + 0.2
        return sorted(score, key=lambda a: -score[a])


def _sent_index(tok: Token) -> int:
    """Ordinal of the token's sentence (sentences are numbered once per document)."""
    return sentence_index(tok.doc)[tok.i]


@dataclass
class CorefLink:
    start: int
    end: int
    actors: list[str]
    confidence: float
    rule: str = ""  # the coreference rule that made the link


def _is_former(a: Actor) -> bool:
    return bool(a.code and a.code.endswith("ELI"))


def _clause_subject_actor(tok: Token, token_actor: dict[int, str]) -> str | None:
    head = tok.head
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i:
            return token_actor.get(c.i)
    return None


# Every rule of resolve_coreference starts from one of these words.
_CUE_WORDS = frozenset(MALE | FEMALE | PERSON_NOUNS | set(PLURAL_NOUNS) | PAIR_WORDS | {"its"})


def resolve_coreference(doc: Doc, actors: dict[str, Actor], token_actor: dict[int, str],
                        gender: dict[str, str]) -> list[CorefLink]:
    """Links for the pronouns and descriptions of ``doc`` that no earlier step resolved."""
    sal = Salience()
    links: list[CorefLink] = []
    lowers = lower_keys_of(doc)
    cue_words = _CUE_WORDS
    on = {r: switched_on(r) for r in (PRONOUN, ITS, DESCRIPTOR, PLURAL)}
    for tok in tokens_of(doc):
        aid = token_actor.get(tok.i)
        if aid is not None:
            # Only the head token of a mention counts once.
            if tok.i + 1 >= len(doc) or token_actor.get(tok.i + 1) != aid:
                sal.add(tok, aid)
            continue
        low = lowers[tok.i][0]
        if low not in cue_words:  # every rule below starts from one of these words
            continue
        if tok.pos_ == "PRON" and (low in MALE or low in FEMALE):
            if not on[PRONOUN]:
                continue
            want = "m" if low in MALE else "f"

            def ok(a: str, want=want) -> bool:
                return actors[a].type == "person" and gender.get(a, want) == want
            exclude = set()
            if tok.dep_ in ("dobj", "pobj", "dative") and low not in REFLEXIVE:
                subj = _clause_subject_actor(tok, token_actor)
                if subj:
                    exclude.add(subj)  # "Putin invited him": him is not Putin
            ranked = sal.ranked(tok, ok, window=2, exclude=exclude)
            if ranked:
                conf = 0.75 if len(ranked) == 1 else 0.6
                links.append(CorefLink(tok.i, tok.i + 1, [ranked[0]], conf, PRONOUN))
                sal.add(tok, ranked[0])
            continue
        if low == "its" and tok.dep_ == "poss":
            if not on[ITS]:
                continue
            ranked = sal.ranked(tok, lambda a: actors[a].type in ("state", "igo", "group"), window=1)
            if ranked:
                links.append(CorefLink(tok.i, tok.i + 1, [ranked[0]], 0.55, ITS))
            continue
        if tok.pos_ == "NOUN" and tok.lower_ in PERSON_NOUNS and tok.tag_ in ("NN",):
            link = _description(tok, actors, token_actor, sal) if on[DESCRIPTOR] else None
            if link:
                links.append(link)
                sal.add(tok, link.actors[0])
            continue
        if low == "two" and tok.dep_ in ("pobj", "nsubj", "dobj", "nsubjpass") and tok.i > 0 and \
                tok.nbor(-1).lower_ == "the":
            link = _plural(tok, actors, token_actor, sal, "any") if on[PLURAL] else None
            if link:
                links.append(link)
            continue
        if tok.pos_ == "NOUN" and tok.lower_ in PLURAL_NOUNS:
            link = _plural(tok, actors, token_actor, sal, PLURAL_NOUNS[tok.lower_]) if on[PLURAL] else None
            if link:
                links.append(link)
    return links


def _description(tok: Token, actors: dict[str, Actor], token_actor: dict[int, str], sal: Salience) -> CorefLink | None:
    """``the old man``, ``the former president``, ``the president`` (no country, no name, no ``of``)."""
    kids = list(tok.children)
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in kids):
        return None
    if any(c.dep_ in ("compound", "poss", "nmod", "appos") or (c.dep_ == "prep" and c.lower_ == "of")
           or c.i in token_actor for c in kids):
        return None
    if tok.i + 1 < len(doc_of(tok)) and tok.nbor(1).pos_ == "PROPN":
        return None
    adjs = {c.lower_ for c in kids if c.dep_ == "amod"}
    if tok.lower_ in VAGUE_NOUNS and not adjs & FORMER_ADJ:
        return None  # a plain "the man" is too vague
    former = bool(adjs & FORMER_ADJ)
    current = bool(adjs & CURRENT_ADJ)

    def ok(a: str) -> bool:
        if actors[a].type != "person":
            return False
        if former and not current:
            return _is_former(actors[a])
        if current:
            return not _is_former(actors[a])
        return not _is_former(actors[a])  # "the president": the one in office
    ranked = sal.ranked(tok, ok, window=4)
    if not ranked:
        return None
    start = min([c.i for c in kids if c.dep_ in ("det", "amod")] + [tok.i])
    return CorefLink(start, tok.i + 1, [ranked[0]], 0.65 if len(ranked) == 1 else 0.5, DESCRIPTOR)


def doc_of(tok: Token) -> Doc:
    return tok.doc


def _plural(tok: Token, actors: dict[str, Actor], token_actor: dict[int, str], sal: Salience,
            kind: str) -> CorefLink | None:
    """``the two sides``, ``both countries``: the two most salient actors of a fitting type."""
    kids = list(tok.children)
    if tok.lower_ != "two" and not any(c.lower_ in PAIR_WORDS for c in kids) and not (
            tok.i > 0 and tok.nbor(-1).lower_ in PAIR_WORDS):
        return None

    def ok(a: str) -> bool:
        t = actors[a].type
        return t in ("state", "person", "igo") if kind == "any" else t == kind
    ranked = sal.ranked(tok, ok, window=3)
    if len(ranked) < 2:
        return None
    start = min([c.i for c in kids if c.dep_ in ("det", "nummod", "predet", "amod")] + [tok.i])
    if tok.lower_ == "two":
        start = tok.i - 1
    return CorefLink(start, tok.i + 1, ranked[:2], 0.5, PLURAL)
