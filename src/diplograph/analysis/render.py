"""Readable terminal output of the system view and of one dyad (rich tables)."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

_SIGN = {1: "+", -1: "−", None: "·"}


def print_system(console: Console, s: dict[str, Any], rows: int | None = None) -> None:
    """Every listed dyad and triad (``rows`` caps them), and how many there are in all."""
    b = s["balance"]
    totals = s.get("totals") or {}
    shown = len(s["dyads"]) if rows is None else min(rows, len(s["dyads"]))
    of = f" of {totals['dyads']}" if totals.get("dyads", shown) > shown else ""
    level = s.get("level", "actor")
    console.print(f"{'States' if level == 'state' else 'Actors'}: {len(s['actors'])}; dyads: {shown} shown{of}; "
                  f"signed network: {b['edges']} edges, "
                  f"{b['triads']} triads ({b['balanced_triads']} balanced), frustration index {b['frustration']}"
                  f"{'' if b['exact'] else ' (upper bound)'}", highlight=False)
    t = Table(title=f"Dyads at {level} level (source → target), most active first", title_justify="left")
    for col in ("source", "target", "events", "coop v/m", "conflict v/m", "goldstein", "mean", "sign", "trend"):
        t.add_column(col, overflow="fold")
    for d in s["dyads"][:shown]:
        q = list(d["quad"].values())
        t.add_row(d["names"][0], d["names"][1], str(d["events"]), f"{q[0]}/{q[1]}", f"{q[2]}/{q[3]}",
                  f"{d['goldstein']:+.1f}", "" if d["goldstein_mean"] is None else f"{d['goldstein_mean']:+.1f}",
                  _SIGN[d["sign"]], d["trend"] or "")
    console.print(t)
    t = Table(title="Triads (signs ab, bc, ac)", title_justify="left")
    for col in ("actors", "signs", "balanced", "reading"):
        t.add_column(col, overflow="fold")
    for tr in s["triads"][:rows]:
        t.add_row(" / ".join(tr["names"]), " ".join(_SIGN[x] for x in tr["signs"]), "yes" if tr["balanced"] else "no",
                  tr["reading"])
    console.print(t)
    if totals.get("unplaced_events"):
        console.print(f"Left out at state level: {totals['unplaced_events']} events of a person or sector actor "
                      "whose state the texts do not give.", highlight=False)
    if any(d["events"] for d in s.get("domestic") or []):
        what = "within one state" if level == "state" else "between an actor and its own state"
        console.print(f"Domestic events ({what}; no dyad, no triad): " + "; ".join(
            f"{d['name']} {d['events']} (Goldstein {d['goldstein']:+.1f})" for d in s["domestic"] if d["events"]),
            highlight=False)


def print_dyad(console: Console, d: dict[str, Any]) -> None:
    if d.get("domestic"):
        console.print(f"{d['a']['name']} and {d['b']['name']}: domestic (an actor and its own state, or one state); "
                      "not a relation, no sign", highlight=False)
    elif "sign" in d:
        console.print(f"{d['a']['name']} – {d['b']['name']}: sign {_SIGN[d['sign']]}", highlight=False)
    for key, (x, y) in (("a_to_b", (d["a"], d["b"])), ("b_to_a", (d["b"], d["a"]))):
        part = d[key]
        tr = part["trend"]
        trend = tr["direction"] or "n/a"
        if tr["change_point"]:
            cp = tr["change_point"]
            trend += f"; change at {cp['period']}: {cp['before']:+.1f} → {cp['after']:+.1f}"
        t = Table(title=f"{x['name']} → {y['name']}: {part['events']} events, Goldstein {part['goldstein']:+.1f}, "
                        f"trend {trend}", title_justify="left")
        for col in ("period", "events", "v.coop", "m.coop", "v.conf", "m.conf", "goldstein", "mean", "excluded"):
            t.add_column(col)
        for p in part["series"]:
            t.add_row(p["period"] or "undated", str(p["events"]), *(str(v) for v in p["quad"].values()), f"{p['goldstein']:+.1f}",
                      "" if p["goldstein_mean"] is None else f"{p['goldstein_mean']:+.1f}", str(p["excluded"]))
        console.print(t)
    if d["evidence"]:
        console.print("Evidence (most reported first):")
        names = {d["a"]["id"]: d["a"]["name"], d["b"]["id"]: d["b"]["name"]}
        for e in d["evidence"]:
            console.print(f"  {e['date'] or 'undated'} {names[e['a']]} → {names[e['b']]} {e['cameo']} {e['plover'] or ''} "
                          f"{e['modality']} ×{e['mentions']}: {' '.join(e['evidence'].split())}", markup=False,
                          highlight=False)
