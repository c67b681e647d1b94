"""What happens to a batch once its request has been made, or its worker lost: accepted, failed, or back to
pending with a wait; the campaign paused when batches keep failing (its creator and the organisers told),
and finished when none is left to send. Every move is one guarded UPDATE, so it happens once."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, func, select, update

from ...extensions import db, rowcount
from ...mail import EventType, PermanentMailError, TransientMailError, UncertainMailError
from ...models import BatchState, Campaign, CampaignBatch, CampaignState, utcnow
from ...urls import public_url
from ..notifications import notify_staff

# Events SendGrid sends only for a message it accepted: one of them for a batch means SendGrid had it.
ACCEPTED_EVENTS = (EventType.PROCESSED, EventType.DELIVERED)
# The note a batch carries while nobody can tell whether SendGrid has it; settling it clears the note.
OUTCOME_UNKNOWN = "outcome unknown"
# The start of the reason a campaign carries when it paused itself (failing batches, or uncertain ones);
# the second when it paused itself over such batches.
SELF_PAUSED = "Paused automatically"
UNCERTAIN_PAUSE = f"{SELF_PAUSED}: the worker sending"


def uncertain():
    """Batches whose worker died mid-send with nothing to tell whether SendGrid accepted them: failed, as
    far as the figures go, but perhaps received by everyone in them."""
    return and_(
        CampaignBatch.state == BatchState.FAILED, CampaignBatch.last_error.startswith(OUTCOME_UNKNOWN)
    )


def uncertain_totals(campaign_id: int) -> tuple[int, int]:
    """(batches, people) of the campaign's uncertain batches."""
    batches, people = db.session.execute(
        select(func.count(), func.coalesce(func.sum(CampaignBatch.size), 0)).where(
            CampaignBatch.campaign_id == campaign_id, uncertain()
        )
    ).one()
    return int(batches), int(people)


def plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def finish_if_done(campaign: Campaign) -> None:
    left = db.session.scalar(
        select(func.count()).where(
            CampaignBatch.campaign_id == campaign.id,
            CampaignBatch.state.in_((BatchState.PENDING, BatchState.SENDING, BatchState.HELD)),
        )
    )
    if not left:
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id, Campaign.state == CampaignState.SENDING)
            .values(state=CampaignState.FINISHED, finished_at=utcnow())
        )


def mark(batch_id: int, from_state: str, to_state: str, size: int, note: str = "") -> int:
    moved = rowcount(
        db.session.execute(
            update(CampaignBatch)
            .where(CampaignBatch.id == batch_id, CampaignBatch.state == from_state)
            .values(state=to_state, sent_at=utcnow(), last_error=note)
        )
    )
    if moved:
        campaign_id = db.session.scalar(select(CampaignBatch.campaign_id).where(CampaignBatch.id == batch_id))
        counter = Campaign.accepted if to_state == BatchState.ACCEPTED else Campaign.failed
        db.session.execute(
            update(Campaign).where(Campaign.id == campaign_id).values({counter: counter + size})
        )
    return moved


def settle(batch: CampaignBatch, campaign: Campaign, message_id: str, error, sent: int | None = None) -> str:
    if isinstance(error, UncertainMailError):
        # SendGrid may have it: leave the batch "sending" for reconciliation rather than risk a second copy.
        db.session.execute(
            update(CampaignBatch)
            .where(CampaignBatch.id == batch.id)
            .values(last_error=f"{OUTCOME_UNKNOWN}: {error}"[:1000])
        )
        db.session.commit()
        return "outcome unknown"
    if isinstance(error, TransientMailError):
        return retry_later(batch, campaign, str(error), error.retry_after)
    if isinstance(error, PermanentMailError):
        mark(batch.id, BatchState.SENDING, BatchState.FAILED, batch.size, str(error)[:1000])
        db.session.commit()
        pause_if_failing(campaign, str(error))
        outcome = "failed"
    else:
        mark_accepted(batch.id, batch.size if sent is None else sent, message_id)
        outcome = "accepted"
    finish_if_done(campaign)
    db.session.commit()
    return outcome


