"""An ASGI middleware that keeps the server read-only and bounded, and sets safe headers.

Only GET and HEAD pass (anything else: 405); a request with a body or an over-long URL is
refused; HEAD is answered as GET without the body; every response forbids inline scripts.
"""
from __future__ import annotations

from typing import Any

MAX_URL = 4096
MAX_BODY = 0
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
# The Swagger UI page boots with one inline script of FastAPI's; it alone gets that allowance.
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
           (b"x-frame-options", b"DENY"), (b"cross-origin-resource-policy", b"same-origin")]


class Guard:
    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method not in ("GET", "HEAD"):
            await _refuse(send, 405, b"only GET and HEAD are answered: this server is read-only\n",
                          [(b"allow", b"GET, HEAD")])
            return
        if len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") > MAX_URL:
            await _refuse(send, 414, b"URL too long\n")
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        if b"transfer-encoding" in headers or not length.isdigit() or int(length) > MAX_BODY:
            await _refuse(send, 413, b"requests carry no body here\n")
            return
        head = method == "HEAD"
        if head:
            scope = dict(scope, method="GET")
        csp = DOCS_CSP if scope["path"] == "/docs" else CSP

        async def guarded_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message = dict(message, headers=list(message.get("headers") or []) + HEADERS
                               + [(b"content-security-policy", csp.encode())])
            elif message["type"] == "http.response.body" and head:
                message = dict(message, body=b"")
            await send(message)

        await self.app(scope, receive, guarded_send)


async def _refuse(send: Any, status: int, body: bytes, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())] + HEADERS + (extra or [])})
    await send({"type": "http.response.body", "body": body})
