"""One Mailer interface, two backends: SendGrid for real delivery, an outbox table for development.

Callers speak only the types re-exported here. SendGrid's formats (request bodies, substitution tags)
stay in ``campaign.mail.sendgrid``."""

from .base import Mailer, get_mailer
from .errors import MailError, PermanentMailError, TransientMailError, UncertainMailError
from .messages import BulkMessage, BulkRecipient, Merge, OutgoingMessage, Template

__all__ = [
    "BulkMessage",
    "BulkRecipient",
    "MailError",
    "Mailer",
    "Merge",
    "OutgoingMessage",
    "PermanentMailError",
    "Template",
    "TransientMailError",
    "UncertainMailError",
    "get_mailer",
]
