from flask import Blueprint

bp = Blueprint("stories", __name__, url_prefix="/stories")
