"""The one JSON error shape of the REST API: {"error": {"code", "message", "detail"}}, and its handlers."""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import StoreError, TidingsError

# Short machine-readable codes for HTTP statuses the API returns without a code of its own.
STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type",
                422: "invalid_parameter", 500: "internal_error", 503: "unavailable"}


class ApiError(Exception):
    """A request the API refuses, with a status, a code, a message a person understands and detail."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None):
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


def error_body(code: str, message: str, detail: Any = None) -> dict:
    return {"error": {"code": code, "message": message, "detail": detail}}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _respond(request: Request, status: int, code: str, message: str, detail: Any = None):
    if _is_api(request):
        return JSONResponse(error_body(code, message, detail), status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message,
                                                              "detail": detail}, status_code=status)


def _validation_detail(exc: RequestValidationError) -> list[dict]:
    out = []
    for e in exc.errors():
        loc = [str(part) for part in e.get("loc", ()) if part not in ("query", "path", "body")]
        out.append({"parameter": ".".join(loc) or None, "problem": e.get("msg", "invalid")})
    return out


def install_handlers(app: FastAPI) -> None:
    """Every error leaves the API in the one shape; pages get an HTML error page instead."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _respond(request, exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        detail = _validation_detail(exc)
        names = ", ".join(sorted({d["parameter"] for d in detail if d["parameter"]})) or "the request"
        return _respond(request, 422, "invalid_parameter",
                        f"Invalid value for {names}; see detail for what is allowed.", detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404:
            message = f"Nothing at {request.url.path}."
        return _respond(request, exc.status_code, code, message)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError):
        return _respond(request, 400, "store_error", str(exc))

    @app.exception_handler(TidingsError)
    async def _tidings(request: Request, exc: TidingsError):
        return _respond(request, 400, "bad_request", str(exc))


__all__ = ["ApiError", "error_body", "install_handlers"]
