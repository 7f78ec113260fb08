"""Matching verb-dictionary patterns over the spaCy dependency parse.

A pattern ``- [pre] * [post] (PREP WORDS) [code]`` matches a verb token when

- its pre-verb words stand, in order, before the verb in the verb's own clause (the
  subject and the verb's left dependents: ``WILL NOT *``, ``&MILITARY *``);
- its post-verb words stand, in order, in the verb's right dependents (particle, direct
  object, complements and the phrases they govern) — not in a conjoined or adverbial
  clause;
- each ``(PREP WORDS)`` group is a preposition of the verb or of its object whose object
  holds the words;
- ``{A B}`` must be consecutive words; words match the token or its lemma.

``$`` and ``+`` record where the source and the target stand; the most specific pattern
(most words) wins, ties going to the first in the file, as in PETRARCH.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon import word_class
from ..nlp import keys_of
from .verbs import Element, Pattern, VerbBlock, VerbDictionary, VerbEntry

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
# right dependents that belong to another clause, not to this verb's predicate
OTHER_CLAUSE = ("conj", "cc", "punct", "advcl", "parataxis", "relcl", "mark")


@dataclass
class VerbContext:
    """The words around one verb, computed once and shared by all its patterns."""
    verb: Token
    pre: list[Token]
    post: list[Token]
    words: set[str]  # every key (text and lemma, upper case) in pre + post
    preps: list[Token] | None = None  # prepositions of the predicate, computed on first need

    @classmethod
    def of(cls, verb: Token, subject: Token | None = None) -> "VerbContext":
        pre: list[Token] = []
        post: list[Token] = []
        for c in verb.children:
            if c.i < verb.i:
                pre.extend(c.subtree)
            elif c.dep_ not in OTHER_CLAUSE:
                post.extend(_phrase(c))
        if subject is not None and not any(t.i == subject.i for t in pre):
            pre = list(subject.subtree) + pre
        pre.sort(key=lambda t: t.i)
        post.sort(key=lambda t: t.i)
        kk = keys_of(verb.doc)
        words: set[str] = set()
        for t in pre:
            words.update(kk[t.i])
        for t in post:
            words.update(kk[t.i])
        return cls(verb, pre, post, words)


EMBEDDED_CLAUSES = ("acl", "relcl", "ccomp", "advcl", "parataxis", "csubj")


def _phrase(tok: Token) -> list[Token]:
    """The tokens of a dependent's phrase, without the clauses embedded in it: pattern words
    belong to this verb's predicate, not to ``… an ultimatum to halt attacks``."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ not in EMBEDDED_CLAUSES]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in EMBEDDED_CLAUSES)
    return out


def keys(t: Token) -> tuple[str, str]:
    """The token's text and lemma in upper case (computed once per document)."""
    return keys_of(t.doc)[t.i]


@dataclass
class Match:
    code: str | None
    reverse: str | None
    pattern: Pattern | None
    source_at: Token | None = None  # first token at the $ slot
    target_at: Token | None = None  # first token at the + slot


def _seq_at(tokens: list[Token], j: int, alt: tuple[str, ...], kk: list[tuple[str, str]]) -> bool:
    if j + len(alt) > len(tokens):
        return False
    first = tokens[j].i
    for k, w in enumerate(alt):
        t = tokens[j + k]
        if t.i != first + k or w not in kk[t.i]:
            return False
    return True


def match_elements(elements: list[Element], tokens: list[Token], slots: dict[str, Token | None]) -> bool:
    """Greedy in-order match (earliest position first, which is optimal for subsequences)."""
    pos = 0
    kk = keys_of(tokens[0].doc) if tokens else []
    for el in elements:
        if el.kind == "word":
            found = -1
            firsts = el.firsts
            for j in range(pos, len(tokens)):
                text, lemma = kk[tokens[j].i]
                if text not in firsts and lemma not in firsts:
                    continue
                for alt in el.alts:
                    if _seq_at(tokens, j, alt, kk):
                        found, width = j, len(alt)
                        break
                if found >= 0:
                    break
            if found < 0:
                return False
            pos = found + width
        elif el.kind in ("$", "+"):
            slots[el.kind] = tokens[pos] if pos < len(tokens) else None
    return True


def _prep_tokens(ctx: VerbContext) -> list[Token]:
    return [t for t in ctx.post if t.dep_ in ("prep", "agent", "dative", "prt") and not is_time_phrase(t)]


