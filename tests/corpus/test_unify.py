from diplograph.corpus.unify import ActorIndex, name_key


def test_surnames_join_their_person_and_given_names_keep_people_apart():
    idx = ActorIndex()
    full = idx.resolve("nursultan-nazarbayev", "Nursultan Nazarbayev", "person", "KAZELI", "KAZ")
    full.documents = 3
    assert idx.resolve("nazarbayev", "Nazarbayev", "person", "KAZELI", "KAZ") is full
    assert idx.resolve("nazarbayev", "Nazarbayev", "group", None, None) is full  # a parser's ORG guess, no code
    other = idx.resolve("aisultan-nazarbayev", "Aisultan Nazarbayev", "person", "KAZ", "KAZ")
    assert other is not full
    assert idx.resolve("ivanov", "Ivanov", "person", None, "RUS").id == "ivanov"


def test_a_bare_name_seen_first_takes_the_full_name_later():
    idx = ActorIndex()
    bare = idx.resolve("tokayev", "Tokayev", "person", "KAZGOV", "KAZ")
    full = idx.resolve("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "person", "KAZGOV", "KAZ")
    assert full is bare and bare.name == "Kassym-Jomart Tokayev"


def test_states_by_code_and_sector_nouns_stay_in_their_document():
    idx = ActorIndex()
    rus = idx.resolve("russian-federation", "Russian Federation", "state", "RUS", "RUS")
    assert idx.resolve("russia", "Russia", "state", "RUS", "RUS") is rus
    a = idx.resolve("president", "president", "sector", "GOV", None, "doc1")
    b = idx.resolve("president", "president", "sector", "GOV", None, "doc2")
    assert a.id == "president@doc1" and b.id == "president@doc2"
    # a sector actor with its state stays in its article too (issue 17: another article's troops,
    # administration, police may be other bodies of that state; the state level rolls them up)
    assert idx.resolve("russian-troops", "Russian troops", "sector", "RUSMIL", "RUS", "doc1").id == "russian-troops@doc1"
    assert idx.resolve("russian-troops", "Russian troops", "sector", "RUSMIL", "RUS", "doc2").id == "russian-troops@doc2"
    assert name_key("Donald Trump's") == name_key("donald trump")
