"""Delivery through SendGrid's v3 Mail Send API, using the sendgrid package."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error

from python_http_client import exceptions as http_errors
from sendgrid import SendGridAPIClient

from . import Mailer, OutgoingMessage, PermanentMailError, TransientMailError, UncertainMailError


def mail_send_body(message: OutgoingMessage) -> dict:
    """The v3 /mail/send request body. Plain text comes before HTML, as the API requires."""
    name, address = _split_sender(message.sender)
    sender = {"email": address}
    if name:
        sender["name"] = name
    personalization: dict = {"to": [{"email": message.to}]}
    if message.custom_args:
        personalization["custom_args"] = {k: str(v) for k, v in message.custom_args.items()}
    body: dict = {
        "personalizations": [personalization],
        "from": sender,
        "subject": message.subject,
        "content": [
            {"type": "text/plain", "value": message.text},
            {"type": "text/html", "value": message.html},
        ],
    }
    if message.headers:
        body["headers"] = dict(message.headers)
    if message.categories:
        body["categories"] = list(message.categories)
    return body


def _split_sender(sender: str) -> tuple[str, str]:
    if "<" in sender and sender.endswith(">"):
        name, _, address = sender[:-1].partition("<")
        return name.strip().strip('"'), address.strip()
    return "", sender.strip()


class SendGridMailer(Mailer):
    name = "sendgrid"
    concurrent = True

    def __init__(self, api_key: str, host: str, timeout: int):
        self.client = SendGridAPIClient(api_key=api_key, host=host)
        self.timeout = timeout

    def send(self, message: OutgoingMessage) -> str:
        return self.send_bulk(mail_send_body(message))

    def send_bulk(self, body: dict) -> str:
        try:
            response = self.client.client.mail.send.post(request_body=body, timeout=self.timeout)
        except http_errors.HTTPError as error:
            status = error.status_code
            detail = _short(error.body)
            if status == 429 or status >= 500:
                raise TransientMailError(f"SendGrid answered {status}: {detail}",
                                         retry_after=_retry_after(error.headers)) from None
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
