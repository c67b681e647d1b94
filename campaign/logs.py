"""Logging for every process (web, worker, scheduler, CLI), set up by the app factory.

Each line says where it came from: ``req=<id>`` in a web request (the caller's X-Request-ID when it is a
sane token, so a proxy's id follows the request through; otherwise a new one), ``job=<id>`` inside an RQ
job, ``-`` elsewhere. In production each request also gets one line of its own (method, path, status,
milliseconds), since gunicorn's access log knows nothing of the request id. That line never carries a
secret: the query string is left out, and a path segment that is a token (an unsubscribe, confirmation,
password-reset or story link) is logged as ``<token>``, as the route spells it.

LOG_LEVEL sets the root level; LOG_LEVELS (``sqlalchemy.engine=INFO,rq.worker=WARNING``) overrides it per
logger.
"""

from __future__ import annotations

import logging
import re
import secrets
import sys
import time

from flask import Flask, g, has_request_context, request
from rq import get_current_job

_HANDLER_NAME = "campaign"
_SANE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
# A path segment that looks like a token, for paths no route matched (a mistyped link still holds one).
_TOKEN_LIKE = re.compile(r"[A-Za-z0-9._~=-]{20,}")
# Route arguments that open something to whoever holds them ("ref" opens a donation's thank-you page,
# which shows the donor's name and email).
_SECRET_ARGS = ("token", "key", "secret", "code", "ref")
_overridden: dict[str, int] = {}  # logger name -> its level before LOG_LEVELS changed it
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(context)s] %(message)s"
log = logging.getLogger("campaign.requests")


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (a test's capture, gunicorn's redirect), not the one
    there when logging was configured."""

    def __init__(self):
        super().__init__(sys.stderr)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


class ContextFilter(logging.Filter):
    """Adds ``context``: the request or job a line belongs to."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = "-"
        if has_request_context():
            context = "req=" + str(g.get("request_id", "-"))
        else:
            job = get_current_job()
            if job is not None:
                context = f"job={job.id}"
        record.context = context
        return True


def configure_logging(app: Flask) -> None:
    """One handler on the root logger, at LOG_LEVEL. Idempotent: building a second app (tests, the CLI)
    replaces the handler instead of doubling every line."""
    root = logging.getLogger()
    for existing in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(existing)
    handler = _StderrHandler()
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(ContextFilter())
    root.addHandler(handler)
    root.setLevel(app.config["LOG_LEVEL"])
    _apply_overrides(app.config.get("LOG_LEVELS") or {})
    _register_request_ids(app)


def _apply_overrides(levels: dict[str, str]) -> None:
    for name, before in _overridden.items():  # a previous app's overrides, undone
        logging.getLogger(name).setLevel(before)
    _overridden.clear()
    for name, level in levels.items():
        logger = logging.getLogger(name)
        _overridden[name] = logger.level
        logger.setLevel(level)


def loggable_path() -> str:
    """The request's path for a log line: no query string, and each token in it replaced by its name."""
    path = request.path
    rule = request.url_rule
    if rule is None:
        return "/".join("<token>" if _TOKEN_LIKE.fullmatch(part) else part for part in path.split("/"))
    secrets_in_path = {
        str(value)
        for name, value in (request.view_args or {}).items()
        if any(word in name.lower() for word in _SECRET_ARGS)
    }
    if not secrets_in_path:
        return path
    return "/".join("<token>" if part in secrets_in_path else part for part in path.split("/"))


def _register_request_ids(app: Flask) -> None:
    @app.before_request
    def assign_request_id():
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if _SANE_ID.fullmatch(given) else secrets.token_hex(8)
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response):
        response.headers.setdefault("X-Request-ID", g.get("request_id", ""))
        if app.config["LOG_REQUESTS"] and "request_started" in g:
            elapsed = (time.perf_counter() - g.request_started) * 1000
            log.info("%s %s %s %.0fms", request.method, loggable_path(), response.status_code, elapsed)
        return response
