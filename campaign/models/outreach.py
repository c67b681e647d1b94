"""Bulk email: campaigns, the recipients frozen when sending starts, the batches they are sent in, who must
never be emailed (suppressions and per-list opt-outs), and SendGrid's delivery events."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from ._types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from .accounts import User


class CampaignState:
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    PAUSED = "paused"
    CANCELLED = "cancelled"
    FINISHED = "finished"
    EDITABLE = (DRAFT, SCHEDULED)
    # Started and not yet finished or cancelled: it has progress to show, and can be cancelled.
    RUNNING = (SENDING, PAUSED)
    LABELS = {
        DRAFT: "Draft",
        SCHEDULED: "Scheduled",
        SENDING: "Sending",
        PAUSED: "Paused",
        CANCELLED: "Cancelled",
        FINISHED: "Sent",
    }


class BatchState:
    PENDING = "pending"
    SENDING = "sending"
    ACCEPTED = "accepted"
    FAILED = "failed"
    CANCELLED = "cancelled"
    # The rest of a subject-line test's audience, waiting for the winner (services/outreach/subject_test).
    HELD = "held"


class SuppressionReason:
    UNSUBSCRIBED = "unsubscribed"  # from everything
    BOUNCED = "bounced"
    DROPPED = "dropped"
    SPAM = "spam_report"
    BLOCKED = "blocked"  # by an organiser
    # Transactional mail (confirmations, resets) still goes to people who unsubscribed from updates,
    # but never to an address that bounces or reported spam.
    UNDELIVERABLE = (BOUNCED, DROPPED, SPAM, BLOCKED)
    LABELS = {
        UNSUBSCRIBED: "Unsubscribed from everything",
        BOUNCED: "Hard bounce",
        DROPPED: "Dropped by SendGrid",
        SPAM: "Reported as spam",
        BLOCKED: "Blocked by an organiser",
    }


class Campaign(Model):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(24), unique=True)
    subject: Mapped[str] = mapped_column(String(200))
    preheader: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown with {{ merge fields }}
    # Who it goes to: {"petitions": [ids], "regions": [...], "signed_from": iso, "signed_to": iso, "members": bool}
    audience: Mapped[dict] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(20), default=CampaignState.DRAFT, index=True)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    send_rate: Mapped[int | None] = mapped_column()  # recipients per hour; None: as fast as the workers go
    # Open and click tracking (a pixel, rewritten links) for this campaign only; off unless chosen.
    track_engagement: Mapped[bool] = mapped_column(default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_by: Mapped[User | None] = relationship()  # noqa: F821
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    paused_reason: Mapped[str] = mapped_column(Text, default="")
    # When an organiser put the sent update on the public updates page (None: not published).
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    # Figures. Recipients and accepted/failed are ours; the rest come from SendGrid's events.
    recipient_count: Mapped[int] = mapped_column(default=0)
    accepted: Mapped[int] = mapped_column(default=0)
    failed: Mapped[int] = mapped_column(default=0)
    delivered: Mapped[int] = mapped_column(default=0)
    bounced: Mapped[int] = mapped_column(default=0)
    complained: Mapped[int] = mapped_column(default=0)
    unsubscribed: Mapped[int] = mapped_column(default=0)
    opened: Mapped[int] = mapped_column(default=0)
    clicked: Mapped[int] = mapped_column(default=0)
    complaint_warning_sent: Mapped[bool] = mapped_column(default=False)
    # A subject-line test (services/outreach/subject_test): a second subject, the share of the audience
    # that tries the two (half each), how long before the winner goes to the rest, and what decides it.
    subject_b: Mapped[str] = mapped_column(String(200), default="")
    test_percent: Mapped[int | None] = mapped_column()
    test_wait_hours: Mapped[int | None] = mapped_column()
    test_criterion: Mapped[str] = mapped_column(String(10), default="clicks")  # clicks | opens
    test_decide_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    test_winner: Mapped[str] = mapped_column(String(1), default="")  # "a" | "b" once chosen
    test_reason: Mapped[str] = mapped_column(Text, default="")

    @property
    def state_label(self) -> str:
        return CampaignState.LABELS.get(self.state, self.state)

    @property
    def editable(self) -> bool:
        """Not yet sending: its message and audience can still change."""
        return self.state in CampaignState.EDITABLE

    @property
    def is_scheduled(self) -> bool:
        return self.state == CampaignState.SCHEDULED

    @property
    def is_sending(self) -> bool:
        return self.state == CampaignState.SENDING

    @property
    def is_paused(self) -> bool:
        return self.state == CampaignState.PAUSED

    @property
    def is_running(self) -> bool:
        return self.state in CampaignState.RUNNING


class CampaignRecipient(Model):
    """One address, frozen when sending starts. Batches are ranges of these ids."""

    __tablename__ = "campaign_recipients"
    __table_args__ = (UniqueConstraint("campaign_id", "email_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(320))
    email_key: Mapped[str] = mapped_column(String(320))
    name: Mapped[str] = mapped_column(String(200), default="")
    # The list this person is on for this message ("petition:<id>" or "coalition"): what one click leaves.
    list_key: Mapped[str] = mapped_column(String(40))
    petition_id: Mapped[int | None] = mapped_column()
    # In a subject-line test: "a" or "b" (the samples) or "rest"; "" when there is no test.
    test_group: Mapped[str] = mapped_column(String(4), default="")


class CampaignBatch(Model):
    __tablename__ = "campaign_batches"
    __table_args__ = (Index("ix_campaign_batches_state", "state", "not_before"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column()
    first_recipient_id: Mapped[int] = mapped_column()
    last_recipient_id: Mapped[int] = mapped_column()
    size: Mapped[int] = mapped_column()
    state: Mapped[str] = mapped_column(String(20), default=BatchState.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    not_before: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    provider_message_id: Mapped[str] = mapped_column(String(200), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
    # Which recipients in its id range it holds (CampaignRecipient.test_group; "" for all of them), and
    # which subject it carries: "b" for the second subject, otherwise the first. The rest of a subject-line
    # test is held with no variant until the winner is chosen.
    test_group: Mapped[str] = mapped_column(String(4), default="")
    variant: Mapped[str] = mapped_column(String(1), default="")


class CampaignLink(Model):
    """A link in a campaign's message, numbered in order, whose clicks go through our own redirect
    (services/outreach/link_clicks). Clicks are counted per link and subject variant, never per person,
    unless the campaign tracks engagement (then CampaignLinkClicker holds who clicked)."""

    __tablename__ = "campaign_links"
    __table_args__ = (UniqueConstraint("campaign_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column()
    url: Mapped[str] = mapped_column(Text)
    clicks_a: Mapped[int] = mapped_column(default=0)
    clicks_b: Mapped[int] = mapped_column(default=0)
    # Hits not counted: HEAD requests, link checkers and clicks in the first seconds after a batch went.
    ignored: Mapped[int] = mapped_column(default=0)

    @property
    def clicks(self) -> int:
        return self.clicks_a + self.clicks_b


class CampaignLinkClicker(Model):
    """Someone who followed a link, kept only for a campaign that tracks engagement: unique clickers."""

    __tablename__ = "campaign_link_clickers"
    __table_args__ = (UniqueConstraint("link_id", "recipient_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("campaign_links.id", ondelete="CASCADE"))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("campaign_recipients.id", ondelete="CASCADE"))
    variant: Mapped[str] = mapped_column(String(1), default="a")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Suppression(Model):
    """Addresses no bulk email goes to; the undeliverable ones get no email at all."""

    __tablename__ = "suppressions"

    id: Mapped[int] = mapped_column(primary_key=True)
    email_key: Mapped[str] = mapped_column(String(320), unique=True)
    reason: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ListOptOut(Model):
    """Someone left one list (a petition's updates, or coalition news) but may still want the others."""

    __tablename__ = "list_opt_outs"
    __table_args__ = (UniqueConstraint("email_key", "list_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email_key: Mapped[str] = mapped_column(String(320))
    list_key: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DeliveryEvent(Model):
    """One SendGrid Event Webhook event, stored once by its sg_event_id and processed by a job."""

    __tablename__ = "delivery_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(100), unique=True)
    event: Mapped[str] = mapped_column(String(30))
    email_key: Mapped[str] = mapped_column(String(320), default="")
    campaign_id: Mapped[int | None] = mapped_column(index=True)
    batch_id: Mapped[int | None] = mapped_column(index=True)
    # The transactional email's public id (its custom arg email_id), if the event is about one: a message
    # still "sending" that the provider reports on was accepted (services.emails reconciles with it).
    email_id: Mapped[str | None] = mapped_column(String(32), index=True)
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)

    campaign: Mapped[Campaign | None] = relationship(
        primaryjoin="foreign(DeliveryEvent.campaign_id) == Campaign.id", viewonly=True
    )


class CampaignDecision(Model):
    """What an organiser chose to do about batches whose outcome was unknown (their worker died mid-send
    and nothing could tell whether SendGrid had them): the record shown on the campaign's page."""

    __tablename__ = "campaign_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_by: Mapped[User | None] = relationship()
    choice: Mapped[str] = mapped_column(String(20))  # resend | skip | cancel
    batches: Mapped[int] = mapped_column(default=0)
    people: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
