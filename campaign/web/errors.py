"""Error pages, and the one place refusals become HTTP. Machine-facing paths (the API, webhooks, ``.json``,
the health check) answer JSON; every other path gets a page in the site's layout saying what to do next.

A service refuses with ``PermissionDenied`` (403) or ``NotFound`` (404); views let those propagate and
they are answered here, exactly as ``abort(403)`` / ``abort(404)`` would be."""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import Forbidden, HTTPException
from werkzeug.exceptions import NotFound as PageNotFound

from ..extensions import db
from ..logs import loggable_path
from ..services.errors import NotFound, PermissionDenied

log = logging.getLogger(__name__)

ERROR_PAGES = {
    400: (
        "The request could not be understood",
        "Something in the request was missing or malformed. Go back, check what you entered and try again.",
    ),
    403: (
        "You do not have permission to see this page",
        "If you think you should, sign in with the account that has access or ask an organiser.",
    ),
    404: (
        "Page not found",
        "If you typed the address, check it is correct. If you pasted it, check you copied all of it.",
    ),
    405: (
        "That action is not available here",
        "Go back to the page you came from and use its buttons or links.",
    ),
    413: ("What you sent is too large", "Make it smaller and try again."),
    429: (
        "Too many attempts",
        "You have tried this too many times in a short while. Wait a few minutes, then try again.",
    ),
    500: (
        "Sorry, something went wrong on our side",
        "Nothing you did caused this. Try again in a few minutes; what you typed may need entering again.",
    ),
}


def error_page(status: int, title: str | None = None, detail: str | None = None):
    default_title, default_detail = ERROR_PAGES.get(status, ERROR_PAGES[500])
    return render_template(
        "errors/error.html", status=status, title=title or default_title, detail=detail or default_detail
    ), status


def answers_json() -> bool:
    """Machine-facing paths get JSON errors, never an HTML page."""
    path = request.path
    return path.startswith(("/api/", "/webhooks/")) or path.endswith(".json") or path.startswith("/healthz")


def csrf_error(error: CSRFError):
    return error_page(
        400,
        "Your form had expired",
        "For your security, forms expire after a while. Go back, reload the page and submit "
        "it again. If you had typed a lot, copy it before reloading.",
    )


def http_error(error: HTTPException):
    valid_methods = getattr(error, "valid_methods", None)  # only MethodNotAllowed has them
    headers = {"Allow": ", ".join(valid_methods)} if valid_methods else {}
    if answers_json():
        return {"error": error.name, "status": error.code}, error.code, headers
    body, status = error_page(error.code or 500)
    return body, status, headers


def permission_denied(refusal: PermissionDenied):
    return http_error(Forbidden())


def not_found(refusal: NotFound):
    return http_error(PageNotFound())


def unexpected_error(error: Exception):
    log.exception("Unhandled error on %s %s", request.method, loggable_path())  # tokens masked
    # A failed statement leaves the transaction unusable; the error page itself needs the database.
    db.session.rollback()
    if answers_json():
        return {"error": "Internal Server Error", "status": 500}, 500
    return error_page(500)


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(CSRFError, csrf_error)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(PermissionDenied, permission_denied)
    app.register_error_handler(NotFound, not_found)
    app.register_error_handler(Exception, unexpected_error)
