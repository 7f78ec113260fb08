"""Rule cards (tests/actors/cards.jsonl): for every named rule of the actor stage, a sentence with
made-up (or public) names, the mention it must produce, and a counter-example where it must not.

A card: ``{"rule", "date", "text", "mention", "expect": {...}, "ablate"?, "counter": {"text",
"mention", "date"?, "expect": {...}}}``. ``expect`` holds any of ``rule`` (some mention with this
text was made by that rule), ``code`` (… and its actor has that code), ``not_rule``/``not_code`` (no
mention with this text has it), ``restored`` (the word restored in the one redaction, or the list of the words restored). With the card's
rule switched off (``DIPLOGRAPH_RULES_OFF``) the expectation must fail — the rule is what makes it
hold — unless the card says ``"ablate": false`` (a rule whose work another rule would redo).
A card with ``"level": "analysis"`` is read from the whole pipeline's actors: its rule is one of the
actor stage's late pass, which runs after the events are located (``actors.event_located``).
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from diplograph.actors.hyphens import join_hyphenated_names
from diplograph.actors.resolve import ResolvedActors, resolve_mentions
from diplograph.places import read_toponyms
from diplograph.records import Document
from diplograph.rules import REGISTRY
from diplograph.text.normalize import normalize

CARDS = [json.loads(line) for line in (Path(__file__).parent / "cards.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


def _resolve(pipeline, text: str, when: str, level: str = "actors") -> ResolvedActors:
    """The actor stage as the pipeline runs it: after the places stage has read the toponyms (or, for
    ``level`` ``analysis``, the actors of the whole analysis)."""
    if level == "analysis":
        analysis = pipeline.analyze_one(Document("card", text, when))
        return ResolvedActors(actors={a.id: a for a in analysis.actors})
    norm = normalize(text)
    sdoc = pipeline.nlp(norm.text)
    join_hyphenated_names(sdoc)
    read_toponyms(sdoc, pipeline.gazetteer)
    return resolve_mentions(sdoc, norm, pipeline.kb, date.fromisoformat(when))


def _problems(r: ResolvedActors, mention: str, expect: dict) -> list[str]:
    """What of ``expect`` does not hold for the mentions whose text is ``mention``."""
    pairs = [(m.rule, a.code) for a in r.actors.values() for m in a.mentions if m.text == mention]
    pairs += [(m.rule, None) for m, _ in r.group_mentions if m.text == mention]
    wrong = []
    if "rule" in expect:
        made = [code for rule, code in pairs if rule == expect["rule"]]
        if not made:
            wrong.append(f"no {mention!r} by {expect['rule']} in {pairs}")
        elif "code" in expect and expect["code"] not in made:
            wrong.append(f"{mention!r} by {expect['rule']} has codes {made}, not {expect['code']}")
    elif "code" in expect and expect["code"] not in [code for _, code in pairs]:
        wrong.append(f"no {mention!r} coded {expect['code']} in {pairs}")
    if "not_rule" in expect and any(rule == expect["not_rule"] for rule, _ in pairs):
        wrong.append(f"{mention!r} made by {expect['not_rule']}")
    if "not_code" in expect and any(code == expect["not_code"] for _, code in pairs):
        wrong.append(f"{mention!r} coded {expect['not_code']}")
    if "restored" in expect:
        want = [] if expect["restored"] is None else (
            expect["restored"] if isinstance(expect["restored"], list) else [expect["restored"]])
        if list(r.restored.values()) != want:
            wrong.append(f"restored {list(r.restored.values())}, not {want}")
    return wrong


def test_every_actor_rule_has_a_card():
    carded = {c["rule"] for c in CARDS}
    registered = {r.name for r in REGISTRY.all(stage="actors")}
    assert not registered - carded, f"actor rules without a card in tests/actors/cards.jsonl: {registered - carded}"
    assert not carded - registered, f"cards for rules nobody registers: {carded - registered}"


@pytest.mark.parametrize("card", CARDS, ids=[c["rule"] for c in CARDS])
def test_card(pipeline, card, monkeypatch):
    level = card.get("level", "actors")
    r = _resolve(pipeline, card["text"], card["date"], level)
    assert _problems(r, card["mention"], card["expect"]) == []
    counter = card["counter"]
    c = _resolve(pipeline, counter["text"], counter.get("date", card["date"]), level)
    assert _problems(c, counter["mention"], counter["expect"]) == []
    if card.get("ablate", True):
        monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", card["rule"])
        off = _resolve(pipeline, card["text"], card["date"], level)
        assert _problems(off, card["mention"], card["expect"]), f"{card['rule']} switched off changes nothing"
