from flask import Blueprint

bp = Blueprint("donations", __name__, url_prefix="/donate")

from . import organiser_views, views  # noqa: E402,F401
