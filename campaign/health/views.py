import hmac

from flask import current_app, request
from flask_login import current_user

from ..extensions import limiter
from ..models import Role
from ..services.health import background_report, check_services
from .blueprint import bp

NO_STORE = {"Cache-Control": "no-store"}


@bp.get("/healthz")
@limiter.exempt
def healthz():
    # Always 200 (the design notes' contract): the body says which part is unreachable, so a monitor can
    # tell "web is up but Redis is down" apart from "web is down". Nothing more is public.
    report = check_services()
    healthy = all(part["reachable"] for part in report.values())
    return {"status": "ok" if healthy else "degraded", **report}, 200, NO_STORE


@bp.get("/healthz/details")
@limiter.exempt
def healthz_details():
    """For a monitor (``Authorization: Bearer <HEALTH_TOKEN>``) or a signed-in administrator: workers, the
    scheduler and the queues. 200 when all is well, 503 with the problems in words when not."""
    if not _may_see_details():
        return (
            {"error": "Send Authorization: Bearer <HEALTH_TOKEN>, or sign in as an administrator."},
            401,
            {**NO_STORE, "WWW-Authenticate": 'Bearer realm="health"'},
        )
    report = background_report()
    return report, 200 if report["status"] == "ok" else 503, NO_STORE


def _may_see_details() -> bool:
    token = current_app.config["HEALTH_TOKEN"]
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
        return True
    return current_user.is_authenticated and current_user.role == Role.ADMIN
