"""What a monthly donor can do at Stripe afterwards: cancel, or change their card in the customer portal."""

from __future__ import annotations

import stripe

from .client import payment_error, stripe_client


def cancel_subscription(subscription_id: str) -> str:
    """Cancel at once; returns the subscription's status as Stripe now reports it."""
    try:
        subscription = stripe_client().v1.subscriptions.cancel(subscription_id)
    except stripe.InvalidRequestError as error:
        if error.code == "resource_missing":
            return "canceled"  # already gone at Stripe's end
        raise payment_error("cancel a subscription", error) from error
    except stripe.StripeError as error:
        raise payment_error("cancel a subscription", error) from error
    return subscription.status


def customer_portal_url(customer_id: str, return_url: str) -> str:
    try:
        session = stripe_client().v1.billing_portal.sessions.create(
            params={"customer": customer_id, "return_url": return_url}
        )
    except stripe.StripeError as error:
        raise payment_error("open the customer portal", error) from error
    return session.url
