"""How a petition is going, for organisers and its owners: signatures over time, where signers live, where
signatures came from, when the target will be reached; each table as CSV."""

from flask import Response, g, render_template
from flask_login import current_user, login_required

from ..services.petitions import stats as stats_service
from .blueprint import bp
from .views import _load


@bp.get("/<slug>/stats")
@login_required
def stats(slug: str):
    petition = _load(slug)
    figures = stats_service.petition_stats(current_user, petition)
    return render_template(
        "petitions/stats.html", petition=petition, stats=figures, kinds=stats_service.SOURCE_KINDS
    )


@bp.get("/<slug>/stats/<table>.csv")
@login_required
def stats_csv(slug: str, table: str):
    petition = _load(slug)
    body = stats_service.stats_csv(current_user, petition, table)
    g.no_store = True
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{petition.slug}-{table}.csv"'},
    )
