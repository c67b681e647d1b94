"""Stories from the moderators' side: the automatic check, redaction, the checklist sign-off, sending the
text to its storyteller, rejection, publication by a second person and suspension (complaints: complaints.py).

Every rule that keeps a child from being identified is enforced here, not in the views."""

from __future__ import annotations

import re
import secrets
from collections import Counter

from sqlalchemy import select

from ...extensions import db
from ...models import Story, StoryComplaint, StoryEvent, StoryState, User, utcnow
from ...scanner import KINDS
from ...scanner.redaction import replace_everywhere
from ...urls import public_url
from ..emails import queue_email
from ..errors import PermissionDenied, ServiceError
from ..permissions import require
from .checking import apply_scan
from .storyteller import log_event, move, normalise_text, storyteller_link

CHECKLIST = {
    "children": "No child's name, initials, nickname, age, birthday, school or nursery",
    "places": "No town, street, address or other place that points to the family",
    "people": "No names of social workers, guardians, foster carers, judges, lawyers, the court or the council",
    "proceedings": "Nothing quoted or summarised from court papers, reports, evidence or judgments, "
    "or said in a private hearing",
    "details": "No exact dates, case numbers, phone numbers, email addresses, links or social media handles",
    "jigsaw": "Read as a whole, nothing would let someone who knows the family recognise the child",
}
# Paths under /stories/ that a story's slug must not take.
RESERVED_SLUGS = {"share", "moderation", "yours"}
# Actions that shape the published text. Whoever took one may not also publish it.
REDACTION_ACTIONS = ("redacted", "finding_kept", "sent_for_approval")


# Published stories with complaints nobody has dealt with: listed first, apart from the other published ones.
COMPLAINTS_WAITING = "complaints_waiting"
QUEUE_LABELS = {COMPLAINTS_WAITING: "Published, with complaints waiting", **StoryState.LABELS}

# Reading


def moderation_queue(actor: User) -> dict[str, list[Story]]:
    require(actor, "moderate_stories")
    stories = db.session.scalars(
        select(Story).where(Story.state.not_in(StoryState.ENDED)).order_by(Story.created_at)
    ).all()
    complained = set(
        db.session.scalars(select(StoryComplaint.story_id).where(StoryComplaint.handled_at.is_(None)))
    )
    groups: dict[str, list[Story]] = {
        state: []
        for state in (
            COMPLAINTS_WAITING,
            StoryState.SUSPENDED,
            StoryState.IN_REVIEW,
            StoryState.CHANGES_REQUESTED,
            StoryState.APPROVED,
            StoryState.AWAITING_APPROVAL,
            StoryState.SUBMITTED,
            StoryState.PUBLISHED,
        )
    }
    for story in stories:
        waiting = story.state == StoryState.PUBLISHED and story.id in complained
        groups.setdefault(COMPLAINTS_WAITING if waiting else story.state, []).append(story)
    return groups


def story_for_moderator(actor: User, ref: str) -> Story | None:
    require(actor, "moderate_stories")
    return db.session.scalar(select(Story).where(Story.ref == ref, Story.purged_at.is_(None)))


def redactors(story: Story) -> set[int]:
    return set(
        db.session.scalars(
            select(StoryEvent.actor_id).where(
                StoryEvent.story_id == story.id,
                StoryEvent.action.in_(REDACTION_ACTIONS),
                StoryEvent.actor_id.is_not(None),
            )
        )
    )


def publish_blockers(actor: User, story: Story) -> list[str]:
    """Every reason this person may not publish this story now; empty when they may."""
    problems = []
    if story.state not in StoryState.PUBLISHABLE:
        problems.append("Only a story its storyteller has approved can be published.")
    if actor.id in redactors(story):
        problems.append("You worked on this story's text, so a second person must publish it.")
    if story.scanned_hash != story.current_hash:
        problems.append("The automatic check has not been run on this text.")
    if story.open_findings:
        problems.append("Some possible identifying details have not been dealt with.")
    if story.approved_hash != story.current_hash:
        problems.append("The storyteller has not approved this exact text.")
    if story.consent is None or not story.consent.publish:
        problems.append("There is no consent to publish on record.")
    if story.checklist_hash != story.current_hash or set(story.checklist or []) != set(CHECKLIST):
        problems.append("The moderator's checklist was not signed off for this text.")
    return problems


