"""Delivery through SendGrid's v3 Mail Send API, using the sendgrid package."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
from collections.abc import Callable
from functools import partial

from python_http_client import exceptions as http_errors
from sendgrid import SendGridAPIClient

from ..errors import PermanentMailError, TransientMailError, UncertainMailError
from ..messages import BulkMessage, OutgoingMessage
from .body import batch_body, mail_send_body


class SendGridMailer:
    name = "sendgrid"
    # Prepared batches may be sent from several threads at once: sending only talks HTTP.
    concurrent = True

    def __init__(self, api_key: str, host: str, timeout: int):
        self.client = SendGridAPIClient(api_key=api_key, host=host)
        self.timeout = timeout

    def send(self, message: OutgoingMessage) -> str:
        return self.send_bulk(mail_send_body(message))

    def send_batch(self, message: BulkMessage) -> str:
        return self.send_bulk(batch_body(message))

    def prepare_batch(self, message: BulkMessage) -> Callable[[], str]:
        return partial(self.send_bulk, batch_body(message))

    def send_bulk(self, body: dict) -> str:
        """Post one v3 /mail/send body; return SendGrid's message id. Raises a MailError subclass."""
        try:
            response = self.client.client.mail.send.post(request_body=body, timeout=self.timeout)
        except http_errors.HTTPError as error:
            status = error.status_code
            detail = _short(error.body)
            if status == 429 or status >= 500:
                raise TransientMailError(
                    f"SendGrid answered {status}: {detail}", retry_after=_retry_after(error.headers)
                ) from None
            raise PermanentMailError(f"SendGrid refused the message ({status}): {detail}") from None
        except urllib.error.URLError as error:
            # urllib wraps failures to connect (refused, DNS): the request never left, so a retry is safe.
            if isinstance(error.reason, TimeoutError | socket.timeout):
                raise UncertainMailError(f"No answer from SendGrid: {error}") from None
            raise TransientMailError(f"Could not reach SendGrid: {error}") from None
        except (TimeoutError, ConnectionError, http.client.HTTPException) as error:
            raise UncertainMailError(f"No answer from SendGrid: {error!r}") from None
        return response.headers.get("X-Message-Id", "") if response.headers else ""


def _retry_after(headers) -> float | None:
    """SendGrid's 429 says when the limit resets (X-RateLimit-Reset, epoch seconds); others may say Retry-After."""
    if not headers:
        return None
    reset = headers.get("X-RateLimit-Reset")
    if reset and reset.strip().isdigit():
        return max(0.0, int(reset) - time.time())
    after = headers.get("Retry-After")
    if after and after.strip().isdigit():
        return float(after)
    return None


def _short(body) -> str:
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    return str(body or "")[:500]
