"""One Mailer interface, two backends: SendGrid for real delivery, an outbox table for development.

Nothing calls a mailer inside a web request: views ask services to queue an email, and the
``send_email`` job hands it to the configured mailer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask, current_app


@dataclass(frozen=True)
class OutgoingMessage:
    to: str
    subject: str
    text: str
    html: str
    sender: str
    headers: dict[str, str] = field(default_factory=dict)
    # Our own ids only (never personal data): SendGrid echoes them back in its event webhook.
    custom_args: dict[str, str] = field(default_factory=dict)
    categories: tuple[str, ...] = ()


class MailError(Exception):
    """Sending failed."""


class TransientMailError(MailError):
    """Worth retrying later: network trouble, rate limiting, a 5xx from the provider. ``retry_after`` is
    how many seconds the provider asked us to wait, when it said."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class UncertainMailError(TransientMailError):
    """The request went out but no answer came back (a timeout, a reset connection): the provider may have
    accepted it. Retrying a single transactional email is harmless; resending a bulk batch is not."""


class PermanentMailError(MailError):
    """Retrying will not help: a rejected request or a bad address."""


class Mailer:
    name = "base"
    # Whether send_bulk may be called from several threads at once (it must not touch the database).
    concurrent = False

    def send(self, message: OutgoingMessage) -> str:
        """Deliver one message; return the provider's message id. Raises a MailError subclass."""
        raise NotImplementedError  # pragma: no cover - interface

    def send_bulk(self, body: dict) -> str:
        """Hand over one v3 /mail/send request with many personalizations (a campaign batch)."""
        raise NotImplementedError  # pragma: no cover - interface


def get_mailer(app: Flask | None = None) -> Mailer:
    app = app or current_app._get_current_object()
    backend = app.config["MAIL_BACKEND"]
    if backend == "sendgrid":
        from .sendgrid_backend import SendGridMailer

        return SendGridMailer(
            api_key=app.config["SENDGRID_API_KEY"],
            host=app.config["SENDGRID_API_HOST"],
            timeout=app.config["SENDGRID_TIMEOUT"],
        )
    from .outbox_backend import OutboxMailer

    return OutboxMailer()
