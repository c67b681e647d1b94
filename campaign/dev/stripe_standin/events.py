"""Events: building them as Stripe snapshots them, and signing their delivery as Stripe signs webhooks."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import time

from .common import API_VERSION, SharedState, new_id


def _hmac(secret: str, timestamp: int, payload: bytes | str) -> str:
    if isinstance(payload, bytes | bytearray):
        payload = payload.decode("utf-8")
    signed = f"{timestamp}.{payload}".encode()
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def sign(payload: bytes | str, secret: str, timestamp: int | None = None) -> str:
    """The ``Stripe-Signature`` header Stripe sends with ``payload``: ``t=<unix time>,v1=<hex
    HMAC-SHA256 of "<t>.<payload>" keyed by the endpoint's signing secret>``. Like Stripe in test mode
    it adds a ``v0`` signature made with a secret nobody holds, which verifiers must ignore.
    ``timestamp`` defaults to the real clock (not the stand-in's ``now``), since receivers refuse stale ones."""
    t = int(time.time()) if timestamp is None else int(timestamp)
    v0 = _hmac("whsec_test_v0_scheme_not_for_you", t, payload)
    return f"t={t},v1={_hmac(secret, t, payload)},v0={v0}"


def event_body(event: dict) -> bytes:
    """The body Stripe posts for ``event``: the event as JSON (Stripe pretty-prints it)."""
    return json.dumps(event, indent=2).encode("utf-8")


def signed_delivery(event: dict, secret: str, timestamp: int | None = None) -> tuple[bytes, dict]:
    """``(body, headers)`` for posting ``event`` to a webhook endpoint as Stripe would."""
    body = event_body(event)
    return body, {
        "Content-Type": "application/json; charset=utf-8",
        "Stripe-Signature": sign(body, secret, timestamp),
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    }


class EventsMixin(SharedState):
    """``StripeAPI``'s event builder: every event built is kept in ``self.events``."""

    def _event(self, type: str, obj: dict, previous: dict | None = None) -> dict:
        data = {"object": copy.deepcopy(obj)}
        if previous:
            data["previous_attributes"] = previous
        event = {
            "id": new_id("evt_", 24),
            "object": "event",
            "api_version": API_VERSION,
            "created": self._tick(),
            "data": data,
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": type,
        }
        self.events.append(event)
        return event
