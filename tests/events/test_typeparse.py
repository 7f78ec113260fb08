"""What the fitted type layer reads besides the model: who is hurt, whether a text opens with a
date, how a whole text reads, and the model's own event where the parties are unnamed people.
Sentences are made up for these tests."""
from __future__ import annotations

from diplograph.actors.state import ResolvedActors
from diplograph.events.typeparse import dated_opening, hurt_parties
from diplograph.events.typerule import _proposed
from diplograph.events.typestack import NONE, document_view


def _sent(nlp, text):
    return next(iter(nlp(text).sents))


def test_unarmed_people_hurt_without_an_actor(nlp):
    none = ResolvedActors()
    assert hurt_parties(_sent(nlp, "Gunmen killed four villagers near Tarvo on Sunday."), none) == (0.0, 1.0)
    assert hurt_parties(_sent(nlp, "Two farmers died after the raid on Marsk."), none) == (0.0, 1.0)
    assert hurt_parties(_sent(nlp, "The ministers of Tarvo met in Marsk on Sunday."), none) == (0.0, 0.0)


def test_who_is_hurt_as_the_actor_stage_resolved_them(pipeline):
    """Soldiers are an armed party, students are not; the doer of "shot dead" is not the one hurt."""
    from diplograph.actors.resolve import resolve_mentions
    from diplograph.text.normalize import normalize

    def hurt(text):
        norm = normalize(text)
        sdoc = pipeline.nlp(norm.text)
        return hurt_parties(next(iter(sdoc.sents)), resolve_mentions(sdoc, norm, pipeline.kb, None))

    assert hurt("Chilean troops killed five Peruvian soldiers near the border.") == (1.0, 0.0)
    assert hurt("Chilean police shot dead two Peruvian students in Arica.") == (0.0, 1.0)


def test_a_dated_opening(nlp):
    assert dated_opening(nlp("On 4 June 2021, protesters marched in Marsk."))
    assert not dated_opening(nlp("Protesters marched in Marsk on 4 June 2021."))


def test_document_view_reads_the_whole_text():
    probas = [{"19": 0.7, "04": 0.2, NONE: 0.1}, {"04": 0.6, "19": 0.3, NONE: 0.1}, {NONE: 0.9, "14": 0.1}]
    d = document_view(probas, {"19": 0.6, "04": 0.3, NONE: 0.1}, ["19", "11", None], True)
    assert d["top"] == "19" and d["dated"] == 1.0
    assert abs(d["viol"] - 2 / 3) < 0.01  # the first and third sentences' first types are violence/protest
    assert d["agree"] == 0.5  # the coder agrees with the model in one of its two sentences


def test_the_model_may_propose_violence_between_unnamed_people(nlp):
    none = ResolvedActors()
    sent = _sent(nlp, "A shopkeeper was found dead near the market of Tarvo.")
    c = _proposed(sent, none, "18", 0.7)
    assert c is not None and c.code == "180" and c.source is None and c.target is None
    assert _proposed(sent, none, "04", 0.7) is None  # a meeting needs its actors
    assert _proposed(_sent(nlp, "It rained."), none, "18", 0.7) is None  # no party named at all
    # a party must be people: prices and goods neither protest nor fight
    assert _proposed(_sent(nlp, "Barley futures fell sharply in Marsk as demand weakened."), none, "14", 0.7) is None
    assert _proposed(_sent(nlp, "Dozens of dockers marched through Marsk."), none, "14", 0.7) is not None
