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

Held-out folds (``--folds``, stratified) give every training row an out-of-fold probability (of
its first sentence, of each further sentence, and of its first sentences together: the text's
document reading); the scorer's parameters (how much the model re-ranks the dictionary coder, when
it re-types, when it proposes, when "none" drops an event) and the stacking layer
(``events/typestack.py``: its regularisation, bars and the event-noun guard by a second level of
held-out folds, each text scored as the benchmark reads it, its most confident event over its
sentences) are fitted on those, and stored with the model.
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
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev"
sys.path.insert(0, str(ROOT / "src"))

from diplograph.events.typemodel import NONE, TypeModel, sentence_features  # noqa: E402
from diplograph.events.typescore import OFF, ScorerParams, SentenceView, decide, model_root, sides_ok  # noqa: E402
from diplograph.events.typestack import document_view  # noqa: E402

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
    coder: list[tuple] = field(default_factory=list)  # the scorer's candidate tuples (typescore.SentenceView)
    proposal: int | None = None  # the model could propose an event here (its political sides)
    quantity: float = 0.0  # share of amounts among the sentence's words
    later: list[dict] = field(default_factory=list)  # the text's further sentences: {"f", "c", "p", "q", "h"}
    hurt: tuple[float, float] = (0.0, 0.0)  # armed / unarmed people hurt (typeparse.hurt_parties)
    dated: bool = False  # the text opens with a date (typeparse.dated_opening)

    def doc_feats(self) -> list[str]:
        """The features of the text's first sentences together (its document reading)."""
        return sorted({f for x in [{"f": self.feats}, *self.later] for f in x["f"]})


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


MAX_SENTENCES = 6  # sentences of a text kept (typestack.DOC_SENTENCES: its document reading)
EMPTY = {"f": [], "c": [], "p": None, "q": 0.0, "h": [0.0, 0.0]}


