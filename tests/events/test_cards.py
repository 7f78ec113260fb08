"""Rule cards: for each named event-stage rule, a sentence it decides and a counter-example it must not.

Each line of ``cards.jsonl`` is ``{"rule", "text", "expect": {"root", "source", "target"}, "counter",
"level"?}``: some event of ``text`` was decided by ``rule`` (in its ``rules`` under the rule's kind)
with that CAMEO root (``null``: any — for a source/target rule whose event type other rules decide)
and those source/target code prefixes (``null``: no one); no event of ``counter`` names ``rule``. ``"level": "candidates"`` reads the coder's candidates instead of the final events
(for a rule whose candidate a stronger one of the same pair hides in the output). The sentences are
made up for the cards, with names of their own, never taken from a dev record.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph.records import Document
from diplograph.rules import REGISTRY

CARDS = [json.loads(line) for line in (Path(__file__).parent / "cards.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


def _readings(pipeline, text: str, level: str) -> list[tuple[str, str | None, str | None, dict]]:
    """(code, source code, target code, rules) of each event (or candidate) of ``text``."""
    if level == "candidates":
        from diplograph.actors.resolve import resolve_mentions
        from diplograph.events.coder import code_events
        from diplograph.text.normalize import normalize

        norm = normalize(text)
        doc = pipeline.nlp(norm.text)
        actors = resolve_mentions(doc, norm, pipeline.kb, None)

        def code(aid: str | None) -> str | None:
            return actors.actors[aid].code if aid else None

        return [(c.code, code(c.source), code(c.target), c.rules) for c in code_events(doc, actors, pipeline.verbs)]
    a = pipeline.analyze_one(Document("card", text, date="2022-05-01"))
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None, e.rules or {})
            for e in a.events]


def _matches(code: str | None, prefix: str | None) -> bool:
    return code is None if prefix is None else bool(code) and code.startswith(prefix)


@pytest.mark.parametrize("card", CARDS, ids=[f"{c['rule']}:{c['text'][:30]}" for c in CARDS])
def test_card(pipeline, card):
    rule = card["rule"]
    kind = REGISTRY[rule].kind
    level = card.get("level", "events")
    want = card["expect"]
    got = _readings(pipeline, card["text"], level)
    assert any(r.get(kind) == rule and (want["root"] is None or code.startswith(want["root"])) and _matches(s, want["source"]) and
               _matches(t, want["target"]) for code, s, t, r in got), (rule, got)
    against = _readings(pipeline, card["counter"], level)
    assert not any(r.get(kind) == rule for _, _, _, r in against), (rule, against)


def test_every_source_and_target_rule_of_the_coder_has_a_card():
    # (the rules declared by the coder's modules; the type model's rules have tests of their own)
    from diplograph.events.candidates import BASE

    carded = {c["rule"] for c in CARDS}
    missing = [name for name in BASE if REGISTRY[name].kind in ("source", "target") and name not in carded]
    assert not missing, missing
