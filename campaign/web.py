"""Everything request-shaped that is not a feature: blueprints, login, error pages, headers, filters."""

from __future__ import annotations

import functools
import logging
import re

import markdown as markdown_lib
import nh3
from flask import Flask, g, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from .extensions import db, login_manager

log = logging.getLogger(__name__)

ERROR_PAGES = {
    400: ("The request could not be understood",
          "Something in the request was missing or malformed. Go back, check what you entered and try again."),
    403: ("You do not have permission to see this page",
          "If you think you should, sign in with the account that has access or ask an organiser."),
    404: ("Page not found",
          "If you typed the address, check it is correct. If you pasted it, check you copied all of it."),
    405: ("That action is not available here",
          "Go back to the page you came from and use its buttons or links."),
    413: ("What you sent is too large", "Make it smaller and try again."),
    429: ("Too many attempts",
          "You have tried this too many times in a short while. Wait a few minutes, then try again."),
    500: ("Sorry, something went wrong on our side",
          "Nothing you did caused this. Try again in a few minutes; what you typed may need entering again."),
}

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "hr", "code", "pre"}


def render_markdown(text: str | None) -> Markup:
    """Markdown to HTML through an allow-list sanitiser: page authors cannot inject script or styles."""
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return Markup(nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}},
                            url_schemes={"http", "https", "mailto"}, link_rel="noopener nofollow"))


def render_plain_text(text: str | None) -> Markup:
    """Text someone typed, shown exactly as text: blank lines make paragraphs, single line breaks stay.
    Nothing in it is interpreted, so HTML or script in a story appears as the characters typed."""
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if b.strip()]
    return Markup("").join(Markup("<p>{}</p>\n").format(Markup("<br>\n").join(escape(line) for line in b.split("\n")))
                           for b in blocks)


CONTENT_SECURITY_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                           "form-action 'self'; base-uri 'self'; object-src 'none'")


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


def init_web(app: Flask) -> None:
    from .account import bp as account_bp
    from .admin import bp as admin_bp
    from .api import bp as api_bp
    from .auth import bp as auth_bp
    from .dev import bp as dev_bp
    from .donations import bp as donations_bp
    from .health import bp as health_bp
    from .members import bp as members_bp
    from .outreach import bp as outreach_bp
    from .petitions import bp as petitions_bp
    from .petitions import signatures_bp
    from .public import bp as public_bp
    from .stories import bp as stories_bp
    from .webhooks import bp as webhooks_bp

    for bp in (api_bp, public_bp, petitions_bp, signatures_bp, stories_bp, members_bp, outreach_bp, donations_bp,
               auth_bp, account_bp, admin_bp, health_bp, webhooks_bp):
        app.register_blueprint(bp)
    if app.config["APP_ENV"] != "production":
        app.register_blueprint(dev_bp)

    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to see that page."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_user(token: str):
        from .services.accounts.users import load_user_by_session_token

        return load_user_by_session_token(token)

    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["plain_text"] = render_plain_text
    app.jinja_env.globals["dev_tools"] = app.config["APP_ENV"] != "production"

    @app.context_processor
    def inject_permissions():
        from .payments import donations_configured
        from .services.permissions import can

        return {"can": lambda action: can(current_user, action), "donations_open": donations_configured(app.config)}

    @app.template_filter("date")
    def format_date(value, fmt="%-d %B %Y"):
        return value.strftime(fmt) if value else ""

    @app.template_filter("money")
    def format_money(pence):
        """Pence as pounds: £10, £10.50, £1,250."""
        pence = int(pence or 0)
        pounds, rest = divmod(abs(pence), 100)
        sign = "-" if pence < 0 else ""
        return f"{sign}£{pounds:,}" + (f".{rest:02d}" if rest else "")

    @app.template_filter("number")
    def format_number(value):
        return f"{value:,}"

    @app.after_request
    def security_headers(response):
        headers = response.headers
        frameable = getattr(g, "frameable", False)
        headers.setdefault("Content-Security-Policy",
                           content_security_policy(frameable, getattr(g, "form_targets", "")))
        if not frameable:
            headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", getattr(g, "referrer_policy", "strict-origin-when-cross-origin"))
        if app.config["BASE_URL"].startswith("https://"):
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        # Only look at a user Flask-Login already loaded: static files must not cost a database query.
        signed_in = getattr(g, "_login_user", None) is not None and g._login_user.is_authenticated
        if getattr(g, "no_store", False) or signed_in:
            headers["Cache-Control"] = "no-store"
        return response

    def error_page(status: int, title: str | None = None, detail: str | None = None):
        default_title, default_detail = ERROR_PAGES.get(status, ERROR_PAGES[500])
        return render_template("errors/error.html", status=status, title=title or default_title,
                               detail=detail or default_detail), status

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return error_page(400, "Your form had expired",
                          "For your security, forms expire after a while. Go back, reload the page and submit "
                          "it again. If you had typed a lot, copy it before reloading.")

    def _answers_json() -> bool:
        """Machine-facing paths get JSON errors, never an HTML page."""
        path = request.path
        return path.startswith(("/api/", "/webhooks/")) or path.endswith(".json") or path == "/healthz"

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        headers = {"Allow": ", ".join(error.valid_methods)} if getattr(error, "valid_methods", None) else {}
        if _answers_json():
            return {"error": error.name, "status": error.code}, error.code, headers
        body, status = error_page(error.code or 500)
        return body, status, headers

    @app.errorhandler(Exception)
    def unexpected_error(error):
        log.exception("Unhandled error on %s %s", request.method, request.path)
        # A failed statement leaves the transaction unusable; the error page itself needs the database.
        db.session.rollback()
        if _answers_json():
            return {"error": "Internal Server Error", "status": 500}, 500
        return error_page(500)
