from flask import abort, make_response, render_template

from ..services import content
from . import bp


@bp.get("/")
def index():
    return render_template("stories/index.html", stories=content.published_stories())


@bp.get("/<slug>")
def show(slug: str):
    story = content.published_story(slug)
    if story is None:
        abort(404)
    response = make_response(render_template("stories/show.html", story=story))
    # Storytellers can withdraw at any time; archives and caches must not keep a copy.
    response.headers["X-Robots-Tag"] = "noarchive"
    return response
