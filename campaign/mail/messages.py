"""What the application hands a mailer, and what a mail provider reports back, in no provider's format.

A bulk message's subject and bodies are Templates: text with Merge fields where each recipient's own
values go. Each backend fills them its own way (the outbox directly, SendGrid through its substitution
tags), so nothing outside a backend knows a provider's substitution syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Merge:
    """Where one recipient's value goes in a template: ``BulkRecipient.values[name]``."""

    name: str


@dataclass(frozen=True)
class Template:
    """Text with merge fields: literal strings and Merge fields, in order."""

    parts: tuple[str | Merge, ...] = ()

    @classmethod
    def plain(cls, text: str) -> Template:
        return cls((text,) if text else ())

    @classmethod
    def marked(cls, text: str, markers: Mapping[str, str]) -> Template:
        """``text`` with each marker (a string that occurs nowhere else, ``{marker: field name}``) made a
        merge field. A renderer puts markers where fields go, then splits the rendered text here."""
        if not markers:
            return cls.plain(text)
        pattern = re.compile("|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True)))
        parts: list[str | Merge] = []
        position = 0
        for match in pattern.finditer(text):
            if match.start() > position:
                parts.append(text[position : match.start()])
            parts.append(Merge(markers[match.group()]))
            position = match.end()
        if position < len(text):
            parts.append(text[position:])
        return cls(tuple(parts))

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.name for p in self.parts if isinstance(p, Merge)))

    def fill(self, values: Mapping[str, str]) -> str:
        """The text one recipient receives. Every field must have a value."""
        return "".join(p if isinstance(p, str) else values[p.name] for p in self.parts)

    def spell(self, field_text: Callable[[str], str]) -> str:
        """The text with each field written as ``field_text(name)``: a provider's own placeholder syntax."""
        return "".join(p if isinstance(p, str) else field_text(p.name) for p in self.parts)

    def prefixed(self, text: str) -> Template:
        return Template((text, *self.parts))


@dataclass(frozen=True)
class OutgoingMessage:
    """One finished message to one person (transactional mail)."""

    to: str
    subject: str
    text: str
    html: str
    sender: str
    headers: dict[str, str] = field(default_factory=dict)
    # Our own ids only (never personal data): the provider echoes them back in its delivery events.
    custom_args: dict[str, str] = field(default_factory=dict)
    categories: tuple[str, ...] = ()


# Not frozen: a campaign makes one per recipient, and a frozen dataclass is built at twice the cost.
@dataclass(slots=True)
class BulkRecipient:
    """One recipient of a BulkMessage: their merge values, their own headers, and our ids for them."""

    to: str
    values: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    # Our own ids only (never personal data): the provider echoes them back in its delivery events.
    custom_args: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BulkMessage:
    """One message to many people in one request to the provider (a campaign batch, a test send).

    The HTML template's fields take values already escaped for HTML: the sender supplies both forms (by
    convention ``name`` and ``name_html``), since only it knows which values are its own safe URLs."""

    subject: Template
    text: Template
    html: Template
    sender: str
    recipients: list[BulkRecipient]
    reply_to: str = ""
    headers: dict[str, str] = field(default_factory=dict)  # shared by every recipient
    categories: tuple[str, ...] = ()
    # Count opens and clicks (a tracking pixel, links routed through the provider). Only for a campaign
    # whose organisers chose it; transactional mail (OutgoingMessage) is never tracked.
    track_engagement: bool = False


class EventType:
    """What a provider reports about a message. The names are SendGrid's (the stored events keep them);
    another provider's adapter maps its own onto these."""

    PROCESSED = "processed"  # the provider accepted it and will try to deliver it
    DEFERRED = "deferred"
    DELIVERED = "delivered"
    BOUNCE = "bounce"
    DROPPED = "dropped"  # never attempted: the address is on the provider's own suppression lists
    SPAM_REPORT = "spamreport"
    UNSUBSCRIBE = "unsubscribe"
    GROUP_UNSUBSCRIBE = "group_unsubscribe"
    OPEN = "open"
    CLICK = "click"


@dataclass(frozen=True)
class MailEvent:
    """One delivery event the provider reported (delivered, bounced, opened...)."""

    event_id: str  # the provider's unique id for this report ("" if it gave none): stored once by it
    type: str  # an EventType name ("" if it gave none)
    email: str  # the recipient's address as the provider saw it ("" if it gave none)
    timestamp: int | None
    # Our ids, sent with the message as custom_args, as they came back (normally strings).
    custom_args: dict[str, Any]
    provider: str  # who reported it, for people reading a suppression's detail
    reason: str = ""  # the provider's words on why (a bounce's status and reason), for people to read
    soft: bool = False  # a temporary refusal by the receiving server: the address itself may be fine
    payload: dict[str, Any] = field(default_factory=dict)  # the event as the provider sent it, for the record
