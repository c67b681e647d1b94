"""Stripe's webhook events, each processed exactly once, in any order.

Every verified event is stored by its id (the primary key), so a replay finds the row and does nothing.
Processing happens in the same transaction as the store, with the donation's row locked, so two posts at
once cannot both act. Each handler only ever moves things forward (a donation up its ranking, a payment
from pending to failed to paid, a refund total up, a subscription to its newest status), which is what
makes late, repeated and out-of-order events end in the same state. What Stripe says about a charge
(refunds, disputes) is kept by payment intent, so it applies whether it arrives before or after the
payment it belongs to."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

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
from ...payments import verify_webhook
from . import receipts as donation_receipts

# A subscription that has ended cannot start again at Stripe; its status never changes after this.
FINAL_SUBSCRIPTION = "canceled"
FINAL_DISPUTES = ("won", "lost")


class MalformedEvent(Exception):
    pass


def receive(raw_body: bytes, signature_header: str) -> str:
    """Verify, store and process one post. Returns what happened; raises WebhookRejected or MalformedEvent."""
    verify_webhook(raw_body, signature_header)
    try:
        event = json.loads(raw_body)
        event_id, event_type, created = str(event["id"]), str(event["type"]), int(event["created"])
        if not isinstance(event["data"]["object"], dict) or not event_id.startswith("evt_"):
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise MalformedEvent("not a Stripe event") from None

    stored = _store(event_id, event_type, created, event)
    outcome = "duplicate" if stored.processed_at else _process(stored)
    db.session.commit()
    return outcome


def _store(event_id: str, event_type: str, created: int, event: dict) -> StripeEvent:
    """The event's row, locked: a second post of the same event waits here until the first has committed,
    then sees it processed."""
    existing = db.session.scalar(select(StripeEvent).where(StripeEvent.id == event_id).with_for_update())
    if existing is not None:
        return existing
    try:
        with db.session.begin_nested():
            db.session.add(StripeEvent(id=event_id, type=event_type, created=created, payload=event))
    except IntegrityError:
        pass  # the same event posted twice at once: the other post stored it first
    return db.session.scalar(select(StripeEvent).where(StripeEvent.id == event_id).with_for_update())


def _process(stored: StripeEvent) -> str:
    handler = HANDLERS.get(stored.type)
    stored.attempts += 1
    detail = handler(stored.payload["data"]["object"], stored.created) if handler else "ignored: not acted on"
    state = StripeEventState.PROCESSED
    if detail.startswith("ignored:"):
        state, detail = StripeEventState.IGNORED, detail[8:].strip()
    stored.state, stored.detail, stored.processed_at = state, detail, utcnow()
    return state


# Finding our records ------------------------------------------------------------------------------------

def _lock_donation(**where) -> Donation | None:
    (column, value), = where.items()
    if not value:
        return None
    return db.session.scalar(select(Donation).where(getattr(Donation, column) == value).with_for_update())


def _donation_for(obj: dict, *, subscription_id: str | None = None, metadata: dict | None = None):
    """Ours carry the donation's ref (our row is committed before Stripe hears of it); anything else in
    the same Stripe account is not a donation of ours."""
    metadata = metadata if metadata is not None else (obj.get("metadata") or {})
    ref = metadata.get("donation_ref") or obj.get("client_reference_id")
    return _lock_donation(ref=ref) or _lock_donation(stripe_subscription_id=subscription_id)


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


def _payment(donation: Donation, stripe_key: str, amount: int, currency: str) -> DonationPayment:
    payment = db.session.scalar(select(DonationPayment).where(DonationPayment.stripe_key == stripe_key)
                                .with_for_update())
    if payment is None:
        payment = DonationPayment(donation=donation, stripe_key=stripe_key, amount_pence=amount,
                                  currency=currency or donation.currency)
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
    found = db.session.scalars(select(DonationPayment).where(
        DonationPayment.payment_intent == charge.payment_intent).with_for_update()).all()
    if not found and charge.invoice_id:
        found = db.session.scalars(select(DonationPayment).where(
            DonationPayment.stripe_key == charge.invoice_id).with_for_update()).all()
    return list(found)


# Handlers: each takes the event's object and its creation time --------------------------------------------

def _checkout_session(session: dict, created: int, outcome: str) -> str:
    donation = _donation_for(session)
    if donation is None:
        return "ignored: not a donation of ours"
    donation.checkout_session_id = donation.checkout_session_id or session.get("id")
    donation.stripe_customer_id = donation.stripe_customer_id or session.get("customer")
    if session.get("subscription"):
        donation.stripe_subscription_id = donation.stripe_subscription_id or session["subscription"]
    paid = session.get("payment_status") in ("paid", "no_payment_required")
    if outcome == "completed":
        state = DonationState.COMPLETED if paid else DonationState.PROCESSING
    elif outcome == "succeeded":
        state = DonationState.COMPLETED
    elif outcome == "failed":
        state = DonationState.FAILED
    else:
        state = DonationState.EXPIRED

    if session.get("mode") == "payment" and state != DonationState.EXPIRED:
        # One-off: the session is the payment. (A monthly donation's payments come from its invoices, so
        # the first month is never counted twice.)
        payment = _payment(donation, session["id"], int(session.get("amount_total") or donation.amount_pence),
                           session.get("currency"))
        _link_charge(payment, session.get("payment_intent"))
        if state == DonationState.COMPLETED:
            _mark_payment(payment, PaymentState.PAID, _when(created))
        elif state == DonationState.FAILED:
            _mark_payment(payment, PaymentState.FAILED, _when(created))
    _advance(donation, state)
    return f"donation {donation.ref}: {donation.state}"


def _subscription_of_invoice(invoice: dict) -> tuple[str | None, dict]:
    details = ((invoice.get("parent") or {}).get("subscription_details") or {})
    subscription = details.get("subscription") or invoice.get("subscription")
    if isinstance(subscription, dict):
        subscription = subscription.get("id")
    return subscription, details.get("metadata") or {}


def _invoice_payment_intent(invoice: dict) -> str | None:
    for item in ((invoice.get("payments") or {}).get("data") or []):
        intent = (item.get("payment") or {}).get("payment_intent")
        if intent:
            return intent if isinstance(intent, str) else intent.get("id")
    intent = invoice.get("payment_intent")  # API versions before 2025
    return intent if isinstance(intent, str) or intent is None else intent.get("id")


def _invoice(invoice: dict, created: int, paid: bool) -> str:
    subscription_id, metadata = _subscription_of_invoice(invoice)
    if not subscription_id:
        return "ignored: not a subscription invoice"
    donation = _donation_for(invoice, subscription_id=subscription_id, metadata=metadata)
    if donation is None:
        return "ignored: not a donation of ours"
    donation.stripe_subscription_id = donation.stripe_subscription_id or subscription_id
    donation.stripe_customer_id = donation.stripe_customer_id or invoice.get("customer")
    amount = int((invoice.get("amount_paid") if paid else invoice.get("amount_due")) or 0)
    if amount <= 0:
        return "ignored: nothing to pay on this invoice"
    payment = _payment(donation, invoice["id"], amount, invoice.get("currency"))
    _link_charge(payment, _invoice_payment_intent(invoice))
    if paid:
        paid_at = (invoice.get("status_transitions") or {}).get("paid_at") or created
        payment.amount_pence = amount
        _mark_payment(payment, PaymentState.PAID, _when(paid_at))
        _advance(donation, DonationState.COMPLETED)
    else:
        _mark_payment(payment, PaymentState.FAILED, _when(created))
    return f"donation {donation.ref}: invoice {invoice['id']} {payment.state}"


def _invoice_payment(item: dict, created: int) -> str:
    invoice_id = item.get("invoice")
    invoice_id = invoice_id.get("id") if isinstance(invoice_id, dict) else invoice_id
    intent = (item.get("payment") or {}).get("payment_intent")
    intent = intent.get("id") if isinstance(intent, dict) else intent
    if not (invoice_id and intent):
        return "ignored: not paid by a payment intent"
    charge = _charge(intent)
    charge.invoice_id = invoice_id
    for payment in db.session.scalars(select(DonationPayment).where(DonationPayment.stripe_key == invoice_id)
                                      .with_for_update()):
        _link_charge(payment, intent)
    return f"invoice {invoice_id} paid by {intent}"


def _subscription(subscription: dict, created: int) -> str:
    donation = _donation_for(subscription, subscription_id=subscription.get("id"))
    if donation is None:
        return "ignored: not a donation of ours"
    donation.stripe_subscription_id = donation.stripe_subscription_id or subscription.get("id")
    donation.stripe_customer_id = donation.stripe_customer_id or subscription.get("customer")
    status = subscription.get("status") or ""
    if donation.subscription_status == FINAL_SUBSCRIPTION or (
            created < donation.subscription_status_at and status != FINAL_SUBSCRIPTION):
        return f"donation {donation.ref}: kept {donation.subscription_status} (newer than this event)"
    donation.subscription_status, donation.subscription_status_at = status, created
    if status == FINAL_SUBSCRIPTION:
        donation.cancelled_at = donation.cancelled_at or _when(subscription.get("canceled_at") or created)
    donation.updated_at = utcnow()
    return f"donation {donation.ref}: subscription {status}"


def _refund(charge_object: dict, created: int) -> str:
    intent = charge_object.get("payment_intent")
    intent = intent.get("id") if isinstance(intent, dict) else intent
    if not intent:
        return "ignored: a charge without a payment intent"
    charge = _charge(intent)
    charge.amount_refunded = max(charge.amount_refunded, int(charge_object.get("amount_refunded") or 0))
    payments = _payments_of_charge(charge)
    for payment in payments:
        _link_charge(payment, intent)
    return f"{intent}: refunded {charge.amount_refunded} ({len(payments)} payment(s) known)"


def _dispute(dispute: dict, created: int) -> str:
    intent = dispute.get("payment_intent")
    intent = intent.get("id") if isinstance(intent, dict) else intent
    if not intent:
        return "ignored: a dispute without a payment intent"
    charge = _charge(intent)
    status = dispute.get("status") or ""
    if charge.dispute_status not in FINAL_DISPUTES and (created >= charge.dispute_status_at
                                                       or status in FINAL_DISPUTES):
        charge.dispute_id, charge.dispute_status, charge.dispute_status_at = dispute.get("id", ""), status, created
    for payment in _payments_of_charge(charge):
        _link_charge(payment, intent)
    return f"{intent}: dispute {charge.dispute_status}"


HANDLERS = {
    "checkout.session.completed": lambda o, c: _checkout_session(o, c, "completed"),
    "checkout.session.async_payment_succeeded": lambda o, c: _checkout_session(o, c, "succeeded"),
    "checkout.session.async_payment_failed": lambda o, c: _checkout_session(o, c, "failed"),
    "checkout.session.expired": lambda o, c: _checkout_session(o, c, "expired"),
    "invoice.paid": lambda o, c: _invoice(o, c, paid=True),
    "invoice.payment_failed": lambda o, c: _invoice(o, c, paid=False),
    "invoice_payment.paid": _invoice_payment,
    "customer.subscription.created": _subscription,
    "customer.subscription.updated": _subscription,
    "customer.subscription.deleted": _subscription,
    "charge.refunded": _refund,
    "charge.dispute.created": _dispute,
    "charge.dispute.updated": _dispute,
    "charge.dispute.closed": _dispute,
    "charge.dispute.funds_withdrawn": _dispute,
    "charge.dispute.funds_reinstated": _dispute,
}
