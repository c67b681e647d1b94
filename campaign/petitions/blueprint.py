from flask import Blueprint

bp = Blueprint("petitions", __name__, url_prefix="/petitions")
# Confirmation links live outside /petitions/<slug>/... so no petition slug can shadow them.
signatures_bp = Blueprint("signatures", __name__, url_prefix="/signatures")
