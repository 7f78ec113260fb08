"""The gazetteer: GeoNames places (``data/geo/gazetteer.tsv.gz``) indexed by normalised name.

Built by ``scripts/build_geo.py`` (GeoNames, CC BY 4.0; see data/NOTICE.md). Read once per process
and then from the on-disk cache (``cache.py``), as the knowledge base is. Entries are kept in
columns (one list per field) so that 180,000 places cost little memory in every worker.
"""
from __future__ import annotations

import gzip
import math
import re
import sys
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterable

from ..cache import cached
from ..data import data_path
from .spelling import SpellingModel, build_spelling_model

GAZETTEER = data_path("geo", "gazetteer.tsv.gz")
COMPASS = data_path("geo", "compass.tsv")
DESIGNATORS = data_path("geo", "designators.txt")
# Arabic article forms a transliteration writes or drops ("Al Hudaydah", "Hudaydah").
ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "an ", "az ", "ath ", "adh ", "ed ", "es ")
_APOSTROPHES = re.compile(r"['’`ʻʼ‘]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)  # the toponym stage keys every capitalised token, many of them many times
def name_key(text: str) -> str:
    """``Sana'a`` → ``sanaa``; ``Al-Hudaydah`` → ``al hudaydah``: case, accents, apostrophes and
    hyphens are spelling, not identity."""
    t = text if text.isascii() else "".join(c for c in unicodedata.normalize("NFKD", text)
                                             if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", t.lower())).strip()


_VOWELS = re.compile(r"[aeiouyhw ]")
_REPEATS = re.compile(r"(.)\1+")
FUZZY_MIN_POPULATION = 5_000


def skeleton(key: str) -> str:
    """A spelling-blind key: the article, vowels, h/w/y, spaces and doubled letters dropped after the
    first letter (``oromia`` ~ ``oromiya`` → ``orm``); keys shorter than 3 are not indexed (too
    many namesakes). Candidates it finds are checked by string similarity."""
    key = strip_article(key) or key
    if not key:
        return ""
    return key[0] + _REPEATS.sub(r"\1", _VOWELS.sub("", key[1:]))


def strip_article(key: str) -> str | None:
    for a in ARTICLES:
        if key.startswith(a) and len(key) > len(a) + 2:
            return key[len(a):]
    return None


@dataclass(frozen=True)
class Place:
    """One gazetteer entry (a row of the columns), as the stage hands it on."""

    index: int
    geonames_id: int | None
    name: str
    fclass: str  # P populated place, A area
    fcode: str  # PPLC, PPL, ADM1, ADM2, PCLI
    iso2: str
    iso3: str
    code: str  # Phoenix/CAMEO state code
    adm1: str  # GeoNames admin-1 code
    admin1: str
    admin2: str
    lat: float
    lon: float
    population: int

    @property
    def level(self) -> int:
        """0 country, 1 admin-1, 2 admin-2, 3 populated place: higher is more specific."""
        return {"PCLI": 0, "ADM1": 1, "ADM2": 2}.get(self.fcode, 3)


@dataclass
class Gazetteer:
    # numbers in typed arrays, repeated strings (codes, admin names) shared: about 60 MB in memory
    ids: array = field(default_factory=lambda: array("q"))
    names: list[str] = field(default_factory=list)
    fclass: list[str] = field(default_factory=list)
    fcode: list[str] = field(default_factory=list)
    iso2: list[str] = field(default_factory=list)
    iso3: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    adm1: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin2: list[str] = field(default_factory=list)
    lat: array = field(default_factory=lambda: array("d"))
    lon: array = field(default_factory=lambda: array("d"))
    population: array = field(default_factory=lambda: array("q"))
    # name key → the entries so named (one int, or a tuple, most populous first); a negative
    # value ``~i`` says that entry ``i`` bears the name as an alternate, not as its own
    index: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    country_of_code: dict[str, int] = field(default_factory=dict)  # Phoenix or ISO-3 code → country entry
    first_words: set[str] = field(default_factory=set)  # first word of every key: a cheap pre-test
    # skeleton → entries (places of 5,000+ and areas, by their own names): the fallback for spellings
    fuzzy: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    generic: set[str] = field(default_factory=set)  # keys that are only a compass word ("Ouest", "Central")
    max_words: int = 1
    spelling: SpellingModel | None = None  # the state a name the gazetteer lacks is spelled like

    def __len__(self) -> int:
        return len(self.names)

    def place(self, i: int) -> Place:
        gid = self.ids[i]
        return Place(i, gid or None, self.names[i], self.fclass[i], self.fcode[i], self.iso2[i], self.iso3[i],
                     self.code[i], self.adm1[i], self.admin1[i], self.admin2[i], self.lat[i], self.lon[i],
                     self.population[i])

    def lookup(self, key: str) -> list[tuple[Place, bool]]:
        """(place, by its own name) for every entry a normalised name can mean."""
        refs = self.index.get(key, ())
        if isinstance(refs, int):
            refs = (refs,)
        return [(self.place(i if i >= 0 else ~i), i >= 0) for i in refs]

    def fuzzy_lookup(self, key: str) -> list[Place]:
        refs = self.fuzzy.get(skeleton(key), ())
        return [self.place(i) for i in ((refs,) if isinstance(refs, int) else refs)]

    def country(self, code: str | None) -> Place | None:
        i = self.country_of_code.get(code or "")
        return None if i is None else self.place(i)


def compass_forms(path: Path = COMPASS) -> dict[str, list[str]]:
    """English compass word (as a name key) → its forms in other languages (name keys)."""
    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("english\t") or not line.strip():
                continue
            eng, forms = line.rstrip("\n").split("\t")
            out[name_key(eng)] = [name_key(f) for f in forms.split() if name_key(f)]
    return out


def _compass_variants(key: str, compass: dict[str, list[str]]) -> set[str]:
    """``south kivu`` → ``sud kivu``; ``far north`` → ``extreme nord``: the local forms of an area name."""
    out: set[str] = set()
    for eng in sorted(compass, key=len, reverse=True):
        for form in compass[eng]:  # "shamal sina" → "north sina": the English form of a local name
            if key.startswith(form + " "):
                out.add(f"{eng} {key[len(form) + 1:]}")
        if key.startswith(eng + " "):
            rest = key[len(eng) + 1:]
            out.update(f"{f} {rest}" for f in compass[eng])
            out.update(f"{rest} {f}" for f in compass[eng])  # "Kivu Sud" orders
            break
        if key == eng:
            out.update(compass[eng])
            break
    return out


def designators(path: Path = DESIGNATORS) -> list[str]:
    """The generic words of admin-area names (name keys), longest first."""
    with path.open(encoding="utf-8") as fh:
        words = {name_key(line) for line in fh if line.strip() and not line.startswith("#")}
    return sorted(words - {""}, key=len, reverse=True)


def _without_designator(key: str, words: list[str]) -> str | None:
    """``muhafazat shamal sina`` → ``shamal sina``; ``salah ad din governorate`` → ``salah ad din``."""
    for w in words:
        if key.startswith(w + " ") and len(key) > len(w) + 3:
            return key[len(w) + 1:]
        if key.endswith(" " + w) and len(key) > len(w) + 3:
            return key[:-len(w) - 1]
    return None


def area_spellings(key: str, keys: Iterable[str], compass: dict[str, list[str]], admin_words: list[str]) -> set[str]:
    """An admin area's names as texts write them: without the designator, and with the English
    compass word for a local one."""
    spellings = {key}
    for k in [key, *keys]:
        short = _without_designator(k, admin_words)
        if short:
            spellings.add(short)
    for k in list(spellings):
        spellings |= _compass_variants(k, compass)
    return spellings


@lru_cache(maxsize=4096)
def spellings_of(name: str, fcode: str) -> frozenset[str]:
    """The keys a place's own name is written as (an area's short and English forms), for the
    similarity check of a guessed spelling."""
    key = name_key(name)
    if fcode not in ("ADM1", "ADM2"):
        return frozenset({key})
    return frozenset(area_spellings(key, (), _compass(), _designators()))


@lru_cache(maxsize=1)
def _compass() -> dict[str, list[str]]:
    return compass_forms()


@lru_cache(maxsize=1)
def _designators() -> list[str]:
    return designators()


def read_gazetteer(path: Path) -> Gazetteer:
    g = Gazetteer()
    fuzzy: dict[str, list[int]] = {}
    compass = compass_forms()
    admin_words = designators()
    g.generic = set(compass) | {f for forms in compass.values() for f in forms}
    index: dict[str, list[int]] = {}

    def add(key: str, ref: int) -> None:
        if not key:
            return
        refs = index.setdefault(key, [])
        if ref not in refs and ~ref not in refs:
            refs.append(ref)
        g.first_words.add(key.split(" ", 1)[0])
        g.max_words = max(g.max_words, key.count(" ") + 1)

    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header: list[str] | None = None
        for line in fh:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            r = dict(zip(header, cols))
            i = len(g.names)
            g.ids.append(int(r["id"]) if r["id"] else 0)
            g.names.append(r["name"])
            for col in ("fclass", "fcode", "iso2", "iso3", "code", "adm1", "admin1", "admin2"):
                getattr(g, col).append(sys.intern(r[col]))
            g.lat.append(float(r["lat"]))
            g.lon.append(float(r["lon"]))
            g.population.append(int(r["population"] or 0))
            own = name_key(r["name"])
            add(own, i)
            keys = {name_key(a) for a in r["alt"].split("|") if a} - {own}
            for k in keys:
                add(k, ~i)
            for k in {own, *keys}:
                bare = strip_article(k)
                if bare:
                    add(bare, ~i)
            spellings = {own}
            if r["fcode"] in ("ADM1", "ADM2"):
                # the area's name without its designator (and its article), and with English compass words
                spellings = area_spellings(own, keys, compass, admin_words)
                for k in spellings - {own}:
                    add(k, ~i)
                    bare = strip_article(k)
                    if bare:
                        add(bare, ~i)
            if r["fclass"] == "A" or int(r["population"] or 0) >= FUZZY_MIN_POPULATION:
                for k in spellings:
                    sk = skeleton(k)
                    if len(sk) >= 3 and i not in fuzzy.get(sk, ()):
                        fuzzy.setdefault(sk, []).append(i)
            if r["fcode"] == "PCLI":
                g.country_of_code[r["iso3"]] = i
                if r["code"] == r["iso3"]:  # a territory Phoenix codes as its state (Jersey) is not that state
                    g.country_of_code[r["code"]] = i
                else:
                    g.country_of_code.setdefault(r["code"], i)
    g.fuzzy = {k: v[0] if len(v) == 1 else tuple(v) for k, v in fuzzy.items()}
    # populated places by their own names (GeoNames' local transliterations, not exonyms)
    g.spelling = build_spelling_model([(strip_article(k) or k, g.iso3[i]) for i in range(len(g.names))
                                       if g.fclass[i] == "P" for k in (name_key(g.names[i]),)])
    # most populous first: the order a population prior reads them in
    g.index = {k: v[0] if len(v) == 1 else tuple(sorted(v, key=lambda ref: -g.population[ref if ref >= 0 else ~ref]))
               for k, v in index.items()}
    return g


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, built once and then read from the on-disk cache."""
    return cached("gazetteer", [GAZETTEER, COMPASS, DESIGNATORS, Path(__file__), Path(__file__).with_name("spelling.py")],
                  lambda: read_gazetteer(GAZETTEER))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
