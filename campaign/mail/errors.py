"""What can go wrong talking to the mail provider, in terms the callers act on."""

from __future__ import annotations


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


class WebhookRejected(Exception):
    """A post to the delivery-event webhook is not provably from the provider; the message says why (safe
    to show the caller)."""


class MalformedEvents(ValueError):
    """A verified delivery-event post is not a list of events."""
