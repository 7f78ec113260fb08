"""Benchmark texts: Reuters-21578 from ../shared when present, else the bundled examples.

Reuters is research-only: it is read from the shared folder beside the repository and
never copied into it.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"
CORPORA = ROOT.parent / "shared" / "corpora"
ACLED_DEV = ROOT.parent / "shared" / "data" / "dev" / "acled_2020_dev.csv"
ARTICLES = ROOT / "tests" / "actors" / "articles"
# the alias articles whose sets may be read (benchmarks/aliases.py READABLE_ARTICLES); validation sets are left out
READABLE_ARTICLES = ("a", "c", "d", "e", "f", "g", "h", "m", "n", "o", "p", "q", "r")

_STORY = re.compile(r"<REUTERS\b[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_FIELD = {k: re.compile(rf"<{k}>(.*?)</{k}>", re.S) for k in ("DATE", "TITLE", "BODY")}


def _field(name: str, story: str) -> str | None:
    m = _FIELD[name].search(story)
    return html.unescape(m.group(1)).strip() if m else None


def reuters_stories() -> Iterator[dict]:
    """Stories with a body, in file order: {"id", "title", "date", "text"}."""
    for sgm in sorted(REUTERS.glob("reut2-*.sgm")):
        raw = sgm.read_bytes().decode("latin-1")
        for m in _STORY.finditer(raw):
            body = _field("BODY", m.group(2))
            if not body or len(body.split()) < 40:
                continue
            body = body.replace("\x03", "").replace(" Reuter", "").strip()
            date = _field("DATE", m.group(2))
            iso = None
            if date:
                try:
                    iso = datetime.strptime(date.split()[0], "%d-%b-%Y").date().isoformat()
                except ValueError:
                    iso = None
            yield {"id": f"reuters-{m.group(1)}", "title": _field("TITLE", m.group(2)), "date": iso, "text": body}


def example_stories() -> Iterator[dict]:
    import json

    for f in sorted((ROOT / "examples").rglob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                yield {"id": str(obj.get("id")), "title": obj.get("title"), "date": obj.get("date"), "text": obj["text"]}


def mixed_stories(n: int) -> tuple[str, list[dict]]:
    """A mixed corpus for the actor rules: every readable alias article (build sets only), then VOA stories,
    Wikinews 2020 stories and ACLED notes of the build half (sha1 of ``event_id_cnty`` even) in turn, up to ``n``
    documents in all (``n`` below the number of articles: the first ``n`` articles)."""
    import csv
    import hashlib
    import json

    gold = [json.loads(x) for x in (ARTICLES / "gold.jsonl").read_text(encoding="utf-8").splitlines()[1:] if x.strip()]
    out = [{"id": g["article"], "title": None, "date": g.get("date"),
            "text": (ARTICLES / g["article"]).read_text(encoding="utf-8")}
           for g in gold if g["article"][0] in READABLE_ARTICLES and (ARTICLES / g["article"]).exists()][:n]
    voa = [json.loads(x) for x in (CORPORA / "voa" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()
           if x.strip()]
    voa = [{"id": f"voa-{v['id']}", "title": v.get("title"), "date": (v.get("published") or "")[:10] or None,
            "text": v["text"]} for v in voa if v.get("text")]
    with (CORPORA / "wikinews" / "wikinews_2020.csv").open(encoding="utf-8", newline="") as f:
        wiki = [{"id": f"wikinews-{i}", "title": r["title"], "date": r["date"] or None, "text": r["text"]}
                for i, r in enumerate(csv.DictReader(f)) if r.get("text")]
    with ACLED_DEV.open(encoding="utf-8", newline="") as f:
        acled = [{"id": f"acled-{r['event_id_cnty']}", "title": None,
                  "date": datetime.strptime(r["event_date"], "%d-%b-%y").date().isoformat(), "text": r["notes"]}
                 for r in csv.DictReader(f)
                 if r.get("notes") and hashlib.sha1(r["event_id_cnty"].encode()).digest()[0] % 2 == 0]
    sources = [voa, wiki, acled]
    i = 0
    while len(out) < n and any(i < len(s) for s in sources):
        for s in sources:
            if i < len(s) and len(out) < n:
                out.append(s[i])
        i += 1
    return f"mixed ({sum(1 for d in out if '.txt' in d['id'])} alias articles, VOA, Wikinews, ACLED build half)", out


def stories(n: int) -> tuple[str, list[dict]]:
    """The first ``n`` stories and the corpus name (examples cycle when they run out)."""
    if REUTERS.exists():
        out = []
        for s in reuters_stories():
            out.append(s)
            if len(out) >= n:
                break
        return "Reuters-21578", out
    pool = list(example_stories())
    out = [dict(pool[i % len(pool)], id=f"{pool[i % len(pool)]['id']}-{i}") for i in range(n)]
    return "bundled examples", out
