"""The one place the platform talks to Stripe: Checkout sessions, cancelling a subscription, customer
portal sessions, and verifying webhook signatures. ``STRIPE_API_BASE`` points it at a local fake in tests.

client.py          the configured StripeClient; Stripe's errors as PaymentServiceError
checkout.py        Checkout sessions, asked for in domain terms (CheckoutRequest)
subscriptions.py   cancelling a monthly gift, the customer portal
webhooks.py        webhook signatures (WebhookRejected)
events.py          webhook events read into what they say (CheckoutUpdate, InvoiceUpdate...)"""

from .checkout import CheckoutRequest, CheckoutSession, start_checkout
from .client import PaymentServiceError, donations_configured
from .events import (
    CheckoutOutcome,
    CheckoutUpdate,
    DisputeUpdate,
    InvoicePayment,
    InvoiceUpdate,
    MalformedEvent,
    ReceivedEvent,
    RefundUpdate,
    SubscriptionUpdate,
    Update,
    read_event,
    read_update,
)
from .subscriptions import cancel_subscription, customer_portal_url
from .webhooks import SIGNATURE_HEADER, WebhookRejected, verify_webhook

__all__ = [
    "CheckoutOutcome",
    "CheckoutRequest",
    "CheckoutSession",
    "CheckoutUpdate",
    "DisputeUpdate",
    "InvoicePayment",
    "InvoiceUpdate",
    "MalformedEvent",
    "PaymentServiceError",
    "ReceivedEvent",
    "RefundUpdate",
    "SIGNATURE_HEADER",
    "SubscriptionUpdate",
    "Update",
    "WebhookRejected",
    "cancel_subscription",
    "customer_portal_url",
    "donations_configured",
    "read_event",
    "read_update",
    "start_checkout",
    "verify_webhook",
]
