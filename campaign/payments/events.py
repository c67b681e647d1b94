"""Stripe's webhook events, read into what they say about a gift: a Checkout session that ended, an invoice
paid or failed, an invoice's payment intent, a subscription's status, a charge's refunds or dispute.

Only the shapes of Stripe's objects are known here (which field holds what, in which API version, ids that
may come expanded into objects). What to do about an event (exactly once, only ever forward) is decided by
the donations service. Verify the signature (webhooks.verify_webhook) before reading a post."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from .checkout import REFERENCE_KEY


class MalformedEvent(Exception):
    """A verified post whose body is not a Stripe event."""


@dataclass(frozen=True)
class ReceivedEvent:
    id: str  # evt_..., the same for every delivery of one event
    type: str
    created: int  # when Stripe made the event, Unix seconds
    payload: dict  # the whole event, to store and read again (read_update)


def read_event(raw_body: bytes) -> ReceivedEvent:
    try:
        event = json.loads(raw_body)
        event_id, event_type, created = str(event["id"]), str(event["type"]), int(event["created"])
        if not isinstance(event["data"]["object"], dict) or not event_id.startswith("evt_"):
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise MalformedEvent("not a Stripe event") from None
    except RecursionError:  # nesting deeper than the parser's recursion limit (about 1,000 levels)
        raise MalformedEvent("nested too deeply to be a Stripe event") from None
    return ReceivedEvent(event_id, event_type, created, event)


# What an event says ------------------------------------------------------------------------------------


class CheckoutOutcome:
    PAID = "paid"
    PENDING = "pending"  # completed with a payment method that takes days to confirm
    FAILED = "failed"  # that payment did not go through
    EXPIRED = "expired"  # the donor never paid


@dataclass(frozen=True)
class CheckoutUpdate:
    session_id: str | None
    reference: str | None  # CheckoutRequest.reference, when the session is ours
    outcome: str  # a CheckoutOutcome
    one_off: bool  # the session is itself the payment (a monthly gift's payments are its invoices)
    amount_pence: int | None
    currency: str | None
    payment_intent: str | None
    customer_id: str | None
    subscription_id: str | None


@dataclass(frozen=True)
class InvoiceUpdate:
    """A subscription's invoice was paid, or its payment failed."""

    invoice_id: str | None
    paid: bool
    subscription_id: str | None  # None: not a subscription's invoice
    reference: str | None
    customer_id: str | None
    amount_pence: int  # what was paid, or what was due when the payment failed
    currency: str | None
    payment_intent: str | None
    paid_at: int | None  # Unix seconds, when Stripe says


@dataclass(frozen=True)
class InvoicePayment:
    """An invoice was paid by this payment intent (since 2025 the invoice itself does not say)."""

    invoice_id: str | None
    payment_intent: str | None


@dataclass(frozen=True)
class SubscriptionUpdate:
    subscription_id: str | None
    reference: str | None
    customer_id: str | None
    status: str  # Stripe's subscription status: active, past_due, canceled...
    cancelled_at: int | None  # Unix seconds


@dataclass(frozen=True)
class RefundUpdate:
    payment_intent: str | None
    refunded_pence: int  # all refunded on the charge so far, not this refund alone


@dataclass(frozen=True)
class DisputeUpdate:
    payment_intent: str | None
    dispute_id: str
    status: str  # Stripe's dispute status; "won" and "lost" are final


Update = CheckoutUpdate | InvoiceUpdate | InvoicePayment | SubscriptionUpdate | RefundUpdate | DisputeUpdate


def read_update(event_type: str, payload: dict) -> Update | None:
    """What a stored event (ReceivedEvent.payload) says, or None for a type we do not act on."""
    reader = _READERS.get(event_type)
    return reader(payload["data"]["object"]) if reader else None


def _id(value) -> str | None:
    """An id, whether Stripe sent it bare or expanded into its object."""
    return value.get("id") if isinstance(value, dict) else value


def _reference(obj: dict, metadata: dict | None = None) -> str | None:
    metadata = metadata if metadata is not None else (obj.get("metadata") or {})
    return metadata.get(REFERENCE_KEY) or obj.get("client_reference_id")


def _checkout_completed(session: dict) -> CheckoutUpdate:
    paid = session.get("payment_status") in ("paid", "no_payment_required")
    return _checkout(session, CheckoutOutcome.PAID if paid else CheckoutOutcome.PENDING)


def _checkout(session: dict, outcome: str) -> CheckoutUpdate:
    amount = session.get("amount_total")
    return CheckoutUpdate(
        session_id=session.get("id"),
        reference=_reference(session),
        outcome=outcome,
        one_off=session.get("mode") == "payment",
        amount_pence=int(amount) if amount else None,
        currency=session.get("currency"),
        payment_intent=_id(session.get("payment_intent")),
        customer_id=_id(session.get("customer")),
        subscription_id=_id(session.get("subscription")),
    )


def _invoice_payment_intent(invoice: dict) -> str | None:
    for item in (invoice.get("payments") or {}).get("data") or []:
        intent = (item.get("payment") or {}).get("payment_intent")
        if intent:
            return _id(intent)
    return _id(invoice.get("payment_intent"))  # API versions before 2025


def _invoice(invoice: dict, paid: bool) -> InvoiceUpdate:
    details = (invoice.get("parent") or {}).get("subscription_details") or {}
    subscription = details.get("subscription") or invoice.get("subscription")  # the latter before 2025
    amount = invoice.get("amount_paid") if paid else invoice.get("amount_due")
    return InvoiceUpdate(
        invoice_id=invoice.get("id"),
        paid=paid,
        subscription_id=_id(subscription),
        reference=_reference(invoice, details.get("metadata") or {}),
        customer_id=_id(invoice.get("customer")),
        amount_pence=int(amount or 0),
        currency=invoice.get("currency"),
        payment_intent=_invoice_payment_intent(invoice),
        paid_at=(invoice.get("status_transitions") or {}).get("paid_at"),
    )


def _invoice_payment(item: dict) -> InvoicePayment:
    return InvoicePayment(_id(item.get("invoice")), _id((item.get("payment") or {}).get("payment_intent")))


def _subscription(subscription: dict) -> SubscriptionUpdate:
    return SubscriptionUpdate(
        subscription_id=subscription.get("id"),
        reference=_reference(subscription),
        customer_id=_id(subscription.get("customer")),
        status=subscription.get("status") or "",
        cancelled_at=subscription.get("canceled_at"),
    )


def _refund(charge: dict) -> RefundUpdate:
    return RefundUpdate(_id(charge.get("payment_intent")), int(charge.get("amount_refunded") or 0))


def _dispute(dispute: dict) -> DisputeUpdate:
    return DisputeUpdate(
        _id(dispute.get("payment_intent")), dispute.get("id", ""), dispute.get("status") or ""
    )


_READERS: dict[str, Callable[[dict], Update]] = {
    "checkout.session.completed": _checkout_completed,
    "checkout.session.async_payment_succeeded": lambda o: _checkout(o, CheckoutOutcome.PAID),
    "checkout.session.async_payment_failed": lambda o: _checkout(o, CheckoutOutcome.FAILED),
    "checkout.session.expired": lambda o: _checkout(o, CheckoutOutcome.EXPIRED),
    "invoice.paid": lambda o: _invoice(o, paid=True),
    "invoice.payment_failed": lambda o: _invoice(o, paid=False),
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
