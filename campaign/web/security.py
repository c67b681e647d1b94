"""The site's security in one place: the Content Security Policy and framing, the headers every response
carries, and the guards views declare (``permission_required``). The services enforce permissions again;
``campaign.services.permissions`` stays the one table of who may take which action."""

from __future__ import annotations

import functools

from flask import Flask, current_app, g
from flask_login import current_user, login_required

from ..services.permissions import ACTIONS, require

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'"
)


def content_security_policy(frameable: bool = False, form_targets: str = "") -> str:
    """The site's policy. Only pages marked frameable (the petition widget) let other sites frame them;
    every other page refuses all framing, here and with X-Frame-Options. ``form_targets`` are origins a
    form on the page may end up at (a donation form redirects to Stripe Checkout)."""
    ancestors = "*" if frameable else "'none'"
    policy = CONTENT_SECURITY_POLICY
    if form_targets:
        policy = policy.replace("form-action 'self'", f"form-action 'self' {form_targets}")
    return f"{policy}; frame-ancestors {ancestors}"


def allow_framing(view):
    """Mark a view's responses (error pages included) as frameable by any site. For the embeddable widget only:
    such a page must not depend on the visitor's session, which a cross-site frame does not send."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        g.frameable = True
        return view(*args, **kwargs)

    return wrapped


def permission_required(action: str):
    """Only people who may take ``action`` (a name in ``services.permissions.ACTIONS``) reach the view.
    Signed out: Flask-Login's redirect to the sign-in page. Signed in without the permission: the refusal
    goes to the 403 page (see ``web.errors``) before the view loads anything."""
    if action not in ACTIONS:
        raise ValueError(f"No such action in campaign.services.permissions.ACTIONS: {action!r}")

    def decorator(view):
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            require(current_user, action)
            return view(*args, **kwargs)

        return login_required(guarded)

    return decorator


def add_security_headers(response):
    headers = response.headers
    frameable = getattr(g, "frameable", False)
    headers.setdefault(
        "Content-Security-Policy", content_security_policy(frameable, getattr(g, "form_targets", ""))
    )
    if not frameable:
        headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", getattr(g, "referrer_policy", "strict-origin-when-cross-origin"))
    if current_app.config["BASE_URL"].startswith("https://"):
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    # Only look at a user Flask-Login already loaded: static files must not cost a database query.
    signed_in = getattr(g, "_login_user", None) is not None and g._login_user.is_authenticated
    if getattr(g, "no_store", False) or signed_in:
        headers["Cache-Control"] = "no-store"
    return response


def register_security_headers(app: Flask) -> None:
    app.after_request(add_security_headers)
