"""Every feature's blueprint, registered on the app. The development tools (the outbox) only outside production.

Above the features in the layers (see ARCHITECTURE.md): the one module that imports them all, so that
``campaign.web`` stays a toolkit the features use and never imports them back."""

from __future__ import annotations

from flask import Flask

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

BLUEPRINTS = (
    api_bp,
    public_bp,
    petitions_bp,
    signatures_bp,
    stories_bp,
    members_bp,
    outreach_bp,
    donations_bp,
    auth_bp,
    account_bp,
    admin_bp,
    health_bp,
    webhooks_bp,
)


def register_blueprints(app: Flask) -> None:
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    if app.config["APP_ENV"] != "production":
        app.register_blueprint(dev_bp)
