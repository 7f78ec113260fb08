"""Train the antecedent chooser of definite descriptions (``src/diplograph/data/models/antecedents.json``).

Usage (from the repository root; needs the ``train`` extra)::

    PYTHONPATH=src .venv/bin/python scripts/train_antecedents.py [--write] [--cache FILE] [--without SET]

Data: the build alias articles (``tests/actors/articles``, sets a, c-h, m-r; never b1-b4, never the
validation sets i-l, u, v, never a later held-out set) and their gold (``gold.jsonl``). The pipeline runs on each article
with ``actors.antecedents.TRACE`` on, which records every description the chooser scored with its candidates'
features. A gold ``descriptor`` or ``office_holder`` mention that overlaps a traced description labels its
candidates (the one whose name matches the gold person is the antecedent); a traced description that overlaps no
gold mention at all is a *null* group: the articles' gold marks every alias of their people, so it names nobody
the gold knows, and any antecedent chosen for it counts as wrong (this is what teaches the chooser to abstain on
"the judge", "the candidate").

Model: logistic regression on (description, candidate) pairs, scikit-learn, L2. The decision is
``antecedents.decide``: the best candidate when its score reaches a threshold and leads the best candidate that is
another person by a margin. Leave-one-SET-out cross-validation (train on eight sets, decide on the ninth) picks the
regularisation C, the threshold and the margin, maximising right - 2 x wrong (a wrong antecedent costs more than
none). The honest figure is *nested*: for each set, C, threshold and margin are chosen by leave-one-set-out on the
other eight alone, the model is fitted on those eight, and the set is decided with it. Both figures are printed and
written with the coefficients (``--write``).
"""
from __future__ import annotations

import sys

from training import ROOT, arguments, load_or_collect, traced_articles, write_model

BUILD_PREFIXES = ("a", "c", "d", "e", "f", "g", "h", "m", "n", "o", "p", "q", "r")
MECHS = ("descriptor", "office_holder")
OUT = ROOT / "src" / "diplograph" / "data" / "models" / "antecedents.json"
CS = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)


def collect() -> list[dict]:
    """One group per traced description of a build article: its set, whether the gold names nobody for it
    (null), and (features, label) per candidate."""
    from aliases import matches, occurrence

    from diplograph.actors import antecedents

    groups = []
    missing = 0
    for d, text, trace in traced_articles(antecedents, BUILD_PREFIXES):
        spans = [(occurrence(text, m["text"], m["nth"]), m) for m in d["mentions"]]
        used: set[int] = set()
        for (s, e), m in spans:
            if m["mech"] not in MECHS:
                continue
            k = next((k for k, t in enumerate(trace) if min(e, t["end"]) > max(s, t["start"])), None)
            if k is None:
                missing += 1
                continue
            used.add(k)
            names = d["people"][m["who"]]["names"]
            groups.append({"set": d["article"][0], "article": d["article"], "text": m["text"], "null": False,
                           "pairs": [(n, f, int(matches(n, names))) for n, f in trace[k]["candidates"]]})
        for k, t in enumerate(trace):
            if k in used or any(min(e, t["end"]) > max(s, t["start"]) for (s, e), _ in spans):
                continue
            groups.append({"set": d["article"][0], "article": d["article"], "text": t["text"], "null": True,
                           "pairs": [(n, f, 0) for n, f in t["candidates"]]})
    n_null = sum(g["null"] for g in groups)
    print(f"gold mentions scored by the chooser: {len(groups) - n_null}; not reached: {missing}; "
          f"null descriptions: {n_null}", file=sys.stderr)
    return groups


def fit(groups: list[dict], c: float):
    from sklearn.linear_model import LogisticRegression

    from diplograph.actors.antecedents import FEATURES

    x = [[f[k] for k in FEATURES] for g in groups for _, f, _ in g["pairs"]]
    y = [lab for g in groups for _, _, lab in g["pairs"]]
    if len(set(y)) < 2:
        return None
    return LogisticRegression(C=c, max_iter=2000).fit(x, y)


def ranked(model, groups: list[dict]) -> list[tuple[list[tuple[float, str]], list[int]]]:
    """Per group: (score, name) best first, and the labels in that order."""
    from diplograph.actors.antecedents import FEATURES

    out = []
    for g in groups:
        if not g["pairs"]:
            out.append(([], []))
            continue
        probs = model.predict_proba([[f[k] for k in FEATURES] for _, f, _ in g["pairs"]])[:, 1]
        order = sorted(range(len(probs)), key=lambda i: -probs[i])
        out.append(([(float(probs[i]), g["pairs"][i][0]) for i in order], [g["pairs"][i][2] for i in order]))
    return out


