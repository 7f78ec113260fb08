"""Every rule of ``diplograph.rules.REGISTRY``: how often it fires and, where gold exists, how often it is right.

Usage (from the repository root)::

    .venv/bin/python benchmarks/rules.py [--reuters N] [--gold FILE] [--split odd|even|all]
                                         [--out benchmarks/RULES.md] [--propose-switches]

Importing the pipeline registers every stage's rules, so the table lists whatever rules exist when it
runs, with no list of names written here. A rule *fires* when a record names it: an event's
``rules`` (``event``, ``source``, ``target``), a mention's ``rule`` (any other record that grows a
``rule``, counted under its kind; see ``diplograph.provenance``). Cues are counted when the ``Cue``
record carries a ``rule`` and a cue rule is registered (they are read in a second parse).

Corpora: (a) the examples (``examples/seed``, ``examples/voa``, ``examples/wikinews``); (b) the first N
(default 500) Reuters-21578 stories of ``../shared/corpora/reuters21578`` (``benchmarks/_corpus.py``).

Precision, on the PLOVER gold dev records at ODD positions by default (the split nobody builds on; the
``benchmarks/actors.py --split odd`` convention), with the scoring of ``benchmarks/actors.py`` and
``benchmarks/events.py``: the record's events are those ``actors.py`` chooses (trigger among the gold
EVT words, else the most confident) read in PLOVER's shape (``primary_reading``);
- an ``event`` rule is right when its event's CAMEO root maps to the gold PLOVER type (``plover05``);
- a ``source``/``target`` rule is right when the chosen actor's 3-letter code (``code3``) is among the
  gold source/target codes (a reciprocal pair's target is not scored, as in ``actors.py``);
- a ``mention`` rule is right, for mentions that overlap a gold actor's text, when its actor's
  3-letter code is the gold one.
An actor with no code is no answer, in every slot (as ``actors.py`` leaves it out of its predicted
sets): precision is over the codes a rule gave.
- a ``cue`` rule (speculation and condition cues only: the types those sets annotate) is right when its
  cue overlaps a gold cue of the FactBank and WikiWeasel uncertainty dev sets, on their ``report``
  halves (``benchmarks/claims.py``'s stable hash of the document; its ``_cue_level`` matching, each gold
  cue matched once, read cue by cue).
Only aggregates are printed; no record of the unread split is shown.

``--propose-switches`` prints, for ``src/diplograph/data/rules.tsv``, a switch-off line for every rule
with precision < 0.3 on n >= 5 (the lead decides). The table also lists registered rules that never
fire and rule names found on records that no rule registers (that must be none).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import REUTERS, reuters_stories  # noqa: E402
from actors import (DEFAULT as GOLD, chosen_events, code3, gold_actor_texts, gold_codes,  # noqa: E402
                    primary_reading)
from events import plover05  # noqa: E402

EXAMPLES = ("examples/seed", "examples/voa", "examples/wikinews")
SWITCH_PRECISION = 0.3
SWITCH_MIN_N = 5


@dataclasses.dataclass
class Tally:
    right: Counter = dataclasses.field(default_factory=Counter)
    n: Counter = dataclasses.field(default_factory=Counter)

    def add(self, rule: str | None, ok: bool) -> None:
        if rule:
            self.n[rule] += 1
            self.right[rule] += ok

    def precision(self, rule: str) -> float | None:
        return self.right[rule] / self.n[rule] if self.n[rule] else None


def firings(pipe, docs: list, count_cues: bool) -> Counter:
    """(slot, rule) → how many records name it, over ``docs``."""
    from diplograph.provenance import rule_uses

    seen: Counter = Counter()
    for a in pipe.analyze(docs):
        seen.update(rule_uses(a))
    if count_cues:
        for cues in pipe.cues(docs):
            seen.update(rule_uses({"cues": [c.to_dict() for c in cues]}))
    return seen


def example_documents() -> list:
    from diplograph.records import Document
    from diplograph.sources import iter_documents

    return [d for d in iter_documents([str(ROOT / p) for p in EXAMPLES]) if isinstance(d, Document)]


def reuters_documents(n: int) -> list:
    from diplograph.records import Document

    out = []
    for s in reuters_stories():
        out.append(Document(s["id"], s["text"], s["date"], s["title"]))
        if len(out) >= n:
            break
    return out


def gold_precision(pipe, path: Path, split: str) -> tuple[Tally, int]:
    from diplograph.records import Document

    records = [r for i, r in enumerate(json.loads(path.read_text(encoding="utf-8")))
               if r.get("text") and (split == "all" or i % 2 == (split == "odd"))]
    docs = [Document(r["id"], r["text"], date.fromisoformat(r["date"]).isoformat() if r.get("date") else None)
            for r in records]
    tally = Tally()
    for rec, a in zip(records, pipe.analyze(docs)):
        countries = {x.id: x.country for x in a.actors}
        gold_type = rec.get("event")
        gs, gt = gold_codes(rec.get("source")), gold_codes(rec.get("target"))
        for e, scored in primary_reading(chosen_events(rec, a)):
            rules = e.rules or {}
            if gold_type not in (None, "DOCUMENT"):
                tally.add(rules.get("event"), gold_type in plover05(e.cameo_root))
            # an actor with no code is no answer (actors.py leaves it out of the predicted set too)
            if gs and (c := code3(e.source, countries)):
                tally.add(rules.get("source"), c in gs)
            if scored and gt and (c := code3(e.target, countries)):
                tally.add(rules.get("target"), c in gt)
        for txt, code in gold_actor_texts(rec.get("source")) + gold_actor_texts(rec.get("target")):
            s = rec["text"].find(txt)
            if s < 0:
                continue
            for actor in a.actors:
                got = "IGO" if (actor.code or "").startswith("IGO") else (actor.country or (actor.code or "")[:3])
                if not got:
                    continue  # an uncoded actor (an unknown name kept visible) gives no code to be wrong about
                for m in actor.mentions:
                    if m.start < s + len(txt) and m.end > s:
                        tally.add(m.rule, got == code)
    return tally, len(records)


def cue_precision(pipe, tally: Tally, limit: int | None = None) -> int:
    """Cue rules against the uncertainty cues of FactBank and WikiWeasel, on their report halves."""
    import hashlib

    import claims as claims_bench  # the claims benchmark's sets, halves and cue matching
    from diplograph.claims.cues import find_cues

    n = 0
    for name in ("factbank", "wikiweasel"):
        path = claims_bench.DEV / f"{name}_uncertainty_dev.jsonl"
        if not path.exists():
            continue
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        rows = [r for r in rows if int(hashlib.md5((r.get("doc") or r["id"].split(".")[0]).encode()).hexdigest(),
                                       16) % 2 == 1][:limit]  # the "report" half, as claims.py splits it
        for row, doc in zip(rows, pipe.nlp.pipe((r["text"] for r in rows), batch_size=64)):
            found = [c for c in find_cues(doc) if c.type in claims_bench.UNCERTAIN]
            gold = [c["text"] for c in row["cues"]]
            before = 0
            for k, cue in enumerate(found):  # matching is greedy in order: the prefix's gain is this cue's hit
                hits = claims_bench._cue_level(doc, found[:k + 1], gold)[0]
                tally.add(getattr(cue, "rule", None), hits > before)
                before = hits
            n += 1
    return n


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=ROOT, timeout=10).stdout.strip() or "?"
    except OSError:
        return "?"


def _fmt_p(t: Tally, name: str) -> str:
    p = t.precision(name)
    return "–" if p is None else f"{p:.2f} (n={t.n[name]})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report(registry, ex: Counter, rt: Counter, tally: Tally, sizes: dict, command: str, seconds: float) -> str:
    rules = registry.all()
    fired = Counter()
    for c in (ex, rt):
        for (_, name), k in c.items():
            fired[name] += k
    by_name_ex, by_name_rt = Counter(), Counter()
    for (_, name), k in ex.items():
        by_name_ex[name] += k
    for (_, name), k in rt.items():
        by_name_rt[name] += k
    lines = [
        "# Rules: how often each fires, and how often it is right",
        "",
        f"Measured by `{command}` at commit {_commit()} in {seconds:.0f} s. Generated: edit `benchmarks/rules.py`, "
        "not this file.",
        "",
        f"- examples: {sizes['examples']} documents ({', '.join(EXAMPLES)});",
        f"- Reuters: the first {sizes['reuters']} Reuters-21578 stories with a body"
        + ("" if sizes["reuters"] else " (absent: ../shared/corpora/reuters21578 not found)") + ";",
        f"- precision: PLOVER gold dev, {sizes['split']} positions ({sizes['gold']} records, the unread split), "
        "scored as `benchmarks/actors.py`/`events.py` score (event type through the CAMEO root; source/target "
        "by 3-letter code; a mention by its actor's code where it overlaps a gold actor's text; an uncoded "
        "actor is no answer); cue rules (speculation, condition) on the report halves of the FactBank and "
        f"WikiWeasel uncertainty dev sets ({sizes.get('cue_gold', 0)} sentences, `benchmarks/claims.py`'s halves "
        "and matching).",
        "",
        f"{len(rules)} rules registered; a firing is one record naming the rule "
        "(an event counts once per slot it decided).",
        "",
        "| rule | stage | kind | description | fires on examples | fires on Reuters | precision (unread split) | enabled |",
        "|---|---|---|---|---:|---:|---|---|",
    ]
    for r in sorted(rules, key=lambda r: (r.stage, r.kind, r.name)):
        lines.append(f"| `{r.name}` | {r.stage} | {r.kind} | {_cell(r.description)} | {by_name_ex[r.name]} | "
                     f"{by_name_rt[r.name]} | {_fmt_p(tally, r.name)} | {'yes' if registry.enabled(r.name) else 'no'} |")
    never = [r.name for r in rules if not fired[r.name]]
    unknown = sorted(n for n in {name for c in (ex, rt) for (_, name) in c} | set(tally.n) if n not in registry)
    lines += ["", f"## Registered, never fired on these corpora ({len(never)})", "",
              "A rule that removes a reading (a veto) leaves no name on a record, so it is listed here even "
              "when it acts.", ""]
    lines += [f"- `{n}`" for n in never] or ["(none)"]
    lines += ["", f"## Named on records, not registered ({len(unknown)}; must be none)", ""]
    lines += [f"- `{n}`" for n in unknown] or ["(none)"]
    weak = proposals(registry, tally)
    lines += ["", f"## Precision < {SWITCH_PRECISION} on n ≥ {SWITCH_MIN_N} (switch-off candidates, "
              "`--propose-switches`)", ""]
    lines += [f"- `{n}`: {_fmt_p(tally, n)}" for n, _ in weak] or ["(none)"]
    return "\n".join(lines) + "\n"


def proposals(registry, tally: Tally) -> list[tuple[str, str]]:
    out = []
    for name in sorted(tally.n):
        p = tally.precision(name)
        if name in registry and p is not None and tally.n[name] >= SWITCH_MIN_N and p < SWITCH_PRECISION \
                and registry.enabled(name):
            where = ("FactBank/WikiWeasel uncertainty dev, report halves" if registry[name].kind == "cue"
                     else "PLOVER gold dev odd positions")
            out.append((name, f"{name}\t0\t1\tprecision {p:.2f} on n={tally.n[name]}, {where} (benchmarks/rules.py)"))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuters", type=int, default=500, help="Reuters stories to count firings on (0: none)")
    ap.add_argument("--no-examples", action="store_true", help="skip the example corpus")
    ap.add_argument("--gold", type=Path, default=GOLD, help="PLOVER gold records (JSON list)")
    ap.add_argument("--split", choices=("odd", "even", "all"), default="odd",
                    help="gold positions to score (odd: the unread split)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "RULES.md",
                    help="markdown table to write ('-': print it)")
    ap.add_argument("--cue-limit", type=int, default=None, help="sentences per uncertainty set for cue precision")
    ap.add_argument("--propose-switches", action="store_true",
                    help="print rules.tsv lines switching off rules with poor precision")
    args = ap.parse_args(argv)

    from diplograph.pipeline import Pipeline  # registers every stage's rules
    from diplograph.records import Cue
    from diplograph.rules import REGISTRY

    t0 = time.perf_counter()
    pipe = Pipeline()
    count_cues = "rule" in {f.name for f in dataclasses.fields(Cue)} and bool(REGISTRY.all(kind="cue"))
    examples = [] if args.no_examples else example_documents()
    ex = firings(pipe, examples, count_cues) if examples else Counter()
    reuters = reuters_documents(args.reuters) if args.reuters and REUTERS.exists() else []
    rt = firings(pipe, reuters, count_cues) if reuters else Counter()
    tally, n_gold = gold_precision(pipe, args.gold, args.split) if args.gold.exists() else (Tally(), 0)
    n_cue_gold = cue_precision(pipe, tally, args.cue_limit) if args.split == "odd" else 0
    seconds = time.perf_counter() - t0
    command = "python benchmarks/rules.py" + (f" --reuters {args.reuters}" if args.reuters != 500 else "") + \
        (f" --split {args.split}" if args.split != "odd" else "")
    unknown = {name for c in (ex, rt) for (_, name) in c if name not in REGISTRY}
    fired = {name for c in (ex, rt) for (_, name) in c}
    weak = proposals(REGISTRY, tally)
    summary = (f"{len(REGISTRY.all())} rules registered; {len(fired & {r.name for r in REGISTRY.all()})} fire on "
               f"{len(examples)} example documents and {len(reuters)} Reuters stories; {len(unknown)} names on "
               f"records are not registered; precision on the unread splits ({n_gold} PLOVER gold records, "
               f"{n_cue_gold} uncertainty-cue sentences) for {len(tally.n)} rules; {len(weak)} below {SWITCH_PRECISION} on n ≥ {SWITCH_MIN_N}"
               + (f" ({', '.join(n for n, _ in weak)})" if weak else "") + ".")
    text = report(REGISTRY, ex, rt, tally,
                  {"examples": len(examples), "reuters": len(reuters), "gold": n_gold, "split": args.split,
                   "cue_gold": n_cue_gold}, command, seconds)
    # the page keeps the previous run's summary beside this one's: the baseline a change is read against
    previous = ""
    if str(args.out) != "-" and args.out.exists():
        previous = next((line for line in args.out.read_text(encoding="utf-8").splitlines()
                         if line.startswith("**This run** ")), "").replace("**This run** ", "**Previous run** ", 1)
    head, _, rest = text.partition("\n\n")
    text = f"{head}\n\n**This run** (commit {_commit()}): {summary}\n\n" + (f"{previous}\n\n" if previous else "") + rest
    if str(args.out) == "-":
        print(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out} ({len(REGISTRY.all())} rules, {seconds:.0f} s)", file=sys.stderr)
        print(summary + f" Table: `{args.out.name}`.")  # the Markdown section run_all.py collects
    if args.propose_switches:
        for _, line in proposals(REGISTRY, tally):
            print(line)
    if unknown:
        print(f"rule names on records that no rule registers: {sorted(unknown)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
