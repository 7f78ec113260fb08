"""Input readers: text files, folders, JSONL files and stdin → ``Document`` records.

Bad input never stops a run: each problem is yielded as an ``InputError`` naming the
file (and line), and reading goes on with the rest. Input hygiene happens here, once:
bytes are decoded (a legacy encoding is detected and noted as a warning), HTML pages
are reduced to their text, binary and non-English content is refused with a reason.
The text of a ``Document`` is the text after this step; every offset refers to it.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError, Warnings
from .records import Document
from .text.decode import clean_text, decode_bytes, looks_binary
from .text.html import extract_text, looks_like_html
from .text.language import non_english

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_FILE_BYTES = 256 * 1024 * 1024  # one document larger than this is refused, not read into memory


def _str_or_none(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


def make_document(doc_id: str, text: str, path: str, line: int | None = None, date: str | None = None,
                  title: str | None = None, source: str | None = None,
                  warnings: list[str] | None = None) -> Document | InputError:
    """A Document from decoded text, or the InputError that says why it cannot be one."""
    if not text.strip():
        return InputError("E005", path=path, line=line)
    lang = non_english(text)
    if lang is not None:
        return InputError("E013", path=path, line=line, lang=lang)
    where = f"{path}:{line}" if line is not None else path
    return Document(doc_id, text, date, title, source, where, list(warnings or []))


def read_jsonl_lines(lines: Iterable[str | bytes], path: str) -> Iterator[Document | InputError]:
    for lineno, line in enumerate(lines, 1):
        warnings: list[str] = []
        if isinstance(line, bytes):
            decoded = decode_bytes(line)
            if decoded is None:
                yield InputError("E006", path=path, line=lineno)
                continue
            if decoded.warning:
                warnings.append(Warnings.W001.format(detail=decoded.warning))
            line = decoded.text
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            reason = "nested too deeply"
            if isinstance(exc, json.JSONDecodeError):
                reason = f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
            yield InputError("E003", path=path, line=lineno, reason=reason)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield InputError("E004", path=path, line=lineno)
            continue
        raw_id = _str_or_none(obj.get("id"))
        doc_id = raw_id if raw_id else f"{Path(path).stem}:{lineno}"
        date = _str_or_none(obj.get("date") or obj.get("published"))
        yield make_document(clean_text(doc_id), clean_text(obj["text"]), path, lineno,
                            clean_text(date[:10]) if date else None, _clean(obj.get("title")),
                            _clean(obj.get("source") or obj.get("url")), warnings)


def _clean(value: object) -> str | None:
    s = _str_or_none(value)
    return clean_text(s) if s is not None else None


def document_from_bytes(raw: bytes, doc_id: str, path: str, hint: str | Path | None = None) -> Document | InputError:
    """Decode, extract HTML, check: the one path every whole-file input takes."""
    if not raw.strip():
        return InputError("E005", path=path)
    decoded = decode_bytes(raw)
    if decoded is None:
        return InputError("E006", path=path)
    warnings = [Warnings.W001.format(detail=decoded.warning)] if decoded.warning else []
    text, title = decoded.text, None
    if looks_like_html(text, hint):
        text, title = extract_text(text)
        warnings.append(Warnings.W002)
        if not text.strip():
            return InputError("E014", path=path, reason="an HTML page with no text")
    return make_document(doc_id, text, path, title=title, warnings=warnings)


def read_text_file(path: Path) -> Document | InputError:
    try:
        if not path.exists():
            return InputError("E001", path=str(path))
        if not path.is_file():
            return InputError("E015", path=str(path))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return InputError("E016", path=str(path), size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024))
        raw = path.read_bytes()
    except FileNotFoundError:
        return InputError("E001", path=str(path))
    except (OSError, ValueError) as exc:
        return InputError("E002", path=str(path), reason=getattr(exc, "strerror", None) or str(exc))
    return document_from_bytes(raw, path.stem, str(path), path)


def iter_documents(paths: list[str]) -> Iterator[Document | InputError]:
    """Every document under ``paths`` (files, folders, JSONL, ``-`` for stdin), in order."""
    for p in paths:
        if p == "-":
            yield from _read_stdin()
            continue
        path = Path(p)
        try:
            exists, is_dir = path.exists(), path.is_dir()
        except (OSError, ValueError) as exc:
            yield InputError("E002", path=p, reason=getattr(exc, "strerror", None) or str(exc))
            continue
        if not exists:
            yield InputError("E001", path=p)
        elif is_dir:
            yield from _read_folder(path)
        else:
            yield from _read_file(path)


def _read_folder(path: Path) -> Iterator[Document | InputError]:
    try:
        # Hidden files and folders are skipped; FIFOs, sockets and broken links are named (E015).
        children = sorted(x for x in path.rglob("*")
                          if not any(part.startswith(".") for part in x.relative_to(path).parts) and not x.is_dir())
    except OSError as exc:
        yield InputError("E002", path=str(path), reason=exc.strerror or str(exc))
        return
    for child in children:
        yield from _read_file(child)


def _read_stdin() -> Iterator[Document | InputError]:
    raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8", "surrogatepass")
    if raw.lstrip().startswith(b"{"):
        yield from read_jsonl_lines(raw.splitlines(), "<stdin>")
    else:
        yield document_from_bytes(raw, "stdin", "<stdin>")


def _read_file(path: Path) -> Iterator[Document | InputError]:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        yield read_text_file(path)
        return
    try:
        if not path.is_file():
            yield InputError("E015", path=str(path))
            return
        with path.open("rb") as fh:
            head = fh.read(4096)
            if looks_binary(head):
                yield InputError("E006", path=str(path))
                return
            fh.seek(0)
            yield from read_jsonl_lines(fh, str(path))
    except OSError as exc:
        yield InputError("E002", path=str(path), reason=exc.strerror or str(exc))
