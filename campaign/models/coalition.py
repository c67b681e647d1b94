"""The coalition itself: its member organisations, how people apply to join and are invited in, and its
own pages (about, campaign pages, news)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, LargeBinary, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model, db
from ._types import UTCDateTime, utcnow

organisation_petitions = Table(
    "organisation_petitions",
    db.metadata,
    Column("organisation_id", ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True),
    Column("petition_id", ForeignKey("petitions.id", ondelete="CASCADE"), primary_key=True),
)
organisation_stories = Table(
    "organisation_stories",
    db.metadata,
    Column("organisation_id", ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
)

if TYPE_CHECKING:
    from .accounts import User
    from .petitions import Petition
    from .stories import Story


class Organisation(Model):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    listed: Mapped[bool] = mapped_column(default=True)
    # The logo as we re-encoded it (never the upload itself), kept in the database so every web server
    # has it; `logo` is a random version that names it in URLs, so it can be cached for ever.
    logo: Mapped[str | None] = mapped_column(String(80))
    logo_data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    # The first contact: invites and removes the organisation's other people.
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL", use_alter=True)
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    petitions: Mapped[list[Petition]] = relationship(  # noqa: F821
        secondary=organisation_petitions, order_by="Petition.id"
    )
    stories: Mapped[list[Story]] = relationship(secondary=organisation_stories, order_by="Story.id")  # noqa: F821


class ApplicationState:
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    # Approved, but the address already has an account: nothing changes until its holder confirms.
    AWAITING_HOLDER = "awaiting_holder"
    HOLDER_DECLINED = "holder_declined"


_STATE_LABELS = {
    ApplicationState.PENDING: "Waiting for a decision",
    ApplicationState.APPROVED: "Approved",
    ApplicationState.DECLINED: "Declined",
    ApplicationState.AWAITING_HOLDER: "Approved, waiting for the account holder to confirm",
    ApplicationState.HOLDER_DECLINED: "Approved, but the account holder declined: nothing was changed",
}


class MembershipApplication(Model):
    """Someone asking to join the coalition, as an organisation or as an individual."""

    __tablename__ = "membership_applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # "organisation" or "individual"
    organisation_name: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    contact_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    statement: Mapped[str] = mapped_column(Text)
    listed: Mapped[bool] = mapped_column(default=False)
    consent_version: Mapped[str] = mapped_column(String(20))
    consent_wording: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default=ApplicationState.PENDING, index=True)
    decision_message: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])  # noqa: F821
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the address already had an account on approval: the account asked to confirm, and when it
    # answered. The applicant may not be that account's holder, so the account is left alone until then.
    account_holder_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    holder_answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def state_label(self) -> str:
        return _STATE_LABELS.get(self.state, self.state)

    @property
    def is_awaiting_holder(self) -> bool:
        return self.state == ApplicationState.AWAITING_HOLDER

    @property
    def display_name(self) -> str:
        return self.organisation_name if self.kind == "organisation" else self.contact_name

    @property
    def is_pending(self) -> bool:
        """Waiting for an organiser to approve or decline it."""
        return self.state == ApplicationState.PENDING


class Invitation(Model):
    """An invitation to help run an organisation's presence. The emailed link is signed and expires;
    this row makes it usable once and lets the contact withdraw it."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    organisation: Mapped[Organisation] = relationship()
    email: Mapped[str] = mapped_column(String(320))
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PageKind:
    ABOUT = "about"
    CAMPAIGN = "campaign"
    NEWS = "news"
    ALL = (ABOUT, CAMPAIGN, NEWS)


class Page(Model):
    """A Markdown page the coalition publishes. Rendered through the sanitiser, never trusted as HTML."""

    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
