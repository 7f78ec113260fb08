"""Hand-made documents and analyses (no parser) written through the real StoreWriter."""
from __future__ import annotations

import hashlib

from diplograph.records import Actor, Document, DocumentAnalysis, Event, Mention, Ref, Relation, Span
from diplograph.store.duck import StoreWriter

ACTORS = {
    "putin": ("vladimir-putin", "Vladimir Putin", "person", "RUSGOV", "RUS"),
    "putin-bare": ("putin", "Putin", "person", "RUSGOV", "RUS"),
    "nazarbayev": ("nursultan-nazarbayev", "Nursultan Nazarbayev", "person", "KAZELI", "KAZ"),
    "tokayev": ("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "person", "KAZGOV", "KAZ"),
    "tokayev-bare": ("tokayev", "Tokayev", "person", "KAZGOV", "KAZ"),
    "russia": ("russian-federation", "Russian Federation", "state", "RUS", "RUS"),
    "russia-short": ("russia", "Russia", "state", "RUS", "RUS"),
    "ukraine": ("ukraine", "Ukraine", "state", "UKR", "UKR"),
    "police": ("police", "police", "sector", "COP", None),
    "quoted": ("the-voice", '"The Voice" party', "group", None, None),
}
CODES = {"040": ("04", "CONSULT", 1.0, 1), "046": ("04", "CONSULT", 7.0, 1), "190": ("19", "ASSAULT", -10.0, 4),
         "111": ("11", "DISAPPROVE", -2.0, 3), "057": ("05", "AGREE", 8.0, 1), "130": ("13", "THREATEN", -4.4, 3),
         # a user's code outside CAMEO: passed through without Goldstein, quad class or PLOVER type
         "X42": ("X42", None, None, None)}


def event(doc_id: str, text: str, src: str, tgt: str | None, cameo: str, date: str | None,
          modality: str = "asserted", start: int = 0) -> Event:
    s, t = ACTORS[src], ACTORS[tgt] if tgt else None
    root, plover, gold, quad = CODES[cameo]
    eid = hashlib.sha1(f"{doc_id}|{start}|{s[0]}|{t and t[0]}|{cameo}".encode()).hexdigest()[:16]
    return Event(eid, Ref(s[0], s[1], s[3], s[1]), Ref(t[0], t[1], t[3], t[1]) if t else None, cameo, root, plover,
                 None, gold, quad, modality, None, date, text.split()[1], Span(start, start + len(text), text), 0.9)


def document(doc_id: str, date: str | None, sentences: list[tuple], source: str | None = None,
             relations: list[tuple[str, str, int]] = ()) -> tuple[Document, DocumentAnalysis]:
    """``sentences``: (text, source actor key, target actor key, cameo[, modality])."""
    text, events, used = "", [], set()
    for sent in sentences:
        body, src, tgt, cameo, *rest = sent
        events.append(event(doc_id, body, src, tgt, cameo, date, rest[0] if rest else "asserted", len(text)))
        used |= {src} | ({tgt} if tgt else set())
        text += body + "\n\n"
    for a, b, _ in relations:
        used |= {a, b}
    actors = [Actor(*ACTORS[k], [Mention(ACTORS[k][1], 0, 1, "kb", 0.9)]) for k in sorted(used)]
    rels = [Relation(ACTORS[a][0], ACTORS[b][0], sign, "asserted", Span(0, 5, text[:5])) for a, b, sign in relations]
    doc = Document(doc_id, text, date, None, source, f"{doc_id}.txt")
    return doc, DocumentAnalysis(doc_id, date, "input", actors, events, rels)


def write(path, docs: list[tuple[Document, DocumentAnalysis]]) -> None:
    w = StoreWriter(path)
    known = w.known_hashes()
    try:
        w.write_batch([d for d in docs if d[0].content_hash not in known])
    finally:
        w.close()


def corpus(tmp_path):
    """A small corpus: the same meeting reported by three outlets, a war dyad over months."""
    docs = [
        document("a1", "2023-11-20", [
            ("Putin held a private meeting with Nursultan Nazarbayev in Moscow on Monday.", "putin", "nazarbayev", "046"),
            ("Putin criticized Tokayev over his stance on sanctions.", "putin", "tokayev", "111"),
        ], source="https://news.example.org/a1", relations=[("nazarbayev", "tokayev", -1)]),
        document("a2", "2023-11-21", [
            ("Russian President Putin met former Kazakh leader Nazarbayev in Moscow on Monday, the Kremlin said.",
             "putin-bare", "nazarbayev", "046"),
        ], source="https://wire.example.com/a2"),
        document("a3", "2023-11-22", [
            ("Putin's private meeting with Nazarbayev in Moscow drew wide attention.", "putin-bare", "nazarbayev", "040"),
            ("Tokayev rejected Russia's position on Ukraine.", "tokayev-bare", "russia-short", "111"),
            ("Police said Russia did not attack anyone.", "police", "russia", "111", "negated"),
            ('"The Voice" party criticized Russia\ton Tuesday.', "quoted", "russia", "111"),
        ], source="https://news.example.org/a3"),
        # a different meeting of the same pair two months later: not the same event
        document("a4", "2024-01-25", [
            ("Putin hosted Nazarbayev again for talks on the Caspian pipeline.", "putin", "nazarbayev", "046"),
        ], source="https://wire.example.com/a4"),
    ]
    months = ["2023-01-10", "2023-02-12", "2023-03-15", "2023-04-11", "2023-05-20", "2023-06-18"]
    for i, d in enumerate(months):
        sents = [(f"Russian forces shelled the Ukrainian city number {i} overnight, killing civilians.", "russia", "ukraine",
                  "190")]
        if i >= 3:
            sents.append((f"Russia and Ukraine agreed on prisoner exchange round {i} in Istanbul.", "russia", "ukraine",
                          "057"))
        docs.append(document(f"w{i}", d, sents, source=f"https://war{i}.example.net/x"))
    path = tmp_path / "corpus.duckdb"
    write(path, docs)
    return path, docs
