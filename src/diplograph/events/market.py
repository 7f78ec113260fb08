"""Market and trade figures are not political acts: the rules that drop such readings.

Commodity and market news names states on every line ("Brazil exported 19.6 mln bags", "Saudi
output rose", "the embassy estimated the crop at 1.8 mln tonnes"), and the verb dictionary codes
those verbs as cooperation, aid or statements. A verb that buys, sells, ships or moves a measured
amount, a doer that is a price, a good or a market, a market quantity raised or lowered, and figures
published are reports of a market, not acts between actors. Each is a named rule over the coder's
and the model's candidates (``apply_market_rules``), run after both; the words are word classes
(``market_verbs``, ``market_nouns``, ``adjust_verbs``, ``estimate_verbs``, ``report_verbs``,
``statistic_nouns``). Acts between governments about trade (quotas, talks, subsidy offers, tariffs,
an export ban) name no amount as what is done and stay.

- ``event.trade_figure``: a trade or market-movement verb whose own argument is a measured amount
  (``exported 11,000 tonnes of coffee to X``, ``bought one mln tonnes of corn``, ``rose 2 pct``).
  Aid, loans and grants (``lend X 57 mln dlrs``) are not market verbs and stay.
- ``event.market_subject``: the doer is a price, a good, a market or a market quantity (``London cocoa
  prices traded``, ``Saudi output rose``, ``the strength of the dollar discouraged buying``).
- ``event.market_noun``: an event noun that is a market quantity (``demand``, ``supply``, ``sales``)
  with no doer named (``weak demand pushed prices``, ``good demand for Thai raws``); ``Russia's demand
  for guarantees`` has its doer and stays.
- ``event.market_object``: a quantity of the market raised or lowered (``cut prices``, ``raised
  output``, ``reduced its exports``); ``cut aid to X`` stays.
- ``event.statistics_report``: figures reported or estimated (``released the enrollment figures``,
  ``detailed supply data``, ``estimated X's crop at 1.8 mln tonnes``).
- ``event.market_story`` (a document-level rule): in a story that the type model reads, on the mean
  over its sentences, as reporting no political act (a commodity or company report), only events
  between two political actors stay, as in a sentence of its own read so
  (``event.no_political_act``). A story has three sentences or more; a shorter text is left to the
  sentence rule. The bar is the highest mean any political build document reaches
  (``scripts/fit_market_story.py`` → ``data/models/market_story.json``).
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from ..actors.state import ResolvedActors
from ..data import data_path
from ..lexicon import word_class
from ..nlp import sentences_of
from ..syntax import OBJ, is_passive, subject
from .candidates import SWITCHES, Candidate, declare
from .typemodel import NONE, TypeModel, load_type_model
from .typerule import acts_on_quantity, political

R = ("parse",)
TRADE_FIGURE = declare(
    "event.trade_figure", "event", R + ("lexicon:market_verbs", "lexicon:measure_units"), 0.9,
    "a verb that trades or moves goods or money with a measured amount as its argument reports a market "
    "figure, not a political act ('exported 11,000 tonnes to X')")
MARKET_SUBJECT = declare(
    "event.market_subject", "event", R + ("lexicon:market_nouns",), 0.9,
    "a price, a good, a market or a market quantity as the doer makes no political act ('Saudi output rose')")
MARKET_NOUN = declare(
    "event.market_noun", "event", R + ("lexicon:market_nouns",), 0.85,
    "an event noun that is a market quantity ('demand', 'supply') with no doer named is no act ('weak demand')")
MARKET_OBJECT = declare(
    "event.market_object", "event", R + ("lexicon:adjust_verbs", "lexicon:market_nouns"), 0.85,
    "raising or lowering a market quantity ('cut prices', 'raised output') is a market move, not a political act")
STATISTICS_REPORT = declare(
    "event.statistics_report", "event", R + ("lexicon:report_verbs", "lexicon:estimate_verbs",
                                             "lexicon:statistic_nouns"), 0.9,
    "figures reported or estimated ('released the figures', 'estimated the crop at 1.8 mln tonnes') are no act")

MARKET_STORY = declare(
    "event.market_story", "event", ("parse", "actors", "model:event_type", "model:market_story"), 0.8,
    "in a story the type model reads as reporting no political act (mean P(none) over its sentences above "
    "the fitted bar) only events between two political actors stay")

# A story is three sentences or more: a one- or two-sentence text (a headline, a conflict note) is read
# sentence by sentence, where the fitted `none` bar of event.no_political_act decides.
STORY_SENTENCES = 3

RULES = (TRADE_FIGURE, MARKET_SUBJECT, MARKET_NOUN, MARKET_OBJECT, STATISTICS_REPORT, MARKET_STORY)


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    return word_class(name)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _objects(verb: Token) -> list[Token]:
    """The verb's objects, with their conjuncts (``cut prices and output``)."""
    out = [c for c in verb.children if c.dep_ in OBJ or c.dep_ == "nsubjpass"]
    return out + [k for o in out for k in o.conjuncts if k.i > o.i]


