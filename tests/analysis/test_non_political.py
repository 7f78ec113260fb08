"""News outlets and diseases (types media, other) stay out of the political network's views."""
from __future__ import annotations

from diplograph.analysis.system import system
from diplograph.records import Actor, Document, DocumentAnalysis, Event, Mention, Ref, Span
from diplograph.store.duck import StoreWriter, open_reader

TEXT = "The Valley Herald accused Marovia. Marovia accused Tessaly."


def _analysis() -> tuple[Document, DocumentAnalysis]:
    herald = Actor("valley-herald", "Valley Herald", "media", "MED", None, [Mention("Valley Herald", 4, 17, "learned", 0.3)])
    marovia = Actor("marovia", "Marovia", "state", "MRV", "MRV", [Mention("Marovia", 26, 33, "kb", 0.9)])
    tessaly = Actor("tessaly", "Tessaly", "state", "TSL", "TSL", [Mention("Tessaly", 51, 58, "kb", 0.9)])

    def ev(i: str, a: Actor, b: Actor, start: int, end: int) -> Event:
        return Event(i, Ref(a.id, a.name, a.code, a.name), Ref(b.id, b.name, b.code, b.name), "112", "11", "ACCUSE",
                     None, -2.0, 3, "asserted", None, "2024-05-01", "accused", Span(start, end, TEXT[start:end]), 0.8)

    doc = Document("np", TEXT, "2024-05-01", "np", "hand-made")
    return doc, DocumentAnalysis("np", "2024-05-01", "input", [herald, marovia, tessaly],
                                 [ev("np-1", herald, marovia, 0, 34), ev("np-2", marovia, tessaly, 35, 59)])


def test_media_actors_are_not_in_the_system_view(tmp_path):
    path = tmp_path / "s.duckdb"
    w = StoreWriter(path)
    try:
        w.write_batch([_analysis()])
    finally:
        w.close()
    con = open_reader(path)
    s = system(con)
    pairs = {tuple(sorted((d["a"], d["b"]))) for d in s["dyads"]}
    assert pairs == {("marovia", "tessaly")}, pairs
    dated = system(con, since=None, until=__import__("datetime").date(2030, 1, 1))  # the events path, not the summary
    assert {tuple(sorted((d["a"], d["b"]))) for d in dated["dyads"]} == {("marovia", "tessaly")}
