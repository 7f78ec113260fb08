"""Train the event-type model shipped in ``src/diplograph/data/models/event_type.{npz,json}``.

Usage (from the repository root, ``../shared`` beside it; needs the ``train`` extra)::

    .venv/bin/python scripts/train_event_type.py [--cache DIR] [--out STEM] [--folds 5]

Training data (research data: the weights ship, the data does not; see data/NOTICE.md):

Each row is the FIRST sentence of its text (a story, a record, an ACLED note, a Reuters story).

- ``dev/ngec_synthetic_plover_stories.jsonl``: each story's first sentence, its PLOVER-2021
  label and mode mapped to a CAMEO root (:data:`STORY_ROOT`);
- ``dev/plover_gsr_dev.json``: the records at EVEN positions only (odd = the project's unread split);
- ``dev/acled_2020_dev.csv``: the half whose ``data_id`` hashes even (:func:`build_half`); the other
  half is the report split. ACLED types → CAMEO roots: :data:`ACLED_ROOT` (ambiguous sub-types left out);
- ``dev/conflibert_cameo_quad.tsv``: the build half (text hash even) is labelled with the root the
  first model finds most likely INSIDE the human CAMEO group (groups 1–4; group 0, statements
  and appeals, has no class); the other half checks the group accuracy;
- ``corpora/reuters21578``: class ``none`` (no political act between actors): sentences of the
  build half (NEWID hash even) of the stories whose topics are all company/market ones
  (:data:`NONPOLITICAL_TOPICS`).

Held-out folds (``--folds``, stratified) give every training row an out-of-fold probability; the
scorer's parameters (how much the model re-ranks the dictionary coder, when it re-types, when it
proposes, when "none" drops an event) are fitted on those, and stored with the model.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev"
sys.path.insert(0, str(ROOT / "src"))

from diplograph.events.typemodel import NONE, TypeModel, sentence_features  # noqa: E402
from diplograph.events.typescore import ScorerParams, SentenceView, decide  # noqa: E402

PLOVER05_ROOT = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
                 "CONCEDE": "08", "RETREAT": "08", "INVESTIGATE": "09", "DEMAND": "10", "DISAPPROVE": "11",
                 "REJECT": "12", "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16",
                 "COERCE": "17", "ASSAULT": "18", "FIGHT": "19"}
# PLOVER-2021 names of the synthetic stories; ACCUSE splits by mode, REQUEST is CAMEO 10 (demand)
STORY_ROOT = dict(PLOVER05_ROOT, ACCUSE="11", REQUEST="10")
STORY_MODE_ROOT = {("ACCUSE", "INVESTIGATE"): "09"}
# ACLED (event type, sub-event type) → CAMEO root; None = ambiguous, left out of training and scoring
ACLED_ROOT: dict[tuple[str, str], str | None] = {
    ("Battles", "Armed clash"): "19", ("Battles", "Government regains territory"): "19",
    ("Battles", "Non-state actor overtakes territory"): "19",
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): "19",
    ("Explosions/Remote violence", "Air/drone strike"): "19",
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): "18",
    ("Explosions/Remote violence", "Grenade"): "18",
    ("Explosions/Remote violence", "Suicide bomb"): "18",
    ("Violence against civilians", "Attack"): "18",
    ("Violence against civilians", "Abduction/forced disappearance"): "18",
    ("Violence against civilians", "Sexual violence"): "18",
    ("Protests", "Peaceful protest"): "14", ("Protests", "Protest with intervention"): "14",
    ("Protests", "Excessive force against protesters"): "17",
    ("Riots", "Violent demonstration"): "14", ("Riots", "Mob violence"): "14",
    ("Strategic developments", "Looting/property destruction"): "17",
    ("Strategic developments", "Arrests"): "17",
    ("Strategic developments", "Agreement"): "03",
}
GROUP_ROOTS = {1: ("03", "04", "05"), 2: ("06", "07", "08"), 3: ("09", "10", "11", "12", "13"),
               4: ("14", "15", "16", "17", "18", "19")}
NONPOLITICAL_TOPICS = {"earn", "acq", "cpi", "gnp", "ipi", "jobs", "money-supply", "reserves", "gold", "copper",
                       "alum", "rubber", "iron-steel", "zinc", "lead", "tin", "silver", "nickel", "livestock",
                       "carcass", "hog", "orange", "cotton", "veg-oil", "oilseed", "soybean", "housing", "retail",
                       "income", "instal-debt", "bop", "wpi", "lei", "strategic-metal", "pet-chem", "lumber"}


def build_half(key: str) -> bool:
    """The stable build/report split of a dev set: True = the half one may train and tune on."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0


