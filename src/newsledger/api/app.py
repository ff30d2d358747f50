"""``create_app(db_path)``: the FastAPI application serving the API, the web UI and offline docs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path


from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..web import STATIC_DIR
from . import errors
from .deps import LedgerAccess, check_exists
from .ingest import PostRateLimit
from .routes import ROUTERS
from .schemas import ErrorBody

logger = logging.getLogger(__name__)

# The UI's data is untrusted article text: no inline script, no remote origin, nothing framed.
CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
# The offline Swagger page (our own HTML, no article data) starts Swagger UI with one inline script.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class Guard:
    """Adds CSP and related headers to every response and, given ``allowed_hosts``, refuses other ``Host``
    headers with the error envelope (a plain ASGI middleware: no per-request task)."""

    def __init__(self, app: ASGIApp, allowed_hosts: list[str] | None = None) -> None:
        self.app = app
        self.allowed_hosts = {h.lower() for h in allowed_hosts or ()}

    def _host_ok(self, scope: Scope) -> bool:
        if not self.allowed_hosts:
            return True
        host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1").lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name.strip("[]") in self.allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self._host_ok(scope):
            response = errors.error_response(400, "bad_host", "this server answers only to its own host name")
            await response(scope, receive, send)
            return
        csp = DOCS_CSP if scope["path"] == "/docs" else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _docs_assets() -> Path:
    """Swagger UI's files from the fastapi-offline package (FastAPI's own docs page loads them from a CDN)."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).resolve().parent / "static"


def create_app(db_path: str | Path, *, allowed_hosts: list[str] | None = None,
               posts_per_minute: int | None = 60) -> FastAPI:
    """The app for one ledger file. ``allowed_hosts`` (e.g. ``["127.0.0.1", "localhost"]``) refuses other
    ``Host`` headers, which stops DNS-rebinding pages from reading a loopback server. ``posts_per_minute``
    caps ``POST /api/articles`` per client (None: no cap)."""
    check_exists(db_path)
    ledger = LedgerAccess(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        ledger.close()

    app = FastAPI(title="newsledger", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Read a newsledger ledger: articles, quotes, speakers, events, disputes.",
                  responses={422: {"model": ErrorBody}})
    app.state.ledger = ledger
    app.state.post_rate_limit = PostRateLimit(posts_per_minute) if posts_per_minute else None
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/docs-assets", StaticFiles(directory=_docs_assets()), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="newsledger API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg",
                                   swagger_ui_parameters={"validatorUrl": None})

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    return app


