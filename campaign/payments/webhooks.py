"""Stripe's webhook signatures: a post is acted on only when it is provably from Stripe, and recent."""

from __future__ import annotations

import time

import stripe
from flask import current_app

# The header Stripe sends its signature in, with the timestamp it signed.
SIGNATURE_HEADER = "Stripe-Signature"


class WebhookRejected(Exception):
    """A webhook post that is not provably from Stripe, or too old to trust."""


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
