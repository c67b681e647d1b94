# Importing the views registers their routes on the blueprint.
from . import embed_views, moderation_views, organiser_views, stats_views, views  # noqa: F401
from .blueprint import bp, signatures_bp

__all__ = ["bp", "signatures_bp"]
