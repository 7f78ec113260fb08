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
