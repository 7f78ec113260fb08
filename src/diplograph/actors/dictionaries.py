"""Readers for PETRARCH-2 / Phoenix actor and agent dictionaries.

Actor files: a root phrase per line (words joined by ``_``; a trailing ``_`` means "no
plural forms"), ``+`` lines add synonyms, and code lines (indented, or in brackets on the
root line) give ``[CODE]`` defaults and dated codes ``[CODE YYMMDD-YYMMDD]``,
``[CODE >YYMMDD]``, ``[CODE <YYMMDD]``. Consecutive roots without codes share the codes
that follow them. The first dated restriction that holds on the document date wins,
otherwise the bare default.

Agent files: ``PHRASE [~AGT]`` or ``PHRASE [AGT~]`` lines (``~`` marks where the country
code goes), ``{PLURAL}`` forms, and ``!NAME! = a, b`` substitution sets.
"""
from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..errors import DictionaryError

_CODE = re.compile(r"\[([^\]]*)\]")
_DATED = re.compile(r"^(\S+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?\s*$")


def parse_dict_date(s: str) -> date:
    """YYMMDD (years <= 30 are 20YY, as the Phoenix files define) or YYYYMMDD."""
    if len(s) == 8:
        return date(int(s[:4]), int(s[4:6]), int(s[6:]))
    yy = int(s[:2])
    year = 2000 + yy if yy <= 30 else 1900 + yy
    return date(year, int(s[2:4]), int(s[4:]))


def pickled_by_fields(self: object) -> tuple:
    """``__reduce__`` of the knowledge base's dataclasses: the class called with its fields in order.
    The knowledge base's cache file (``cache.py``) holds ~100,000 of them; pickle's default (an empty
    object, then a dict of field names set on it) made loading it, in every process's serial start,
    ~20 % slower (0.20 → 0.16 CPU s)."""
    return type(self), tuple(getattr(self, f.name) for f in dataclasses.fields(self))  # type: ignore[arg-type]


