"""Organisers' bulk email: composing a campaign, previewing it, test sends, scheduling, starting, pausing,
resuming and cancelling, and its progress. The sending itself is in sending."""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, render_template
from sqlalchemy import func, select, update

from ... import job_names as jobs
from ...extensions import db, rowcount
from ...mail import Template
from ...models import (
    BatchState,
    Campaign,
    CampaignBatch,
    CampaignState,
    Petition,
    PetitionState,
    User,
    utcnow,
)
from ...queue import enqueue_after_commit
from ...text import render_markdown
from ..errors import ServiceError
from ..permissions import require
from . import audiences, link_clicks, subject_test, uncertain_batches
from .batch_outcomes import finish_if_done
from .subscriptions import COALITION, token_maker, url_prefixes

MERGE_FIELDS = {
    "first_name": "First name (or “friend”)",
    "petition_title": "The petition they signed",
    "personal_link": "Their own link to choose what they receive",
}
# Links every message carries in its footer, filled per recipient like the merge fields.
LINK_FIELDS = ("unsubscribe_url", "preferences_url")
_MERGE = re.compile(r"\{\{\s*(" + "|".join(MERGE_FIELDS) + r")\s*\}\}")
MAX_TEST_ADDRESSES = 10


@dataclass
class Draft:
    subject: str
    preheader: str
    body: str
    audience: dict
    send_rate: int | None = None
    track_engagement: bool = False
    subject_test: subject_test.Plan | None = None  # a second subject to try on a sample


def dispatch_after_commit() -> None:
    """Have the dispatcher look at campaigns as soon as this transaction commits, not at its next tick."""
    enqueue_after_commit(db.session, jobs.DISPATCH_CAMPAIGN_BATCHES, job_id=None)


# Reading


def campaigns(actor: User) -> list[Campaign]:
    require(actor, "send_campaigns")
    return list(db.session.scalars(select(Campaign).order_by(Campaign.created_at.desc())))


def campaign_for(actor: User, ref: str) -> Campaign | None:
    require(actor, "send_campaigns")
    return db.session.scalar(select(Campaign).where(Campaign.ref == ref))


def petitions_to_choose() -> list[Petition]:
    return list(
        db.session.scalars(
            select(Petition).where(Petition.state.in_(PetitionState.PUBLIC)).order_by(Petition.title)
        )
    )


def audience_size(actor: User, campaign: Campaign) -> int:
    require(actor, "send_campaigns")
    return audiences.audience_size(campaign.audience or {})


# Composing


def _check(draft: Draft) -> None:
    if not draft.subject.strip():
        raise ServiceError("Enter a subject", field="subject")
    if not draft.body.strip():
        raise ServiceError("Write the message", field="body")
    if not (draft.audience.get("petitions") or draft.audience.get("members") or draft.audience.get("donors")):
        raise ServiceError(
            "Choose at least one petition's signers, the coalition's members or donors", field="petitions"
        )
    if draft.send_rate is not None and draft.send_rate < 100:
        raise ServiceError("A sending rate must be at least 100 an hour", field="send_rate")
    subject_test.check(draft.subject_test, draft.subject, draft.track_engagement)


def save_draft(actor: User, draft: Draft, campaign: Campaign | None = None) -> Campaign:
    require(actor, "send_campaigns")
    _check(draft)
    if campaign is None:
        campaign = Campaign(ref=secrets.token_urlsafe(9), created_by_id=actor.id)
        db.session.add(campaign)
    elif campaign.state not in CampaignState.EDITABLE:
        raise ServiceError("A campaign that has started sending can no longer be changed.")
    campaign.subject, campaign.preheader, campaign.body = (
        draft.subject.strip(),
        draft.preheader.strip(),
        draft.body,
    )
    campaign.audience, campaign.send_rate = draft.audience, draft.send_rate
    campaign.track_engagement = bool(draft.track_engagement)
    subject_test.apply(campaign, draft.subject_test)
    campaign.updated_at = utcnow()
    db.session.commit()
    return campaign


# Rendering: once per campaign, with merge fields where each recipient's details go.


