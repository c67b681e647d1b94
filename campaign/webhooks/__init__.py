"""Posts from other services (SendGrid's Event Webhook). Each is verified by its signature, not a session:
no CSRF token, no rate limit, JSON answers."""

# Importing the views registers their routes on the blueprint.
from . import views  # noqa: F401
from .blueprint import bp

__all__ = ["bp"]
