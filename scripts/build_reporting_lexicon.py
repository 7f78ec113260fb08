"""Fill the ``p`` column of ``data/lexicons/attribution/reporting.tsv`` from the PolNeAR train split.

    .venv/bin/python scripts/build_reporting_lexicon.py [--missing]

For every entry of the reporting lexicon, ``p`` = of the tokens where the entry fires (its lemma
and part of speech, a frame that can hold content), the share inside a gold attribution Cue span
of the PolNeAR *train* split (research-only, ``../shared/data/dev/polnear/train``; only the
figures are written). Entries seen fewer than ``MIN_SEEN`` times keep an empty ``p`` (their kind's
default). The dev split is never read here. ``--missing`` lists frequent gold cue lemmas that the
lexicon lacks, for a person to judge (never added automatically).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
TRAIN = ROOT.parent / "shared" / "data" / "dev" / "polnear" / "train"
MIN_SEEN = 5


def gold_cues(ann: Path) -> list[tuple[int, int]]:
    out = []
    for line in ann.open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if parts[0].startswith("T") and len(parts) >= 2 and parts[1].startswith("Cue "):
            for piece in parts[1][4:].split(";"):
                s, e = piece.split()
                out.append((int(s), int(e)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--missing", action="store_true")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    from diplograph import nlp as nlp_mod
    from diplograph.claims import lexicons
    from diplograph.data import data_path

    files = sorted((TRAIN / "text").glob("*.txt"))[: args.limit]
    fired: Counter = Counter()
    hit: Counter = Counter()
    seen: Counter = Counter()  # the entry's word, whatever its frame
    seen_hit: Counter = Counter()
    missing: Counter = Counter()
    nlp = nlp_mod.load()
    texts = (f.read_text(encoding="utf-8") for f in files)
    for f, doc in zip(files, nlp.pipe(texts, batch_size=16)):
        anns = sorted((TRAIN / "attributions").glob(f.stem + "*.ann"))
        if not anns:
            continue
        gold = gold_cues(anns[0])
        inside = {t.i for t in doc for s, e in gold if s <= t.idx < e}
        for t in doc:
            pos = "VERB" if t.pos_ in ("VERB", "AUX") else t.pos_
            entries = lexicons.reporting_lexicon().get((t.lemma_.lower(), pos), [])
            e = next((e for e in entries if e.particle is None or lexicons._has_particle(t, e.particle)), None)
            key = (e.lemma + (" " + e.particle if e.particle else ""), e.pos) if e is not None else None
            if key is not None and t.dep_ not in ("aux", "auxpass"):
                seen[key] += 1
                seen_hit[key] += t.i in inside
            if e is not None and lexicons.content_frame(t, e.frames) is not None:
                fired[key] += 1
                hit[key] += t.i in inside
            elif t.i in inside and t.pos_ in ("VERB", "NOUN") and t.dep_ != "aux":
                missing[(t.lemma_.lower(), pos)] += 1
    path = data_path("lexicons", "attribution", "reporting.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        cols = line.split("\t")
        if line.startswith("#") or cols[0] == "lemma" or len(cols) != 6:
            out.append(line)
            continue
        key = (cols[0], cols[1])
        cols[4] = f"{hit[key] / fired[key]:.2f}" if fired[key] >= MIN_SEEN else ""
        cols[5] = f"{seen_hit[key] / seen[key]:.2f}" if seen[key] >= MIN_SEEN else ""
        out.append("\t".join(cols))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(files)} train articles; {sum(1 for k in fired if fired[k] >= MIN_SEEN)} entries measured")
    if args.missing:
        for (lemma, pos), n in missing.most_common(150):
            print(f"{n}\t{lemma}\t{pos}")


if __name__ == "__main__":
    main()
