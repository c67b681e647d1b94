"""Checkout Sessions: created, retrieved and expired through the API, and what the donor does later
(paying, a delayed payment settling, the session timing out)."""

from __future__ import annotations

from .common import (
    EMAIL,
    MAXIMUM_AMOUNT,
    MINIMUM_CHARGE,
    SharedState,
    StripeAPIError,
    check_metadata,
    check_url,
    format_money,
    missing,
    new_id,
)
from .schema import params_schema


class CheckoutMixin(SharedState):
    """Checkout Sessions on ``StripeAPI``'s state: the API's endpoints and the donor's side."""

    def _create_session(self, params: dict) -> dict:
        params = params_schema("stripe.params.checkout.SessionCreateParams").check(params, "")
        mode = params.get("mode")
        if not mode:
            raise StripeAPIError("Missing required param: mode.", "mode")
        ui_mode = params.get("ui_mode", "hosted_page")
        if ui_mode in ("hosted_page", "form"):
            if "success_url" not in params:
                raise StripeAPIError("Missing required param: success_url.", "success_url")
            if "return_url" in params:
                raise StripeAPIError(
                    f"You can not pass `return_url` when `ui_mode` is `{ui_mode}`.", "return_url"
                )
        else:
            for name in ("success_url", "cancel_url"):
                if name in params:
                    raise StripeAPIError(f"You can not pass `{name}` when `ui_mode` is `{ui_mode}`.", name)
        for name in ("success_url", "cancel_url", "return_url"):
            if name in params:
                check_url(params[name], name)
        if mode == "subscription" and "payment_intent_data" in params:
            raise StripeAPIError(
                "You can not pass `payment_intent_data` in `subscription` mode.", "payment_intent_data"
            )
        if mode != "subscription" and "subscription_data" in params:
            raise StripeAPIError(
                f"You can not pass `subscription_data` in `{mode}` mode.", "subscription_data"
            )
        if "submit_type" in params:
            if mode == "setup":
                raise StripeAPIError(
                    "`submit_type` can only be specified in `payment` or `subscription` mode.", "submit_type"
                )
            if mode == "subscription" and params["submit_type"] not in ("auto", "subscribe"):
                raise StripeAPIError(
                    "`submit_type` can only be `auto` or `subscribe` in `subscription` mode.", "submit_type"
                )
        if "customer" in params and "customer_email" in params:
            raise StripeAPIError(
                "You may only specify one of these parameters: customer, customer_email.", "customer_email"
            )
        if "customer" in params and params["customer"] not in self.customers:
            raise missing("customer", params["customer"], "customer")
        if "customer_email" in params and (
            not EMAIL.match(params["customer_email"]) or len(params["customer_email"]) > 512
        ):
            raise StripeAPIError(f"Invalid email address: {params['customer_email']}", "customer_email")
        if len(params.get("client_reference_id") or "") > 200:
            raise StripeAPIError(
                "Invalid client_reference_id: must be at most 200 characters", "client_reference_id"
            )
        check_metadata(params.get("metadata"), "metadata")
        check_metadata(
            (params.get("payment_intent_data") or {}).get("metadata"), "payment_intent_data[metadata]"
        )
        check_metadata((params.get("subscription_data") or {}).get("metadata"), "subscription_data[metadata]")
        created = self._tick()
        if "expires_at" in params:
            if not created + 30 * 60 <= params["expires_at"] <= created + 24 * 3600:
                raise StripeAPIError(
                    "The `expires_at` timestamp must be between 30 minutes and 24 hours "
                    "from Checkout Session creation.",
                    "expires_at",
                )
        lines = self._check_line_items(params, mode)
        currency = lines[0]["price"]["currency"] if lines else params.get("currency")
        if mode == "setup" and not currency and "payment_method_types" not in params:
            raise StripeAPIError("Missing required param: currency.", "currency")
        total = sum(line["price"]["unit_amount"] * line["quantity"] for line in lines)
        if lines and mode == "payment" and currency in MINIMUM_CHARGE and total < MINIMUM_CHARGE[currency]:
            raise StripeAPIError(
                "The Checkout Session's total amount due must add up to at least "
                f"{format_money(MINIMUM_CHARGE[currency], currency)}",
                "line_items",
            )
        if total > MAXIMUM_AMOUNT:
            raise StripeAPIError(
                f"The Checkout Session's total amount due must be no more than "
                f"{format_money(MAXIMUM_AMOUNT, currency)}",
                "line_items",
            )

        session_id = new_id("cs_test_a1", 56)
        for line in lines:
            self.prices.setdefault(line["price"]["id"], line["price"])
        session = {
            "id": session_id,
            "object": "checkout.session",
            "adaptive_pricing": {"enabled": False},
            "after_expiration": None,
            "allow_promotion_codes": params.get("allow_promotion_codes"),
            "amount_subtotal": total if lines else None,
            "amount_total": total if lines else None,
            "automatic_tax": {"enabled": False, "liability": None, "provider": None, "status": None},
            "billing_address_collection": params.get("billing_address_collection"),
            "cancel_url": params.get("cancel_url"),
            "client_reference_id": params.get("client_reference_id"),
            "client_secret": None,
            "collected_information": None,
            "consent": None,
            "consent_collection": None,
            "created": created,
            "currency": currency,
            "currency_conversion": None,
            "custom_fields": [],
            "custom_text": {
                "after_submit": None,
                "shipping_address": None,
                "submit": None,
                "terms_of_service_acceptance": None,
            },
            "customer": params.get("customer"),
            "customer_account": None,
            "customer_creation": None
            if mode == "subscription" or "customer" in params
            else params.get("customer_creation", "if_required"),
            "customer_details": None,
            "customer_email": params.get("customer_email"),
            "discounts": [],
            "expires_at": params.get("expires_at", created + 24 * 3600),
            "invoice": None,
            "invoice_creation": {
                "enabled": False,
                "invoice_data": {
                    "account_tax_ids": None,
                    "custom_fields": None,
                    "description": None,
                    "footer": None,
                    "issuer": None,
                    "metadata": {},
                    "rendering_options": None,
                },
            }
            if mode == "payment"
            else None,
            "livemode": False,
            "locale": params.get("locale"),
            "metadata": params.get("metadata") or {},
            "mode": mode,
            "payment_intent": None,
            "payment_link": None,
            "payment_method_collection": "always" if mode == "subscription" else None,
            "payment_method_options": {},
            "payment_method_types": params.get("payment_method_types") or ["card"],
            "payment_status": "no_payment_required" if mode == "setup" else "unpaid",
            "phone_number_collection": {"enabled": False},
            "recovered_from": None,
            "saved_payment_method_options": None,
            "setup_intent": None,
            "shipping_address_collection": None,
            "shipping_cost": None,
            "shipping_options": [],
            "status": "open",
            "submit_type": params.get("submit_type"),
            "subscription": None,
            "success_url": params.get("success_url"),
            "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0} if lines else None,
            "ui_mode": ui_mode,
            "url": f"{self.checkout_origin}/c/pay/{session_id}" if ui_mode == "hosted_page" else None,
            "wallet_options": None,
        }
        self.sessions[session_id] = session
        self.session_params[session_id] = params
        self._lines[session_id] = lines
        return self._expand(session, params)

    def _retrieve_session(self, params: dict, id: str) -> dict:
        params = params_schema("stripe.params.checkout.SessionRetrieveParams").check(params, "")
        if id not in self.sessions:
            raise missing("checkout.session", id)
        return self._expand(self.sessions[id], params)

    def _expire_session(self, params: dict, id: str) -> dict:
        params = params_schema("stripe.params.checkout.SessionExpireParams").check(params, "")
        if id not in self.sessions:
            raise missing("checkout.session", id)
        if self.sessions[id]["status"] != "open":
            raise StripeAPIError(
                f'Only Checkout Sessions with a status in ["open"] can be expired. This '
                f'Checkout Session has a status of "{self.sessions[id]["status"]}".',
                store=True,
            )
        self.expire(id)
        return self._expand(self.sessions[id], params)

    def _open_session(self, session_id: str) -> dict:
        if session_id not in self.sessions:
            raise KeyError(f"no Checkout Session {session_id}")
        session = self.sessions[session_id]
        if session["status"] != "open":
            raise ValueError(f"Checkout Session {session_id} is {session['status']}, not open")
        return session

    def complete(
        self, session_id: str, paid: bool = True, email: str | None = None, name: str = "Test Donor"
    ) -> list[dict]:
        """The donor finishes Checkout. Payment mode: a PaymentIntent and Charge (metadata from
        ``payment_intent_data.metadata``) and [checkout.session.completed], payment_status "paid", or
        "unpaid" with ``paid=False`` (a delayed method such as Bacs; settle it with ``async_result``).
        Subscription mode: a customer, an active subscription and its first paid invoice, and
        [customer.subscription.created, invoice.paid, invoice_payment.paid, checkout.session.completed]."""
        with self.lock:
            session = self._open_session(session_id)
            params = self.session_params[session_id]
            email = (
                email
                or session["customer_email"]
                or (
                    self.customers[session["customer"]]["email"]
                    if session["customer"]
                    else "donor@example.com"
                )
            )
            self._tick()
            session["customer_details"] = {
                "address": {
                    "city": None,
                    "country": "GB",
                    "line1": None,
                    "line2": None,
                    "postal_code": "N1 9GU",
                    "state": None,
                },
                "business_name": None,
                "email": email,
                "individual_name": None,
                "name": name,
                "phone": None,
                "tax_exempt": "none",
                "tax_ids": [],
            }
            session["status"] = "complete"
            session["url"] = None
            events = []
            if session["mode"] == "payment":
                if session["customer_creation"] == "always":
                    session["customer"] = self._customer(email, name)
                data = params.get("payment_intent_data") or {}
                pi = self._payment(
                    session["amount_total"],
                    session["currency"],
                    session["customer"],
                    data.get("metadata") or {},
                    data.get("description"),
                    email,
                    name,
                    "succeeded" if paid else "processing",
                )
                session["payment_intent"] = pi["id"]
                session["payment_status"] = "paid" if paid else "unpaid"
            elif session["mode"] == "subscription":
                customer = session["customer"] or self._customer(email, name)
                session["customer"] = customer
                sub = self._new_subscription(session_id, customer)
                events.append(self._event("customer.subscription.created", sub))
                invoice, inpay = self._invoice(sub["id"], "subscription_create", paid=True)
                sub["latest_invoice"] = invoice["id"]
                session["invoice"] = invoice["id"]
                session["subscription"] = sub["id"]
                session["payment_status"] = "paid"
                events.append(self._event("invoice.paid", invoice))
                events.append(self._event("invoice_payment.paid", inpay))
            else:
                session["setup_intent"] = new_id("seti_1", 23)
            events.append(self._event("checkout.session.completed", session))
            return events

    def async_result(self, session_id: str, succeeded: bool) -> list[dict]:
        """A delayed payment settles: [checkout.session.async_payment_succeeded] (payment_status
        "paid") or [checkout.session.async_payment_failed] (still "unpaid")."""
        with self.lock:
            session = self.sessions[session_id]
            if session["status"] != "complete" or session["payment_status"] != "unpaid":
                raise ValueError(f"Checkout Session {session_id} has no payment pending")
            pi = self.payment_intents[session["payment_intent"]]
            charge = self.charges[pi["latest_charge"]]
            self._tick()
            if succeeded:
                pi.update(status="succeeded", amount_received=pi["amount"])
                charge.update(
                    status="succeeded",
                    paid=True,
                    captured=True,
                    amount_captured=charge["amount"],
                    balance_transaction=new_id("txn_3", 23),
                )
                session["payment_status"] = "paid"
                return [self._event("checkout.session.async_payment_succeeded", session)]
            pi.update(
                status="requires_payment_method",
                last_payment_error={
                    "code": "debit_not_authorized",
                    "type": "invalid_request_error",
                    "message": "The customer's bank account could not be debited.",
                },
            )
            charge.update(
                status="failed",
                failure_code="debit_not_authorized",
                failure_message="The customer's bank account could not be debited.",
            )
            return [self._event("checkout.session.async_payment_failed", session)]

    def expire(self, session_id: str) -> list[dict]:
        """The session times out (or is expired): [checkout.session.expired], status "expired"."""
        with self.lock:
            session = self._open_session(session_id)
            session["status"] = "expired"
            session["url"] = None
            return [self._event("checkout.session.expired", session)]
