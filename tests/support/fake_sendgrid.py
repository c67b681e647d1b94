"""A local stand-in for SendGrid's v3 /mail/send that enforces the real API's limits, so a request it
accepts is one SendGrid would accept: at most 1,000 personalizations, no address twice in one request,
a sender, a subject and content, substitutions and custom args within their sizes, an API key.

Tests queue special answers (429, 500, 400) with ``queue``; otherwise it answers 202 after ``delay``
seconds, as the benchmark's "SendGrid that answers after 300 ms"."""

from __future__ import annotations

import json
import time

from tests.support.fake_http import FakeHTTPServer, FakeResponse, RecordedRequest

MAX_PERSONALIZATIONS = 1000


def problems(body: dict) -> list[str]:
    found = []
    personalizations = body.get("personalizations") or []
    if not personalizations:
        found.append("personalizations is required")
    if len(personalizations) > MAX_PERSONALIZATIONS:
        found.append(f"personalizations may contain at most {MAX_PERSONALIZATIONS} items")
    seen = set()
    for p in personalizations:
        for field in ("to", "cc", "bcc"):
            for recipient in p.get(field, []):
                address = recipient.get("email", "").lower()
                if not address or "@" not in address:
                    found.append("each recipient needs a valid email")
                if address in seen:
                    found.append(f"each email address in the personalization block should be unique ({address})")
                seen.add(address)
        if sum(len(k) + len(v) for k, v in p.get("substitutions", {}).items()) > 10000:
            found.append("substitutions may total at most 10,000 bytes per personalization")
        if sum(len(k) + len(v) for k, v in p.get("custom_args", {}).items()) > 10000:
            found.append("custom_args may total at most 10,000 bytes")
    if not (body.get("from") or {}).get("email"):
        found.append("from.email is required")
    if not body.get("subject") and not all(p.get("subject") for p in personalizations):
        found.append("subject is required")
    content = body.get("content") or []
    if not content:
        found.append("content is required")
    elif content[0].get("type") != "text/plain" and any(c.get("type") == "text/plain" for c in content):
        found.append("text/plain must come first")
    return found


class FakeSendGrid(FakeHTTPServer):
    message_id = "fake-{n}"  # the X-Message-Id of the n-th accepted request

    def __init__(self, delay: float = 0.0, record: bool = True):
        """``record=False`` (the benchmark) keeps only counts, not every body, so the fake stays light."""
        super().__init__(record=record)
        self.delay = delay
        self.accepted_count = 0
        self.recipient_count = 0
        self.accepted: list[dict] = []

    def receive(self, request: RecordedRequest) -> FakeResponse:
        if self.delay:
            time.sleep(self.delay)
        return super().receive(request)

    def answer(self, request: RecordedRequest) -> FakeResponse:
        if request.method != "POST" or request.path != "/v3/mail/send":
            return FakeResponse(404, b'{"errors":[{"message":"not found"}]}')
        if not (request.headers.get("Authorization") or "").startswith("Bearer "):
            return FakeResponse(401, b'{"errors":[{"message":"authorization required"}]}')
        queued = self.next_queued()
        if queued is not None:
            return queued
        try:
            body = json.loads(request.body)
            listed = problems(body)
        except ValueError:
            listed = ["invalid JSON"]
        if listed:
            return FakeResponse(400, json.dumps({"errors": [{"message": m} for m in listed]}).encode())
        with self.lock:
            self.accepted_count += 1
            self.recipient_count += len(body["personalizations"])
            if self.record:
                self.accepted.append(body)
            message_id = self.message_id.format(n=self.accepted_count)
        return FakeResponse(202, headers={"X-Message-Id": message_id})

    def recipients(self) -> list[str]:
        return [p["to"][0]["email"] for body in self.accepted for p in body["personalizations"]]
