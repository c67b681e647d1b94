"""What happens to a batch once its request has been made, or its worker lost: accepted, failed, or back to
pending with a wait; the campaign paused when batches keep failing (its creator and the organisers told),
and finished when none is left to send. Every move is one guarded UPDATE, so it happens once."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select, update

from ...extensions import db, rowcount
from ...mail import PermanentMailError, TransientMailError, UncertainMailError
from ...models import BatchState, Campaign, CampaignBatch, CampaignState, utcnow
from ...urls import public_url
from ..accounts.people import staff_addresses
from ..emails import queue_email


def finish_if_done(campaign: Campaign) -> None:
    left = db.session.scalar(
        select(func.count()).where(
            CampaignBatch.campaign_id == campaign.id,
            CampaignBatch.state.in_((BatchState.PENDING, BatchState.SENDING)),
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
            .values(last_error=f"outcome unknown: {error}"[:1000])
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
    failed = db.session.scalar(
        select(func.count()).where(
            CampaignBatch.campaign_id == campaign.id, CampaignBatch.state == BatchState.FAILED
        )
    )
    if not gave_up and failed < current_app.config["CAMPAIGN_PAUSE_AFTER_FAILURES"]:
        return
    reason = (
        f"Paused automatically: {failed} batch{'es' if failed != 1 else ''} could not be sent. "
        f"SendGrid said: {error[:300]}"
    )
    paused = rowcount(
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id, Campaign.state == CampaignState.SENDING)
            .values(state=CampaignState.PAUSED, paused_reason=reason)
        )
    )
    if paused:
        recipients = dict(staff_addresses())
        if campaign.created_by is not None and campaign.created_by.active:
            recipients[campaign.created_by.email] = campaign.created_by.name
        link = public_url("outreach.show", ref=campaign.ref)
        for email, name in recipients.items():
            queue_email(
                "campaign_paused",
                email,
                f"Sending paused: {campaign.subject}",
                name=name,
                campaign=campaign,
                reason=reason,
                link=link,
            )
    db.session.commit()
