"""Pages every signed-out visitor sees the same, answered from the public cache
(``campaign.services.public_cache``) instead of being rendered again.

A page is shared only when the visitor is signed out and has no messages waiting to be flashed, and is
stored only if rendering it put nothing of the visitor's own on it. A form's CSRF token is the one
exception: pages that carry one are stored with a placeholder and get the visitor's own token when
served, so the session still gets its token exactly as when the form is rendered.
"""

from __future__ import annotations

from flask import Response, current_app, g, request, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from ..services import public_cache

_TOKEN_PLACEHOLDER = b"\x00csrf-token\x00"


def visitor_is_anonymous() -> bool:
    """A signed-out visitor's GET with nothing flashed for them: they see what everyone like them sees."""
    return request.method == "GET" and "_flashes" not in session and not current_user.is_authenticated


def cached(
    kind: str, key: str, mimetype: str = "text/html"
) -> tuple[Response | None, public_cache.Lookup | None]:
    """The cached response for ``kind``/``key`` if there is one, and the lookup to pass to ``remember``."""
    if not visitor_is_anonymous():
        return None, None
    found = public_cache.lookup(kind, key)
    if found is None or found.body is None:
        return None, found
    body = found.body
    if _TOKEN_PLACEHOLDER in body:
        body = body.replace(_TOKEN_PLACEHOLDER, generate_csrf().encode())
    return current_app.response_class(body, mimetype=mimetype), found


def remember(found: public_cache.Lookup | None, response: Response, until: float | None = None) -> None:
    """Store a 200 response rendered for an anonymous visitor (see ``cached``), its CSRF token, if it has
    one, replaced by a placeholder. ``until``: an epoch time the page must not be served after."""
    if found is None or response.status_code != 200:
        return
    body = response.get_data()
    token = g.get("csrf_token")
    if token:
        body = body.replace(token.encode(), _TOKEN_PLACEHOLDER)
    public_cache.store(found, body, until)
