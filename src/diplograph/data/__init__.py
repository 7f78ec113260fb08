"""Data files shipped with diplograph (see NOTICE.md in this folder for sources and licences)."""
from pathlib import Path

DATA_DIR = Path(__file__).parent


def data_path(*parts: str) -> Path:
    return DATA_DIR.joinpath(*parts)