def render(campaign: Campaign) -> tuple[Template, Template, Template]:
    """(subject, text, html) with merge fields. The HTML's fields are the *_html ones, whose values are
    escaped."""
    # Markers stand where fields go while Markdown and the templates run: letters and digits only, so
    # neither changes them, and random per render, so nothing an organiser types is taken for one.
    nonce = secrets.token_hex(4)
    marker = {field: f"ZZMERGE{nonce}{field.replace('_', '')}ZZ" for field in (*MERGE_FIELDS, *LINK_FIELDS)}
    body = _MERGE.sub(lambda m: marker[m.group(1)], campaign.body)
    context = {"preheader": campaign.preheader, **{field: marker[field] for field in LINK_FIELDS}}
    text = render_template("email/campaign.txt", body=body, **context)
    html = render_template(
        "email/campaign.html", body=str(render_markdown(body)), subject=campaign.subject, **context
    )
    subject = _MERGE.sub(lambda m: marker[m.group(1)], campaign.subject)
    plain = {m: field for field, m in marker.items()}
    escaped = {m: field + "_html" if field in MERGE_FIELDS else field for field, m in marker.items()}
    return Template.marked(subject, plain), Template.marked(text, plain), Template.marked(html, escaped)


def merger():
    """A function giving one recipient's merge values; what is the same for everyone is looked up once."""
    make_token = token_maker()
    unsubscribe_prefix, preferences_prefix = url_prefixes()
    escaped_titles: dict[str, str] = {}

    def values(email: str, name: str, list_key: str, petition_title: str) -> dict[str, str]:
        first = (name or "").strip().split(" ", 1)[0] or "friend"
        title = petition_title or "our campaign"
        if title not in escaped_titles:
            escaped_titles[title] = html.escape(title)
        token = make_token(email, list_key)
        choices = preferences_prefix + token
        return {
            "first_name": first,
            "petition_title": title,
            "personal_link": choices,
            "unsubscribe_url": unsubscribe_prefix + token,
            "preferences_url": choices,
            "first_name_html": html.escape(first),
            "petition_title_html": escaped_titles[title],
            "personal_link_html": choices,
        }  # our own URL: nothing in it needs escaping

    return values


def recipient_values(email: str, name: str, list_key: str, petition_title: str) -> dict[str, str]:
    return merger()(email, name, list_key, petition_title)


def preview(actor: User, campaign: Campaign) -> tuple[str, str, str]:
    """The message as its first recipient (or an example one) would see it."""
    require(actor, "send_campaigns")
    subject, text, html = render(campaign)
    petition_ids = (campaign.audience or {}).get("petitions") or []
    petition = db.session.get(Petition, int(petition_ids[0])) if petition_ids else None
    list_key = f"petition:{petition.id}" if petition else COALITION
    values = recipient_values(
        "example@example.org", "Alex Example", list_key, petition.title if petition else ""
    )
    return subject.fill(values), text.fill(values), html.fill(values)


def send_test(actor: User, campaign: Campaign, addresses: list[str]) -> int:
    """Send to named addresses now, marked as a test; never counted in the campaign's figures."""
    require(actor, "send_campaigns")
    addresses = [a.strip() for a in addresses if a.strip()]
    if not addresses:
        raise ServiceError("Enter at least one address", field="addresses")
    if len(addresses) > MAX_TEST_ADDRESSES:
        raise ServiceError(f"Send a test to {MAX_TEST_ADDRESSES} addresses at most", field="addresses")
    bad = [a for a in addresses if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", a)]
    if bad:
        raise ServiceError(f"Not an email address: {bad[0]}", field="addresses")
    enqueue_after_commit(
        db.session,
        jobs.SEND_CAMPAIGN_TEST,
        campaign.id,
        addresses,
        job_id=f"campaign-test-{campaign.id}-{secrets.token_hex(4)}",
    )
    db.session.commit()
    return len(addresses)


# Scheduling and sending


def local_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["CAMPAIGN_TIMEZONE"])


