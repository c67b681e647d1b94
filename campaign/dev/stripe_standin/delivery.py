"""Webhook deliveries from the stand-in, one at a time and in the order they happened, signed exactly as
Stripe signs them. Like Stripe, a delivery the app does not answer with a 2xx is tried again later, so
events made before the web server is up (the demo's gifts, made while ``make run`` seeds) arrive once
it is."""

from __future__ import annotations

import logging
import queue
import threading
import time

import requests

from .events import signed_delivery

log = logging.getLogger(__name__)

# Waits between tries: short, since the receiver is on this machine and usually just starting up.
RETRY_WAITS = (0.5, 1, 2, 3, 5)
GIVE_UP_AFTER = 15 * 60  # seconds; Stripe keeps trying for three days


class WebhookDelivery:
    def __init__(self, url: str, secret: str):
        self.url, self.secret = url, secret
        self._queue: queue.Queue[dict] = queue.Queue()
        self._stopping = threading.Event()
        self._idle = threading.Condition()
        self._pending = 0
        self.delivered: list[str] = []  # event ids, in the order the app accepted them
        self._thread = threading.Thread(target=self._run, name="stripe-standin-webhooks", daemon=True)
        self._thread.start()

    def send(self, events: list[dict]) -> None:
        with self._idle:
            self._pending += len(events)
        for event in events:
            self._queue.put(event)

    def pending(self) -> int:
        with self._idle:
            return self._pending

    def stop(self) -> None:
        self._stopping.set()

    def _run(self) -> None:
        session = requests.Session()
        while not self._stopping.is_set():
            try:
                event = self._queue.get(timeout=0.2)
            except queue.Empty:
                continue
            self._deliver(session, event)
            with self._idle:
                self._pending -= 1

    def _deliver(self, session: requests.Session, event: dict) -> None:
        started, attempt = time.monotonic(), 0
        while not self._stopping.is_set():
            # Signed at each try, as Stripe does: the receiver refuses a stale timestamp.
            body, headers = signed_delivery(event, self.secret)
            try:
                status = session.post(self.url, data=body, headers=headers, timeout=10).status_code
            except requests.RequestException as error:
                status, reason = 0, type(error).__name__
            else:
                reason = f"HTTP {status}"
            if 200 <= status < 300:
                self.delivered.append(event["id"])
                return
            if time.monotonic() - started > GIVE_UP_AFTER:
                log.warning(
                    "Stripe stand-in gave up delivering %s %s (%s)", event["type"], event["id"], reason
                )
                return
            wait = RETRY_WAITS[min(attempt, len(RETRY_WAITS) - 1)]
            if attempt == 2:
                log.info("waiting for the app to take %s (%s); still trying", event["type"], reason)
            attempt += 1
            self._stopping.wait(wait)
