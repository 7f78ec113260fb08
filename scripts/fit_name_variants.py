"""Fit the acceptance of ``actors.variants.is_variant``: is one name word another spelt otherwise?

Pairs are generated, never read from articles or dev records:

- positives: every name word (four letters or more) of the leader tables (``data/kb/leaders.tsv``)
  with one or two edits of the kinds romanisations and typists make (a vowel changed, a letter doubled
  or undoubled, a letter dropped or added inside the word (a final letter added or dropped makes
  another name: Ivan/Ivana, Biden/Bidens), two neighbours swapped, a changed ending -a/-o, -ka/-ko,
  -ov/-off, -i/-y, a digraph written another way: gh/g, kh/h/k, sh/ch/sch, j/dj/y, ph/f, w/v, ou/u,
  c/k, ks/x, an aspiration h dropped or added after a consonant); the first letter is kept;
- negatives: the same word against the OTHER name words of the tables nearest to it (edit distance
  1-3, same first letter) and against random ones; pairs the transliteration table already equates
  (same key, same consonant skeleton, vowels folded) are left out: the rules take those, and the tables
  hold such pairs as different words of one name.

Logistic regression on standardised ``actors.variants.features``; five-fold cross-validation grouped by
the source word (a word and its variants never on both sides); the acceptance threshold is the lowest
that keeps the pooled out-of-fold precision at ``MIN_PRECISION`` (a wrong merge of two people costs
more than a missed variant). Writes ``src/diplograph/data/models/name_variants.json`` with the
figures. Needs the ``train`` extra (scikit-learn).

Usage (from the repository root)::

    .venv/bin/python scripts/fit_name_variants.py
"""
from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from diplograph.actors.aliases import translit_key  # noqa: E402
from diplograph.actors.spelling import skeleton, vowel_fold  # noqa: E402
from diplograph.actors.variants import FEATURES, features  # noqa: E402
from diplograph.text.fold import ascii_fold  # noqa: E402

OUT = ROOT / "src" / "diplograph" / "data" / "models" / "name_variants.json"
LEADERS = ROOT / "src" / "diplograph" / "data" / "kb" / "leaders.tsv"
MIN_PRECISION = 0.90
SEED = 15
VOWELS = "aeiouy"
DIGRAPHS = [("gh", "g"), ("g", "gh"), ("kh", "h"), ("kh", "k"), ("h", "kh"), ("sh", "ch"), ("ch", "sh"),
            ("sh", "sch"), ("j", "dj"), ("j", "y"), ("y", "j"), ("dj", "j"), ("ph", "f"), ("f", "ph"), ("w", "v"),
            ("v", "w"), ("ou", "u"), ("u", "ou"), ("c", "k"), ("k", "c"), ("ks", "x"), ("x", "ks"), ("ee", "i"),
            ("i", "ee"), ("ie", "i"), ("q", "k"), ("k", "q"), ("z", "s"), ("s", "z")]
ENDINGS = [("a", "o"), ("o", "a"), ("ka", "ko"), ("ko", "ka"), ("ov", "off"), ("off", "ov"), ("i", "y"), ("y", "i"),
           ("ev", "yev"), ("e", "a"), ("an", "en"), ("ia", "iya")]


def name_words() -> list[str]:
    words: set[str] = set()
    with LEADERS.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            for w in re.split(r"[\s\-]+", row["leader"]):
                w = ascii_fold(w).lower()
                if w.isalpha() and len(w) >= 4:
                    words.add(w)
    return sorted(words)