# Redaction


def redact(
    actor: User,
    story: Story,
    *,
    title: str,
    pen_name: str,
    body: str,
    loaded_hash: str,
    replacements: dict[int, str] | None = None,
    keep: set[int] | frozenset = frozenset(),
) -> None:
    """Save a moderator's edits: the text as edited, each finding replaced where a replacement was given,
    and the findings they decided to keep. Any change to the words needs the storyteller's approval again."""
    require(actor, "moderate_stories")
    if story.state not in StoryState.EDITABLE:
        raise ServiceError(
            "A published story must be suspended before its text is changed."
            if story.state == StoryState.PUBLISHED
            else "This story can no longer be edited."
        )
    if loaded_hash != story.current_hash:
        raise ServiceError(
            "Someone else changed this story after you opened it. Your edits were not saved; "
            "reload the page to see their version."
        )
    title, pen_name, body = normalise_text(title), normalise_text(pen_name), normalise_text(body)
    if not title:
        raise ServiceError("Enter a title", field="title")
    if not pen_name:
        raise ServiceError("Enter a pen name", field="pen_name")
    if not body:
        raise ServiceError("The story cannot be empty", field="body")
    by_id = {f.id: f for f in story.findings}
    replaced = 0
    for finding_id, replacement in (replacements or {}).items():
        finding = by_id.get(finding_id)
        replacement = (replacement or "").strip()
        if finding is None or not replacement:
            continue
        title, pen_name, body = (
            replace_everywhere(t, finding.match, replacement) for t in (title, pen_name, body)
        )
        replaced += 1
    before = story.current_hash
    story.title, story.pen_name, story.body = title[:300], pen_name[:120], body
    if story.current_hash != before:
        story.text_version += 1
        story.approved_hash = None
        story.checklist, story.checklist_hash = [], None
        to_state = StoryState.IN_REVIEW if story.state != StoryState.CHANGES_REQUESTED else story.state
        log_event(
            story,
            "redacted",
            actor=actor,
            from_state=story.state,
            to_state=to_state,
            reason=f"text version {story.text_version}; {replaced} finding{'s' if replaced != 1 else ''} "
            "replaced",
        )
        story.state = to_state
    apply_scan(story)
    kept = [f for f in story.findings if f.id in keep and f.decision is None]
    for finding in kept:
        finding.decision, finding.decided_by_id, finding.decided_at = "keep", actor.id, utcnow()
    if kept:
        kinds = Counter(KINDS.get(f.kind, f.kind) for f in kept)
        log_event(
            story,
            "finding_kept",
            actor=actor,
            reason="kept as not identifying: "
            + ", ".join(f"{n} × {kind}" for kind, n in sorted(kinds.items())),
        )
    db.session.commit()


def send_for_approval(actor: User, story: Story, checklist: list[str], loaded_hash: str) -> None:
    require(actor, "moderate_stories")
    if story.state not in StoryState.MODERATION:
        raise ServiceError("Only a story being moderated can be sent to its storyteller.")
    if loaded_hash != story.current_hash:
        raise ServiceError(
            "The text changed after you opened this page. Check the new version before sending it."
        )
    if story.scanned_hash != story.current_hash:
        apply_scan(story)
    if story.open_findings:
        raise ServiceError(
            "Deal with every highlighted detail first: replace it, edit it out, or mark it as "
            "not identifying.",
            field="findings",
        )
    if set(checklist) != set(CHECKLIST):
        raise ServiceError("Confirm every item on the checklist", field="checklist")
    if not story.contact_email:
        raise ServiceError("There is no contact address to send the story to.")
    story.checklist, story.checklist_hash = sorted(checklist), story.current_hash
    story.checklist_by_id, story.checklist_at = actor.id, utcnow()
    story.storyteller_message = ""
    move(
        story,
        StoryState.AWAITING_APPROVAL,
        "sent_for_approval",
        actor=actor,
        reason=f"text version {story.text_version}; checklist signed off",
    )
    queue_email(
        "story_approval_request",
        story.contact_email,
        "Please check your story before it is published",
        story=story,
        link=storyteller_link(story),
    )
    db.session.commit()


