"""Alias benchmark: do descriptors, nicknames, misspellings, partial names and censored titles
resolve to the person the text means, and is any leader split into two actors?

Reads the articles of ``tests/actors/articles`` (written for diplograph in the seed's style:
machine-translated commentary, censored titles, nicknames, misspellings; no text copied) and
their gold (``gold.jsonl``). Sets, reported apart:

- ``build``   (a1-a6, and c1-c4 written later by the helper ``actors`` on other regions): read while
  the mechanisms were built (their errors were looked at);
- ``heldout`` (b1-b4): written at the same time, before any mechanism, and never read while building;
- ``fresh``   (d1-d6): written afterwards by a session that saw neither the code nor the other articles'
  texts (only the seed for style and the gold format), on six regions no other article covers
  except the Maghreb (c1 is a build article there); never read while building, scored once the
  mechanisms were done. Read since (its errors were printed while building the third round): a build
  set now, scored under its old name.
- ``fresh2``  (e1-e6): written the same way by another independent session (seed and gold format only)
  on six other regions (the Baltic states and Poland, the Andes, Central Africa, mainland Southeast
  Asia, Iraq/Iran/Kurdistan, the Eastern Mediterranean) after the third round of mechanisms began;
  scored once by the lead while unread (aggregates only), then built on by the fourth round.
- ``fresh3``  (f1-f6): a third set written the same way (coastal West Africa, the Caribbean, Central/Eastern
  Europe, Sudan/South Sudan/Chad, East Asia, the Southern Cone), scored once by the lead after the fourth
  round had landed.
- ``fresh4``  (g1-g6) and ``fresh5`` (h1-h6): two more sets written the same way by two independent sessions
  at the start of the seventh stop (g: the African Great Lakes, the Indian Ocean islands, Eastern Europe,
  North America, Afghanistan/Pakistan, Egypt/Libya; h: Western Europe, Mongolia and the Russian Far East,
  East Africa, the Gulf of Guinea, Venezuela/Guyana/Colombia, Turkey), kept out of every helper's reach and
  scored once by the lead after that stop's alias work had landed.
- ``fresh6``  (i1-i6) and ``fresh7`` (j1-j6): written the same way at the start of the eighth stop (i: Brazil,
  Mexico, Japan, the Philippines, Nigeria, Yemen/Saudi Arabia; j: Bangladesh, Indonesia, Portugal, Israel,
  Ethiopia/Eritrea, Georgia), kept out of every helper's reach and scored once by the lead (aggregates only)
  on main at the start of the stop and after that stop's work had landed.

- ``fresh10`` (m1-m6) and ``fresh11`` (n1-n6): written the same way at the start of the ninth stop (m: Egypt,
  Spain, Taiwan/China, Senegal, Serbia/Kosovo, Peru; n: Vietnam, Italy, Zimbabwe, Azerbaijan/Armenia, Ecuador,
  Sri Lanka), scored once by the lead while unread (aggregates only, on main at the start of the stop: aliases
  70.9 % and 74.5 %, censored titles 69.4 % and 75.0 %), then given to that stop's builders as build sets.

- ``fresh8`` (k1-k6) and ``fresh9`` (l1-l6): written the same way at the start of the ninth stop (k: India,
  Argentina, South Africa, Iran, Poland, Australia; l: Pakistan, Colombia, Kenya, Romania/Moldova,
  Thailand/Cambodia, Canada), kept out of every helper's reach and scored by the lead (aggregates only) on main
  at the start and at the end of that stop. Not readable since: with i1-i6 and j1-j6 they are the validation
  sets of later work (aggregates only).

- ``fresh14`` (q1-q6) and ``fresh15`` (r1-r6): written the same way at the start of the tenth stop (q:
  Mozambique, Tunisia, Germany, Myanmar, Guatemala, Uzbekistan; r: Tanzania, Lebanon, France, New Zealand,
  Cuba, Burkina Faso), scored once by the lead while unread (aggregates only, on main ed46f3f at the start of
  the stop: aliases 74.0 % and 73.4 %, censored titles 60.0 % and 67.6 %), then given to that stop's builders as
  build sets.

- ``fresh12`` (o1-o6) and ``fresh13`` (p1-p6): written the same way at the start of the tenth stop (o: Ghana,
  Algeria, Hungary, Malaysia, Chile, Ukraine; p: Cameroon, Jordan, Kazakhstan, Greece, Nepal, Bolivia), kept
  outside the repository and out of every helper's reach during that stop, scored by the lead (aggregates only)
  on main at its start (ed46f3f) and at its end. Validation sets through the end of that stop (aggregates only);
  build sets since the eleventh stop (their errors may be printed).

- ``fresh18`` (u1-u6) and ``fresh19`` (v1-v6): written the same way at the start of the eleventh stop (u: Angola,
  Libya, Austria, Paraguay, Singapore, Tajikistan; v: Rwanda, Bahrain, Bulgaria, Nicaragua, Fiji, Mali), scored by
  the lead while unread (aggregates only) on main a9f2f33 (fresh18 with the crash fix of the stop's first commit:
  the unread u2 raised in coreference), and validation sets from then on, with i-l: aggregates only.

Each fresh set is a build set once scored (its errors may be printed since), except the *validation* sets
i1-i6, j1-j6, k1-k6, l1-l6, u1-u6 and v1-v6: scored for aggregates while building (to see whether a change
carries over to text its builders did not read), their errors and the names of their split leaders not printed.

With ``../shared`` present the seed article is scored too (its aliases must not drop).

A gold mention is *resolved* when the actor whose mention overlaps it most is a person whose
name matches one of the gold names (transliteration keys of the distinctive words: two words
in common, or the actor's one-word name among them). A censored title is *restored* when the
restored word contains one of the accepted titles. A person is *split* when two different
person actors of the analysis are that person: their names match a gold name under a spelling-blind
comparison of the benchmark's own (folded vowels, one or two edits in a long word), or they carry
the person's full-name (anchor) mentions. ``code`` is the share of resolved mentions whose
actor's state is the gold code's state; ``code (state + sector)`` also compares the first agent code (GOV against ELI:
whether the person held office on the document date).

Usage: ``.venv/bin/python benchmarks/aliases.py [--set build|heldout|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10|fresh11|fresh12|fresh13|fresh14|fresh15|fresh18|fresh19|seed] [--articles PREFIX] [--errors]``.
``--codes`` prints the resolved mentions whose actor's code (state + sector) is not the gold code, readable
sets only. ``--errors`` prints the unresolved mentions of the build set and of d1-d6 (the first fresh set, scored
once and a build set since); never of b1-b4 or of a later held-out set.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "actors" / "articles"
SEED = ROOT.parent / "shared" / "seed" / "000_32cb580131ed3d26.txt"

MECHANISMS = ("office_holder", "text_nickname", "sobriquet", "honorific", "misspelling", "partial_name",
              "descriptor", "censored_title")
# Sets whose errors may be printed: build (a, c), fresh (d1-d6), fresh2 (e1-e6), fresh3 (f1-f6), fresh4 (g1-g6),
# fresh5 (h1-h6), each scored once while unread and a build set since; fresh6 (i1-i6) and fresh7 (j1-j6)
# are the ninth stop's validation pair, and with fresh8 (k1-k6) and fresh9 (l1-l6) validation sets since: aggregates only; fresh10 (m1-m6) and fresh11 (n1-n6) scored once unread
# at the start of the ninth stop, and fresh14 (q1-q6) and fresh15 (r1-r6) at the start of the tenth, build sets since;
# fresh12 (o1-o6) and fresh13 (p1-p6), the tenth stop's held-out sets, validation sets to its end and build sets
# since; fresh18 (u1-u6) and fresh19 (v1-v6), written at the start of the eleventh stop, validation sets.
# Only articles whose file name starts with one of these letters are ever printed: a later held-out
# set must stay unread even if it is filed under one of these set names.
READABLE = ("build", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh10", "fresh11", "fresh12", "fresh13",
            "fresh14", "fresh15")
READABLE_ARTICLES = ("a", "c", "d", "e", "f", "g", "h", "m", "n", "o", "p", "q", "r")
PARTICLES = {"al", "el", "bin", "ibn", "jr", "da", "de", "the", "abd", "abu", "van", "von", "der", "le", "la"}

# The seed's own aliases (the article lives in ../shared; the gold is ours).
SEED_GOLD = {
    "article": "seed", "set": "seed", "date": "2023-11-24",
    "people": {"naz": {"names": ["Nursultan Nazarbayev"], "code": "KAZELI"},
               "tok": {"names": ["Kasym-Zhomart Tokayev"], "code": "KAZGOV"}},
    "mentions": [{"text": "Lao Na", "nth": 1, "mech": "honorific", "who": "naz"},
                 {"text": "Lao Na", "nth": 2, "mech": "honorific", "who": "naz"},
                 {"text": "Lao Na", "nth": 3, "mech": "honorific", "who": "naz"},
                 {"text": "the old man", "nth": 1, "mech": "descriptor", "who": "naz"},
                 {"text": "Naksharov", "nth": 1, "mech": "misspelling", "who": "naz"},
                 {"text": "Nazarbayev", "nth": 3, "mech": "partial_name", "who": "naz"},
                 {"text": "Tokayev", "nth": 2, "mech": "partial_name", "who": "tok"}],
    "redactions": [{"nth": 2, "who": "tok", "accept": ["president"]}],
}


def name_words(name: str) -> set[str]:
    from diplograph.actors.aliases import translit_key

    words = [translit_key(w) for w in re.split(r"[\s\-]+", name.replace(".", " ")) if w]
    words += [translit_key(w) for w in name.split() if "-" in w]  # Kasym-Zhomart as one word too
    return {w for w in words if len(w) >= 2 and w not in PARTICLES}


def matches(actor_name: str, gold_names: list[str]) -> bool:
    a = name_words(actor_name)
    for g in gold_names:
        gw = name_words(g)
        common = a & gw
        if len(common) >= min(2, len(gw)) or (len(a) == 1 and common):
            return True
    return False


def _loose_words(name: str) -> list[str]:
    """Name words for split detection, spelling-blind on purpose and independent of the engine's
    own comparison (so that a weakness there cannot hide a split): ASCII, lower case, vowels
    folded, doubled letters collapsed."""
    import unicodedata

    out = []
    for w in re.split(r"[\s\-]+", name.replace(".", " ")):
        w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode().lower()
        w = re.sub(r"[^a-z]", "", w)
        if len(w) < 2 or w in PARTICLES or w in ("bin", "ibn", "ben", "bint"):
            continue
        w = re.sub(r"(.)\1+", r"\1", w.translate(str.maketrans("eoy", "iui")))
        out.append(w)
    return out


def _loose_same(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and a[0] == b[0] and Levenshtein.distance(a, b) <= (1 if len(a) < 8 else 2)


def loosely_matches(actor_name: str, gold_names: list[str]) -> bool:
    """The actor's name is one of the gold names under any spelling: two words agree (every word
    of a one- or two-word gold name), or the actor's one-word name is one of the gold words."""
    a = _loose_words(actor_name)
    for g in gold_names:
        gw = _loose_words(g)
        common = sum(1 for v in gw if any(_loose_same(w, v) for w in a))  # distinct gold words found
        if common >= min(2, len(gw)) or (len(a) == 1 and common):
            return True
    return False


