from flask import abort, render_template

from ..services import content
from . import bp


@bp.get("/")
def index():
    return render_template("petitions/index.html", petitions=content.open_petitions())


@bp.get("/<slug>")
def show(slug: str):
    petition = content.public_petition(slug)
    if petition is None:
        abort(404)
    return render_template("petitions/show.html", petition=petition, stories=content.stories_for_petition(petition))