def reject(actor: User, story: Story, reason: str) -> None:
    require(actor, "moderate_stories")
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Explain why; the storyteller will be told", field="reason")
    if story.state in StoryState.ENDED:
        raise ServiceError("This story has already been closed.")
    story.moderator_message = reason
    move(story, StoryState.REJECTED, "rejected", actor=actor, reason=reason)
    if story.contact_email:
        queue_email(
            "story_rejected", story.contact_email, "About the story you sent us", story=story, reason=reason
        )
    db.session.commit()


# Publication


def _unique_slug(story: Story) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", story.title.lower().replace("'", "").replace("’", "")).strip("-")[:80]
    base = base.rstrip("-") or "story"
    slug = base if base not in RESERVED_SLUGS else f"{base}-story"
    while db.session.scalar(select(Story.id).where(Story.slug == slug, Story.id != story.id)) is not None:
        slug = f"{base}-{secrets.token_hex(2)}"
    return slug


def publish(actor: User, story: Story) -> None:
    require(actor, "publish_stories")
    # Hold the row: a withdrawal arriving at the same moment waits, then sees it published (and hides it),
    # instead of being overwritten.
    db.session.refresh(story, with_for_update=True)
    if story.scanned_hash != story.current_hash or story.state == StoryState.SUSPENDED:
        apply_scan(story)  # the check may have improved since: run it on exactly what is about to go out
    problems = publish_blockers(actor, story)
    if problems:
        db.session.commit()  # keep any new findings so the moderator sees them
        if any("second person" in p for p in problems):
            raise PermissionDenied(problems[0] if len(problems) == 1 else " ".join(problems))
        raise ServiceError(" ".join(problems))
    reinstating = story.state == StoryState.SUSPENDED
    if not story.slug:
        story.slug = _unique_slug(story)
    story.published_at = story.published_at or utcnow()
    story.published_by_id = actor.id
    move(
        story,
        StoryState.PUBLISHED,
        "reinstated" if reinstating else "published",
        actor=actor,
        reason=f"text version {story.text_version}",
    )
    if story.contact_email and not reinstating:
        queue_email(
            "story_published",
            story.contact_email,
            "Your story is published",
            story=story,
            link=storyteller_link(story),
            url=public_url("stories.show", slug=story.slug),
        )
    db.session.commit()


def suspend_refusal(actor: User | None, story: Story) -> str:
    """Why this person may not suspend this story, or "". Four eyes: whoever marked this exact text as
    reviewed and fine cannot be the one to take it down again after more complaints."""
    if actor is not None and story.reviewed_as_fine and story.reviewed_by_id == actor.id:
        return "You marked this text as reviewed, so a second organiser or moderator must suspend it."
    return ""


def suspend(actor: User | None, story: Story, reason: str, *, actor_label: str = "") -> None:
    if actor is not None:
        require(actor, "moderate_stories")
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Say why the story is being suspended", field="reason")
    if story.state != StoryState.PUBLISHED:
        raise ServiceError("Only a published story can be suspended.")
    refusal = suspend_refusal(actor, story)
    if refusal:
        raise PermissionDenied(refusal)
    if story.reviewed_as_fine:
        # A second person overruled the review: a later complaint about this text takes it down again.
        reason += "; overrules the review that kept it up"
        story.reviewed_hash = None
    move(story, StoryState.SUSPENDED, "suspended", actor=actor, actor_label=actor_label, reason=reason)
    db.session.commit()
