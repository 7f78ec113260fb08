"""Market and trade figures are not political acts (events/market.py, actors/instruments.py).

Sentences written for these tests. Each rule is tested both ways: with the rule on the reading is
gone, with it switched off (DIPLOGRAPH_RULES_OFF) the coder's reading is back, so the test fails if
the rule stops working; acts between governments about trade stay.
"""
from __future__ import annotations

import pytest

from diplograph.records import Document

MARKET_RULES = ("event.trade_figure,event.market_subject,event.market_noun,event.market_object,"
                "event.statistics_report,mention.market_name,event.market_story")


@pytest.fixture(scope="module")
def pipe():
    from diplograph.pipeline import Pipeline

    return Pipeline()


def events(pipe, text: str) -> list:
    return pipe.analyze_one(Document("t", text, date="2021-03-01")).events


def events_off(pipe, text: str, monkeypatch, rules: str = MARKET_RULES) -> list:
    with monkeypatch.context() as m:
        m.setenv("DIPLOGRAPH_RULES_OFF", rules)
        return events(pipe, text)


@pytest.mark.parametrize("text, rule", [
    ("Algeria tendered for 50,000 tonnes of French durum wheat.", "event.trade_figure"),
    ("Norway exported 12,000 tonnes of salmon to Chile, Peru and Japan in 2019.", "event.trade_figure"),
    ("Higher Brazilian sugar output hurt Thai exporters this year.", "event.market_subject"),
    ("Chilean copper exports helped Peru's smelters in the first quarter.", "event.market_subject"),
    ("Kazakhstan increased its wheat exports to Iran sharply this season.", "event.market_object"),
    ("The Indonesian trade ministry released figures on palm oil shipments to Pakistan.",
     "event.statistics_report"),
    ("The Brazilian embassy estimated Paraguay's soybean crop at 9.2 mln tonnes.", "event.statistics_report"),
    ("Firm demand for Kenyan tea was seen at the Mombasa auction this week.", "event.market_noun"),
])
def test_market_figures_are_no_events(pipe, monkeypatch, text, rule):
    assert events_off(pipe, text, monkeypatch, rule), "the coder reads an act here without the rule"
    assert events(pipe, text) == []


@pytest.mark.parametrize("text, root", [
    ("Norway agreed to lend Ghana 40 mln dlrs to build a port, the two governments said.", "03"),
    ("Bolivia banned exports of sugar to Peru in retaliation for a tariff.", "16"),
    ("Chile's president criticised Argentina over a gas export ban.", "11"),
])
def test_acts_between_governments_about_trade_stay(pipe, text, root):
    assert root in {e.cameo_root for e in events(pipe, text)}


def test_figures_as_the_object_are_a_statistics_report(pipe):
    """The object's lemma may be the tagger's singular ("data" → "datum"): both forms are read."""
    from diplograph.events.candidates import Candidate
    from diplograph.events.market import STATISTICS_REPORT, market_reading

    doc = pipe.nlp("The ministry detailed the latest trade data for Vietnam.")
    verb = next(t for t in doc if t.lower_ == "detailed")
    assert market_reading(Candidate(verb, "a", "b", "010")) == STATISTICS_REPORT
    other = pipe.nlp("The ministry detailed its complaints against Vietnam.")
    verb = next(t for t in other if t.lower_ == "detailed")
    assert market_reading(Candidate(verb, "a", "b", "010")) is None


def test_a_demand_with_its_doer_stays(pipe):
    got = events(pipe, "Ukraine's demand for security guarantees from Russia was rejected.")
    assert got and all(e.source is not None for e in got)


def test_a_trade_act_beside_a_trade_figure_stays(pipe):
    got = events(pipe, "Egypt sold 60,000 tonnes of cotton to Turkey and the Egyptian trade minister accused "
                       "Ankara of dumping steel.")
    assert [e.cameo_root for e in got] == ["11"]


def test_a_price_is_not_its_state(pipe, monkeypatch):
    text = "Canadian wheat prices and Japanese stocks fell on Friday."
    with monkeypatch.context() as m:
        m.setenv("DIPLOGRAPH_RULES_OFF", "mention.market_name")
        before = {a.code for a in pipe.analyze_one(Document("t", text)).actors}
    assert {"CAN", "JPN"} <= before
    after = {a.code for a in pipe.analyze_one(Document("t", text)).actors}
    assert not after & {"CAN", "JPN"}


def test_a_state_beside_a_currency_stays(pipe):
    text = "Canada's finance minister criticised Japan for weakening the yen."
    codes = {a.code for a in pipe.analyze_one(Document("t", text)).actors}
    assert "JPN" in codes


def test_market_prices_name_no_doer(pipe, monkeypatch):
    """Two rules see it: the state's name is the price's (mention), the price is no doer (event)."""
    text = "Falling Kenyan tea prices hurt Ugandan growers last season."
    assert events_off(pipe, text, monkeypatch, "mention.market_name,event.market_subject")
    assert events(pipe, text) == []


def test_a_city_in_an_exchange_name_is_not_its_state(pipe):
    text = "The Vienna Commodity Exchange suspended zinc trading after a sharp move."
    assert "AUT" not in {a.code for a in pipe.analyze_one(Document("t", text)).actors}


MARKET_STORY = ("Sugar prices eased on Monday in quiet trade. The Thai government decided to review its export "
                "licences for the coming season, dealers said. Traders expect shipments to reach 2 mln tonnes. "
                "Thailand will hold talks with Vietnam on a joint floor price, officials said.")
POLITICAL_STORY = ("The Thai government decided to review its border policy after the clashes, officials said. "
                   "Troops fired on each other near the disputed temple on Sunday. Cambodia accused Thailand of "
                   "shelling villages. The Thai prime minister vowed to defend the border.")


def pairs(got: list) -> set[tuple]:
    return {(e.cameo_root, e.source.code if e.source else None, e.target.code if e.target else None) for e in got}


def test_a_market_story_keeps_only_acts_between_political_actors(pipe, monkeypatch):
    before = pairs(events_off(pipe, MARKET_STORY, monkeypatch, "event.market_story"))
    assert any(t is None for _, _, t in before), "a one-sided reading the story rule must drop"
    after = pairs(events(pipe, MARKET_STORY))
    assert after and all(s and t for _, s, t in after)
    assert ("04", "THA", "VNM") in after  # talks between two governments stay


def test_a_political_story_keeps_its_one_sided_acts(pipe, monkeypatch):
    before = pairs(events_off(pipe, POLITICAL_STORY, monkeypatch, "event.market_story"))
    assert pairs(events(pipe, POLITICAL_STORY)) == before
    assert any(t is None for _, _, t in before)


def test_a_short_text_is_left_to_the_sentence_rule(pipe):
    from diplograph.events.market import STORY_SENTENCES

    assert STORY_SENTENCES >= 2
    got = events(pipe, "Laos complained that rice prices had risen sharply.")
    assert any(e.cameo_root == "11" for e in got)