def evaluate(scored, threshold: float, margin: float) -> tuple[int, int, int]:
    """(right, wrong, unresolved) deciding each group as ``antecedents.decide`` does."""
    from diplograph.actors.antecedents import one_person

    right = wrong = none = 0
    for cands, labels in scored:
        if not cands or cands[0][0] < threshold:
            none += 1
            continue
        second = next((q for q, other in cands[1:] if not one_person(cands[0][1], other)), 0.0)
        if cands[0][0] - second < margin:
            none += 1
        elif labels[0]:
            right += 1
        else:
            wrong += 1
    return right, wrong, none


def loso(groups: list[dict], sets: tuple[str, ...]) -> tuple[float, float, float, dict[str, tuple[int, int, int]]]:
    """C, threshold and margin maximising right - 2 x wrong over leave-one-set-out on ``sets``, with the per-set
    figures at those values."""
    best = None
    for c in CS:
        per_set = {}
        for held in sets:
            m = fit([g for g in groups if g["set"] != held and g["set"] in sets], c)
            test = [g for g in groups if g["set"] == held]
            per_set[held] = ranked(m, test) if m is not None else [([], []) for _ in test]
        for t in THRESHOLDS:
            for mg in MARGINS:
                res = {s: evaluate(v, t, mg) for s, v in per_set.items()}
                obj = sum(r - 2 * w for r, w, _ in res.values())
                if best is None or obj > best[0]:
                    best = (obj, c, t, mg, res)
    assert best is not None
    return best[1], best[2], best[3], best[4]


def nested(groups: list[dict]) -> dict[str, tuple[int, int, int]]:
    """Each set decided by a model whose C, threshold and margin were chosen without it."""
    out = {}
    for held in BUILD_PREFIXES:
        rest = tuple(s for s in BUILD_PREFIXES if s != held)
        c, t, mg, _ = loso(groups, rest)
        m = fit([g for g in groups if g["set"] != held], c)
        out[held] = evaluate(ranked(m, [g for g in groups if g["set"] == held]), t, mg)
        print(f"  nested, set {held}: C={c} threshold={t} margin={mg} → right/wrong/unresolved {out[held]}",
              file=sys.stderr)
    return out


def main() -> int:
    ap = arguments()
    ap.add_argument("--nested", action="store_true", help="also the nested cross-validation figure (slower)")
    ap.add_argument("--without", default=None, help="fit the written model without this set (a, c-h, m or n), to "
                    "score that set's articles end to end with a chooser that never saw them")
    args = ap.parse_args()
    groups = load_or_collect(args.cache, collect)
    from diplograph.actors.antecedents import FEATURES

    reachable = sum(1 for g in groups if any(lab for _, _, lab in g["pairs"]))
    n_null = sum(g["null"] for g in groups)
    print(f"groups {len(groups)} ({n_null} null), antecedent among the candidates: {reachable}")

    def show(title: str, res: dict[str, tuple[int, int, int]]) -> None:
        print(title)
        for s, (r, w, n) in res.items():
            print(f"  held-out set {s}: right {r}, wrong {w}, unresolved {n} of {r + w + n}")
        r, w, n = (sum(v[i] for v in res.values()) for i in range(3))
        print(f"  all: right {r}, wrong {w}, unresolved {n} of {r + w + n}")

    nest = nested(groups) if args.nested else None
    if nest is not None:
        show("nested leave-one-set-out (C, threshold, margin chosen without the held-out set):", nest)
    c, t, mg, res = loso(groups, BUILD_PREFIXES)
    show(f"chosen C={c} threshold={t} margin={mg} (leave one set out)", res)
    m = fit([g for g in groups if g["set"] != args.without], c)
    coef = [round(float(v), 4) for v in m.coef_[0]]
    for f, v in zip(FEATURES, coef):
        print(f"  {f:<26} {v:+.3f}")
    if args.write:
        write_model(OUT, {
            "about": "Antecedent chooser of definite descriptions (actors/antecedents.py): logistic regression on "
                     "(description, candidate) pairs, trained by scripts/train_antecedents.py on the build alias "
                     "articles a, c, d, e, f, g, h, m, n, o, p, q, r (tests/actors/articles, written for diplograph; null groups: "
                     "descriptions there the gold names nobody for); C, threshold and margin by leave-one-set-out "
                     "cross-validation; 'nested' = each set decided with values chosen without it.",
            "features": list(FEATURES), "coef": coef, "intercept": round(float(m.intercept_[0]), 4),
            "threshold": t, "margin": mg, "C": c,
            "loso": {s: {"right": v[0], "wrong": v[1], "unresolved": v[2]} for s, v in res.items()},
            "nested": {s: {"right": v[0], "wrong": v[1], "unresolved": v[2]} for s, v in (nest or {}).items()},
            "groups": len(groups), "null_groups": n_null, "reachable": reachable,
        })
    return 0


if __name__ == "__main__":
    sys.exit(main())