def occurrence(text: str, needle: str, nth: int) -> tuple[int, int]:
    found = list(re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text))
    m = found[nth - 1]
    return m.start(), m.end()


def load_gold() -> list[dict]:
    lines = (ARTICLES / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines if line.strip()]
    return [d for d in docs if "article" in d]


def score(docs: list[dict], show: bool, codes: bool = False) -> dict:
    from diplograph.actors import title_choice
    from diplograph.hierarchy import canonical_code
    from diplograph.pipeline import Pipeline
    from diplograph.records import Document

    pipe = Pipeline()
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    coded = [0, 0, 0]  # resolved with the gold state, resolved, resolved with the gold code (state + sector)
    # (gold sector, our sector) over the resolved mentions; ours is "-" for a plain state code, "wrong state"
    # when the state already differs
    confusion: dict[tuple[str, str], int] = defaultdict(int)
    # title rule → [right, restored]; office-holder rule → [right, gold mentions its mention overlaps most]
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    splits: list[str] = []
    errors: list[str] = []
    # redactions with a right title among the candidates, with any candidate, candidates in all
    candidates = [0, 0, 0]
    wrong_titles = 0  # redactions given a title the gold does not accept (precision: a wrong title is worse than none)
    for d in docs:
        text = SEED.read_text(encoding="utf-8") if d["article"] == "seed" else \
            (ARTICLES / d["article"]).read_text(encoding="utf-8")
        title_choice.TRACE = []  # every redaction's candidate titles: is a right one among them?
        try:
            a = pipe.analyze_one(Document(d["article"], text, d["date"]))
            proposed = {t["where"]: [title.lower() for title, _ in t["candidates"]] for t in title_choice.TRACE}
        finally:
            title_choice.TRACE = None
        spans = [(m.start, m.end, x, m.rule) for x in a.actors for m in x.mentions]
        anchored: dict[str, list] = defaultdict(list)  # person key → the actors its full-name mentions went to
        for m in d["mentions"]:
            s, e = occurrence(text, m["text"], m["nth"])
            best, overlap, made_by = None, 0, None
            for ms, me, x, rule in spans:
                ov = min(e, me) - max(s, ms)
                if ov > overlap:
                    best, overlap, made_by = x, ov, rule
            person = d["people"][m["who"]]
            if m["mech"] == "anchor" and best is not None:
                anchored[m["who"]].append(best)
            ok = best is not None and best.type == "person" and matches(best.name, person["names"])
            if m["mech"] == "anchor":
                continue
            per[m["mech"]][1] += 1
            per[m["mech"]][0] += ok
            if made_by and "office_holder" in made_by:  # the office-holder rules' precision on gold mentions
                by_rule[made_by][1] += 1
                by_rule[made_by][0] += ok
            if ok:
                gold = canonical_code(person["code"])  # the gold's writers coded Kosovo KOS; the project writes XKX
                coded[1] += 1
                coded[0] += (best.country or "") == gold[:3]
                coded[2] += (best.code or "")[:6] == gold[:6]  # GOV vs ELI: the date-dependent part
                confusion[(gold[3:6] or "-", sector_of(best.code, gold))] += 1
                if codes and d["article"].startswith(READABLE_ARTICLES) and (best.code or "")[:6] != gold[:6]:
                    errors.append(f"  {d['article']}: code {m['mech']:<14} {m['text']!r} → {best.name} "
                                  f"({best.code}, {best.country}; gold {person['code']})")
            elif show and d["article"].startswith(READABLE_ARTICLES):
                got = f"{best.name} ({best.type}, {best.code})" if best is not None else "nothing"
                errors.append(f"  {d['article']}: {m['mech']:<14} {m['text']!r} → {got}")
        for r in d["redactions"]:
            reds = a.redactions
            k = r["nth"] - 1
            restored = (reds[k].restored or "") if k < len(reds) else ""
            ok = bool(restored) and any(acc in restored.lower() for acc in r["accept"])
            wrong_titles += bool(restored) and not ok
            if restored:
                rule = (reds[k].rule or "?") if k < len(reds) else "?"
                by_rule[rule][1] += 1
                by_rule[rule][0] += ok
            per["censored_title"][1] += 1
            per["censored_title"][0] += ok
            cands = proposed.get(k, [])
            reach = any(acc in c for c in cands for acc in r["accept"])
            candidates[0] += reach
            candidates[1] += bool(cands)
            candidates[2] += len(cands)
            if not ok and show and d["article"].startswith(READABLE_ARTICLES):
                errors.append(f"  {d['article']}: censored_title  #{r['nth']} ({r['who']}) → {restored or 'nothing'}"
                              f"{'' if reach else ' (no right candidate: ' + ', '.join(cands) + ')'}")
        for key, person in d["people"].items():
            # A split: two person actors of this document are this person, found by their names
            # (spelling-blind) or by carrying two of the person's full-name (anchor) mentions.
            ids = {x.id for x in a.actors if x.type == "person" and loosely_matches(x.name, person["names"])}
            ids |= {x.id for x in anchored.get(key, []) if x.type == "person"}
            if len(ids) > 1:
                splits.append(f"{d['article']}: {person['names'][0]} → {sorted(ids)}")
    for line in errors:
        print(line)
    return {"per": dict(per), "coded": coded, "splits": splits, "title_rules": dict(by_rule),
            "candidates": candidates, "confusion": dict(confusion), "wrong_titles": wrong_titles}


