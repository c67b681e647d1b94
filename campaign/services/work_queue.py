"""What is waiting for a person, and where their own things stand.

``waiting_for(actor)`` answers an organiser's, moderator's or admin's question "what needs me?": every
kind of work their permissions let them do, each with how many are waiting, since when the oldest has
waited and the page where it is done, oldest first. Things the four-eyes rules keep from them are not
counted as theirs: a story they helped redact waits for someone else to publish it, a correction they
asked for for someone else to decide, a petition they started for another organiser to approve, and
complaints about a text they marked as reviewed for a second person.

``my_things(user)`` answers anyone's "where are my things?": their petitions, the stories sent in from
their account's address, their organisation and any application waiting for them to confirm, each with
its state in plain words and the next step.

Both run a fixed number of queries however many rows there are (aggregates, no query per item)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, exists, func, or_, select

from ..extensions import db
from ..models import (
    ApplicationState,
    BatchState,
    Campaign,
    CampaignBatch,
    CampaignState,
    CorrectionState,
    MembershipApplication,
    Organisation,
    Petition,
    PetitionCorrection,
    PetitionState,
    RejectionReason,
    Story,
    StoryComplaint,
    StoryEvent,
    StoryState,
    User,
    utcnow,
)
from .coalition.membership import holder_token
from .outreach.batch_outcomes import OUTCOME_UNKNOWN, SELF_PAUSED
from .permissions import can
from .stories.moderation import REDACTION_ACTIONS
from .stories.storyteller import storyteller_token

# Kinds of waiting work, in the order used when two are equally old.
PETITIONS = "petitions"
CORRECTIONS = "corrections"
STORIES_TO_REDACT = "stories_in_review"
STORIES_CHANGES = "stories_changes_requested"
STORIES_TO_PUBLISH = "stories_approved"
STORIES_SUSPENDED = "stories_suspended"
COMPLAINTS = "story_complaints"
APPLICATIONS = "applications"
CAMPAIGNS = "campaigns"


@dataclass(frozen=True)
class Waiting:
    """One kind of work waiting for someone: what it is, how many, since when, where it is done."""

    kind: str
    label: str  # plural noun phrase: "Petitions submitted for checking"
    count: int
    oldest_at: datetime
    endpoint: str

    def waited(self, now: datetime | None = None) -> str:
        return waited_words((now or utcnow()) - self.oldest_at)


def waited_words(delta: timedelta) -> str:
    """How long, in plain words: "under an hour", "5 hours", "3 days", "2 weeks"."""
    seconds = max(int(delta.total_seconds()), 0)
    hours, days = seconds // 3600, seconds // 86400
    if hours < 1:
        return "under an hour"
    if days < 1:
        return f"{hours} hour{'s' if hours != 1 else ''}"
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''}"
    weeks = days // 7
    return f"{weeks} weeks"


def _entered_state():
    """When each story last moved into the state it is in (from its audit log), else when it was sent in."""
    return func.coalesce(
        select(func.max(StoryEvent.at))
        .where(StoryEvent.story_id == Story.id, StoryEvent.to_state == Story.state)
        .correlate(Story)
        .scalar_subquery(),
        Story.created_at,
    )


def _redacted_by(actor: User):
    return exists().where(
        StoryEvent.story_id == Story.id,
        StoryEvent.actor_id == actor.id,
        StoryEvent.action.in_(REDACTION_ACTIONS),
    )


def waiting_for(actor: User) -> list[Waiting]:
    """Everything waiting for ``actor``, oldest first. Empty for someone whose role has no such work."""
    found: list[Waiting] = []

    def add(kind: str, label: str, row, endpoint: str) -> None:
        count, oldest = row
        if count:
            found.append(Waiting(kind, label, int(count), oldest, endpoint))

    if can(actor, "moderate_petitions"):
        # IS [NOT] DISTINCT FROM: a petition nobody started (NULL) is nobody's own.
        own = Petition.created_by_id.is_not_distinct_from(actor.id)
        if actor.organisation_id is not None:
            own = or_(own, Petition.owner_organisation_id.is_not_distinct_from(actor.organisation_id))
        add(
            PETITIONS,
            "Petitions submitted for checking",
            db.session.execute(
                select(
                    func.count(), func.min(func.coalesce(Petition.submitted_at, Petition.created_at))
                ).where(Petition.state == PetitionState.SUBMITTED, ~own)
            ).one(),
            "petitions.moderation_queue",
        )
        add(
            CORRECTIONS,
            "Corrections to open petitions",
            db.session.execute(
                select(func.count(), func.min(PetitionCorrection.created_at)).where(
                    PetitionCorrection.state == CorrectionState.PENDING,
                    PetitionCorrection.requested_by_id.is_distinct_from(actor.id),
                )
            ).one(),
            "petitions.corrections",
        )

    if can(actor, "moderate_stories"):
        entered = _entered_state()
        labels = {
            StoryState.IN_REVIEW: (STORIES_TO_REDACT, "Stories to read and redact"),
            StoryState.CHANGES_REQUESTED: (STORIES_CHANGES, "Stories whose storytellers asked for changes"),
        }
        rows = {
            state: (count, oldest)
            for state, count, oldest in db.session.execute(
                select(Story.state, func.count(), func.min(entered))
                .where(Story.state.in_(StoryState.MODERATION), Story.purged_at.is_(None))
                .group_by(Story.state)
            )
        }
        for state, (kind, label) in labels.items():
            add(kind, label, rows.get(state, (0, None)), "stories.moderation_queue")

        # Complaints: the story's oldest open complaint. Complaints about a text this person marked as
        # reviewed are queued for a second person.
        add(
            COMPLAINTS,
            "Published stories with complaints",
            db.session.execute(
                select(func.count(func.distinct(Story.id)), func.min(StoryComplaint.created_at))
                .join(StoryComplaint, StoryComplaint.story_id == Story.id)
                .where(
                    StoryComplaint.handled_at.is_(None),
                    Story.state == StoryState.PUBLISHED,
                    ~and_(
                        Story.reviewed_by_id.is_not_distinct_from(actor.id), Story.reviewed_hash.is_not(None)
                    ),
                )
            ).one(),
            "stories.moderation_queue",
        )

    if can(actor, "publish_stories"):
        # Ready to publish, or taken down and waiting for someone to reinstate or reject them: never for
        # someone who worked on the text (moderation.publish_blockers says the same).
        entered = _entered_state()
        rows = {
            state: (count, oldest)
            for state, count, oldest in db.session.execute(
                select(Story.state, func.count(), func.min(entered))
                .where(
                    Story.state.in_(StoryState.PUBLISHABLE), Story.purged_at.is_(None), ~_redacted_by(actor)
                )
                .group_by(Story.state)
            )
        }
        add(
            STORIES_TO_PUBLISH,
            "Stories approved by their storytellers, ready to publish",
            rows.get(StoryState.APPROVED, (0, None)),
            "stories.moderation_queue",
        )
        add(
            STORIES_SUSPENDED,
            "Stories taken down after a complaint",
            rows.get(StoryState.SUSPENDED, (0, None)),
            "stories.moderation_queue",
        )

    if can(actor, "review_applications"):
        add(
            APPLICATIONS,
            "Applications to join the coalition",
            db.session.execute(
                select(func.count(), func.min(MembershipApplication.created_at)).where(
                    MembershipApplication.state == ApplicationState.PENDING
                )
            ).one(),
            "members.applications",
        )

    if can(actor, "send_campaigns"):
        # Paused by themselves (failing batches, or batches whose outcome is unknown): waiting since the
        # last batch was taken up, or since sending started.
        last_batch = (
            select(func.max(CampaignBatch.claimed_at))
            .where(CampaignBatch.campaign_id == Campaign.id)
            .correlate(Campaign)
            .scalar_subquery()
        )
        unknown = exists().where(
            CampaignBatch.campaign_id == Campaign.id,
            CampaignBatch.state == BatchState.FAILED,
            CampaignBatch.last_error.startswith(OUTCOME_UNKNOWN),
        )
        add(
            CAMPAIGNS,
            "Email updates that paused themselves",
            db.session.execute(
                select(
                    func.count(),
                    func.min(func.coalesce(last_batch, Campaign.started_at, Campaign.created_at)),
                ).where(
                    Campaign.state == CampaignState.PAUSED,
                    or_(Campaign.paused_reason.startswith(SELF_PAUSED), unknown),
                )
            ).one(),
            "outreach.index",
        )

    order = [PETITIONS, CORRECTIONS, STORIES_TO_REDACT, STORIES_CHANGES, STORIES_TO_PUBLISH]
    order += [STORIES_SUSPENDED, COMPLAINTS, APPLICATIONS, CAMPAIGNS]
    found.sort(key=lambda w: (w.oldest_at, order.index(w.kind)))
    return found


def may_have_work(actor: User) -> bool:
    """Whether ``actor``'s role gives them any of the work ``waiting_for`` counts."""
    actions = (
        "moderate_petitions",
        "moderate_stories",
        "publish_stories",
        "review_applications",
        "send_campaigns",
    )
    return any(can(actor, action) for action in actions)


