"""The SendGrid backend: v3 Mail Send request bodies and the HTTP call (``SendGridMailer``), and the signed
Event Webhook. SendGrid's formats, substitution syntax, header names and signature checks stay in here."""

from .body import MAX_SUBSTITUTION_BYTES, batch_body, mail_send_body, split_sender, substitutions_size, tag
from .client import SendGridMailer
from .webhook import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    load_public_key,
    parse_events,
    read_event,
    verify_post,
    verify_signature,
)

__all__ = [
    "MAX_SUBSTITUTION_BYTES",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "SendGridMailer",
    "batch_body",
    "load_public_key",
    "mail_send_body",
    "parse_events",
    "read_event",
    "split_sender",
    "substitutions_size",
    "tag",
    "verify_post",
    "verify_signature",
]