def sector_of(code: str | None, gold: str) -> str:
    """Our sector for the confusion table: ``-`` for a plain state code, ``x`` (no state or another state)."""
    if not code or code[:3] != gold[:3]:
        return "x"
    return code[3:6] or "-"


def print_confusion(confusion: dict[tuple[str, str], int]) -> None:
    """Gold sector (rows) against ours (columns; ``-`` a plain state code, ``x`` no state or another state)."""
    if not confusion:
        return
    rows = sorted({g for g, _ in confusion}, key=lambda g: -sum(n for (r, _), n in confusion.items() if r == g))
    cols = sorted({o for _, o in confusion}, key=lambda o: (o in ("-", "x"), -sum(
        n for (_, c), n in confusion.items() if c == o)))
    print("  sector confusion (rows gold, columns ours; - a plain state code, x another or no state):")
    print("    " + "gold".ljust(5) + "".join(c.rjust(5) for c in cols) + "  right")
    for g in rows:
        n = sum(confusion.get((g, c), 0) for c in cols)
        print("    " + g.ljust(5) + "".join(str(confusion.get((g, c), "")).rjust(5) for c in cols)
              + f"  {confusion.get((g, g), 0)}/{n}")


def report(name: str, res: dict, named: bool = True) -> None:
    """Print a set's aggregates; ``named`` also lists the split leaders by name (readable sets only: a
    validation or held-out set's names and articles are not shown)."""
    per = res["per"]
    alias_ok = sum(v[0] for k, v in per.items() if k != "censored_title")
    alias_n = sum(v[1] for k, v in per.items() if k != "censored_title")
    print(f"\n== {name}")
    for mech in MECHANISMS:
        if mech in per:
            ok, n = per[mech]
            print(f"  {mech:<15} {ok:>3}/{n:<3} {ok / n:6.1%}")
    print(f"  {'aliases (all)':<15} {alias_ok:>3}/{alias_n:<3} {alias_ok / max(alias_n, 1):6.1%}")
    c = res["coded"]
    print(f"  resolved mentions with the gold state: {c[0]}/{c[1]}")
    print(f"  resolved mentions with the gold code (state + sector): {c[2]}/{c[1]}")
    print_confusion(res.get("confusion", {}))
    if "censored_title" in per:
        reach, some, n_cands = res["candidates"]
        n = per["censored_title"][1]
        print(f"  censored titles with a right title among the candidates: {reach}/{n} {reach / max(n, 1):6.1%} "
              f"(some candidate: {some}/{n}; {n_cands / max(n, 1):.1f} candidates a redaction)")
        right, wrong = per["censored_title"][0], res.get("wrong_titles", 0)
        print(f"  censored titles restored right / wrong / none: {right} / {wrong} / {n - right - wrong}")
    for rule, (ok, n) in sorted(res.get("title_rules", {}).items(), key=lambda kv: -kv[1][1]):
        what = "restorations" if ".title_" in rule or rule == "?" else "gold mentions it took"
        print(f"  rule {rule:<38} right {ok:>3}/{n:<3} (precision of its {what})")
    print(f"  split leaders: {len(res['splits'])}")
    for s in res["splits"] if named else ():
        print(f"    {s}")


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    only = None
    if "--set" in argv:
        only = argv[argv.index("--set") + 1]
    show = "--errors" in argv
    codes = "--codes" in argv  # resolved mentions whose code is not the gold code (readable sets only)
    gold = load_gold()
    if "--articles" in argv:  # only the articles whose file name starts with this prefix (e.g. ``c``)
        prefix = argv[argv.index("--articles") + 1]
        gold = [d for d in gold if d["article"].startswith(prefix)]
    sets = {name: [d for d in gold if d["set"] == name] for name in ("build", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh10", "fresh11", "fresh8", "fresh9", "fresh14", "fresh15", "fresh12", "fresh13",
                                                               "fresh18", "fresh19")}
    if SEED.exists():
        sets["seed"] = [SEED_GOLD]
    for name, docs in sets.items():
        if only and name != only:
            continue
        if not docs:
            continue
        if show and name not in READABLE:
            print(f"(--errors is not shown for the {name} set)")
        report(name, score(docs, show and name in READABLE, codes and name in READABLE),
               named=name in READABLE or name == "seed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
