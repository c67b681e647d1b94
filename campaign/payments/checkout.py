"""Stripe Checkout sessions: where a donor goes to pay. The service asks for a checkout in its own terms
(a CheckoutRequest); the parameters Stripe's API wants are built here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import stripe

from .client import payment_error, stripe_client

# The metadata key that carries our reference on everything Stripe makes for a checkout (the session, its
# payment intent or subscription), so every event about them can be traced back to the gift.
REFERENCE_KEY = "donation_ref"


@dataclass(frozen=True)
class CheckoutRequest:
    reference: str  # ours for the gift; every event about the payment carries it back
    amount_pence: int
    currency: str
    monthly: bool  # a payment every month until cancelled, else a single payment
    donor_email: str
    item_name: str  # the line the donor sees at Checkout
    item_description: str  # shown under it ("" for none)
    payment_description: str  # how a single payment is labelled in Stripe's dashboard
    success_url: str  # where the donor lands after paying; the session's id is added as ?session_id=
    cancel_url: str  # where the donor lands if they go back without paying


class CheckoutSession(NamedTuple):
    session_id: str
    url: str  # where to send the donor to pay


def checkout_params(request: CheckoutRequest) -> dict:
    """The body of Stripe's "create a Checkout session" call for this request."""
    product = {"name": request.item_name}
    if request.item_description:
        product["description"] = request.item_description
    price = {"currency": request.currency, "unit_amount": request.amount_pence, "product_data": product}
    metadata = {REFERENCE_KEY: request.reference}
    params = {
        "line_items": [{"quantity": 1, "price_data": price}],
        "customer_email": request.donor_email,
        "client_reference_id": request.reference,
        "metadata": metadata,
        # Stripe puts the session id in place of the placeholder; the thank-you page checks it is this gift's.
        "success_url": request.success_url + "?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": request.cancel_url,
    }
    if request.monthly:
        price["recurring"] = {"interval": "month"}
        params.update(mode="subscription", subscription_data={"metadata": metadata})
    else:
        params.update(
            mode="payment",
            submit_type="donate",
            payment_intent_data={"metadata": metadata, "description": request.payment_description},
        )
    return params


def start_checkout(request: CheckoutRequest, idempotency_key: str) -> CheckoutSession:
    """A Checkout session for the request. The key makes a repeat of the same request return the same
    session instead of a second one. Raises PaymentServiceError (``needs_new_key`` when Stripe answered)."""
    try:
        session = stripe_client().v1.checkout.sessions.create(
            params=checkout_params(request),  # type: ignore[arg-type]  # a dict shaped as SessionCreateParams
            options={"idempotency_key": idempotency_key},
        )
    except stripe.StripeError as error:
        raise payment_error("create a Checkout session", error) from error
    return CheckoutSession(session.id, session.url)