# A person's own things


@dataclass(frozen=True)
class Step:
    """Where one of someone's things stands, and what they can do next (``endpoint`` None: nothing yet)."""

    title: str
    state: str
    next_step: str
    endpoint: str | None = None
    values: dict = field(default_factory=dict)


@dataclass
class MyThings:
    petitions: list[Step] = field(default_factory=list)
    stories: list[Step] = field(default_factory=list)
    organisation: Step | None = None
    confirmations: list[Step] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.petitions or self.stories or self.organisation or self.confirmations)


def _petition_step(petition: Petition, reasons: dict[str, str]) -> Step:
    slug = {"slug": petition.slug}
    count = f"{petition.signature_count:,} of {petition.target:,} signatures"
    if petition.is_draft and petition.moderation_note:
        return Step(petition.title, "Sent back", "Read the note and edit it", "petitions.edit", slug)
    if petition.is_draft:
        return Step(petition.title, "Draft", "Submit it for checking", "petitions.show", slug)
    if petition.is_submitted:
        return Step(
            petition.title, "Submitted", "Waiting for an organiser to check it", "petitions.show", slug
        )
    if petition.is_open:
        return Step(petition.title, "Open", f"{count}: share it", "petitions.show", slug)
    if petition.is_closed:
        return Step(petition.title, "Closed", f"Closed with {count}", "petitions.show", slug)
    if petition.is_rejected:
        reason = reasons.get(petition.rejection_code or "", "")
        return Step(
            petition.title,
            "Rejected",
            f"Not published: {reason.lower()}" if reason else "Not published: read the reason",
            "petitions.show",
            slug,
        )
    return Step(petition.title, "Hidden", "Hidden by an organiser: ask them why", None)


