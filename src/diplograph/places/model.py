"""A place name of the text and what the places stage made of it (shared by finding and reading)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Place


@dataclass(eq=False)
class Toponym:
    """A place name in the text and the entry it was resolved to (None: unknown to the gazetteer)."""

    start: int  # token span [start, end)
    end: int
    text: str
    start_char: int
    end_char: int
    candidates: list[tuple[Place, bool]]  # (entry, by its own name)
    rule: str
    level_wanted: int | None = None  # 1/2 from an area word, 3 from a settlement word, None: no word
    place: Place | None = None
    confidence: float = 0.0
    container: "Toponym | None" = None  # "X, Y" / "X of Y": the place the text puts X in
    stands_for_actor: bool = False  # "Moscow said": the government, not where something happened
    features: dict[str, float] = field(default_factory=dict)
    is_container: bool = False  # another name is put in this one
    generic: bool = False  # only a compass word ("Ouest", "Central"): names a region of many states
    original: tuple[int, int] | None = None  # offsets already in the original text (a mention's), if no span here
