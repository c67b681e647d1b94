"""Stories from the storyteller's side: saving a draft, submitting with consent, the private link through
which they approve the redacted text, ask for changes or withdraw; and what the public may read.

The moderators' side is in story_moderation; purging is in story_retention."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from ... import job_names as jobs
from ...extensions import db
from ...models import (
    Petition,
    PetitionState,
    Story,
    StoryApproval,
    StoryConsent,
    StoryDraft,
    StoryEvent,
    StoryState,
    User,
    utcnow,
)
from ...queue import enqueue_after_commit
from ...urls import public_url
from ..emails import queue_email
from ..errors import NotFound, ServiceError
from ..notifications import notify_staff
from ..tokens import SignedToken, TokenInvalid

# The consent the storyteller gives, word for word. Changing the words means a new version: each
# consent row keeps the version and the wording that person saw.
CONSENT_VERSION = "2026-11-1"
CONSENT_WORDING = (
    "I wrote this account myself and it is about my own experience. I understand that a moderator will "
    "remove or change anything that could identify a child or reveal what happened in private court "
    "proceedings, that I will be sent the changed text to approve before anything is published, and that "
    "I can withdraw my story at any time using the link in my emails. I agree that, once I have approved it, "
    "the coalition may publish it on this website under my pen name."
)
CONSENT_OPTIONS = {
    "quote_in_emails": "The coalition may also quote my approved story in its campaign emails.",
    "share_with_members": "The coalition may also share my approved story with its member organisations.",
}
PROCEEDINGS = {
    "yes": "Yes, proceedings are still going on",
    "no": "No, they have finished",
    "unsure": "I am not sure",
}
WITHDRAWAL_REASONS = {
    "changed_mind": "I have changed my mind",
    "safety": "I am worried it could identify my child or me",
    "legal_advice": "I have been advised to take it down",
    "other": "Another reason",
}


@dataclass
class Submission:
    title: str
    body: str
    pen_name: str
    contact_email: str
    proceedings_ongoing: str
    petition_ids: list[int] = field(default_factory=list)
    quote_in_emails: bool = False
    share_with_members: bool = False
    # From "Check my story": how many details the storyteller was shown (None: never checked), and a hash
    # of the words they checked (self_check.text_hash), to tell whether they changed them after.
    checked_findings_shown: int | None = None
    checked_text_hash: str | None = None


# A word as a reader counts it: a run of letters or digits, with apostrophes inside it ("don't"). Anything
# else between two runs parts them, so "son,son,son" and "word/word/word" are three words each, as they
# would be to anyone reading them, and a story cannot slip past the limit by leaving out its spaces.
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(unicodedata.normalize("NFC", text or "")))


def body_problem(text: str) -> str | None:
    """What is wrong with a story's text as sent, for the message beside the field; None if nothing.
    Bytes are capped as well as words: the words limit says nothing about one very long word."""
    config = current_app.config
    if len((text or "").encode("utf-8")) > config["STORY_MAX_BYTES"]:
        return (
            "Your story is too long to send. Please shorten it: the limit is about "
            f"{config['STORY_MAX_BYTES']:,} characters"
        )
    limit = config["STORY_MAX_WORDS"]
    if word_count(text) > limit:
        return f"Your story must be {limit:,} words or fewer"
    return None


def normalise_text(text: str) -> str:
    """Line endings and trailing spaces differ between browsers; the approved text must not."""
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# Reading


def open_petitions() -> list[Petition]:
    return list(
        db.session.scalars(
            select(Petition)
            .where(Petition.state == PetitionState.OPEN)
            .order_by(Petition.signature_count.desc(), Petition.id)
        )
    )


# The audit log


def log_event(
    story: Story,
    action: str,
    *,
    actor: User | None = None,
    actor_label: str = "",
    from_state: str | None = None,
    to_state: str | None = None,
    reason: str = "",
) -> None:
    db.session.add(
        StoryEvent(
            story_id=story.id,
            actor_id=actor.id if actor else None,
            actor_label="" if actor else actor_label,
            action=action,
            from_state=from_state,
            to_state=to_state,
            reason=reason,
        )
    )


def move(
    story: Story,
    to_state: str,
    action: str,
    *,
    actor: User | None = None,
    actor_label: str = "",
    reason: str = "",
) -> None:
    log_event(
        story,
        action,
        actor=actor,
        actor_label=actor_label,
        from_state=story.state,
        to_state=to_state,
        reason=reason,
    )
    story.state = to_state
    if to_state in StoryState.ENDED:
        story.ended_at = utcnow()


def events_for(story: Story) -> list[StoryEvent]:
    return list(
        db.session.scalars(
            select(StoryEvent).where(StoryEvent.story_id == story.id).order_by(StoryEvent.at, StoryEvent.id)
        )
    )


# Drafts: the text is kept on the server under a token only the writer holds, and only the browser that
# started a draft may write to it. A link alone (emailed, or planted by someone else) never lets a browser
# write into a draft: opened elsewhere it offers a copy, a new draft of that browser's own, without the
# contact address. So nobody can make someone else's words land where they can read them.


@dataclass(frozen=True)
class DraftKey:
    """What the browser that started a draft holds (in one cookie): the token its link carries, and a
    secret that never leaves that browser, whose hash is kept with the draft."""

    token: str
    secret: str

    @classmethod
    def parse(cls, raw: str | None) -> DraftKey | None:
        token, _, secret = (raw or "").partition(".")
        if not token or not secret or len(token) > 100 or len(secret) > 100:
            return None
        return cls(token, secret)

    def __str__(self) -> str:
        return f"{self.token}.{self.secret}"


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_draft() -> tuple[StoryDraft, DraftKey]:
    key = DraftKey(secrets.token_urlsafe(24), secrets.token_urlsafe(24))
    draft = StoryDraft(token_hash=_token_hash(key.token), browser_hash=_token_hash(key.secret))
    db.session.add(draft)
    return draft, key


def save_draft(data: dict, key: DraftKey | None = None) -> DraftKey:
    """Save into the draft this browser started (``key``), or start a new one bound to this browser.
    Never writes into a draft whose browser secret ``key`` lacks. Returns the key to keep."""
    draft = own_draft_row(key)
    if draft is None or key is None:
        draft, key = _new_draft()
    draft.data = {k: v for k, v in data.items() if k != "csrf_token"}
    draft.updated_at = utcnow()
    db.session.commit()
    return key


def copy_draft(token: str) -> DraftKey | None:
    """A draft's link opened in a browser that did not start it: a new draft of this browser's own with the
    same words, but not the contact address (a planted link must not send someone's story to its
    planter). The original is left exactly as it was. None if the link leads to no draft."""
    original = load_draft_row(token)
    if original is None:
        return None
    draft, key = _new_draft()
    draft.data = {k: v for k, v in original.data.items() if k != "contact_email"}
    db.session.commit()
    return key


def load_draft_row(token: str | None) -> StoryDraft | None:
    if not token or len(token) > 100:
        return None
    draft = db.session.scalar(select(StoryDraft).where(StoryDraft.token_hash == _token_hash(token)))
    if draft is None:
        return None
    cutoff = utcnow() - timedelta(days=current_app.config["STORY_DRAFT_DAYS"])
    return draft if draft.updated_at >= cutoff else None


def own_draft_row(key: DraftKey | None) -> StoryDraft | None:
    """The draft ``key`` reaches, only if this browser started it (it holds the draft's secret)."""
    draft = load_draft_row(key.token) if key else None
    if draft is None or key is None or not draft.browser_hash:
        return None
    return draft if hmac.compare_digest(draft.browser_hash, _token_hash(key.secret)) else None


def load_own_draft(key: DraftKey | None) -> dict | None:
    draft = own_draft_row(key)
    return dict(draft.data) if draft else None


def draft_exists(token: str) -> bool:
    return load_draft_row(token) is not None


def discard_draft(key: DraftKey | None) -> None:
    """Delete the draft this browser started, once its story is sent; any other is left alone."""
    draft = own_draft_row(key)
    if draft is not None:
        db.session.delete(draft)


def email_draft_link(token: str, to: str) -> None:
    queue_email(
        "story_draft",
        to,
        "Your saved story",
        link=public_url("stories.resume_draft", token=token),
        days=current_app.config["STORY_DRAFT_DAYS"],
    )
    db.session.commit()


# Submitting


def submit_story(submission: Submission, draft_key: DraftKey | None = None) -> Story:
    title = normalise_text(submission.title)
    body = normalise_text(submission.body)
    pen_name = normalise_text(submission.pen_name)
    if not body:
        raise ServiceError("Write your story", field="body")
    problem = body_problem(body)
    if problem:
        raise ServiceError(problem, field="body")
    if submission.proceedings_ongoing not in PROCEEDINGS:
        raise ServiceError("Say whether court proceedings are still going on", field="proceedings_ongoing")
    petitions = []
    if submission.petition_ids:
        petitions = list(
            db.session.scalars(
                select(Petition).where(
                    Petition.id.in_(submission.petition_ids), Petition.state == PetitionState.OPEN
                )
            )
        )
    story = Story(
        ref=secrets.token_urlsafe(12),
        title=title,
        pen_name=pen_name,
        body=body,
        original_body=body,
        contact_email=submission.contact_email.strip(),
        proceedings_ongoing=submission.proceedings_ongoing,
        state=StoryState.SUBMITTED,
        petitions=petitions,
        checked_findings_shown=submission.checked_findings_shown,
        checked_then_changed=(
            None
            if submission.checked_findings_shown is None
            else submission.checked_text_hash != checked_words_hash(title, body)
        ),
    )
    story.consent = StoryConsent(
        version=CONSENT_VERSION,
        wording=CONSENT_WORDING,
        publish=True,
        quote_in_emails=submission.quote_in_emails,
        share_with_members=submission.share_with_members,
    )
    db.session.add(story)
    db.session.flush()
    log_event(
        story,
        "submitted",
        actor_label="storyteller",
        to_state=StoryState.SUBMITTED,
        reason=f"consent version {CONSENT_VERSION}",
    )
    discard_draft(draft_key)
    queue_email(
        "story_received",
        story.contact_email,
        "We have received your story",
        story=story,
        link=storyteller_link(story),
    )
    _tell_moderators(story, "A new story is waiting for a moderator to read and redact it.")
    enqueue_after_commit(db.session, jobs.SCAN_STORY, story.id, job_id=scan_job_id(story.id))
    db.session.commit()
    return story


def _tell_moderators(story: Story, summary: str) -> None:
    # The title only: the storyteller's words, and who they are, stay on the moderation page.
    notify_staff(
        "story_waiting",
        subject="A story is waiting for a moderator",
        summary=summary,
        link=public_url("stories.moderate", ref=story.ref),
        action_text="Open it on the moderation page",
    )


def checked_words_hash(title: str, body: str) -> str:
    """The words a storyteller checked with "Check my story", to tell whether they changed them after."""
    payload = normalise_text(title) + "\x00" + normalise_text(body)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def scan_job_id(story_id: int) -> str:
    return f"scan-story-{story_id}"


# The storyteller's private link. It does not expire: withdrawal must work at any time, and approval is
# bound to the text shown, so an old link can never approve words the storyteller has not seen.

_STORYTELLER = SignedToken("storyteller", expires=False)


def storyteller_token(story: Story) -> str:
    return _STORYTELLER.make(story.ref)


def storyteller_link(story: Story) -> str:
    return public_url("stories.yours", token=storyteller_token(story))


def story_for_token(token: str) -> Story:
    try:
        ref = _STORYTELLER.read(token)
    except TokenInvalid:
        raise NotFound("This link is not valid. Use the most recent link we emailed you.") from None
    story = db.session.scalar(select(Story).where(Story.ref == ref))
    if story is None or story.purged_at is not None:
        raise NotFound("This story is no longer held by the coalition.")
    return story


def approve_text(story: Story, shown_hash: str) -> None:
    if story.state != StoryState.AWAITING_APPROVAL:
        raise ServiceError("This story is not waiting for your approval.")
    if shown_hash != story.current_hash:
        raise ServiceError(
            "The text has changed since this page was opened. Read the new version below and "
            "approve it if you are happy with it."
        )
    db.session.add(
        StoryApproval(story_id=story.id, text_hash=story.current_hash, text_version=story.text_version)
    )
    story.approved_hash = story.current_hash
    story.approved_at = utcnow()
    move(
        story,
        StoryState.APPROVED,
        "approved_by_storyteller",
        actor_label="storyteller",
        reason=f"text version {story.text_version}",
    )
    _tell_moderators(story, "A storyteller has approved the text of their story: it is ready to publish.")
    db.session.commit()


def request_changes(story: Story, shown_hash: str, message: str) -> None:
    message = (message or "").strip()
    if not message:
        raise ServiceError("Tell us what you would like changed", field="message")
    if story.state not in StoryState.CHANGES_ALLOWED:
        raise ServiceError("This story is not waiting for your approval.")
    if shown_hash != story.current_hash:
        raise ServiceError(
            "The text has changed since this page was opened. Read the new version below first."
        )
    story.storyteller_message = message
    story.approved_hash = None
    move(story, StoryState.CHANGES_REQUESTED, "changes_requested", actor_label="storyteller")
    _tell_moderators(story, "A storyteller has asked for changes to their story before it is published.")
    db.session.commit()


def withdraw_story(story: Story, reason: str, note: str = "") -> None:
    db.session.refresh(story, with_for_update=True)  # see publish(): the two never overwrite each other
    if story.state == StoryState.WITHDRAWN:
        return
    if reason not in WITHDRAWAL_REASONS:
        raise ServiceError("Choose why you are withdrawing your story", field="reason")
    story.withdrawal_note = (note or "").strip()
    move(
        story, StoryState.WITHDRAWN, "withdrawn", actor_label="storyteller", reason=WITHDRAWAL_REASONS[reason]
    )
    if story.contact_email:
        queue_email("story_withdrawn", story.contact_email, "Your story has been withdrawn", story=story)
    db.session.commit()
