"""Sending a campaign: one job per batch of at most 1,000 recipients, one SendGrid request per batch.

A batch's state lives in the database: pending -> sending -> accepted | failed. A worker claims a batch
by moving it from pending to sending in one UPDATE, so two workers (or a retried job, or the dispatcher)
can never send it twice. A batch left in "sending" by a worker that died is reconciled from SendGrid's
"processed" or "delivered" events (see delivery_events): if they arrive, SendGrid had it; if none arrive
within BATCH_RECONCILE_SECONDS, it never got there and is sent again. Without the event webhook nothing can
tell, so the batch is marked uncertain and the campaign paused for an organiser to choose (see
campaigns.resume and campaigns.cancel)."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, delete, exists, func, select, update

from ... import job_names as jobs
from ...extensions import db, rowcount
from ...mail import (
    BulkMessage,
    BulkRecipient,
    PermanentMailError,
    Template,
    TransientMailError,
    delivery_events_enabled,
    get_mailer,
)
from ...models import (
    BatchState,
    Campaign,
    CampaignBatch,
    CampaignRecipient,
    CampaignState,
    DeliveryEvent,
    ListOptOut,
    Petition,
    Suppression,
    utcnow,
)
from ...queue import enqueue, job_is_live
from . import link_clicks, subject_test
from .batch_outcomes import (
    ACCEPTED_EVENTS,
    OUTCOME_UNKNOWN,
    finish_if_done,
    mark,
    pause_for_uncertain,
    settle,
)
from .campaigns import merger, render, start_due_campaigns, test_values

log = logging.getLogger(__name__)


def batch_job_id(batch_id: int) -> str:
    return f"campaign-batch-{batch_id}"


# Choosing what to send now


def _allowance(campaign: Campaign, now) -> int | None:
    """How many more recipients the campaign's hourly rate allows now, over a rolling hour (so a pause
    does not save up a burst); None when it has no rate. A batch larger than the rate goes alone."""
    if not campaign.send_rate:
        return None
    handed = (
        db.session.scalar(
            select(func.coalesce(func.sum(CampaignBatch.size), 0)).where(
                CampaignBatch.campaign_id == campaign.id,
                CampaignBatch.claimed_at >= now - timedelta(hours=1),
                CampaignBatch.state.in_((BatchState.SENDING, BatchState.ACCEPTED, BatchState.FAILED)),
            )
        )
        or 0
    )
    if not handed:
        return max(campaign.send_rate, current_app.config["CAMPAIGN_BATCH_SIZE"])
    return max(campaign.send_rate - handed, 0)


def purge_campaign_data() -> dict[str, int]:
    """Recipients and delivery events hold addresses: they go EMAIL_RETENTION_DAYS after a campaign ended.
    The campaign's figures stay."""
    cutoff = utcnow() - timedelta(days=current_app.config["EMAIL_RETENTION_DAYS"])
    ended = select(Campaign.id).where(
        Campaign.state.in_((CampaignState.FINISHED, CampaignState.CANCELLED)), Campaign.finished_at <= cutoff
    )
    recipients = rowcount(
        db.session.execute(delete(CampaignRecipient).where(CampaignRecipient.campaign_id.in_(ended)))
    )
    events = rowcount(
        db.session.execute(
            delete(DeliveryEvent).where(
                DeliveryEvent.processed_at.is_not(None),
                DeliveryEvent.received_at <= cutoff,
                (DeliveryEvent.campaign_id.is_(None)) | DeliveryEvent.campaign_id.in_(ended),
            )
        )
    )
    db.session.commit()
    return {"recipients": recipients, "events": events}


def dispatch() -> dict:
    """The periodic pass: start scheduled campaigns, reconcile lost batches, hand due batches to workers,
    and mark campaigns with nothing left as sent."""
    started = start_due_campaigns()
    subject_test.decide_due()  # a subject-line test whose wait is over releases the rest with its winner
    reconciled = reconcile_stale_batches()
    now = utcnow()
    handed = 0
    sending = db.session.scalars(select(Campaign).where(Campaign.state == CampaignState.SENDING)).all()
    for campaign in sending:
        allowance = _allowance(campaign, now)
        batches = db.session.scalars(
            select(CampaignBatch)
            .where(
                CampaignBatch.campaign_id == campaign.id,
                CampaignBatch.state == BatchState.PENDING,
                (CampaignBatch.not_before.is_(None)) | (CampaignBatch.not_before <= now),
            )
            .order_by(CampaignBatch.number)
        ).all()
        due = []
        for batch in batches:
            if allowance is not None:
                if batch.size > allowance:
                    break
                allowance -= batch.size
            due.append(batch.id)
        # A job sends a group of batches at once: its requests wait on SendGrid together, not in turn.
        group = current_app.config["CAMPAIGN_BATCHES_PER_JOB"]
        for i in range(0, len(due), group):
            ids = due[i : i + group]
            job_id = batch_job_id(ids[0])
            if (
                not job_is_live(job_id)
                and enqueue(jobs.SEND_CAMPAIGN_BATCHES, ids, job_id=job_id) is not None
            ):
                handed += len(ids)
        finish_if_done(campaign)
    db.session.commit()
    return {"started": started, "reconciled": reconciled, "batches": handed}


