"""The one place the platform talks to Stripe: Checkout sessions, cancelling a subscription, customer
portal sessions, and verifying webhook signatures. ``STRIPE_API_BASE`` points it at a local fake in tests.

client.py          the configured StripeClient; Stripe's errors as PaymentServiceError
checkout.py        Checkout sessions, asked for in domain terms (CheckoutRequest)
subscriptions.py   cancelling a monthly gift, the customer portal
webhooks.py        webhook signatures (WebhookRejected)"""

from .checkout import CheckoutRequest, CheckoutSession, start_checkout
from .client import PaymentServiceError, donations_configured
from .subscriptions import cancel_subscription, customer_portal_url
from .webhooks import WebhookRejected, verify_webhook

__all__ = [
    "CheckoutRequest",
    "CheckoutSession",
    "PaymentServiceError",
    "WebhookRejected",
    "cancel_subscription",
    "customer_portal_url",
    "donations_configured",
    "start_checkout",
    "verify_webhook",
]
