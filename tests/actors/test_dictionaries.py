from datetime import date

import pytest

from diplograph.actors.dictionaries import read_actor_dictionary, read_agent_dictionary
from diplograph.errors import DictionaryError

ACTORS = """# a hand-made dictionary in the PETRARCH format
FREEDONIA_  [FRD]
+FREEDONIAN_
RUFUS_FIREFLY_  # a leader
+FIREFLY_
\t[FRDELI 300101-331231]
\t[FRDGOV >340101]
\t[FRDELI]
SYLVANIA_ [SYL]
AMBASSADOR_TRENTINO_
TRENTINO
\t[SYLGOV <200101]
"""


def test_actor_dictionary_dates_and_shared_codes(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ACTORS)
    entries = {e.root: e for e in read_actor_dictionary(f)}
    firefly = entries["RUFUS_FIREFLY_"]
    assert firefly.phrases == ["RUFUS_FIREFLY_", "FIREFLY_"]
    assert firefly.code_on(date(1932, 5, 1)) == "FRDELI"
    assert firefly.code_on(date(1934, 1, 1)) == "FRDGOV"  # start day included
    assert firefly.code_on(date(1933, 12, 31)) == "FRDELI"  # end day excluded → default
    trentino = entries["AMBASSADOR_TRENTINO_"]
    assert "TRENTINO" in trentino.phrases  # consecutive roots share the codes that follow
    assert trentino.code_on(date(2019, 1, 1)) == "SYLGOV"
    assert trentino.code_on(date(2021, 1, 1)) is None


def test_bad_line_names_file_and_line(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text("GOODLAND_ [GDL]\nBADLAND_ [BDL 99999-]\n")
    with pytest.raises(DictionaryError) as exc:
        read_actor_dictionary(f)
    assert f"{f}:2:" in str(exc.value)
    problems = []
    entries = read_actor_dictionary(f, problems)
    assert len(problems) == 1 and entries[0].root == "GOODLAND_"


def test_agents_substitution_and_plurals(tmp_path):
    f = tmp_path / "agents.txt"
    f.write_text("!PERSON! = MAN, WOMAN\nPOLICE!PERSON! [~COP]\nSOLDIER [~MIL]\nPEACEKEEPER {} [IGO~]\n")
    agents = {a.phrase: a for a in read_agent_dictionary(f)}
    assert agents["POLICEMAN"].combine("FRD") == "FRDCOP"
    assert agents["POLICEWOMAN"].code == "~COP"
    assert agents["SOLDIERS"].combine("SYL") == "SYLMIL"
    assert agents["PEACEKEEPER"].combine("UNO") == "IGOUNO"


def test_user_dictionaries_code_exactly(tmp_path):
    """--actors/--agents: country + agent codes as the files define them, dated on the document date."""
    from diplograph.pipeline import Options, Pipeline
    from diplograph.records import Document

    actors = tmp_path / "actors.txt"
    actors.write_text("FREEDONIA_ [FRD]\n+FREEDONIAN_\nRUFUS_FIREFLY_\n+FIREFLY_\n\t[FRDELI 100101-151231]\n"
                      "\t[FRDGOV >160101]\n")
    agents = tmp_path / "agents.txt"
    agents.write_text("!PERSON! = MAN, WOMAN\nMILITIA!PERSON! [~MIL]\n")
    pipe = Pipeline(Options(actor_files=[actors], agent_files=[agents]))
    text = "Firefly warned Freedonian militiamen."
    early = pipe.analyze_one(Document("a", text, "2012-05-01"))
    late = pipe.analyze_one(Document("b", text, "2017-05-01"))
    codes = lambda a: {m.text: (x.code, m.method) for x in a.actors for m in x.mentions}  # noqa: E731
    assert codes(early)["Firefly"] == ("FRDELI", "dictionary")
    assert codes(late)["Firefly"] == ("FRDGOV", "dictionary")
    assert codes(late)["Freedonian militiamen"] == ("FRDMIL", "dictionary")
