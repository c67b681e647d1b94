from flask import Blueprint

# Registered only outside production (see campaign.blueprints).
bp = Blueprint("dev", __name__, url_prefix="/dev")
