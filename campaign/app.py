"""The application factory, in named steps: settings, logging, extensions, the queue, blueprints, login,
template helpers, security headers, error pages, CLI. ``campaign.create_app`` calls it."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import models  # noqa: F401  registers every table
from .blueprints import register_blueprints
from .cli import register_cli
from .extensions import csrf, db, limiter, login_manager, migrate
from .logs import configure_logging
from .mail import check_settings as check_mail_settings
from .queue import init_queue
from .services import public_cache  # noqa: F401  drops cached public pages when what they show changes
from .settings import load_settings
from .web.errors import register_error_handlers
from .web.hostile_input import register_hostile_input
from .web.login import register_login
from .web.replica import register_replica_reads
from .web.security import register_security_headers
from .web.sessions import register_sessions
from .web.templating import register_template_helpers

# Templates, static files and the Alembic migrations ship inside the package (package data in
# pyproject.toml), so an installed wheel finds them as a checkout does. The instance folder stays beside the
# package unless INSTANCE_PATH says otherwise.
PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent


def build_app(config: dict | None = None, environ: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(PACKAGE / "templates"),
        static_folder=str(PACKAGE / "static"),
        instance_path=str(
            (os.environ if environ is None else environ).get("INSTANCE_PATH") or ROOT / "instance"
        ),
    )
    app.config.update(load_settings(app.instance_path, environ))
    check_mail_settings(app.config)  # a SendGrid webhook key that cannot be used stops start-up here
    if config:
        app.config.update(config)
    if app.config["PROXY_HOPS"]:
        # Behind a proxy the client's address is in X-Forwarded-For; rate limits key on it.
        hops = app.config["PROXY_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    if app.config["APP_ENV"] == "development" and app.config["BASE_URL"].startswith("https://"):
        app.logger.warning(
            "APP_ENV is development on an https BASE_URL: set APP_ENV=production for a real site."
        )
    configure_logging(app)
    app.config["RATELIMIT_STORAGE_URI"] = _limiter_storage(app.config["REDIS_URL"])
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # Said for every app: Flask-Limiter's default is whatever the last app bound to the one limiter said.
    app.config.setdefault("RATELIMIT_ENABLED", True)
    # A Redis that hangs (rather than refuses) must not hold every limited request for as long as it hangs.
    app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_connect_timeout": 2, "socket_timeout": 2})

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PACKAGE / "migrations"), render_as_batch=True)
    register_hostile_input(app)  # first: a NUL byte is refused before the CSRF check meets it
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    init_queue(app)

    register_blueprints(app)
    register_replica_reads(app)  # the public pages a replica may answer, when there is one
    register_sessions(app)
    register_login(app)
    register_template_helpers(app)
    register_security_headers(app)
    register_error_handlers(app)

    register_cli(app)
    return app


def _limiter_storage(redis_url: str) -> str:
    """The limiter's storage URI for REDIS_URL: the limits library spells a Unix socket redis+unix://."""
    return "redis+" + redis_url if redis_url.startswith("unix://") else redis_url
