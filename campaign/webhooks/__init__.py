"""Posts from other services (SendGrid's Event Webhook). Each is verified by its signature, not a session:
no CSRF token, no rate limit, JSON answers."""

from flask import Blueprint

bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")

from . import views  # noqa: E402,F401
