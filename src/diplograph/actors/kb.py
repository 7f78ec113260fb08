"""The knowledge base: every phrase that names an actor or an agent, as a token trie.

Built from the shipped Phoenix dictionaries (``data/phoenix``) and the project's own
supplement files (``data/kb``), plus any user dictionaries passed with ``--actors`` and
``--agents``. Lookups are by uppercase token sequences, longest match first.
"""
from __future__ import annotations

import csv
import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..cache import cached
from ..data import DATA_DIR, data_path
from ..errors import DictionaryError
from ..hierarchy import canonical_code
from ..lexicon import sector_has, sectors, word_class
from .aliases import acronym_fits
from .naming import code_kind, code_name
from .dictionaries import (ActorEntry, AgentEntry, CodeRule, _plural, pickled_by_fields, read_actor_dictionary,
                           read_agent_dictionary)

DEFAULT_ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                       "Phoenix.MilNonState.actors.txt")
DEFAULT_AGENT_FILE = "Phoenix.agents.txt"


def phrase_key(phrase: str) -> tuple[str, ...]:
    """``NURSULTAN_NAZARBAYEV_`` → ``("NURSULTAN", "NAZARBAYEV")``."""
    return tuple(w for w in phrase.upper().replace(" ", "_").split("_") if w)


_INNER_HYPHEN = re.compile(r"(?<=[^\W_])(-)(?=[^\W_])")


