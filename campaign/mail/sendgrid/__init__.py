"""The SendGrid backend: v3 Mail Send request bodies and the HTTP call (``SendGridMailer``). SendGrid's
formats and substitution syntax stay in here."""

from .body import batch_body, mail_send_body, split_sender, tag
from .client import SendGridMailer

__all__ = ["SendGridMailer", "batch_body", "mail_send_body", "split_sender", "tag"]
