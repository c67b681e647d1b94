from flask import Blueprint

# Read-only public JSON, shaped like the Parliament petitions site's. No personal data.
bp = Blueprint("api", __name__)
