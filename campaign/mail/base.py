"""The Mailer interface, the choice of backend, and the provider's delivery events in domain terms.

Nothing calls a mailer inside a web request: views ask services to queue an email, and jobs hand it to
the configured mailer. Delivery events come from SendGrid's signed Event Webhook whichever backend is
configured (the development outbox reports none)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from flask import Flask, current_app

from ..settings import ConfigError
from . import sendgrid
from .messages import BulkMessage, MailEvent, OutgoingMessage
from .outbox import OutboxMailer


class Mailer(Protocol):
    """What every backend provides. Backends match it by shape rather than inheriting it, so that this
    module can name them without them importing it back."""

    name: str
    # Whether a prepared batch may be sent from another thread, several at once (it must not touch the
    # database).
    concurrent: bool

    def send(self, message: OutgoingMessage) -> str:
        """Deliver one message; return the provider's message id. Raises a MailError subclass."""

    def send_batch(self, message: BulkMessage) -> str:
        """Hand over one bulk message (a campaign batch) in a single request to the provider; return the
        provider's message id. Raises a MailError subclass. The same as ``prepare_batch(message)()``."""

    def prepare_batch(self, message: BulkMessage) -> Callable[[], str]:
        """Build the provider's request for a bulk message now, in the calling thread; calling the result
        sends it (as send_batch does). The result holds the request, not the message, so a sender keeping
        many batches waiting on the provider holds each batch's recipients once, not twice."""


def get_mailer(app: Flask | None = None) -> Mailer:
    config = (app or current_app).config
    if config["MAIL_BACKEND"] == "sendgrid":
        return sendgrid.SendGridMailer(
            api_key=config["SENDGRID_API_KEY"],
            host=config["SENDGRID_API_HOST"],
            timeout=config["SENDGRID_TIMEOUT"],
        )
    return OutboxMailer()


def check_settings(config: Mapping) -> None:
    """Raise ConfigError, in one line naming the setting, for a mail setting that cannot work: start-up
    stops on a pasted-wrong webhook key rather than refusing every post with a 403."""
    key = config["SENDGRID_WEBHOOK_PUBLIC_KEY"]
    if key:
        try:
            sendgrid.load_public_key(key)
        except ValueError as error:
            raise ConfigError(
                f"SENDGRID_WEBHOOK_PUBLIC_KEY is not a usable SendGrid verification key: {error}"
            ) from None


def verify_delivery_webhook(headers: Mapping[str, str], raw_body: bytes, config: Mapping) -> None:
    """Raise WebhookRejected (its message safe to show the caller) unless the post provably comes from the
    provider: signed over exactly these bytes, recently."""
    sendgrid.verify_post(
        headers, raw_body, config["SENDGRID_WEBHOOK_PUBLIC_KEY"], config["SENDGRID_WEBHOOK_MAX_AGE"]
    )


def parse_delivery_events(raw_body: bytes) -> list[MailEvent]:
    """The events of a verified post. Raises MalformedEvents if the body is not a list of events."""
    return sendgrid.parse_events(raw_body)


def read_delivery_event(payload: Mapping) -> MailEvent:
    """An event again from the ``payload`` it was stored with (what the provider sent)."""
    return sendgrid.read_event(payload)


def fits_in_bulk(values: Mapping[str, str]) -> bool:
    """Whether one recipient's merge values are within what the provider takes per recipient of a bulk
    message (SendGrid: 10,000 bytes of substitutions). Held to whichever backend is configured, so that the
    development outbox batches exactly what production would."""
    return sendgrid.substitutions_size(values) <= sendgrid.MAX_SUBSTITUTION_BYTES


def delivery_events_enabled(config: Mapping) -> bool:
    """Whether the provider reports every message it takes, so that no report about a message means it
    never had it: true when its signed webhook is set up, and for the outbox (which never loses one)."""
    return config["MAIL_BACKEND"] != "sendgrid" or bool(config["SENDGRID_WEBHOOK_PUBLIC_KEY"])
