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
