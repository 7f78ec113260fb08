"""A fitted combination of the dictionary coder and the learned type model (a stacking layer).

Per sentence the scorer weighs a few *options*: each CAMEO root a coder candidate has, the model's
two most probable roots, and ``none`` (the sentence reports no political act). Every option is
described by a handful of features — the model's probability of it, whether it is the model's or the
coder's first choice, the coder's confidence in it, how many of its sides are political actors,
whether it has a target, whether its trigger acts on a quantity (tonnes, dollars, per cent), how
much of the sentence is quantities, the model's probability of ``none`` — some of them per root, so
the layer learns per type how far to trust the coder (its FIGHT on conflict reports less than its
DEMAND). Two more kinds of features tell it WHEN to trust the model:

- the text as a whole (:func:`document_view`, the same for every sentence of a text): the model's
  probability of the option over the text's first sentences together, whether that is the text's
  first type, the share of sentences the model reads as protest or violence, whether the text opens
  with a date (an incident report), how often coder and model agree; crossed with "the model's
  first choice", "the coder's first choice" and "the text's first type";
- the parties, as the actor stage resolved them (``typeparse``): whether the act's source and target
  are armed parties or crowds, whether armed or unarmed people are hurt — PLOVER's line between
  FIGHT, ASSAULT, COERCE and PROTEST — per root of the four.

A linear score over them, fitted as a logistic regression on held-out folds of the type
model's training rows (``scripts/train_event_type.py``; never on the report halves), picks the
option; its probability is the chosen event's confidence.

Nothing here is a threshold set by hand: the weights are data (``event_type.json`` → ``meta.stacker``),
and the features are the same function in the pipeline and in the fitting.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

NONE = "none"

# acts PLOVER codes whoever the parties are (a riot, an attack on villagers by a gang): the
# political-side requirement does not apply to them
ANY_PARTIES = ("14", "18", "19", "20")


def model_root(cameo_root: str) -> str:
    """The model's class of a CAMEO root: 20 (unconventional mass violence) is ASSAULT like 18."""
    return "18" if cameo_root == "20" else cameo_root
# a candidate tuple: (root, confidence, political sides 0–2, clause, frames another act,
#                     has a target, acts on a quantity, made by a nominal rule,
#                     source armed, target armed (1, 0, 0.5 unknown), source a crowd, target a crowd,
#                     in the sentence's main clause)
(_ROOT, _CONF, _SIDES, _CLAUSE, _FRAMES, _TARGET, _QTY, _NOMINAL, _SARMED, _TARMED, _SCROWD, _TCROWD,
 _MAIN) = range(13)

# the acts whose line PLOVER draws by the parties (protest, coerce, assault, fight): the parse's
# party features are read per root for them
PARTY_ROOTS = ("14", "17", "18", "19")
# how many of a text's first sentences make its document reading (the training rows keep as many)
DOC_SENTENCES = 6


def _top(proba: dict[str, float]) -> str | None:
    roots = [(k, p) for k, p in proba.items() if k != NONE]
    return max(roots, key=lambda kp: kp[1])[0] if roots else None


def document_view(probas: list[dict[str, float]], pooled: dict[str, float], coder_tops: list[str | None],
                  dated: bool) -> dict[str, Any]:
    """How a text reads as a whole, from its first :data:`DOC_SENTENCES` sentences: the model's
    probabilities over all their words (``p``, its first type ``top``), the share of them the model
    reads as protest or violence (``viol``), whether the text opens with a date (``dated``: the form
    of an incident report), and how often the coder's first type agrees with the model's (``agree``,
    over the sentences the coder reads an act in). The same function serves the pipeline and the fit."""
    tops = [_top(p) for p in probas]
    viol = sum(t in PARTY_ROOTS for t in tops) / len(tops) if tops else 0.0
    pairs = [(c, t) for c, t in zip(coder_tops, tops) if c is not None]
    agree = sum(c == t for c, t in pairs) / len(pairs) if pairs else 0.0
    return {"p": pooled, "top": _top(pooled), "viol": round(viol, 3), "dated": float(dated),
            "agree": round(agree, 3)}


