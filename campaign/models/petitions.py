"""Petitions, their signatures, organisers' updates, rejection reasons and the moderation log."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from ._types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from .accounts import User
    from .coalition import Organisation


class PetitionState:
    DRAFT = "draft"
    SUBMITTED = "submitted"
    OPEN = "open"
    CLOSED = "closed"
    REJECTED = "rejected"
    HIDDEN = "hidden"
    PUBLIC = (OPEN, CLOSED, REJECTED)
    EDITABLE = (DRAFT,)
    # Signatures still roll up into the count, and the count is shown; a rejected or hidden petition keeps
    # the count it had.
    COUNTING = (OPEN, CLOSED)
    # Past moderation: approved (and perhaps since closed or hidden), or rejected.
    MODERATED = (OPEN, CLOSED, REJECTED, HIDDEN)


class Petition(Model):
    __tablename__ = "petitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(160), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(Text)
    background: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default=PetitionState.DRAFT, index=True)
    target: Mapped[int] = mapped_column(default=10_000)
    milestones: Mapped[list] = mapped_column(JSON, default=list)
    milestones_reached: Mapped[list] = mapped_column(JSON, default=list)
    duration_days: Mapped[int] = mapped_column(default=182)
    requires_uk: Mapped[bool] = mapped_column(default=False)
    # Rolled up from confirmed signatures in batches, never incremented per signature.
    signature_count: Mapped[int] = mapped_column(default=0)
    last_counted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime())
    owner_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    owner_organisation: Mapped[Organisation | None] = relationship()  # noqa: F821
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_by: Mapped[User | None] = relationship()  # noqa: F821
    moderation_note: Mapped[str] = mapped_column(Text, default="")
    rejection_code: Mapped[str | None] = mapped_column(String(40))
    rejection_details: Mapped[str] = mapped_column(Text, default="")
    parliament_petition_id: Mapped[int | None] = mapped_column()
    # Last figures read from the Parliament site's JSON feed; kept when a later read fails.
    parliament_title: Mapped[str] = mapped_column(String(300), default="")
    parliament_state: Mapped[str] = mapped_column(String(30), default="")
    parliament_count: Mapped[int | None] = mapped_column()
    parliament_response_threshold_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    parliament_responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    parliament_response_summary: Mapped[str] = mapped_column(Text, default="")
    parliament_debate_threshold_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    parliament_debate_date: Mapped[str] = mapped_column(String(20), default="")
    parliament_debated: Mapped[bool] = mapped_column(default=False)
    parliament_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    parliament_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    rejected_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # The Parliament site's thresholds, for the official petition one of ours supports (parliament_petition_id).
    PARLIAMENT_RESPONSE_THRESHOLD = 10_000  # the government responds
    PARLIAMENT_DEBATE_THRESHOLD = 100_000  # Parliament considers it for a debate

    @property
    def progress_percent(self) -> int:
        if self.target <= 0:
            return 100
        return min(100, (self.signature_count * 100) // self.target)

    @property
    def owner_name(self) -> str:
        if self.owner_organisation is not None:
            return self.owner_organisation.name
        return self.created_by.name if self.created_by is not None else "the coalition"

    # Where it is in its life, for pages to ask instead of comparing state names.

    @property
    def is_draft(self) -> bool:
        return self.state == PetitionState.DRAFT

    @property
    def is_submitted(self) -> bool:
        return self.state == PetitionState.SUBMITTED

    @property
    def is_open(self) -> bool:
        return self.state == PetitionState.OPEN

    @property
    def is_closed(self) -> bool:
        return self.state == PetitionState.CLOSED

    @property
    def is_rejected(self) -> bool:
        return self.state == PetitionState.REJECTED

    @property
    def is_hidden(self) -> bool:
        return self.state == PetitionState.HIDDEN

    @property
    def is_public(self) -> bool:
        return self.state in PetitionState.PUBLIC

    @property
    def shows_count(self) -> bool:
        return self.state in PetitionState.COUNTING

    @property
    def moderated(self) -> bool:
        return self.state in PetitionState.MODERATED

    # The official petition on the Parliament site (parliament_* fields): signatures still needed.

    @property
    def parliament_response_shortfall(self) -> int:
        return max(self.PARLIAMENT_RESPONSE_THRESHOLD - (self.parliament_count or 0), 0)

    @property
    def parliament_debate_shortfall(self) -> int:
        return max(self.PARLIAMENT_DEBATE_THRESHOLD - (self.parliament_count or 0), 0)


class SignatureState:
    PENDING = "pending"
    VALIDATED = "validated"
    INVALIDATED = "invalidated"


class Signature(Model):
    __tablename__ = "signatures"
    __table_args__ = (
        UniqueConstraint("petition_id", "email_key", name="uq_signatures_petition_email"),
        Index("ix_signatures_petition_state_validated", "petition_id", "state", "validated_at"),
        # The roll-up looks only for confirmed rows it has not counted yet: keep that set tiny to scan.
        Index(
            "ix_signatures_uncounted",
            "petition_id",
            postgresql_where=text("state = 'validated' AND NOT counted AND NOT flagged"),
            sqlite_where=text("state = 'validated' AND NOT counted AND NOT flagged"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"))
    petition: Mapped[Petition] = relationship()
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    # Lower-cased with any +tag removed: one signature per person per petition.
    email_key: Mapped[str] = mapped_column(String(320))
    email_domain: Mapped[str] = mapped_column(String(255), index=True)
    postcode: Mapped[str] = mapped_column(String(10), default="")
    # "GB" for the UK, otherwise the country the signer named.
    country: Mapped[str] = mapped_column(String(60), default="GB")
    region: Mapped[str | None] = mapped_column(String(40))
    uk_confirmed: Mapped[bool] = mapped_column(default=False)
    opt_in: Mapped[bool] = mapped_column(default=False)
    # The "email me updates" question exactly as the signer saw it, its version and when they answered
    # (ticked or not). None on signatures made before these were kept.
    opt_in_wording: Mapped[str | None] = mapped_column(Text)
    opt_in_version: Mapped[str | None] = mapped_column(String(20))
    opt_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    state: Mapped[str] = mapped_column(String(20), default=SignatureState.PENDING)
    # Set by the roll-up when this signature has been added to its petition's count.
    counted: Mapped[bool] = mapped_column(default=False)
    # Signatures over a rate limit are kept (nothing a person submits is lost) but not counted.
    flagged: Mapped[bool] = mapped_column(default=False)
    source: Mapped[str] = mapped_column(String(80), default="")
    ip_address: Mapped[str] = mapped_column(String(45), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    validated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    invalidated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When this signer was last emailed because of the sign or resend form: at most one such email per
    # SIGN_EMAIL_COOLDOWN_SECONDS, so the forms cannot be used to flood an address. Kept here rather than
    # in Redis so that a restart does not reopen the gate.
    last_emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PetitionEvent(Model):
    """Who moved a petition from which state to which, and why. Also records signature exports."""

    __tablename__ = "petition_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[User | None] = relationship()  # noqa: F821
    action: Mapped[str] = mapped_column(String(40))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RejectionReason(Model):
    __tablename__ = "rejection_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    # Offensive or defamatory wording must not stay public just because the petition was rejected.
    hides_text: Mapped[bool] = mapped_column(default=False)


class PetitionUpdate(Model):
    __tablename__ = "petition_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PaperBatch(Model):
    """Signatures collected on paper and counted by hand: a number, not people."""

    __tablename__ = "paper_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    count: Mapped[int] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CorrectionState:
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"


class PetitionCorrection(Model):
    """A proposed change to an open petition's wording; applied only when an organiser approves it."""

    __tablename__ = "petition_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    petition: Mapped[Petition] = relationship()
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    requested_by: Mapped[User | None] = relationship(foreign_keys=[requested_by_id])  # noqa: F821
    changes: Mapped[dict] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default=CorrectionState.PENDING, index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
