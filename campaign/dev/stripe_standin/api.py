"""Stripe's API as the stand-in answers it: authentication, idempotency keys replayed or refused,
routing to the endpoints the platform calls, expansion, and the state every concern shares.

Transport-free: ``handle`` takes a request's method, target, headers and body and returns the answer, so
the development server (``server``) and the tests' fake (``tests/support/fake_stripe``) serve the same
API over their own HTTP."""

from __future__ import annotations

import copy
import json
import re
import threading
import time
from collections.abc import Callable, Mapping
from typing import NamedTuple

from .billing import BillingMixin
from .charges import ChargesMixin
from .checkout import CheckoutMixin
from .common import API_VERSION, StripeAPIError, listing, new_id
from .events import EventsMixin
from .invoices import InvoicesMixin
from .prices import PricesMixin
from .schema import decode_form


class Answer(NamedTuple):
    status: int
    body: bytes
    headers: dict


class StripeAPI(CheckoutMixin, PricesMixin, BillingMixin, InvoicesMixin, ChargesMixin, EventsMixin):
    # Where the donor is sent to pay and to manage a subscription. Stripe's own by default (the tests'
    # fake never serves them); the development stand-in serves both pages itself.
    checkout_origin = "https://checkout.stripe.com"
    portal_origin = "https://billing.stripe.com"

    def __init__(self, api_key: str | None = None, now: int | None = None, **kwargs):
        """``api_key``: when given, only that key is accepted; otherwise any test-mode secret or
        restricted key (``sk_test_...``, ``rk_test_...``)."""
        # Re-entrant: an endpoint (expiring a session) takes it again to change the state.
        self.lock = threading.RLock()
        super().__init__(**kwargs)
        self.api_key = api_key
        self.now = int(time.time()) if now is None else int(now)
        self.events: list[dict] = []
        self.sessions: dict[str, dict] = {}  # id -> Checkout Session object as Stripe holds it
        self.session_params: dict[str, dict] = {}  # id -> the validated params it was created with
        self.portal_sessions: dict[str, dict] = {}
        self.customers: dict[str, dict] = {}
        self.products: dict[str, dict] = {}
        self.prices: dict[str, dict] = {}
        self.subscriptions: dict[str, dict] = {}
        self.invoices: dict[str, dict] = {}
        self.invoice_payments: dict[str, dict] = {}
        self.payment_intents: dict[str, dict] = {}
        self.charges: dict[str, dict] = {}
        self.refunds: dict[str, dict] = {}
        self.disputes: dict[str, dict] = {}
        self.idempotency: dict[tuple[str, str], dict] = {}
        self._lines: dict[str, list[dict]] = {}  # session id -> [{"price": Price, "quantity": n}]
        self._invoice_pi: dict[str, str] = {}  # invoice id -> PaymentIntent id

    def _tick(self) -> int:
        self.now += 1
        return self.now

    def _json(self, status: int, payload: dict, headers: dict | None = None) -> Answer:
        return Answer(
            status,
            json.dumps(payload, indent=2).encode(),
            {"Content-Type": "application/json", **(headers or {})},
        )

    def handle(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        raw: bytes,
        forced: Callable[[], Answer | None] | None = None,
    ) -> Answer:
        """The answer to one API request. ``headers`` must be read case-insensitively, as HTTP's are.
        ``forced`` (the tests' queued answers) is asked after the key is checked, before anything else,
        and its answer is not stored against the idempotency key."""
        with self.lock:
            return self._handle(method, target, headers, raw, forced)

    def _handle(self, method, target, headers, raw, forced) -> Answer:
        request_id = new_id("req_", 14)
        base = {"Request-Id": request_id, "Stripe-Version": headers.get("Stripe-Version") or API_VERSION}
        try:
            key = self._authenticate(headers.get("Authorization"))
        except StripeAPIError as err:
            return self._json(err.status, err.body(), {**base, "WWW-Authenticate": 'Bearer realm="Stripe"'})
        queued = forced() if forced else None
        if queued is not None:
            return queued
        path, _, query = target.partition("?")
        idem = headers.get("Idempotency-Key") if method == "POST" else None
        try:
            version = headers.get("Stripe-Version")
            if version is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(\.[a-z]+)?", version):
                raise StripeAPIError(f"Invalid Stripe API version: {version}", status=400)
            params = decode_form(query) if method in ("GET", "DELETE") else decode_form(raw)
            if method == "DELETE" and raw:
                params.update(decode_form(raw))
            if idem is not None:
                if len(idem) > 255:
                    raise StripeAPIError("Invalid idempotency key: must be at most 255 characters")
                stored = self.idempotency.get((key, idem))
                if stored is not None:
                    if (stored["method"], stored["path"], stored["params"]) != (method, path, params):
                        raise StripeAPIError(
                            "Keys for idempotent requests can only be used with the same parameters they "
                            f"were first used with. Try using a key other than '{idem}' if you meant to "
                            "execute a different request.",
                            type="idempotency_error",
                        )
                    return Answer(
                        stored["status"],
                        stored["body"],
                        {
                            **stored["headers"],
                            **base,
                            "Idempotent-Replayed": "true",
                            "Original-Request": stored["request_id"],
                        },
                    )
            status, payload = self._route(method, path, params)
            stored_ok = True
        except StripeAPIError as err:
            status, payload, stored_ok = err.status, err.body(), err.store
        extra = {"Idempotency-Key": idem} if idem is not None else {}
        response = self._json(status, payload, {**base, **extra})
        if idem is not None and stored_ok:
            self.idempotency[(key, idem)] = {
                "method": method,
                "path": path,
                "params": params,
                "status": status,
                "body": response.body,
                "headers": {"Content-Type": "application/json", **extra},
                "request_id": request_id,
            }
        return response

    def _authenticate(self, header: str | None) -> str:
        if not header or not header.startswith("Bearer ") or not header[7:].strip():
            raise StripeAPIError(
                "You did not provide an API key. You need to provide your API key in the Authorization "
                "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See "
                "https://stripe.com/docs/api#authentication for details, or we can help at "
                "https://support.stripe.com/.",
                status=401,
            )
        key = header[7:].strip()
        if key.startswith("pk_"):
            raise StripeAPIError(
                "This API call cannot be made with a publishable API key. Please use a "
                "secret API key. You can find a list of your API keys at "
                "https://dashboard.stripe.com/account/apikeys.",
                status=401,
            )
        good = key == self.api_key if self.api_key else re.fullmatch(r"(sk|rk)_test_\w+", key)
        if not good:
            raise StripeAPIError(f"Invalid API Key provided: {key[:8]}{'*' * 12}{key[-4:]}", status=401)
        return key

    def _route(self, method: str, path: str, params: dict) -> tuple[int, dict]:
        routes: list[tuple[str, str, Callable[..., dict]]] = [
            ("POST", r"/v1/checkout/sessions", self._create_session),
            ("GET", r"/v1/checkout/sessions/(?P<id>[^/]+)", self._retrieve_session),
            ("POST", r"/v1/checkout/sessions/(?P<id>[^/]+)/expire", self._expire_session),
            ("POST", r"/v1/billing_portal/sessions", self._create_portal_session),
            ("GET", r"/v1/subscriptions/(?P<id>[^/]+)", self._retrieve_subscription),
            ("DELETE", r"/v1/subscriptions/(?P<id>[^/]+)", self._delete_subscription),
        ]
        for verb, pattern, handler in routes:
            match = re.fullmatch(pattern, path)
            if match and verb == method:
                return 200, handler(params, **match.groupdict())
        raise StripeAPIError(
            f"Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs or we can "
            "help at https://support.stripe.com/.",
            status=404,
        )

    def _expand(self, obj: dict, params: dict) -> dict:
        obj = copy.deepcopy(obj)
        stores = {
            "cus_": self.customers,
            "sub_": self.subscriptions,
            "pi_": self.payment_intents,
            "in_": self.invoices,
            "ch_": self.charges,
            "prod_": self.products,
            "price_": self.prices,
        }
        for field in params.get("expand") or []:
            value = obj.get(field)
            if field == "line_items" and obj.get("object") == "checkout.session":
                obj["line_items"] = listing(
                    self._session_lines(obj["id"]), f"/v1/checkout/sessions/{obj['id']}/line_items"
                )
                continue
            if field not in obj or "." in field:
                raise StripeAPIError(f"This property cannot be expanded ({field}).", "expand")
            if isinstance(value, str):
                store = next((s for p, s in stores.items() if value.startswith(p)), None)
                if store is None or value not in store:
                    raise StripeAPIError(f"This property cannot be expanded ({field}).", "expand")
                obj[field] = copy.deepcopy(store[value])
        return obj
