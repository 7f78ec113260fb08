"""Rules as units: the shape every extraction stage decides in.

A *rule* has a name, the inputs it reads, the kind of thing it proposes and a base
confidence. A stage collects :class:`Proposal` objects from its registered rules, scores them
in one place (:meth:`RuleRegistry.best`) and keeps the best; the winning proposal's rule name
travels on the record (``Event.rules``, ``Mention.method``/``rule``) so that benchmarks can
count each rule's firings and measure its precision, and a rule that does more harm than good
is switched off by data (``data/rules.tsv``), not by editing code.

Rule names are dotted: ``<stage>.<what>``, e.g. ``event.verb_pattern``, ``target.purpose_clause``,
``mention.alias_surname``, ``cue.lexicon``. A name is registered once; registering it twice is a
programming error (:class:`RuleError`).

The switch table ``data/rules.tsv`` has one line per rule whose default is changed:
``name<TAB>enabled<TAB>weight<TAB>why``. ``enabled`` is ``1``/``0``; ``weight`` multiplies the
rule's proposals' confidence when proposals compete (a learned scorer can replace the weights);
``why`` names the figure that decided it. A line naming no registered rule is a warning
(:func:`RuleRegistry.check_switches`), not an error: a user's table may be ahead of the code.
The environment variable ``DIPLOGRAPH_RULES_OFF`` (comma-separated names or ``stage.*``
prefixes) switches rules off for one run, for ablations.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from .data import data_path

KINDS = ("event", "source", "target", "mention", "cue", "place", "relation")
STAGES = ("actors", "events", "claims", "places")

T = TypeVar("T")


class RuleError(Exception):
    """A rule registered twice, or a proposal naming a rule nobody registered."""


@dataclass(frozen=True)
class Rule:
    """One named decision maker of a stage."""

    name: str  # dotted, unique: "target.purpose_clause"
    stage: str  # one of STAGES
    kind: str  # what it proposes: one of KINDS
    reads: tuple[str, ...]  # declared inputs: "parse", "actors", "verb_dictionary", "lexicon:<class>" …
    confidence: float  # base confidence of its proposals
    description: str  # one line: what it decides, in words
    enabled: bool = True  # default; data/rules.tsv and DIPLOGRAPH_RULES_OFF override it
    weight: float = 1.0  # multiplies proposal confidence when proposals compete


@dataclass
class Proposal(Generic[T]):
    """What a rule proposes: a value of some kind, with a confidence and its provenance."""

    kind: str
    value: T
    confidence: float
    rule: str
    evidence: Any = None  # a token, span or offsets the rule read; free-form, not serialised
    features: dict[str, float] = field(default_factory=dict)  # for a learned scorer


@dataclass(frozen=True)
class Switch:
    name: str
    enabled: bool
    weight: float
    why: str
    line: int


class RuleRegistry:
    """The rules of every stage, registered in one place (this object)."""

    def __init__(self, switches_path: Path | None = None):
        self._rules: dict[str, Rule] = {}
        self._functions: dict[str, Callable[..., Any]] = {}
        self._switches_path = switches_path or data_path("rules.tsv")
        self._switches: dict[str, Switch] | None = None
        self.problems: list[str] = []

    # ----------------------------------------------------------------- registration
    def register(self, rule: Rule, function: Callable[..., Any] | None = None) -> Rule:
        if rule.stage not in STAGES:
            raise RuleError(f"rule {rule.name!r}: unknown stage {rule.stage!r} (one of {', '.join(STAGES)})")
        if rule.kind not in KINDS:
            raise RuleError(f"rule {rule.name!r}: unknown kind {rule.kind!r} (one of {', '.join(KINDS)})")
        known = self._rules.get(rule.name)
        if known is not None and known != rule:
            raise RuleError(f"rule {rule.name!r} is registered twice")
        self._rules[rule.name] = rule
        if function is not None:
            self._functions[rule.name] = function
        return rule

    def rule(self, name: str, *, stage: str, kind: str, reads: Iterable[str], confidence: float,
             description: str, enabled: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator: register the decorated function as the rule ``name``."""

        def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
            self.register(Rule(name, stage, kind, tuple(reads), confidence, description, enabled), fn)
            fn.rule_name = name  # type: ignore[attr-defined]
            return fn

        return wrap

    def declare(self, name: str, *, stage: str, kind: str, reads: Iterable[str], confidence: float,
                description: str, enabled: bool = True) -> str:
        """Register a rule that is not one function (a branch of a generic reader); returns its name."""
        self.register(Rule(name, stage, kind, tuple(reads), confidence, description, enabled))
        return name

    # ----------------------------------------------------------------- lookup
    def __contains__(self, name: str) -> bool:
        return name in self._rules

    def __getitem__(self, name: str) -> Rule:
        try:
            return self._rules[name]
        except KeyError:
            raise RuleError(f"no rule named {name!r}") from None

    def all(self, stage: str | None = None, kind: str | None = None) -> list[Rule]:
        return sorted((r for r in self._rules.values()
                       if (stage is None or r.stage == stage) and (kind is None or r.kind == kind)),
                      key=lambda r: r.name)

    def function(self, name: str) -> Callable[..., Any]:
        return self._functions[name]

    # ----------------------------------------------------------------- switches
    def _switch_table(self) -> dict[str, Switch]:
        if self._switches is None:
            self._switches = {}
            for s in read_switches(self._switches_path, self.problems):
                self._switches[s.name] = s
        return self._switches

    def check_switches(self) -> list[str]:
        """Warnings for switch lines that name no registered rule."""
        return [f"{self._switches_path.name}:{s.line}: [W003] switch for unknown rule {s.name!r} ignored"
                for s in self._switch_table().values() if s.name not in self._rules]

    def enabled(self, name: str) -> bool:
        if _switched_off_by_env(name):
            return False
        sw = self._switch_table().get(name)
        if sw is not None:
            return sw.enabled
        rule = self._rules.get(name)
        return True if rule is None else rule.enabled

    def weight(self, name: str) -> float:
        sw = self._switch_table().get(name)
        if sw is not None:
            return sw.weight
        rule = self._rules.get(name)
        return 1.0 if rule is None else rule.weight

    # ----------------------------------------------------------------- scoring
    def score(self, p: Proposal[Any]) -> float:
        """The one place a proposal is scored: its confidence times its rule's weight."""
        return p.confidence * self.weight(p.rule)

    def live(self, proposals: Iterable[Proposal[T]]) -> list[Proposal[T]]:
        """The proposals whose rule is switched on."""
        return [p for p in proposals if self.enabled(p.rule)]

    def best(self, proposals: Iterable[Proposal[T]]) -> Proposal[T] | None:
        """The highest-scoring live proposal; ties go to the earlier one (stable)."""
        winner: Proposal[T] | None = None
        top = float("-inf")
        for p in proposals:
            if not self.enabled(p.rule):
                continue
            s = self.score(p)
            if s > top:
                winner, top = p, s
        return winner

    def ranked(self, proposals: Iterable[Proposal[T]]) -> list[Proposal[T]]:
        """Live proposals, best first (stable for equal scores)."""
        live = self.live(proposals)
        return sorted(live, key=lambda p: -self.score(p))


