"""Batches whose outcome is unknown: their worker died after handing them to SendGrid and before recording
its answer. What the campaign page tells the organiser about them, and the record of what they chose.

With SendGrid's event webhook these settle themselves (sending.reconcile_stale_batches and
delivery_events._reconcile_batches): a "processed" or "delivered" event for a batch shows SendGrid had it,
and silence for BATCH_RECONCILE_SECONDS shows it never did. Without the webhook nothing can tell, so the
batch is marked uncertain, the campaign pauses, and an organiser chooses (campaigns.resume, .cancel)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, select

from ...extensions import db
from ...mail import delivery_events_enabled
from ...models import BatchState, Campaign, CampaignBatch, CampaignDecision, DeliveryEvent, User, utcnow
from ..permissions import require
from .batch_outcomes import uncertain, uncertain_totals

RESEND, SKIP, CANCEL = "resend", "skip", "cancel"
# What each choice did, as the record on the campaign page says it.
DONE = {
    RESEND: "sent the uncertain batches again",
    SKIP: "sent only to those who certainly did not get it, skipping the uncertain batches",
    CANCEL: "cancelled the rest of the campaign",
}
SKIPPED = "skipped: its outcome was unknown and an organiser chose not to risk sending it twice"
# Notes a batch settled from SendGrid's events carries (the first from before the webhook's own wording).
_SETTLED_NOTES = ("reconciled: SendGrid processed it", "accepted by SendGrid (reconciled")


@dataclass
class Batch:
    number: int
    size: int
    claimed_at: datetime | None


@dataclass
class Situation:
    """What the campaign page shows about batches a dead worker left behind."""

    uncertain: list[Batch] = field(default_factory=list)  # nothing can tell: an organiser must choose
    checking: list[Batch] = field(default_factory=list)  # left "sending": waiting for SendGrid's events
    settled_batches: int = 0  # settled from SendGrid's events, no one's choice needed
    settled_people: int = 0
    webhook: bool = False  # SENDGRID_WEBHOOK_PUBLIC_KEY is set
    events_received: bool = False  # and SendGrid has reported on this campaign
    reconcile_minutes: int = 0
    decisions: list[CampaignDecision] = field(default_factory=list)

    @property
    def people(self) -> int:
        return sum(b.size for b in self.uncertain)

    @property
    def checking_people(self) -> int:
        return sum(b.size for b in self.checking)


def situation(actor: User, campaign: Campaign) -> Situation:
    require(actor, "send_campaigns")
    config = current_app.config
    stale = utcnow() - timedelta(seconds=config["BATCH_STALE_SECONDS"])

    def batches(*where) -> list[Batch]:
        rows = db.session.execute(
            select(CampaignBatch.number, CampaignBatch.size, CampaignBatch.claimed_at)
            .where(CampaignBatch.campaign_id == campaign.id, *where)
            .order_by(CampaignBatch.number)
        )
        return [Batch(*row) for row in rows]

    settled_batches, settled_people = db.session.execute(
        select(func.count(), func.coalesce(func.sum(CampaignBatch.size), 0)).where(
            CampaignBatch.campaign_id == campaign.id,
            CampaignBatch.state == BatchState.ACCEPTED,
            CampaignBatch.last_error.startswith(_SETTLED_NOTES[0])
            | CampaignBatch.last_error.startswith(_SETTLED_NOTES[1]),
        )
    ).one()
    return Situation(
        uncertain=batches(uncertain()),
        checking=batches(CampaignBatch.state == BatchState.SENDING, CampaignBatch.claimed_at <= stale),
        settled_batches=int(settled_batches),
        settled_people=int(settled_people),
        webhook=delivery_events_enabled(config),
        events_received=db.session.scalar(
            select(DeliveryEvent.id).where(DeliveryEvent.campaign_id == campaign.id).limit(1)
        )
        is not None,
        reconcile_minutes=max(1, round(config["BATCH_RECONCILE_SECONDS"] / 60)),
        decisions=list(
            db.session.scalars(
                select(CampaignDecision)
                .where(CampaignDecision.campaign_id == campaign.id)
                .order_by(CampaignDecision.created_at, CampaignDecision.id)
            )
        ),
    )


def record(actor: User, campaign: Campaign, choice: str) -> tuple[int, int]:
    """Note, in the caller's transaction, what ``actor`` chose while the campaign had uncertain batches;
    nothing if it had none. Returns those batches' (count, people)."""
    batches, people = uncertain_totals(campaign.id)
    if batches:
        db.session.add(
            CampaignDecision(
                campaign_id=campaign.id, decided_by_id=actor.id, choice=choice, batches=batches, people=people
            )
        )
    return batches, people
