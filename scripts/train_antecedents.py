"""Train the antecedent chooser of definite descriptions (``src/diplograph/data/models/antecedents.json``).

Usage (from the repository root; needs the ``train`` extra)::

    PYTHONPATH=src .venv/bin/python scripts/train_antecedents.py [--write] [--cache FILE] [--without SET]

Data: the build alias articles (``tests/actors/articles``, sets a, c, d, e, f, g, h; never b1-b4 nor any
later held-out set) and their gold (``gold.jsonl``). The pipeline runs on each article with
``actors.antecedents.TRACE`` on, which records every description the chooser scored with its candidates'
features; a gold ``descriptor`` or ``office_holder`` mention that overlaps a traced description labels
its candidates (the one whose name matches the gold person is the antecedent).

Model: logistic regression on (description, candidate) pairs, scikit-learn, L2. Leave-one-SET-out
cross-validation (a, c, d, e, f, g, h: train on six, choose the best candidate on the seventh) picks the
regularisation C and the threshold (the best candidate's score a resolution needs), maximising
right - 2 x wrong (a wrong antecedent costs more than none). Reports the out-of-set figures per set and
writes them with the coefficients (``--write``).
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

BUILD_PREFIXES = ("a", "c", "d", "e", "f", "g", "h")
MECHS = ("descriptor", "office_holder")
OUT = ROOT / "src" / "diplograph" / "data" / "models" / "antecedents.json"
CS = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
MARGINS = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2)


def collect() -> list[dict]:
    """One group per gold mention the chooser scored: its set, and (features, label) per candidate."""
    from aliases import load_gold, matches, occurrence, ARTICLES

    from diplograph.actors import antecedents
    from diplograph.pipeline import Pipeline
    from diplograph.records import Document

    pipe = Pipeline()
    groups = []
    missing = 0
    for d in load_gold():
        if not d["article"].startswith(BUILD_PREFIXES) or d["set"] in ("heldout",):
            continue
        text = (ARTICLES / d["article"]).read_text(encoding="utf-8")
        antecedents.TRACE = []
        try:
            pipe.analyze_one(Document(d["article"], text, d["date"]))
            trace = antecedents.TRACE
        finally:
            antecedents.TRACE = None
        for m in d["mentions"]:
            if m["mech"] not in MECHS:
                continue
            s, e = occurrence(text, m["text"], m["nth"])
            hit = next((t for t in trace if min(e, t["end"]) > max(s, t["start"])), None)
            if hit is None:
                missing += 1
                continue
            names = d["people"][m["who"]]["names"]
            groups.append({"set": d["article"][0], "article": d["article"], "text": m["text"],
                           "pairs": [(f, int(matches(n, names))) for n, f in hit["candidates"]]})
    print(f"gold mentions scored by the chooser: {len(groups)}; not reached: {missing}", file=sys.stderr)
    return groups


def fit(groups: list[dict], c: float):
    from sklearn.linear_model import LogisticRegression

    from diplograph.actors.antecedents import FEATURES

    x = [[f[k] for k in FEATURES] for g in groups for f, _ in g["pairs"]]
    y = [lab for g in groups for _, lab in g["pairs"]]
    if len(set(y)) < 2:
        return None
    return LogisticRegression(C=c, max_iter=2000).fit(x, y)


def evaluate(model, groups: list[dict], threshold: float, margin: float) -> tuple[int, int, int]:
    """(right, wrong, unresolved) choosing the best candidate per group (none when below the threshold or
    within the margin of the second best)."""
    from diplograph.actors.antecedents import FEATURES

    right = wrong = none = 0
    for g in groups:
        if not g["pairs"]:
            none += 1
            continue
        probs = model.predict_proba([[f[k] for k in FEATURES] for f, _ in g["pairs"]])[:, 1]
        k = max(range(len(probs)), key=lambda i: probs[i])
        second = max((p for i, p in enumerate(probs) if i != k), default=0.0)
        if probs[k] < threshold or probs[k] - second < margin:
            none += 1
        elif g["pairs"][k][1]:
            right += 1
        else:
            wrong += 1
    return right, wrong, none


def loso(groups: list[dict], c: float, threshold: float, margin: float) -> dict[str, tuple[int, int, int]]:
    out = {}
    for held in BUILD_PREFIXES:
        train = [g for g in groups if g["set"] != held]
        test = [g for g in groups if g["set"] == held]
        m = fit(train, c)
        out[held] = evaluate(m, test, threshold, margin) if m is not None else (0, 0, len(test))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the collected groups (reused if present)")
    ap.add_argument("--without", default=None, help="fit the written model without this set (a, c, d, e, f, g or h), to "
                    "score that set's articles end to end with a chooser that never saw them")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        groups = pickle.loads(args.cache.read_bytes())
    else:
        groups = collect()
        if args.cache:
            args.cache.write_bytes(pickle.dumps(groups))
    from diplograph.actors.antecedents import FEATURES

    reachable = sum(1 for g in groups if any(lab for _, lab in g["pairs"]))
    print(f"groups {len(groups)}, antecedent among the candidates: {reachable}")
    best = None
    for c in CS:
        for t in THRESHOLDS:
            for mg in MARGINS:
                res = loso(groups, c, t, mg)
                r = sum(v[0] for v in res.values())
                w = sum(v[1] for v in res.values())
                obj = r - 2 * w
                if best is None or obj > best[0]:
                    best = (obj, c, t, mg, res)
    _, c, t, mg, res = best
    print(f"chosen C={c} threshold={t} margin={mg} (leave one set out)")
    for s, (r, w, n) in res.items():
        print(f"  held-out set {s}: right {r}, wrong {w}, unresolved {n} of {r + w + n}")
    r, w, n = (sum(v[i] for v in res.values()) for i in range(3))
    print(f"  all: right {r}, wrong {w}, unresolved {n} of {r + w + n}")
    m = fit([g for g in groups if g["set"] != args.without], c)
    coef = [round(float(v), 4) for v in m.coef_[0]]
    for f, v in zip(FEATURES, coef):
        print(f"  {f:<26} {v:+.3f}")
    if args.write:
        OUT.write_text(json.dumps({
            "about": "Antecedent chooser of definite descriptions (actors/antecedents.py): logistic regression on "
                     "(description, candidate) pairs, trained by scripts/train_antecedents.py on the build alias "
                     "articles a, c, d, e, f, g, h (tests/actors/articles, written for diplograph); C, threshold and "
                     "margin by "
                     "leave-one-set-out cross-validation.",
            "features": list(FEATURES), "coef": coef, "intercept": round(float(m.intercept_[0]), 4),
            "threshold": t, "margin": mg, "C": c,
            "loso": {s: {"right": v[0], "wrong": v[1], "unresolved": v[2]} for s, v in res.items()},
            "groups": len(groups), "reachable": reachable,
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
