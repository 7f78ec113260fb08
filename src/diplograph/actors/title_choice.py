"""Which title a censored title gets: every title rule proposes, the proposals are scored in one place.

Each rule of :data:`.redactions.TITLE_RULES` may propose a title for a redaction (``mention.title_kb_office``
the person's office on the date, ``mention.title_from_text`` the title the text gives them, a context cue,
the title restored at the person's other redactions …). Proposals of the same title (``President`` and
``president``) are one *candidate*; a candidate's features say which rules proposed it, how many agree, and what
stands around the redaction. A conditional logit (``data/models/titles.json``, fitted by
``scripts/train_titles.py`` leave-one-set-out on the build alias articles' redactions) scores each candidate: a
prior weight on the proposing rules' base confidence (their hand order) plus learned weights on the features,
so that the data moves the order only where it shows it wrong. Restoring nothing is an option of the same
choice (its score a learned constant: right when no candidate is); the best candidate is restored when it beats
that option and its probability reaches the model's threshold, else nothing (a wrong title is worse than none). Without the model file the score is the strongest proposing rule's base confidence, which is the
old first-rule-wins order.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..lexicon import table, word_class
from ..rules import REGISTRY

# Set to a list by the training script: every redaction's candidates and features are appended to it.
TRACE: list[dict] | None = None


def tracing() -> bool:
    return TRACE is not None


@dataclass
class Candidate:
    """One title proposed for one redaction, by one or more rules (strongest first)."""

    title: str
    rules: list[str] = field(default_factory=list)
    extra: dict[str, float] = field(default_factory=dict)  # features the caller adds (context, other redactions)

    @property
    def key(self) -> str:
        return title_key(self.title)

    @property
    def confidence(self) -> float:
        return max((REGISTRY[r].confidence * REGISTRY.weight(r) for r in self.rules), default=0.0)


def title_key(title: str) -> str:
    """``Vice-President`` / ``vice president`` → one key."""
    return " ".join(title.lower().replace("-", " ").split())


def feature_name(rule: str) -> str:
    return "by:" + rule.removeprefix("mention.title_")


def features(c: Candidate, candidates: list[Candidate], has_person: bool) -> dict[str, float]:
    """The candidate's features: which rules proposed it, agreement, what kind of title it is."""
    f = {feature_name(r): 1.0 for r in c.rules}
    f["agree"] = float(len(c.rules) - 1)
    f["rivals"] = float(len(candidates) - 1)
    f["generic"] = float(c.key in word_class("leader_nouns"))
    f["person"] = float(has_person)
    f["confidence"] = c.confidence
    f.update(c.extra)
    return f


@lru_cache(maxsize=1)
def model() -> dict | None:
    try:
        path = resources.files("diplograph.data").joinpath("models/titles.json")
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def score(feats: dict[str, float]) -> float:
    """The candidate's score: the model's prior weight on the proposing rules' base confidence (their hand
    order) plus its learned weights on the features; without a model, the base confidence alone."""
    m = model()
    if m is None:
        return feats.get("confidence", 0.0)
    return m["prior"] * feats.get("confidence", 0.0) + sum(
        w * feats.get(name, 0.0) for name, w in zip(m["features"], m["coef"]))


def reads_slot() -> bool:
    """Whether the slot and office features (:mod:`.title_features`) are wanted: the model was trained with them,
    or the trainer is collecting them. Main's model predates them: they are not computed for it."""
    m = model()
    return TRACE is not None or m is not None and "kb_now" in m["features"]


def threshold() -> float:
    m = model()
    return float(m["threshold"]) if m is not None else 0.0


def choose(candidates: list[Candidate], has_person: bool, where: int = -1) -> Candidate | None:
    """The best-scoring candidate when its probability among the redaction's candidates (the softmax of their
    scores) reaches the threshold; ties go to the stronger rule's."""
    if not candidates:
        if TRACE is not None and where >= 0:
            TRACE.append({"where": where, "candidates": []})
        return None
    feats = [features(c, candidates, has_person) for c in candidates]
    if TRACE is not None and where >= 0:
        TRACE.append({"where": where, "candidates": [(c.title, f) for c, f in zip(candidates, feats)]})
    scored = [(score(f), c.confidence, -i) for i, (c, f) in enumerate(zip(candidates, feats))]
    top, _, i = max(scored)
    nothing = _nothing()
    if nothing is not None and nothing > top:
        return None  # restoring no title is likelier right than any candidate
    z = sum(math.exp(s - top) for s, _, _ in scored) + (math.exp(nothing - top) if nothing is not None else 0.0)
    return candidates[-i] if 1.0 / z >= threshold() else None


def _nothing() -> float | None:
    """The score of restoring no title (the model's weight of its ``nothing`` feature), if it has one."""
    m = model()
    if m is None or "nothing" not in m["features"]:
        return None
    return float(m["coef"][m["features"].index("nothing")])


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """A spelling of an office → its formal spelling (``premier`` → ``prime minister``; ``kb/title_synonyms.tsv``)."""
    return {title_key(r["variant"]): title_key(r["title"]) for r in table("kb", "title_synonyms.tsv")}


def merge(proposals: list[tuple[str, str]]) -> list[Candidate]:
    """(rule, title) proposals, strongest rule first → candidates, one per office: two spellings of one office
    (``premier``, ``Prime Minister``) are one candidate, restored in the formal spelling when a rule proposed it."""
    out: dict[str, Candidate] = {}
    for rule, title in proposals:
        own = title_key(title)
        if not own:
            continue
        k = synonyms().get(own, own)
        c = out.get(k)
        if c is None:
            out[k] = Candidate(title, [rule])
            continue
        if own == k and c.key != k:
            c.title = title  # the formal spelling
        if rule not in c.rules:
            c.rules.append(rule)
    return list(out.values())
