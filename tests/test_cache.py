"""The on-disk cache of built structures: reused while its sources are unchanged, rebuilt after."""
import os
import pickle

from diplograph.cache import cache_dir, cached


def test_cached_value_is_reused_until_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "words.txt"
    source.write_text("alpha\n")
    builds = []

    def build():
        builds.append(1)
        return {"words": source.read_text().split()}

    assert cached("words", [source], build) == {"words": ["alpha"]}
    assert cached("words", [source], build) == {"words": ["alpha"]}
    assert len(builds) == 1  # the second call read the pickle
    source.write_text("alpha beta\n")
    os.utime(source, ns=(1, 1))  # another size and modification time: another key
    assert cached("words", [source], build) == {"words": ["alpha", "beta"]}
    assert len(builds) == 2
    assert len(list((tmp_path / "cache").glob("words-*.pickle"))) == 1  # the stale file is gone


def test_other_installations_files_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_CACHE_DIR", str(tmp_path))
    other = tmp_path / "words-0123abcd-ffffffffffffffff.pickle"  # another checkout's file
    other.write_bytes(pickle.dumps(["theirs"]))
    source = tmp_path / "s.txt"
    source.write_text("x")
    assert cached("words", [source], lambda: ["ours"]) == ["ours"]
    assert other.exists()


def test_a_damaged_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_CACHE_DIR", str(tmp_path))
    source = tmp_path / "s.txt"
    source.write_text("x")
    cached("thing", [source], lambda: [1, 2, 3])
    (f,) = tmp_path.glob("thing-*.pickle")
    f.write_bytes(b"not a pickle")
    assert cached("thing", [source], lambda: [4]) == [4]
    assert pickle.loads(f.read_bytes()) == [4]


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_CACHE_DIR", "off")
    assert cache_dir() is None
    calls = []
    cached("thing", [], lambda: calls.append(1))
    cached("thing", [], lambda: calls.append(1))
    assert len(calls) == 2


def test_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("DIPLOGRAPH_CACHE_DIR", str(blocker / "sub"))  # a folder under a file: cannot exist
    assert cached("thing", [], lambda: "built") == "built"
