"""An on-disk cache of structures built from the shipped data files.

Building the default knowledge base from the Phoenix dictionaries (65,000 lines) takes
about three times as long as reading back the pickled result, and every ``ingest`` or
``analyze`` process starts by building it. The cache file's name carries a key made of the
package version and the size and modification time of every source (the data files and the
modules whose classes are pickled), so an edited data file or module builds afresh.

Where: ``$DIPLOGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/diplograph``, else
``~/.cache/diplograph``. ``DIPLOGRAPH_CACHE_DIR=off`` turns the cache off. A cache that
cannot be read or written is rebuilt or skipped silently: it only ever saves time.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    env = os.environ.get("DIPLOGRAPH_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "diplograph"


def source_key(sources: Iterable[Path]) -> str:
    h = hashlib.sha1(__version__.encode())
    for p in sorted(sources):
        try:
            st = p.stat()
        except OSError:
            continue
        h.update(f"{p.name}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier process when no source changed."""
    folder = cache_dir()
    if folder is None:
        return build()
    # one file per name and installation: two checkouts or virtual environments do not evict
    # each other's files; a new key replaces only the same installation's older file
    name = f"{name}-{hashlib.sha1(str(Path(__file__).resolve().parent).encode()).hexdigest()[:8]}"
    path = folder / f"{name}-{source_key(sources)}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, truncated or from another layout: build it again
        pass
    value = build()
    _store(path, name, value)
    return value


def _store(path: Path, name: str, value: object) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the whole new one
        tmp = None
        for old in path.parent.glob(f"{name}-*.pickle"):  # older keys are never read again
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # read-only home, full disk, unpicklable value: go on without the cache
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
