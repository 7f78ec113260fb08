"""Actor names people read: from the dictionaries' and code tables' names, properly cased; sector
actors named after their state; news outlets and diseases typed and kept apart (issue 17)."""
from __future__ import annotations

import json
import re

import pytest

from diplograph.actors.naming import code_name, is_political, of_phrase, proper_case
from diplograph.records import Document

from ..conftest import ROOT


def test_proper_case_keeps_function_words_and_acronyms():
    assert proper_case("UNITED STATES OF AMERICA") == "United States of America"
    assert proper_case("GROUP OF SEVEN") == "Group of Seven"
    assert proper_case("BOSNIA AND HERZEGOVINA") == "Bosnia and Herzegovina"
    assert proper_case("THE GAMBIA") == "The Gambia"  # the first word keeps its capital
    assert proper_case("NBC") == "NBC" and proper_case("KING HAAKON VII") == "King Haakon VII"
    assert proper_case("GUINEA-BISSAU") == "Guinea-Bissau"
    assert proper_case("FREEDOM FRONT (FFL)") == "Freedom Front (FFL)"


def test_codes_have_names_and_owners_read_after_of():
    assert code_name("WST") == "Western countries" and code_name("EUR") == "Europe" and code_name("ZZQ") is None
    assert of_phrase("China") == "of China" and of_phrase("Russian Federation") == "of the Russian Federation"
    assert of_phrase("United Nations", organisation=True) == "of the United Nations"
    assert of_phrase("OSCE", organisation=True) == "of OSCE"
    assert not is_political("media") and not is_political("other") and is_political("sector")


def _actors(pipeline, text: str) -> dict[str, tuple[str, str | None]]:
    a = pipeline.analyze_one(Document("n", text, "2021-03-01"))
    return {x.name: (x.type, x.code) for x in a.actors}


def test_sector_actors_read_as_bodies_of_their_state(pipeline):
    found = _actors(pipeline, "Chinese troops clashed with Indian police near the border on Monday.")
    assert found.get("Troops of China", ("", ""))[1] == "CHNMIL", found
    assert found.get("Police of India", ("", ""))[1] == "INDCOP", found
    found = _actors(pipeline, "Western governments condemned the vote, and Filipino officials rejected it.")
    assert "WST" not in found and not any(re.fullmatch(r"[A-Z]{3}\b.*", n) for n in found), found
    assert any(n.endswith("of the Philippines") for n in found), found


def test_dictionary_names_are_properly_cased(pipeline):
    found = _actors(pipeline, "The United States of America warned the Group of Seven about Bosnia and Herzegovina.")
    names = set(found)
    assert not any(" Of " in n or " And " in n or " The " in n for n in names), names
    assert "United States of America" in names


def test_news_outlets_and_diseases_are_not_political_actors(pipeline):
    found = _actors(pipeline, "The Morning Valley News reported on Tuesday that Zorvax fever spread in Kenya. "
                              "Marburg virus cases rose, VOA said.")
    assert found.get("Morning Valley News", ("",))[0] == "media", found
    assert found.get("VOA", ("",))[0] == "media", found
    assert found.get("Marburg virus", ("other",))[0] == "other", found
    assert found.get("Kenya", ("",))[0] == "state"


def test_an_acronym_keeps_the_texts_capitals(pipeline):
    found = _actors(pipeline, "NATO foreign ministers met on Friday and CNN reported it.")
    assert "NATO" in found and "Nato" not in found, found
    assert found.get("CNN", ("",))[0] == "media", found
    assert any(n.endswith("of NATO") for n in found), found


@pytest.mark.slow
def test_no_actor_of_the_example_corpus_is_named_by_a_bare_code(pipeline):
    docs = [Document("seed", (ROOT / "examples" / "seed" / "000_32cb580131ed3d26.txt").read_text(encoding="utf-8"))]
    for f in ("voa/voa_stories.jsonl", "wikinews/wikinews.jsonl"):
        with (ROOT / "examples" / f).open(encoding="utf-8") as fh:
            docs += [Document(r["id"], r["text"], r.get("date")) for r in map(json.loads, fh)]
    bad: set[str] = set()
    for a in pipeline.analyze(docs):
        for x in a.actors:
            # a code alone (WST), or a code standing for a state in a name (USA people, CHN government)
            if x.code and (x.name == x.code or re.match(rf"^{re.escape(x.code[:3])}\b", x.name)):
                if x.name.split()[0].isupper() and x.name.split()[0] == x.code[:3]:
                    bad.add(x.name)
            # a dictionary's name cased by us (the text's own writing of a name is kept as it is)
            if re.search(r"\b(Of|And|The)\b", x.name[1:]) and x.name not in {m.text for m in x.mentions}:
                bad.add(x.name)
    assert not bad, sorted(bad)[:30]
