"""The leaders' table read back from the on-disk cache is the table read from its TSV."""
from __future__ import annotations

from diplograph.actors.leaders import _read_leaders, load_leaders


def test_cached_leaders_are_the_table(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_CACHE_DIR", str(tmp_path))
    built = load_leaders.__wrapped__()  # builds and writes the cache
    assert list(tmp_path.glob("leaders-*.pickle"))
    again = load_leaders.__wrapped__()  # reads it back
    assert again is not built
    fresh = _read_leaders()
    assert again == fresh and again.data_end == fresh.data_end
    assert again.by_surname.keys() == fresh.by_surname.keys() and again.by_country == fresh.by_country
