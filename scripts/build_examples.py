"""Copy the example corpus from ../shared into examples/ (run once; the result is committed).

- examples/seed/: the seed article (shared/seed), a machine-translated commentary.
- examples/voa/: Voice of America stories (public domain; credit VOA; each keeps its url).
- examples/wikinews/: Wikinews articles 2019–2020 (CC BY 2.5; each credited by its url).
"""
from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

csv.field_size_limit(10**8)


def main(shared: Path, dest: Path = Path("examples")) -> None:
    (dest / "seed").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shared / "seed" / "000_32cb580131ed3d26.txt", dest / "seed" / "000_32cb580131ed3d26.txt")
    (dest / "voa").mkdir(exist_ok=True)
    with (shared / "corpora" / "voa" / "voa_stories.jsonl").open(encoding="utf-8") as src, \
            (dest / "voa" / "voa_stories.jsonl").open("w", encoding="utf-8") as out:
        for line in src:
            r = json.loads(line)
            out.write(json.dumps({"id": f"voa-{r['id']}", "text": r["text"], "date": r["published"][:10],
                                  "title": r["title"], "source": r["url"]}, ensure_ascii=False) + "\n")
    (dest / "wikinews").mkdir(exist_ok=True)
    with (dest / "wikinews" / "wikinews.jsonl").open("w", encoding="utf-8") as out:
        for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
            with (shared / "corpora" / "wikinews" / name).open(encoding="utf-8") as fh:
                for i, r in enumerate(csv.DictReader(fh)):
                    out.write(json.dumps({"id": f"wikinews-{name[9:13]}-{i:03d}", "text": r["text"],
                                          "date": r["date"], "title": r["title"], "source": r["url"]},
                                         ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
