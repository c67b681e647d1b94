"""Subject-line tests: two subjects tried on a sample, then the better one sent to everyone else.

When a campaign with a second subject starts, its audience is frozen as usual, then a sample (the chosen
share, split evenly) is drawn at random but reproducibly (seeded by the campaign), so the same campaign
always picks the same people. The sample is sent in batches of its own, each carrying one subject (a bulk
request has one subject); everyone else is put in batches that are held (BatchState.HELD), which the
dispatcher never sends. After the wait, the periodic dispatch pass (sending.dispatch, run by the scheduler)
calls ``decide_due``: it picks the subject with the higher rate by the chosen criterion (a tie goes to
the first subject), records the winner and why, and releases the held batches carrying the winner's
subject. Deciding claims the campaign in one UPDATE, so running it twice, or after a worker restart, does
nothing more. Pausing stops the sample and, later, the rest as for any campaign; cancelling cancels the
held batches too."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select, update

from ...extensions import db, rowcount
from ...models import (
    BatchState,
    Campaign,
    CampaignBatch,
    CampaignRecipient,
    CampaignState,
    DeliveryEvent,
    User,
    utcnow,
)
from ..errors import ServiceError
from ..permissions import require
from .link_clicks import total_clicks, unique_clickers

MIN_PERCENT, MAX_PERCENT = 10, 50
MIN_WAIT_HOURS, MAX_WAIT_HOURS = 1, 24
CLICKS, OPENS = "clicks", "opens"
CRITERIA = {CLICKS: "Clicks on links", OPENS: "Opens (only when opens are tracked)"}
GROUPS = ("a", "b")


@dataclass
class Plan:
    """What the draft form says about a test; no second subject means no test."""

    subject_b: str = ""
    percent: int | None = None
    wait_hours: int | None = None
    criterion: str = CLICKS


def check(plan: Plan | None, subject: str, track_engagement: bool) -> None:
    if plan is None or not plan.subject_b.strip():
        return
    if plan.subject_b.strip() == subject.strip():
        raise ServiceError("Write a second subject that differs from the first", field="subject_b")
    if plan.percent is None or not MIN_PERCENT <= plan.percent <= MAX_PERCENT:
        raise ServiceError(
            f"Choose a sample of {MIN_PERCENT}% to {MAX_PERCENT}% of the audience", field="test_percent"
        )
    if plan.wait_hours is None or not MIN_WAIT_HOURS <= plan.wait_hours <= MAX_WAIT_HOURS:
        raise ServiceError(
            f"Choose a wait of {MIN_WAIT_HOURS} to {MAX_WAIT_HOURS} hours", field="test_wait_hours"
        )
    if plan.criterion not in CRITERIA:
        raise ServiceError("Choose how the winner is picked", field="test_criterion")
    if plan.criterion == OPENS and not track_engagement:
        raise ServiceError(
            "Opens are only counted when tracking is switched on: pick by clicks, or switch tracking on",
            field="test_criterion",
        )


def apply(campaign: Campaign, plan: Plan | None) -> None:
    if plan is None or not plan.subject_b.strip():
        campaign.subject_b, campaign.test_percent, campaign.test_wait_hours = "", None, None
        campaign.test_criterion = CLICKS
        return
    campaign.subject_b = plan.subject_b.strip()
    campaign.test_percent, campaign.test_wait_hours = plan.percent, plan.wait_hours
    campaign.test_criterion = plan.criterion


def plan_of(campaign: Campaign) -> Plan:
    return Plan(campaign.subject_b, campaign.test_percent, campaign.test_wait_hours, campaign.test_criterion)


def as_sent(campaign: Campaign, variant: str) -> Campaign:
    """The campaign as a batch carrying ``variant`` renders it: for "b", an unsaved copy with the second
    subject (the stored campaign is never changed)."""
    if variant != "b" or not campaign.subject_b:
        return campaign
    values = {c.key: getattr(campaign, c.key) for c in Campaign.__table__.columns}
    values["subject"] = campaign.subject_b
    return Campaign(**values)


def _chunks(ids: list[int], size: int):
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def split(campaign: Campaign, size: int) -> bool:
    """Draw the sample and make the campaign's batches: the two samples' to send now, the rest's held.
    False when the campaign has no test (the caller makes the ordinary batches)."""
    if not campaign.subject_b or not campaign.test_percent:
        return False
    ids = list(
        db.session.scalars(
            select(CampaignRecipient.id)
            .where(CampaignRecipient.campaign_id == campaign.id)
            .order_by(CampaignRecipient.id)
        )
    )
    each = len(ids) * campaign.test_percent // 100 // 2
    if each < 1:
        campaign.test_winner = "a"
        campaign.test_reason = (
            f"No test: {len(ids)} {'person is' if len(ids) == 1 else 'people are'} too few to split "
            "into two samples, so everyone was sent the first subject."
        )
        return False
    chosen = random.Random(f"subject-test:{campaign.id}:{campaign.ref}").sample(ids, 2 * each)
    groups = {"a": sorted(chosen[:each]), "b": sorted(chosen[each:]), "rest": sorted(set(ids) - set(chosen))}
    number = 0
    for group, members in groups.items():
        for chunk in _chunks(members, 1000):
            db.session.execute(
                update(CampaignRecipient).where(CampaignRecipient.id.in_(chunk)).values(test_group=group)
            )
        for chunk in _chunks(members, size):
            number += 1
            db.session.add(
                CampaignBatch(
                    campaign_id=campaign.id,
                    number=number,
                    first_recipient_id=chunk[0],
                    last_recipient_id=chunk[-1],
                    size=len(chunk),
                    test_group=group,
                    variant="" if group == "rest" else group,
                    state=BatchState.HELD if group == "rest" else BatchState.PENDING,
                )
            )
    campaign.test_decide_at = utcnow() + timedelta(hours=campaign.test_wait_hours or MIN_WAIT_HOURS)
    return True


# Reading how it is going


def _sample_size(campaign_id: int, group: str) -> int:
    return (
        db.session.scalar(
            select(func.count()).where(
                CampaignRecipient.campaign_id == campaign_id, CampaignRecipient.test_group == group
            )
        )
        or 0
    )


def _opens(campaign_id: int, group: str) -> int:
    batches = select(CampaignBatch.id).where(
        CampaignBatch.campaign_id == campaign_id, CampaignBatch.test_group == group
    )
    return (
        db.session.scalar(
            select(func.count(func.distinct(DeliveryEvent.email_key))).where(
                DeliveryEvent.event == "open", DeliveryEvent.batch_id.in_(batches)
            )
        )
        or 0
    )


def results(campaign: Campaign) -> dict[str, dict]:
    """Per sample: its size, the count by the criterion, and the rate."""
    out = {}
    for group in GROUPS:
        size = _sample_size(campaign.id, group)
        if campaign.test_criterion == OPENS:
            hits = _opens(campaign.id, group)
        elif campaign.track_engagement:
            hits = unique_clickers(campaign.id, group)
        else:
            hits = total_clicks(campaign.id, group)
        out[group] = {"size": size, "hits": hits, "rate": hits / size if size else 0.0}
    return out


def _measure(campaign: Campaign) -> str:
    if campaign.test_criterion == OPENS:
        return "people who opened it"
    if campaign.track_engagement:
        return "people who clicked a link"
    return "clicks on its links (all clicks: tracking is off, so one person clicking twice counts twice)"


def _describe(group: str, figures: dict) -> str:
    return f"{figures['hits']:,} of {figures['size']:,} ({100 * figures['rate']:.1f}%)"


def decide(campaign: Campaign) -> bool:
    """Choose the winner, record why, and release the held batches with its subject. Once only."""
    figures = results(campaign)
    a, b = figures["a"], figures["b"]
    winner = "b" if b["rate"] > a["rate"] else "a"
    measure = _measure(campaign)
    if a["rate"] == b["rate"]:
        reason = (
            f"A tie on {measure}: {_describe('a', a)} for each subject's sample, so the first subject "
            "was sent to the rest."
        )
    else:
        loser = "a" if winner == "b" else "b"
        reason = (
            f"Subject {winner.upper()} did better on {measure}: {_describe(winner, figures[winner])} "
            f"against {_describe(loser, figures[loser])} for subject {loser.upper()}."
        )
    claimed = rowcount(
        db.session.execute(
            update(Campaign)
            .where(
                Campaign.id == campaign.id,
                Campaign.test_winner == "",
                Campaign.state.in_(CampaignState.RUNNING),
            )
            .values(test_winner=winner, test_reason=reason)
        )
    )
    if claimed:
        db.session.execute(
            update(CampaignBatch)
            .where(CampaignBatch.campaign_id == campaign.id, CampaignBatch.state == BatchState.HELD)
            .values(state=BatchState.PENDING, variant=winner, not_before=None)
        )
    db.session.commit()
    return bool(claimed)


def decide_due() -> int:
    """The periodic pass: every test whose wait is over gets its winner."""
    due = db.session.scalars(
        select(Campaign).where(
            Campaign.test_decide_at <= utcnow(),
            Campaign.test_winner == "",
            Campaign.state.in_(CampaignState.RUNNING),
        )
    ).all()
    return sum(decide(campaign) for campaign in due)


def summary(actor: User, campaign: Campaign) -> dict | None:
    """What the campaign page shows about its test; None when it has none."""
    require(actor, "send_campaigns")
    if not campaign.subject_b:
        return None
    started = campaign.test_decide_at is not None
    figures = results(campaign) if started else {}
    left = None
    if started and not campaign.test_winner and campaign.test_decide_at:
        left = max(int((campaign.test_decide_at - utcnow()).total_seconds()), 0)
    return {
        "subjects": {"a": campaign.subject, "b": campaign.subject_b},
        "percent": campaign.test_percent,
        "wait_hours": campaign.test_wait_hours,
        "criterion": CRITERIA.get(campaign.test_criterion, campaign.test_criterion),
        "measure": _measure(campaign),
        "column": "Opened"
        if campaign.test_criterion == OPENS
        else ("Clicked" if campaign.track_engagement else "Clicks"),
        "started": started,
        "figures": figures,
        "seconds_left": left,
        "decide_at": campaign.test_decide_at,
        "winner": campaign.test_winner,
        "reason": campaign.test_reason,
        "held": db.session.scalar(
            select(func.coalesce(func.sum(CampaignBatch.size), 0)).where(
                CampaignBatch.campaign_id == campaign.id, CampaignBatch.state == BatchState.HELD
            )
        )
        or 0,
    }