def _field(c: tuple, i: int, default: Any = 0) -> Any:
    return c[i] if len(c) > i else default


@dataclass
class Option:
    root: str  # a model class, or NONE
    feats: dict[str, float]
    how: str  # "candidate" | "retype" | "propose" | "none"
    index: int | None = None  # the candidate it keeps or re-types


def options(view: Any, keep: list[int], use_none: bool = True, retype: float = 0.0,
            propose: float = 0.0, keep_nominal: bool = False) -> list[Option]:
    """The options of one sentence (``view``: a :class:`typescore.SentenceView`; ``keep``: the
    candidates the political-side rule left). ``keep_nominal``: an event noun outside the
    sentence's main clause is never re-typed (``…, which led to the investigation of X, …``: the noun
    names its act, and the model's type is the reading of the whole sentence, mostly of its main
    clause; chosen on held-out folds)."""
    cands = view.candidates
    proba: dict[str, float] = view.proba
    p_none = proba.get(NONE, 0.0)
    ranked = sorted(((k, p) for k, p in proba.items() if k != NONE), key=lambda kp: -kp[1])
    top = ranked[0][0] if ranked else None
    coder_best = max(keep, key=lambda i: cands[i][_CONF]) if keep else None
    coder_top = model_root(cands[coder_best][_ROOT]) if coder_best is not None else None
    # the coder's judgement of which clause is the main act stands: its readings are the options
    # (another clause's act stays an event of its own, below the chosen one), unless the model is
    # sure (``retype``, fitted) of a type another clause's act has
    main = _field(cands[coder_best], _CLAUSE, None) if coder_best is not None else None
    # the model may override the coder's act when it is sure and that act frames no other one
    # (``urged Y to withdraw``, ``mobilized X to support Y``: the model reads the inner act's words)
    sure = (bool(ranked) and ranked[0][1] >= retype and coder_best is not None
            and not _field(cands[coder_best], _FRAMES, False))
    by_root: dict[str, list[int]] = {}
    for i in keep:
        root = model_root(cands[i][_ROOT])
        # another clause's act is an option when the model is sure it is the sentence's type
        if _field(cands[i], _CLAUSE, None) == main or (sure and root == top):
            by_root.setdefault(root, []).append(i)
    # it re-types the coder's act when no clause of the sentence has its type (else it read that act)
    may_retype = sure and all(model_root(cands[i][_ROOT]) != top for i in keep)
    if keep_nominal and coder_best is not None and _field(cands[coder_best], _NOMINAL, False) \
            and not _field(cands[coder_best], _MAIN, True):
        may_retype = False
    quantity = float(getattr(view, "quantity", 0.0))
    shared = {"pnone": p_none, "sq": quantity, "ncand": min(len(keep), 5) / 5}
    hurt_armed, hurt_unarmed = getattr(view, "hurt", (0.0, 0.0))
    doc = getattr(view, "doc", None)
    out: list[Option] = []
    roots = list(by_root) + [k for k, _ in ranked[:2] if k not in by_root]
    for k in roots:
        pm = proba.get(k, 0.0)
        f = dict(shared)
        f.update({"b:" + k: 1.0, "pm": pm, "pm:" + k: pm, "mtop": float(k == top)})
        if k in by_root:
            i = max(by_root[k], key=lambda j: cands[j][_CONF])
            how = "candidate"
        elif coder_best is not None:
            if not (may_retype and k == top):
                continue
            i, how = coder_best, "retype"
        elif view.proposal is not None and (view.proposal > 0 or k in ANY_PARTIES) and k == top and pm >= propose:
            i, how = None, "propose"  # no reading of the coder: the model's own act when it is sure
        else:
            continue  # no actor to carry the act
        if i is not None:
            c = cands[i]
            f.update({"cc": float(c[_CONF]) if how == "candidate" else 0.0, "has_c": float(how == "candidate"),
                      "sides": _field(c, _SIDES) / 2, "notgt": float(not _field(c, _TARGET, True)),
                      "qty": float(bool(_field(c, _QTY))), "frames": float(bool(_field(c, _FRAMES))),
                      "nominal": float(bool(_field(c, _NOMINAL)))})
        else:
            f["sides"] = (view.proposal or 0) / 2
        if k == coder_top:
            f.update({"ctop": 1.0, "ctop:" + k: 1.0, "ctop_pm": pm})
        if i is not None and (k in PARTY_ROOTS or model_root(cands[i][_ROOT]) in PARTY_ROOTS):
            # who the parties are: armed on both sides (FIGHT), an unarmed target or crowd (ASSAULT,
            # riot), read per root so the layer weighs them for each of the four acts
            c = cands[i]
            f.update({"sa:" + k: _field(c, _SARMED, 0.5), "ta:" + k: _field(c, _TARMED, 0.5),
                      "sc:" + k: float(bool(_field(c, _SCROWD))), "tc:" + k: float(bool(_field(c, _TCROWD))),
                      "ha:" + k: hurt_armed, "hu:" + k: hurt_unarmed})
        if doc:
            _document_features(f, k, doc, top, coder_top)
        if how == "retype":
            # the model reads the whole sentence, which is mostly its main clause's act
            sub = float(not _field(cands[i], _MAIN, True))
            f.update({"retype_nominal": f.get("nominal", 0.0), "retype_sub": sub,
                      "retype_sub_nominal": sub * f.get("nominal", 0.0)})
        f[how] = 1.0
        out.append(Option(k, f, how, i))
    # an act the coder reads between two political actors, not on a market figure, is political
    # whatever the model reads (its "none" class is market and company news)
    political_pair = any(_field(cands[i], _SIDES) >= 2 and not _field(cands[i], _QTY) for i in keep)
    if use_none and not political_pair:
        f = {"N": 1.0, "N_pnone": p_none, "N_sq": quantity,
             "N_has_c": float(bool(keep)), "N_prop": float(view.proposal is not None)}
        if keep:
            f.update({"N_maxconf": max(cands[i][_CONF] for i in keep),
                      "N_maxsides": max(_field(cands[i], _SIDES) for i in keep) / 2,
                      "N_qty": float(any(_field(cands[i], _QTY) for i in keep)),
                      "N_notgt": float(all(not _field(cands[i], _TARGET, True) for i in keep))})
        out.append(Option(NONE, f, "none"))
    return out


