"""Reader for the PETRARCH-2 CAMEO verb dictionary (``CAMEO.2.0.txt`` format).

The format, as the PETRARCH-2 reader defines it:

- synonym sets: ``&NAME`` then ``+word`` lines (``_`` joins the words of a phrase; a
  trailing ``_`` only says "no regular plural" and is dropped);
- verb blocks: ``--- NAME [code] ---`` then verb lines ``WORD [code] {IRREGULAR FORMS}``;
  ``+A_B`` is a multi-word verb (its first word is the verb, the rest follow it); a verb's
  own ``[code]`` overrides the block's; ``[---]`` means "no code of its own";
- patterns ``- [pre-verb words] * [post-verb words] (PREP WORDS) [code] # comment``:
  ``{A B}`` is one multi-word noun, ``&SET`` any word of a synonym set, ``$`` and ``+``
  the places of the source and the target, ``^`` any one noun phrase;
- codes ``[042:043]`` are paired: the event, and its reverse (target acts on source);
  ``[:173]`` gives only the reverse;
- transformations ``~ a (b . ATTACK) SAY = a b 112`` are read and kept (``transformations``)
  but not applied: diplograph codes reported speech as the reported event, attributed to
  the speaker by the claims stage.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DictionaryError

_CODE_AT_END = re.compile(r"\[([^\]]*)\]\s*$")
_ELEMENT = re.compile(r"\{[^}]*\}|\S+")

Alternatives = frozenset  # of tuples of upper-case words


@dataclass
class Element:
    """One element of a pattern: words (any of ``alts``), a slot ``$``/``+``, or ``^``."""
    kind: str  # "word" | "$" | "+" | "^"
    alts: frozenset = frozenset()
    text: str = ""
    firsts: frozenset = frozenset()  # the first word of each alternative


@dataclass
class PrepGroup:
    prep: str
    elements: list[Element]


@dataclass
class Pattern:
    pre: list[str]  # pre-verb elements as written ("&MILITARY", "$", "{A B}" as "A B")
    post: list[str]  # post-verb elements outside parentheses
    preps: list[list[str]]  # (PREP WORDS …) groups, the preposition first
    code: str | None
    reverse: str | None = None
    source_slot: bool = False
    target_slot: bool = False
    line: int = 0
    # compiled forms (synonyms expanded), filled by ``compile``
    pre_el: list[Element] = field(default_factory=list)
    post_el: list[Element] = field(default_factory=list)
    prep_el: list[PrepGroup] = field(default_factory=list)
    firsts: list[frozenset] = field(default_factory=list)  # per word element: the first words it accepts
    size: int = 0  # how specific: words and prepositional groups


@dataclass
class VerbBlock:
    name: str
    code: str | None
    reverse: str | None = None
    patterns: list[Pattern] = field(default_factory=list)
    # built on first use by events.patterns.candidate_patterns: anchor word → pattern positions
    anchors: tuple[dict[str, list[int]], list[int]] | None = field(default=None, repr=False, compare=False)


@dataclass
class VerbEntry:
    words: tuple[str, ...]  # ("MEET",) or ("MEET", "WITH")
    code: str | None  # the verb's own code, else the block's
    block: VerbBlock
    reverse: str | None = None


@dataclass
class Transformation:
    text: str
    line: int


@dataclass
class VerbDictionary:
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)  # first word → entries
    transformations: list[Transformation] = field(default_factory=list)
    problems: list[DictionaryError] = field(default_factory=list)

    def entries_for(self, word: str) -> list[VerbEntry]:
        return self.verbs.get(word.upper(), [])

    def codes(self) -> set[str]:
        """Every event code the dictionary can give (verbs, blocks, patterns; both sides of a pair)."""
        out: set[str] = set()
        blocks = {id(e.block): e.block for entries in self.verbs.values() for e in entries}
        for entries in self.verbs.values():
            out.update(c for e in entries for c in (e.code, e.reverse) if c)
        for b in blocks.values():
            out.update(c for c in (b.code, b.reverse) if c)
            out.update(c for p in b.patterns for c in (p.code, p.reverse) if c)
        return out

    def extend(self, other: "VerbDictionary") -> None:
        """Entries of ``other`` come after ours: ours win."""
        for k, v in other.synonyms.items():
            self.synonyms.setdefault(k, v)
        for k, v in other.verbs.items():
            self.verbs.setdefault(k, []).extend(v)
        self.transformations.extend(other.transformations)
        self.problems.extend(other.problems)


def strip_comment(text: str) -> str:
    """The line before its ``#`` comment; a ``#`` inside ``[ ]`` is part of a code (``[###]``)."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return text[:i]
    return text


