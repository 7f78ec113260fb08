"""What the model-training scripts share: the build alias articles run through the pipeline with a stage's
trace on, the arguments every trainer takes (``--write``, ``--cache``), the cache of collected groups and the
written model file.

Build articles: ``tests/actors/articles`` whose file name starts with one of the trainer's prefixes (never b1-b4,
never a validation or held-out set, whatever its file names).
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

# b1-b4 and the validation sets (i-l, u, v): never traced
NEVER = ("heldout", "fresh6", "fresh7", "fresh8", "fresh9", "fresh18", "fresh19")


def traced_articles(stage: ModuleType, prefixes: tuple[str, ...]) -> Iterator[tuple[dict, str, list]]:
    """Each build article (its file name starting with one of ``prefixes``): its gold record, its text and what
    ``stage.TRACE`` recorded while the pipeline read it."""
    from aliases import ARTICLES, load_gold

    from diplograph.pipeline import Pipeline
    from diplograph.records import Document

    pipe = Pipeline()
    for d in load_gold():
        if not d["article"].startswith(prefixes) or d["set"] in NEVER:
            continue
        text = (ARTICLES / d["article"]).read_text(encoding="utf-8")
        stage.TRACE = []
        try:
            pipe.analyze_one(Document(d["article"], text, d["date"]))
            trace = stage.TRACE
        finally:
            stage.TRACE = None
        yield d, text, trace


def arguments() -> argparse.ArgumentParser:
    """The parser every trainer starts from (it adds its own switches): ``--write`` the model file, ``--cache``
    the collected groups."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the collected groups (reused if present)")
    return ap


def load_or_collect(cache: Path | None, collect: Callable[[], list[dict]]) -> list[dict]:
    """The collected groups: read from the cache when it exists, else collected (and cached when asked)."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    out = collect()
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


def write_model(path: Path, model: dict[str, Any]) -> None:
    path.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
