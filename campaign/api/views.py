from flask import current_app, jsonify, request, url_for

from ..extensions import limiter
from ..services import public_cache
from ..services.petitions import lifecycle as petition_service
from ..services.petitions import listings
from ..services.petitions.counting import signatures_by_region
from ..urls import public_url
from ..web.hostile_input import page_number
from ..web.loaders import found_or_404
from .blueprint import bp
from .openapi import openapi_document

PER_PAGE = 50


def _iso(value):
    return value.isoformat() if value else None


def petition_summary(petition) -> dict:
    return {
        "slug": petition.slug,
        "title": petition.title,
        "action": petition.action,
        "state": petition.state,
        "signature_count": petition.signature_count,
        "target": petition.target,
        "milestones": petition.milestones or [],
        "milestones_reached": petition.milestones_reached or [],
        "deadline": _iso(petition.deadline),
        "created_at": _iso(petition.created_at),
        "opened_at": _iso(petition.opened_at),
        "closed_at": _iso(petition.closed_at),
        "rejected_at": _iso(petition.rejected_at),
        "url": public_url("petitions.show", slug=petition.slug),
        "json_url": public_url("api.petition", slug=petition.slug),
    }


def _public(payload, status=200):
    """A public JSON answer: ``payload`` serialised, or already serialised bytes (from the cache)."""
    if isinstance(payload, bytes):
        response = current_app.response_class(payload, mimetype="application/json")
    else:
        response = jsonify(payload)
    response.status_code = status
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['COUNT_ROLLUP_INTERVAL']}"
    return response


def listed_summary(item: listings.Listed) -> dict:
    """A petition in a public list: a rejected one with its reason, and without its wording where the
    reason withholds it (as its page does)."""
    data = petition_summary(item.petition)
    data.update(title=item.title, action=item.action)
    if item.petition.is_rejected:
        data["rejection"] = {
            "code": item.petition.rejection_code,
            "reason": item.reason.label if item.reason else "",
            "text_withheld": item.withheld,
        }
    return data


@bp.get("/petitions.json")
@limiter.limit("120 per minute")
def petitions():
    state = listings.list_named(request.args.get("state"))
    sort = listings.sort_named(state, request.args.get("sort"))
    page = page_number()
    rows, total = listings.petitions_in(state, sort, (request.args.get("q") or "")[:200], page, PER_PAGE)
    pages = max((total + PER_PAGE - 1) // PER_PAGE, 1)
    links = {"self": url_for("api.petitions", state=state, page=page, _external=False)}
    if page < pages:
        links["next"] = url_for("api.petitions", state=state, page=page + 1)
    if page > 1:
        links["prev"] = url_for("api.petitions", state=state, page=page - 1)
    return _public(
        {
            "data": [listed_summary(item) for item in rows],
            "links": links,
            "meta": {"total": total, "page": page, "pages": pages, "per_page": PER_PAGE, "state": state},
        }
    )


@bp.get("/petitions/<slug>.json")
@limiter.limit("240 per minute")
def petition(slug: str):
    # The same for everyone: served from the public cache, which drops it when anything in it changes.
    found = public_cache.lookup("json", slug)
    if found is not None and found.body is not None:
        return _public(found.body)
    row = found_or_404(petition_service.public_petition(slug))
    data = petition_summary(row)
    if petition_service.text_is_withheld(row):
        data.update(title="A rejected petition", action="")
    else:
        data["background"] = row.background
        data["details"] = row.details
    regions = signatures_by_region(row)
    data["signatures_by_region"] = regions["regions"]
    data["signatures_by_nation"] = regions["nations"]
    data["signatures_outside_uk"] = regions["outside_uk"]
    if row.state == "rejected":
        data["rejection"] = {"code": row.rejection_code, "details": row.rejection_details}
    response = _public({"data": data})
    public_cache.store(found, response.get_data())
    return response


@bp.get("/api/openapi.json")
def openapi():
    return _public(openapi_document())
