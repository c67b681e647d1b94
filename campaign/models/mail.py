"""Transactional email: each message is a row first, sent by a job after the commit.

A sweeper re-enqueues rows still pending, so Redis being down delays a message but never loses it.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from ._types import UTCDateTime, utcnow


class EmailState:
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class Email(Model):
    __tablename__ = "emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=lambda: secrets.token_hex(12))
    kind: Mapped[str] = mapped_column(String(50))
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str] = mapped_column(Text)
    # Extra headers, such as List-Unsubscribe on updates a signer asked for.
    headers: Mapped[dict] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(20), default=EmailState.PENDING, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    provider_message_id: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # When the row was last handed to the queue; the sweeper leaves recent hand-offs alone.
    enqueued_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class OutboxMessage(Model):
    """What the development outbox backend 'delivered', shown at /dev/outbox."""

    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=lambda: secrets.token_hex(12))
    from_address: Mapped[str] = mapped_column(String(320))
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str] = mapped_column(Text)
    headers: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
