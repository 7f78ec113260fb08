"""The CAMEO codebook: labels, Goldstein values, quad classes and the PLOVER mapping.

Conventions: Goldstein values are GDELT's (column ``goldstein_gdelt`` of
``cameo_codes.tsv``, falling back to Phoenix's); quad classes are GDELT's 1–4
(1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
PLOVER type/mode come from ``CAMEO2PLOVER-2021.txt`` (the PLOVER 2021 draft); a code
missing from a table inherits from its closest parent code. CAMEO 02 (appeals), which the
2021 table leaves out, is PLOVER REQUEST; CAMEO 01 (statements) has no PLOVER type.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..data import data_path
from ..errors import UsageError


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    label: str
    goldstein: float | None  # None: a user's code outside CAMEO (passed through as given)
    quad_class: int | None
    plover: str | None
    plover_mode: str | None
    plover_context: str | None


def quad_of_root(root: str) -> int:
    r = int(root)
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13:
        return 3
    return 4


class Codebook:
    def __init__(self, codes: dict[str, CameoCode]):
        self.codes = codes

    def lookup(self, code: str) -> CameoCode | None:
        """The code's entry (a code deeper than the table inherits from its closest parent), or
        None for a code outside CAMEO."""
        c = code
        while len(c) >= 2:
            if c in self.codes:
                found = self.codes[c]
                return found if c == code else CameoCode(code, found.root, found.label, found.goldstein,
                                                         found.quad_class, found.plover, found.plover_mode,
                                                         found.plover_context)
            c = c[:-1]
        return None

    def get(self, code: str) -> CameoCode:
        found = self.lookup(code)
        if found is None:
            raise UsageError("E009", what="CAMEO code", value=code, options="codes of cameo_codes.tsv, e.g. 043")
        return found

    def entry(self, code: str) -> CameoCode:
        """The code's entry; a code outside CAMEO (a user's own ontology, a test code such as
        ``212`` or ``+++``) passes through as given, without Goldstein value, quad class or PLOVER
        type. Its root is its first two characters when they are digits, else the code itself."""
        found = self.lookup(code)
        if found is not None:
            return found
        root = code[:2] if code[:2].isdigit() else code
        return CameoCode(code, root, "", None, None, None, None, None)

    def unknown(self, codes: Iterable[str]) -> list[str]:
        """The codes among ``codes`` that are outside CAMEO, sorted."""
        return sorted({c for c in codes if c and self.lookup(c) is None})

    def __contains__(self, code: str) -> bool:
        return code in self.codes


_C2P = re.compile(r"^(\d{2,4}):\s*([A-Z_]+)?\s*(?:,\s*([^,#]*))?(?:,\s*([^#]*))?")


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    plover: dict[str, tuple[str | None, str | None, str | None]] = {}
    for line in data_path("ontology", "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = _C2P.match(line.strip())
        if m:
            typ, mode, ctx = (x.strip() if x else None for x in m.groups()[1:])
            plover[m.group(1)] = (typ or None, mode or None, ctx or None)
    codes: dict[str, CameoCode] = {}
    with data_path("ontology", "cameo_codes.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            code = row["code"].strip()
            g = row["goldstein_gdelt"] or row["goldstein_phoenix"] or "0"
            q = row["quadclass_gdelt"] or str(quad_of_root(row["root"]))
            p = _inherit(plover, code)
            if not p[0] and value(code, "plover_fallback"):
                # (CAMEO2PLOVER-2021 leaves appeals unmapped: cameo_properties.tsv says what they are)
                p = (value(code, "plover_fallback"), value(code, "plover_mode_fallback") or None, None)
            codes[code] = CameoCode(code, row["root"], row["label"] or row["gdelt_label"], float(g), int(q),
                                    p[0] or (row["plover"] or None), p[1] or (row["plover_mode"] or None),
                                    p[2] or (row["plover_context"] or None))
    return Codebook(codes)


def _inherit(table: dict[str, tuple], code: str) -> tuple:
    c = code
    while c:
        if c in table and table[c][0]:
            return table[c]
        c = c[:-1]
    return (None, None, None)


# ---------------------------------------------------------------- code properties
# What the event rules need to know about a code (reciprocal, a use of force, a demand, …) is a
# column of data/ontology/cameo_properties.tsv keyed by root or code prefix, not a test in code.

_TRUE = ("1", "yes", "true", "y")


@lru_cache(maxsize=1)
def _properties() -> dict[str, dict[str, str]]:
    from ..lexicon import table

    return {r["prefix"]: {k: v for k, v in r.items() if k != "prefix" and v} for r in
            table("ontology", "cameo_properties.tsv")}


@lru_cache(maxsize=4096)
def value(code: str | None, prop: str) -> str:
    """The property ``prop`` of ``code``: the cell of its longest listed prefix that has one
    (``""`` when none does). No code (``None``/``""``) reads the row ``-``."""
    rows = _properties()
    if not code:
        return rows.get("-", {}).get(prop, "")
    c = code
    while c:
        cell = rows.get(c, {}).get(prop)
        if cell is not None:
            return cell
        c = c[:-1]
    return ""


@lru_cache(maxsize=4096)
def has(code: str | None, prop: str) -> bool:
    """Whether ``code`` has the yes/no property ``prop`` (a column of cameo_properties.tsv)."""
    return value(code, prop).lower() in _TRUE


def properties() -> tuple[str, ...]:
    """The property columns of the table."""
    return tuple(sorted({k for r in _properties().values() for k in r}))