@dataclass(frozen=True)
class CodeRule:
    code: str
    start: date | None = None  # inclusive
    end: date | None = None  # exclusive

    __reduce__ = pickled_by_fields

    def holds(self, on: date) -> bool:
        return (self.start is None or on >= self.start) and (self.end is None or on < self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def parse_code(text: str, path: str, line: int) -> CodeRule:
    m = _DATED.match(text.strip())
    if not m:
        raise DictionaryError("E007", path=path, line=line, reason=f"bad code [{text}]")
    code, op, d1, a, b = m.groups()
    try:
        if op == ">":
            return CodeRule(code, start=parse_dict_date(d1))
        if op == "<":
            return CodeRule(code, end=parse_dict_date(d1))
        if a:
            return CodeRule(code, start=parse_dict_date(a), end=parse_dict_date(b))
    except ValueError as exc:
        raise DictionaryError("E007", path=path, line=line, reason=f"bad date in [{text}]: {exc}") from exc
    return CodeRule(code)


@dataclass
class ActorEntry:
    """One actor of a dictionary: its root phrase, synonyms and code rules."""

    root: str
    phrases: list[str] = field(default_factory=list)
    rules: list[CodeRule] = field(default_factory=list)
    source: str = ""  # file name, for provenance

    __reduce__ = pickled_by_fields

    def code_on(self, on: date | None) -> str | None:
        dated = [r for r in self.rules if r.dated]
        if on is not None:
            for r in dated:
                if r.holds(on):
                    return r.code
        for r in self.rules:
            if not r.dated:
                return r.code
        # No default: the most recent dated code is the best guess without a date.
        return dated[-1].code if dated and on is None else None

    @property
    def name(self) -> str:
        return phrase_words(self.root, keep_case=False)


@lru_cache(maxsize=1 << 14)  # an entry's name is asked for every mention of it, in every document
def phrase_words(phrase: str, keep_case: bool = True) -> str:
    words = " ".join(w for w in phrase.strip().strip("_").split("_") if w)
    if keep_case:
        return words
    from .naming import proper_case  # the dictionaries write roots in capitals: cased for display

    return proper_case(words)


def _strip_comment(line: str) -> str:
    if line.lstrip().startswith("<!"):
        return ""  # an XML-style comment line (<!-- … -->), as PETRARCH's readers skip them
    return line.split("#", 1)[0].rstrip()


def read_actor_dictionary(path: str | Path, problems: list[DictionaryError] | None = None) -> list[ActorEntry]:
    """All entries of a PETRARCH actor dictionary file.

    An unreadable line raises :class:`DictionaryError` naming file and line, unless
    ``problems`` is given: then the error is appended there and the line skipped.
    """
    path = Path(path)
    entries: list[ActorEntry] = []
    pending: list[ActorEntry] = []  # roots still waiting for their codes
    current: ActorEntry | None = None
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError("E002", path=str(path), reason=exc.strerror or str(exc)) from exc
    for lineno, raw in enumerate(lines, 1):
        try:
            current, pending = _read_actor_line(raw, lineno, str(path), entries, current, pending)
        except DictionaryError as err:
            if problems is None:
                raise
            problems.append(err)
    return entries


def _read_actor_line(
    raw: str, lineno: int, path: str, entries: list[ActorEntry],
    current: ActorEntry | None, pending: list[ActorEntry],
) -> tuple[ActorEntry | None, list[ActorEntry]]:
    line = _strip_comment(raw)
    if not line.strip():
        return current, pending
    if line[0] in " \t" or line.lstrip().startswith("["):
        if current is None:
            raise DictionaryError("E007", path=path, line=lineno, reason="code line before any root phrase")
        rules = [parse_code(c, path, lineno) for c in _CODE.findall(line)]
        if not rules:
            raise DictionaryError("E007", path=path, line=lineno, reason="indented line without [CODE]")
        for e in pending or [current]:
            e.rules.extend(rules)
        return current, []
    if line.startswith("+"):
        if current is None:
            raise DictionaryError("E007", path=path, line=lineno, reason="synonym before any root phrase")
        syn = _CODE.sub("", line[1:]).strip()
        if syn:
            current.phrases.append(syn)
        return current, pending
    # A root line, possibly with inline codes.
    phrase = _CODE.sub("", line).strip()
    if not phrase:
        raise DictionaryError("E007", path=path, line=lineno, reason="empty root phrase")
    rules = [parse_code(c, path, lineno) for c in _CODE.findall(line)]
    if current is not None and not current.rules and pending and not rules:
        # Consecutive roots without codes share the codes that follow.
        current.phrases.append(phrase)
        return current, pending
    current = ActorEntry(phrase, [phrase], rules, os.path.basename(path))
    entries.append(current)
    return current, ([] if rules else [current])


@dataclass
class AgentEntry:
    phrase: str
    code: str  # e.g. "~GOV" or "IGO~"

    __reduce__ = pickled_by_fields

    def combine(self, country: str | None) -> str:
        """Country + agent as the dictionaries define: ``~GOV`` → ``KAZGOV``."""
        c = country or ""
        if self.code.startswith("~"):
            return c + self.code[1:]
        if self.code.endswith("~"):
            return self.code[:-1] + c
        return self.code


_SUBST = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def read_agent_dictionary(path: str | Path, problems: list[DictionaryError] | None = None) -> list[AgentEntry]:
    """All phrases of a PETRARCH agents file, substitution sets and plurals expanded."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError("E002", path=str(path), reason=exc.strerror or str(exc)) from exc
    subst: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for lineno, raw in enumerate(lines, 1):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        m = _SUBST.match(line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            err = DictionaryError("E007", path=str(path), line=lineno, reason="agent line without [CODE]")
            if problems is None:
                raise err
            problems.append(err)
            continue
        code = codes[-1].strip()
        body = _CODE.sub("", line)
        plurals: list[str] = []
        pm = re.search(r"\{([^}]*)\}", body)
        if pm:
            plurals = [p for p in pm.group(1).split() if p]
            body = body[: pm.start()] + body[pm.end():]
        phrase = body.strip()
        variants = [phrase]
        for name, values in subst.items():
            token = f"!{name}!"
            variants = [v.replace(token, val, 1) for v in variants for val in values] if any(
                token in v for v in variants) else variants
        for v in variants + plurals:
            v = re.sub(r"\s+", "_", v.strip())
            if v:
                out.append(AgentEntry(v, code))
                if not v.endswith("_") and not pm:
                    out.append(AgentEntry(_plural(v), code))
    return out


def _plural(phrase: str) -> str:
    """Regular English plural of the last word (PETRARCH generates these)."""
    words = phrase.split("_")
    w = words[-1]
    if w.endswith(("S", "X", "Z", "CH", "SH")):
        w += "ES"
    elif w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        w = w[:-1] + "IES"
    elif w.endswith("MAN"):
        w = w[:-3] + "MEN"
    else:
        w += "S"
    return "_".join(words[:-1] + [w])
