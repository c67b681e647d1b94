"""Stripe's webhook events, each processed exactly once, in any order.

Every verified event is stored by its id (the primary key), so a replay finds the row and does nothing.
Processing happens in the same transaction as the store, with the donation's row locked, so two posts at
once cannot both act. Each handler only ever moves things forward (a donation up its ranking, a payment
from pending to failed to paid, a refund total up, a subscription to its newest status), which is what
makes late, repeated and out-of-order events end in the same state. What Stripe says about a charge
(refunds, disputes) is kept by payment intent, so it applies whether it arrives before or after the
payment it belongs to.

Reading Stripe's payloads is the payments adapter's (campaign/payments/events.py): each handler here gets
what the event says as a small dataclass, and decides what to do about it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ... import payments
from ...extensions import db
from ...models import (
    Donation,
    DonationPayment,
    DonationState,
    PaymentState,
    StripeCharge,
    StripeEvent,
    StripeEventState,
    utcnow,
)
from . import receipts as donation_receipts

# A subscription that has ended cannot start again at Stripe; its status never changes after this.
FINAL_SUBSCRIPTION = "canceled"
FINAL_DISPUTES = ("won", "lost")


# The webhook view catches it by this name.
MalformedEvent = payments.MalformedEvent


def receive(raw_body: bytes, signature_header: str) -> str:
    """Verify, store and process one post. Returns what happened; raises WebhookRejected or MalformedEvent."""
    payments.verify_webhook(raw_body, signature_header)
    event = payments.read_event(raw_body)
    stored = _store(event)
    outcome = "duplicate" if stored.processed_at else _process(stored)
    db.session.commit()
    return outcome


def _store(event: payments.ReceivedEvent) -> StripeEvent:
    """The event's row, locked: a second post of the same event waits here until the first has committed,
    then sees it processed."""
    existing = db.session.scalar(select(StripeEvent).where(StripeEvent.id == event.id).with_for_update())
    if existing is not None:
        return existing
    try:
        with db.session.begin_nested():
            db.session.add(
                StripeEvent(id=event.id, type=event.type, created=event.created, payload=event.payload)
            )
    except IntegrityError:
        pass  # the same event posted twice at once: the other post stored it first
    return db.session.scalar(select(StripeEvent).where(StripeEvent.id == event.id).with_for_update())


def _process(stored: StripeEvent) -> str:
    update = payments.read_update(stored.type, stored.payload)
    handler = HANDLERS.get(type(update))
    stored.attempts += 1
    detail = handler(update, stored.created) if handler else "ignored: not acted on"
    state = StripeEventState.PROCESSED
    if detail.startswith("ignored:"):
        state, detail = StripeEventState.IGNORED, detail[8:].strip()
    stored.state, stored.detail, stored.processed_at = state, detail, utcnow()
    return state


# Finding our records ------------------------------------------------------------------------------------


def _lock_donation(**where) -> Donation | None:
    ((column, value),) = where.items()
    if not value:
        return None
    return db.session.scalar(select(Donation).where(getattr(Donation, column) == value).with_for_update())


def _donation_for(reference: str | None, subscription_id: str | None = None) -> Donation | None:
    """Ours carry the donation's ref (our row is committed before Stripe hears of it); anything else in
    the same Stripe account is not a donation of ours."""
    return _lock_donation(ref=reference) or _lock_donation(stripe_subscription_id=subscription_id)


def _advance(donation: Donation, state: str) -> bool:
    if DonationState.RANK[state] <= DonationState.RANK[donation.state]:
        return False
    donation.state = state
    donation.updated_at = utcnow()
    if state == DonationState.COMPLETED:
        donation.completed_at = donation.completed_at or utcnow()
    return True


def _when(timestamp: int | None) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC) if timestamp else utcnow()


def _payment(donation: Donation, stripe_key: str, amount: int, currency: str | None) -> DonationPayment:
    payment = db.session.scalar(
        select(DonationPayment).where(DonationPayment.stripe_key == stripe_key).with_for_update()
    )
    if payment is None:
        payment = DonationPayment(
            donation=donation,
            stripe_key=stripe_key,
            amount_pence=amount,
            currency=currency or donation.currency,
        )
        db.session.add(payment)
        db.session.flush()
    return payment


def _mark_payment(payment: DonationPayment, state: str, when: datetime) -> None:
    if PaymentState.RANK[state] <= PaymentState.RANK[payment.state]:
        return
    payment.state = state
    if state == PaymentState.PAID:
        payment.paid_at = when
        donation_receipts.queue_receipt(payment)
    elif state == PaymentState.FAILED:
        payment.failed_at = when
        donation_receipts.tell_of_failed_payment(payment)


def _link_charge(payment: DonationPayment, payment_intent: str | None) -> None:
    """Join a payment to what Stripe said of its charge, whichever was heard of first."""
    if payment_intent:
        payment.payment_intent = payment_intent
    charge = None
    if payment.payment_intent:
        charge = db.session.get(StripeCharge, payment.payment_intent, with_for_update=True)
    elif payment.stripe_key.startswith("in_"):
        charge = db.session.scalar(select(StripeCharge).where(StripeCharge.invoice_id == payment.stripe_key))
        if charge is not None:
            payment.payment_intent = charge.payment_intent
    if charge is not None:
        payment.refunded_pence = max(payment.refunded_pence, charge.amount_refunded)
        payment.dispute_status = charge.dispute_status


def _charge(payment_intent: str) -> StripeCharge:
    charge = db.session.get(StripeCharge, payment_intent, with_for_update=True)
    if charge is None:
        try:
            with db.session.begin_nested():
                db.session.add(StripeCharge(payment_intent=payment_intent))
        except IntegrityError:
            pass  # another event about the same charge, at the same moment, made it first
        charge = db.session.get(StripeCharge, payment_intent, with_for_update=True, populate_existing=True)
    return charge


def _payments_of_charge(charge: StripeCharge) -> list[DonationPayment]:
    found = db.session.scalars(
        select(DonationPayment)
        .where(DonationPayment.payment_intent == charge.payment_intent)
        .with_for_update()
    ).all()
    if not found and charge.invoice_id:
        found = db.session.scalars(
            select(DonationPayment).where(DonationPayment.stripe_key == charge.invoice_id).with_for_update()
        ).all()
    return list(found)


# Handlers: each takes what the event says and the event's creation time ------------------------------------

_CHECKOUT_STATES = {
    payments.CheckoutOutcome.PAID: DonationState.COMPLETED,
    payments.CheckoutOutcome.PENDING: DonationState.PROCESSING,
    payments.CheckoutOutcome.FAILED: DonationState.FAILED,
    payments.CheckoutOutcome.EXPIRED: DonationState.EXPIRED,
}


def _checkout_session(session: payments.CheckoutUpdate, created: int) -> str:
    donation = _donation_for(session.reference)
    if donation is None:
        return "ignored: not a donation of ours"
    donation.checkout_session_id = donation.checkout_session_id or session.session_id
    donation.stripe_customer_id = donation.stripe_customer_id or session.customer_id
    if session.subscription_id:
        donation.stripe_subscription_id = donation.stripe_subscription_id or session.subscription_id
    state = _CHECKOUT_STATES[session.outcome]

    if session.one_off and state != DonationState.EXPIRED:
        # One-off: the session is the payment. (A monthly donation's payments come from its invoices, so
        # the first month is never counted twice.)
        payment = _payment(
            donation, session.session_id, session.amount_pence or donation.amount_pence, session.currency
        )
        _link_charge(payment, session.payment_intent)
        if state == DonationState.COMPLETED:
            _mark_payment(payment, PaymentState.PAID, _when(created))
        elif state == DonationState.FAILED:
            _mark_payment(payment, PaymentState.FAILED, _when(created))
    _advance(donation, state)
    return f"donation {donation.ref}: {donation.state}"


def _invoice(invoice: payments.InvoiceUpdate, created: int) -> str:
    if not invoice.subscription_id:
        return "ignored: not a subscription invoice"
    donation = _donation_for(invoice.reference, invoice.subscription_id)
    if donation is None:
        return "ignored: not a donation of ours"
    donation.stripe_subscription_id = donation.stripe_subscription_id or invoice.subscription_id
    donation.stripe_customer_id = donation.stripe_customer_id or invoice.customer_id
    amount = invoice.amount_pence
    if amount <= 0:
        return "ignored: nothing to pay on this invoice"
    payment = _payment(donation, invoice.invoice_id, amount, invoice.currency)
    _link_charge(payment, invoice.payment_intent)
    if invoice.paid:
        payment.amount_pence = amount
        _mark_payment(payment, PaymentState.PAID, _when(invoice.paid_at or created))
        _advance(donation, DonationState.COMPLETED)
    else:
        _mark_payment(payment, PaymentState.FAILED, _when(created))
    return f"donation {donation.ref}: invoice {invoice.invoice_id} {payment.state}"


def _invoice_payment(item: payments.InvoicePayment, created: int) -> str:
    invoice_id, intent = item.invoice_id, item.payment_intent
    if not (invoice_id and intent):
        return "ignored: not paid by a payment intent"
    charge = _charge(intent)
    charge.invoice_id = invoice_id
    for payment in db.session.scalars(
        select(DonationPayment).where(DonationPayment.stripe_key == invoice_id).with_for_update()
    ):
        _link_charge(payment, intent)
    return f"invoice {invoice_id} paid by {intent}"


def _subscription(subscription: payments.SubscriptionUpdate, created: int) -> str:
    donation = _donation_for(subscription.reference, subscription.subscription_id)
    if donation is None:
        return "ignored: not a donation of ours"
    donation.stripe_subscription_id = donation.stripe_subscription_id or subscription.subscription_id
    donation.stripe_customer_id = donation.stripe_customer_id or subscription.customer_id
    status = subscription.status
    if donation.subscription_status == FINAL_SUBSCRIPTION or (
        created < donation.subscription_status_at and status != FINAL_SUBSCRIPTION
    ):
        return f"donation {donation.ref}: kept {donation.subscription_status} (newer than this event)"
    donation.subscription_status, donation.subscription_status_at = status, created
    if status == FINAL_SUBSCRIPTION:
        donation.cancelled_at = donation.cancelled_at or _when(subscription.cancelled_at or created)
    donation.updated_at = utcnow()
    return f"donation {donation.ref}: subscription {status}"


def _refund(refund: payments.RefundUpdate, created: int) -> str:
    intent = refund.payment_intent
    if not intent:
        return "ignored: a charge without a payment intent"
    charge = _charge(intent)
    charge.amount_refunded = max(charge.amount_refunded, refund.refunded_pence)
    found = _payments_of_charge(charge)
    for payment in found:
        _link_charge(payment, intent)
    return f"{intent}: refunded {charge.amount_refunded} ({len(found)} payment(s) known)"


def _dispute(dispute: payments.DisputeUpdate, created: int) -> str:
    intent = dispute.payment_intent
    if not intent:
        return "ignored: a dispute without a payment intent"
    charge = _charge(intent)
    status = dispute.status
    if charge.dispute_status not in FINAL_DISPUTES and (
        created >= charge.dispute_status_at or status in FINAL_DISPUTES
    ):
        charge.dispute_id, charge.dispute_status, charge.dispute_status_at = (
            dispute.dispute_id,
            status,
            created,
        )
    for payment in _payments_of_charge(charge):
        _link_charge(payment, intent)
    return f"{intent}: dispute {charge.dispute_status}"


HANDLERS: dict[type, Callable[[Any, int], str]] = {
    payments.CheckoutUpdate: _checkout_session,
    payments.InvoiceUpdate: _invoice,
    payments.InvoicePayment: _invoice_payment,
    payments.SubscriptionUpdate: _subscription,
    payments.RefundUpdate: _refund,
    payments.DisputeUpdate: _dispute,
}