def _switched_off_by_env(name: str) -> bool:
    off = os.environ.get("DIPLOGRAPH_RULES_OFF", "")
    if not off:
        return False
    names, prefixes = _parse_off(off)
    return name in names or name.startswith(prefixes)


@lru_cache(maxsize=8)
def _parse_off(off: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(exact names, ``stage.`` prefixes) of a DIPLOGRAPH_RULES_OFF value; parsed once per value,
    since ``enabled`` is asked for every proposal of every sentence."""
    items = [i.strip() for i in off.split(",") if i.strip()]
    return (frozenset(i for i in items if not i.endswith(".*")),
            tuple(i[:-1] for i in items if i.endswith(".*")))


def read_switches(path: Path, problems: list[str]) -> list[Switch]:
    """Read a switch table; a bad line is a warning naming the file and line, and is skipped."""
    out: list[Switch] = []
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if cols[0] == "name":
                continue  # header
            try:
                enabled = cols[1].strip() not in ("0", "off", "false", "no")
                weight = float(cols[2]) if len(cols) > 2 and cols[2].strip() else 1.0
            except (IndexError, ValueError) as exc:
                problems.append(f"{path.name}:{n}: [W003] unreadable rule switch ({exc}); skipped")
                continue
            out.append(Switch(cols[0].strip(), enabled, weight, cols[3].strip() if len(cols) > 3 else "", n))
    return out


@lru_cache(maxsize=1)
def registry() -> RuleRegistry:
    """The process-wide registry every stage registers its rules in."""
    return RuleRegistry()


REGISTRY = registry()
