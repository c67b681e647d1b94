"""A local HTTP server standing in for an external API (SendGrid here; Stripe and others later).

Tests queue the responses it gives and read back the requests it received, so what leaves the
platform is asserted byte for byte, through the real client libraries."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


@dataclass
class FakeResponse:
    status: int = 202
    body: bytes = b""
    headers: dict = field(default_factory=dict)


class FakeHTTPServer:
    def __init__(self, default: FakeResponse | None = None):
        self.requests: list[RecordedRequest] = []
        self.responses: list[FakeResponse] = []
        self.default = default or FakeResponse()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append(RecordedRequest(self.command, self.path, dict(self.headers), body))
                response = fake.responses.pop(0) if fake.responses else fake.default
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def queue(self, *responses: FakeResponse) -> None:
        self.responses.extend(responses)

    def __enter__(self) -> FakeHTTPServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
