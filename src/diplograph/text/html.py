"""HTML → text. The extracted text *is* the document text: offsets refer to it.

Only the standard library's tolerant parser is used. Scripts, styles and other
non-content elements are dropped; block elements end a paragraph; character references
are decoded; runs of whitespace inside a paragraph become one space.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "nav", "footer", "aside"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "figcaption", "main", "aside",
          "nav", "form", "title", "body"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_SNIFF = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                    re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str, path: str | Path | None = None) -> bool:
    if path is not None and Path(path).suffix.lower() in HTML_SUFFIXES:
        return True
    return bool(_SNIFF.match(text[:4096]))


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.title: list[str] = []
        self.in_title = False

    def _end_paragraph(self) -> None:
        words = " ".join("".join(self.current).split())
        if words:
            self.paragraphs.append(words)
        self.current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
        if tag in _BLOCK:
            self._end_paragraph()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK:
            self._end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self.current.append(data)


def extract_text(html: str) -> tuple[str, str | None]:
    """(text, title): paragraphs separated by blank lines; the <title>, if any."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._end_paragraph()
    title = " ".join("".join(parser.title).split()) or None
    return "\n\n".join(parser.paragraphs), title
