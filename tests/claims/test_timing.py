from datetime import date

from diplograph.claims.timing import date_of, time_expressions

from .helpers import token


def _date(nlp, sentence, word):
    doc = nlp(sentence)
    x = date_of(token(doc, word), time_expressions(doc, date(2023, 11, 24)))
    return (x.date.isoformat(), x.text) if x else None


def test_expression_dates_its_own_clause(nlp):
    s = "The envoy resigned after stepping down from the board four years ago, so the summit seems odd."
    assert _date(nlp, s, "stepping") == ("2019-01-01", "four years ago")
    assert _date(nlp, s, "summit") is None


def test_expression_dates_the_clauses_below(nlp):
    s = "Last year, the king hoped that his neighbours would back the claim."
    assert _date(nlp, s, "back") == ("2022-01-01", "Last year")


def test_pipeline_keeps_the_expression(pipeline):
    from diplograph.records import Document

    a = pipeline.analyze_one(Document("d", "Russia attacked Ukraine on Monday.", date="2023-11-24"))
    ev = [e for e in a.events if e.trigger == "attacked"]
    assert ev and ev[0].date == "2023-11-20" and ev[0].date_text == "on Monday"
