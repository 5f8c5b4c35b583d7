"""The FastAPI app behind `tidings serve`: REST API, pages, vendored static files and security headers."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..api import open as open_corpus
from ..config import Settings
from . import api_routes, pages
from .errors import install_handlers

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"

# Scripts and styles only from our own static folder: no inline script can run, no CDN is reached.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(db_path: str | Path | None = None, settings: Settings | None = None,
               token: str | None = None) -> FastAPI:
    """The web app over the store at db_path, or the `db` setting when None (created and migrated if
    needed). Read-only unless `token` is given: then POST /api/ingest accepts requests that carry it
    as a Bearer token."""
    if settings is None:
        settings = Settings.load(db=db_path) if db_path is not None else Settings.load()
    db_path = settings.db if db_path is None else db_path
    with open_corpus(db_path, settings) as c:  # create the file or apply pending migrations before any reader opens it
        app_kb = c.knowledge_base             # loaded once for the process; every request's Corpus shares it
    app = FastAPI(title="tidings", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Read clean articles, actors, events and stories from a tidings store. "
                              "Every list takes limit (at most 500) and offset; errors come as "
                              '{"error": {"code", "message", "detail"}}.')
    app.state.db_path = str(db_path)
    app.state.settings = settings
    app.state.kb = app_kb
    app.state.token = token or None
    templates = Jinja2Templates(directory=str(TEMPLATES))  # autoescapes .html templates
    templates.env.globals["version"] = __version__
    templates.env.globals["read_only"] = not token
    app.state.templates = templates

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    install_handlers(app)
    app.include_router(api_routes.router)
    app.include_router(pages.router, include_in_schema=False)
    # StaticFiles resolves each path and refuses anything outside this folder (../, symlinks out).
    app.mount("/static", StaticFiles(directory=str(STATIC), follow_symlink=False), name="static")
    return app
