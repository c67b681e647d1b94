"""Error pages, and the one place refusals become HTTP. Machine-facing paths (the API, webhooks, ``.json``,
the health check) answer JSON; every other path gets a page in the site's layout saying what to do next.

When the database cannot be reached (a restart, a failover, a dropped connection) the answer is 503 with a
page saying nothing was saved and to try again, never a 500; views whose form can be shown again with what
was typed do that themselves (``database_unavailable``, ``release_session``, ``DATABASE_DOWN``).

A service refuses with ``PermissionDenied`` (403) or ``NotFound`` (404); views let those propagate and
they are answered here, exactly as ``abort(403)`` / ``abort(404)`` would be."""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
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
    503: (
        "We could not reach our database just now",
        "If you were sending a form, it was not saved. This usually passes within a minute: go back and "
        "send it again shortly (your browser normally keeps what you typed).",
    ),
    500: (
        "Sorry, something went wrong on our side",
        "Nothing you did caused this. Try again in a few minutes; what you typed may need entering again.",
    ),
}


# Seconds a 503 suggests waiting: long enough for PostgreSQL to come back from a restart.
RETRY_AFTER = "30"
# What a form re-shown after the database went away says above it.
DATABASE_DOWN = (
    "We lost contact with our database for a moment, so this was not saved. What you typed is below: "
    "please send it again in a minute."
)


def error_page(status: int, title: str | None = None, detail: str | None = None):
    default_title, default_detail = ERROR_PAGES.get(status, ERROR_PAGES[500])
    title, detail = title or default_title, detail or default_detail
    try:
        body = render_template("errors/error.html", status=status, title=title, detail=detail)
    except Exception:
        # The layout can need the database (a signed-in visitor's account); the page must still come.
        log.exception("Error page could not be rendered in the site layout")
        body = f"<!doctype html><title>{escape(title)}</title><h1>{escape(title)}</h1><p>{escape(detail)}</p>"
    return body, status


def database_unavailable(error: BaseException) -> bool:
    """The database could not be reached or dropped the connection, as opposed to a mistake in a query."""
    return isinstance(error, OperationalError | InterfaceError) or bool(
        isinstance(error, DBAPIError) and error.connection_invalidated
    )


def release_session() -> None:
    """Let go of the request's database session after a failure, whatever state its connection is in.
    Closing (not rolling back) keeps what was already loaded readable, so the page can still show it."""
    try:
        db.session.close()
    except Exception as error:
        log.warning("Could not close the database session: %s", error)


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


def database_error(error: DBAPIError):
    if not database_unavailable(error):
        return unexpected_error(error)
    log.warning("Database unavailable on %s %s: %s", request.method, loggable_path(), error.orig)
    release_session()
    headers = {"Retry-After": RETRY_AFTER}
    if answers_json():
        return {"error": "Service Unavailable", "status": 503}, 503, headers
    body, status = error_page(503)
    return body, status, headers


def unexpected_error(error: Exception):
    log.exception("Unhandled error on %s %s", request.method, loggable_path())  # tokens masked
    # A failed statement leaves the transaction unusable; the error page itself needs the database.
    try:
        db.session.rollback()
    except Exception as failed:
        log.warning("Could not roll back after the error: %s", failed)
        release_session()
    if answers_json():
        return {"error": "Internal Server Error", "status": 500}, 500
    return error_page(500)


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(CSRFError, csrf_error)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(PermissionDenied, permission_denied)
    app.register_error_handler(NotFound, not_found)
    app.register_error_handler(DBAPIError, database_error)
    app.register_error_handler(Exception, unexpected_error)
