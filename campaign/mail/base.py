"""The Mailer interface and the choice of backend.

Nothing calls a mailer inside a web request: views ask services to queue an email, and jobs hand it to
the configured mailer."""

from __future__ import annotations

from typing import Protocol

from flask import Flask, current_app

from . import sendgrid
from .messages import BulkMessage, OutgoingMessage
from .outbox import OutboxMailer


class Mailer(Protocol):
    """What every backend provides. Backends match it by shape rather than inheriting it, so that this
    module can name them without them importing it back."""

    name: str
    # Whether send_batch may be called from several threads at once (it must not touch the database).
    concurrent: bool

    def send(self, message: OutgoingMessage) -> str:
        """Deliver one message; return the provider's message id. Raises a MailError subclass."""

    def send_batch(self, message: BulkMessage) -> str:
        """Hand over one bulk message (a campaign batch) in a single request to the provider; return the
        provider's message id. Raises a MailError subclass."""


def get_mailer(app: Flask | None = None) -> Mailer:
    config = (app or current_app).config
    if config["MAIL_BACKEND"] == "sendgrid":
        return sendgrid.SendGridMailer(
            api_key=config["SENDGRID_API_KEY"],
            host=config["SENDGRID_API_HOST"],
            timeout=config["SENDGRID_TIMEOUT"],
        )
    return OutboxMailer()
