"""The public updates page: sent email updates that organisers chose to publish, as web pages."""

from flask import abort, render_template, request

from ..services.outreach import campaigns as outreach
from .blueprint import bp


@bp.get("/updates")
def updates():
    page = request.args.get("page", "1")
    if not page.isdigit() or not 0 < int(page) < 100_000:
        abort(404)
    rows, more = outreach.published_updates(int(page))
    if int(page) > 1 and not rows:
        abort(404)
    return render_template("outreach/updates.html", updates=rows, page=int(page), more=more)


@bp.get("/updates/<ref>")
def update(ref: str):
    if len(ref) > 24:
        abort(404)
    return render_template("outreach/update.html", update=outreach.published_update(ref))
