"""Word classes and small property tables: knowledge as data, with one loader.

A *word class* is a file ``data/lexicons/classes/<name>.txt``: one entry per line (a word, a
lemma or a multi-word phrase, lower case unless case matters), ``#`` starts a comment, the
first comment line says what the class is and which rules read it. Code asks for
``word_class("speech_verbs")`` and gets a frozenset (``word_list`` keeps the file's order, for
classes whose order is a preference); nothing else in ``src/`` writes word lists.

A *table* is a TSV file under ``data/`` with ``#`` comment lines, then a header line, then rows;
:func:`table` returns the rows as dicts keyed by the header. A row with the wrong number of
columns is skipped with a warning naming the file and the line (collected in :data:`PROBLEMS`).

The sector table (``data/kb/sectors.tsv``) is read here as :func:`sectors`: one row per
three-letter agent sector code of the Phoenix scheme with its properties as columns
(a person noun? an institution? an organ of a state? private? often abroad? international?).
Code asks ``sector_has("MIL", "abroad")`` instead of keeping its own partition of the codes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .data import data_path

PROBLEMS: list[str] = []


class LexiconError(Exception):
    """A word class or table that does not exist (a programming error: the name is in code)."""


def _lines(path: Path):
    with path.open(encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield n, line


@lru_cache(maxsize=None)
def word_class(name: str) -> frozenset[str]:
    """The entries of the word class ``name`` (``data/lexicons/classes/<name>.txt``)."""
    path = data_path("lexicons", "classes", f"{name}.txt")
    if not path.exists():
        raise LexiconError(f"no word class {name!r} (expected {path.relative_to(data_path())})")
    return frozenset(line.split("#", 1)[0].strip() for _, line in _lines(path) if line.split("#", 1)[0].strip())


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The entries of the word class ``name`` in file order, for classes whose order is a
    preference (``target_preps``: the first listed wins)."""
    path = data_path("lexicons", "classes", f"{name}.txt")
    if not path.exists():
        raise LexiconError(f"no word class {name!r} (expected {path.relative_to(data_path())})")
    out: list[str] = []
    for _, line in _lines(path):
        entry = line.split("#", 1)[0].strip()
        if entry and entry not in out:
            out.append(entry)
    return tuple(out)


def word_classes() -> list[str]:
    """The names of every shipped word class."""
    return sorted(p.stem for p in data_path("lexicons", "classes").glob("*.txt"))


@lru_cache(maxsize=None)
def table(*parts: str) -> tuple[dict[str, str], ...]:
    """The rows of a TSV table under ``data/`` (first non-comment line is the header)."""
    path = data_path(*parts)
    if not path.exists():
        raise LexiconError(f"no table {'/'.join(parts)!r}")
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for n, line in _lines(path):
        cols = line.split("\t")
        if header is None:
            header = [c.strip() for c in cols]
            continue
        if len(cols) != len(header):
            PROBLEMS.append(f"{'/'.join(parts)}:{n}: [W004] expected {len(header)} columns, found {len(cols)}; "
                            "line skipped")
            continue
        rows.append({h: c.strip() for h, c in zip(header, cols)})
    return tuple(rows)


_TRUE = ("1", "yes", "true", "y")


@dataclass(frozen=True)
class Sector:
    code: str
    name: str
    person: bool  # its noun names people ("officials", "soldiers"), who can speak and act
    institution: bool  # an organised body that acts as one
    state_organ: bool  # an organ of the state it belongs to (can stand for the state at home)
    private: bool  # private people or bodies of a state, not its organs
    abroad: bool  # often acts outside its own state (armies, agencies, IGOs, refugees)
    international: bool  # belongs to no one state (IGO, NGO, MNC): no country prefix
    office: bool  # a public office whose holders have dated tenures


@lru_cache(maxsize=1)
def sectors() -> dict[str, Sector]:
    out: dict[str, Sector] = {}
    for r in table("kb", "sectors.tsv"):
        flag = {k: r[k].lower() in _TRUE for k in r if k not in ("code", "name")}
        out[r["code"]] = Sector(r["code"], r["name"], flag["person"], flag["institution"], flag["state_organ"],
                                flag["private"], flag["abroad"], flag["international"], flag["office"])
    return out


def sector_has(code: str | None, prop: str) -> bool:
    """Whether the three-letter sector ``code`` has the property ``prop`` (a column of sectors.tsv)."""
    if not code:
        return False
    s = sectors().get(code[:3])
    return bool(s is not None and getattr(s, prop))


def sectors_with(prop: str) -> tuple[str, ...]:
    """Every sector code having ``prop``, for ``str.startswith`` and ``in`` tests."""
    return tuple(sorted(c for c, s in sectors().items() if getattr(s, prop)))
