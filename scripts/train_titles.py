"""Train the censored-title model (``src/diplograph/data/models/titles.json``).

Usage (from the repository root; needs the ``train`` extra)::

    PYTHONPATH=src .venv/bin/python scripts/train_titles.py [--write] [--cache FILE] [--cost K]

Data: the redactions of the build alias articles (``tests/actors/articles``: a, c, d, e, f, g, h and, once
added, m, n, q and r; never b1-b4, never a validation or held-out set) and their gold (``gold.jsonl``: the titles
that restore each). The pipeline runs on each article with ``actors.title_choice.TRACE`` on, which records
every redaction's candidates (one per title the title rules proposed) with their features; a candidate is
right when it contains one of the gold's accepted titles (the benchmark's test).

Model: conditional logit over each redaction's candidates (score = k x the strongest proposing rule's base
confidence, i.e. the rules' hand order as a prior, + learned weights . features; L2 on the weights, scipy);
with ``--abstain`` also over the option of restoring nothing (its score a learned constant, right when no
candidate is).
Leave-one-SET-out cross-validation (train on all sets but one, choose the best candidate of each redaction of
the held-out set) picks k, the L2 weight and the threshold the best candidate's probability needs, maximising
right - K x wrong (``--cost``, default 1: a wrong title costs as much as a right one gains). Prints the
out-of-set figures per set, the same for the old order (the strongest rule that proposes anything), and writes the model fitted on every set.
"""
from __future__ import annotations

import sys

from training import ROOT, arguments, load_or_collect, traced_articles, write_model

