"""A local stand-in for Stripe, for trying donations with ``make run`` (as the outbox stands in for
SendGrid): the API the platform's ``stripe`` client calls, a hosted checkout page where the visitor can
pay, be declined or pay by Bacs (processing, then paid), a customer portal to cancel a monthly gift, and
webhooks posted to the app signed exactly as Stripe signs them. The tests' fake Stripe serves the same
API (tests/support/fake_stripe). It refuses to start when APP_ENV=production.

api.py        the API: authentication, idempotency keys, routing, expansion; the shared state
checkout.py   Checkout sessions; prices.py line items; billing.py customers, subscriptions, the portal;
invoices.py   a subscription's invoices; charges.py payments, refunds, disputes; events.py events and
              their signatures; schema.py Stripe's parameters, read from the stripe package; common.py
server.py     the stand-in's web server and the donor's pages; delivery.py webhooks, retried until taken
process.py    starting it beside the app (``make run``) and refusing to in production"""

from .process import ProductionRefused, launch, refuse_in_production

__all__ = ["ProductionRefused", "launch", "refuse_in_production"]
