"""Keeping stories only as long as needed. A raw submission is needed until the story is published,
rejected or withdrawn, and then for STORY_RETENTION_DAYS in case of a dispute. A rejected or withdrawn
story loses everything it said and everything about its teller after the same period; the audit log stays
(it never held the text). Unsubmitted drafts go after STORY_DRAFT_DAYS."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, or_, select, update

from ...extensions import db, rowcount
from ...models import Story, StoryComplaint, StoryDraft, StoryEvent, StoryFinding, StoryState, utcnow
from .storyteller import log_event

PURGED = "[removed]"
FREE_TEXT_ACTIONS = ("rejected", "suspended", "complaints_closed", "reviewed")


def purge_stories() -> dict[str, int]:
    now = utcnow()
    cutoff = now - timedelta(days=current_app.config["STORY_RETENTION_DAYS"])
    ended = list(
        db.session.scalars(
            select(Story).where(
                Story.state.in_(StoryState.ENDED), Story.purged_at.is_(None), Story.ended_at <= cutoff
            )
        )
    )
    for story in ended:
        story.title, story.pen_name, story.body = PURGED, PURGED, ""
        story.original_body, story.contact_email = None, None
        story.moderator_message = story.storyteller_message = story.withdrawal_note = ""
        story.slug = None
        story.petitions = []
        story.purged_at = story.raw_purged_at = story.raw_purged_at or now
        db.session.execute(delete(StoryFinding).where(StoryFinding.story_id == story.id))
        db.session.execute(
            update(StoryComplaint)
            .where(StoryComplaint.story_id == story.id)
            .values(details="", contact_email="")
        )
        # Moderators' free-text reasons can quote the story; the log keeps what happened, not those words.
        db.session.execute(
            update(StoryEvent)
            .where(StoryEvent.story_id == story.id, StoryEvent.action.in_(FREE_TEXT_ACTIONS))
            .values(reason="[removed]")
        )
        log_event(story, "purged", actor_label="system", reason=f"{story.state} story purged after retention")

    raw = list(
        db.session.scalars(
            select(Story).where(
                Story.original_body.is_not(None),
                Story.published_at.is_not(None),
                Story.published_at <= cutoff,
                or_(Story.state == StoryState.PUBLISHED, Story.state == StoryState.SUSPENDED),
            )
        )
    )
    for story in raw:
        story.original_body = None
        story.raw_purged_at = now
        log_event(
            story, "raw_purged", actor_label="system", reason="original submission deleted after retention"
        )

    draft_cutoff = now - timedelta(days=current_app.config["STORY_DRAFT_DAYS"])
    drafts = rowcount(db.session.execute(delete(StoryDraft).where(StoryDraft.updated_at <= draft_cutoff)))
    db.session.commit()
    return {"stories": len(ended), "raw": len(raw), "drafts": drafts}