def _story_step(story: Story) -> Step:
    yours = {"token": storyteller_token(story)}
    title = story.title
    if story.awaiting_storyteller:
        return Step(
            title,
            "With you",
            "Your story is waiting for you to approve the redacted text",
            "stories.yours",
            yours,
        )
    steps = {
        StoryState.SUBMITTED: ("Sent in", "Being checked: a moderator will read it next"),
        StoryState.IN_REVIEW: ("Being read", "A moderator is reading it and taking out identifying details"),
        StoryState.CHANGES_REQUESTED: (
            "Changes asked for",
            "A moderator is making the changes you asked for",
        ),
        StoryState.APPROVED: ("Approved by you", "Waiting for a second moderator to publish it"),
        StoryState.PUBLISHED: ("Published", "On the site: you can still withdraw it"),
        StoryState.SUSPENDED: ("Taken down", "Off the site while a complaint is looked at"),
        StoryState.REJECTED: ("Not published", "Read why on its page"),
        StoryState.WITHDRAWN: ("Withdrawn", "You withdrew it: nothing more to do"),
    }
    state, next_step = steps.get(story.state, (story.state_label, ""))
    return Step(title, state, next_step, "stories.yours", yours)


def my_things(user: User) -> MyThings:
    """``user``'s petitions, the stories sent in from their account's address (stories are tied to the
    address they were sent from, not to an account; an account's address was proved by the emailed link
    that set it up), their organisation, and applications waiting for them to confirm."""
    conditions = [Petition.created_by_id == user.id]
    if user.organisation_id:
        conditions.append(Petition.owner_organisation_id == user.organisation_id)
    petitions = db.session.scalars(
        select(Petition).where(or_(*conditions)).order_by(Petition.created_at.desc())
    ).all()
    codes = {p.rejection_code for p in petitions if p.is_rejected and p.rejection_code}
    reasons = (
        dict(
            db.session.execute(
                select(RejectionReason.code, RejectionReason.label).where(RejectionReason.code.in_(codes))
            ).all()
        )
        if codes
        else {}
    )
    stories = db.session.scalars(
        select(Story)
        .where(func.lower(Story.contact_email) == user.email.lower(), Story.purged_at.is_(None))
        .order_by(Story.created_at.desc())
    ).all()
    things = MyThings(
        petitions=[_petition_step(p, reasons) for p in petitions],
        stories=[_story_step(s) for s in stories],
    )
    if user.organisation_id is not None:
        organisation = db.session.get(Organisation, user.organisation_id)
        if organisation is not None:
            things.organisation = Step(
                organisation.name,
                "Member of the coalition" + ("" if organisation.listed else " (not listed publicly)"),
                "Keep your organisation's page up to date",
                "members.edit_organisation",
                {"slug": organisation.slug},
            )
    for application in db.session.scalars(
        select(MembershipApplication)
        .where(
            MembershipApplication.account_holder_id == user.id,
            MembershipApplication.state == ApplicationState.AWAITING_HOLDER,
            # As long as the emailed link lasts: after that the answer is to apply again.
            MembershipApplication.decided_at
            >= utcnow() - timedelta(seconds=current_app.config["INVITE_MAX_AGE"]),
        )
        .order_by(MembershipApplication.created_at)
    ):
        things.confirmations.append(
            Step(
                application.display_name,
                "Approved",
                "Confirm that you made this application, or decline it",
                "members.account_holder",
                {"token": holder_token(application)},
            )
        )
    return things
