from diplograph.events.verbs import read_verb_dictionary

VERBS = """&WEAPON_
+GUN
+RIFLE

####### VERB PATTERNS #######

---  MEET   [040]  ---
MEET {MEETS MET MEETING}
+MEET_WITH {+MET_WITH}
- * (FOR TALKS)                                       [036:036]     # MEET
- * &WEAPON_                                          [190]         # MEET

---  ARREST   [171]  ---
ARREST [173]
"""


def test_reads_blocks_patterns_synonyms_and_paired_codes(tmp_path):
    f = tmp_path / "verbs.txt"
    f.write_text(VERBS)
    vd = read_verb_dictionary(f)
    assert vd.synonyms["WEAPON"] == ["GUN", "RIFLE"]
    meet = vd.entries_for("MEET")
    assert {e.words for e in meet} >= {("MEET",), ("MEET", "WITH")}
    assert vd.entries_for("MET")[0].block is meet[0].block  # irregular forms select the same block
    block = meet[0].block
    assert block.code == "040"
    talks = block.patterns[0]
    assert talks.preps == [["FOR", "TALKS"]] and talks.code == "036" and talks.reverse == "036"
    assert vd.entries_for("ARREST")[0].code == "173"


def test_coder_applies_pattern_over_parse(tmp_path, nlp):
    from diplograph.events.coder import verb_code

    f = tmp_path / "verbs.txt"
    f.write_text(VERBS)
    vd = read_verb_dictionary(f)
    doc = nlp("The minister met the envoy for talks in Geneva.")
    verb = next(t for t in doc if t.lemma_ == "meet")
    assert verb_code(verb, vd)[0] == "036"
    doc = nlp("The minister met the envoy in Geneva.")
    verb = next(t for t in doc if t.lemma_ == "meet")
    assert verb_code(verb, vd)[0] == "040"


SHADOWED = """####### VERB PATTERNS #######

---  SEND   [---]  ---
DISMISS [110]
- * CLAIM                                             [016]         # DISMISS

---  DISPEL   [---]  ---
DISMISS
DISPEL

---  SCORN   [---]  ---
DISPEL [111]
"""


def test_a_verb_listed_again_in_a_block_that_gives_it_nothing_keeps_its_earlier_entry(tmp_path):
    f = tmp_path / "verbs.txt"
    f.write_text(SHADOWED)
    vd = read_verb_dictionary(f)
    dismiss = vd.entries_for("DISMISS")
    assert len(dismiss) == 1 and dismiss[0].code == "110" and dismiss[0].block.name == "SEND"


def test_a_verb_listed_again_with_a_code_of_its_own_replaces_the_earlier_entry(tmp_path):
    f = tmp_path / "verbs.txt"
    f.write_text(SHADOWED)
    vd = read_verb_dictionary(f)
    dispel = vd.entries_for("DISPEL")
    assert len(dispel) == 1 and dispel[0].code == "111" and dispel[0].block.name == "SCORN"
