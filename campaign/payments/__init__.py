"""The one place the platform talks to Stripe: Checkout sessions, cancelling a subscription, customer
portal sessions, and verifying webhook signatures. ``STRIPE_API_BASE`` points it at a local fake in tests."""

from __future__ import annotations

import logging
import time

import stripe
from flask import current_app

log = logging.getLogger(__name__)


class PaymentServiceError(Exception):
    """Stripe could not do what we asked; the message is safe to show the donor."""


class WebhookRejected(Exception):
    """A webhook post that is not provably from Stripe, or too old to trust."""


def donations_configured(config=None) -> bool:
    config = config or current_app.config
    return bool(config["STRIPE_SECRET_KEY"] and config["STRIPE_WEBHOOK_SECRET"])


def _client() -> stripe.StripeClient:
    config = current_app.config
    return stripe.StripeClient(
        config["STRIPE_SECRET_KEY"],
        base_addresses={"api": config["STRIPE_API_BASE"]},
        # The library retries network failures with the same idempotency key, which is safe.
        max_network_retries=2,
        http_client=stripe.RequestsClient(timeout=config["STRIPE_TIMEOUT"]),
    )


def _failed(action: str, error: stripe.StripeError) -> PaymentServiceError:
    log.warning("Stripe refused to %s: %s (%s)", action, error.user_message or error, type(error).__name__)
    if isinstance(error, (stripe.APIConnectionError, stripe.RateLimitError)):
        return PaymentServiceError("We could not reach our payment provider just now. Nothing has been taken. "
                                   "Please try again in a minute.")
    return PaymentServiceError("Our payment provider could not start this payment. Nothing has been taken. "
                               "Please try again; if it keeps happening, contact us.")


def create_checkout_session(params: dict, idempotency_key: str) -> tuple[str, str]:
    """(session id, the URL to send the donor to). The key makes a repeat of the same request return the
    same session instead of a second one."""
    try:
        session = _client().v1.checkout.sessions.create(params=params, options={"idempotency_key": idempotency_key})
    except stripe.StripeError as error:
        raise _failed("create a Checkout session", error) from error
    return session.id, session.url


def cancel_subscription(subscription_id: str) -> str:
    """Cancel at once; returns the subscription's status as Stripe now reports it."""
    try:
        subscription = _client().v1.subscriptions.cancel(subscription_id)
    except stripe.InvalidRequestError as error:
        if error.code == "resource_missing":
            return "canceled"  # already gone at Stripe's end
        raise _failed("cancel a subscription", error) from error
    except stripe.StripeError as error:
        raise _failed("cancel a subscription", error) from error
    return subscription.status


def customer_portal_url(customer_id: str, return_url: str) -> str:
    try:
        session = _client().v1.billing_portal.sessions.create(
            params={"customer": customer_id, "return_url": return_url})
    except stripe.StripeError as error:
        raise _failed("open the customer portal", error) from error
    return session.url


def verify_webhook(raw_body: bytes, signature_header: str) -> None:
    """Stripe's scheme: HMAC-SHA256 of "<t>.<body>" with the endpoint's secret, compared in constant time
    by the library. A timestamp older than the tolerance (or that far in the future) is refused, so a
    captured post cannot be replayed later."""
    config = current_app.config
    secret = config["STRIPE_WEBHOOK_SECRET"]
    tolerance = config["STRIPE_WEBHOOK_TOLERANCE"]
    if not secret:
        raise WebhookRejected("donations are not set up")
    try:
        body = raw_body.decode("utf-8")
        stripe.WebhookSignature.verify_header(body, signature_header, secret, tolerance=tolerance)
        timestamp = int(dict(part.split("=", 1) for part in signature_header.split(",") if "=" in part)["t"])
    except (UnicodeDecodeError, stripe.SignatureVerificationError, KeyError, ValueError) as error:
        raise WebhookRejected(str(error).split(". ")[0] or "bad signature") from None
    if timestamp > time.time() + tolerance:
        raise WebhookRejected("timestamp is in the future")
