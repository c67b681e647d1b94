from flask import Blueprint

bp = Blueprint("petitions", __name__, url_prefix="/petitions")

from . import views  # noqa: E402,F401
