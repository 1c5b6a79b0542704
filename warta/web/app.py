"""The ``warta serve`` application: pages, JSON API, static assets and the security envelope.

Read-only by default. ``POST /api/articles`` exists only when the app is built with
``allow_ingest=True`` and a bearer token. Every response carries a strict CSP
(no inline script), and request bodies and page sizes are bounded.

Example:
    >>> app = create_app("warta.db")               # doctest: +SKIP
    >>> serve("warta.db", host="127.0.0.1", port=8000)  # doctest: +SKIP
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import InputError, WartaError
from . import api, pages
from .render import render

STATIC_DIR = Path(__file__).parent / "static"
#: The largest request body accepted (an article of DEFAULT_MAX_CHARS characters as JSON fits).
MAX_BODY_BYTES = 4 * 1024 * 1024
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
#: Sent with every response. No inline script or style anywhere; data travels in
#: ``<script type="application/json">`` blocks, which are never executed.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


class SecurityEnvelope:
    """ASGI middleware: adds the security headers and refuses bodies over ``max_body``.

    Written as plain ASGI (not ``BaseHTTPMiddleware``) so that it costs nothing per request
    and also bounds chunked bodies that carry no Content-Length.
    """

    def __init__(self, app: ASGIApp, *, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > self.max_body):
                await _too_large(send)
                return
        seen = 0

        async def bounded_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLarge()
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k not in _HEADER_NAMES]
                message = {**message, "headers": headers + list(SECURITY_HEADERS)}
            await send(message)

        try:
            await self.app(scope, bounded_receive, send_with_headers)
        except _BodyTooLarge:
            await _too_large(send_with_headers)


_HEADER_NAMES = {k for k, _ in SECURITY_HEADERS}


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Send) -> None:
    body = b'{"detail":"request body too large"}'
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


def routes(*, allow_ingest: bool) -> list[BaseRoute]:
    """Every route of the app, in one list (pages, then API, then static files)."""
    html = {"methods": ["GET"], "include_in_schema": False, "response_class": HTMLResponse}
    out: list[BaseRoute] = [
        APIRoute("/", pages.events_page, name="events", **html),
        APIRoute("/events/{event_id:path}", pages.event_page, name="event", **html),
        APIRoute("/articles/{article_id:path}", pages.article_page, name="article", **html),
        APIRoute("/actors", pages.actors_page, name="actors", **html),
        APIRoute("/actors/{key:path}", pages.actor_page, name="actor", **html),
        APIRoute("/timeline", pages.timeline_page, name="timeline", **html),
        APIRoute("/map", pages.map_page, name="map", **html),
        APIRoute("/network", pages.network_page, name="network", **html),
        APIRoute("/export/events.csv", pages.export_csv, name="export_csv", methods=["GET"], include_in_schema=False),
        APIRoute("/export/events.geojson", pages.export_geojson, name="export_geojson", methods=["GET"],
                 include_in_schema=False),
        APIRoute("/api/docs", pages.api_docs_page, name="api_docs", **html),
        APIRoute("/api/events", api.events, methods=["GET"], tags=["events"]),
        APIRoute("/api/events/{event_id:path}", api.event, methods=["GET"], tags=["events"]),
        APIRoute("/api/articles/{article_id:path}", api.article, methods=["GET"], tags=["articles"]),
        APIRoute("/api/actors", api.actors, methods=["GET"], tags=["actors"]),
        APIRoute("/api/actors/{key:path}", api.actor, methods=["GET"], tags=["actors"]),
        APIRoute("/api/timeline", api.timeline, methods=["GET"], tags=["aggregates"]),
        APIRoute("/api/map", api.map_points, methods=["GET"], tags=["aggregates"]),
        APIRoute("/api/network", api.network, methods=["GET"], tags=["aggregates"]),
        APIRoute("/api/stats", api.stats, methods=["GET"], tags=["aggregates"]),
    ]
    if allow_ingest:
        out.append(APIRoute("/api/articles", api.ingest_article, methods=["POST"], tags=["articles"],
                            status_code=201))
    out.append(Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"))
    return out


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") and request.url.path != "/api/docs"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return HTMLResponse(render("error.html", request=request, status=status, message=message), status_code=status)


def create_app(db: str, *, allow_ingest: bool = False, token: str | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """Build the app over the store at ``db`` (a file path, ``sqlite:///…`` or ``postgresql://…``).

    ``allow_ingest`` adds ``POST /api/articles``, which needs ``token`` (sent as
    ``Authorization: Bearer <token>``). ``allowed_hosts`` restricts the Host header
    (``serve`` sets it to the loopback names when bound to loopback, against DNS rebinding).
    """
    from ..store import Store

    if allow_ingest and not token:
        raise InputError("--allow-ingest needs a token", hint="add --token SECRET (clients send it as a Bearer token)")
    app = FastAPI(title="warta", summary="PLOVER events extracted from news, each field cited to the text.",
                  version="1", routes=routes(allow_ingest=allow_ingest), openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None, redirect_slashes=False)
    app.state.store = Store(db)
    app.state.allow_ingest = allow_ingest
    app.state.token = token

    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        resp = _error(request, exc.status_code, detail)
        if exc.headers:
            resp.headers.update(exc.headers)
        return resp

    async def on_warta_error(request: Request, exc: WartaError) -> Response:
        # Our errors are one user-facing sentence; a stage failure during ingest is the server's fault.
        return _error(request, 400 if isinstance(exc, InputError) else 500, str(exc))

    async def on_validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": _plain_errors(exc.errors())}, status_code=422)
        return _error(request, 400, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))

    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(WartaError, on_warta_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityEnvelope, max_body=MAX_BODY_BYTES)
    return app


def _plain_errors(errors: Any) -> list[dict[str, Any]]:
    # Pydantic error dicts may carry the offending input and exception objects; echo only what is safe.
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in errors]


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False,
          token: str | None = None) -> None:
    """Run the app with uvicorn (blocking). Binds to loopback unless told otherwise."""
    import uvicorn

    hosts = [*LOOPBACK_HOSTS] if host in LOOPBACK_HOSTS else None
    app = create_app(db, allow_ingest=allow_ingest, token=token, allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False, server_header=False)
