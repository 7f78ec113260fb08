"""The `analyze` report: a summary backed by evidence sentences, then tables people read; md and html
are the same report (issue 17)."""
from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.pipeline import Options, Pipeline
from diplograph.records import Document
from diplograph.report import build_report, cameo_label, clip
from diplograph.report_render import md_text, to_html, to_markdown

from .conftest import SEED

runner = CliRunner()


@pytest.fixture(scope="module")
def seed_report():
    text = SEED.read_text(encoding="utf-8")
    doc = Document("seed", text)
    a = Pipeline(Options(date=date(2023, 11, 24))).analyze_one(doc)
    return doc, a, build_report(doc, a)


def _flat(s: str) -> str:
    return " ".join(s.split())


def test_seed_summary_names_the_three_and_the_signal_every_point_backed(seed_report):
    doc, _, r = seed_report
    assert r.summary, "no summary"
    text = _flat(r.summary[0][1][0].text + " ".join(p.text for _, pts in r.summary for p in pts))
    for name in ("Putin", "Nazarbayev", "Tokayev"):
        assert name in text, name
    triads = dict(r.summary).get("What the triads suggest", [])
    assert any("signal" in p.text for p in triads), [p.text for p in triads]
    flat_doc = _flat(doc.text)
    for _, points in r.summary:
        for p in points:
            assert p.evidence, p.text
            for s in p.evidence:  # a sentence of the document (cut at a word with an ellipsis)
                assert s.rstrip("…") in flat_doc, s
    main = [p.text for p in r.summary[0][1] if p.level == 0]
    assert {n.split()[1] for n in main[:3]} >= {"Putin", "Tokayev", "Nazarbayev"}, main
    actions = " ".join(p.text for p in r.summary[0][1] if p.level == 1)
    assert "confidence" in actions and ("asserted" in actions or "hedged" in actions)


def test_tables_carry_date_confidence_goldstein_attribution_and_names(seed_report):
    _, a, r = seed_report
    tables = {t.title: t for t in r.tables}
    assert {"date", "conf", "Goldstein", "claim"} <= set(tables["Events"].columns)
    ids = {x.id for x in a.actors}
    for row in tables["Relations"].rows:
        assert row[0] not in ids and row[1] not in ids  # names, not ids
    for row in tables["Events"].rows:
        ev = row[-1]
        assert len(ev) <= 161 and (not ev.endswith("…") or ev[-2] != " ")
    notes = " ".join(r.notes)
    assert "'**'@" not in notes and "Redactions:" in notes and "restored as 'President'" in notes


def test_clip_cuts_at_a_word_and_says_so():
    s = clip("The minister of the interior announced new measures against the protesters on Monday", 40)
    assert s.endswith("…") and len(s) <= 41 and "The minister of the interior announced".startswith(s[:-1])
    assert clip("short one", 40) == "short one"


def test_cameo_labels_are_the_codes_own():
    assert cameo_label("090").startswith("090 Investigate") and cameo_label("110").startswith("110 Disapprove")
    assert cameo_label("XYZ") == "XYZ"


def test_md_and_html_are_the_same_report(seed_report):
    _, _, r = seed_report
    md, page = to_markdown(r), to_html([r])
    first = r.summary[0][1][0]
    assert "## Summary" in md and md_text(first.text) in md and md_text(first.evidence[0]) in md
    assert "\\*\\* Tokayev" in md or "** Tokayev" not in " ".join(s for _, ps in r.summary for p in ps for s in p.evidence)
    assert "<h2>Summary</h2>" in page and first.evidence[0].replace("'", "&#x27;") in page


def test_cli_writes_md_and_html_files_and_escapes(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "h", "text": "Freedonia criticized Sylvania <script>alert(1)</script> on Monday.", '
                 '"date": "2022-02-02"}\n', encoding="utf-8")
    for fmt in ("md", "html"):
        out = tmp_path / f"r.{fmt}"
        res = runner.invoke(app, ["analyze", str(f), "--format", fmt, "--output", str(out)])
        assert res.exit_code == 0, res.output
        body = out.read_text(encoding="utf-8")
        assert "2022-02-02" in body
        if fmt == "html":
            assert "<script>" not in body and "&lt;script&gt;" in body
    res = runner.invoke(app, ["analyze", str(f), "--format", "pdf"])
    assert res.exit_code != 0 and "pdf" in res.stderr


def test_terminal_report_opens_with_the_summary():
    res = runner.invoke(app, ["analyze", str(SEED), "--date", "2023-11-24"])
    assert res.exit_code == 0
    out = res.stdout
    assert out.index("Main actors and what each did") < out.index("Actors\n") if "Actors\n" in out else True
    assert out.index("Main actors") < out.index("mentions (method, confidence)")
