"""Verb-dictionary transformations: ``~ a (b . ATTACK) SAY = a b 112``.

Read as: when a verb like SAY, whose subject is ``a``, governs a clause coding
(source ``b``, any target ``.``, an ATTACK-like code), also code ``a → b 112``. In the inner
triple a letter binds the actors found there (the outer subject's letter requires the same
actor), ``.`` is anything and ``_`` means "no subject of its own" (``X wants to attack Y``).
``Q`` stands for the inner code, copied. Verb names match the verb itself or a verb of the
same dictionary block; an inner code name matches by its CAMEO root.

Reported statements stay coded as reported (attributed by the claims stage); an embedded
act that a transformation reads as an intention (``WANT``, ``ATTEMPT``) is replaced.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .verbs import Transformation, VerbDictionary

_FORM = re.compile(r"^(\w)\s*\(\s*(\S+)\s+(\S+)\s+(\S+)\s*\)\s*(\S+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s*$")


@dataclass
class Rule:
    outer: str
    in_src: str
    in_tgt: str
    in_code: str
    verb: str
    out_src: str
    out_tgt: str
    out_code: str


def parse_rules(items: list[Transformation]) -> list[Rule]:
    rules = []
    for t in items:
        m = _FORM.match(t.text)
        if m:
            rules.append(Rule(*m.groups()))
    return rules


def _verb_matches(name: str, verb: Token, vd: VerbDictionary) -> bool:
    if name == verb.lemma_.upper() or name == verb.text.upper():
        return True
    blocks = {id(e.block) for e in vd.entries_for(name) if len(e.words) == 1}
    return any(id(e.block) in blocks for e in vd.entries_for(verb.lemma_.upper()) if len(e.words) == 1)


def _code_matches(name: str, inner_verb: Token, inner_code: str, vd: VerbDictionary) -> bool:
    if name == "Q":
        return True
    if re.fullmatch(r"\d{2,4}", name):
        return inner_code.startswith(name)
    if name == inner_verb.lemma_.upper():
        return True
    codes = {e.code for e in vd.entries_for(name) if e.code} | \
        {e.block.code for e in vd.entries_for(name) if e.block.code}
    return any(inner_code[:2] == c[:2] for c in codes)


def apply(rule: Rule, outer_verb: Token, outer_sources: list[str], inner_verb: Token, inner_code: str,
          inner_sources: list[str], inner_targets: list[str], own_subject: bool,
          vd: VerbDictionary) -> tuple[list[str], list[str], str] | None:
    """(sources, targets, code) of the transformed event, or None when the rule does not apply."""
    if not _verb_matches(rule.verb, outer_verb, vd) or not _code_matches(rule.in_code, inner_verb, inner_code, vd):
        return None
    binding: dict[str, list[str]] = {rule.outer: outer_sources}
    for var, found, is_src in ((rule.in_src, inner_sources, True), (rule.in_tgt, inner_targets, False)):
        if var == ".":
            continue
        if var == "_":
            if is_src and own_subject:
                return None
            if not is_src and found:
                return None
            continue
        if var in binding:
            if not set(binding[var]) & set(found):
                return None
        else:
            if not found or (is_src and set(found) <= set(outer_sources)):
                return None
            binding[var] = found
    sources = binding.get(rule.out_src, [])
    targets = binding.get(rule.out_tgt, [])
    if not sources and not targets:
        return None
    code = inner_code if rule.out_code == "Q" else rule.out_code
    return sources, [t for t in targets if t not in sources], code
