"""The coalition at a glance, for organisers: open petitions and their pace, stories at each moderation step,
recent bulk emails with their figures, and donations against the target; each table also as CSV.

Each table is read in a fixed number of statements however many rows it holds (no query per row): the
petitions in two (the petitions, then the last week's confirmations grouped by petition), stories in one,
emails in one, and donations in the statements of the donations summary."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from ..extensions import db
from ..models import (
    Campaign,
    CampaignState,
    Petition,
    PetitionState,
    Signature,
    SignatureState,
    Story,
    StoryState,
    User,
    utcnow,
)
from .donations import reports
from .exports import safe_cell
from .permissions import can, require

# Pace is read over the last week (or the days a newer petition has been open, at least one).
PACE_DAYS = 7
RECENT_EMAILS = 10


@dataclass(frozen=True)
class PetitionPace:
    slug: str
    title: str
    signature_count: int
    target: int
    deadline: datetime | None
    last_week: int  # confirmed in the last PACE_DAYS days
    pace_days: int  # the days that count was taken over

    @property
    def per_day(self) -> float:
        return round(self.last_week / self.pace_days, 1)

    @property
    def to_go(self) -> int:
        return max(self.target - self.signature_count, 0)


@dataclass(frozen=True)
class StoryStep:
    state: str
    label: str
    count: int


@dataclass(frozen=True)
class EmailFigures:
    ref: str
    subject: str
    state_label: str
    started_at: datetime | None
    recipients: int
    delivered: int
    opened: int | None  # None: not tracked for this email
    clicked: int
    unsubscribed: int
    complained: int


@dataclass(frozen=True)
class Overview:
    petitions: list[PetitionPace]
    stories: list[StoryStep]
    emails: list[EmailFigures]
    donations: reports.Summary | None  # None for someone who may not see donation figures


def _pace_days(opened_at: datetime | None, now: datetime) -> int:
    if opened_at is None:
        return PACE_DAYS
    days_open = math.ceil((now - opened_at).total_seconds() / 86_400)
    return max(1, min(PACE_DAYS, days_open))


def open_petitions(user: User) -> list[PetitionPace]:
    require(user, "view_coalition_overview")
    now = utcnow()
    since = now - timedelta(days=PACE_DAYS)
    petitions = db.session.execute(
        select(
            Petition.id,
            Petition.slug,
            Petition.title,
            Petition.signature_count,
            Petition.target,
            Petition.deadline,
            Petition.opened_at,
        )
        .where(Petition.state == PetitionState.OPEN)
        .order_by(Petition.signature_count.desc(), Petition.id.desc())
    ).all()
    recent = dict(
        db.session.execute(
            select(Signature.petition_id, func.count())
            .join(Petition, Petition.id == Signature.petition_id)
            .where(
                Petition.state == PetitionState.OPEN,
                Signature.state == SignatureState.VALIDATED,
                Signature.flagged.is_(False),
                Signature.validated_at >= since,
            )
            .group_by(Signature.petition_id)
        ).all()
    )
    return [
        PetitionPace(
            slug=row.slug,
            title=row.title,
            signature_count=row.signature_count,
            target=row.target,
            deadline=row.deadline,
            last_week=int(recent.get(row.id, 0)),
            pace_days=_pace_days(row.opened_at, now),
        )
        for row in petitions
    ]


def story_steps(user: User) -> list[StoryStep]:
    require(user, "view_coalition_overview")
    counts = dict(db.session.execute(select(Story.state, func.count()).group_by(Story.state)).all())
    # Every state, in the order stories move through moderation (the order StoryState.LABELS gives them).
    return [StoryStep(state, label, int(counts.get(state, 0))) for state, label in StoryState.LABELS.items()]


def recent_emails(user: User, limit: int = RECENT_EMAILS) -> list[EmailFigures]:
    require(user, "view_coalition_overview")
    rows = db.session.scalars(
        select(Campaign)
        .where(Campaign.state.not_in(CampaignState.EDITABLE))  # sent, or started sending
        .order_by(Campaign.started_at.desc().nulls_last(), Campaign.id.desc())
        .limit(limit)
    ).all()
    return [
        EmailFigures(
            ref=c.ref,
            subject=c.subject,
            state_label=c.state_label,
            started_at=c.started_at,
            recipients=c.recipient_count,
            delivered=c.delivered,
            opened=c.opened if c.track_engagement else None,
            clicked=c.clicked,  # our own redirect counts clicks whatever the tracking setting
            unsubscribed=c.unsubscribed,
            complained=c.complained,
        )
        for c in rows
    ]


def donations(user: User) -> reports.Summary | None:
    require(user, "view_coalition_overview")
    return reports.summary(user) if can(user, "view_donations") else None


def overview(user: User) -> Overview:
    """Everything the overview page shows, for an organiser."""
    require(user, "view_coalition_overview")
    return Overview(open_petitions(user), story_steps(user), recent_emails(user), donations(user))


# The same tables as CSV


def _csv(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


def petitions_csv(user: User) -> str:
    return _csv(
        ["petition", "slug", "signatures", "target", "to go", "last 7 days", "per day", "deadline"],
        (
            [safe_cell(p.title), p.slug, p.signature_count, p.target, p.to_go, p.last_week, p.per_day]
            + [_iso(p.deadline)]
            for p in open_petitions(user)
        ),
    )


def stories_csv(user: User) -> str:
    return _csv(["state", "step", "stories"], ([s.state, s.label, s.count] for s in story_steps(user)))


def emails_csv(user: User) -> str:
    def tracked(value: int | None) -> str | int:
        return "not tracked" if value is None else value

    return _csv(
        ["ref", "subject", "state", "started", "recipients", "delivered", "opened", "clicked"]
        + ["unsubscribed", "complained"],
        (
            [e.ref, safe_cell(e.subject), e.state_label, _iso(e.started_at), e.recipients, e.delivered]
            + [tracked(e.opened), e.clicked, e.unsubscribed, e.complained]
            for e in recent_emails(user)
        ),
    )


def donations_csv(user: User) -> str:
    require(user, "view_donations")
    summary = reports.summary(user)
    return _csv(
        ["target", "target (£)", "raised net (£)", "percent of target", "donors", "active monthly gifts"],
        [
            [
                safe_cell(summary.target_label),
                reports.pounds(summary.target_pence),
                reports.pounds(summary.net_pence),
                summary.target_percent_exact,
                summary.donors,
                summary.active_monthly,
            ]
        ],
    )
