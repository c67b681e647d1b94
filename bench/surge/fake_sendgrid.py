"""The surge benchmark's SendGrid: a threaded HTTP server in its own process answering POST /v3/mail/send
with 202 and an X-Message-Id after a delay (SendGrid's own latency), as the real API would.

It reads both kinds of body the platform sends: one message (one personalization, the text in
``content``) and a batch (many personalizations sharing a subject and content whose ``%%tags%%`` each
personalization's ``substitutions`` fill in). For every recipient it rebuilds the text they would get,
finds the signature confirmation link in it and, as it answers, writes one line to standard output for
the load generator in the bench process (the clock is CLOCK_MONOTONIC, shared by every process):

    R <time> <messages in the request>
    M <time> <recipient> <link, or - when the message has none>

    python -m bench.surge.fake_sendgrid [--port 0] [--delay 0.1]   (prints "READY <port>" first)
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# campaign/templates/email/signature_confirmation.txt: "{{ link }}" on a line of its own, BASE_URL/signatures/confirm/<token>.
CONFIRM_LINK = re.compile(r"https?://[^\s\"'<>]+/signatures/confirm/[A-Za-z0-9_.\-]+")


def messages(body: dict) -> list[tuple[str, str]]:
    """(recipient, the text they would read) for every recipient of a v3 /mail/send body."""
    content = {c.get("type"): c.get("value") or "" for c in body.get("content") or [] if isinstance(c, dict)}
    shared = content.get("text/plain") or content.get("text/html") or ""
    found = []
    for personalization in body.get("personalizations") or []:
        text = shared
        for tag, value in (personalization.get("substitutions") or {}).items():
            text = text.replace(tag, str(value))
        for recipient in personalization.get("to") or []:
            found.append((str(recipient.get("email", "")).strip().lower(), text))
    return found


def confirmation_link(text: str) -> str | None:
    match = CONFIRM_LINK.search(text)
    return match.group(0) if match else None


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512

    def __init__(self, port: int, delay: float):
        super().__init__(("127.0.0.1", port), Handler)
        self.delay = delay
        self.ids = itertools.count(1)
        self.out_lock = threading.Lock()

    def emit(self, lines: list[str]) -> None:
        with self.out_lock:
            sys.stdout.write("".join(lines))
            sys.stdout.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive for clients that reuse connections
    server: Server

    def log_message(self, format, *args):  # one line per request would cost more than the answer
        pass

    def _answer(self, status: int, body: bytes = b"", headers: dict | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        if body:
            self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self._answer(200 if self.path == "/healthz" else 404)

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path != "/v3/mail/send":
            return self._answer(404, b'{"errors":[{"message":"not found"}]}')
        if not (self.headers.get("Authorization") or "").startswith("Bearer "):
            return self._answer(401, b'{"errors":[{"message":"authorization required"}]}')
        try:
            found = messages(json.loads(raw))
        except (ValueError, AttributeError, TypeError):
            found = []
        if not found:
            return self._answer(400, b'{"errors":[{"message":"no personalizations"}]}')
        time.sleep(self.server.delay)
        now = f"{time.monotonic():.6f}"
        lines = [f"R {now} {len(found)}\n"]
        lines += [f"M {now} {to or '-'} {confirmation_link(text) or '-'}\n" for to, text in found]
        self.server.emit(lines)
        self._answer(202, headers={"X-Message-Id": f"surge-{next(self.server.ids)}"})


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.1, help="seconds before each answer")
    args = parser.parse_args()
    server = Server(args.port, args.delay)
    server.emit([f"READY {server.server_address[1]}\n"])
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
