"""The workbench's FastAPI app: pages, JSON API, static files, and the guards around them.

Safe by default: the store is opened read-only and only GET routes exist; pages send a
Content-Security-Policy that allows scripts from this server only (the Plotly bundle is
served from the installed Python package, so nothing is fetched from elsewhere); and
listening beyond loopback needs a token, given as `Authorization: Bearer …` or `?token=`
(the latter then kept in an HttpOnly cookie so links between pages keep working).
"""
from __future__ import annotations

import hashlib
import ipaddress
import secrets
from importlib import resources
from pathlib import Path

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley.web import routes_api, routes_pages
from parley.web.render import environment

TOKEN_COOKIE = "parley_token"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def plotly_js() -> bytes:
    """The Plotly bundle shipped inside the installed `plotly` package."""
    return (resources.files("plotly") / "package_data" / "plotly.min.js").read_bytes()


def create_app(db_path: Path, token: str | None = None) -> FastAPI:
    """The app over the store at `db_path`; with `token`, every request must present it."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(f"no Parley store at {db_path}")
    app = FastAPI(title="Parley", summary="Who said what, who did what to whom, who wants what — with sources.",
                  version="1", docs_url=None, redoc_url=None)
    app.state.db_path = db_path
    app.state.templates = Jinja2Templates(env=environment())
    bundle = plotly_js()
    etag = '"' + hashlib.sha256(bundle).hexdigest()[:32] + '"'

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_bundle(request: Request) -> Response:
        headers = {"Cache-Control": "public, max-age=604800, immutable", "ETag": etag}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(bundle, media_type="text/javascript", headers=headers)

    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.mount("/static", StaticFiles(packages=[("parley.web", "static")]), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        """JSON under /api/, a readable page elsewhere."""
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
        templates: Jinja2Templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "message": exc.detail,
                                                                  "charts": False},
                                          status_code=exc.status_code, headers=exc.headers)

    @app.middleware("http")
    async def guard(request: Request, call_next) -> Response:
        if token is not None and not _authorised(request, token):
            return JSONResponse({"detail": "a valid token is required"}, 401,
                                headers={"WWW-Authenticate": "Bearer", **SECURITY_HEADERS})
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        if token is not None and _matches(request.query_params.get("token"), token):
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response

    return app


def _matches(offered: str | None, token: str) -> bool:
    return offered is not None and secrets.compare_digest(offered.encode(), token.encode())


def _authorised(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    bearer = header[7:] if header.lower().startswith("bearer ") else None
    return any(_matches(o, token) for o in (bearer, request.query_params.get("token"),
                                            request.cookies.get(TOKEN_COOKIE)))


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the workbench; refuses a non-loopback host without a token, so no store is exposed by accident."""
    if not is_loopback(host) and not token:
        raise ValueError(f"refusing to listen on {host} without a token: pass one, or keep the default 127.0.0.1")
    uvicorn.run(create_app(Path(db_path), token), host=host, port=port)
