from flask import Blueprint

bp = Blueprint("members", __name__)

from . import organisation_views, views  # noqa: E402,F401
