"""Naming frames written as data (data/lexicons/naming_frames.jsonl, rule mention.nickname_frame): each shape gives
a person a nickname, and every later use of it is the person. Every name, nickname and sentence is made up."""
from __future__ import annotations

import pytest

from diplograph.actors.naming_frames import _matcher, anchors, frame_matches, frames
from diplograph.records import Document

from .reading import owners


def analysed(pipeline, text: str, on: str = "2025-03-01"):
    return pipeline.analyze_one(Document("t", text, on))


CASES = [
    # P goes by E
    ("The new commander, Tahirou Bako, goes by \"the Sandstorm\" among his troops. The Sandstorm took the oasis.",
     "Sandstorm", "Bako"),
    # P answers to E
    ("Rebel spokesman Lansana Fofanah answers to \"the Megaphone\" in the camps. The Megaphone read the statement.",
     "Megaphone", "Fofanah"),
    # X have a name for P: E
    ("Voters in Brasov have a name for Mayor Sorin Pădurean: \"the Excavator\". The Excavator demolished the kiosks.",
     "Excavator", "Pădurean"),
    # X gave P a label: E
    ("Columnists have given Prime Minister Agnete Brudvik a label: \"the Night Watch\". The Night Watch has no "
     "majority.", "Night Watch", "Brudvik"),
    # E, whose real name is P
    ("\"Captain Thunder\", whose real name is Emmanuel Ruhumuliza, holds the ridge. Captain Thunder rejected the "
     "truce.", "Captain Thunder", "Ruhumuliza"),
    # P, the self-proclaimed E
    ("Gaspar Villafañe, the self-proclaimed \"Tribune of the Poor\", registered his party. The Tribune of the Poor "
     "will run in May.", "Tribune of the Poor", "Villafañe"),
    # P -- "E" to his followers --
    ("Tycoon Arkady Solntsev -- \"the Tsar of Tin\" to his rivals -- bought the smelter. The Tsar of Tin denies "
     "any sanctions breach.", "Tsar of Tin", "Solntsev"),
    # P, a.k.a. E
    ("Smuggler Tarik Bozkurtoglu, a.k.a. \"the Mole\", escaped from prison. The Mole was last seen near Kars.",
     "Mole", "Bozkurtoglu"),
    # E, as X dub P: a name the recogniser leaves unread is the person still
    ("The Weaver, as his supporters dub Chinedu Okparaeke, stitched a coalition of six parties. The Weaver now "
     "wants the finance ministry.", "Weaver", "Okparaeke"),
    # X call P "E" with P a name the recogniser may leave unread
    ("Ministers call Bishnu Adhikarimaya \"the Windsock\" after his changing positions. The Windsock changed his "
     "mind again.", "Windsock", "Adhikarimaya"),
    # P alias E, with no comma
    ("Militia chief Kasongo Mwamba alias \"the Leopard\" crossed the river. The Leopard's men burned the depot.",
     "Leopard", "Mwamba"),
    # a pronoun before anyone is named: the person the next sentence names first
    ("They call him \"the Paver\". Gaudencio Lupembe, the minister of works, has built more roads than anyone. "
     "The Paver now wants the presidency.", "Paver", "Lupembe"),
    # P, also known as "E", with P a name the recogniser left unread
    ("Defence chief Tunde Bakarewa, also known as \"Iron Tunde\", met the envoys. Iron Tunde promised calm.",
     "Iron Tunde", "Bakarewa"),
    # "E" is the nickname X gave P
    ("\"The Lathe\" is the nickname rivals gave Finance Minister Rahul Mehrotriya. The Lathe cut rates.", "Lathe",
     "Mehrotriya"),
    # a one-word namesake of the tables the document names by these words only is the text's nickname
    ("General Abdel Rahim Nourein controls the east. His soldiers call him simply \"Baba\". Baba has refused every "
     "ceasefire.", "Baba", "Nourein"),
]


@pytest.mark.parametrize("text,nickname,person", CASES, ids=[c[1] for c in CASES])
def test_a_naming_frame_gives_the_person_the_nickname_and_its_later_uses(pipeline, text, nickname, person):
    got = owners(analysed(pipeline, text), text, nickname)
    assert len(got) >= 2 and all(person in g for g in got), got


@pytest.mark.parametrize("text,needle", [
    # a thing goes by a name: no person
    ("The new levy goes by \"the Bread Tax\" among bakers in Craiova. Minister Dorin Vlasie defended it.",
     "Bread Tax"),
    # a slogan after a colon with no naming noun is no nickname
    ("Minister Hedda Sorlie promised one thing: \"Zero Queues\". Zero Queues will start in March.", "Zero Queues"),
    # a policy the parliament has a name for
    ("Deputies have a name for the pension reform: \"the Great Squeeze\", and Minister Ilir Dervishaj defends it.",
     "Great Squeeze"),
    # an operation the text names: the recogniser's person made of the name is no actor
    ("Defence minister Kwadwo Appiah-Nkansah called the operation \"Iron Harvest\". Iron Harvest began on Monday.",
     "Iron Harvest"),
    ("The offensive, known as \"Granite Wall\", was ordered by General Oumarou Sanda. Granite Wall ended in June.",
     "Granite Wall"),
])
def test_a_frame_whose_slot_is_no_person_binds_nothing(pipeline, text, needle):
    got = owners(analysed(pipeline, text), text, needle)
    assert all(g == "" for g in got), got


def test_the_frames_file_is_read_and_every_frame_has_an_anchor_word():
    rows = frames()
    assert len(rows) >= 10 and len({r[0] for r in rows}) == len(rows)
    assert {"go", "alias", "styled", "moniker"} <= anchors() and "have" not in anchors()


def test_the_frames_matched_around_their_anchors_are_the_whole_texts_matches(nlp):
    # the matcher reads only the tokens a frame can reach from an anchor word: the same matches, in the same order
    # and with the same alignments, as on the whole text (frames near each other, apart, at the text's two ends)
    filler = "The council met on Tuesday and the talks went on late into the night, officials said. "
    texts = [t for t, _, _ in CASES] + [" ".join(filler * (k % 3) + t for k, (t, _, _) in enumerate(CASES))]
    found = 0
    for text in texts:
        doc = nlp(text)
        at = [t.i for t in doc if t.lower_ in anchors() or t.lemma_.lower() in anchors()]
        whole = _matcher(doc.vocab)(doc, with_alignments=True)
        assert frame_matches(doc, at) == whole
        found += len(whole)
    assert found >= len(CASES)  # the frames are in the texts
