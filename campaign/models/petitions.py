"""Petitions. Signing, moderation and counting arrive with the petitions feature; this is the record."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import UTCDateTime, utcnow


class PetitionState:
    DRAFT = "draft"
    SUBMITTED = "submitted"
    OPEN = "open"
    CLOSED = "closed"
    REJECTED = "rejected"
    HIDDEN = "hidden"
    PUBLIC = (OPEN, CLOSED, REJECTED)


class Petition(db.Model):
    __tablename__ = "petitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(160), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(Text)
    background: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default=PetitionState.DRAFT, index=True)
    target: Mapped[int] = mapped_column(default=10_000)
    # Rolled up from confirmed signatures in batches, never incremented per signature.
    signature_count: Mapped[int] = mapped_column(default=0)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime())
    owner_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    owner_organisation: Mapped[Organisation | None] = relationship()  # noqa: F821
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def progress_percent(self) -> int:
        if self.target <= 0:
            return 100
        return min(100, (self.signature_count * 100) // self.target)