def hyphen_split(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key as spaCy tokenizes it: a hyphen between letters is a token of its own
    (``GUINEA-BISSAU`` → ``GUINEA - BISSAU``), so dictionary phrases written with one
    (PETRARCH's tokenizer kept them whole) still match."""
    if not any("-" in w for w in key):
        return key
    return tuple(p for w in key for p in _INNER_HYPHEN.split(w) if p)


@dataclass
class KBHit:
    """What a phrase names: an actor entry, an agent, or a country adjective."""

    kind: str  # actor | agent | demonym | place
    entry: ActorEntry | None = None
    agent: AgentEntry | None = None
    country: str | None = None
    user: bool = False  # from a dictionary passed with --actors/--agents
    # kind "place": a city of the gazetteer, (state code, population) per state that has one so named;
    # resolution picks one state per document (``places.place_states``) and reads it as a demonym.
    places: tuple[tuple[str, int], ...] = ()
    place: bool = False  # a demonym hit made from a place: the state is inferred, less sure
    upper_only: bool = False  # an acronym: matches only a word written in capitals (LTTE, not "Hum")
    rule: str | None = None  # a reading made by an actor rule (a city read as its state): that rule's name

    __reduce__ = pickled_by_fields  # cheaper to unpickle (dictionaries.py)


@dataclass
class KnowledgeBase:
    trie: dict = field(default_factory=dict)
    max_len: int = 1
    problems: list[DictionaryError] = field(default_factory=list)
    surnames: dict[str, list[ActorEntry]] = field(default_factory=dict)
    countries: dict[str, ActorEntry] = field(default_factory=dict)  # ISO-3 code → the state's entry
    state_names: dict[str, str] = field(default_factory=dict)  # ISO-3 code → a name, when no entry has one
    stems: set[tuple[str, ...]] = field(default_factory=set)  # agent phrases whose last word is a stem
    sectors: set[str] = field(default_factory=set)  # 3-letter chunks of agent codes: GOV, ELI, MIL …
    # Gazetteer city names → the states having a city so named (most populous first), also for
    # names the dictionaries define themselves (Phoenix reads ``Tripoli`` as Libya only).
    place_states: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # State names two states share (``Congo``) → those states (data/kb/shared_names.tsv).
    shared_states: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # A common noun phrase the agents file defines as a sector (SENATE ~LEG) that an actor file gave to one
    # state's body (the US Congress): phrase → the agent reading, for when another state owns the noun.
    generic_bodies: dict[tuple[str, ...], KBHit] = field(default_factory=dict)
    _country_rank: dict[str, int] = field(default_factory=dict)
    _igo_names: dict[str, str] = field(default_factory=dict)  # filled on first use (igo_name)
    _stem_paths: tuple[int, frozenset] | None = None  # (len(stems), the words before each stem): stem_paths
    _stem_starts: tuple[int, frozenset] | None = None  # (len(stems), stem phrases of two words: their first)

    def add(self, key: tuple[str, ...], hit: KBHit) -> None:
        if not key:
            return
        node = self.trie
        for w in key:
            node = node.setdefault(w, {})
        node.setdefault(None, hit)  # the first definition wins, as in PETRARCH
        self.max_len = max(self.max_len, len(key))
        split = hyphen_split(key)
        if split != key:
            self.add(split, hit)

    def add_actors(self, entries: list[ActorEntry], user: bool = False) -> None:
        for e in entries:
            hit = KBHit("actor", entry=e, user=user)
            for p in e.phrases:
                self.add(phrase_key(p), hit)
                if not p.endswith("_") and p[-1:].isalpha():  # PETRARCH: no trailing _ → plural forms too
                    self.add(phrase_key(_plural(p.upper())), hit)
                if not user and "(" in p:
                    self._add_parenthetical(p, e)
            for r in e.rules:
                # The state's own entry: an undated code beats an open-ended one beats a closed range.
                rank = 0 if not r.dated else (1 if r.end is None else 2)
                if len(r.code) == 3 and code_kind(r.code) not in ("media", "group") \
                        and rank < self._country_rank.get(r.code, 3):  # MED (Reuters) is no state
                    self.countries[r.code] = e
                    self._country_rank[r.code] = rank
            key = phrase_key(e.root)
            if len(key) >= 2 and is_person_entry(e):
                self.surnames.setdefault(key[-1], []).append(e)

    def _add_parenthetical(self, phrase: str, e: ActorEntry) -> None:
        """``LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_``: the text never writes the bracket glued to
        the name, so the shipped files' name is also read without it, and an acronym in it that
        fits the name's initials is read alone (in capitals only)."""
        m = re.match(r"^(.*?)_?\(([^)]*)\)_?$", phrase.strip())
        if m is None:
            return
        base, inner = phrase_key(m.group(1)), m.group(2)
        if len(base) >= 2 or (base and ("-" in base[0] or len(base[0]) >= 6)):
            self.add(base, KBHit("actor", entry=e))
        letters = inner.replace(".", "")
        if 3 <= len(letters) <= 6 and letters.isalpha() and acronym_fits(letters, list(base)):
            self.add((letters.upper(),), KBHit("actor", entry=e, upper_only=True))

    def add_agents(self, entries: list[AgentEntry], user: bool = False) -> None:
        for a in entries:
            key = phrase_key(a.phrase)
            if not user:
                held = self._held(key)
                if held is not None and held.kind == "actor" and held.entry is not None and not held.user \
                        and all(len(r.code) > 3 and not r.code.startswith(("IGO", "NGO")) for r in held.entry.rules):
                    self.generic_bodies.setdefault(key, KBHit("agent", agent=a))
            self.add(key, KBHit("agent", agent=a, user=user))
            c = a.code.strip("~")
            self.sectors.update(c[k:k + 3] for k in range(0, len(c) - 2, 3))
            # A few agent phrases end in a stem (DEFENCE_MINIST): the last word matches by prefix.
            if len(key) > 1 and not a.phrase.endswith("_") and len(key[-1]) >= 5:
                self.stems.add(key)

    def _held(self, key: tuple[str, ...]) -> KBHit | None:
        node: dict | None = self.trie
        for w in key:
            node = node.get(w) if node is not None else None
        return node.get(None) if node is not None else None

    def state_name(self, code: str) -> str:
        """The state's name; a region's or another non-state code's name (``WST`` → ``Western
        countries``, data/kb/codes.tsv); the code itself only for a code nobody named."""
        e = self.countries.get(code)
        return e.name if e else self.state_names.get(code) or code_name(code) or code

    def igo_name(self, code: str) -> str | None:
        """The name of an international organisation's code (``IGOUNO`` → ``United Nations``)."""
        if not self._igo_names:
            # the project's own IGO table first, then the dictionary entry with that one code and the shortest name
            ranked: dict[str, tuple[tuple[int, int], str]] = {}
            for node in _walk_hits(self.trie):
                e = node.entry
                if node.kind != "actor" or e is None or len(e.rules) != 1 or e.rules[0].dated:
                    continue
                c = e.rules[0].code
                if c.startswith("IGO"):
                    rank = (0 if e.source == "igos.tsv" else 1, len(e.name))
                    if c not in ranked or rank < ranked[c][0]:
                        ranked[c] = (rank, e.name)
            self._igo_names.update({c: n for c, (_, n) in ranked.items()})
        return self._igo_names.get(code)

    def longest_match(self, words: list[str], start: int) -> tuple[int, KBHit] | None:
        node = self.trie
        best: tuple[int, KBHit] | None = None
        path: list[str] = []
        for i in range(start, min(len(words), start + self.max_len + 2)):
            nxt = node.get(words[i])
            if nxt is None and path and words[i] == "-" and i + 1 < len(words) and words[i + 1] in node:
                continue  # "Guinea-Bissau" for the dictionary's GUINEA_BISSAU
            if nxt is None and path and "-" in words[i]:
                nxt = _hyphen_child(node, words[i])  # a name word joined at its hyphen (actors.hyphens)
            if nxt is None and path:
                nxt = self._stem_child(node, path, words[i])
            if nxt is None:
                break
            node = nxt
            path.append(words[i])
            if None in node:
                best = (i + 1, node[None])
        return best

    def _stem_child(self, node: dict, path: list[str], word: str) -> dict | None:
        if tuple(path) not in self.stem_paths():
            return None  # no stem phrase goes on from here: no prefix of the word to try
        for k in range(len(word) - 1, 4, -1):
            child = node.get(word[:k])
            if child is not None and tuple(path) + (word[:k],) in self.stems:
                return child
        return None

    def stem_starts(self) -> frozenset[str]:
        """The first words of the stem phrases of two words (``longest_match`` tries the next word's
        prefixes after them)."""
        if self._stem_starts is None or self._stem_starts[0] != len(self.stems):
            self._stem_starts = (len(self.stems), frozenset(p[0] for p in self.stem_paths() if len(p) == 1))
        return self._stem_starts[1]

    def stem_paths(self) -> frozenset:
        """The words before the last of every stem phrase (built again when a dictionary added stems)."""
        if self._stem_paths is None or self._stem_paths[0] != len(self.stems):
            self._stem_paths = (len(self.stems), frozenset(key[:-1] for key in self.stems))
        return self._stem_paths[1]


def _hyphen_child(node: dict, word: str) -> dict | None:
    """The trie node after a hyphenated word the tokenizer's split was undone for (``AKUFO-ADDO``): its parts
    with the hyphen between them (as ``hyphen_split`` filed the dictionary's phrase), else without it (a
    dictionary that writes the name in two words)."""
    parts = [p for p in word.split("-") if p]
    if len(parts) < 2:
        return None  # the hyphen itself (a token of its own: ``longest_match`` steps over it) or no name word
    for seq in ([x for p in parts for x in (p, "-")][:-1], parts):
        n: dict | None = node
        for w in seq:
            n = n.get(w) if n is not None else None
        if n is not None:
            return n
    return None


def _walk_hits(node: dict):
    for k, v in node.items():
        if k is None:
            yield v
        else:
            yield from _walk_hits(v)


_PERSON_ENTRY: dict[int, bool] = {}  # id of an entry (they live as long as the process) → is_person_entry


def is_person_entry(e: ActorEntry) -> bool:
    """Person entries (CountryInfo leader lists): sector codes only, never a bare state code, and a
    name that is no institution's. The same lists code a state's bodies with sector codes too
    (``KNESSET`` ISRGOVLEG, ``UNITED_STATES_CONGRESS`` USAGOVLEG, ``AMERICAN_SAMOA`` USAASM): a name
    with an institution word, a territory's code (a state after the state) or a one-word name with no
    dated office is a body of the state, not a person."""
    known = _PERSON_ENTRY.get(id(e))
    if known is None:
        known = _PERSON_ENTRY[id(e)] = _person_entry(e)
    return known


def _person_entry(e: ActorEntry) -> bool:
    if e.source != "Phoenix.Countries.actors.txt" or not any(len(r.code) > 3 for r in e.rules) \
            or any(len(r.code) == 3 for r in e.rules):
        return False
    words = [w for w in e.root.strip("_").lower().split("_") if w]
    if any(w in _institution_words() for w in words):
        return False
    if all(len(r.code) == 6 and r.code[3:6] not in sectors() for r in e.rules):
        return False  # USAASM, GBRVGB: a territory of the state (a state's code where a sector goes)
    return len(words) > 1 or any(r.dated for r in e.rules)


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    return word_class("institution_words") | word_class("organisation_name_heads")


def nearest_dated_code(e: ActorEntry, on: date | None) -> str | None:
    """The code of a shipped entry whose dated codes all miss the document date.

    A person keeps their nationality outside the dates a dictionary lists: the nearest range
    gives the state; after its end an office-holder is that state's former elite (``KENGOV``
    ended → ``KENELI``), before its start the range's own code stands. None when the entry
    has no dated code or the date is unknown (``code_on`` already answers that case). Only
    for the shipped knowledge base: user dictionaries keep PETRARCH's exact behaviour.
    """
    dated = [r for r in e.rules if r.dated]
    if on is None or not dated:
        return None

    def distance(r: CodeRule) -> int:
        if r.end is not None and on >= r.end:
            return (on - r.end).days
        if r.start is not None and on < r.start:
            return (r.start - on).days
        return 0

    rule = min(dated, key=distance)
    code = rule.code
    ended = rule.end is not None and on >= rule.end
    if ended and is_person_entry(e) and len(code) >= 6 and sector_has(code[3:6], "office"):
        return code[:3] + "ELI"
    return code


def build_kb(actor_files: list[Path] | None = None, agent_files: list[Path] | None = None,
             replace: bool = False) -> KnowledgeBase:
    """User dictionaries come first (their definitions win); the defaults follow unless replaced."""
    kb = KnowledgeBase()
    for f in actor_files or []:
        kb.add_actors(read_actor_dictionary(f, kb.problems), user=True)
    for f in agent_files or []:
        kb.add_agents(read_agent_dictionary(f, kb.problems), user=True)
    if replace:
        return kb
    default = _default_kb()
    if not actor_files and not agent_files:
        # Nothing to merge into: share the shipped KB's tables (nothing writes them after the build;
        # only the lazily filled caches are, and those follow from the tables) instead of copying its
        # trie node by node, which cost ~0.3 s of every process's serial start.
        return dataclasses.replace(default, problems=[])
    _merge(kb, default)
    return kb


@lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    """The shipped knowledge base, built once and then read from the on-disk cache (cache.py)."""
    sources = [*(DATA_DIR / "kb").iterdir(), *(DATA_DIR / "phoenix").iterdir(), *Path(__file__).parent.glob("*.py")]
    return cached("kb", sources, _build_default_kb)


def _own_state_codes(entries: list[ActorEntry]) -> list[ActorEntry]:
    """A shipped dictionary's entries with every state written the project's way (``KSV`` → ``XKX``); a user
    dictionary's codes come out as it writes them."""
    for e in entries:
        e.rules = [r if canonical_code(r.code) == r.code else dataclasses.replace(r, code=canonical_code(r.code))
                   for r in e.rules]
    return entries


def _build_default_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    silent: list[DictionaryError] = []  # known typos of the production files are skipped
    # The project's own supplements first: where they differ from Phoenix, they are the newer facts.
    for row in _rows("states.tsv"):
        kb.add(phrase_key(row["form"]), KBHit("demonym", country=row["code"]))
        if row["form"][:1].isupper() and not row["form"].isupper() and len(row["form"]) > len(
                kb.state_names.get(row["code"], "")):
            kb.state_names[row["code"]] = row["form"]
    for row in _rows("demonyms.tsv"):
        kb.add(phrase_key(row["form"]), KBHit("demonym", country=row["code"]))
        if not row["form"].endswith(("ese", "ss", "sh", "ch", "i", "Swiss")):
            kb.add(phrase_key(row["form"] + "s"), KBHit("demonym", country=row["code"]))
        elif row["form"].endswith("i"):
            kb.add(phrase_key(row["form"] + "s"), KBHit("demonym", country=row["code"]))
    igos: dict[str, ActorEntry] = {}
    for row in _rows("igos.tsv"):
        e = igos.setdefault(row["name"], ActorEntry(row["name"].upper().replace(" ", "_") + "_", [],
                                                    [CodeRule(row["code"])], "igos.tsv"))
        e.phrases.append(row["form"].upper().replace(" ", "_") + "_")
    kb.add_actors(list(igos.values()))
    kb.add_agents([AgentEntry(r["phrase"], r["code"]) for r in _rows("titles.tsv")])
    kb.add_agents([AgentEntry(r["phrase"], r["code"]) for r in _rows("occupations.tsv")])
    for name in DEFAULT_ACTOR_FILES:
        kb.add_actors(_own_state_codes(read_actor_dictionary(data_path("phoenix", name), silent)))
    kb.add_agents(read_agent_dictionary(data_path("phoenix", DEFAULT_AGENT_FILE), silent))
    # Cities last: any phrase the dictionaries already define keeps its definition.
    places: dict[str, list[tuple[str, int]]] = {}
    for row in _rows("places.tsv"):
        places.setdefault(row["name"], []).append((row["code"], int(row["population"])))
    for name, states in places.items():
        ranked = tuple(sorted(states, key=lambda s: -s[1]))
        kb.add(phrase_key(name), KBHit("place", places=ranked))
        kb.place_states[phrase_key(name)] = tuple(c for c, _ in ranked)
    # Regions after the cities, read like them: a place whose state the document may decide.
    for row in _rows("regions.tsv"):
        key = phrase_key(row["name"])
        codes = tuple(row["codes"].split())
        if key not in kb.place_states:
            kb.add(key, KBHit("place", places=tuple((c, 0) for c in codes)))
            kb.place_states[key] = codes
    for row in _rows("shared_names.tsv"):
        kb.shared_states[phrase_key(row["form"])] = tuple(row["codes"].split())
    return kb


@lru_cache(maxsize=1)
def collective_nouns() -> frozenset[str]:
    """Nouns naming a body of people (``data/kb/collectives.tsv``): ``the U.S.-led coalition``."""
    return frozenset(r["noun"].lower() for r in _rows("collectives.tsv"))


def _rows(name: str) -> list[dict[str, str]]:
    with data_path("kb", name).open(encoding="utf-8") as fh:
        return list(csv.DictReader((l for l in fh if l.strip() and not l.startswith("#")), delimiter="\t"))


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
    for k, n in other.state_names.items():
        into.state_names.setdefault(k, n)
    into.stems |= other.stems
    for k, v in other.place_states.items():
        into.place_states.setdefault(k, v)
    for k, v in other.shared_states.items():
        into.shared_states.setdefault(k, v)
    for k, h in other.generic_bodies.items():
        into.generic_bodies.setdefault(k, h)
    into.sectors |= other.sectors


def parse_iso_date(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None