def edit(word: str, rng: random.Random) -> str:
    """One edit of a kind romanisations and typists make; the first letter stays."""
    kind = rng.choice(["vowel", "double", "drop", "add", "swap", "ending", "digraph", "h"])
    w = word
    if kind == "vowel":
        pos = [i for i in range(1, len(w)) if w[i] in VOWELS]
        if pos:
            i = rng.choice(pos)
            w = w[:i] + rng.choice([v for v in "aeiou" if v != w[i]]) + w[i + 1:]
    elif kind == "double":
        pairs = [i for i in range(1, len(w) - 1) if w[i] == w[i + 1]]
        if pairs:
            i = rng.choice(pairs)
            w = w[:i] + w[i + 1:]
        else:
            i = rng.randrange(1, len(w))
            w = w[:i] + w[i] + w[i:]
    elif kind == "drop":
        i = rng.randrange(1, len(w) - 1)
        w = w[:i] + w[i + 1:]
    elif kind == "add":
        # not at the end: a final vowel added makes another (often the other gender's) name, Ivan/Ivana
        i = rng.randrange(1, len(w))
        w = w[:i] + rng.choice([w[i - 1], rng.choice("aeiou"), rng.choice("hnrlt")]) + w[i:]
    elif kind == "swap":
        i = rng.randrange(1, len(w) - 1)
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif kind == "ending":
        fits = [(a, b) for a, b in ENDINGS if w.endswith(a)]
        if fits:
            a, b = rng.choice(fits)
            w = w[:-len(a)] + b
    elif kind == "digraph":
        fits = [(a, b) for a, b in DIGRAPHS if a in w[1:]]
        if fits:
            a, b = rng.choice(fits)
            i = w.index(a, 1)
            w = w[:i] + b + w[i + len(a):]
    elif kind == "h":
        hs = [i for i in range(1, len(w)) if w[i] == "h" and w[i - 1] not in VOWELS]
        if hs:
            i = rng.choice(hs)
            w = w[:i] + w[i + 1:]
        else:
            cons = [i for i in range(1, len(w)) if w[i - 1] in "tkbdgps" and w[i] in VOWELS]
            if cons:
                i = rng.choice(cons)
                w = w[:i] + "h" + w[i:]
    return w


def equated(a: str, b: str) -> bool:
    ka, kb = translit_key(a), translit_key(b)
    return ka == kb or (len(skeleton(ka)) >= 3 and skeleton(ka) == skeleton(kb)) or vowel_fold(ka) == vowel_fold(kb)


def pairs(words: list[str], rng: random.Random) -> tuple[list[tuple[str, str]], list[int], list[int]]:
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w)
    X, y, groups = [], [], []
    for g, w in enumerate(words):
        for _ in range(3):
            v = edit(w, rng)
            if rng.random() < 0.25:
                v = edit(v, rng)
            if v != w and not equated(w, v) and len(v) >= 3:
                X.append((w, v)); y.append(1); groups.append(g)
        near = [o for o in by_first[w[0]] if o != w and abs(len(o) - len(w)) <= 3
                and 1 <= Levenshtein.distance(o, w) <= 3 and not equated(w, o)]
        for o in rng.sample(near, min(4, len(near))):
            X.append((w, o)); y.append(0); groups.append(g)
        for o in rng.sample(words, 2):
            if o != w and not equated(w, o):
                X.append((w, o)); y.append(0); groups.append(g)
    return X, y, groups


def main() -> int:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    rng = random.Random(SEED)
    words = name_words()
    P, y, groups = pairs(words, rng)
    X = np.array([features(a, b) for a, b in P])
    y = np.array(y)
    groups = np.array(groups)
    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        sc = StandardScaler().fit(X[train])
        clf = LogisticRegression(max_iter=2000, C=1.0).fit(sc.transform(X[train]), y[train])
        oof[test] = clf.predict_proba(sc.transform(X[test]))[:, 1]
    auc = roc_auc_score(y, oof)
    threshold, best = 0.5, None
    for t in np.arange(0.05, 0.995, 0.005):
        pred = oof >= t
        tp = int((pred & (y == 1)).sum()); fp = int((pred & (y == 0)).sum())
        prec = tp / max(tp + fp, 1)
        if prec >= MIN_PRECISION:
            threshold, best = float(round(t, 3)), (prec, tp / int((y == 1).sum()))
            break
    sc = StandardScaler().fit(X)
    clf = LogisticRegression(max_iter=2000, C=1.0).fit(sc.transform(X), y)
    model = {
        "about": "actors.variants: logistic regression over name-word spelling features; fitted by "
                 "scripts/fit_name_variants.py on generated pairs from data/kb/leaders.tsv (no article or dev text)",
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in clf.coef_[0]],
        "bias": round(float(clf.intercept_[0]), 6),
        "mean": [round(float(m), 6) for m in sc.mean_],
        "scale": [round(float(s), 6) for s in sc.scale_],
        "threshold": threshold,
        "cv": {"folds": 5, "grouped_by": "source word", "pairs": int(len(y)), "positives": int(y.sum()),
               "words": len(words), "auc": round(float(auc), 4), "min_precision": MIN_PRECISION,
               "precision_at_threshold": round(best[0], 4) if best else None,
               "recall_at_threshold": round(best[1], 4) if best else None, "seed": SEED},
    }
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model["cv"]), "threshold", threshold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