def _document_features(f: dict[str, float], k: str, doc: dict[str, Any], top: str | None,
                       coder_top: str | None) -> None:
    """The option's features from the whole text's reading: the model's probability of the option
    over the text, and how the text's genre (violence share, dated opening, coder–model agreement)
    bears on trusting the model's first choice, the coder's or the text's."""
    dp = float(doc["p"].get(k, 0.0))
    dtop = float(k == doc.get("top"))
    f.update({"dpm": dp, "dpm:" + k: dp, "dtop": dtop, "dtop:" + k: dtop, "dviol:" + k: doc["viol"]})
    mtop, ctop = float(k == top), float(k == coder_top)
    for g in ("viol", "dated", "agree"):
        v = float(doc[g])
        f.update({g + "_mtop": v * mtop, g + "_ctop": v * ctop, g + "_dtop": v * dtop, g + "_dpm": v * dp})


def score(weights: dict[str, Any], feats: dict[str, float]) -> float:
    """The option's probability of being the sentence's act: logistic of the fitted linear score."""
    coef: dict[str, float] = weights["coef"]
    z = float(weights.get("intercept", 0.0)) + sum(coef.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def choose(view: Any, keep: list[int], weights: dict[str, Any], use_none: bool = True,
           retype: float = 0.0, propose: float = 0.0) -> tuple[Option, float] | None:
    """The best option and its probability (None: no option at all)."""
    opts = options(view, keep, use_none, retype, propose, bool(weights.get("keep_nominal", False)))
    if not opts:
        return None
    scored = [(score(weights, o.feats), o) for o in opts]
    p, o = max(scored, key=lambda so: so[0])
    return o, p
