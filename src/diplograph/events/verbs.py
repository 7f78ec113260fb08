"""Reader for the PETRARCH-2 CAMEO verb dictionary (``CAMEO.2.0.txt`` format).

Synonym sets (``&NAME`` then ``+word`` lines), verb blocks (``--- NAME [code] ---``
followed by verb lines ``WORD [code] {IRREGULAR FORMS}`` and multi-word ``+A_B`` verbs),
and patterns ``- [pre words] * [post words] (PREP WORDS) [code] # comment``. Paired codes
``[042:043]`` give the event and its reverse. ``$``/``+`` mark the source/target slots.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DictionaryError

_CODE_AT_END = re.compile(r"\[([^\]]*)\]\s*$")


@dataclass
class Pattern:
    pre: list[str]  # words before the verb (uppercase)
    post: list[str]  # words after the verb, outside prepositional groups
    preps: list[list[str]]  # (PREP WORDS …) groups
    code: str
    reverse: str | None = None
    source_slot: bool = False
    target_slot: bool = False
    line: int = 0

    @property
    def size(self) -> int:
        return len(self.pre) + len(self.post) + sum(len(p) for p in self.preps)


@dataclass
class VerbBlock:
    name: str
    code: str
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class VerbEntry:
    words: tuple[str, ...]  # ("MEET",) or ("MEET", "WITH")
    code: str | None  # the verb's own code, else the block's
    block: VerbBlock


@dataclass
class VerbDictionary:
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)  # first word → entries
    problems: list[DictionaryError] = field(default_factory=list)

    def entries_for(self, word: str) -> list[VerbEntry]:
        return self.verbs.get(word.upper(), [])

    def extend(self, other: "VerbDictionary") -> None:
        """Entries of ``other`` come after ours: ours win."""
        for k, v in other.synonyms.items():
            self.synonyms.setdefault(k, v)
        for k, v in other.verbs.items():
            self.verbs.setdefault(k, []).extend(v)


def _clean(word: str) -> str:
    return word.strip().rstrip("_").upper()


def _split_code(code: str) -> tuple[str, str | None]:
    code = code.strip()
    if ":" in code:
        a, b = code.split(":", 1)
        return a.strip(), (b.strip() or None)
    return code, None


def _tokens(body: str) -> list[str]:
    # Braces group a multi-word noun; we keep its words in order.
    return [w for w in re.split(r"\s+", body.replace("{", " ").replace("}", " ").strip()) if w]


def parse_pattern(text: str, path: str, line: int) -> Pattern:
    text = text.split("#", 1)[0].strip()
    m = _CODE_AT_END.search(text)
    if not m:
        raise DictionaryError("E007", path=path, line=line, reason="pattern without [code]")
    code, reverse = _split_code(m.group(1))
    body = text[1 : m.start()].strip()  # drop the leading "-"
    if "*" not in body:
        raise DictionaryError("E007", path=path, line=line, reason="pattern without * for the verb")
    pre_s, post_s = body.split("*", 1)
    preps = [_tokens(g) for g in re.findall(r"\(([^)]*)\)", post_s)]
    post_plain = re.sub(r"\([^)]*\)", " ", post_s)
    pre = _tokens(pre_s)
    post = _tokens(post_plain)
    slots = pre + post + [w for g in preps for w in g]
    return Pattern(
        [w for w in pre if w not in ("$", "+")], [w for w in post if w not in ("$", "+")],
        [[w for w in g if w not in ("$", "+")] for g in preps], code, reverse,
        "$" in slots, "+" in slots, line,
    )


def read_verb_dictionary(path: str | Path, problems: list[DictionaryError] | None = None) -> VerbDictionary:
    path = Path(path)
    vd = VerbDictionary()
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError("E002", path=str(path), reason=exc.strerror or str(exc)) from exc
    current_syn: str | None = None
    block: VerbBlock | None = None
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip()
        try:
            if not line.strip() or line.lstrip().startswith("#"):
                current_syn = None if not line.strip() else current_syn
                continue
            if line.startswith("~"):  # transformations: not applied by this reader
                continue
            if line.startswith("&"):
                current_syn = _clean(line[1:].split("#", 1)[0])
                vd.synonyms[current_syn] = []
                continue
            if line.startswith("+") and current_syn is not None and block is None:
                vd.synonyms[current_syn].append(_clean(line[1:].split("#", 1)[0]))
                continue
            if line.startswith("---"):
                m = re.match(r"^---\s*(\S+)\s*\[([^\]]*)\]\s*---", line)
                if not m:
                    raise DictionaryError("E007", path=str(path), line=lineno, reason="bad verb block header")
                block = VerbBlock(m.group(1), _split_code(m.group(2))[0])
                current_syn = None
                continue
            if block is None:
                continue
            if line.startswith("-"):
                block.patterns.append(parse_pattern(line, str(path), lineno))
                continue
            _read_verb_line(line, block, vd)
        except DictionaryError as err:
            if problems is None:
                raise
            problems.append(err)
    return vd


def _read_verb_line(line: str, block: VerbBlock, vd: VerbDictionary) -> None:
    body = line.split("#", 1)[0]
    code = None
    m = re.search(r"\[([^\]]*)\]", body)
    if m:
        code = _split_code(m.group(1))[0]
        body = body[: m.start()] + body[m.end():]
    forms: list[str] = []
    fm = re.search(r"\{([^}]*)\}", body)
    if fm:
        forms = [f for f in fm.group(1).split() if f]
        body = body[: fm.start()] + body[fm.end():]
    base = body.strip().lstrip("+")
    if not base:
        return
    for form in [base] + [f.lstrip("+") for f in forms]:
        words = tuple(w for w in form.upper().split("_") if w)
        if words:
            vd.verbs.setdefault(words[0], []).append(VerbEntry(words, code, block))