TIME_WORDS = word_class("time_words")


def is_time_phrase(prep: Token) -> bool:
    """``on Tuesday``, ``in June``: a time, not an argument (``call on X`` is an appeal)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") or obj.lower_ in TIME_WORDS)


def pattern_matches(p: Pattern, ctx: VerbContext) -> dict[str, Token | None] | None:
    """The slots of ``p`` on this verb, or None when it does not match."""
    words = ctx.words
    for first in p.firsts:  # cheap rejection before any ordered scan
        if words.isdisjoint(first):
            return None
    for g in p.prep_el:
        if g.prep not in words:
            return None
    slots: dict[str, Token | None] = {}
    if p.pre_el and not match_elements(p.pre_el, ctx.pre, slots):
        return None
    if p.post_el and not match_elements(p.post_el, ctx.post, slots):
        return None
    if p.prep_el:
        if ctx.preps is None:
            ctx.preps = _prep_tokens(ctx)
        preps = ctx.preps
        used: set[int] = set()
        for group in p.prep_el:
            ok = False
            for prep in preps:
                if prep.i in used or group.prep not in keys(prep):
                    continue
                inside = sorted((t for t in _phrase(prep) if t.i > prep.i), key=lambda t: t.i)
                trial: dict[str, Token | None] = {}
                if not group.elements or match_elements(group.elements, inside, trial):
                    if any(el.kind == "^" for el in group.elements) and not inside:
                        continue
                    slots.update(trial)
                    used.add(prep.i)
                    ok = True
                    break
            if not ok:
                return None
    return slots


def _anchor_index(block: VerbBlock) -> tuple[dict[str, list[int]], list[int]]:
    """Each pattern under its most selective required word set (a preposition it needs, or
    the first words one of its word elements accepts); patterns needing no word always run."""
    index: dict[str, list[int]] = {}
    always: list[int] = []
    for k, p in enumerate(block.patterns):
        required = [frozenset((g.prep,)) for g in p.prep_el] + [f for f in p.firsts if f]
        if not required:
            always.append(k)
            continue
        for w in min(required, key=len):
            index.setdefault(w, []).append(k)
    return index, always


def candidate_patterns(block: VerbBlock, words: set[str]) -> list[Pattern]:
    """The block's patterns that can match a verb whose context holds ``words``, in file
    order: the same first match as trying every pattern (a block holds up to hundreds of
    patterns and a verb's context a few dozen words, so most are ruled out by one lookup)."""
    if block.anchors is None:
        block.anchors = _anchor_index(block)
    index, always = block.anchors
    found = set(always)
    for w in words:
        ks = index.get(w)
        if ks:
            found.update(ks)
    return [block.patterns[k] for k in sorted(found)]


def _may_match(block: VerbBlock, verb: Token, subject: Token | None) -> bool:
    """Whether any of the block's patterns can match, judged from every word of the verb's and its
    subject's subtrees (a superset of the context's words): ``candidate_patterns`` of those words
    is not empty. The first word a pattern is indexed under answers, with no set or list built."""
    if block.anchors is None:
        block.anchors = _anchor_index(block)
    index, always = block.anchors
    if always:
        return True
    kk = keys_of(verb.doc)
    for t in (verb,) if subject is None else (verb, subject):
        for text, lemma in kk[t.left_edge.i:t.right_edge.i + 1]:
            if text in index or lemma in index:
                return True
    return False


def _entry_matches(e: VerbEntry, verb: Token) -> bool:
    """The extra words of a multi-word verb (``+ASK_FOR``, ``+SHUT_DOWN``) follow the verb."""
    if len(e.words) == 1:
        return True
    near = [c for c in verb.children if c.i > verb.i and c.dep_ in ("prt", "prep", "dobj", "advmod", "acomp", "dative")]
    if not near:
        return False
    following = sorted((t for c in near for t in c.subtree), key=lambda t: t.i)
    pos = 0
    for w in e.words[1:]:
        while pos < len(following) and w not in keys(following[pos]):
            pos += 1
        if pos == len(following):
            return False
        pos += 1
    return True


def _repaired_lemma(text: str, lemma: str, vd: VerbDictionary) -> str:
    """The tagger's lemma with a known slip undone: a dropped or kept final ``e`` (``raped`` →
    ``rap``, ``waging`` → ``wag``, ``rearrested`` → ``rearreste``), when only the repaired
    form is in the dictionary."""
    if vd.entries_for(lemma):
        return lemma
    for suffix in ("ED", "ING", "ES", "D"):
        if text == lemma + suffix:
            for repaired in (lemma + "E", lemma[:-1] if lemma.endswith("E") else ""):
                if repaired and vd.entries_for(repaired):
                    return repaired
    return lemma


def select_entry(verb: Token, vd: VerbDictionary) -> VerbEntry | None:
    text, lemma = keys(verb)
    lemma = _repaired_lemma(verb.text.upper(), lemma, vd)
    entries = vd.entries_for(lemma)
    if text != lemma:  # forms the dictionary lists itself ("+ANGERED_BY", irregular forms)
        entries = entries + vd.entries_for(text)
    best = None
    for e in entries:
        if not _entry_matches(e, verb):
            continue
        if best is None or len(e.words) > len(best.words):
            best = e
    return best


# particles that turn a verb into another verb ("back out", "pay off"): the bare verb's code does not hold
PHRASAL_PARTICLES = word_class("phrasal_particles")


def _phrasal_particle(verb: Token) -> str | None:
    if verb.i + 1 >= len(verb.doc):
        return None
    nxt = verb.doc[verb.i + 1]
    if nxt.head.i == verb.i and nxt.lower_ in PHRASAL_PARTICLES and nxt.dep_ in ("prt", "prep", "advmod"):
        return nxt.text.upper()
    return None


def _mentions(p: Pattern, word: str) -> bool:
    return any(word in alt for el in p.pre_el + p.post_el for alt in el.alts) or \
        any(g.prep == word or any(word in alt for el in g.elements for alt in el.alts) for g in p.prep_el)


def _particle_pattern(block: VerbBlock, ctx: VerbContext, particle: str) -> tuple[Pattern | None, dict]:
    """The pattern a phrasal verb (``broke off``, ``set off``) takes: the first matching one that
    names the particle with other words, else the first whose words all stand in the direct object
    the particle verb governs (``broke off relations with X`` is BREAK * RELATIONS, not the
    earlier ``* (WITH)``); a pattern naming the particle alone only when it is the most specific
    match (BREAK * OFF [130] says too little about which phrasal verb it is); else none."""
    obj = next((c for c in ctx.verb.children if c.dep_ == "dobj"), None)
    inside = sorted(_phrase(obj), key=lambda t: t.i) if obj is not None else []
    in_object = None
    first = True
    for p in candidate_patterns(block, ctx.words):
        slots = pattern_matches(p, ctx)
        if slots is None:
            continue
        if _mentions(p, particle):
            if p.size > 1 or first:
                return p, slots
        elif in_object is None and inside and p.post_el and not p.prep_el and not p.pre_el and \
                all(el.kind == "word" for el in p.post_el) and match_elements(p.post_el, inside, {}):
            in_object = (p, slots)
        first = False
    return in_object or (None, {})


def code_verb(verb: Token, vd: VerbDictionary, subject: Token | None = None) -> Match | None:
    entry = select_entry(verb, vd)
    if entry is None:
        return None
    # The verb's subtree and its subject's hold every word its patterns could see: when no
    # pattern can match even those, the exact context (walks and sorts) is not needed.
    ctx = VerbContext.of(verb, subject) if _may_match(entry.block, verb, subject) else None
    chosen: Pattern | None = None
    chosen_slots: dict[str, Token | None] = {}
    particle = _phrasal_particle(verb) if len(entry.words) == 1 else None
    if particle and ctx:
        chosen, chosen_slots = _particle_pattern(entry.block, ctx, particle)
        if chosen is None:
            return None  # "backed out of the deal" is not "backed the deal": a phrasal verb the dictionary lacks
    for p in candidate_patterns(entry.block, ctx.words) if ctx and not particle else ():  # most specific first
        slots = pattern_matches(p, ctx)
        if slots is not None:
            chosen, chosen_slots = p, slots
            break
    if particle and chosen is None:
        return None
    if chosen is not None:
        return Match(chosen.code, chosen.reverse, chosen, chosen_slots.get("$"), chosen_slots.get("+"))
    if entry.code is None and entry.reverse is None:
        return None
    return Match(entry.code, entry.reverse, None)
