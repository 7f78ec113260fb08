"""The seed article: every actor and alias the issue names, through the general mechanisms."""
from __future__ import annotations

from datetime import date

import pytest

from diplograph.pipeline import Options, Pipeline
from diplograph.records import Document, DocumentAnalysis

from ..conftest import SEED


@pytest.fixture(scope="module")
def seed(pipeline) -> DocumentAnalysis:
    return pipeline.analyze_one(Document("seed", SEED.read_text(encoding="utf-8"), "2023-11-24"))


def actor_with(a: DocumentAnalysis, text: str):
    return {x.id for x in a.actors for m in x.mentions if m.text == text}


def test_every_named_actor(seed):
    codes = {x.id: x.code for x in seed.actors}
    assert codes["vladimir-putin"] == "RUSGOV"
    assert codes["kasymzhomart-tokayev"] == "KAZGOV"  # president since 2019 (REIGN)
    assert codes["nursultan-nazarbayev"] == "KAZELI"  # former president on the document date
    for text, code in [("Russia", "RUS"), ("Kazakhstan", "KAZ"), ("Ukraine", "UKR"), ("Azerbaijan", "AZE"),
                       ("Turkey", "TUR"), ("Moscow", "RUS")]:
        ids = actor_with(seed, text)
        assert ids and all(codes[i] == code for i in ids), text
    assert {codes[i] for i in actor_with(seed, "CSTO")} == {"IGOEEUCST"}
    assert {codes[i][:6] for i in actor_with(seed, "United Nations")} == {"IGOUNO"}
    assert {codes[i] for i in actor_with(seed, "Lukashenko")} == {"BLRGOV"}


def test_aliases_of_nazarbayev(seed):
    naz = next(x for x in seed.actors if x.id == "nursultan-nazarbayev")
    got = {(m.text, m.method) for m in naz.mentions}
    assert ("Lao Na", "alias") in got
    assert ("the old man", "coref") in got
    assert ("Naksharov", "fuzzy") in got
    assert ("Nazarbayev", "alias") in got
    assert all(m.confidence < 0.5 for m in naz.mentions if m.method == "fuzzy")


def test_redacted_title_restored(seed):
    tok = next(x for x in seed.actors if x.id == "kasymzhomart-tokayev")
    assert any(m.text == "Kazakh ** Tokayev" for m in tok.mentions)
    restored = [r for r in seed.redactions if r.restored]
    assert [r.restored for r in restored] == ["President"]
    text = SEED.read_text(encoding="utf-8")
    assert text[restored[0].start - 7:restored[0].end + 8] == "Kazakh ** Tokayev"


def test_two_sides_and_pronouns(seed, pipeline):
    tok = next(x for x in seed.actors if x.id == "kasymzhomart-tokayev")
    assert ("his", "coref") in {(m.text, m.method) for m in tok.mentions}
    from diplograph.actors.resolve import resolve_mentions
    from diplograph.text.normalize import normalize
    norm = normalize(SEED.read_text(encoding="utf-8"))
    r = resolve_mentions(pipeline.nlp(norm.text), norm, pipeline.kb, date(2023, 11, 24))
    groups = {m.text: set(ids) for m, ids in r.group_mentions}
    assert groups["the two sides"] == {"vladimir-putin", "kasymzhomart-tokayev"}


def test_dates_change_roles():
    # Before 2019 Nazarbayev was in office: the same text is coded KAZGOV for him.
    a = Pipeline(Options(date=date(2015, 6, 1))).analyze_one(Document("s", SEED.read_text(encoding="utf-8")))
    assert next(x for x in a.actors if x.id == "nursultan-nazarbayev").code in ("KAZGOV", "KAZELI")
    naz = next(x for x in a.actors if x.id == "nursultan-nazarbayev")
    # "the former Kazakh Nursultan Nazarbayev": the text's "former" still makes him a former leader.
    assert naz.code == "KAZELI"
