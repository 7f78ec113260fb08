"""Claims benchmark: cues, modality, attribution and the cost of the claims stage.

    .venv/bin/python benchmarks/claims.py [--only factbank,uds,commitment,wikiweasel,factbank_cues,polnear,polnear_cues,sfu,speed]
                                          [--limit N]

Reads the research-only development sets from ``../shared/data/dev`` (relative to the
repository; never committed) and prints one Markdown table per measure:

- FactBank: sentence-level "has a speculation or condition cue" — precision, recall, F1,
  on the whole dev file and on its two halves by document (the "tune" half: documents whose
  name hashes even; the "check" half: odd), so over-fitting to the dev set shows.
- UDS-IH2 (dev split): the predicate's ``modality`` against its factuality
  (``factual_value > 0`` = happened = asserted; the file's head positions count from 1): accuracy and F1 of "not asserted".
- PolNeAR (dev): for every verb of an article, the source we attribute it to against the
  gold Source of the Content span it lies in (null when in none): precision, recall, F1.
- Commitment (UDS-IH2 train+dev file, the ``report`` half by sentence hash; the ``build`` half was read):
  the commitment calculus' three-way value and score against ``factual_value``, beside a surface-cue baseline.
- WikiWeasel / FactBank uncertainty by document-hash halves (``build`` read, ``report`` never read):
  sentence-level and cue-level F1 of speculation/condition cues.
- PolNeAR relations (dev, never tuned on; the reporting lexicon's precisions come from train):
  attribution cue P/R/F1, source accuracy on the cues found, content-span overlap F1.
- SFU reviews: negation cues (word level) and their scopes (word level) against the
  ``<cue>``/``<xcope>`` annotation (a different genre: product reviews).
- Speed: spaCy parse time vs. the claims stage (as the pipeline runs it, and with every verb
  as a trigger) over the same documents in the same run.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DEV = ROOT.parent / "shared" / "data" / "dev"

from spacy.tokens import Doc  # noqa: E402

from diplograph import nlp as nlp_mod  # noqa: E402
from diplograph.claims.attribution import attribution_of, quotations  # noqa: E402
from diplograph.claims.cues import find_cues  # noqa: E402
from diplograph.claims.modality import cue_index, modality_of  # noqa: E402

UNCERTAIN = ("speculation", "condition")


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def factbank(nlp, limit: int | None, verbose: bool) -> str:
    path = DEV / "factbank_uncertainty_dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:limit]
    counts = {k: [0, 0, 0] for k in ("all", "tune", "check")}
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64)):
        gold = bool(row["cues"])
        found = [c for c in find_cues(doc) if c.type in UNCERTAIN]
        pred = bool(found)
        half = "tune" if int(hashlib.md5(row["doc"].encode()).hexdigest(), 16) % 2 == 0 else "check"
        for k in ("all", half):
            if pred and gold:
                counts[k][0] += 1
            elif pred:
                counts[k][1] += 1
            elif gold:
                counts[k][2] += 1
        if verbose and pred != gold:
            tag = "FP" if pred else "FN"
            print(tag, [doc[c.start:c.end].text for c in found], [c["text"] for c in row["cues"]], row["text"][:160],
                  file=sys.stderr)
    lines = ["| FactBank dev (sentence has speculation/condition cue) | sentences | P | R | F1 |", "|---|---|---|---|---|"]
    for k, (tp, fp, fn) in counts.items():
        p, r, f = _prf(tp, fp, fn)
        n = sum(1 for row in rows if k == "all" or
                ("tune" if int(hashlib.md5(row["doc"].encode()).hexdigest(), 16) % 2 == 0 else "check") == k)
        lines.append(f"| {k} | {n} | {p:.3f} | {r:.3f} | {f:.3f} |")
    return "\n".join(lines)


def _cue_level(doc: Doc, found, gold_texts: list[str]) -> tuple[int, int, int]:
    """Cue-level counts: a found cue is right when its words overlap a gold cue's words (each gold cue once)."""
    low = [t.lower_ for t in doc]
    gold_spans = []
    for g in gold_texts:
        words = g.lower().split()
        for i in range(len(low) - len(words) + 1):
            if low[i:i + len(words)] == words:
                gold_spans.append((i, i + len(words)))
                break
    used: set[int] = set()
    tp = 0
    for c in found:
        k = next((k for k, (a, b) in enumerate(gold_spans) if k not in used and a < c.end and c.start < b), None)
        if k is not None:
            used.add(k)
            tp += 1
    return tp, len(found) - tp, len(gold_texts) - tp


