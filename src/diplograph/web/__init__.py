"""The analyst's page and its read-only API: ``create_app(store)``; ``serve(store, host, port)``."""
from .server import LOOPBACK, serve

__all__ = ["LOOPBACK", "serve"]