def reconcile_stale_batches() -> int:
    now = utcnow()
    stale = now - timedelta(seconds=current_app.config["BATCH_STALE_SECONDS"])
    give_up = now - timedelta(seconds=current_app.config["BATCH_RECONCILE_SECONDS"])
    changed = 0
    unsettled: set[int] = set()
    for batch in db.session.scalars(
        select(CampaignBatch).where(
            CampaignBatch.state == BatchState.SENDING, CampaignBatch.claimed_at <= stale
        )
    ).all():
        seen = db.session.scalar(
            select(DeliveryEvent.id)
            .where(DeliveryEvent.batch_id == batch.id, DeliveryEvent.event.in_(ACCEPTED_EVENTS))
            .limit(1)
        )
        if seen is not None:
            changed += mark(
                batch.id,
                BatchState.SENDING,
                BatchState.ACCEPTED,
                batch.size,
                "reconciled: SendGrid processed it",
            )
        elif batch.claimed_at <= give_up and delivery_events_enabled(current_app.config):
            # SendGrid reports every message it takes; none came for this batch, so it never had it.
            changed += rowcount(
                db.session.execute(
                    update(CampaignBatch)
                    .where(CampaignBatch.id == batch.id, CampaignBatch.state == BatchState.SENDING)
                    .values(
                        state=BatchState.PENDING,
                        not_before=None,
                        last_error="reconciled: no sign SendGrid accepted it; sending again",
                    )
                )
            )
        elif batch.claimed_at <= give_up:
            # Without SendGrid's events nothing can tell whether it arrived: a person decides.
            moved = mark(
                batch.id,
                BatchState.SENDING,
                BatchState.FAILED,
                batch.size,
                f"{OUTCOME_UNKNOWN}: the worker stopped mid-send and no delivery events are set up",
            )
            changed += moved
            if moved:
                unsettled.add(batch.campaign_id)
    db.session.commit()
    # Once per campaign after every batch is marked, so the reason counts them all.
    for campaign_id in sorted(unsettled):
        pause_for_uncertain(db.session.get(Campaign, campaign_id))
    return changed


# Sending one batch


