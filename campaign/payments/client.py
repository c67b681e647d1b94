"""The configured Stripe client, and Stripe's errors turned into one the donor can be shown.
``STRIPE_API_BASE`` points it at a local fake in tests."""

from __future__ import annotations

import logging

import stripe
from flask import current_app

log = logging.getLogger(__name__)


class PaymentServiceError(Exception):
    """Stripe could not do what we asked; the message is safe to show the donor.

    ``needs_new_key``: Stripe answered (and keeps that answer against the idempotency key for 24 hours), so
    a retry must use a new key. After a network failure it is False: the same key lets Stripe tell a retry."""

    def __init__(self, message: str, *, needs_new_key: bool = False):
        super().__init__(message)
        self.needs_new_key = needs_new_key


def donations_configured(config=None) -> bool:
    config = config or current_app.config
    return bool(config["STRIPE_SECRET_KEY"] and config["STRIPE_WEBHOOK_SECRET"])


def stripe_client() -> stripe.StripeClient:
    config = current_app.config
    return stripe.StripeClient(
        config["STRIPE_SECRET_KEY"],
        base_addresses={"api": config["STRIPE_API_BASE"]},
        # The library retries network failures with the same idempotency key, which is safe.
        max_network_retries=2,
        http_client=stripe.RequestsClient(timeout=config["STRIPE_TIMEOUT"]),
    )


def payment_error(action: str, error: stripe.StripeError) -> PaymentServiceError:
    log.warning("Stripe refused to %s: %s (%s)", action, error.user_message or error, type(error).__name__)
    answered = bool(error.http_status)
    if isinstance(error, (stripe.APIConnectionError, stripe.RateLimitError)):
        return PaymentServiceError(
            "We could not reach our payment provider just now. Nothing has been taken. "
            "Please try again in a minute.",
            needs_new_key=answered,
        )
    return PaymentServiceError(
        "Our payment provider could not start this payment. Nothing has been taken. "
        "Please try again; if it keeps happening, contact us.",
        needs_new_key=answered,
    )
