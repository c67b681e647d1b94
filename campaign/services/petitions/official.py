"""The official petition on petition.parliament.uk that one of ours supports: its public JSON, read
periodically (through campaign/feeds/parliament.py). A failed read keeps the last figures and records the
error, so the page can say how old they are."""

from __future__ import annotations

import logging

from sqlalchemy import select

from ...extensions import db
from ...feeds import parliament
from ...models import Petition, PetitionState, utcnow

log = logging.getLogger(__name__)


def refresh_official(petition: Petition) -> bool:
    """Read one official petition's figures. Returns whether the read worked."""
    try:
        official = parliament.fetch_petition(petition.parliament_petition_id)
    except parliament.FeedError as error:
        petition.parliament_error = str(error)
        db.session.commit()
        log.warning("Official petition %s: %s", petition.parliament_petition_id, petition.parliament_error)
        return False
    petition.parliament_title = official.title[:300]
    petition.parliament_state = official.state[:30]
    petition.parliament_count = official.signature_count
    petition.parliament_response_threshold_at = official.response_threshold_reached_at
    petition.parliament_responded_at = official.government_responded_at
    petition.parliament_response_summary = official.government_response_summary[:2000]
    petition.parliament_debate_threshold_at = official.debate_threshold_reached_at
    petition.parliament_debate_date = official.scheduled_debate_date[:20]
    petition.parliament_debated = official.debated
    petition.parliament_fetched_at = utcnow()
    petition.parliament_error = ""
    db.session.commit()
    return True


def refresh_all_official() -> dict:
    linked = db.session.scalars(
        select(Petition).where(
            Petition.parliament_petition_id.is_not(None), Petition.state.in_(PetitionState.PUBLIC)
        )
    ).all()
    results = {p.slug: refresh_official(p) for p in linked}
    return {"read": sum(results.values()), "failed": len(results) - sum(results.values())}
