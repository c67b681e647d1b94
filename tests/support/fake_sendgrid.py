"""A local stand-in for SendGrid's v3 /mail/send that enforces the real API's limits, so a request it
accepts is one SendGrid would accept: at most 1,000 personalizations, no address twice in one request,
a sender, a subject and content, substitutions and custom args within their sizes, an API key.

Tests queue special answers (429, 500, 400) with ``queue``; otherwise it answers 202 after ``delay``
seconds, as the benchmark's "SendGrid that answers after 300 ms"."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.fake_http import FakeResponse, RecordedRequest

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


class FakeSendGrid:
    def __init__(self, delay: float = 0.0, record: bool = True):
        """``record=False`` (the benchmark) keeps only counts, not every body, so the fake stays light."""
        self.delay = delay
        self.record = record
        self.accepted_count = 0
        self.recipient_count = 0
        self.requests: list[RecordedRequest] = []
        self.accepted: list[dict] = []
        self.responses: list[FakeResponse] = []
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                if fake.delay:
                    time.sleep(fake.delay)
                with fake.lock:
                    if fake.record:
                        fake.requests.append(RecordedRequest(self.command, self.path, dict(self.headers), raw))
                response = fake._answer(self.path, self.headers, raw)
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _answer(self, path: str, headers, raw: bytes) -> FakeResponse:
        if path != "/v3/mail/send":
            return FakeResponse(404, b'{"errors":[{"message":"not found"}]}')
        if not (headers.get("Authorization") or "").startswith("Bearer "):
            return FakeResponse(401, b'{"errors":[{"message":"authorization required"}]}')
        with self.lock:
            if self.responses:
                return self.responses.pop(0)
        try:
            body = json.loads(raw)
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
        return FakeResponse(202, headers={"X-Message-Id": f"fake-{self.accepted_count}"})

    def queue(self, *responses: FakeResponse) -> None:
        self.responses.extend(responses)

    def recipients(self) -> list[str]:
        return [p["to"][0]["email"] for body in self.accepted for p in body["personalizations"]]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeSendGrid:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