def schedule(actor: User, campaign: Campaign, when_local: datetime) -> None:
    require(actor, "send_campaigns")
    if campaign.state not in CampaignState.EDITABLE:
        raise ServiceError("This campaign has already started.")
    when = when_local.replace(tzinfo=local_zone()) if when_local.tzinfo is None else when_local
    if when <= utcnow() + timedelta(minutes=1):
        raise ServiceError("Choose a time in the future", field="when")
    campaign.scheduled_at = when
    campaign.state = CampaignState.SCHEDULED
    db.session.commit()


def unschedule(actor: User, campaign: Campaign) -> None:
    require(actor, "send_campaigns")
    if campaign.state == CampaignState.SCHEDULED:
        campaign.state, campaign.scheduled_at = CampaignState.DRAFT, None
        db.session.commit()


def start(actor: User | None, campaign: Campaign) -> int:
    """Freeze the audience into recipients and batches, then hand the batches to the queue."""
    if actor is not None:
        require(actor, "send_campaigns")
    claimed = rowcount(
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id, Campaign.state.in_(CampaignState.EDITABLE))
            .values(state=CampaignState.SENDING, started_at=utcnow())
        )
    )
    if not claimed:
        raise ServiceError("This campaign has already started.")
    total = audiences.freeze(campaign.id, campaign.audience or {})
    size = current_app.config["CAMPAIGN_BATCH_SIZE"]
    tested = subject_test.split(campaign, size)  # a subject-line test makes its own batches
    for number, (first, last, count) in enumerate(
        [] if tested else audiences.batch_ranges(campaign.id, size), start=1
    ):
        db.session.add(
            CampaignBatch(
                campaign_id=campaign.id,
                number=number,
                first_recipient_id=first,
                last_recipient_id=last,
                size=count,
            )
        )
    db.session.execute(update(Campaign).where(Campaign.id == campaign.id).values(recipient_count=total))
    if total == 0:
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id)
            .values(state=CampaignState.FINISHED, finished_at=utcnow())
        )
    dispatch_after_commit()
    db.session.commit()
    db.session.refresh(campaign)
    return total


def start_due_campaigns() -> int:
    due = db.session.scalars(
        select(Campaign).where(Campaign.state == CampaignState.SCHEDULED, Campaign.scheduled_at <= utcnow())
    ).all()
    started = 0
    for campaign in due:
        try:
            start(None, campaign)
            started += 1
        except ServiceError:
            db.session.rollback()
    return started


def pause(actor: User | None, campaign: Campaign, reason: str = "") -> None:
    if actor is not None:
        require(actor, "send_campaigns")
    changed = rowcount(
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id, Campaign.state == CampaignState.SENDING)
            .values(state=CampaignState.PAUSED, paused_reason=reason)
        )
    )
    if not changed:
        raise ServiceError("Only a campaign that is sending can be paused.")
    db.session.commit()
    db.session.refresh(campaign)


