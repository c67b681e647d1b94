"""Our own redirect for links in campaign emails (counting clicks per link), and the campaign page's link
and subject-test figures.

The redirect is a GET that anyone with the email may follow, so it needs no sign-in and no form token: the
encrypted token is the proof, and the address it sends people to is the one stored for that link, never
one read from the request. A changed or unknown token gets the 404 page."""

from flask import Response, g, redirect, render_template, request
from flask_login import current_user

from ..extensions import limiter
from ..services.errors import NotFound
from ..services.outreach import campaigns as outreach
from ..services.outreach import link_clicks, subject_test
from ..web.loaders import found_or_404
from ..web.security import permission_required
from .blueprint import bp


@bp.get("/u/c/<token>")
# Generous: people behind one office or mobile network follow the same links. Past CLICKS_PER_ADDRESS
# (in the service) a click still goes through but is not counted; this ceiling only stops floods.
@limiter.limit("600 per minute")
def follow_link(token: str):
    g.no_store = True
    try:
        url = link_clicks.follow(
            token,
            method=request.method,
            user_agent=request.headers.get("User-Agent", ""),
            address=request.remote_addr or "",
        )
    except NotFound as problem:
        return render_template(
            "errors/error.html", status=404, title="We could not read this link", detail=str(problem)
        ), 404
    response = redirect(url, code=302)
    response.headers["Referrer-Policy"] = "no-referrer"  # the token stays with us
    return response


@bp.get("/outreach/<ref>/links.csv")
@permission_required("send_campaigns")
def links_csv(ref: str):
    campaign = found_or_404(outreach.campaign_for(current_user, ref))
    g.no_store = True
    return Response(
        link_clicks.links_csv(current_user, campaign),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="update-{campaign.ref}-links.csv"',
            "Cache-Control": "no-store",
        },
    )


@bp.context_processor
def _campaign_figures():
    """For the campaign page (outreach/_clicks.html, outreach/_subject_test.html): its links and subject
    test, read only when the page asks."""
    return {
        "campaign_links": lambda campaign: link_clicks.link_table(current_user, campaign),
        "campaign_subject_test": lambda campaign: subject_test.summary(current_user, campaign),
    }
