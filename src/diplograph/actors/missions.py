"""Peacekeeping and monitoring missions of one host state (``data/kb/missions.tsv``).

A mission that reports violence it saw (``the monitoring mission observed explosions near X``) tells
where the violence happened even when the text names only a village the gazetteer does not know: in
the mission's host state, while its mandate ran. The actor stage's late pass reads this for a witnessed
act with no located state (``source.mission_host``, ``actors.event_located``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import table


@dataclass(frozen=True)
class Mission:
    form: str
    state: str
    start: str  # ISO date
    end: str | None  # ISO date; None: still deployed

    def deployed(self, day: str | None) -> bool:
        """Deployed on that ISO day (an unknown day: any day of the mandate)."""
        if not day:
            return True
        d = day[:10]
        return self.start <= d and (self.end is None or d <= self.end)


@lru_cache(maxsize=1)
def _missions() -> tuple[re.Pattern[str], dict[str, list[Mission]]]:
    by_form: dict[str, list[Mission]] = {}
    for r in table("kb", "missions.tsv"):
        by_form.setdefault(r["form"], []).append(Mission(r["form"], r["state"], r["start"], r["end"] or None))
    # longest forms first, whole words, as written (acronyms are upper case)
    forms = sorted(by_form, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b"), by_form


def mission_state(text: str, day: str | None) -> str | None:
    """The one host state of the missions deployed on ``day`` that ``text`` names, else None."""
    pattern, by_form = _missions()
    states = {m.state for hit in pattern.finditer(text) for m in by_form[hit.group(0)] if m.deployed(day)}
    return states.pop() if len(states) == 1 else None
