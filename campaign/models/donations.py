"""Donations: the gift a supporter set up (once or monthly), each payment Stripe took for it, what Stripe
later said about those payments (refunds, disputes), Gift Aid declarations and claims, and every Stripe
event received, stored by its id so each is processed once.

Money is counted only from ``DonationPayment`` rows in the paid state, and only a verified Stripe webhook
puts a row there."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from ._types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from .coalition import Page
    from .petitions import Petition


class Frequency:
    ONE_OFF = "one_off"
    MONTHLY = "monthly"
    LABELS = {ONE_OFF: "One-off", MONTHLY: "Monthly"}


class DonationState:
    """Where the donor's checkout got to. Ranked: a later event may only move a donation up the ranking, so
    events arriving in any order (or twice) end in the same state."""

    STARTED = "started"  # our row exists; the donor was sent to Stripe
    EXPIRED = "expired"  # the checkout was abandoned
    PROCESSING = "processing"  # checkout finished, the payment method takes days (Bacs, for example)
    FAILED = "failed"  # the delayed payment failed
    COMPLETED = "completed"  # paid (one-off), or the monthly donation's first payment was taken
    RANK = {STARTED: 0, EXPIRED: 1, PROCESSING: 2, FAILED: 3, COMPLETED: 4}
    LABELS = {
        STARTED: "Awaiting payment",
        EXPIRED: "Not completed",
        PROCESSING: "Payment processing",
        FAILED: "Payment failed",
        COMPLETED: "Completed",
    }


def gift_aid_uplift_pence(amount_pence: int) -> int:
    """What Gift Aid adds to a gift: the basic-rate tax (20%) the donor paid on it, which HMRC pays the charity,
    25p for every pound given, rounded down to the penny."""
    return amount_pence // 4


class PaymentState:
    PENDING = "pending"
    FAILED = "failed"
    PAID = "paid"
    RANK = {PENDING: 0, FAILED: 1, PAID: 2}


class GiftAidCover:
    THIS = "this"  # this donation (every payment of a monthly donation)
    ENDURING = "enduring"  # this donation, future ones and those in the past four years
    LABELS = {
        THIS: "This donation only (every payment of it, if monthly)",
        ENDURING: "This donation, any I make in future, and any I have made in the past 4 years",
    }


class DonationSettings(Model):
    """The coalition's choices for giving, edited by organisers. One row."""

    __tablename__ = "donation_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    gift_aid_enabled: Mapped[bool] = mapped_column(default=False)
    charity_name: Mapped[str] = mapped_column(String(200), default="")
    charity_number: Mapped[str] = mapped_column(String(40), default="")
    target_pence: Mapped[int] = mapped_column(default=0)
    target_label: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class GiftAidDeclaration(Model):
    """A declaration exactly as the donor gave it, with the wording they were shown."""

    __tablename__ = "gift_aid_declarations"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(4), default="")
    first_name: Mapped[str] = mapped_column(String(35))
    last_name: Mapped[str] = mapped_column(String(35))
    house: Mapped[str] = mapped_column(String(40))  # house name or number, as HMRC asks
    address: Mapped[str] = mapped_column(String(300), default="")  # the rest of the home address
    postcode: Mapped[str] = mapped_column(String(10))
    email: Mapped[str] = mapped_column(String(254))
    covers: Mapped[str] = mapped_column(String(20))
    charity_name: Mapped[str] = mapped_column(String(200))
    wording: Mapped[str] = mapped_column(Text)
    wording_version: Mapped[str] = mapped_column(String(20))
    declared_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Donation(Model):
    __tablename__ = "donations"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(24), unique=True)
    # The form's one-time value: a second submission of the same form (a double click) finds this row
    # and sends the donor to the same Checkout session.
    attempt_key: Mapped[str] = mapped_column(String(64), unique=True)
    idempotency_key: Mapped[str] = mapped_column(String(80))
    frequency: Mapped[str] = mapped_column(String(10))
    amount_pence: Mapped[int] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3), default="gbp")
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    email_key: Mapped[str] = mapped_column(String(254), index=True)
    opt_in: Mapped[bool] = mapped_column(default=False)
    # The "email me news" question exactly as the donor saw it, its version and when they answered
    # (ticked or not). None on donations made before these were kept.
    opt_in_wording: Mapped[str | None] = mapped_column(Text)
    opt_in_version: Mapped[str | None] = mapped_column(String(20))
    opt_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    petition_id: Mapped[int | None] = mapped_column(
        ForeignKey("petitions.id", ondelete="SET NULL"), index=True
    )
    petition: Mapped[Petition | None] = relationship()  # noqa: F821
    page_id: Mapped[int | None] = mapped_column(ForeignKey("pages.id", ondelete="SET NULL"), index=True)
    page: Mapped[Page | None] = relationship()  # noqa: F821
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    gift_aid_declaration_id: Mapped[int | None] = mapped_column(ForeignKey("gift_aid_declarations.id"))
    gift_aid_declaration: Mapped[GiftAidDeclaration | None] = relationship()
    state: Mapped[str] = mapped_column(String(20), default=DonationState.STARTED, index=True)
    checkout_session_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    checkout_url: Mapped[str] = mapped_column(Text, default="")
    checkout_error: Mapped[str] = mapped_column(Text, default="")
    stripe_customer_id: Mapped[str | None] = mapped_column(String(255), index=True)
    stripe_subscription_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    # The subscription's status as of the newest subscription event applied ("canceled" is final).
    subscription_status: Mapped[str] = mapped_column(String(30), default="")
    subscription_status_at: Mapped[int] = mapped_column(default=0)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    payments: Mapped[list[DonationPayment]] = relationship(
        back_populates="donation", order_by="DonationPayment.id"
    )

    @property
    def monthly(self) -> bool:
        return self.frequency == Frequency.MONTHLY

    @property
    def is_completed(self) -> bool:
        return self.state == DonationState.COMPLETED

    @property
    def is_processing(self) -> bool:
        return self.state == DonationState.PROCESSING

    @property
    def is_failed(self) -> bool:
        return self.state == DonationState.FAILED

    @property
    def paid_payments(self) -> list[DonationPayment]:
        return [payment for payment in self.payments if payment.state == PaymentState.PAID]

    @property
    def gift_aid_uplift_pence(self) -> int:
        """What Gift Aid adds to this gift (each payment of it, if monthly), whether or not it was declared."""
        return gift_aid_uplift_pence(self.amount_pence)

    @property
    def amount_with_gift_aid_pence(self) -> int:
        return self.amount_pence + self.gift_aid_uplift_pence


