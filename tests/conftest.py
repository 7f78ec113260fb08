from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "examples" / "seed" / "000_32cb580131ed3d26.txt"


@pytest.fixture(scope="session")
def pipeline():
    from diplograph.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp():
    from diplograph import nlp as _nlp

    return _nlp.load()


def needs_shared(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent: the shared data folder must sit beside the repository")
    return p
