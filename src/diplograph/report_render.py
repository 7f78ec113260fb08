"""One report, three forms: a terminal (rich), Markdown and HTML files to share.

Each renders the same :class:`report.Report`: the title and date, the summary (every point with
its evidence sentences), then the tables and notes. Text from the document is data: in HTML it
is always escaped, in Markdown its table-breaking characters are.
"""
from __future__ import annotations

import html

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from .report import Report

# The evidence column gets the room on a terminal: names and codes are short.
_RATIOS = {"evidence": 6, "reading": 5, "mentions (method, confidence)": 4, "event": 3, "source": 2, "target": 2,
           "where": 2, "claim": 2, "a": 2, "b": 2, "actors": 2}
_MIN_WIDTH = {"date": 10, "conf": 4, "Goldstein": 5, "sign": 4}


def print_rich(console: Console, r: Report) -> None:
    console.rule(Text(r.title))
    for m in r.meta:
        console.print(Text(m))
    for heading, points in r.summary:
        console.print(Text(heading, style="bold"))
        for p in points:
            indent = "  " * (p.level + 1)
            console.print(Text(f"{indent}• {p.text}"))
            for s in p.evidence:
                console.print(Text(f"{indent}    “{s}”", style="dim"))
    for t in r.tables:
        table = RichTable(title=t.title, expand=t.title in ("Events", "Relations", "Triads"), show_lines=False)
        for col in t.columns:
            if col in _MIN_WIDTH:  # short fixed values: their own width, never wrapped
                table.add_column(col, no_wrap=True, min_width=_MIN_WIDTH[col])
            else:
                table.add_column(col, ratio=_RATIOS.get(col, 1))
        for row in t.rows:
            table.add_row(*(Text(c) for c in row))
        console.print(table)
    for n in r.notes:
        console.print(Text(n, style="yellow" if n.startswith("warning") else ""))


def md_text(s: str) -> str:
    """Document text as Markdown text: its own markup characters (a redaction's ``**``) are escaped."""
    out = " ".join(s.split()).replace("\\", "\\\\")
    for c in "*_`<>[]#":
        out = out.replace(c, "\\" + c)
    return out


def _md_cell(s: str) -> str:
    return md_text(s).replace("|", "\\|")


def to_markdown(r: Report) -> str:
    out = [f"# {r.title}", ""] + [f"{m}  " for m in r.meta] + [""]
    if r.summary:
        out += ["## Summary", ""]
        for heading, points in r.summary:
            out += [f"### {heading}", ""]
            for p in points:
                pad = "  " * p.level
                out.append(f"{pad}- {md_text(p.text)}")
                out += [f"{pad}  > {md_text(s)}" for s in p.evidence]
            out.append("")
    for t in r.tables:
        out += [f"## {t.title}", "", "| " + " | ".join(t.columns) + " |", "|" + "---|" * len(t.columns)]
        out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in t.rows]
        out.append("")
    out += [f"{n}  " for n in r.notes]
    return "\n".join(out).rstrip() + "\n"


_STYLE = ("body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.4}"
          "table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;"
          "vertical-align:top;text-align:left}blockquote{margin:.2rem 0 .4rem 1.5rem;color:#555;font-style:italic}"
          "li{margin-top:.4rem}")


def to_html(reports: list[Report]) -> str:
    """One HTML page of the reports (one per document), self-contained (no script, no outside file)."""
    title = reports[0].title if len(reports) == 1 else f"{len(reports)} documents"
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">', f"<title>{html.escape(title)}</title>",
           f"<style>{_STYLE}</style></head><body>"]
    for r in reports:
        out += _html_report(r)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_report(r: Report) -> list[str]:
    e = html.escape
    out = [f"<section><h1>{e(r.title)}</h1>"]
    out += [f"<p>{e(m)}</p>" for m in r.meta]
    if r.summary:
        out.append("<h2>Summary</h2>")
        for heading, points in r.summary:
            out += [f"<h3>{e(heading)}</h3>", "<ul>"]
            for p in points:
                quotes = "".join(f"<blockquote>{e(s)}</blockquote>" for s in p.evidence)
                style = ' style="margin-left:1.5rem"' if p.level else ""
                out.append(f"<li{style}>{e(p.text)}{quotes}</li>")
            out.append("</ul>")
    for t in r.tables:
        out += [f"<h2>{e(t.title)}</h2>", "<table><thead><tr>" + "".join(f"<th>{e(c)}</th>" for c in t.columns)
                + "</tr></thead><tbody>"]
        out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in t.rows]
        out.append("</tbody></table>")
    out += [f"<p>{e(n)}</p>" for n in r.notes]
    out.append("</section>")
    return out
