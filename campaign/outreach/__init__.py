# Importing the views registers their routes on the blueprint.
from . import archive_views, click_views, subscription_views, views  # noqa: F401
from .blueprint import bp

__all__ = ["bp"]
