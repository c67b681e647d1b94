"""Stripe Checkout sessions: where a donor goes to pay."""

from __future__ import annotations

import stripe

from .client import payment_error, stripe_client


def create_checkout_session(params: dict, idempotency_key: str) -> tuple[str, str]:
    """(session id, the URL to send the donor to). The key makes a repeat of the same request return the
    same session instead of a second one."""
    try:
        session = stripe_client().v1.checkout.sessions.create(
            params=params, options={"idempotency_key": idempotency_key}
        )
    except stripe.StripeError as error:
        raise payment_error("create a Checkout session", error) from error
    return session.id, session.url
