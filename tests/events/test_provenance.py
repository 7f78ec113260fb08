"""Every event names the rules that decided it, and they are registered rules of the event stage."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from diplograph.records import Document
from diplograph.rules import REGISTRY

SENTENCES = [
    "Valdoria attacked Mersland on Tuesday.",
    "The Ostravian foreign minister Pel Harrow met Kesh Tamar, the Valdorian president, in Geneva.",
    "Germany and France agreed to cooperate on energy.",
    "Students marched through the capital to denounce Japan's decision.",
    "Brazil's closure of the border crossing caused heavy losses for Argentina's exporters.",
    "Spain said that Portugal must hand over the suspects.",
    "Italy would not accept the proposal from Greece.",
    "Police in Kenya arrested five opposition leaders.",
    "Hungary held talks with Austria.",  # a reverse reading: Austria held talks with Hungary
    "The talks between Chile and Peru ended.",
]
# readings that put the actor a target rule found in the source slot, and the other way round
REVERSE = {"event.verb_reverse", "event.nominal_reverse"}


@pytest.mark.parametrize("text", SENTENCES)
def test_every_event_names_registered_rules_of_its_kind(pipeline, text):
    a = pipeline.analyze_one(Document("t", text, date="2022-05-01"))
    for e in a.events:
        assert e.rules is not None and e.rules["event"], e
        for kind in ("event", "source", "target"):
            name = e.rules.get(kind)
            ref = e.source if kind == "source" else e.target if kind == "target" else True
            assert (name is None) == (ref is None), (kind, e)
            if name is not None:
                rule = REGISTRY[name]
                assert rule.stage == "events", name
                if kind == "event" or e.rules["event"] not in REVERSE:
                    assert rule.kind == kind, (kind, name)
                else:
                    assert rule.kind == ("target" if kind == "source" else "source"), (kind, name)


def test_the_sentences_above_make_events(pipeline):
    # (the test above cannot pass vacuously)
    docs = [Document(str(i), t, date="2022-05-01") for i, t in enumerate(SENTENCES)]
    assert sum(bool(a.events) for a in pipeline.analyze(docs)) >= len(SENTENCES) - 2


def test_rules_travel_in_the_json(pipeline):
    a = pipeline.analyze_one(Document("t", "Valdoria attacked Mersland.", date="2022-05-01"))
    d = a.to_dict()
    assert all(set(e["rules"]) == {"event", "source", "target"} for e in d["events"])


SRC = Path(__file__).resolve().parents[2] / "src" / "diplograph"


def _imports(path: Path) -> list[ast.ImportFrom]:
    return [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.ImportFrom)]


def test_no_stage_imports_another_stages_private_names():
    stages = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    bad = []
    for path in SRC.rglob("*.py"):
        own = path.relative_to(SRC).parts[0]
        for node in _imports(path):
            if not node.level or not node.module:
                continue
            # resolve the relative import against the module's own package
            base = list(path.relative_to(SRC).parts[:-1])[: len(path.relative_to(SRC).parts) - node.level]
            target = (base + node.module.split("."))[0] if base or node.module else ""
            if target in stages and target != own:
                bad += [f"{path.relative_to(SRC)}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert not bad, bad


def test_event_modules_import_no_cycle():
    events = SRC / "events"
    graph: dict[str, set[str]] = {}
    for path in events.glob("*.py"):
        deps = set()
        for node in _imports(path):  # module-level and function-level alike
            if node.level == 1 and node.module:
                deps.add(node.module.split(".")[0])
            elif node.level == 1:
                deps.update(a.name for a in node.names)
        graph[path.stem] = {d for d in deps if (events / f"{d}.py").exists()}
    seen: dict[str, int] = {}

    def visit(n: str, stack: list[str]) -> None:
        if seen.get(n) == 1:
            raise AssertionError("import cycle: " + " → ".join(stack + [n]))
        if seen.get(n) == 2:
            return
        seen[n] = 1
        for d in graph.get(n, ()):
            visit(d, stack + [n])
        seen[n] = 2

    for n in graph:
        visit(n, [])


def test_a_rule_switched_off_for_a_run_decides_nothing(pipeline, monkeypatch):
    text = "Protesters in Venezuela staged demonstrations."

    def targets() -> set[str | None]:
        a = pipeline.analyze_one(Document("t", text, date="2022-05-01"))
        return {(e.rules or {}).get("target") for e in a.events}

    assert "target.domestic" in targets()
    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "target.domestic")
    assert "target.domestic" not in targets()
    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "event.verb_reverse")
    a = pipeline.analyze_one(Document("t", "Hungary held talks with Austria.", date="2022-05-01"))
    assert a.events and not any((e.rules or {}).get("event") == "event.verb_reverse" for e in a.events)
