"""Local HTTP servers standing in for external APIs (SendGrid, Stripe, Parliament's petitions feed) and
for other sites (a member organisation's pages in the browser tests).

``FakeHTTPServer`` is the one base: a ``ThreadingHTTPServer`` on 127.0.0.1 and a free port, served from
a daemon thread while it is used as a context manager, with its ``url``, the ``requests`` it received,
``responses`` queued by tests and a ``lock`` guarding both. Used as it is, it answers each request with
the next queued response, else ``default``. The fakes of particular APIs subclass it and override
``answer`` with their API's rules, so what leaves the platform is asserted byte for byte, through the
real client libraries."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from requests.structures import CaseInsensitiveDict


@dataclass
class RecordedRequest:
    method: str
    path: str  # with the query string
    headers: CaseInsensitiveDict  # read as HTTP reads them: ``headers["idempotency-key"]`` works too
    body: bytes

    def json(self):
        return json.loads(self.body)


@dataclass
class FakeResponse:
    status: int = 202
    body: bytes = b""
    headers: dict = field(default_factory=dict)


class ServerThread:
    """Any ``socketserver`` server (``ThreadingHTTPServer``, werkzeug's) served from a daemon thread.
    The short poll makes ``stop`` (each test's teardown) take milliseconds, not half a second."""

    def __init__(self, server, poll_interval: float = 0.02):
        self.server = server
        self.thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": poll_interval}, daemon=True
        )

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def start(self) -> ServerThread:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class FakeHTTPServer:
    # HTTP/1.1 keeps a client's connection open between requests, as the real services do; every
    # answer carries a Content-Length so the client knows where it ends.
    protocol_version = "HTTP/1.1"

    def __init__(self, default: FakeResponse | None = None, record: bool = True):
        """``record=False`` (the benchmarks) keeps no request, so a long run stays light."""
        self.requests: list[RecordedRequest] = []
        self.responses: list[FakeResponse] = []
        self.default = default or FakeResponse()
        self.record = record
        # Re-entrant, so an ``answer`` may take it again while the request is being recorded under it.
        self.lock = threading.RLock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = fake.protocol_version

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                response = fake.receive(
                    RecordedRequest(self.command, self.path, CaseInsensitiveDict(self.headers.items()), body)
                )
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self._serving = ServerThread(server)
        self.server = server

    @property
    def port(self) -> int:
        return self._serving.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def receive(self, request: RecordedRequest) -> FakeResponse:
        """Record the request, then ``answer`` it (in the request's own thread)."""
        if self.record:
            with self.lock:
                self.requests.append(request)
        return self.answer(request)

    def answer(self, request: RecordedRequest) -> FakeResponse:
        """What the server says: the next queued response, else ``default``. Subclasses add their API."""
        return self.next_queued() or self.default

    def queue(self, *responses: FakeResponse) -> None:
        """Responses to give, in order, before the server's own answers."""
        with self.lock:
            self.responses.extend(responses)

    def next_queued(self) -> FakeResponse | None:
        with self.lock:
            return self.responses.pop(0) if self.responses else None

    def __enter__(self):
        self._serving.start()
        return self

    def __exit__(self, *exc) -> None:
        self._serving.stop()


class StaticSite(FakeHTTPServer):
    """A tiny website: ``pages`` maps a path to the HTML served there; any other path is a 404."""

    def __init__(self, pages: dict[str, str]):
        super().__init__()
        self.pages = pages

    def answer(self, request: RecordedRequest) -> FakeResponse:
        if request.method != "GET" or request.path not in self.pages:
            return FakeResponse(404, b"Not found", {"Content-Type": "text/plain"})
        return FakeResponse(
            200, self.pages[request.path].encode(), {"Content-Type": "text/html; charset=utf-8"}
        )