def resume(
    actor: User, campaign: Campaign, skip_uncertain: bool = False, expected_uncertain: int | None = None
) -> None:
    """Send the rest. Batches whose outcome is unknown (see uncertain_batches) are sent again, or with
    ``skip_uncertain`` left out for good; ``expected_uncertain`` is how many people the organiser was told
    were in them, and if that has changed since, nothing happens: they choose again on the new figures."""
    require(actor, "send_campaigns")
    people = uncertain_batches.uncertain_totals(campaign.id)[1]
    if expected_uncertain is not None and people != expected_uncertain:
        raise ServiceError(
            f"The figures changed while the page was open: {people:,} "
            f"{'person is' if people == 1 else 'people are'} now in batches whose outcome is unknown. "
            "Check them and choose again.",
            field="choice",
        )
    changed = rowcount(
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id, Campaign.state == CampaignState.PAUSED)
            .values(state=CampaignState.SENDING, paused_reason="")
        )
    )
    if not changed:
        raise ServiceError("Only a paused campaign can be resumed.")
    uncertain_batches.record(
        actor, campaign, uncertain_batches.SKIP if skip_uncertain else uncertain_batches.RESEND
    )
    if skip_uncertain:
        # Left out for good (and out of the failed figure): nobody in them gets a second copy.
        skipped = db.session.execute(
            update(CampaignBatch)
            .where(CampaignBatch.campaign_id == campaign.id, uncertain_batches.uncertain())
            .values(state=BatchState.CANCELLED, last_error=uncertain_batches.SKIPPED)
            .returning(CampaignBatch.size)
        ).all()
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id)
            .values(failed=Campaign.failed - sum(size for (size,) in skipped))
        )
    # Batches that failed (the provider was failing, or a batch's outcome was unknown and the organiser
    # chose to send it again) get another go, and waiting ones go now.
    failed = (
        db.session.scalar(
            select(func.coalesce(func.sum(CampaignBatch.size), 0)).where(
                CampaignBatch.campaign_id == campaign.id, CampaignBatch.state == BatchState.FAILED
            )
        )
        or 0
    )
    db.session.execute(
        update(CampaignBatch)
        .where(
            CampaignBatch.campaign_id == campaign.id,
            CampaignBatch.state.in_((BatchState.FAILED, BatchState.PENDING)),
        )
        .values(state=BatchState.PENDING, not_before=None, attempts=0)
    )
    db.session.execute(
        update(Campaign).where(Campaign.id == campaign.id).values(failed=Campaign.failed - failed)
    )
    # A campaign whose only batches left were skipped has nothing to send: it is finished now.
    finish_if_done(campaign)
    dispatch_after_commit()
    db.session.commit()
    db.session.refresh(campaign)


def cancel(actor: User, campaign: Campaign) -> None:
    require(actor, "send_campaigns")
    if campaign.state not in (CampaignState.SENDING, CampaignState.PAUSED, CampaignState.SCHEDULED):
        raise ServiceError("Only a scheduled, sending or paused campaign can be cancelled.")
    changed = rowcount(
        db.session.execute(
            update(Campaign)
            .where(
                Campaign.id == campaign.id,
                Campaign.state.in_((CampaignState.SENDING, CampaignState.PAUSED, CampaignState.SCHEDULED)),
            )
            .values(state=CampaignState.CANCELLED, finished_at=utcnow())
        )
    )
    if not changed:
        db.session.rollback()
        raise ServiceError("This campaign has just finished, so there is nothing left to cancel.")
    uncertain_batches.record(actor, campaign, uncertain_batches.CANCEL)
    db.session.execute(
        update(CampaignBatch)
        .where(
            CampaignBatch.campaign_id == campaign.id,
            CampaignBatch.state.in_((BatchState.PENDING, BatchState.HELD)),
        )
        .values(state=BatchState.CANCELLED)
    )
    db.session.commit()
    db.session.refresh(campaign)


def progress(campaign: Campaign) -> dict:
    db.session.refresh(campaign)
    remaining = (
        db.session.scalar(
            select(func.coalesce(func.sum(CampaignBatch.size), 0)).where(
                CampaignBatch.campaign_id == campaign.id,
                CampaignBatch.state.in_((BatchState.PENDING, BatchState.SENDING, BatchState.HELD)),
            )
        )
        or 0
    )
    eta = None
    done = campaign.accepted + campaign.failed
    if campaign.state == CampaignState.SENDING and campaign.started_at and done and remaining:
        elapsed = (utcnow() - campaign.started_at).total_seconds()
        eta = round(elapsed / done * remaining)
    return {
        "state": campaign.state,
        "state_label": campaign.state_label,
        "recipients": campaign.recipient_count,
        "accepted": campaign.accepted,
        "failed": campaign.failed,
        "remaining": int(remaining),
        "eta_seconds": eta,
        "paused_reason": campaign.paused_reason,
        "delivered": campaign.delivered,
        "bounced": campaign.bounced,
        "complained": campaign.complained,
        "unsubscribed": campaign.unsubscribed,
        "opened": campaign.opened,
        # Our own redirect counts clicks (SendGrid's click tracking is off): people where tracked, else clicks.
        "clicked": link_clicks.clicked(campaign),
        "percent": round(100 * done / campaign.recipient_count) if campaign.recipient_count else 0,
    }
