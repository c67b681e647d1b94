"""Input no honest browser sends, answered once here instead of in every view.

- A NUL character anywhere in the path, the query string, a form field (name, value or upload's filename)
  or a JSON body is refused with 400 before any view, or the CSRF check, runs: PostgreSQL cannot store or
  even compare text holding one, so it used to end as a 500 wherever it reached a query.
- JSON read with ``request.get_json`` that is nested too deep for the parser is a 400, not a RecursionError.
- ``page_number`` reads ``?page=`` for every paginated view: malformed is page 1, and a number too large
  for an SQL OFFSET is held at ``MAX_PAGE``.
- ``same_site_path`` is the only check a redirect target taken from the request (``next=``) passes.
- With ``PROXY_HOPS`` set, X-Forwarded-For is believed: the log says so at start-up, and says once if
  requests arrive without it (no proxy in front, so anyone can forge it and escape per-address limits).
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urlsplit

from flask import Flask, current_app, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import BadRequest

from .errors import answers_json, error_page

# Far beyond any list we show (20 a page is two million rows), far below what an OFFSET can hold.
MAX_PAGE = 100_000
NUL = "\x00"

log = logging.getLogger(__name__)


class RefusedInput(BadRequest):
    description = "The address or the form contained a character that is never part of real text."


def _has_nul(values) -> bool:
    return any(NUL in key or any(NUL in value for value in values.getlist(key)) for key in values)


def refuse_nul_bytes() -> None:
    if NUL in request.path or _has_nul(request.args):
        raise RefusedInput()
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        uploads = request.files
        if _has_nul(request.form) or any(
            NUL in key or NUL in (f.filename or "") for key, f in uploads.items()
        ):
            raise RefusedInput()


class BoundedJSONProvider(DefaultJSONProvider):
    """``request.get_json`` for every view: too deep a body is a 400 (the C parser recurses once per level
    and hits Python's recursion limit near 1,000), as is an escaped NUL, which PostgreSQL refuses in
    text and jsonb alike."""

    def loads(self, s: str | bytes, **kwargs):
        text = s.decode("utf-8", "replace") if isinstance(s, bytes) else s
        if "\\u0000" in text:
            raise RefusedInput()
        try:
            return json.loads(s, **kwargs)
        except RecursionError:
            raise BadRequest("The JSON is nested too deeply.") from None


def refused_input(error: RefusedInput):
    if answers_json():
        return {"error": error.description, "status": 400}, 400
    return error_page(
        400,
        "That address or form could not be read",
        f"{error.description} If you pasted a link, copy it again; if you pasted into a form, type it instead.",
    )


def page_number(name: str = "page") -> int:
    """The page a paginated view was asked for: 1 unless ``name`` is a whole number; at most MAX_PAGE."""
    try:
        number = int(request.args.get(name, ""))
    except ValueError:  # missing, "1e309", "nan", or longer than Python converts
        return 1
    return min(max(number, 1), MAX_PAGE)


def same_site_path(target: str | None) -> str | None:
    """``target`` if it is a path on this site, else None. Refused: another origin (``//host``, a scheme
    such as ``javascript:``), a backslash (browsers read ``/\\host`` as ``//host``) and any control
    character (a CR or LF would split the Location header)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    if any(ord(char) < 32 or ord(char) == 127 for char in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def warn_of_a_missing_proxy() -> None:
    """Once per process: a request without X-Forwarded-For reached an app told to trust it, so whoever sent
    it could have sent their own. A load balancer's health check often comes direct, so /healthz is not
    counted."""
    if request.path.startswith("/healthz") or "X-Forwarded-For" in request.headers:
        return
    state = current_app.extensions.setdefault("hostile_input", {})
    if state.get("missing_proxy_reported"):
        return
    state["missing_proxy_reported"] = True
    log.warning(
        "A request to %s arrived without X-Forwarded-For although PROXY_HOPS=%s: if no proxy in front of "
        "the app sets it, a forged X-Forwarded-For escapes every per-address limit. Set PROXY_HOPS=0 when "
        "clients reach the app directly (reported once per process).",
        request.path,
        current_app.config["PROXY_HOPS"],
    )


def register_hostile_input(app: Flask) -> None:
    """Called before CSRFProtect is bound so the NUL check runs first: a CSRF failure's page (the story
    forms put back what was typed) would otherwise meet the NUL itself."""
    app.json = BoundedJSONProvider(app)
    app.register_error_handler(RefusedInput, refused_input)
    app.before_request(refuse_nul_bytes)
    if app.config["PROXY_HOPS"]:
        log.warning(
            "PROXY_HOPS=%s: the client address is taken from X-Forwarded-For, as set by that many proxies "
            "in front. Only safe if they exist and overwrite the header; without them anyone can forge it and "
            "escape every per-address limit (sign-in, signing, sign-ups).",
            app.config["PROXY_HOPS"],
        )
        app.before_request(warn_of_a_missing_proxy)
