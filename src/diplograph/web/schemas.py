"""Typed shapes of the API's responses, for the OpenAPI description (``/openapi.json``, ``/docs``).

The models describe what ``queries`` returns; extra keys a later version adds pass through
(``extra="allow"``), so a reader written against these shapes keeps working.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(_Open):
    total: int = Field(description="Matches in all, before limit and offset.")
    limit: int
    offset: int


class DocumentSummary(_Open):
    id: str
    title: str | None
    source: str | None = Field(description="Where the document came from (a url, a feed name).")
    date: str | None = Field(description="The document's date, YYYY-MM-DD.")
    date_source: str | None = Field(description="How the date was found: input, dateline, option.")
    events: int = Field(description="Events found in the document.")
    actors: int = Field(description="Actors found in the document.")
    characters: int = Field(description="Length of the text.")
    snippet: str = Field(description="Text around the first match of q (else its start), cut at word boundaries.")


class DocumentList(Page):
    documents: list[DocumentSummary]
