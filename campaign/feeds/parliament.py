"""Parliament's petitions site (petition.parliament.uk): one petition's public JSON, read into an
OfficialPetition. ``PARLIAMENT_PETITIONS_URL`` points it at a local fake in tests."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import current_app


class FeedError(Exception):
    """The petition could not be read; the message says why, in words an organiser can act on."""


@dataclass(frozen=True)
class OfficialPetition:
    title: str  # what it asks for (Parliament calls it the "action")
    state: str  # Parliament's: open, closed, rejected...
    signature_count: int
    response_threshold_reached_at: datetime | None
    government_responded_at: datetime | None
    government_response_summary: str
    debate_threshold_reached_at: datetime | None
    scheduled_debate_date: str  # as Parliament gives it, "" when none is scheduled
    debated: bool


def petition_url(petition_id: int) -> str:
    """The petition's public page."""
    return f"{current_app.config['PARLIAMENT_PETITIONS_URL']}/petitions/{petition_id}"


def fetch_petition(petition_id: int) -> OfficialPetition:
    """Read one petition. Raises FeedError when the site cannot be reached or its answer makes no sense."""
    return read_petition(_fetch_attributes(petition_id))


def _fetch_attributes(petition_id: int) -> dict:
    url = petition_url(petition_id) + ".json"
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "SupportNotSeparation-campaign/1.0"}
    )
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


def read_petition(attributes: dict) -> OfficialPetition:
    """A petition's ``data.attributes``, as the site's JSON gives them."""
    try:
        count = int(attributes["signature_count"])
    except (KeyError, TypeError, ValueError):
        raise FeedError("the count was missing") from None
    response = attributes.get("government_response") or {}
    return OfficialPetition(
        title=str(attributes.get("action") or ""),
        state=str(attributes.get("state") or ""),
        signature_count=count,
        response_threshold_reached_at=_when(attributes.get("response_threshold_reached_at")),
        government_responded_at=_when(attributes.get("government_response_at")),
        government_response_summary=str(response.get("summary") or ""),
        debate_threshold_reached_at=_when(attributes.get("debate_threshold_reached_at")),
        scheduled_debate_date=str(attributes.get("scheduled_debate_date") or ""),
        debated=bool(attributes.get("debate_outcome_at")),
    )


def _when(value) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)  # a bare date is a UK date; UTC is close