def _clean(word: str) -> str:
    return word.strip().rstrip("_").upper()


def split_code(code: str) -> tuple[str | None, str | None]:
    """``042:043`` → (042, 043); ``:173`` → (None, 173); ``---`` → (None, None)."""
    code = code.strip()
    a, _, b = code.partition(":")
    a, b = a.strip(), b.strip()
    return (a if a and not a.startswith("-") else None), (b if b and not b.startswith("-") else None)


def _split_elements(body: str) -> list[str]:
    return [("{" + m[1:-1].strip() + "}") if m.startswith("{") else m for m in _ELEMENT.findall(body)]


def parse_pattern(text: str, path: str, line: int) -> Pattern:
    text = strip_comment(text).strip()
    m = _CODE_AT_END.search(text)
    if not m:
        raise DictionaryError("E007", path=path, line=line, reason="pattern without [code], e.g. '- * AID [070]'")
    code, reverse = split_code(m.group(1))
    body = text[1: m.start()].strip()  # drop the leading "-"
    if "*" not in body:
        raise DictionaryError("E007", path=path, line=line, reason="pattern without * for the verb")
    pre_s, post_s = body.split("*", 1)
    if post_s.count("(") != post_s.count(")"):
        raise DictionaryError("E007", path=path, line=line, reason="unbalanced ( ) in pattern")
    groups = [_split_elements(g) for g in re.findall(r"\(([^)]*)\)", post_s)]
    groups = [g for g in groups if g]
    post = _split_elements(re.sub(r"\([^)]*\)", " ", post_s))
    pre = _split_elements(pre_s)
    flat = [w for w in pre + post] + [w for g in groups for w in g]
    strip = lambda ws: [w[1:-1] if w.startswith("{") else w for w in ws]  # noqa: E731
    return Pattern(strip(pre), strip(post), [strip(g) for g in groups], code, reverse,
                   "$" in flat, "+" in flat, line)


def _alternatives(word: str, synonyms: dict[str, list[str]]) -> frozenset:
    """All word sequences one written element accepts (synonym sets expanded)."""
    parts = word.split()
    per_part: list[list[tuple[str, ...]]] = []
    for p in parts:
        p = p.strip()
        if p.startswith("&"):
            name = _clean(p[1:])
            syns = synonyms.get(name)
            opts = [tuple(x for x in s.split("_") if x) for s in syns] if syns else [(name,)]
        else:
            opts = [tuple(x for x in _clean(p).split("_") if x)]
        per_part.append([o for o in opts if o])
    out = set()
    for combo in itertools.product(*per_part):
        out.add(tuple(w for seq in combo for w in seq))
    return frozenset(out)


def _element(word: str, synonyms: dict[str, list[str]]) -> Element:
    if word in ("$", "+", "^"):
        return Element(word, text=word)
    if word.startswith("%") or word.startswith("!") or word.startswith("|"):
        return Element("^", text=word)  # compound-actor / unsupported markers: no word constraint
    alts = _alternatives(word, synonyms)
    return Element("word", alts, word, frozenset(a[0] for a in alts))


def compile_pattern(p: Pattern, synonyms: dict[str, list[str]]) -> Pattern:
    p.pre_el = [_element(w, synonyms) for w in p.pre]
    p.post_el = [_element(w, synonyms) for w in p.post]
    p.prep_el = []
    for g in p.preps:
        head, *rest = g
        p.prep_el.append(PrepGroup(_clean(head), [_element(w, synonyms) for w in rest]))
    words = [e for e in p.pre_el + p.post_el if e.kind == "word"]
    p.firsts = [frozenset(a[0] for a in e.alts) for e in words]
    p.size = len(words) + sum(1 + sum(e.kind == "word" for e in g.elements) for g in p.prep_el)
    return p


