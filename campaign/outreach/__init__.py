from flask import Blueprint

bp = Blueprint("outreach", __name__)

from . import subscription_views, views  # noqa: E402,F401
