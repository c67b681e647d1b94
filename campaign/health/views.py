from ..extensions import limiter
from ..services.health import check_services
from .blueprint import bp


@bp.get("/healthz")
@limiter.exempt
def healthz():
    # Always 200 (the design notes' contract): the body says which part is unreachable, so a monitor can
    # tell "web is up but Redis is down" apart from "web is down".
    report = check_services()
    healthy = all(part["reachable"] for part in report.values())
    return {"status": "ok" if healthy else "degraded", **report}, 200, {"Cache-Control": "no-store"}
