"""Complaints about published stories, and what a complaint may do before a person has looked.

Anyone may say a story could identify a child, and it comes off the site at once: when it does, leaving
it up is the greater harm. What keeps that from being a button anyone can press again and again:

- an address takes down at most TAKEDOWNS_PER_ADDRESS stories an hour; past that its complaints are
  recorded and the moderators told, but the story stays up until one of them decides;
- once a moderator has marked the exact text "reviewed, can stay published", complaints about that
  text are queued for a second person, and the one who marked it cannot suspend it alone. A new version
  of the text is taken down by a complaint at once again;
- moderators are emailed once per story per ALERT_WINDOW (and whenever a complaint takes it down), not
  once per complaint.

The complainant is shown the same page whichever of these happened."""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from flask import current_app
from limits import parse
from sqlalchemy import select

from ...extensions import db, limiter
from ...models import Story, StoryComplaint, StoryState, User, utcnow
from ...urls import public_url
from ..errors import PermissionDenied, ServiceError
from ..notifications import notify_staff
from ..permissions import require
from .checking import apply_scan
from .moderation import publish_blockers
from .storyteller import log_event, move

log = logging.getLogger(__name__)

COMPLAINT_CATEGORIES = {
    "identifies": "It could identify a child, or reveals what happened in private court proceedings",
    "about_me": "It is about me or my family and I did not agree to it",
    "inaccurate": "It is inaccurate or unfair",
    "other": "Something else",
}
TAKEDOWN = "identifies"  # the one category that takes a story down without waiting for a person
TAKEDOWNS_PER_ADDRESS = parse("3 per hour")
ALERT_WINDOW = timedelta(hours=1)
OUTCOMES = {
    "suspended": "taken off the site",
    "queued": "kept up: this text was reviewed, a second person decides",
    "held": "kept up: the sender had already taken down several stories this hour",
}


def open_complaints(story: Story) -> list[StoryComplaint]:
    return list(
        db.session.scalars(
            select(StoryComplaint)
            .where(StoryComplaint.story_id == story.id, StoryComplaint.handled_at.is_(None))
            .order_by(StoryComplaint.id)
        )
    )


def _address_may_take_down(address: str) -> bool:
    """Counted in the rate limiter's own storage, under a hash (the address itself is kept nowhere). If
    the storage cannot be reached the story comes down: a child's safety outweighs a wrongful suspension."""
    if not address or not current_app.config.get("RATELIMIT_ENABLED", True):
        return True
    key = hashlib.sha256(f"{current_app.config['SECRET_KEY']}:{address}".encode()).hexdigest()[:32]
    try:
        return limiter.limiter.hit(TAKEDOWNS_PER_ADDRESS, "story-takedowns", key)
    except Exception as error:  # the storage's own errors vary by backend
        log.warning("Rate limit storage unavailable, story takedown not limited by address: %s", error)
        return True


def file_complaint(
    story: Story, category: str, details: str, contact_email: str = "", address: str = ""
) -> StoryComplaint:
    """Record a complaint, take the story down if it may be, and tell the moderators. ``address`` is the
    client's address as the rate limiter sees it, used only to count takedowns."""
    if category not in COMPLAINT_CATEGORIES:
        raise ServiceError("Choose what the problem is", field="category")
    details = (details or "").strip()
    if category != TAKEDOWN and not details:
        raise ServiceError("Tell us what is wrong", field="details")
    # Held until the commit: two complaints at the same moment take it down (and alert) once.
    db.session.refresh(story, with_for_update=True)
    outcome = ""
    if category == TAKEDOWN and story.state == StoryState.PUBLISHED:
        if story.reviewed_as_fine:
            outcome = "queued"
        elif _address_may_take_down(address):
            outcome = "suspended"
        else:
            outcome = "held"
    complaint = StoryComplaint(
        story_id=story.id,
        category=category,
        details=details[:5000],
        contact_email=(contact_email or "").strip(),
        outcome=outcome,
    )
    db.session.add(complaint)
    reason = "complaint: " + COMPLAINT_CATEGORIES[category]
    if outcome == "suspended":
        move(story, StoryState.SUSPENDED, "suspended", actor_label="public", reason=reason)
    elif outcome:
        log_event(
            story, f"complaint_{outcome}", actor_label="public", reason=f"{reason}; {OUTCOMES[outcome]}"
        )
    else:
        log_event(story, "complaint", actor_label="public", reason=COMPLAINT_CATEGORIES[category])
    _alert(story, complaint)
    db.session.commit()
    return complaint


def _alert(story: Story, complaint: StoryComplaint) -> None:
    now = utcnow()
    due = story.complaints_alerted_at is None or now - story.complaints_alerted_at >= ALERT_WINDOW
    if not (due or complaint.outcome == "suspended"):
        return
    story.complaints_alerted_at = now
    link = public_url("stories.moderate", ref=story.ref)
    # What the complainant wrote stays on the moderation page: it may repeat the very details at issue.
    notify_staff(
        "story_complaint",
        template="story_complaint",
        subject="A complaint about a published story",
        summary=f"A complaint about the published story \u201c{story.title}\u201d: "
        f"{COMPLAINT_CATEGORIES[complaint.category]}.",
        link=link,
        story=story,
        category=COMPLAINT_CATEGORIES[complaint.category],
        outcome=complaint.outcome,
        open_count=len(open_complaints(story)),
        window_minutes=int(ALERT_WINDOW.total_seconds() // 60),
    )


def mark_reviewed(actor: User, story: Story, note: str) -> int:
    """ "Reviewed, can stay published": the open complaints are closed, a suspended story goes back on the
    site, and this exact text is no longer taken down by a complaint alone. Returns the complaints closed."""
    require(actor, "moderate_stories")
    note = (note or "").strip()
    if not note:
        raise ServiceError("Say what you checked; it is kept in the history", field="reason")
    db.session.refresh(story, with_for_update=True)
    reason = f"text version {story.text_version}; {note}"
    if story.state == StoryState.SUSPENDED:
        apply_scan(story)  # as when reinstating: the check may have improved since it went up
        problems = publish_blockers(actor, story)
        if problems:
            db.session.commit()  # keep any new findings so the moderator sees them
            if any("second person" in p for p in problems):
                raise PermissionDenied(" ".join(problems))
            raise ServiceError(" ".join(problems))
        move(story, StoryState.PUBLISHED, "reviewed", actor=actor, reason=reason)
    elif story.state == StoryState.PUBLISHED:
        log_event(story, "reviewed", actor=actor, reason=reason)
    else:
        raise ServiceError("Only a published or suspended story can be marked as reviewed.")
    story.reviewed_hash, story.reviewed_by_id, story.reviewed_at = story.current_hash, actor.id, utcnow()
    story.complaints_alerted_at = None  # the next complaint is news again
    closed = _close(actor, story)
    db.session.commit()
    return closed


def _close(actor: User, story: Story) -> int:
    complaints = open_complaints(story)
    for complaint in complaints:
        complaint.handled_at, complaint.handled_by_id = utcnow(), actor.id
    return len(complaints)


def close_complaints(actor: User, story: Story, outcome: str) -> int:
    require(actor, "moderate_stories")
    count = _close(actor, story)
    if count:
        story.complaints_alerted_at = None
        log_event(story, "complaints_closed", actor=actor, reason=(outcome or "").strip())
    db.session.commit()
    return count