BUILD_PREFIXES = ("a", "c", "d", "e", "f", "g", "h", "m", "n", "o", "p", "q", "r")
OUT = ROOT / "src" / "diplograph" / "data" / "models" / "titles.json"
PRIORS = (0.0, 5.0, 10.0, 20.0, 40.0)  # k: how much the rules' hand order (base confidence) counts
LAMBDAS = (0.3, 1.0, 3.0, 10.0)  # L2 on the learned weights
THRESHOLDS = (0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
# The nested figure's inner grid (every outer fold runs it on the other sets): coarser, to keep it to minutes.
NESTED_PRIORS, NESTED_LAMBDAS = (0.0, 10.0, 40.0), (0.3, 3.0)


def collect() -> list[dict]:
    """One group per gold redaction: its set, and (title, features, label) per candidate."""
    from diplograph.actors import title_choice

    groups = []
    for d, _, trace in traced_articles(title_choice, BUILD_PREFIXES):
        where = {t["where"]: t for t in trace}
        for r in d["redactions"]:
            t = where.get(r["nth"] - 1, {"candidates": []})
            pairs = [(title, f, int(any(acc in title.lower() for acc in r["accept"])))
                     for title, f in t["candidates"]]
            groups.append({"set": d["article"][0], "article": d["article"], "pairs": pairs})
    return groups


NOTHING = "nothing"  # the feature of the option of restoring no title


def names_of(groups: list[dict], abstain: bool = False) -> list[str]:
    extra = {NOTHING} if abstain else set()
    return sorted({k for g in groups for _, f, _ in g["pairs"] for k in f if k != "confidence"} | extra)


class Model:
    """Conditional logit over a redaction's candidates: score = k x confidence (the rules' hand order, a prior)
    + w . features; the softmax of the scores is each candidate's probability of being the right one."""

    def __init__(self, names: list[str], w, k: float):
        self.names, self.w, self.k = names, w, k

    def scores(self, pairs) -> list[float]:
        """The candidates' scores, then the score of saying nothing (the ``nothing`` feature's weight)."""
        own = [self.k * f.get("confidence", 0.0) + sum(wi * f.get(n, 0.0) for n, wi in zip(self.names, self.w))
               for _, f, _ in pairs]
        return own + [wi for n, wi in zip(self.names, self.w) if n == NOTHING]


def fit(groups: list[dict], names: list[str], k: float, lam: float) -> Model:
    import numpy as np
    from scipy.optimize import minimize

    data = []
    for g in groups:
        if not g["pairs"]:
            continue  # nothing to choose
        # the candidates, then "nothing" (right when no candidate is): a row whose only feature is NOTHING
        x = [[f.get(n, 0.0) for n in names] for _, f, _ in g["pairs"]]
        o = [k * f.get("confidence", 0.0) for _, f, _ in g["pairs"]]
        r = [bool(lab) for *_, lab in g["pairs"]]
        if NOTHING in names:
            x, o, r = x + [[float(n == NOTHING) for n in names]], o + [0.0], r + [not any(r)]
        elif not any(r) or len(r) < 2:
            continue  # nothing to learn from a redaction with one candidate or none right
        data.append((np.array(x), np.array(o), np.array(r)))

    if data:  # every group's rows stacked, one segment each: the loss is a few array operations
        X = np.vstack([x for x, _, _ in data])
        O = np.concatenate([o for _, o, _ in data])
        R = np.concatenate([r for _, _, r in data])
        seg = np.repeat(np.arange(len(data)), [len(o) for _, o, _ in data])
        starts = np.cumsum([0] + [len(o) for _, o, _ in data[:-1]])

    def loss(w):
        s = O + X @ w
        m = np.maximum.reduceat(s, starts)[seg]  # per-segment max, for a stable softmax
        e = np.exp(s - m)
        z = np.add.reduceat(e, starts)
        zr = np.maximum(np.add.reduceat(np.where(R, e, 0.0), starts), 1e-300)
        total = 0.5 * lam * w @ w + float(np.sum(np.log(z) - np.log(zr)))
        p, pr = e / z[seg], np.where(R, e / zr[seg], 0.0)
        return total, lam * w + X.T @ (p - pr)

    w = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x if data else np.zeros(len(names))
    return Model(names, [float(v) for v in w], k)


def evaluate(model: Model, groups: list[dict], threshold: float) -> tuple[int, int, int]:
    """(right, wrong, nothing): the best candidate of each redaction, none when its probability is below the
    threshold."""
    import math

    right = wrong = none = 0
    for g in groups:
        if not g["pairs"]:
            none += 1
            continue
        s = model.scores(g["pairs"])
        top = max(s)
        i = s.index(top)
        p = 1.0 / sum(math.exp(v - top) for v in s)
        if i == len(g["pairs"]) or p < threshold:
            none += 1
        elif g["pairs"][i][2]:
            right += 1
        else:
            wrong += 1
    return right, wrong, none


def old_order(groups: list[dict]) -> tuple[int, int, int]:
    """The first-rule-wins order (the strongest proposing rule's base confidence)."""
    right = wrong = none = 0
    for g in groups:
        if not g["pairs"]:
            none += 1
            continue
        best = max(g["pairs"], key=lambda p: p[1].get("confidence", 0.0))
        right += best[2]
        wrong += 1 - best[2]
    return right, wrong, none


def loso(groups: list[dict], names: list[str], k: float, lam: float, thresholds) -> dict[float, dict[str, tuple]]:
    out: dict[float, dict[str, tuple[int, int, int]]] = {t: {} for t in thresholds}
    for held in sorted({g["set"] for g in groups}):
        m = fit([g for g in groups if g["set"] != held], names, k, lam)
        test = [g for g in groups if g["set"] == held]
        for t in thresholds:
            out[t][held] = evaluate(m, test, t)
    return out


def grid(groups: list[dict], names: list[str], cost: float, priors=PRIORS,
         lambdas=LAMBDAS) -> tuple[float, float, float, float, dict]:
    """(objective, k, L2, threshold, per-set figures) of the grid point whose leave-one-set-out figure over
    ``groups`` is best."""
    best = None
    for k in priors:
        for lam in lambdas:
            res = loso(groups, names, k, lam, THRESHOLDS)
            for t, per in res.items():
                r, w, _ = total(per)
                obj = r - cost * w
                if best is None or obj > best[0]:
                    best = (obj, k, lam, t, per)
    assert best is not None
    return best


def nested(groups: list[dict], names: list[str], cost: float) -> dict[str, tuple[int, int, int]]:
    """The honest out-of-set figure: for each set held out, the grid (the coarser nested one) is chosen by
    leave-one-set-out on the other sets alone, the model fitted on them, then scored on the held set (the plain
    figure chooses the grid point on every set, the held one included)."""
    out = {}
    for held in sorted({g["set"] for g in groups}):
        rest = [g for g in groups if g["set"] != held]
        _, k, lam, t, _ = grid(rest, names, cost, NESTED_PRIORS, NESTED_LAMBDAS)
        out[held] = evaluate(fit(rest, names, k, lam), [g for g in groups if g["set"] == held], t)
        print(f"  nested: {held} held out -> k={k} L2={lam} threshold={t}: {'%d / %d / %d' % out[held]}", flush=True)
    return out


def always_president() -> tuple[int, int]:
    """The baseline: restore ``president`` everywhere (right when an accepted title is inside the word, as the
    benchmark scores), over the build redactions."""
    from aliases import load_gold

    from training import NEVER

    right = n = 0
    for d in load_gold():
        if d["article"].startswith(BUILD_PREFIXES) and d["set"] not in NEVER:
            for r in d["redactions"]:
                n += 1
                right += any(acc in "president" for acc in r["accept"])
    return right, n


def total(res: dict[str, tuple[int, int, int]]) -> tuple[int, int, int]:
    return tuple(sum(v[i] for v in res.values()) for i in range(3))  # type: ignore[return-value]


def main() -> int:
    ap = arguments()
    ap.add_argument("--cost", type=float, default=1.0, help="what a wrong title costs against a right one")
    ap.add_argument("--abstain", action="store_true", help="learn the option of restoring nothing (a constant "
                    "score, right when no candidate is)")
    ap.add_argument("--priors", default=None, help="the grid's priors k, comma-separated (default: %s)" % (PRIORS,))
    ap.add_argument("--lambdas", default=None, help="the grid's L2 weights, comma-separated (default: %s)" % (LAMBDAS,))
    ap.add_argument("--nested", action="store_true", help="also the nested leave-one-set-out figure (the grid "
                    "chosen without the held set)")
    args = ap.parse_args()
    groups = load_or_collect(args.cache, collect)
    names = names_of(groups, args.abstain)
    reachable = sum(1 for g in groups if any(lab for _, _, lab in g["pairs"]))
    print(f"redactions {len(groups)}, a right title among the candidates: {reachable}")
    sets = sorted({g["set"] for g in groups})
    old = {s: old_order([g for g in groups if g["set"] == s]) for s in sets}
    priors = tuple(float(x) for x in args.priors.split(",")) if args.priors else PRIORS
    lambdas = tuple(float(x) for x in args.lambdas.split(",")) if args.lambdas else LAMBDAS
    _, k, lam, t, per = grid(groups, names, args.cost, priors, lambdas)
    pres, n = always_president()
    print(f"always 'president': {pres} / {n - pres} / 0 (right / wrong / none)")
    print(f"chosen prior k={k} L2={lam} threshold={t} (leave one set out, objective right - {args.cost} x wrong)")
    print(f"  {'set':<4} {'old order (right/wrong/none)':<30} model, set held out")
    for s in sets:
        print(f"  {s:<4} {'%d / %d / %d' % old[s]:<30} {'%d / %d / %d' % per[s]}")
    print(f"  all  {'%d / %d / %d' % total(old):<30} {'%d / %d / %d' % total(per)}")
    nest = nested(groups, names, args.cost) if args.nested else None
    if nest is not None:
        print(f"  nested leave-one-set-out: {'%d / %d / %d' % total(nest)}")
    m = fit(groups, names, k, lam)
    coef = [round(v, 4) for v in m.w]
    for f, v in sorted(zip(names, coef), key=lambda kv: -abs(kv[1])):
        print(f"  {f:<32} {v:+.3f}")
    if args.write:
        write_model(OUT, {
            "about": "Censored-title model (actors/title_choice.py): conditional logit over each redaction's candidate "
                     "titles (score = prior x the proposing rules' base confidence + learned weights . features), trained by scripts/train_titles.py on the redactions of the build alias articles "
                     "(tests/actors/articles, written for diplograph); prior, L2 and threshold by leave-one-set-out "
                     f"cross-validation, objective right - {args.cost} x wrong.",
            "kind": "conditional_logit", "features": names, "coef": coef, "prior": k, "l2": lam, "threshold": t,
            "cost": args.cost, "abstain": args.abstain,
            "loso": {s: {"right": v[0], "wrong": v[1], "nothing": v[2]} for s, v in per.items()},
            "old_order": {s: {"right": v[0], "wrong": v[1], "nothing": v[2]} for s, v in old.items()},
            "redactions": len(groups), "reachable": reachable,
            **({"nested": {s: {"right": v[0], "wrong": v[1], "nothing": v[2]} for s, v in nest.items()}}
               if nest is not None else {}),
        })
    return 0


if __name__ == "__main__":
    sys.exit(main())