def read_verb_dictionary(path: str | Path, problems: list[DictionaryError] | None = None) -> VerbDictionary:
    path = Path(path)
    vd = VerbDictionary()
    shadowed: dict[tuple[str, ...], VerbEntry] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError("E002", path=str(path), reason=exc.strerror or str(exc)) from exc
    current_syn: str | None = None
    block: VerbBlock | None = None
    patterns: list[Pattern] = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip()
        try:
            stripped = line.strip()
            if not stripped:
                current_syn = None
                continue
            if stripped.startswith("#"):
                continue
            if line.startswith("~"):
                vd.transformations.append(Transformation(line[1:].split("#", 1)[0].strip(), lineno))
                continue
            if line.startswith("&"):
                current_syn = _clean(line[1:].split("#", 1)[0])
                vd.synonyms[current_syn] = []
                block = None
                continue
            if line.startswith("+") and current_syn is not None:
                word = _clean(line[1:].split("#", 1)[0])
                if word:
                    vd.synonyms[current_syn].append(word)
                continue
            if line.startswith("---"):
                m = re.match(r"^---\s*(\S+)\s*\[([^\]]*)\]\s*---", line)
                if not m:
                    raise DictionaryError("E007", path=str(path), line=lineno,
                                          reason="bad verb block header, expected '--- NAME [code] ---'")
                block = VerbBlock(m.group(1), *split_code(m.group(2)))
                current_syn = None
                continue
            if block is None:
                continue
            if line.lstrip().startswith("-"):
                p = parse_pattern(line.lstrip(), str(path), lineno)
                block.patterns.append(p)
                patterns.append(p)
                continue
            _read_verb_line(line, block, vd, shadowed)
        except DictionaryError as err:
            if problems is None:
                raise
            problems.append(err)
    for p in patterns:
        compile_pattern(p, vd.synonyms)
    for entries in vd.verbs.values():
        # a verb listed again in a block that gives it nothing (no code, no pattern: DISMISS under
        # DISPEL) keeps the earlier entry that codes it (DISMISS * CLAIM [016] under DESPATCH)
        entries[:] = [shadowed.get(e.words, e) if e.code is None and e.reverse is None and
                      not e.block.patterns else e for e in entries]
    for entries in vd.verbs.values():
        for e in entries:
            # most specific first, ties in file order: the first pattern that matches is the best
            e.block.patterns.sort(key=lambda p: (-p.size, p.line))
    return vd


def _read_verb_line(line: str, block: VerbBlock, vd: VerbDictionary,
                    shadowed: dict[tuple[str, ...], VerbEntry] | None = None) -> None:
    body = strip_comment(line)
    code, reverse = None, None
    own = False
    m = re.search(r"\[([^\]]*)\]", body)
    if m:
        code, reverse = split_code(m.group(1))
        own = True
        body = body[: m.start()] + body[m.end():]
    forms: list[str] = []
    fm = re.search(r"\{([^}]*)\}", body)
    if fm:
        forms = [f for f in fm.group(1).split() if f]
        body = body[: fm.start()] + body[fm.end():]
    base = body.strip().lstrip("+")
    if not base:
        return
    if not own:
        code, reverse = block.code, block.reverse
    for form in [base] + [f.lstrip("+") for f in forms]:
        words = tuple(w for w in form.upper().split("_") if w)
        if words:
            entries = vd.verbs.setdefault(words[0], [])
            # a verb listed again later in the same file replaces the earlier entry, as in
            # PETRARCH's reader (a dictionary keyed by the verb)
            for e in entries:
                if e.words == words and shadowed is not None and (e.code or e.reverse or e.block.patterns or
                                                                   e.block.code):
                    shadowed[words] = e
            entries[:] = [e for e in entries if e.words != words]
            entries.append(VerbEntry(words, code, block, reverse))
