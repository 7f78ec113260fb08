"""Every rule a record names is a registered rule; once a stage has rules, every record it makes names one.

The sentences are this test's own (made-up states and people beside real ones), never dev records.
"""
from __future__ import annotations

import pytest

from diplograph.provenance import rule_uses
from diplograph.records import Actor, DocumentAnalysis, Event, Mention, Ref, Span

TEXTS = [
    "Ruritanian Foreign Minister Tomas Velkor met Chinese President Xi Jinping in Beijing on Monday. "
    "Velkor said his government would send food aid to Syldavia.",
    "The Kremlin condemned the attack on Kyiv. Moscow accused Ukraine of shelling a border town, "
    "and the United Nations urged both sides to talk.",
    "Police arrested two opposition leaders in Harare, the ministry said. "
    "The European Union threatened sanctions against Zimbabwe if they are not released.",
]


def test_rule_uses_reads_every_slot_and_nested_record():
    ev = Event("e", Ref("a", "A", None, "A"), None, "040", "04", "CONSULT", None, 1.0, 1, "asserted", None, None,
               "met", Span(0, 1, "x"), 0.5, rules={"event": "event.x", "source": "source.y", "target": None})
    actor = Actor("a", "A", "state", mentions=[Mention("A", 0, 1, "kb", 0.9, "mention.z"),
                                               Mention("A", 2, 3, "kb", 0.9)])
    got = sorted(rule_uses(DocumentAnalysis("d", None, None, [actor], [ev])))
    assert got == [("event", "event.x"), ("mention", "mention.z"), ("source", "source.y")]
    assert list(rule_uses({"cues": [{"text": "may", "rule": "cue.lexicon"}]})) == [("cue", "cue.lexicon")]


def _documents():
    from diplograph.records import Document

    return [Document(f"prov-{i}", t, "2024-02-05") for i, t in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def analyses(pipeline):
    return list(pipeline.analyze(_documents()))


@pytest.fixture(scope="module")
def cues(pipeline):
    return [c for found in pipeline.cues(_documents()) for c in found]


def test_every_rule_named_on_a_record_is_registered(analyses, cues):
    from diplograph.rules import REGISTRY

    named = {name for a in analyses for _, name in rule_uses(a)}
    named |= {name for _, name in rule_uses({"cues": [c.to_dict() for c in cues]})}
    assert not sorted(n for n in named if n not in REGISTRY), "rule names no rule registers"


def test_a_stage_with_rules_names_them_on_every_record(analyses):
    """Strict for each kind as soon as its stage registers rules of that kind (skips until then)."""
    from diplograph.rules import REGISTRY

    checked = 0
    if REGISTRY.all(kind="mention"):
        mentions = [m for a in analyses for actor in a.actors for m in actor.mentions]
        assert mentions and all(m.rule for m in mentions), \
            [f"{m.text!r} ({m.method})" for m in mentions if not m.rule][:10]
        checked += 1
    events = [e for a in analyses for e in a.events]
    assert events
    for slot in ("event", "source", "target"):
        if not REGISTRY.all(kind=slot):
            continue
        # a slot the event has (an event always has a type; a source or target only when it names one)
        needing = [e for e in events if slot == "event" or getattr(e, slot) is not None]
        missing = [f"{e.trigger!r} {e.cameo}" for e in needing if not (e.rules or {}).get(slot)]
        assert not missing, f"events without a {slot} rule: {missing[:10]}"
        checked += 1
    if not checked:
        pytest.skip("no stage registers mention or event rules yet")


def test_cues_places_and_attributions_name_their_rule(analyses, cues):
    """Strict for each once its stage registers rules (cue; place; the claims stage's source rules)."""
    from diplograph.rules import REGISTRY

    events = [e for a in analyses for e in a.events]
    groups = {
        "cue": (bool(REGISTRY.all(kind="cue")), [(c.text, getattr(c, "rule", None)) for c in cues]),
        "place": (bool(REGISTRY.all(kind="place")),
                  [(e.trigger, getattr(e.location, "rule", None)) for e in events if getattr(e, "location", None)]),
        "attribution": (bool(REGISTRY.all(stage="claims", kind="source")),
                        [(e.attribution.text, getattr(e.attribution, "rule", None)) for e in events if e.attribution]),
    }
    live = {k: items for k, (registered, items) in groups.items() if registered}
    if not live:
        pytest.skip("no cue, place or attribution rules registered yet")
    for kind, items in live.items():
        assert items, f"the sentences give no {kind} to check"
        assert all(rule for _, rule in items), f"{kind}s without a rule: {[t for t, r in items if not r][:10]}"