def uncertainty(nlp, limit: int | None, verbose: bool, name: str = "wikiweasel", halves: tuple[str, ...] = ("report",)
                ) -> str:
    """Sentence-level and cue-level F1 of speculation/condition cues on WikiWeasel or FactBank.

    Halves by a stable hash of the document (WikiWeasel: the id before the dot; FactBank: ``doc``):
    ``build`` (even, tuned on) and ``report`` (odd, never read).
    """
    path = DEV / f"{name}_uncertainty_dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]

    def half(r: dict) -> str:
        key = r.get("doc") or r["id"].split(".")[0]
        return "build" if int(hashlib.md5(key.encode()).hexdigest(), 16) % 2 == 0 else "report"

    lines = [f"| {name} (speculation/condition cues) | half | sentences | sentence P | R | F1 | cue P | R | F1 |",
             "|---|---|---|---|---|---|---|---|---|"]
    for h in halves:
        part = [r for r in rows if h == "all" or half(r) == h][:limit]
        s_counts = [0, 0, 0]
        c_counts = [0, 0, 0]
        for row, doc in zip(part, nlp.pipe((r["text"] for r in part), batch_size=64)):
            found = [c for c in find_cues(doc) if c.type in UNCERTAIN]
            gold, pred = bool(row["cues"]), bool(found)
            s_counts[0] += pred and gold
            s_counts[1] += pred and not gold
            s_counts[2] += gold and not pred
            for k, v in enumerate(_cue_level(doc, found, [c["text"] for c in row["cues"]])):
                c_counts[k] += v
            if verbose and pred != gold and h == "build":
                print("FP" if pred else "FN", [doc[c.start:c.end].text for c in found], [c["text"] for c in row["cues"]],
                      row["text"][:160], file=sys.stderr)
        sp, sr, sf = _prf(*s_counts)
        cp, cr, cf = _prf(*c_counts)
        lines.append(f"| {name} | {h} | {len(part)} | {sp:.3f} | {sr:.3f} | {sf:.3f} | {cp:.3f} | {cr:.3f} | {cf:.3f} |")
    return "\n".join(lines)


def wikiweasel(nlp, limit: int | None, verbose: bool) -> str:
    return uncertainty(nlp, limit, verbose, "wikiweasel", ("report",))


def factbank_cues(nlp, limit: int | None, verbose: bool) -> str:
    return uncertainty(nlp, limit, verbose, "factbank", ("all", "report"))


def _doc_from_tokens(nlp, words: list[str]) -> Doc:
    doc = Doc(nlp.vocab, words=words)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def uds(nlp, limit: int | None, verbose: bool) -> str:
    path = DEV / "uds_ih2_factuality_traindev.jsonl"
    rows = [r for r in (json.loads(line) for line in path.open(encoding="utf-8")) if r["split"] == "dev"][:limit]
    by_sent: dict[str, list[dict]] = {}
    for r in rows:
        by_sent.setdefault(r["sentence"], []).append(r)
    agree = total = 0
    tp = fp = fn = 0
    from collections import Counter
    confusion: Counter = Counter()
    for sentence, preds in by_sent.items():
        doc = _doc_from_tokens(nlp, sentence.split(" "))
        index = cue_index(find_cues(doc))
        for r in preds:
            pos = r["pred_head_position"] - 1  # the file's positions count from 1 (checked against the form)
            if not 0 <= pos < len(doc) or doc[pos].text != r["pred_head_form"]:
                continue  # a token with a space inside: the position cannot be trusted
            tok = doc[pos]
            mod = modality_of(tok, index)
            gold_factual = r["factual_value"] > 0
            pred_factual = mod == "asserted"
            confusion[(mod, "happened" if gold_factual else "not")] += 1
            total += 1
            agree += gold_factual == pred_factual
            if not pred_factual and not gold_factual:
                tp += 1
            elif not pred_factual:
                fp += 1
            elif not gold_factual:
                fn += 1
            if verbose and gold_factual != pred_factual:
                print(mod, r["factual_value"], r["pred_head_form"], "|", sentence[:150], file=sys.stderr)
    p, rr, f = _prf(tp, fp, fn)
    base = sum(1 for (m, g), n in confusion.items() if g == "happened" for _ in range(n)) / max(total, 1)
    lines = ["| UDS-IH2 dev (modality vs. factuality) | predicates | accuracy | majority baseline | "
             "P(not asserted) | R | F1 |", "|---|---|---|---|---|---|---|",
             f"| all | {total} | {agree / max(total, 1):.3f} | {base:.3f} | {p:.3f} | {rr:.3f} | {f:.3f} |", "",
             "| modality | happened (gold > 0) | not / uncertain (gold < 0) |", "|---|---|---|"]
    for m in ("asserted", "hedged", "negated", "desired", "conditional", "future", "question"):
        lines.append(f"| {m} | {confusion[(m, 'happened')]} | {confusion[(m, 'not')]} |")
    return "\n".join(lines)


