"""The exception hierarchy and the catalogue of error messages.

Every error a user can meet has a code (``E001`` …) and an actionable message. Errors
carry their context (file, line) and are rendered in one place: :func:`render`.
"""
from __future__ import annotations


class Errors:
    E001 = "file not found"
    E002 = "cannot read file ({reason})"
    E003 = "line is not valid JSON ({reason})"
    E004 = "line has no \"text\" field; each line must be an object with \"id\" and \"text\""
    E005 = "empty document"
    E006 = "binary content, not text"
    E007 = "unreadable dictionary line: {reason}"
    E008 = "invalid date {value!r}: use YYYY-MM-DD"
    E009 = "unknown {what} {value!r}; valid options: {options}"
    E010 = "spaCy model {model!r} is not installed; run `make setup`"
    E011 = "store written by schema version {found}, newer than this diplograph ({expected}); upgrade diplograph"
    E012 = "no actor matches {query!r}"
    E013 = "document is not in English (detected {lang}); skipped"
    E014 = "invalid input: {reason}"
    E015 = "not a regular file; pass a text, HTML or JSONL file, a folder, or - for stdin"
    E016 = "file is {size} MB, over the {limit} MB limit for one document; split it or pass it as JSONL"
    E017 = "internal error ({reason}); run again with --verbose for the traceback"
    E018 = "cannot write here ({reason})"
    # engines (E040–E049)
    E040 = "analysis failed ({reason}); the document is recorded as failed and the run goes on"
    E041 = "cannot reach the Dask scheduler at {address} ({reason}); check the address (tcp://HOST:8786)"


class Warnings:
    """Things a user should know about an input that was still read."""

    W001 = "[W001] {detail}"
    W002 = "[W002] HTML page: its extracted text is the document text (offsets refer to it)"
    W005 = ("[W005] {path}: codes outside CAMEO are passed through as given, without Goldstein value, "
            "quad class or PLOVER type: {codes}")


class DiplographError(Exception):
    """Base error: a catalogue code, a message and where it happened."""

    code = "E000"

    def __init__(self, code: str, path: str | None = None, line: int | None = None, **kwargs: object):
        self.code = code
        self.path = path
        self.line = line
        self.message = getattr(Errors, code).format(path=path, line=line, **kwargs)
        super().__init__(render(self))

    @property
    def where(self) -> str:
        """``path`` or ``path:line``: the key of this failure in the store."""
        if self.line is not None:
            return f"{self.path}:{self.line}"
        return self.path or "?"


class InputError(DiplographError):
    """A document, file or line that cannot be read."""


class DictionaryError(DiplographError):
    """A line of a PETRARCH/Phoenix dictionary that cannot be parsed."""


class StoreError(DiplographError):
    """The store cannot be opened, migrated or queried."""


class UsageError(DiplographError):
    """A wrong option value on the command line or in the API."""


def render(err: DiplographError) -> str:
    """One line: ``path:line: [code] message``."""
    where = ""
    if err.path is not None:
        where = f"{err.path}:{err.line}: " if err.line is not None else f"{err.path}: "
    return f"{where}[{err.code}] {err.message}"
