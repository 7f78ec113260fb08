"""Run the app with uvicorn: loopback by default, quiet, bounded."""
from __future__ import annotations

from pathlib import Path

LOOPBACK = "127.0.0.1"


def serve(store: str | Path, host: str = LOOPBACK, port: int = 8765) -> None:
    import uvicorn

    from .app import create_app

    app = create_app(store)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, limit_concurrency=64,
                h11_max_incomplete_event_size=16 * 1024, timeout_keep_alive=5)
