"""Personal stories and the workflow that keeps them lawful to publish: the automatic check's findings,
the storyteller's consent and approvals, complaints, saved drafts and an audit log that never holds
the story's text."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model, db
from ._types import UTCDateTime, utcnow


class StoryState:
    SUBMITTED = "submitted"  # waiting for the automatic check
    IN_REVIEW = "in_review"  # with the moderators
    AWAITING_APPROVAL = "awaiting_approval"  # redacted text sent to the storyteller
    CHANGES_REQUESTED = "changes_requested"  # the storyteller asked for changes
    APPROVED = "approved"  # the storyteller approved this exact text
    PUBLISHED = "published"
    SUSPENDED = "suspended"  # taken down after a complaint, pending review
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    LABELS = {
        SUBMITTED: "Being checked",
        IN_REVIEW: "Needs moderation",
        AWAITING_APPROVAL: "With the storyteller",
        CHANGES_REQUESTED: "Changes requested",
        APPROVED: "Ready to publish",
        PUBLISHED: "Published",
        SUSPENDED: "Suspended",
        REJECTED: "Rejected",
        WITHDRAWN: "Withdrawn",
    }
    # Sent in and not yet back with the storyteller: they are told a moderator is reading it.
    BEING_REVIEWED = (SUBMITTED, IN_REVIEW)
    # With the moderators, who may send it to the storyteller to approve.
    MODERATION = (IN_REVIEW, CHANGES_REQUESTED)
    # A moderator may edit the text in these; a published story is suspended first.
    EDITABLE = (IN_REVIEW, CHANGES_REQUESTED, AWAITING_APPROVAL, APPROVED, SUSPENDED)
    # The storyteller has the text and may still ask for changes to it.
    CHANGES_ALLOWED = (AWAITING_APPROVAL, APPROVED)
    # A second person may put it (back) on the site, if nothing else blocks it.
    PUBLISHABLE = (APPROVED, SUSPENDED)
    ENDED = (REJECTED, WITHDRAWN)


story_petitions = Table(
    "story_petitions",
    db.metadata,
    Column("story_id", ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("petition_id", ForeignKey("petitions.id", ondelete="CASCADE"), primary_key=True),
)

if TYPE_CHECKING:
    from .accounts import User
    from .petitions import Petition


def text_hash(title: str, pen_name: str, body: str) -> str:
    """What the storyteller approves and what is published: any change to any of these needs approval again."""
    payload = json.dumps([title, pen_name, body], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Story(Model):
    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Random: moderators' and storytellers' URLs must not reveal how many stories exist.
    ref: Mapped[str] = mapped_column(String(24), unique=True)
    slug: Mapped[str | None] = mapped_column(String(160), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    pen_name: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    # The words as submitted, before redaction; purged after STORY_RETENTION_DAYS.
    original_body: Mapped[str | None] = mapped_column(Text)
    contact_email: Mapped[str | None] = mapped_column(String(320))
    proceedings_ongoing: Mapped[str] = mapped_column(String(10), default="unsure")
    state: Mapped[str] = mapped_column(String(20), default=StoryState.SUBMITTED, index=True)
    text_version: Mapped[int] = mapped_column(default=1)
    scanned_hash: Mapped[str | None] = mapped_column(String(64))
    scanned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Runs of the automatic check started on it; when they all failed, the story went to the moderators
    # unchecked at this time.
    scan_attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    scan_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # "Check my story" before sending: how many possible identifying details the storyteller was shown
    # (None: they did not check), and whether they changed the words after seeing them.
    checked_findings_shown: Mapped[int | None] = mapped_column()
    checked_then_changed: Mapped[bool | None] = mapped_column()
    checklist: Mapped[list] = mapped_column(JSON, default=list)
    checklist_hash: Mapped[str | None] = mapped_column(String(64))
    checklist_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    checklist_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_hash: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Told to the storyteller (a rejection's reason) or from the storyteller (the changes they want).
    moderator_message: Mapped[str] = mapped_column(Text, default="")
    storyteller_message: Mapped[str] = mapped_column(Text, default="")
    withdrawal_note: Mapped[str] = mapped_column(Text, default="")
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A moderator read this exact text after complaints and found it fine: a further complaint about the
    # same text no longer takes it down by itself, and whoever marked it cannot be the one to suspend it.
    reviewed_hash: Mapped[str | None] = mapped_column(String(64))
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When moderators were last emailed about complaints: one alert per story until someone acts on it.
    complaints_alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    raw_purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    petitions: Mapped[list[Petition]] = relationship(secondary=story_petitions, order_by="Petition.id")  # noqa: F821
    findings: Mapped[list[StoryFinding]] = relationship(
        back_populates="story", cascade="all, delete-orphan", order_by="StoryFinding.id"
    )
    consent: Mapped[StoryConsent | None] = relationship(back_populates="story", cascade="all, delete-orphan")

    @property
    def current_hash(self) -> str:
        return text_hash(self.title, self.pen_name, self.body)

    @property
    def state_label(self) -> str:
        return StoryState.LABELS.get(self.state, self.state)

    # Where it is in the workflow, for pages to ask instead of comparing state names.

    @property
    def awaiting_check(self) -> bool:
        """Sent in; the automatic check for identifying details has not run yet."""
        return self.state == StoryState.SUBMITTED

    @property
    def check_failed(self) -> bool:
        """The automatic check could not finish: a moderator reads the story without its help."""
        return self.scan_failed_at is not None

    @property
    def being_reviewed(self) -> bool:
        return self.state in StoryState.BEING_REVIEWED

    @property
    def in_moderation(self) -> bool:
        return self.state in StoryState.MODERATION

    @property
    def editable(self) -> bool:
        return self.state in StoryState.EDITABLE

    @property
    def storyteller_asked_for_changes(self) -> bool:
        return self.state == StoryState.CHANGES_REQUESTED

    @property
    def awaiting_storyteller(self) -> bool:
        """Sent to the storyteller, who has not yet approved this text or asked for changes."""
        return self.state == StoryState.AWAITING_APPROVAL

    @property
    def changes_allowed(self) -> bool:
        return self.state in StoryState.CHANGES_ALLOWED

    @property
    def is_approved(self) -> bool:
        return self.state == StoryState.APPROVED

    @property
    def publishable(self) -> bool:
        return self.state in StoryState.PUBLISHABLE

    @property
    def is_published(self) -> bool:
        return self.state == StoryState.PUBLISHED

    @property
    def is_suspended(self) -> bool:
        return self.state == StoryState.SUSPENDED

    @property
    def is_rejected(self) -> bool:
        return self.state == StoryState.REJECTED

    @property
    def is_withdrawn(self) -> bool:
        return self.state == StoryState.WITHDRAWN

    @property
    def ended(self) -> bool:
        """Rejected or withdrawn: it will not be published."""
        return self.state in StoryState.ENDED

    @property
    def excerpt(self) -> str:
        first = next((p.strip() for p in self.body.split("\n\n") if p.strip()), "")
        return first if len(first) <= 280 else first[:277].rsplit(" ", 1)[0] + "…"

    @property
    def reviewed_as_fine(self) -> bool:
        """This exact text was reviewed after complaints and kept up."""
        return self.reviewed_hash is not None and self.reviewed_hash == self.current_hash

    @property
    def open_findings(self) -> list[StoryFinding]:
        return [f for f in self.findings if f.decision is None]


class StoryFinding(Model):
    """Something the automatic check thinks could identify someone, found in the current text.
    It is resolved by editing it out (it is then no longer found) or by a moderator deciding to keep it."""

    __tablename__ = "story_findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    story: Mapped[Story] = relationship(back_populates="findings")
    kind: Mapped[str] = mapped_column(String(30))
    match: Mapped[str] = mapped_column(String(300))
    label: Mapped[str] = mapped_column(String(200), default="")
    suggestion: Mapped[str] = mapped_column(String(120), default="")
    occurrences: Mapped[int] = mapped_column(default=1)
    decision: Mapped[str | None] = mapped_column(String(10))  # None (undecided) or "keep"
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StoryConsent(Model):
    """The storyteller's consent, with the exact words they were shown and what it covers."""

    __tablename__ = "story_consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), unique=True)
    story: Mapped[Story] = relationship(back_populates="consent")
    version: Mapped[str] = mapped_column(String(20))
    wording: Mapped[str] = mapped_column(Text)
    publish: Mapped[bool] = mapped_column(default=True)
    quote_in_emails: Mapped[bool] = mapped_column(default=False)
    share_with_members: Mapped[bool] = mapped_column(default=False)
    given_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class StoryApproval(Model):
    """The storyteller approved the text whose hash this is. Kept as a history: each approval is its own row."""

    __tablename__ = "story_approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    text_version: Mapped[int] = mapped_column()
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class StoryEvent(Model):
    """The audit log: who did what and when, between which states, and why. Never the story's text."""

    __tablename__ = "story_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[User | None] = relationship()  # noqa: F821
    # "storyteller", "system" or "public" when no account acted.
    actor_label: Mapped[str] = mapped_column(String(20), default="")
    action: Mapped[str] = mapped_column(String(40))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def who(self) -> str:
        return self.actor.name if self.actor is not None else (self.actor_label or "someone")


class StoryComplaint(Model):
    __tablename__ = "story_complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    story: Mapped[Story] = relationship()
    category: Mapped[str] = mapped_column(String(30))
    details: Mapped[str] = mapped_column(Text, default="")
    contact_email: Mapped[str] = mapped_column(String(320), default="")
    # What the complaint did: "suspended" the story, "queued" it for a second organiser (text already
    # reviewed), "held" (its address had used up its takedowns), or "" (not a takedown complaint).
    outcome: Mapped[str] = mapped_column(String(20), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class StoryDraft(Model):
    """A story saved before it is submitted, reachable only by the random token its writer holds. Only the
    browser that made it (which holds the secret whose hash is ``browser_hash``) may write to it; the link
    alone opens a copy."""

    __tablename__ = "story_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    browser_hash: Mapped[str | None] = mapped_column(String(64))
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
