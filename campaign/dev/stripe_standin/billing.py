"""Billing: customers, subscriptions (renewed, cancelled) and the customer portal; invoices are in ``invoices``."""

from __future__ import annotations

import copy

from .common import SharedState, StripeAPIError, add_interval, check_url, diff, listing, missing, new_id
from .schema import params_schema


class BillingMixin(SharedState):
    """Customers, subscriptions and the portal on ``StripeAPI``'s state."""

    # -- billing portal --

    def _create_portal_session(self, params: dict) -> dict:
        params = params_schema("stripe.params.billing_portal.SessionCreateParams").check(params, "")
        if "customer" not in params and "customer_account" not in params:
            raise StripeAPIError("Missing required param: customer.", "customer")
        customer = params.get("customer")
        if customer not in self.customers:
            raise missing("customer", customer, "customer")
        if "return_url" in params:
            check_url(params["return_url"], "return_url")
        portal_id = new_id("bps_", 24)
        portal = {
            "id": portal_id,
            "object": "billing_portal.session",
            "configuration": getattr(self, "portal_configuration", None) or "bpc_fakedefault",
            "created": self._tick(),
            "customer": customer,
            "customer_account": None,
            "flow": params.get("flow_data"),
            "livemode": False,
            "locale": params.get("locale"),
            "on_behalf_of": None,
            "return_url": params.get("return_url"),
            "url": f"{self.portal_origin}/p/session/test_{new_id('', 40)}",
        }
        self.portal_sessions[portal_id] = portal
        return portal

    # -- subscriptions --

    def _retrieve_subscription(self, params: dict, id: str) -> dict:
        params = params_schema("stripe.params.SubscriptionRetrieveParams").check(params, "")
        if id not in self.subscriptions:
            raise missing("subscription", id)
        return self._expand(self.subscriptions[id], params)

    def _delete_subscription(self, params: dict, id: str) -> dict:
        params = params_schema("stripe.params.SubscriptionCancelParams").check(params, "")
        if id not in self.subscriptions:
            raise missing("subscription", id)
        if self.subscriptions[id]["status"] in ("canceled", "incomplete_expired"):
            raise StripeAPIError(
                "A canceled subscription can only update its cancellation_details and metadata.", store=True
            )
        details = params.get("cancellation_details") or {}
        self._cancel(
            id, "cancellation_requested", details.get("feedback") or None, details.get("comment") or None
        )
        return self._expand(self.subscriptions[id], params)

    def _customer(self, email: str, name: str) -> str:
        customer_id = new_id("cus_", 14)
        self.customers[customer_id] = {
            "id": customer_id,
            "object": "customer",
            "address": None,
            "balance": 0,
            "created": self.now,
            "currency": None,
            "default_source": None,
            "delinquent": False,
            "description": None,
            "email": email,
            "invoice_prefix": new_id("", 8).upper(),
            "livemode": False,
            "metadata": {},
            "name": name,
            "phone": None,
            "preferred_locales": [],
            "shipping": None,
            "tax_exempt": "none",
            "test_clock": None,
        }
        return customer_id

    def add_customer(self, email: str = "donor@example.com", name: str = "Test Donor") -> str:
        """A customer Stripe already knows (as if from an earlier checkout); returns its id."""
        with self.lock:
            return self._customer(email, name)

    def _new_subscription(self, session_id: str, customer: str) -> dict:
        params = self.session_params[session_id]
        data = params.get("subscription_data") or {}
        sub_id = new_id("sub_1", 23)
        start = self.now
        items = []
        for line in self._lines[session_id]:
            price = line["price"]
            recurring = price["recurring"]
            items.append(
                {
                    "id": new_id("si_", 14),
                    "object": "subscription_item",
                    "billing_thresholds": None,
                    "created": start,
                    "current_period_start": start,
                    "current_period_end": add_interval(
                        start, recurring["interval"], recurring["interval_count"]
                    ),
                    "discounts": [],
                    "metadata": {},
                    "plan": None,
                    "price": copy.deepcopy(price),
                    "quantity": line["quantity"],
                    "subscription": sub_id,
                    "tax_rates": [],
                }
            )
        sub = {
            "id": sub_id,
            "object": "subscription",
            "application": None,
            "application_fee_percent": None,
            "automatic_tax": {"disabled_reason": None, "enabled": False, "liability": None},
            "billing_cycle_anchor": start,
            "billing_cycle_anchor_config": None,
            "billing_thresholds": None,
            "cancel_at": None,
            "cancel_at_period_end": False,
            "canceled_at": None,
            "cancellation_details": {"comment": None, "feedback": None, "reason": None},
            "collection_method": "charge_automatically",
            "created": start,
            "currency": items[0]["price"]["currency"],
            "customer": customer,
            "days_until_due": None,
            "default_payment_method": new_id("pm_1", 23),
            "default_source": None,
            "default_tax_rates": [],
            "description": data.get("description"),
            "discounts": [],
            "ended_at": None,
            "invoice_settings": {"account_tax_ids": None, "issuer": {"type": "self"}},
            "items": listing(items, f"/v1/subscription_items?subscription={sub_id}"),
            "latest_invoice": None,
            "livemode": False,
            "metadata": data.get("metadata") or {},
            "next_pending_invoice_item_invoice": None,
            "on_behalf_of": None,
            "pause_collection": None,
            "payment_settings": {
                "payment_method_options": None,
                "payment_method_types": None,
                "save_default_payment_method": "off",
            },
            "pending_invoice_item_interval": None,
            "pending_setup_intent": None,
            "pending_update": None,
            "schedule": None,
            "start_date": start,
            "status": "active",
            "test_clock": None,
            "transfer_data": None,
            "trial_end": None,
            "trial_start": None,
        }
        self.subscriptions[sub_id] = sub
        return sub

    def renew(self, subscription_id: str, paid: bool = True) -> list[dict]:
        """The clock moves to the end of the current period and the next invoice is charged.
        Paid: [invoice.paid, invoice_payment.paid] (plus customer.subscription.updated if it was
        past_due and is active again). Not paid: [invoice.payment_failed, customer.subscription.updated]
        with status "past_due" and ``data.previous_attributes``."""
        with self.lock:
            sub = self.subscriptions[subscription_id]
            if sub["status"] not in ("active", "past_due"):
                raise ValueError(f"subscription {subscription_id} is {sub['status']}")
            before = copy.deepcopy(sub)
            ended = (
                sub["items"]["data"][0]["current_period_start"],
                sub["items"]["data"][0]["current_period_end"],
            )
            self.now = max(self.now, ended[1])
            for item in sub["items"]["data"]:
                recurring = item["price"]["recurring"]
                item["current_period_start"] = item["current_period_end"]
                item["current_period_end"] = add_interval(
                    item["current_period_start"], recurring["interval"], recurring["interval_count"]
                )
            invoice, inpay = self._invoice(subscription_id, "subscription_cycle", paid=paid, period=ended)
            sub["latest_invoice"] = invoice["id"]
            if paid:
                events = [self._event("invoice.paid", invoice), self._event("invoice_payment.paid", inpay)]
                if before["status"] == "past_due":
                    sub["status"] = "active"
                    events.append(self._event("customer.subscription.updated", sub, diff(before, sub)))
                return events
            sub["status"] = "past_due"
            return [
                self._event("invoice.payment_failed", invoice),
                self._event("customer.subscription.updated", sub, diff(before, sub)),
            ]

    def _cancel(self, sub_id: str, reason: str, feedback: str | None, comment: str | None) -> dict:
        sub = self.subscriptions[sub_id]
        when = self._tick()
        sub.update(
            status="canceled",
            canceled_at=when,
            ended_at=when,
            cancellation_details={"comment": comment, "feedback": feedback, "reason": reason},
        )
        return self._event("customer.subscription.deleted", sub)

    def cancel_subscription(
        self, subscription_id: str, feedback: str | None = None, comment: str | None = None
    ) -> list[dict]:
        """The donor cancels in the customer portal, at once: [customer.subscription.deleted]."""
        with self.lock:
            sub = self.subscriptions[subscription_id]
            if sub["status"] == "canceled":
                raise ValueError(f"subscription {subscription_id} is already canceled")
            return [self._cancel(subscription_id, "cancellation_requested", feedback, comment)]