def mark_accepted(batch_id: int, size: int, message_id: str) -> None:
    mark(batch_id, BatchState.SENDING, BatchState.ACCEPTED, size)
    db.session.execute(
        update(CampaignBatch)
        .where(CampaignBatch.id == batch_id)
        .values(provider_message_id=(message_id or "")[:200])
    )
    db.session.commit()


def retry_later(batch: CampaignBatch, campaign: Campaign, error: str, retry_after: float | None) -> str:
    attempts = batch.attempts
    if attempts >= current_app.config["CAMPAIGN_MAX_ATTEMPTS"]:
        mark(
            batch.id,
            BatchState.SENDING,
            BatchState.FAILED,
            batch.size,
            f"gave up after {attempts} tries: {error}",
        )
        db.session.commit()
        pause_if_failing(campaign, error, gave_up=True)
        return "failed"
    # Exponential back-off from 30 s, or what the provider asked for if it said.
    wait = retry_after if retry_after is not None else 30 * 2 ** (attempts - 1)
    db.session.execute(
        update(CampaignBatch)
        .where(CampaignBatch.id == batch.id, CampaignBatch.state == BatchState.SENDING)
        .values(
            state=BatchState.PENDING,
            not_before=utcnow() + timedelta(seconds=max(wait, 1)),
            last_error=error[:1000],
        )
    )
    db.session.commit()
    return "retry later"


def pause_if_failing(campaign: Campaign, error: str, gave_up: bool = False) -> None:
    # Uncertain batches are not ones that "could not be sent": they have their own reason.
    failed = db.session.scalar(
        select(func.count()).where(
            CampaignBatch.campaign_id == campaign.id,
            CampaignBatch.state == BatchState.FAILED,
            ~CampaignBatch.last_error.startswith(OUTCOME_UNKNOWN),
        )
    )
    if not gave_up and failed < current_app.config["CAMPAIGN_PAUSE_AFTER_FAILURES"]:
        return
    reason = (
        f"{SELF_PAUSED}: {plural(failed, 'batch', 'batches')} could not be sent. SendGrid said: {error[:300]}"
    )
    _pause(campaign, reason)


def pause_for_uncertain(campaign: Campaign) -> None:
    """Pause a campaign with batches nobody can settle, giving how many there are and who is in them. Called
    once each time more are found, so a reason written earlier is brought up to date, never left short."""
    batches, people = uncertain_totals(campaign.id)
    if not batches:
        return
    reason = (
        f"{UNCERTAIN_PAUSE} {plural(batches, 'batch', 'batches')} ({plural(people, 'person', 'people')}) "
        f"stopped before it could record SendGrid's answer, so {'its' if batches == 1 else 'their'} outcome "
        "is unknown: without SendGrid's event webhook nothing can tell whether SendGrid accepted "
        f"{'it' if batches == 1 else 'them'}. Choose on the campaign page: send "
        f"{'it' if batches == 1 else 'them'} again (some may get it twice), send only to those who "
        "certainly did not get it, or cancel."
    )
    db.session.execute(
        update(Campaign)
        .where(
            Campaign.id == campaign.id,
            Campaign.state == CampaignState.PAUSED,
            Campaign.paused_reason.startswith(UNCERTAIN_PAUSE),
        )
        .values(paused_reason=reason)
    )
    _pause(campaign, reason)


def _pause(campaign: Campaign, reason: str) -> None:
    paused = rowcount(
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id, Campaign.state == CampaignState.SENDING)
            .values(state=CampaignState.PAUSED, paused_reason=reason)
        )
    )
    if paused:
        notify_staff(
            "campaign_paused",
            also=[campaign.created_by],
            template="campaign_paused",
            subject=f"Sending paused: {campaign.subject}",
            summary=f"Sending \u201c{campaign.subject}\u201d paused itself: {reason}",
            link=public_url("outreach.show", ref=campaign.ref),
            campaign=campaign,
            reason=reason,
        )
    db.session.commit()
