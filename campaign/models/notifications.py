"""What each person asked us to email them about, and the notifications waiting for their daily digest."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from ._types import UTCDateTime, utcnow


class NotificationChoice:
    IMMEDIATELY = "immediately"
    DIGEST = "digest"
    OFF = "off"
    ALL = (IMMEDIATELY, DIGEST, OFF)


class NotificationPreference(Model):
    """One person's choice for one kind of notification. No row: the kind's default."""

    __tablename__ = "notification_preferences"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    choice: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class DigestItem(Model):
    """A notification kept for the person's next daily digest. ``sent_at`` is set in the same transaction
    that queues the digest email, so an item goes out in exactly one digest."""

    __tablename__ = "notification_digest_items"
    __table_args__ = (Index("ix_notification_digest_items_waiting", "user_id", "sent_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(String(500))
    link: Mapped[str] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
