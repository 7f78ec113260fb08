"""Actor benchmark: source and target country codes of the PLOVER gold records.

Reads ``../shared/data/dev/plover_gsr_dev.json`` (path relative to the repository; pass
another file as the first argument, e.g. the held-out records). Each record is analysed
with the full pipeline on its own date; the record's event is the pipeline event whose
trigger is one of the words the gold markup tags ``EVT`` (else the most confident event).
Scores, micro over records:

- ``source``/``target``: F1 of the sets of 3-letter codes (country or ``IGO``) of the
  chosen events' sources/targets against the gold sets (records whose gold target is not
  an actor list have an empty gold target set). The chosen events are read in PLOVER's
  shape (``primary_reading``): per trigger the most confident events only, a reciprocal
  pair as a compound source with no target (as the gold's ``SRC/TAR`` records are written);
  the gold's non-standard ``JAP``/``VTN`` are CAMEO's ``JPN``/``VNM``;
- ``mention upper bound``: share of gold actors whose text overlaps a resolved mention
  with the right 3-letter code — what a perfect event stage could reach.

Timing (``--timing``): loading the Phoenix country dictionary + agents file, the whole default
knowledge base, and the time resolution adds to spaCy's parse over the example articles
(``examples/``), measured in the same run.

Split (``--split even|odd``): only the records at even (0, 2, 4 …) or odd positions of the file,
so rules designed while reading one half's errors can be checked on the other half.

Rules (``--rules``): per named actor rule (``Mention.rule``), how often it fires on the records, how many
of its mentions overlap a gold actor's text, and the share of those whose 3-letter code is the gold one
(its precision where gold exists; aggregates only, so it may be printed for the unread half).

Usage: ``.venv/bin/python benchmarks/actors.py [FILE] [--errors] [--misses] [--timing] [--rules] [--split even|odd]``.
"""
from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "dev" / "plover_gsr_dev.json"


# Non-standard 3-letter codes some gold records use for a state that CAMEO/Phoenix codes otherwise.
GOLD_ALIASES = {"JAP": "JPN", "VTN": "VNM"}


def gold_code(code) -> str:
    c = str(code)[:3]
    return GOLD_ALIASES.get(c, c)


def gold_codes(field) -> set[str]:
    if not isinstance(field, list):
        return set()
    return {gold_code(a["code"]) for a in field if a.get("code")}


def primary_reading(chosen: list) -> list:
    """The pipeline's own reading of the record's event, in PLOVER's shape.

    Per trigger, only the most confident events (a paired code's reverse reading, ``B was
    hosted by A``, is less confident than ``A hosted B``). A reciprocal event (``X and Y
    agreed``: X→Y and Y→X at the same confidence) is what PLOVER writes as a compound source
    with no target, so its targets that are also its sources are not scored as targets.
    Returns (event, scored target?) pairs.
    """
    by_trigger: dict[tuple[int, str], list] = {}
    for e in chosen:
        by_trigger.setdefault((e.evidence.start, e.trigger), []).append(e)
    out = []
    for evs in by_trigger.values():
        best = max(e.confidence for e in evs)
        top = [e for e in evs if e.confidence >= best - 1e-9]
        pairs = {(e.source and e.source.actor, e.target and e.target.actor) for e in top}
        for e in top:
            s, t = e.source and e.source.actor, e.target and e.target.actor
            out.append((e, not (s and t and (t, s) in pairs)))
    return out


def gold_actor_texts(field) -> list[tuple[str, str]]:
    if not isinstance(field, list):
        return []
    return [(a.get("actorText", ""), gold_code(a["code"])) for a in field if a.get("code")]


def evt_words(rec: dict) -> set[str]:
    markup = (rec.get("textInfo") or {}).get("markup", "")
    words: set[str] = set()
    for m in re.finditer(r"\(EVT:\s*([^)]*)\)", markup):
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", m.group(1)))
    words.update(w.lower() for w in re.findall(r"[A-Za-z]+", rec.get("eventText", "")))
    return words


def chosen_events(rec: dict, a) -> list:
    """The record's events: those whose trigger is a word the gold marks EVT, else the most confident."""
    evw = evt_words(rec)
    chosen = [e for e in a.events if e.trigger.lower() in evw or any(
        w.startswith(e.trigger.lower()[:4]) for w in evw if len(e.trigger) >= 4)]
    if not chosen and a.events:
        best = max(e.confidence for e in a.events)
        chosen = [e for e in a.events if e.confidence == best][:1]
    return chosen


def code3(ref, countries: dict[str, str | None]) -> str | None:
    """The 3-letter code scored: the actor's state (``SCGSRB`` → SRB), else the code's first three letters."""
    if ref is None or not ref.code:
        return None
    if ref.code.startswith("IGO"):
        return "IGO"
    return countries.get(ref.actor or "") or ref.code[:3]


