from flask import Blueprint

bp = Blueprint("public", __name__)

from . import editor_views, views  # noqa: E402,F401
