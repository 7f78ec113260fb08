"""Actors across documents: one corpus actor per real actor, so the corpus view names Putin once.

Each document resolves its own actors; their ids are slugs of the resolved name, so actors
found through the knowledge base already share an id. What differs across documents is
what the text alone taught: a bare surname (``Tokayev``) in one article and the full name in
another, or a state named ``Russia`` in one and ``Russian Federation`` in the next. Rules,
in order (the first that applies wins):

1. the same id, or the same normalised name → the same actor;
2. a state or international organisation with the same bare code (``RUS``) → the same actor;
3. a person (or a one-word name without a code, which the parser may have taken for a
   group) whose one-word name is the surname of a known person of a compatible country
   (same, or either unknown) → that person (the one seen in most documents); a full name
   whose surname matches a known one-word person → that actor, which takes the full name.

Two full names that differ in the given name (``Nursultan`` and ``Dariga Nazarbayev``) stay
two actors. A sector actor (``the president``, ``police``, ``Government of China``) names the
body one article speaks of, and another article's may be another (two administrations): it stays
local to its document (corpus id ``id@doc``); the state-level view rolls it up to its state.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s\b")
_BARE_CODE = re.compile(r"^[A-Z]{3}$")


def name_key(name: str) -> str:
    return _NAME.sub(" ", _POSSESSIVE.sub("", name.lower())).strip()


def _tokens(name: str) -> list[str]:
    return name_key(name).split()


def _bare_name(type: str | None, code: str | None, name: str) -> bool:
    """A one-word name the text alone taught (no code): may be a person's surname."""
    return type in ("group", "unknown") and not code and len(_tokens(name)) == 1


def is_document_local(type: str | None, country: str | None) -> bool:
    """A sector actor (``Government of China``, ``police``) is the body one article speaks of:
    the next article's ``administration`` may be another; the state level rolls them up."""
    return type == "sector"


@dataclass
class CorpusActor:
    id: str
    name: str
    type: str
    code: str | None
    country: str | None
    documents: int = 0
    mentions: int = 0
    new: bool = False
    changed: bool = False


class ActorIndex:
    """The writer's in-memory index of corpus actors (loaded once from the store)."""

    def __init__(self, actors: list[CorpusActor] | None = None):
        self.by_id: dict[str, CorpusActor] = {}
        self._by_name: dict[str, str] = {}
        self._by_code: dict[str, str] = {}
        self._persons_by_surname: dict[str, list[str]] = {}
        for a in actors or []:
            self._index(a)

    def _index(self, a: CorpusActor) -> None:
        self.by_id[a.id] = a
        if "@" in a.id:
            return  # document-local: found by id only
        self._by_name.setdefault(name_key(a.name), a.id)
        if a.type in ("state", "igo") and a.code and _BARE_CODE.match(a.code):
            self._by_code.setdefault(a.code, a.id)
        if a.type == "person" or _bare_name(a.type, a.code, a.name):
            toks = _tokens(a.name)
            if toks:
                ids = self._persons_by_surname.setdefault(toks[-1], [])
                if a.id not in ids:
                    ids.append(a.id)

    def resolve(self, actor_id: str, name: str, type: str, code: str | None, country: str | None,
                doc_id: str | None = None) -> CorpusActor:
        """The corpus actor for one document's actor, created if new."""
        if (is_document_local(type, country) or actor_id == "actor") and doc_id is not None:
            # ("actor" is the resolver's id for a name with no ASCII letters: not a shared id)
            local_id = f"{actor_id}@{doc_id}"
            if local_id not in self.by_id:
                self.by_id[local_id] = CorpusActor(local_id, name, type, code, country, new=True)
            return self.by_id[local_id]
        found = self._find(actor_id, name, type, code, country)
        if found is not None:
            if type == "person" and len(_tokens(name)) > len(_tokens(found.name)):
                found.name, found.type = name, type  # the fuller name is the better label
                found.changed = True
                self._by_name.setdefault(name_key(name), found.id)
            if found.code is None and code:
                found.code, found.changed = code, True
            if found.country is None and country:
                found.country, found.changed = country, True
            return found
        a = CorpusActor(actor_id, name, type, code, country, new=True)
        self._index(a)
        return a

    def _find(self, actor_id: str, name: str, type: str, code: str | None, country: str | None) -> CorpusActor | None:
        if actor_id in self.by_id:
            return self.by_id[actor_id]
        hit = self._by_name.get(name_key(name))
        if hit:
            return self.by_id[hit]
        if type in ("state", "igo") and code and _BARE_CODE.match(code) and code in self._by_code:
            return self.by_id[self._by_code[code]]
        if type == "person" or _bare_name(type, code, name):
            toks = _tokens(name)
            if not toks:
                return None
            options = [self.by_id[i] for i in self._persons_by_surname.get(toks[-1], [])]
            options = [o for o in options if country is None or o.country is None or o.country == country]
            if len(toks) == 1:
                # a bare surname: the known person with that surname seen most
                return max(options, key=lambda o: (o.documents, o.mentions), default=None)
            # a full name: only a known bare surname may join it (full names differing in the
            # given name are different people)
            bare = [o for o in options if len(_tokens(o.name)) == 1]
            return max(bare, key=lambda o: (o.documents, o.mentions), default=None)
        return None
