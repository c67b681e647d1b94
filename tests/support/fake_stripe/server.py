"""The fake's server: the development stand-in's Stripe API (campaign/dev/stripe_standin/api.py) served
over the tests' FakeHTTPServer, with requests recorded and forced answers queued."""

from __future__ import annotations

import json

from campaign.dev.stripe_standin.api import StripeAPI
from campaign.dev.stripe_standin.common import StripeAPIError
from campaign.dev.stripe_standin.schema import decode_form
from tests.support.fake_http import FakeHTTPServer, FakeResponse, RecordedRequest


class FakeStripe(StripeAPI, FakeHTTPServer):
    def client(self, api_key: str = "sk_test_fake", **kwargs):
        """A real ``stripe.StripeClient`` pointed at this fake."""
        import stripe

        return stripe.StripeClient(
            api_key,
            base_addresses={"api": self.url},
            max_network_retries=kwargs.pop("max_network_retries", 0),
            **kwargs,
        )

    def posted(self, path: str) -> list[dict]:
        """The decoded params of every POST to ``path`` (e.g. ``"/v1/checkout/sessions"``)."""
        return [decode_form(r.body) for r in self.requests if r.method == "POST" and r.path == path]

    def receive(self, request: RecordedRequest) -> FakeResponse:
        # One request at a time, recorded and answered under one hold of the lock, so requests that
        # race (a double-clicked form) see the state in the order they were recorded.
        with self.lock:
            return super().receive(request)

    def answer(self, request: RecordedRequest) -> FakeResponse:
        answer = self.handle(request.method, request.path, request.headers, request.body, self.next_queued)
        return FakeResponse(answer.status, answer.body, answer.headers)


def stripe_error(
    status: int,
    type: str = "api_error",
    message: str = "An unknown error occurred",
    code: str | None = None,
    headers: dict | None = None,
) -> FakeResponse:
    """A forced answer for ``queue``, in Stripe's error shape: e.g. ``stripe_error(500)``,
    ``stripe_error(429, "invalid_request_error", "Too many requests", code="rate_limit")``."""
    err = StripeAPIError(message, status=status, type=type, code=code)
    return FakeResponse(
        status, json.dumps(err.body()).encode(), {"Content-Type": "application/json", **(headers or {})}
    )