class DonationPayment(Model):
    """One payment Stripe took (or tried to): the one-off payment, or one month of a monthly donation."""

    __tablename__ = "donation_payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    donation_id: Mapped[int] = mapped_column(ForeignKey("donations.id"), index=True)
    donation: Mapped[Donation] = relationship(back_populates="payments")
    # The Checkout session (one-off) or the invoice (monthly) this payment belongs to: one row each.
    stripe_key: Mapped[str] = mapped_column(String(255), unique=True)
    payment_intent: Mapped[str | None] = mapped_column(String(255), index=True)
    amount_pence: Mapped[int] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3), default="gbp")
    state: Mapped[str] = mapped_column(String(20), default=PaymentState.PENDING, index=True)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Copied from the charge's record whenever either side changes.
    refunded_pence: Mapped[int] = mapped_column(default=0)
    dispute_status: Mapped[str] = mapped_column(String(30), default="")
    receipt_queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    gift_aid_claim_id: Mapped[int | None] = mapped_column(ForeignKey("gift_aid_claims.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def net_pence(self) -> int:
        if self.state != PaymentState.PAID:
            return 0
        lost = self.amount_pence if self.dispute_status == "lost" else 0
        return max(self.amount_pence - max(self.refunded_pence, lost), 0)


class StripeCharge(Model):
    """What Stripe has said about the charge behind a payment intent: refunds (Stripe sends the cumulative
    amount) and disputes. Kept apart from the payment because these events can arrive before we know which
    payment the intent belongs to."""

    __tablename__ = "stripe_charges"

    payment_intent: Mapped[str] = mapped_column(String(255), primary_key=True)
    invoice_id: Mapped[str | None] = mapped_column(String(255), index=True)
    amount_refunded: Mapped[int] = mapped_column(default=0)
    dispute_id: Mapped[str] = mapped_column(String(255), default="")
    dispute_status: Mapped[str] = mapped_column(String(30), default="")
    dispute_status_at: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class GiftAidClaim(Model):
    """A set of gifts an organiser recorded as claimed from HMRC, so none is claimed twice."""

    __tablename__ = "gift_aid_claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(24), unique=True)
    payment_count: Mapped[int] = mapped_column(default=0)
    total_pence: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class StripeEventState:
    RECEIVED = "received"
    PROCESSED = "processed"
    IGNORED = "ignored"  # a type we do not act on, or about something that is not a donation of ours


class StripeEvent(Model):
    """Every verified event, by Stripe's id. The id is the primary key, so a replay is a no-op."""

    __tablename__ = "stripe_events"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    type: Mapped[str] = mapped_column(String(100), index=True)
    created: Mapped[int] = mapped_column()
    payload: Mapped[dict] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20), default=StripeEventState.RECEIVED, index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(default=0)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