_SURFACE_NEG = re.compile(r"\b(not|n't|never|no|nobody|nothing|without|neither|nor)\b", re.I)
_SURFACE_OPEN = re.compile(r"\b(may|might|could|should|would|will|shall|if|unless|whether|perhaps|maybe|possibly|"
                           r"probably|likely|want|wants|hope|hopes|plan|plans|think|believe|seem|seems)\b|\?", re.I)


def surface_commitment(sentence: str) -> str:
    """The surface-cue baseline: a negation word → false; a modal, hedge, condition or ``?`` → uncertain; else true."""
    if _SURFACE_OPEN.search(sentence):
        return "uncertain"
    return "false" if _SURFACE_NEG.search(sentence) else "true"


def _uds_half(sentence: str) -> str:
    """Build/report halves of UDS-IH2, decided by a stable hash of the sentence before any was read."""
    return "build" if int(hashlib.md5(sentence.encode()).hexdigest(), 16) % 2 == 0 else "report"


def _gold3(value: float) -> str:
    return "true" if value >= 0.5 else "false" if value <= -0.5 else "uncertain"


def _three_way(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Accuracy and macro-F1 over true/false/uncertain."""
    acc = sum(p == g for p, g in pairs) / max(len(pairs), 1)
    f1s = []
    for k in ("true", "false", "uncertain"):
        tp = sum(p == k and g == k for p, g in pairs)
        fp = sum(p == k and g != k for p, g in pairs)
        fn = sum(p != k and g == k for p, g in pairs)
        f1s.append(_prf(tp, fp, fn)[2])
    return acc, sum(f1s) / 3


def _pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    vx = sum((x - mx) ** 2 for x in xs) ** 0.5
    vy = sum((y - my) ** 2 for y in ys) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def commitment(nlp, limit: int | None, verbose: bool, half: str = "report") -> str:
    """UDS-IH2 (train+dev file, the ``report`` half by sentence hash): commitment against factuality."""
    from diplograph.claims.commitment import commitment_of

    path = DEV / "uds_ih2_factuality_traindev.jsonl"
    rows = [r for r in (json.loads(line) for line in path.open(encoding="utf-8")) if _uds_half(r["sentence"]) == half]
    by_sent: dict[str, list[dict]] = {}
    for r in rows:
        by_sent.setdefault(r["sentence"], []).append(r)
    sentences = list(by_sent)[:limit]
    ours: list[tuple[str, str]] = []
    base: list[tuple[str, str]] = []
    scores: list[float] = []
    golds: list[float] = []
    for sentence, doc in zip(sentences, (_doc_from_tokens(nlp, s.split(" ")) for s in sentences)):
        for r in by_sent[sentence]:
            pos = r["pred_head_position"] - 1
            if not 0 <= pos < len(doc) or doc[pos].text != r["pred_head_form"]:
                continue
            c = commitment_of(doc[pos])
            g = _gold3(r["factual_value"])
            ours.append((c.value, g))
            base.append((surface_commitment(sentence), g))
            scores.append(c.score)
            golds.append(r["factual_value"])
            if verbose and c.value != g:
                print(c.value, round(c.score, 2), r["factual_value"], r["pred_head_form"], "|", sentence[:150],
                      file=sys.stderr)
    acc, mf = _three_way(ours)
    bacc, bmf = _three_way(base)
    bscore = [{"true": 1.0, "false": -1.0, "uncertain": 0.0}[p] for p, _ in base]
    lines = [f"| UDS-IH2 {half} half (commitment vs. factuality; gold ≥ 0.5 true, ≤ -0.5 false) | predicates | "
             "accuracy | macro-F1 | Pearson r |", "|---|---|---|---|---|",
             f"| commitment calculus | {len(ours)} | {acc:.3f} | {mf:.3f} | {_pearson(scores, golds):.3f} |",
             f"| surface-cue baseline | {len(base)} | {bacc:.3f} | {bmf:.3f} | {_pearson(bscore, golds):.3f} |"]
    return "\n".join(lines)


def _read_brat(path: Path) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """(content span, source spans) per attribution of a brat file."""
    return [(c, rel["Source"]) for rel in _brat_relations(path) for c in rel["Content"]]


def polnear(nlp, limit: int | None, verbose: bool) -> str:
    base = DEV / "polnear" / "dev"
    files = sorted((base / "text").glob("*.txt"))[:limit]
    tp = fp = fn = wrong = 0
    for f in files:
        anns = sorted((base / "attributions").glob(f.stem + "*.ann"))  # name_ANNOTATOR.ann
        if not anns:
            continue
        ann = anns[0]
        text = f.read_text(encoding="utf-8")
        gold = _read_brat(ann)
        doc = nlp(text)
        index = cue_index(find_cues(doc))
        quotes = quotations(doc, index)
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "aux":
                continue
            g = next((srcs for (s, e), srcs in gold if s <= tok.idx < e), None)
            ours = attribution_of(tok, index, quotes)
            if ours is None and not g:
                continue
            if ours is not None and g:
                s0, e0 = ours.start, ours.end
                if any(s0 < e and s < e0 for s, e in g):
                    tp += 1
                else:
                    wrong += 1
                    if verbose:
                        print("WRONG", tok.text, repr(ours.text), [text[s:e] for s, e in g], file=sys.stderr)
            elif ours is not None:
                fp += 1
                if verbose:
                    print("FP", tok.text, repr(ours.text), "|", tok.sent.text[:120], file=sys.stderr)
            else:
                fn += 1
                if verbose:
                    print("FN", tok.text, [text[s:e] for s, e in g], "|", tok.sent.text[:150], file=sys.stderr)
    p, r, f1 = _prf(tp, fp + wrong, fn + wrong)
    return "\n".join(["| PolNeAR dev (verb → source) | articles | right source | wrong source | "
                      "attributed, gold none | gold source, ours none | P | R | F1 |",
                      "|---|---|---|---|---|---|---|---|---|",
                      f"| all | {len(files)} | {tp} | {wrong} | {fp} | {fn} | {p:.3f} | {r:.3f} | {f1:.3f} |"])


def _read_relations(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """Per attribution of a brat file that has a cue: its Cue, Source and Content pieces."""
    return [rel for rel in _brat_relations(path) if rel["Cue"]]


def _brat_relations(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """Per attribution (E line) of a brat file: its Cue, Source and Content pieces (character ranges)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    out = []
    for line in path.open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            kind, _, rng = parts[1].partition(" ")
            spans[parts[0]] = (kind, [tuple(int(x) for x in p.split()) for p in rng.split(";")])
        elif parts[0].startswith("E") and len(parts) >= 2:
            rel: dict[str, list[tuple[int, int]]] = {"Cue": [], "Source": [], "Content": []}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                role = role.rstrip("0123456789")
                if role in rel and tid in spans:
                    rel[role] += spans[tid][1]
            out.append(rel)
    return out


def _chars(doc: Doc, rng: tuple[int, int] | None) -> set[int]:
    if rng is None or rng[0] >= rng[1]:
        return set()
    span = doc[rng[0]:rng[1]]
    return {i for t in span if not t.is_punct for i in range(t.idx, t.idx + len(t))}


def polnear_relations(split: str, docs_and_names, verbose: bool = False) -> dict[str, float]:
    """Cue P/R/F1, source accuracy and content overlap of ``attributions`` against the gold relations."""
    from diplograph.claims.attribution_spans import attributions

    base = DEV / "polnear" / split
    tp = n_ours = n_gold = 0
    src_right = src_total = 0
    content_f: list[float] = []
    for doc, stem in docs_and_names:
        anns = sorted((base / "attributions").glob(stem + "*.ann"))
        if not anns:
            continue
        gold = _read_relations(anns[0])
        ours = attributions(doc, find_cues(doc))
        n_ours += len(ours)
        n_gold += len(gold)
        used: set[int] = set()
        for r in ours:
            cue = doc[r.cue[0]:r.cue[1]]
            cs, ce = cue.start_char, cue.end_char
            k = next((k for k, g in enumerate(gold) if k not in used and any(s < ce and cs < e for s, e in g["Cue"])),
                     None)
            if k is None:
                if verbose:
                    print("FP", cue.text, "|", cue.sent.text[:140], file=sys.stderr)
                continue
            used.add(k)
            tp += 1
            g = gold[k]
            if g["Source"]:
                src_total += 1
                mine = _chars(doc, r.source)
                gold_src = {i for s, e in g["Source"] for i in range(s, e)}
                src_right += bool(mine & gold_src)
            if g["Content"]:
                mine = _chars(doc, r.content)
                gc = {i for s, e in g["Content"] for i in range(s, e) if not doc.text[i].isspace()}
                inter = len(mine & gc)
                content_f.append(2 * inter / (len(mine) + len(gc)) if mine or gc else 0.0)
        if verbose:
            for k, g in enumerate(gold):
                if k not in used:
                    s, e = g["Cue"][0]
                    print("FN", repr(doc.text[s:e]), file=sys.stderr)
    p, r, f = _prf(tp, n_ours - tp, n_gold - tp)
    return {"articles": 0, "gold": n_gold, "ours": n_ours, "P": p, "R": r, "F1": f,
            "source_acc": src_right / max(src_total, 1), "content_f1": sum(content_f) / max(len(content_f), 1)}


def polnear_cues(nlp, limit: int | None, verbose: bool, split: str = "dev") -> str:
    """PolNeAR attribution relations on one split (dev: never tuned on; train: the lexicon was measured on it)."""
    files = sorted((DEV / "polnear" / split / "text").glob("*.txt"))[:limit]
    docs = nlp.pipe((f.read_text(encoding="utf-8") for f in files), batch_size=16)
    m = polnear_relations(split, zip(docs, (f.stem for f in files)), verbose)
    return "\n".join([f"| PolNeAR {split} (attribution relations) | articles | gold | ours | cue P | cue R | cue F1 | "
                      "source accuracy | content overlap F1 |", "|---|---|---|---|---|---|---|---|---|",
                      f"| all | {len(files)} | {m['gold']} | {m['ours']} | {m['P']:.3f} | {m['R']:.3f} | "
                      f"{m['F1']:.3f} | {m['source_acc']:.3f} | {m['content_f1']:.3f} |"])


def speed(nlp, limit: int | None, verbose: bool) -> str:
    """spaCy parse time vs. the claims stage, on the same documents in the same run.

    Two readings of the claims stage: as the pipeline runs it (cues, quotations, time
    expressions, relation states, and modality/attribution/date of each coded event), and an
    upper bound treating every verb of the text as an event trigger.
    """
    from datetime import date

    from diplograph.actors.resolve import resolve_mentions
    from diplograph.claims.commitment import commitment_of
    from diplograph.claims.relations import find_relation_states
    from diplograph.claims.timing import date_of, time_expressions
    from diplograph.events.coder import code_events
    from diplograph.pipeline import Pipeline
    from diplograph.text.normalize import normalize

    pipe = Pipeline()
    base = DEV / "polnear" / "train" / "text"
    texts = [f.read_text(encoding="utf-8") for f in sorted(base.glob("*.txt"))[: limit or 150]]
    norms = [normalize(t) for t in texts]
    t0 = time.perf_counter()
    docs = list(nlp.pipe((n.text for n in norms), batch_size=16))
    t_parse = time.perf_counter() - t0
    anchor = date(2016, 10, 1)
    prepared = []
    for doc, norm in zip(docs, norms):  # the earlier stages: not timed
        actors = resolve_mentions(doc, norm, pipe.kb, anchor)
        prepared.append((doc, actors, code_events(doc, actors, pipe.verbs)))
    t0 = time.perf_counter()
    n_events = 0
    for doc, actors, cands in prepared:
        index = cue_index(find_cues(doc))
        quotes = quotations(doc, index)
        expressions = time_expressions(doc, anchor)
        for c in cands:
            modality_of(c.trigger, index)
            attribution_of(c.trigger, index, quotes)
            date_of(c.trigger, expressions)
            commitment_of(c.trigger)
            n_events += 1
        find_relation_states(doc, actors)
    t_stage = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_verbs = 0
    for doc in docs:
        index = cue_index(find_cues(doc))
        quotes = quotations(doc, index)
        for tok in doc:
            if tok.pos_ == "VERB":
                modality_of(tok, index)
                attribution_of(tok, index, quotes)
                commitment_of(tok)
                n_verbs += 1
    t_verbs = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    return "\n".join(["| speed (PolNeAR train articles) | docs | tokens | triggers | spaCy s | claims s | claims / spaCy |",
                      "|---|---|---|---|---|---|---|",
                      f"| claims stage on the coded events | {len(docs)} | {words} | {n_events} | {t_parse:.2f} | "
                      f"{t_stage:.2f} | {100 * t_stage / t_parse:.1f}% |",
                      f"| every verb as a trigger (upper bound) | {len(docs)} | {words} | {n_verbs} | {t_parse:.2f} | "
                      f"{t_verbs:.2f} | {100 * t_verbs / t_parse:.1f}% |"])


def _sfu_sentences(path: Path):
    """Per sentence: words, and per negation cue id its cue word indices and scope word indices."""
    import xml.etree.ElementTree as ET

    for sent in ET.parse(path).getroot().iter("SENTENCE"):
        words: list[str] = []
        cues: dict[str, set[int]] = {}
        scopes: dict[str, set[int]] = {}
        types: dict[str, str] = {}

        def walk(el, cue: str | None, inside: frozenset) -> None:
            if el.tag == "cue":
                cue = el.get("ID")
                types[cue] = el.get("type")
            if el.tag == "xcope":
                ref = el.find("ref")
                if ref is not None:
                    inside = inside | {ref.get("SRC")}
            if el.tag == "W":
                i = len(words)
                words.append(el.text or "")
                if cue is not None:
                    cues.setdefault(cue, set()).add(i)
                for src in inside:
                    scopes.setdefault(src, set()).add(i)
            for child in el:
                walk(child, cue, inside)

        walk(sent, None, frozenset())
        neg = {c: idx for c, idx in cues.items() if types.get(c) == "negation"}
        yield words, {c: (idx, scopes.get(c, set())) for c, idx in neg.items()}


def sfu(nlp, limit: int | None, verbose: bool) -> str:
    """SFU review corpus: negation cues (word level) and their scopes (word level, on the cues found)."""
    from diplograph.claims.scope import cue_scope

    files = sorted((DEV / "sfu_review_negation_speculation").rglob("*.xml"))[: limit or 120]
    c_tp = c_fp = c_fn = 0
    s_tp = s_fp = s_fn = 0
    for f in files:
        for words, gold in _sfu_sentences(f):
            if not words:
                continue
            doc = _doc_from_tokens(nlp, [w if w.strip() else "_" for w in words])
            ours = [c for c in find_cues(doc) if c.type == "negation"]
            gold_cue_words = {i: cid for cid, (idx, _) in gold.items() for i in idx}
            matched: set[str] = set()
            for c in ours:
                cid = next((gold_cue_words[i] for i in range(c.start, c.end) if i in gold_cue_words), None)
                if cid is None or cid in matched:
                    c_fp += 1
                    continue
                c_tp += 1
                matched.add(cid)
                rng = cue_scope(doc, c.start, c.end, c.type)
                pred = {i for i in range(*rng) if not doc[i].is_punct} if rng else set()
                g = {i for i in gold[cid][1] if not doc[i].is_punct} - gold[cid][0]
                s_tp += len(pred & g)
                s_fp += len(pred - g)
                s_fn += len(g - pred)
                if verbose and pred != g:
                    print("SCOPE", doc[c.start:c.end].text, "| ours:", " ".join(doc[i].text for i in sorted(pred)),
                          "| gold:", " ".join(doc[i].text for i in sorted(g)), file=sys.stderr)
            c_fn += len(set(gold) - matched)
    cp, cr, cf = _prf(c_tp, c_fp, c_fn)
    sp, sr, sf = _prf(s_tp, s_fp, s_fn)
    return "\n".join(["| SFU reviews (negation) | files | P | R | F1 |", "|---|---|---|---|---|",
                      f"| cues (word level) | {len(files)} | {cp:.3f} | {cr:.3f} | {cf:.3f} |",
                      f"| scope words, on the cues found | {len(files)} | {sp:.3f} | {sr:.3f} | {sf:.3f} |"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="factbank,uds,commitment,wikiweasel,factbank_cues,polnear,polnear_cues,sfu,speed",
                    help="comma-separated measures to run")
    ap.add_argument("--limit", type=int, default=None, help="at most N items per measure")
    ap.add_argument("--verbose", action="store_true", help="print each disagreement to stderr")
    args = ap.parse_args()
    if not DEV.exists():
        print(f"skipped: {DEV} is absent (the shared data folder must sit beside the repository)")
        return
    nlp = nlp_mod.load()
    for name in args.only.split(","):
        t0 = time.perf_counter()
        print(f"## {name}\n\n{globals()[name](nlp, args.limit, args.verbose)}\n\n({time.perf_counter() - t0:.0f} s)\n")


if __name__ == "__main__":
    main()