@dataclass
class Row:
    text: str
    label: str | None  # a class, or None (conflibert: labelled later inside its group)
    source: str
    key: str
    group: int | None = None
    feats: list[str] = field(default_factory=list)
    coder: list[tuple] = field(default_factory=list)  # (root, confidence, political side, clause)
    proposal: int | None = None  # the model could propose an event here (its political sides)


def clean(text: str) -> str:
    return re.sub(r"^\s*\{|\}\s*$", "", text.strip())


def load_rows(reuters_sentences: int) -> list[Row]:
    rows: list[Row] = []
    for i, line in enumerate((DEV / "ngec_synthetic_plover_stories.jsonl").open(encoding="utf-8")):
        r = json.loads(line)
        root = STORY_MODE_ROOT.get((r["label"], r.get("mode") or "")) or STORY_ROOT.get(r["label"])
        if root:
            rows.append(Row(r["text"][:700], root, "stories", f"story-{i}"))
    gold = json.loads((DEV / "plover_gsr_dev.json").read_text(encoding="utf-8"))
    for i, r in enumerate(gold):
        if i % 2 == 0 and r.get("text") and r.get("event") in PLOVER05_ROOT:  # even positions only
            rows.append(Row(clean(r["text"]), PLOVER05_ROOT[r["event"]], "plover_even", r["id"]))
    with (DEV / "acled_2020_dev.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            root = ACLED_ROOT.get((r["event_type"], r["sub_event_type"]))
            if root and build_half(r["data_id"]):
                rows.append(Row(r["notes"], root, "acled_build", r["data_id"]))
    with (DEV / "conflibert_cameo_quad.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            g = int(r["quad_group"])
            half = "conflibert_build" if build_half(r["text"]) else "conflibert_check"
            if g in GROUP_ROOTS:
                rows.append(Row(r["text"], None, half, r["text"][:40], group=g))
    rows.extend(reuters_rows(reuters_sentences))
    return rows


def reuters_stories() -> list[tuple[str, set[str], str]]:
    out = []
    for f in sorted((SHARED / "corpora" / "reuters21578").glob("reut2-*.sgm")):
        raw = f.read_text(encoding="latin-1")
        for m in re.finditer(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", raw, flags=re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", m.group(2), flags=re.S)
            topics = set(re.findall(r"<D>([^<]+)</D>", (re.search(r"<TOPICS>(.*?)</TOPICS>", m.group(2),
                                                                   flags=re.S) or [None, ""])[1]))
            if body:
                text = re.sub(r"\s+", " ", body.group(1).replace("&lt;", "<").replace("&amp;", "&")).strip()
                out.append((m.group(1), topics, text))
    return out


def reuters_rows(limit: int) -> list[Row]:
    rows = []
    for newid, topics, text in reuters_stories():
        if topics and topics <= NONPOLITICAL_TOPICS and build_half("reuters-" + newid):
            rows.append(Row(text[:600], NONE, "reuters_build", newid))
    step = max(1, len(rows) // max(1, limit))
    return rows[::step][:limit]


def parse_rows(rows: list[Row], cache: Path | None) -> None:
    """Per row, the features of its first sentence and the scorer's view of that sentence: the
    dictionary coder's candidates there (root, confidence, political side) and the event the model
    could propose there. The pipeline's own stages make them, so the fitted scorer meets in the
    pipeline exactly what it was fitted on."""
    cached: dict[str, dict] = {}
    if cache and cache.exists():
        cached = json.loads(cache.read_text())
    todo = [r for r in rows if r.source + r.key not in cached]
    if todo:
        from diplograph.actors.resolve import resolve_mentions
        from diplograph.events.coder import code_events
        from diplograph.events.typerule import sentence_view
        from diplograph.events.violence import apply_violence_rules
        from diplograph.pipeline import Pipeline
        from diplograph.text.normalize import normalize

        pipe = Pipeline()
        t0 = time.perf_counter()
        norms = [normalize(r.text) for r in todo]
        for r, norm, sdoc in zip(todo, norms, pipe.nlp.pipe((n.text for n in norms), batch_size=32)):
            sent = next(iter(sdoc.sents), None)
            if sent is None:  # an empty text
                cached[r.source + r.key] = {"f": [], "c": [], "p": None}
                continue
            actors = resolve_mentions(sdoc, norm, pipe.kb, None)
            cands = [c for c in apply_violence_rules(actors, code_events(sdoc, actors, pipe.verbs))
                     if c.trigger.sent.start == sent.start]
            view = sentence_view(sent, actors, cands, {})
            cached[r.source + r.key] = {"f": sentence_features(sent), "c": view.candidates, "p": view.proposal}
        print(f"parsed and coded {len(todo)} rows in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        if cache:
            cache.write_text(json.dumps(cached))
    for r in rows:
        c = cached[r.source + r.key]
        r.feats, r.proposal = c["f"], c["p"]
        r.coder = [(x[0], float(x[1]), int(x[2]), *x[3:]) for x in c["c"]]


# ----------------------------------------------------------------------------- fitting
def vectorise(rows: list[Row], min_count: int) -> tuple[dict[str, int], "object"]:
    from scipy.sparse import csr_matrix

    counts = Counter(f for r in rows for f in r.feats)
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    indptr, indices = [0], []
    for r in rows:
        indices.extend(vocab[f] for f in r.feats if f in vocab)
        indptr.append(len(indices))
    X = csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(rows), len(vocab)))
    return vocab, X


def source_weights(rows: list[Row]) -> np.ndarray:
    """Each source weighs as much as a few hundred rows: the 4,500 synthetic stories must not
    drown the real sentences."""
    n = Counter(r.source for r in rows)
    cap = {"stories": 1500}
    return np.array([min(1.0, cap.get(r.source, 10**9) / n[r.source]) * (2.0 if r.source == "plover_even" else 1.0)
                     for r in rows])


def fit(X, y: list[str], w: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=c, max_iter=2000)
    m.fit(X, y, sample_weight=w)
    return m


def out_of_fold(X, y: list[str], w: np.ndarray, c: float, folds: int) -> tuple[np.ndarray, list[str]]:
    from sklearn.model_selection import StratifiedKFold

    classes = sorted(set(y))
    P = np.zeros((len(y), len(classes)))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=13).split(np.zeros(len(y)), y):
        m = fit(X[tr], [y[i] for i in tr], w[tr], c)
        cols = [classes.index(k) for k in m.classes_]
        P[np.ix_(te, cols)] = m.predict_proba(X[te])
    return P, classes


def label_in_group(rows: list[Row], P: np.ndarray, classes: list[str]) -> None:
    for r, p in zip(rows, P):
        allowed = GROUP_ROOTS[r.group]
        r.label = max(allowed, key=lambda k: p[classes.index(k)] if k in classes else -1)


def views(rows: list[Row], P: np.ndarray, classes: list[str]) -> list[SentenceView]:
    return [SentenceView(r.coder, dict(zip(classes, map(float, p))), r.proposal) for r, p in zip(rows, P)]


def evaluate(rows: list[Row], vs: list[SentenceView], params: ScorerParams | None, mode: str) -> dict[str, float]:
    """Per source: share of rows whose decided type is the label (none rows: share without an event)."""
    hit: dict[str, list[int]] = defaultdict(list)
    for r, v in zip(rows, vs):
        if mode == "model":
            got = max(v.proba, key=v.proba.get)
            got = None if got == NONE else got
        else:
            got = decide(v, params if mode == "combined" else None)
        if r.source.startswith("conflibert"):
            hit[r.source].append(int(got in GROUP_ROOTS[r.group]))
        elif r.label == NONE:
            hit[r.source].append(int(got is None))
        else:
            hit[r.source].append(int(got == r.label))
    return {s: round(sum(h) / len(h), 3) for s, h in sorted(hit.items())}


def objective(score: dict[str, float]) -> float:
    """Macro mean over the real sources (the synthetic stories count half)."""
    w = {"stories": 0.5}
    return sum(v * w.get(k, 1.0) for k, v in score.items()) / sum(w.get(k, 1.0) for k in score)


def tune(rows: list[Row], vs: list[SentenceView]) -> tuple[ScorerParams, dict[str, float]]:
    best, best_score = ScorerParams(), -1.0
    for lam in (0.0, 0.25, 0.5, 1.0, 2.0):
        for retype in (0.5, 0.6, 0.7, 0.8, 0.9, 1.01):
            for new in (0.6, 0.7, 0.8, 0.9, 1.01):
                for none in (0.5, 0.6, 0.7, 0.8, 0.9, 1.01):
                    p = ScorerParams(lam, retype, new, none)
                    s = objective(evaluate(rows, vs, p, "combined"))
                    if s > best_score:
                        best, best_score = p, s
    return best, evaluate(rows, vs, best, "combined")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/diplograph_train_event_type.json"),
                    help="parsed features and coder output of the training rows (rebuilt when absent)")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "diplograph" / "data" / "models" / "event_type")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--reuters", type=int, default=1500, help="'none' sentences from Reuters (build half)")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--C", type=float, nargs="*", default=[0.5, 1.0, 2.0])
    args = ap.parse_args()
    if not DEV.exists():
        sys.exit(f"{DEV} is absent: the shared data folder must sit beside the repository")

    rows = load_rows(args.reuters)
    parse_rows(rows, args.cache)
    print("rows:", dict(Counter(r.source for r in rows)), file=sys.stderr)
    check = [r for r in rows if r.source == "conflibert_check"]
    typed = [r for r in rows if r.label is not None]
    grouped = [r for r in rows if r.source == "conflibert_build"]

    # 1. model on typed rows; C chosen by out-of-fold macro score
    vocab, X = vectorise(typed, args.min_count)
    y = [r.label for r in typed]
    w = source_weights(typed)
    best_c, best = args.C[0], -1.0
    for c in args.C:
        P, classes = out_of_fold(X, y, w, c, args.folds)
        s = objective(evaluate(typed, views(typed, P, classes), None, "model"))
        print(f"C={c}: out-of-fold model score {s:.3f}", file=sys.stderr)
        if s > best:
            best_c, best = c, s
    m0 = fit(X, y, w, best_c)

    # 2. ConfliBERT build half: the most likely root inside the human group, then refit on all
    _, Xg = vectorise_with(vocab, grouped)
    label_in_group(grouped, m0.predict_proba(Xg), list(m0.classes_))
    train = typed + grouped
    vocab, X = vectorise(train, args.min_count)
    y = [r.label for r in train]
    w = source_weights(train)
    P, classes = out_of_fold(X, y, w, best_c, args.folds)

    # 3. the scorer's parameters on the out-of-fold probabilities
    vs = views(train, P, classes)
    params, combined = tune(train, vs)
    report = {"coder": evaluate(train, vs, None, "coder"), "model": evaluate(train, vs, None, "model"),
              "combined": combined}

    final = fit(X, y, w, best_c)
    coef = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    intercept = np.zeros(len(classes), dtype=np.float32)
    cols = [classes.index(k) for k in final.classes_]
    coef[:, cols] = final.coef_.T
    intercept[cols] = final.intercept_
    _, Xc = vectorise_with(vocab, check)
    pc = final.predict_proba(Xc)
    report["conflibert_check_group_model"] = round(float(np.mean(
        [final.classes_[int(np.argmax(p))] in GROUP_ROOTS[r.group] for r, p in zip(check, pc)])), 3)
    vc = [SentenceView(r.coder, dict(zip(final.classes_, map(float, p))), r.proposal) for r, p in zip(check, pc)]
    for mode in ("coder", "combined"):
        report[f"conflibert_check_group_{mode}"] = evaluate(check, vc, params, mode).get("conflibert_check")
    meta = {
        "trained": time.strftime("%Y-%m-%d"), "C": best_c, "min_count": args.min_count, "folds": args.folds,
        "rows": dict(Counter(r.source for r in train)),
        "sources": ["ngec_synthetic_plover_stories.jsonl (first sentences)", "plover_gsr_dev.json (even positions)",
                    "acled_2020_dev.csv (build half: sha1(data_id) even)",
                    "conflibert_cameo_quad.tsv (build half: sha1(text) even; root inside the human group)",
                    "Reuters-21578 (build half: sha1('reuters-'+NEWID) even; company/market topics) as 'none'"],
        "thresholds": params.to_dict(), "out_of_fold": report,
    }
    model = TypeModel(classes, vocab, coef, intercept, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(json.dumps({"C": best_c, "features": len(vocab), "thresholds": params.to_dict(), **report}, indent=1))


def vectorise_with(vocab: dict[str, int], rows: list[Row]):
    from scipy.sparse import csr_matrix

    indptr, indices = [0], []
    for r in rows:
        indices.extend(vocab[f] for f in r.feats if f in vocab)
        indptr.append(len(indices))
    return vocab, csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr),
                             shape=(len(rows), len(vocab)))


if __name__ == "__main__":
    main()
