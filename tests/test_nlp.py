"""The per-document token cache the stages share (nlp.tokens_of, text_of, keys_of, lower_keys_of,
sentences_of, sentence_index, sentence_of, ents_of)."""
import threading

from diplograph.nlp import (ents_of, keys_of, lower_keys_of, sentence_index, sentence_of, sentences_of, text_of,
                            tokens_of)


def test_cache_gives_the_documents_own_tokens_text_and_keys(nlp):
    a = nlp("Kazakh leaders met in Astana. They talked.")
    b = nlp("Ruritania's envoys were recalled.")
    for doc in (a, b, a):  # switching documents never returns the other one's data
        assert [t.i for t in tokens_of(doc)] == list(range(len(doc)))
        assert [t.text for t in tokens_of(doc)] == [t.text for t in doc]
        assert text_of(doc) == doc.text
        assert keys_of(doc) == [(t.text.upper(), (t.lemma_ or t.text).upper()) for t in doc]
        assert lower_keys_of(doc) == [(t.lower_, t.lemma_.lower()) for t in doc]
    assert tokens_of(b) is tokens_of(b)  # one list per document, built once


def test_cache_is_per_thread(nlp):
    docs = [nlp(f"Envoy number {k} of Ruritania arrived in Freedonia on day {k}.") for k in range(4)]
    wrong: list[int] = []

    def read(k: int) -> None:
        for _ in range(200):
            for j in (k, (k + 1) % 4):
                if text_of(docs[j]) != docs[j].text or tokens_of(docs[j])[3].doc is not docs[j]:
                    wrong.append(j)

    threads = [threading.Thread(target=read, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not wrong


def test_sentences_and_entities_are_the_documents_own(nlp):
    a = nlp("Kazakh leaders met Olvar Quist in Astana. They talked. Brenna Vosk of Ruritania left on Monday.")
    b = nlp("Ruritania's envoys were recalled. Freedonia said nothing.")
    for doc in (a, b, a):  # switching documents never returns the other one's sentences or entities
        sents = list(doc.sents)
        assert [(s.start, s.end) for s in sentences_of(doc)] == [(s.start, s.end) for s in sents]
        assert sentence_index(doc) == [next(k for k, s in enumerate(sents) if s.start <= t.i < s.end) for t in doc]
        for t in doc:
            mine, theirs = sentence_of(doc, t.i), t.sent
            assert (mine.start, mine.end, mine.doc) == (theirs.start, theirs.end, theirs.doc)
        assert [(e.start, e.end, e.label_) for e in ents_of(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert sentences_of(b) is sentences_of(b) and ents_of(b) is ents_of(b)  # built once per document
