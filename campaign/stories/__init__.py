from flask import Blueprint

bp = Blueprint("stories", __name__, url_prefix="/stories")

from . import moderation_views, views  # noqa: E402,F401