def _market_phrase(tok: Token | None) -> bool:
    """A noun phrase headed by a market quantity (``prices``, ``Saudi output``, ``wheat``)."""
    if tok is None:
        return False
    nouns = _words("market_nouns")
    return _lemma(tok) in nouns or tok.lower_ in nouns


def _market_doer(verb: Token) -> bool:
    if is_passive(verb):
        return False
    subj = subject(verb)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return False
    if _market_phrase(subj):
        return True
    # "the strength of the U.S. dollar", "a rise in Soviet imports": an attribute of a market quantity
    if subj.pos_ != "NOUN" or subj.ent_type_:
        return False
    return any(_market_phrase(g) for prep in subj.children if prep.dep_ == "prep" and prep.lower_ in ("of", "in")
               for g in prep.children if g.dep_ == "pobj")


def market_reading(c: Candidate) -> str | None:
    """The rule that finds candidate ``c`` to be a market report rather than an act, or None."""
    verb = c.trigger
    if c.nominal:
        if c.source is None and _market_phrase(verb) and SWITCHES.enabled(MARKET_NOUN):
            return MARKET_NOUN
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = _lemma(verb)
    if lemma in _words("market_verbs") and acts_on_quantity(verb) and SWITCHES.enabled(TRADE_FIGURE):
        return TRADE_FIGURE
    if _market_doer(verb) and SWITCHES.enabled(MARKET_SUBJECT):
        return MARKET_SUBJECT
    objects = _objects(verb)
    if lemma in _words("adjust_verbs") and objects and all(_market_phrase(o) for o in objects) and \
            SWITCHES.enabled(MARKET_OBJECT):
        return MARKET_OBJECT
    estimating = lemma in _words("estimate_verbs")
    if (estimating or lemma in _words("report_verbs")) and SWITCHES.enabled(STATISTICS_REPORT):
        if any(_lemma(o) in _words("statistic_nouns") or o.lower_ in _words("statistic_nouns") for o in objects):
            return STATISTICS_REPORT
        if estimating and acts_on_quantity(verb):
            return STATISTICS_REPORT
    return None


def apply_market_rules(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that are not market reports (the coder's and the type model's alike)."""
    SWITCHES.refresh()
    return [c for c in candidates if market_reading(c) is None]


def story_none(doc: Any, model: TypeModel) -> float:
    """The mean of the model's ``none`` probability over a document's sentences."""
    values = [model.sentence(s).get(NONE, 0.0) for s in sentences_of(doc)]
    return sum(values) / len(values) if values else 0.0


@lru_cache(maxsize=1)
def story_bar() -> float | None:
    """The fitted bar of ``event.market_story`` (None when the file is absent: the rule is off)."""
    path = data_path("models", "market_story.json")
    if not path.exists():
        return None
    return float(json.loads(path.read_text(encoding="utf-8"))["bar"])


def apply_market_story(doc: Any, actors: ResolvedActors, candidates: list[Candidate],
                       model: TypeModel | None = None) -> list[Candidate]:
    """In a story read as a market report, only the events between two political actors."""
    if not candidates or not SWITCHES.enabled(MARKET_STORY):
        return candidates
    if len(sentences_of(doc)) < STORY_SENTENCES:
        return candidates  # too short to be read as a story: the sentence rule (event.no_political_act) decides
    model = model or load_type_model()
    bar = story_bar()
    if model is None or bar is None or story_none(doc, model) <= bar:
        return candidates
    return [c for c in candidates if c.source and c.target and political(actors.actors.get(c.source))
            and political(actors.actors.get(c.target))]
