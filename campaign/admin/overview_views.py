"""The coalition overview: how petitions, stories, bulk emails and donations are going, for organisers,
with each table as CSV. The overview service checks the permission again."""

from flask import Response, g, render_template
from flask_login import current_user

from ..services import overview as coalition_overview
from ..web.security import permission_required
from .blueprint import bp


def _csv(body: str, name: str) -> Response:
    g.no_store = True
    return Response(
        body,
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="coalition-{name}.csv"',
            "Cache-Control": "no-store",
        },
    )


@bp.get("/overview")
@permission_required("view_coalition_overview")
def overview():
    return render_template(
        "admin/overview.html",
        overview=coalition_overview.overview(current_user._get_current_object()),
        pace_days=coalition_overview.PACE_DAYS,
    )


@bp.get("/overview/petitions.csv")
@permission_required("view_coalition_overview")
def overview_petitions_csv():
    return _csv(coalition_overview.petitions_csv(current_user._get_current_object()), "petitions")


@bp.get("/overview/stories.csv")
@permission_required("view_coalition_overview")
def overview_stories_csv():
    return _csv(coalition_overview.stories_csv(current_user._get_current_object()), "stories")


@bp.get("/overview/emails.csv")
@permission_required("view_coalition_overview")
def overview_emails_csv():
    return _csv(coalition_overview.emails_csv(current_user._get_current_object()), "emails")


@bp.get("/overview/donations.csv")
@permission_required("view_donations")
def overview_donations_csv():
    return _csv(coalition_overview.donations_csv(current_user._get_current_object()), "donations")
