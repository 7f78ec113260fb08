from diplograph.events.codebook import load_codebook


def test_codebook_goldstein_quad_plover():
    cb = load_codebook()
    assert len(cb.codes) > 300
    c = cb.get("043")
    assert c.root == "04" and c.quad_class == 1 and c.plover == "CONSULT"
    arrest = cb.get("173")
    assert arrest.goldstein < 0 and arrest.quad_class == 4
    # an unknown sub-code inherits from its parent
    assert cb.get("0439").root == "04"


def test_code_properties_are_columns_inherited_by_prefix():
    from diplograph.events import codebook

    assert codebook.has("043", "reciprocal") and codebook.has("04", "reciprocal")
    assert not codebook.has("110", "reciprocal")
    # a code takes the cell of its longest listed prefix that has one
    assert codebook.has("0801", "self_directed") and not codebook.has("081", "self_directed")
    assert codebook.value("081", "refused_as") == "124" and codebook.value("040", "refused_as") == "120"
    # no code reads the row "-" (a frame verb the dictionary leaves uncoded)
    assert codebook.value(None, "refused_as") == "120" and not codebook.has(None, "statement")
    assert not codebook.has("999", "force") and codebook.value("999", "refused_as") == ""
    assert {"force", "demand", "means", "statement"} <= set(codebook.properties())


def test_appeals_are_requests_with_the_mode_of_what_is_asked():
    cb = load_codebook()
    assert cb.get("0211").plover == "REQUEST" and cb.get("0211").plover_mode == "assist"
    assert cb.get("020").plover == "REQUEST" and cb.get("020").plover_mode is None
