"""Input readers: text files, folders, JSONL files and stdin → ``Document`` records.

Bad input never stops a run: each problem is yielded as an ``InputError`` naming the
file (and line), and reading goes on with the rest.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError
from .records import Document

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def read_jsonl_lines(lines: Iterator[str], path: str) -> Iterator[Document | InputError]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError("E003", path=path, line=lineno, reason=exc.msg)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield InputError("E004", path=path, line=lineno)
            continue
        doc_id = str(obj.get("id") if obj.get("id") is not None else f"{Path(path).stem}:{lineno}")
        date = obj.get("date") or obj.get("published")
        yield Document(doc_id, obj["text"], str(date)[:10] if date else None, obj.get("title"),
                       obj.get("source") or obj.get("url"), f"{path}:{lineno}")


def read_text_file(path: Path) -> Document | InputError:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return InputError("E001", path=str(path))
    except OSError as exc:
        return InputError("E002", path=str(path), reason=exc.strerror or str(exc))
    if not raw.strip():
        return InputError("E005", path=str(path))
    if b"\x00" in raw[:4096]:
        return InputError("E006", path=str(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
    return Document(path.stem, text, None, None, None, str(path))


def iter_documents(paths: list[str]) -> Iterator[Document | InputError]:
    """Every document under ``paths`` (files, folders, JSONL, ``-`` for stdin), in order."""
    for p in paths:
        if p == "-":
            data = sys.stdin.read()
            if data.lstrip().startswith("{"):
                yield from read_jsonl_lines(iter(data.splitlines()), "<stdin>")
            elif data.strip():
                yield Document("stdin", data, None, None, None, "<stdin>")
            else:
                yield InputError("E005", path="<stdin>")
            continue
        path = Path(p)
        if not path.exists():
            yield InputError("E001", path=p)
        elif path.is_dir():
            for child in sorted(x for x in path.rglob("*") if x.is_file() and not x.name.startswith(".")):
                yield from _read_file(child)
        else:
            yield from _read_file(path)


def _read_file(path: Path) -> Iterator[Document | InputError]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            with path.open(encoding="utf-8", errors="replace") as fh:
                yield from read_jsonl_lines(fh, str(path))
        except OSError as exc:
            yield InputError("E002", path=str(path), reason=exc.strerror or str(exc))
    else:
        yield read_text_file(path)
