"""The knowledge base: every phrase that names an actor or an agent, as a token trie.

Built from the shipped Phoenix dictionaries (``data/phoenix``) and the project's own
supplement files (``data/kb``), plus any user dictionaries passed with ``--actors`` and
``--agents``. Lookups are by uppercase token sequences, longest match first.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..data import data_path
from ..errors import DictionaryError
from .dictionaries import ActorEntry, AgentEntry, read_actor_dictionary, read_agent_dictionary

DEFAULT_ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                       "Phoenix.MilNonState.actors.txt")
DEFAULT_AGENT_FILE = "Phoenix.agents.txt"


def phrase_key(phrase: str) -> tuple[str, ...]:
    """``NURSULTAN_NAZARBAYEV_`` → ``("NURSULTAN", "NAZARBAYEV")``."""
    return tuple(w for w in phrase.upper().replace(" ", "_").split("_") if w)


@dataclass
class KBHit:
    """What a phrase names: an actor entry, an agent, or a country adjective."""

    kind: str  # actor | agent | demonym
    entry: ActorEntry | None = None
    agent: AgentEntry | None = None
    country: str | None = None


@dataclass
class KnowledgeBase:
    trie: dict = field(default_factory=dict)
    max_len: int = 1
    problems: list[DictionaryError] = field(default_factory=list)
    surnames: dict[str, list[ActorEntry]] = field(default_factory=dict)
    countries: dict[str, ActorEntry] = field(default_factory=dict)  # ISO-3 code → the state's entry
    _country_rank: dict[str, int] = field(default_factory=dict)

    def add(self, key: tuple[str, ...], hit: KBHit) -> None:
        if not key:
            return
        node = self.trie
        for w in key:
            node = node.setdefault(w, {})
        node.setdefault(None, hit)  # the first definition wins, as in PETRARCH
        self.max_len = max(self.max_len, len(key))

    def add_actors(self, entries: list[ActorEntry]) -> None:
        for e in entries:
            hit = KBHit("actor", entry=e)
            for p in e.phrases:
                self.add(phrase_key(p), hit)
            for r in e.rules:
                # The state's own entry: an undated code beats an open-ended one beats a closed range.
                rank = 0 if not r.dated else (1 if r.end is None else 2)
                if len(r.code) == 3 and rank < self._country_rank.get(r.code, 3):
                    self.countries[r.code] = e
                    self._country_rank[r.code] = rank
            key = phrase_key(e.root)
            if len(key) >= 2 and is_person_entry(e):
                self.surnames.setdefault(key[-1], []).append(e)

    def add_agents(self, entries: list[AgentEntry]) -> None:
        for a in entries:
            self.add(phrase_key(a.phrase), KBHit("agent", agent=a))

    def longest_match(self, words: list[str], start: int) -> tuple[int, KBHit] | None:
        node = self.trie
        best: tuple[int, KBHit] | None = None
        for i in range(start, min(len(words), start + self.max_len)):
            node = node.get(words[i])
            if node is None:
                break
            if None in node:
                best = (i + 1, node[None])
        return best


def is_person_entry(e: ActorEntry) -> bool:
    """Person entries (CountryInfo leader lists): sector codes only, never a bare state code."""
    return (e.source == "Phoenix.Countries.actors.txt" and any(len(r.code) > 3 for r in e.rules)
            and not any(len(r.code) == 3 for r in e.rules))


def build_kb(actor_files: list[Path] | None = None, agent_files: list[Path] | None = None,
             replace: bool = False) -> KnowledgeBase:
    """User dictionaries come first (their definitions win); the defaults follow unless replaced."""
    kb = KnowledgeBase()
    for f in actor_files or []:
        kb.add_actors(read_actor_dictionary(f, kb.problems))
    for f in agent_files or []:
        kb.add_agents(read_agent_dictionary(f, kb.problems))
    if not replace:
        default = _default_kb()
        _merge(kb, default)
    return kb


@lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    silent: list[DictionaryError] = []  # known typos of the production files are skipped
    with data_path("kb", "demonyms.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"):
            kb.add(phrase_key(row["form"]), KBHit("demonym", country=row["code"]))
    for name in DEFAULT_ACTOR_FILES:
        kb.add_actors(read_actor_dictionary(data_path("phoenix", name), silent))
    kb.add_agents(read_agent_dictionary(data_path("phoenix", DEFAULT_AGENT_FILE), silent))
    return kb


def _merge(into: KnowledgeBase, other: KnowledgeBase) -> None:
    def walk(src: dict, dst: dict) -> None:
        for k, v in src.items():
            if k is None:
                dst.setdefault(None, v)
            else:
                walk(v, dst.setdefault(k, {}))
    walk(other.trie, into.trie)
    into.max_len = max(into.max_len, other.max_len)
    for k, v in other.surnames.items():
        into.surnames.setdefault(k, []).extend(v)
    for k, e in other.countries.items():
        into.countries.setdefault(k, e)


def parse_iso_date(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None
