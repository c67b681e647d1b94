"""The official petition on petition.parliament.uk that one of ours supports: its public JSON, read
periodically. A failed read keeps the last figures and records the error, so the page can say how old
they are."""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from datetime import UTC, datetime

from flask import current_app
from sqlalchemy import select

from ...extensions import db
from ...models import Petition, PetitionState, utcnow

log = logging.getLogger(__name__)
RESPONSE_THRESHOLD = 10_000
DEBATE_THRESHOLD = 100_000


class FeedError(Exception):
    pass


def official_url(petition_id: int) -> str:
    return f"{current_app.config['PARLIAMENT_PETITIONS_URL']}/petitions/{petition_id}"


def fetch_official(petition_id: int) -> dict:
    url = official_url(petition_id) + ".json"
    request = urllib.request.Request(url, headers={"Accept": "application/json",
                                                   "User-Agent": "SupportNotSeparation-campaign/1.0"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - configured https origin
            payload = json.load(response)
    except urllib.error.HTTPError as error:
        raise FeedError(f"the Parliament site answered {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        raise FeedError(f"could not reach the Parliament site: {getattr(error, 'reason', error)}") from None
    except ValueError:
        raise FeedError("the Parliament site sent something that is not JSON") from None
    try:
        return payload["data"]["attributes"]
    except (KeyError, TypeError):
        raise FeedError("the Parliament site's JSON did not have the expected shape") from None


def _when(value) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)  # a bare date is a UK date; UTC is close


def refresh_official(petition: Petition) -> bool:
    """Read one official petition's figures. Returns whether the read worked."""
    try:
        attributes = fetch_official(petition.parliament_petition_id)
        count = int(attributes["signature_count"])
    except (FeedError, KeyError, TypeError, ValueError) as error:
        petition.parliament_error = str(error) if isinstance(error, FeedError) else "the count was missing"
        db.session.commit()
        log.warning("Official petition %s: %s", petition.parliament_petition_id, petition.parliament_error)
        return False
    response = attributes.get("government_response") or {}
    petition.parliament_title = str(attributes.get("action") or "")[:300]
    petition.parliament_state = str(attributes.get("state") or "")[:30]
    petition.parliament_count = count
    petition.parliament_response_threshold_at = _when(attributes.get("response_threshold_reached_at"))
    petition.parliament_responded_at = _when(attributes.get("government_response_at"))
    petition.parliament_response_summary = str(response.get("summary") or "")[:2000]
    petition.parliament_debate_threshold_at = _when(attributes.get("debate_threshold_reached_at"))
    petition.parliament_debate_date = str(attributes.get("scheduled_debate_date") or "")[:20]
    petition.parliament_debated = bool(attributes.get("debate_outcome_at"))
    petition.parliament_fetched_at = utcnow()
    petition.parliament_error = ""
    db.session.commit()
    return True


def refresh_all_official() -> dict:
    linked = db.session.scalars(select(Petition).where(
        Petition.parliament_petition_id.is_not(None), Petition.state.in_(PetitionState.PUBLIC))).all()
    results = {p.slug: refresh_official(p) for p in linked}
    return {"read": sum(results.values()), "failed": len(results) - sum(results.values())}
