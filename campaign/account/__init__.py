# Importing the views registers their routes on the blueprint.
from . import notification_views, views  # noqa: F401
from .blueprint import bp

__all__ = ["bp"]