class F1:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, pred: set[str], gold: set[str]) -> None:
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def __str__(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P={p:.3f} R={r:.3f} F1={f:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"


def timing() -> None:
    from datetime import date as _date

    from diplograph import nlp as _nlp
    from diplograph.actors import kb as kbmod
    from diplograph.actors.dictionaries import read_actor_dictionary, read_agent_dictionary
    from diplograph.actors.resolve import resolve_mentions
    from diplograph.data import data_path
    from diplograph.text.normalize import normalize

    t0 = time.perf_counter()
    read_actor_dictionary(data_path("phoenix", "Phoenix.Countries.actors.txt"), [])
    read_agent_dictionary(data_path("phoenix", "Phoenix.agents.txt"), [])
    t1 = time.perf_counter()
    kbmod._default_kb.cache_clear()
    kb = kbmod.build_kb()
    t2 = time.perf_counter()
    print(f"load Phoenix countries + agents: {t1 - t0:.2f}s; whole default KB (all files + trie): {t2 - t1:.2f}s")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("*.txt"))]
    for p in sorted((ROOT / "examples").rglob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = _nlp.load()
    norms = [normalize(t) for t in texts]
    list(nlp.pipe([n.text for n in norms[:2]]))  # warm up
    resolve_mentions(nlp(norms[0].text), norms[0], kb, _date(2023, 1, 1))  # loads the leader table once
    t3 = time.perf_counter()
    docs = list(nlp.pipe([n.text for n in norms], batch_size=16))
    t4 = time.perf_counter()
    for d, n in zip(docs, norms):
        resolve_mentions(d, n, kb, _date(2023, 1, 1))
    t5 = time.perf_counter()
    words = sum(len(d) for d in docs)
    print(f"{len(docs)} example documents, {words} tokens: spaCy {t4 - t3:.2f}s, resolution {t5 - t4:.2f}s "
          f"= {100 * (t5 - t4) / (t4 - t3):.1f}% of spaCy time")


def main(argv: list[str]) -> int:
    from diplograph.pipeline import Pipeline
    from diplograph.records import Document

    split = None
    if "--split" in argv:
        i = argv.index("--split")
        split = argv[i + 1] if i + 1 < len(argv) else ""
        argv = argv[:i] + argv[i + 2:]
    split = next((a.split("=", 1)[1] for a in argv if a.startswith("--split=")), split)
    if split not in (None, "even", "odd"):
        print(f"--split must be 'even' or 'odd', not {split!r}")
        return 2
    args = [a for a in argv if not a.startswith("--")]
    show = "--errors" in argv
    if "--timing" in argv:
        timing()
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(f"{path} is absent: the shared data folder must sit beside the repository")
        return 0
    records = [r for i, r in enumerate(json.loads(path.read_text(encoding="utf-8")))
               if r.get("text") and (split is None or i % 2 == (split == "odd"))]
    pipe = Pipeline()
    src, tgt, both = F1(), F1(), F1()
    found = total = 0
    fired: Counter[str] = Counter()
    on_gold: Counter[str] = Counter()
    right: Counter[str] = Counter()
    t0 = time.perf_counter()
    for rec in records:
        when = date.fromisoformat(rec["date"]) if rec.get("date") else None
        a = pipe.analyze_one(Document(rec["id"], rec["text"], when.isoformat() if when else None))
        chosen = chosen_events(rec, a)
        countries = {x.id: x.country for x in a.actors}
        reading = primary_reading(chosen)
        ps = {c for e, _ in reading if (c := code3(e.source, countries))}
        pt = {c for e, scored in reading if scored and (c := code3(e.target, countries))}
        gs, gt = gold_codes(rec.get("source")), gold_codes(rec.get("target"))
        src.add(ps, gs)
        tgt.add(pt, gt)
        both.add({"s" + c for c in ps} | {"t" + c for c in pt}, {"s" + c for c in gs} | {"t" + c for c in gt})
        fired.update(m.rule or "?" for x in a.actors for m in x.mentions)
        # mention-level upper bound
        for txt, code in gold_actor_texts(rec.get("source")) + gold_actor_texts(rec.get("target")):
            total += 1
            s = rec["text"].find(txt)
            for actor in a.actors:
                c = "IGO" if (actor.code or "").startswith("IGO") else (actor.country or (actor.code or "")[:3])
                for m in actor.mentions:
                    if s >= 0 and m.start < s + len(txt) and m.end > s:
                        on_gold[m.rule or "?"] += 1
                        right[m.rule or "?"] += c == code
            ok = False
            for actor in a.actors:
                c = "IGO" if (actor.code or "").startswith("IGO") else (actor.country or (actor.code or "")[:3])
                if c != code:
                    continue
                if any(s >= 0 and m.start < s + len(txt) and m.end > s for m in actor.mentions) or (
                        s < 0 and any(m.text in txt or txt in m.text for m in actor.mentions)):
                    ok = True
                    break
            found += ok
            if not ok and "--misses" in argv:
                print(f"MISS {code} {txt!r} in {rec['text'][:160]!r}")
                print("   actors:", [(x.name, x.code, [m.text for m in x.mentions]) for x in a.actors])
        if show and (ps != gs or pt != gt):
            print(f"--- {rec['id']}\n{rec['text'][:300]}\n gold src={sorted(gs)} tgt={sorted(gt)}"
                  f"  pred src={sorted(ps)} tgt={sorted(pt)}")
            for e in chosen:
                print(f"   ev {e.trigger} {e.cameo} {e.source and e.source.code} -> {e.target and e.target.code}")
            print("   actors:", [(x.name, x.code, [m.method for m in x.mentions]) for x in a.actors])
    dt = time.perf_counter() - t0
    print(f"records: {len(records)} ({path.name}{', ' + split + ' positions' if split else ''}), {dt:.1f}s")
    print(f"source codes: {src}")
    print(f"target codes: {tgt}")
    print(f"source+target: {both}")
    print(f"mention upper bound: {found}/{total} = {found / max(total, 1):.3f}")
    if "--rules" in argv:
        print(f"{'rule':36} {'fired':>6} {'on gold':>8} {'right':>6} {'precision':>9}")
        for rule, n in sorted(fired.items(), key=lambda kv: (-kv[1], kv[0])):
            g = on_gold[rule]
            prec = f"{right[rule] / g:.3f}" if g else "-"
            print(f"{rule:36} {n:6d} {g:8d} {right[rule]:6d} {prec:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
