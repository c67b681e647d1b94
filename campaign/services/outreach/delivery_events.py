"""The provider's delivery events: store each once, and process them in a job.

The webhook view has the mail adapter verify a post, then stores its events here (one INSERT that ignores
event ids already held) and answers at once; a job claims unprocessed events and turns them into
suppressions, campaign figures, the reconciliation of a batch (or a transactional email) whose sending
worker died, and a warning when a campaign draws too many spam complaints. Every event is processed once: the claim locks rows (FOR UPDATE
SKIP LOCKED on PostgreSQL), and the figures, suppressions and the processed mark are written in the claim's
transaction, so a worker that dies leaves nothing counted.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import timedelta

from flask import current_app
from redis.exceptions import RedisError
from sqlalchemy import case, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from ... import job_names as jobs
from ...extensions import db, rowcount
from ...mail import EventType, MailEvent, parse_delivery_events, read_delivery_event
from ...models import (
    BatchState,
    Campaign,
    CampaignBatch,
    DeliveryEvent,
    Suppression,
    SuppressionReason,
    utcnow,
)
from ...queue import enqueue, enqueue_after_commit, job_is_live
from ..accounts.people import staff_addresses
from ..addresses import email_key
from ..emails import queue_email, settle_emails_reported
from .batch_outcomes import ACCEPTED_EVENTS, uncertain

log = logging.getLogger(__name__)

PROCESS_JOB_ID = "process-delivery-events"
CHUNK = 500
# pg_advisory_xact_lock(namespace, campaign id): one processor at a time counts a given campaign's events.
_ADVISORY_NAMESPACE = 0x5E9D

# Which campaign figure each event adds to. Every figure counts recipients, not events: one message goes to
# each recipient of a campaign, so a second event of the same kind for the same address (an open after an
# open, or a dropped after a bounce) adds nothing.
FIGURES = {
    EventType.DELIVERED: "delivered",
    EventType.BOUNCE: "bounced",
    EventType.DROPPED: "bounced",
    EventType.SPAM_REPORT: "complained",
    EventType.UNSUBSCRIBE: "unsubscribed",
    EventType.GROUP_UNSUBSCRIBE: "unsubscribed",
    EventType.OPEN: "opened",
    EventType.CLICK: "clicked",
}
UNDELIVERABLE_EVENTS = {
    EventType.BOUNCE: SuppressionReason.BOUNCED,
    EventType.DROPPED: SuppressionReason.DROPPED,
    EventType.SPAM_REPORT: SuppressionReason.SPAM,
}
UNSUBSCRIBE_EVENTS = {EventType.UNSUBSCRIBE, EventType.GROUP_UNSUBSCRIBE}
COMPLAINT_THRESHOLD = 1000  # warn when complained * 1000 > accepted, i.e. above 0.1%


# Storing


def _insert(model):
    """An INSERT that can say ON CONFLICT, on PostgreSQL or SQLite."""
    dialect = db.session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)


def _int_or_none(value) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def _email_id_or_none(value) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= 32 else None


def _row(event: MailEvent) -> dict | None:
    if not event.event_id or len(event.event_id) > 100:
        return None
    return {
        "event_id": event.event_id,
        "event": event.type[:30],
        "email_key": email_key(event.email)[:320] if "@" in event.email else "",
        "campaign_id": _int_or_none(event.custom_args.get("campaign_id")),
        "batch_id": _int_or_none(event.custom_args.get("batch_id")),
        "email_id": _email_id_or_none(event.custom_args.get("email_id")),
        "payload": event.payload,
        "received_at": utcnow(),
    }


def store_events(raw_body: bytes) -> int:
    """Store each event of a verified post once (by the provider's event id) and queue processing. Returns
    how many were new. Raises MalformedEvents if the body is not a list of events."""
    rows: dict[str, dict] = {}
    for event in parse_delivery_events(raw_body):
        row = _row(event)
        if row is not None:
            rows.setdefault(row["event_id"], row)
    stored = 0
    values = list(rows.values())
    for start in range(0, len(values), CHUNK):
        statement = (
            _insert(DeliveryEvent)
            .values(values[start : start + CHUNK])
            .on_conflict_do_nothing(index_elements=["event_id"])
            .returning(DeliveryEvent.id)
        )
        stored += len(db.session.execute(statement).all())  # RETURNING lists only the rows inserted
    if stored:
        enqueue_after_commit(db.session, jobs.PROCESS_DELIVERY_EVENTS, job_id=PROCESS_JOB_ID)
    db.session.commit()
    return stored


# Processing


def _claim(limit: int) -> list[DeliveryEvent]:
    query = (
        select(DeliveryEvent)
        .where(DeliveryEvent.processed_at.is_(None))
        .order_by(DeliveryEvent.id)
        .limit(limit)
    )
    if db.session.get_bind().dialect.name == "postgresql":
        # Rows another worker holds are skipped, and stay locked until that worker's commit marks them.
        query = query.with_for_update(skip_locked=True, of=DeliveryEvent)
    return list(db.session.scalars(query))


def _suppress(events: list[DeliveryEvent]) -> None:
    wanted: dict[str, tuple[str, str]] = {}
    for event in events:
        if not event.email_key:
            continue
        if event.event in UNDELIVERABLE_EVENTS:
            reason = UNDELIVERABLE_EVENTS[event.event]
        elif event.event in UNSUBSCRIBE_EVENTS:
            reason = SuppressionReason.UNSUBSCRIBED
        else:
            continue
        report = read_delivery_event(event.payload or {})
        if report.soft:
            continue  # a soft block by the receiving server: the address itself may be fine
        detail = f"{report.provider} {event.event}" + (f": {report.reason}" if report.reason else "")
        current = wanted.get(event.email_key)
        if current is None or current[0] == SuppressionReason.UNSUBSCRIBED:
            wanted[event.email_key] = (reason, detail[:500])
    for key in sorted(wanted):  # one order for every worker: no deadlocks between them
        reason, detail = wanted[key]
        statement = _insert(Suppression).values(
            email_key=key, reason=reason, detail=detail, created_at=utcnow()
        )
        if reason == SuppressionReason.UNSUBSCRIBED:
            statement = statement.on_conflict_do_nothing(index_elements=["email_key"])
        else:
            # An undeliverable reason replaces an unsubscribe (it also stops transactional mail), never
            # another undeliverable reason such as an organiser's block.
            statement = statement.on_conflict_do_update(
                index_elements=["email_key"],
                set_={"reason": reason, "detail": detail},
                where=Suppression.reason == SuppressionReason.UNSUBSCRIBED,
            )
        db.session.execute(statement)


def _lock_campaigns(campaign_ids: list[int]) -> None:
    if db.session.get_bind().dialect.name != "postgresql":
        return  # SQLite allows one writer at a time anyway
    for campaign_id in sorted(campaign_ids):
        db.session.execute(
            text("SELECT pg_advisory_xact_lock(:ns, :id)"), {"ns": _ADVISORY_NAMESPACE, "id": campaign_id}
        )


def _count_figures(events: list[DeliveryEvent]) -> dict[int, dict[str, int]]:
    """How much each campaign's figures grow: one per recipient per figure, counting an address only if no
    earlier processed event (nor an earlier one in this claim) already counted it."""
    relevant = [e for e in events if e.campaign_id and e.event in FIGURES]
    if not relevant:
        return {}
    campaign_ids = sorted({e.campaign_id for e in relevant})
    _lock_campaigns(campaign_ids)
    keys = {e.email_key for e in relevant if e.email_key}
    seen: set[tuple[int, str, str]] = set()
    if keys:
        counted = db.session.execute(
            select(DeliveryEvent.campaign_id, DeliveryEvent.event, DeliveryEvent.email_key)
            .distinct()
            .where(
                DeliveryEvent.processed_at.is_not(None),
                DeliveryEvent.campaign_id.in_(campaign_ids),
                DeliveryEvent.event.in_(tuple(FIGURES)),
                DeliveryEvent.email_key.in_(keys),
            )
        )
        seen = {(c, FIGURES[kind], key) for c, kind, key in counted}
    growth: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for event in relevant:
        figure = FIGURES[event.event]
        mark = (event.campaign_id, figure, event.email_key)
        if event.email_key:
            if mark in seen:
                continue
            seen.add(mark)
        growth[event.campaign_id][figure] += 1
    return growth


def _reconcile_batches(events: list[DeliveryEvent]) -> None:
    """SendGrid processed or delivered a message of a batch still marked sending (its worker died after
    SendGrid accepted the request), or of one marked uncertain (the same, found before these events came):
    mark it accepted, once, whoever gets there first, instead of letting it be sent again."""
    batch_ids = sorted({e.batch_id for e in events if e.event in ACCEPTED_EVENTS and e.batch_id})
    for batch_id in batch_ids:
        batch = db.session.execute(
            select(CampaignBatch.campaign_id, CampaignBatch.size).where(CampaignBatch.id == batch_id)
        ).first()
        if batch is None:
            continue
        # An uncertain batch was counted as failed: it moves across. One guarded UPDATE per starting state.
        for was, counted_failed in (
            (CampaignBatch.state == BatchState.SENDING, 0),
            (uncertain(), batch.size),
        ):
            moved = rowcount(
                db.session.execute(
                    update(CampaignBatch)
                    .where(CampaignBatch.id == batch_id, was)
                    .values(
                        state=BatchState.ACCEPTED,
                        sent_at=func.coalesce(CampaignBatch.sent_at, utcnow()),
                        last_error="accepted by SendGrid (reconciled from its delivery events)",
                    )
                )
            )
            if moved:
                db.session.execute(
                    update(Campaign)
                    .where(Campaign.id == batch.campaign_id)
                    .values(accepted=Campaign.accepted + batch.size, failed=Campaign.failed - counted_failed)
                )
                log.warning("Batch %s's outcome was unknown; SendGrid's events show it accepted it", batch_id)


def _warn_about_complaints(campaign_ids: list[int]) -> None:
    for campaign_id in sorted(campaign_ids):
        # Set the flag and test the rate in one statement: two workers cannot both send the warning.
        flagged = rowcount(
            db.session.execute(
                update(Campaign)
                .where(
                    Campaign.id == campaign_id,
                    Campaign.complaint_warning_sent.is_(False),
                    Campaign.complained * COMPLAINT_THRESHOLD
                    > case((Campaign.accepted > 1, Campaign.accepted), else_=1),
                )
                .values(complaint_warning_sent=True)
            )
        )
        if not flagged:
            continue
        campaign = db.session.get(Campaign, campaign_id)
        db.session.refresh(campaign)
        rate = campaign.complained / max(campaign.accepted, 1)
        people = dict(staff_addresses())
        if campaign.created_by is not None and campaign.created_by.active:
            people[campaign.created_by.email] = campaign.created_by.name
        log.warning(
            "Campaign %s spam complaint rate %.3f%%: warning %d people", campaign.ref, rate * 100, len(people)
        )
        for address, name in sorted(people.items()):
            queue_email(
                "campaign_complaints",
                address,
                f"Spam complaints about \u201c{campaign.subject}\u201d",
                name=name,
                campaign=campaign,
                rate=f"{rate:.2%}",
                complained=campaign.complained,
                accepted=campaign.accepted,
            )


def _process_chunk(limit: int) -> int:
    events = _claim(limit)
    if not events:
        db.session.rollback()
        return 0
    _suppress(events)
    growth = _count_figures(events)
    for campaign_id in sorted(growth):
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign_id)
            .values(
                {
                    getattr(Campaign, figure): getattr(Campaign, figure) + n
                    for figure, n in growth[campaign_id].items()
                }
            )
        )
    _reconcile_batches(events)
    settle_emails_reported({e.email_id for e in events if e.email_id})
    complained = [c for c, figures in growth.items() if figures.get("complained")]
    if complained:
        _warn_about_complaints(complained)
    db.session.execute(
        update(DeliveryEvent)
        .where(DeliveryEvent.id.in_([e.id for e in events]))
        .values(processed_at=utcnow())
    )
    db.session.commit()
    return len(events)


def process_events(limit: int = 5000) -> int:
    """Process up to ``limit`` unprocessed events, CHUNK at a time, each chunk in its own transaction.
    Returns how many were processed. Safe to run in several workers at once, and to run twice."""
    done = 0
    while done < limit:
        processed = _process_chunk(min(CHUNK, limit - done))
        done += processed
        if not processed:
            break
    return done


def sweep_delivery_events() -> int:
    """Re-enqueue processing if events have waited longer than the grace period and no job is on it
    (Redis was down when they arrived, or a worker died). Returns 1 if a job was handed over."""
    stale = utcnow() - timedelta(seconds=current_app.config["SWEEP_GRACE_SECONDS"])
    waiting = db.session.scalar(
        select(DeliveryEvent.id)
        .where(DeliveryEvent.processed_at.is_(None), DeliveryEvent.received_at <= stale)
        .limit(1)
    )
    if waiting is None:
        return 0
    try:
        if job_is_live(PROCESS_JOB_ID):
            return 0
        return 1 if enqueue(jobs.PROCESS_DELIVERY_EVENTS, job_id=PROCESS_JOB_ID) is not None else 0
    except RedisError as error:
        log.warning("Delivery event sweep stopped, Redis unavailable: %s", error)
        return 0