def request_body(
    campaign: Campaign, batch: CampaignBatch, rendered: tuple[Template, Template, Template] | None = None
) -> BulkMessage:
    """The batch as one bulk message: a recipient each, with their merge values, one-click unsubscribe
    headers and our ids, read in id order as a stream."""
    subject, text, html = rendered or render(campaign)
    links = link_clicks.values_for(campaign, batch, html.fields)
    titles: dict[int, str] = {}
    values = merger(campaign)
    campaign_id, batch_id = str(campaign.id), str(batch.id)
    recipients = []
    rows = db.session.execute(
        select(
            CampaignRecipient.id,
            CampaignRecipient.email,
            CampaignRecipient.name,
            CampaignRecipient.list_key,
            CampaignRecipient.petition_id,
        )
        .where(
            CampaignRecipient.campaign_id == campaign.id,
            CampaignRecipient.id.between(batch.first_recipient_id, batch.last_recipient_id),
            # A subject-line test's groups share id ranges: a batch holds only its own group.
            CampaignRecipient.test_group == batch.test_group,
            # Checked again now, not only when the audience was frozen: someone may have unsubscribed, bounced
            # or been blocked since (a paused or rate-limited campaign can take days).
            ~exists().where(Suppression.email_key == CampaignRecipient.email_key),
            ~exists().where(
                and_(
                    ListOptOut.email_key == CampaignRecipient.email_key,
                    ListOptOut.list_key == CampaignRecipient.list_key,
                )
            ),
        )
        .order_by(CampaignRecipient.id)
        .execution_options(yield_per=1000)
    )
    for row in rows:
        if row.petition_id and row.petition_id not in titles:
            titles[row.petition_id] = db.session.scalar(
                select(Petition.title).where(Petition.id == row.petition_id)
            )
        merge = values(row.email, row.name, row.list_key, titles.get(row.petition_id, ""))
        merge.update(links(row.id))
        recipients.append(
            BulkRecipient(
                to=row.email,
                values=merge,
                headers={
                    "List-Unsubscribe": f"<{merge['unsubscribe_url']}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
                # Our ids only: the provider echoes these in its events.
                custom_args={"campaign_id": campaign_id, "batch_id": batch_id, "recipient_id": str(row.id)},
            )
        )
    sender = current_app.config["MAIL_FROM"]
    return BulkMessage(
        subject=subject,
        text=text,
        html=html,
        sender=sender,
        recipients=recipients,
        categories=("campaign",),
        reply_to=sender,
        track_engagement=campaign.track_engagement,
    )


def send_batch(batch_id: int) -> str:
    return send_batches([batch_id])[batch_id]


def send_batches(batch_ids: list[int]) -> dict[int, str]:
    """Claim each batch and build its request in this thread (the database work), handing each request to
    a pool of threads as soon as it is built, so the waits on SendGrid overlap each other and the building
    of the next; then settle each batch. Returns what happened to each."""
    outcomes: dict[int, str] = {}
    in_flight: deque[tuple[CampaignBatch, Campaign, Future, int]] = deque()
    rendered: dict[tuple[int, str], tuple[Template, Template, Template]] = {}
    mailer = get_mailer()
    threads = current_app.config["CAMPAIGN_SEND_CONCURRENCY"] if mailer.concurrent else 1

    def settle_oldest():
        batch, campaign, future, count = in_flight.popleft()
        message_id, error = future.result()
        outcomes[batch.id] = settle(batch, campaign, message_id, error, sent=count)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        for batch_id in batch_ids:
            batch = db.session.get(CampaignBatch, batch_id)
            if batch is None:
                outcomes[batch_id] = "no such batch"
                continue
            campaign = db.session.get(Campaign, batch.campaign_id)
            db.session.refresh(campaign)
            if campaign.state != CampaignState.SENDING:
                outcomes[batch_id] = f"campaign {campaign.state}"
                continue
            claimed = rowcount(
                db.session.execute(
                    update(CampaignBatch)
                    .where(CampaignBatch.id == batch_id, CampaignBatch.state == BatchState.PENDING)
                    .values(
                        state=BatchState.SENDING, attempts=CampaignBatch.attempts + 1, claimed_at=utcnow()
                    )
                )
            )
            db.session.commit()
            if not claimed:
                outcomes[batch_id] = "already taken"
                continue
            db.session.refresh(batch)
            # Each subject variant renders once; links become our own counted redirects.
            key = (campaign.id, batch.variant)
            if key not in rendered:
                rendered[key] = link_clicks.rewrite(
                    campaign, render(subject_test.as_sent(campaign, batch.variant))
                )
            message = request_body(campaign, batch, rendered[key])
            count = len(message.recipients)
            # The provider's request is built here too, and only it waits in the pool.
            send = mailer.prepare_batch(message) if count else None
            del message
            if send is None:  # everyone in it has opted out since the send began
                in_flight.append((batch, campaign, _done(("", None)), 0))
            elif mailer.concurrent:
                in_flight.append((batch, campaign, pool.submit(_post, send), count))
            else:  # the outbox backend writes through this thread's database session
                in_flight.append((batch, campaign, _done(_post(send)), count))
            del send
            # Never more built than the threads can have waiting: memory stays flat however long the job,
            # and each batch is settled (and shows in the progress bar) as soon as SendGrid answers.
            while len(in_flight) >= threads * 2:
                settle_oldest()
        while in_flight:
            settle_oldest()
    return outcomes


def _done(result):
    future = Future()
    future.set_result(result)
    return future


def _post(send: Callable[[], str]):
    try:
        return send(), None
    except (TransientMailError, PermanentMailError) as error:
        return "", error


def send_test(campaign_id: int, addresses: list[str], person: dict | None = None) -> str:
    """The test message: exactly the preview for ``person`` (the recipient chosen there), each copy with
    links made for its own test address."""
    campaign = db.session.get(Campaign, campaign_id)
    subject, text, html = render(campaign)
    recipients = [
        BulkRecipient(
            to=to, values=test_values(campaign, to, person), custom_args={"campaign_test": campaign.ref}
        )
        for to in dict.fromkeys(a.strip() for a in addresses)
    ]
    get_mailer().send_batch(
        BulkMessage(
            subject=subject.prefixed("[Test] "),
            text=text,
            html=html,
            sender=current_app.config["MAIL_FROM"],
            recipients=recipients,
            categories=("campaign-test",),
            track_engagement=campaign.track_engagement,
        )
    )
    db.session.commit()
    return f"sent to {len(recipients)}"
