"""One Mailer interface, two backends: SendGrid for real delivery, an outbox table for development.

Callers speak only the types re-exported here. SendGrid's formats (request bodies, substitution tags,
webhook signatures and header names) stay in ``campaign.mail.sendgrid``."""

from .base import (
    Mailer,
    check_settings,
    delivery_events_enabled,
    fits_in_bulk,
    get_mailer,
    parse_delivery_events,
    read_delivery_event,
    verify_delivery_webhook,
)
from .errors import (
    MailError,
    MalformedEvents,
    PermanentMailError,
    TransientMailError,
    UncertainMailError,
    WebhookRejected,
)
from .messages import BulkMessage, BulkRecipient, EventType, MailEvent, Merge, OutgoingMessage, Template

__all__ = [
    "BulkMessage",
    "BulkRecipient",
    "EventType",
    "MailError",
    "MailEvent",
    "Mailer",
    "MalformedEvents",
    "Merge",
    "OutgoingMessage",
    "PermanentMailError",
    "Template",
    "TransientMailError",
    "UncertainMailError",
    "WebhookRejected",
    "check_settings",
    "delivery_events_enabled",
    "fits_in_bulk",
    "get_mailer",
    "parse_delivery_events",
    "read_delivery_event",
    "verify_delivery_webhook",
]
