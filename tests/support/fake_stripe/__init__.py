"""A local stand-in for the parts of Stripe's API the platform uses, and builders for the webhook events
Stripe would send afterwards, signed the way Stripe signs them.

The platform talks to it through the real ``stripe`` package::

    client = stripe.StripeClient("sk_test_x", base_addresses={"api": fake.url}, max_network_retries=0)

It validates like Stripe, so a request it accepts is one Stripe would accept: an API key, Stripe's
form encoding decoded into nested dicts and lists, no parameter the API does not know (the names,
required keys and enum values are read from the ``stripe`` package's own ``params`` TypedDicts, so
they follow the pinned API version), integers and booleans where the API wants them, Checkout's
rules on modes, prices, amounts, metadata, URLs and e-mail, and idempotency keys replayed or refused
as Stripe does. Errors come back in Stripe's shape, so the library raises the same exceptions.

Endpoints: ``POST /v1/checkout/sessions``, ``GET /v1/checkout/sessions/{id}``,
``POST /v1/checkout/sessions/{id}/expire``, ``POST /v1/billing_portal/sessions``,
``GET`` and ``DELETE /v1/subscriptions/{id}``.

What Stripe does later (the donor pays, a month passes, a refund, a dispute, a cancellation in the
portal) is simulated by methods that change the fake's state and return the snapshot events Stripe
would deliver, in Stripe's order, without sending them: tests post them with ``event_body`` and
``sign``, in order, out of order or twice. Every event built is also appended to ``fake.events``;
API calls that make Stripe send an event (``DELETE /v1/subscriptions/{id}``, expiring a session) add
theirs there too.

``queue(FakeResponse)`` forces answers (500, 429, ...) that are given, after the API key is checked,
before any normal handling and without being stored against the idempotency key, so a retry with the
same key is then handled normally. ``stripe_error(...)`` builds such a response in Stripe's shape.

The API itself is the development stand-in's (``campaign/dev/stripe_standin/``, which ``make run``
serves with a checkout page of its own); this package serves it to the tests. Its modules, by concern:
``api`` (routing, authentication, idempotency replay, expansion), ``schema`` (form decoding and parameter validation), ``checkout`` (sessions), ``prices`` (line items
and prices), ``billing`` (customers, subscriptions, invoices, the portal), ``charges`` (payments,
refunds, disputes), ``events`` (building events, signing deliveries) and ``common`` (limits, ids,
errors in Stripe's shape).
"""

from campaign.dev.stripe_standin.common import (
    API_VERSION,
    MINIMUM_CHARGE,
    StripeAPIError,
    missing,
    new_id,
)
from campaign.dev.stripe_standin.events import event_body, sign, signed_delivery
from campaign.dev.stripe_standin.schema import Schema, decode_form, params_schema

from .server import FakeStripe, stripe_error

__all__ = [
    "API_VERSION",
    "MINIMUM_CHARGE",
    "FakeStripe",
    "Schema",
    "StripeAPIError",
    "decode_form",
    "event_body",
    "missing",
    "new_id",
    "params_schema",
    "sign",
    "signed_delivery",
    "stripe_error",
]