def parse_rows(rows: list[Row], cache: Path | None) -> None:
    """Per row and per sentence (its first :data:`MAX_SENTENCES`), the features and the scorer's view:
    the dictionary coder's candidates there and the event the model could propose there. The
    pipeline's own stages make them, so the fitted scorer meets in the pipeline exactly what it was
    fitted on. The model and the scorer are fitted on first sentences; the later ones serve to
    check how the pipeline picks a text's headline event."""
    cached: dict[str, list] = {}
    if cache and cache.exists():
        cached = json.loads(cache.read_text())
    todo = [r for r in rows if r.source + r.key not in cached]
    if todo:
        from diplograph.actors.hyphens import join_hyphenated_names
        from diplograph.actors.resolve import resolve_mentions
        from diplograph.events.coder import code_events
        from diplograph.events.typeparse import dated_opening
        from diplograph.events.typerule import sentence_view
        from diplograph.events.violence import apply_violence_rules
        from diplograph.pipeline import Pipeline
        from diplograph.places import read_toponyms
        from diplograph.text.normalize import normalize

        pipe = Pipeline()
        t0 = time.perf_counter()
        norms = [normalize(r.text) for r in todo]
        for n, (r, norm, sdoc) in enumerate(zip(todo, norms, pipe.nlp.pipe((n.text for n in norms), batch_size=32))):
            if n % 500 == 0:
                print(f"  {n}/{len(todo)} rows, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
            if not len(sdoc):
                cached[r.source + r.key] = [EMPTY]
                continue
            # the pipeline's stages in its order (pipeline.analyze_parsed)
            join_hyphenated_names(sdoc)
            read_toponyms(sdoc, pipe.gazetteer)
            actors = resolve_mentions(sdoc, norm, pipe.kb, None)  # may merge tokens: sentences after it
            cands = apply_violence_rules(actors, code_events(sdoc, actors, pipe.verbs))
            sents = list(sdoc.sents)[:MAX_SENTENCES]
            out = []
            for sent in sents:
                view = sentence_view(sent, actors, [c for c in cands if c.trigger.sent.start == sent.start], {})
                out.append({"f": sentence_features(sent), "c": view.candidates, "p": view.proposal,
                            "q": view.quantity, "h": list(view.hurt)})
            if out:
                out[0]["dated"] = dated_opening(sdoc)
            cached[r.source + r.key] = out or [EMPTY]
        print(f"parsed and coded {len(todo)} rows in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        if cache:
            cache.write_text(json.dumps(cached))
    for r in rows:
        first, *rest = cached[r.source + r.key]
        r.feats, r.proposal, r.quantity = first["f"], first["p"], first.get("q", 0.0)
        r.coder = _tuples(first["c"])
        r.hurt, r.dated = tuple(first.get("h", (0.0, 0.0))), bool(first.get("dated", False))
        r.later = [dict(x, c=_tuples(x["c"])) for x in rest]


def _tuples(cands: list) -> list[tuple]:
    return [(x[0], float(x[1]), int(x[2]), *x[3:]) for x in cands]


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


def out_of_fold(X, y: list[str], w: np.ndarray, c: float, folds: int, XL=None,
                owner: list[int] | None = None, XD=None) -> tuple[np.ndarray, list[str], Any, Any]:
    """Out-of-fold class probabilities of every row (and of its further sentences ``XL``, whose row
    is ``owner``, and of its document reading ``XD``, one row per row: predicted by the model that
    did not see the row)."""
    from sklearn.model_selection import StratifiedKFold

    classes = sorted(set(y))
    P = np.zeros((len(y), len(classes)))
    PL = np.zeros((XL.shape[0], len(classes))) if XL is not None else None
    own = np.array(owner or [], dtype=int)
    PD = np.zeros((XD.shape[0], len(classes))) if XD is not None else None
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=13).split(np.zeros(len(y)), y):
        m = fit(X[tr], [y[i] for i in tr], w[tr], c)
        cols = [classes.index(k) for k in m.classes_]
        P[np.ix_(te, cols)] = m.predict_proba(X[te])
        if PD is not None:
            PD[np.ix_(te, cols)] = m.predict_proba(XD[te])
        if PL is not None and len(own):
            sel = np.where(np.isin(own, te))[0]
            if len(sel):
                PL[np.ix_(sel, cols)] = m.predict_proba(XL[sel])
    return P, classes, PL, PD


def label_in_group(rows: list[Row], P: np.ndarray, classes: list[str]) -> None:
    for r, p in zip(rows, P):
        allowed = GROUP_ROOTS[r.group]
        r.label = max(allowed, key=lambda k: p[classes.index(k)] if k in classes else -1)


def views(rows: list[Row], P: np.ndarray, classes: list[str]) -> list[SentenceView]:
    """First sentences only, without a document reading (the threshold scorer's fit)."""
    return [SentenceView(r.coder, dict(zip(classes, map(float, p))), r.proposal, r.quantity, r.hurt)
            for r, p in zip(rows, P)]


def _coder_top(cands: list[tuple]) -> str | None:
    return model_root(max(cands, key=lambda c: c[1])[0]) if cands else None


def text_views(rows: list[Row], P: np.ndarray, PL: np.ndarray | None, owner: list[int], PD: np.ndarray,
               classes: list[str]) -> list[list[SentenceView]]:
    """Per row, the views of its sentences (first, then the further ones), all with the text's
    document reading (``typestack.document_view``, as the pipeline makes it), from out-of-fold
    probabilities."""
    later_p: list[list[np.ndarray]] = [[] for _ in rows]
    if PL is not None:
        for o, pr in zip(owner, PL):
            later_p[o].append(pr)
    out = []
    for i, r in enumerate(rows):
        sents = [{"c": r.coder, "p": r.proposal, "q": r.quantity, "h": r.hurt}, *r.later]
        probas = [dict(zip(classes, map(float, pr))) for pr in [P[i], *later_p[i]]]
        doc = document_view(probas, dict(zip(classes, map(float, PD[i]))), [_coder_top(x["c"]) for x in sents],
                            r.dated)
        out.append([SentenceView(x["c"], pr, x["p"], x.get("q", 0.0), tuple(x.get("h", (0.0, 0.0))), doc)
                    for x, pr in zip(sents, probas)])
    return out


def text_event(tv: list[SentenceView], params: ScorerParams | None) -> str | None:
    """A text's event as the benchmark reads it: the most confident event of all its sentences."""
    found = [e for e in (sentence_event(v, params) for v in tv) if e]
    return max(found, key=lambda e: e[1])[0] if found else None


def _hit(r: Row, got: str | None) -> int:
    """1 when the decided type ``got`` is right for row ``r``: a ConfliBERT row (a group label) when it is
    one of its group's roots, a no-event row when there is none, any other row when it is the label."""
    if r.source.startswith("conflibert"):
        return int(got in GROUP_ROOTS[r.group])
    if r.label == NONE:
        return int(got is None)
    return int(got == r.label)


def evaluate_texts(rows: list[Row], tvs: list[list[SentenceView]], params_of, mode: str = "combined") -> dict[str, float]:
    """Per source: share of texts whose event (most confident of all sentences) has the label; a
    no-event row counts right when its first sentence has no event (the "none" class is a
    sentence's). ``params_of``: one ScorerParams, or one per row (held-out folds); ``mode`` "model":
    the model's first class over the whole text (``model_first``: over the first sentence)."""
    hit: dict[str, list[int]] = defaultdict(list)
    for i, (r, tv) in enumerate(zip(rows, tvs)):
        params = params_of.get(i) if isinstance(params_of, dict) else params_of
        if mode in ("model", "model_first"):
            pr = tv[0].doc["p"] if mode == "model" else tv[0].proba
            got = max(pr, key=pr.get)
            got = None if got == NONE else got
        elif r.label == NONE:
            got = decide(tv[0], params)
        else:
            got = text_event(tv, params)
        hit[r.source].append(_hit(r, got))
    return {s: round(sum(h) / len(h), 3) for s, h in sorted(hit.items())}


def evaluate(rows: list[Row], vs: list[SentenceView], params: ScorerParams | None, mode: str) -> dict[str, float]:
    """Per source: share of rows whose decided type is the label (none rows: share without an event)."""
    hit: dict[str, list[int]] = defaultdict(list)
    for r, v in zip(rows, vs):
        if mode == "model":
            got = max(v.proba, key=v.proba.get)
            got = None if got == NONE else got
        else:
            got = decide(v, params if mode == "combined" else None)
        hit[r.source].append(_hit(r, got))
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


# ----------------------------------------------------------------------------- stacking layer
STACK_SOURCES = ("stories", "plover_even", "acled_build", "reuters_build")  # ConfliBERT labels are the model's own


def _options(v: SentenceView, retype: float, keep_nominal: bool) -> list:
    from diplograph.events.typestack import options

    keep = [i for i, c in enumerate(v.candidates) if sides_ok(c[0], c[2])]
    return options(v, keep, retype=retype, keep_nominal=keep_nominal)


def fit_stacker(rows: list[Row], tvs: list[list[SentenceView]], w: np.ndarray, idx, c: float, retype: float,
                keep_nominal: bool) -> dict:
    """A logistic regression over the options of the rows' first sentences ``idx``: is this option
    the row's type?"""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats, ys, ws = [], [], []
    for i in idx:
        for o in _options(tvs[i][0], retype, keep_nominal):
            feats.append(o.feats)
            ys.append(int(o.root == rows[i].label))
            ws.append(w[i])
    dv = DictVectorizer()
    Xo = dv.fit_transform(feats)
    m = LogisticRegression(C=c, max_iter=5000)
    m.fit(Xo, ys, sample_weight=np.array(ws))
    return {"coef": {k: round(float(v), 4) for k, v in zip(dv.get_feature_names_out(), m.coef_[0]) if abs(v) > 1e-6},
            "intercept": round(float(m.intercept_[0]), 4), "keep_nominal": keep_nominal}


def stack_weights(rows: list[Row]) -> np.ndarray:
    """In the layer's fit every source weighs the same in total (the synthetic stories half), the
    weighting of :func:`objective`: the layer combines the coder and the model for every kind of
    text, not for the most numerous one."""
    n = Counter(r.source for r in rows)
    return np.array([1000.0 / n[r.source] * (0.5 if r.source == "stories" else 1.0) for r in rows])


# keep_nominal stays on (issue 14: an event noun outside the main clause, ``…, which led to the
# investigation of X``, is not re-typed to the sentence's type); the held-out folds preferred it off
# by 0.5 point of the objective (0.786 vs 0.781: one PLOVER even record, stories 0.439 vs 0.434, ACLED
# equal), so the guard is kept as the requirement it is, its cost stated (benchmarks/EVENTS.md)
STACK_GRID = {"retype": (0.5, 0.7), "C": (0.1, 0.3, 1.0), "keep_nominal": (True,),
              "propose": (0.3, 0.4, 0.5, 0.6)}


def fit_stacker_cv(rows: list[Row], tvs: list[list[SentenceView]], folds: int,
                   none: float) -> tuple[dict, float, ScorerParams, dict]:
    """The layer's regularisation, the model's re-typing bar (the probability from which the model
    may re-type the coder's act), its proposing bar (from which it proposes an act where the coder
    reads none) and whether an event noun's act may be re-typed, chosen on held-out folds of the
    rows, scored as the benchmark reads a text (its most confident event); the per-source accuracy of
    the held-out decisions; the final layer fitted on all stackable rows."""
    from sklearn.model_selection import KFold

    w = stack_weights(rows)
    idx = np.array([i for i, r in enumerate(rows) if r.source in STACK_SOURCES])
    best = (-1.0, None, None, None, None, None)
    for keep_nominal in STACK_GRID["keep_nominal"]:
        for retype in STACK_GRID["retype"]:
            for c in STACK_GRID["C"]:
                fold_w: dict[int, dict] = {}
                for tr, te in KFold(folds, shuffle=True, random_state=7).split(idx):
                    weights = fit_stacker(rows, tvs, w, idx[tr], c, retype, keep_nominal)
                    fold_w.update({int(i): weights for i in idx[te]})
                for propose in STACK_GRID["propose"]:
                    # rows outside the stacking set (ConfliBERT) are held out from every fold: the last fold's layer
                    p_of = {i: ScorerParams(retype=retype, propose=propose, none=none, stacker=fold_w.get(i, weights))
                            for i in range(len(rows))}
                    score = evaluate_texts(rows, tvs, p_of)
                    s = objective(score)
                    print(f"stacker C={c} retype={retype} keep_nominal={keep_nominal} propose={propose}: "
                          f"held-out {s:.3f} {score}", file=sys.stderr)
                    if s > best[0]:
                        best = (s, c, ScorerParams(retype=retype, propose=propose, none=none), keep_nominal, score,
                                fold_w)
    _, c, bars, keep_nominal, score, fold_w = best
    final = fit_stacker(rows, tvs, w, idx, c, bars.retype, keep_nominal)
    return final, c, bars, dict(score, _fold_weights=fold_w)


def sentence_event(v: SentenceView, params: ScorerParams | None) -> tuple[str, float] | None:
    """The sentence's most confident event (root, confidence) as the pipeline would keep it."""
    from diplograph.events.typescore import decide_sentence

    if params is None:
        d = decide_sentence(v, ScorerParams(), use_model=False, use_none=False)
    else:
        d = decide_sentence(v, params)
    if d.propose:
        return d.propose, float(d.confidence if d.confidence is not None else v.proba.get(d.propose, 0.0))
    if not d.keep:
        return None
    j = max(range(len(d.keep)), key=d.scores.__getitem__)
    root = d.retype[1] if d.retype and d.retype[0] == d.keep[j] else model_root(v.candidates[d.keep[j]][0])
    return root, d.scores[j]


def headline_check(rows: list[Row], tvs: list[list[SentenceView]], fold_w: dict[int, dict],
                   bars: ScorerParams) -> dict[str, float]:
    """How a text's event is best picked from its sentences' events, on held-out folds (texts of
    more than one sentence only): the most confident of all (``maxconf``) or the most confident of
    the first sentence that has one (``lede``), for the coder alone and the pipeline."""
    hit: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if len(tvs[i]) < 2 or r.source not in ("acled_build", "stories"):
            continue
        for mode, params in (("coder", None), ("combined", ScorerParams(bars.weight, bars.retype, bars.propose,
                                                                        bars.none, fold_w.get(i)))):
            if mode == "combined" and fold_w.get(i) is None:
                continue
            evs = [sentence_event(v, params) for v in tvs[i]]
            found = [e for e in evs if e]
            maxconf = max(found, key=lambda e: e[1])[0] if found else None
            lede = found[0][0] if found else None
            hit[f"headline_{r.source}_{mode}_maxconf"].append(int(maxconf == r.label))
            hit[f"headline_{r.source}_{mode}_lede"].append(int(lede == r.label))
    return {k: round(sum(h) / len(h), 3) for k, h in sorted(hit.items())} | {
        "headline_texts_" + s: sum(1 for i, r in enumerate(rows) if len(tvs[i]) > 1 and r.source == s)
        for s in ("acled_build", "stories")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/diplograph_train_event_type_v3.json"),
                    help="parsed features and coder output of the training rows (rebuilt when absent)")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "diplograph" / "data" / "models" / "event_type")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--reuters", type=int, default=1500, help="'none' sentences from Reuters (build half)")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--C", type=float, nargs="*", default=[0.5, 1.0, 2.0])
    ap.add_argument("--oof-cache", type=Path, help="development: keep the model's out-of-fold probabilities here; "
                    "when the file exists, refit and score the layer only (nothing is written)")
    args = ap.parse_args()
    if not DEV.exists():
        sys.exit(f"{DEV} is absent: the shared data folder must sit beside the repository")

    rows = load_rows(args.reuters)
    parse_rows(rows, args.cache)
    print("rows:", dict(Counter(r.source for r in rows)), file=sys.stderr)
    check = [r for r in rows if r.source == "conflibert_check"]
    typed = [r for r in rows if r.label is not None]
    grouped = [r for r in rows if r.source == "conflibert_build"]

    if args.oof_cache and args.oof_cache.exists():  # iterate on the layer without refitting the model
        import pickle

        stash = pickle.loads(args.oof_cache.read_bytes())
        train = typed + grouped
        for r, lab in zip(train, stash["labels"]):
            r.label = lab
        P, PL, PD, classes = stash["P"], stash["PL"], stash["PD"], stash["classes"]
        owner = [i for i, r in enumerate(train) for _ in r.later]
        vs = views(train, P, classes)
        params, _ = tune(train, vs)
        tvs = text_views(train, P, PL, owner, PD, classes)
        stacker, stack_c, bars, stack_oof = fit_stacker_cv(train, tvs, args.folds, params.none)
        stack_oof.pop("_fold_weights")
        print(json.dumps({"coder": evaluate_texts(train, tvs, None), "model": evaluate_texts(train, tvs, None, "model"),
                          "combined": stack_oof, "C": stack_c, "bars": bars.to_dict(),
                          "keep_nominal": stacker["keep_nominal"]}, indent=1))
        return

    # 1. model on typed rows; C chosen by out-of-fold macro score
    vocab, X = vectorise(typed, args.min_count)
    y = [r.label for r in typed]
    w = source_weights(typed)
    best_c, best = args.C[0], -1.0
    for c in args.C if len(args.C) > 1 else []:
        P, classes, _, _ = out_of_fold(X, y, w, c, args.folds)
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
    owner = [i for i, r in enumerate(train) for _ in r.later]
    _, XL = vectorise_with(vocab, [Row("", None, "", "", feats=x["f"]) for r in train for x in r.later])
    _, XD = vectorise_with(vocab, [Row("", None, "", "", feats=r.doc_feats()) for r in train])
    P, classes, PL, PD = out_of_fold(X, y, w, best_c, args.folds, XL, owner, XD)
    if args.oof_cache:
        import pickle

        args.oof_cache.write_bytes(pickle.dumps({"labels": y, "P": P, "PL": PL, "PD": PD, "classes": classes}))

    # 3. the scorer on the out-of-fold probabilities: the thresholds (the model-off path and older
    # files) and the stacking layer (typestack), itself checked on held-out folds of the rows, each
    # text scored as the benchmark reads it (its most confident event over its sentences)
    vs = views(train, P, classes)
    params, _ = tune(train, vs)
    tvs = text_views(train, P, PL, owner, PD, classes)
    stacker, stack_c, bars, stack_oof = fit_stacker_cv(train, tvs, args.folds, params.none)
    params = ScorerParams.from_dict(dict(params.to_dict(), retype=bars.retype, propose=bars.propose), stacker)
    fold_w = stack_oof.pop("_fold_weights")
    report = {"coder": evaluate_texts(train, tvs, None), "model": evaluate_texts(train, tvs, None, "model"),
              "model_first_sentence": evaluate_texts(train, tvs, None, "model_first"),
              "combined": stack_oof,
              "headline": headline_check(train, tvs, fold_w, params)}

    final = fit(X, y, w, best_c)
    coef = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    intercept = np.zeros(len(classes), dtype=np.float32)
    cols = [classes.index(k) for k in final.classes_]
    coef[:, cols] = final.coef_.T
    intercept[cols] = final.intercept_
    # the ConfliBERT check half (never trained on): the final model's probabilities
    pc = _predict(final, classes, vocab, check)
    c_owner = [i for i, r in enumerate(check) for _ in r.later]
    pcl = _predict(final, classes, vocab, [Row("", None, "", "", feats=x["f"]) for r in check for x in r.later])
    pcd = _predict(final, classes, vocab, [Row("", None, "", "", feats=r.doc_feats()) for r in check])
    ctv = text_views(check, pc, pcl, c_owner, pcd, classes)
    for mode, prm in (("coder", None), ("model", None), ("combined", params)):
        report[f"conflibert_check_group_{mode}"] = evaluate_texts(
            check, ctv, prm, "model" if mode == "model" else "combined").get("conflibert_check")
    meta = {
        "trained": time.strftime("%Y-%m-%d"), "C": best_c, "min_count": args.min_count, "folds": args.folds,
        "rows": dict(Counter(r.source for r in train)),
        "sources": ["ngec_synthetic_plover_stories.jsonl (first sentences)", "plover_gsr_dev.json (even positions)",
                    "acled_2020_dev.csv (build half: sha1(data_id) even)",
                    "conflibert_cameo_quad.tsv (build half: sha1(text) even; root inside the human group)",
                    "Reuters-21578 (build half: sha1('reuters-'+NEWID) even; company/market topics) as 'none'"],
        "thresholds": params.to_dict(), "stacker": stacker, "stacker_C": stack_c, "out_of_fold": report,
    }
    model = TypeModel(classes, vocab, coef, intercept, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(json.dumps({"C": best_c, "features": len(vocab), "thresholds": params.to_dict(), "stacker_C": stack_c,
                      "keep_nominal": stacker.get("keep_nominal"), **report}, indent=1))


def _predict(model, classes: list[str], vocab: dict[str, int], rows: list[Row]) -> np.ndarray:
    """The fitted model's probabilities in ``classes`` order."""
    out = np.zeros((len(rows), len(classes)))
    if rows:
        _, Xr = vectorise_with(vocab, rows)
        out[:, [classes.index(k) for k in model.classes_]] = model.predict_proba(Xr)
    return out


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
