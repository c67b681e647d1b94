"""Queueing and delivering transactional email.

queue_email() records the message and, after the commit, enqueues a job to send it, unless a send job
for that kind of email is already waiting to start: that one will find this email too (one job per batch,
not per email; see queue.enqueue_after_commit's ``unless_waiting``). deliver_email() is what the job runs.
It claims its own row, if it is still waiting, and in the same UPDATE the other emails of the same kind
that are waiting (up to EMAIL_BATCH_SIZE), so two workers never send the same message, and sends them in
one request to the provider: a surge of signatures is a few requests and a few jobs, not one per email.
Batches form by themselves: while one request is out, more emails wait, and the next job takes them all.
With nothing else waiting an email goes alone, as it always did, with no wait. Each recipient gets exactly
the message rendered for them: the bulk message's subject and bodies are each one merge field, filled with
that recipient's own rendering; an email too big for the provider's per-recipient limit goes alone.

The outcome of a request is every one of its messages' outcome: accepted -> all sent; a transient failure
-> all pending again (their attempts counted) for RQ's retry or the sweeper, failed once out of attempts;
a permanent refusal of several -> each is tried alone, so one bad address cannot sink the others. When no
answer came (a timeout, a worker killed mid-request) the provider may have them: see
sweep_pending_emails() for how those are settled.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Collection, Sequence
from datetime import timedelta
from functools import partial

from flask import current_app, render_template
from redis.exceptions import RedisError
from sqlalchemy import ColumnElement, and_, case, delete, exists, func, or_, select, update

from .. import job_names as jobs
from ..extensions import db, rowcount
from ..mail import (
    BulkMessage,
    BulkRecipient,
    Merge,
    OutgoingMessage,
    PermanentMailError,
    Template,
    TransientMailError,
    UncertainMailError,
    delivery_events_enabled,
    fits_in_bulk,
    get_mailer,
)
from ..models import DeliveryEvent, Email, EmailState, OutboxMessage, Suppression, SuppressionReason, utcnow
from ..queue import enqueue, enqueue_after_commit, job_is_live, starting
from .addresses import email_key

log = logging.getLogger(__name__)
SENDING = "sending"
# A batch's subject and bodies: each recipient's own, whole, as one merge field.
_SUBJECT, _TEXT, _HTML = (Template((Merge(name),)) for name in ("subject", "text", "html"))


def email_job_id(email_id: int) -> str:
    return f"send-email-{email_id}"


def queue_email(kind: str, to: str, subject: str, headers: dict | None = None, **context) -> Email:
    """Render campaign/templates/email/<kind>.txt and .html and queue the message. The caller commits."""
    context.setdefault("subject", subject)
    email = Email(
        kind=kind,
        to_address=to,
        subject=subject,
        text_body=render_template(f"email/{kind}.txt", **context),
        html_body=render_template(f"email/{kind}.html", **context),
        headers=headers or {},
        enqueued_at=utcnow(),
    )
    db.session.add(email)
    db.session.flush()
    enqueue_after_commit(
        db.session,
        jobs.SEND_EMAIL,
        email.id,
        job_id=email_job_id(email.id),
        # One job sends every email of a kind that waits: while one is queued, another would find nothing.
        unless_waiting=_batch_name(kind),
    )
    return email


def _batch_name(kind: str) -> str:
    return f"send-email:{kind}"


def deliver_email(email_id: int) -> str:
    """Send this queued email, with the others of its kind waiting. Returns what happened to this one
    ("not pending" if it was not waiting: another job has it, or had it); raises TransientMailError to ask
    for a retry while it is pending again."""
    claimed = _claim(email_id)
    if not claimed:
        return "not pending"
    emails = db.session.scalars(select(Email).where(Email.id.in_(claimed)).order_by(Email.id)).all()
    outcomes = _fail_suppressed(emails)
    requests = _requests([e for e in emails if e.id not in outcomes])
    # Half the job's time: what is left untried then goes back and on to another job, rather than sit
    # "sending" for the sweeper when the job's timeout kills it mid-way (a refused batch of 500 is retried
    # one by one, which can take minutes).
    deadline = time.monotonic() + current_app.config["JOB_TIMEOUT"] / 2
    error: TransientMailError | None = None
    out_of_time = False
    for i, request in enumerate(requests):
        if time.monotonic() > deadline:
            out_of_time = True
            _release_untried(outcomes, [e.id for later in requests[i:] for e in later])
            break
        settled, error = _deliver(request, deadline)
        outcomes.update(settled)
        if error is not None:
            # The provider is struggling: the rest wait for the retry too, their attempt not spent.
            _release_untried(outcomes, [e.id for later in requests[i + 1 :] for e in later])
            break
    out_of_time = out_of_time or (error is None and EmailState.PENDING in outcomes.values())
    if len(claimed) > 1:
        log.info("%d %s emails claimed together, in %d requests", len(claimed), emails[0].kind, len(requests))
    if error is None and (out_of_time or len(claimed) >= current_app.config["EMAIL_BATCH_SIZE"]):
        # Not after a transient failure: the retry's back-off, not a hand-on at once, decides when next.
        _hand_on(emails[0].kind)
    outcome = outcomes.get(email_id, "not pending")
    if outcome == EmailState.PENDING and error is not None:
        raise error  # RQ retries this job, which claims this email and the others waiting again
    return outcome


def _hand_on(kind: str) -> None:
    """A full batch may have left emails of its kind waiting whose own jobs were never enqueued (one was
    waiting already): enqueue one for the next of them."""
    following = db.session.scalar(
        select(Email.id)
        .where(Email.kind == kind, Email.state == EmailState.PENDING)
        .order_by(Email.id)
        .limit(1)
    )
    db.session.rollback()
    if following is not None:
        # An id of its own: the email may be this very job's own, put back untried.
        enqueue(jobs.SEND_EMAIL, following, job_id=f"{email_job_id(following)}-handed-on")


def _claim(email_id: int) -> list[int]:
    """Move this email, if it is waiting, and up to EMAIL_BATCH_SIZE others of its kind from pending to
    sending, in one UPDATE; return the ids claimed. Others are claimed even when this one is not waiting:
    queue_email enqueues no job of their own while this one waited. On PostgreSQL rows another worker is
    claiming are skipped (FOR UPDATE SKIP LOCKED); SQLite runs one writer at a time."""
    config = current_app.config
    own = db.session.execute(select(Email.kind, Email.state).where(Email.id == email_id)).first()
    db.session.rollback()  # the claim below reads afresh, after starting()
    if own is None:
        return []
    starting(_batch_name(own.kind))
    waiting = (
        select(Email.id)
        .where(
            Email.kind == own.kind,
            Email.state == EmailState.PENDING,
            Email.attempts < config["EMAIL_MAX_ATTEMPTS"],
        )
        .order_by(case((Email.id == email_id, 0), else_=1), Email.id)
        .limit(config["EMAIL_BATCH_SIZE"])
    )
    if db.session.get_bind().dialect.name == "postgresql":
        waiting = waiting.with_for_update(skip_locked=True)
    # A CTE, evaluated once: as a plain subquery PostgreSQL may run it again for each row it updates, each
    # run skipping the rows just locked, and claim far more than the limit.
    picked = waiting.cte("picked")
    claimed = list(
        db.session.scalars(
            update(Email)
            .where(Email.id.in_(select(picked.c.id)), Email.state == EmailState.PENDING)
            .values(state=SENDING, attempts=Email.attempts + 1, enqueued_at=utcnow())
            .returning(Email.id)
            .execution_options(synchronize_session=False)
        )
    )
    db.session.commit()
    return claimed


def _fail_suppressed(emails: Sequence[Email]) -> dict[int, str]:
    """Fail the emails whose address nothing may be sent to; return their outcomes."""
    keys = {email_key(e.to_address) for e in emails}
    blocked = dict(
        db.session.execute(
            select(Suppression.email_key, Suppression.reason).where(
                Suppression.email_key.in_(keys), Suppression.reason.in_(SuppressionReason.UNDELIVERABLE)
            )
        ).all()
    )
    outcomes = {}
    for email in emails:
        # Sending again to an address that hard-bounced or reported spam hurts every later message's
        # delivery. An unsubscribe from updates does not stop transactional mail: it is not checked here.
        reason = blocked.get(email_key(email.to_address))
        if reason:
            email.state = EmailState.FAILED
            email.last_error = f"suppressed: {reason}"
            outcomes[email.id] = "suppressed"
            log.info("Email %s not sent: the address is suppressed (%s)", email.id, reason)
    if outcomes:
        db.session.commit()
    return outcomes


def _values(email: Email) -> dict[str, str]:
    return {"subject": email.subject, "text": email.text_body, "html": email.html_body}


def _requests(emails: Sequence[Email]) -> list[list[Email]]:
    """The requests to make: the emails together, each address at most once per request (the provider
    refuses an address twice), and any too big for a bulk message's per-recipient limit alone."""
    together: list[list[Email]] = []
    addresses: list[set[str]] = []
    alone = []
    for email in emails:
        if not fits_in_bulk(_values(email)):
            alone.append([email])
            continue
        address = email.to_address.strip().lower()
        i = next((i for i, taken in enumerate(addresses) if address not in taken), len(together))
        if i == len(together):
            together.append([])
            addresses.append(set())
        together[i].append(email)
        addresses[i].add(address)
    return together + alone


def _message(email: Email) -> OutgoingMessage:
    return OutgoingMessage(
        to=email.to_address,
        subject=email.subject,
        text=email.text_body,
        html=email.html_body,
        sender=current_app.config["MAIL_FROM"],
        custom_args={"email_id": email.public_id, "kind": email.kind},
        categories=(email.kind,),
        headers=dict(email.headers or {}),
    )


def _bulk(emails: Sequence[Email]) -> BulkMessage:
    return BulkMessage(
        subject=_SUBJECT,
        text=_TEXT,
        html=_HTML,
        sender=current_app.config["MAIL_FROM"],
        recipients=[
            BulkRecipient(
                to=email.to_address,
                values=_values(email),
                headers=dict(email.headers or {}),
                custom_args={"email_id": email.public_id, "kind": email.kind},
            )
            for email in emails
        ],
        categories=(emails[0].kind,),
    )


def _deliver(
    request: Sequence[Email], deadline: float | None = None
) -> tuple[dict[int, str], TransientMailError | None]:
    """Make one request for these claimed emails (one, or several of one kind) and settle each: sent,
    failed, pending to be tried again, or "outcome unknown" (left sending). Returns their outcomes, and the
    transient error that put any back to pending."""
    ids = [e.id for e in request]
    mailer = get_mailer()
    send = (
        partial(mailer.send, _message(request[0]))
        if len(ids) == 1
        else partial(mailer.send_batch, _bulk(request))
    )
    db.session.commit()  # no transaction held open while the provider answers
    try:
        message_id = send()
    except UncertainMailError as error:
        db.session.rollback()
        if not delivery_events_enabled(current_app.config):
            return _retry_later(ids, error), error  # nothing could tell: at-least-once, as any transient
        # The provider may have them: leave them sending for sweep_pending_emails, rather than risk a copy.
        db.session.execute(
            update(Email).where(Email.id.in_(ids)).values(last_error=f"outcome unknown: {error}"[:1000])
        )
        db.session.commit()
        log.warning("No answer from the provider for %d emails; left for reconciliation", len(ids))
        return dict.fromkeys(ids, "outcome unknown"), None
    except TransientMailError as error:
        db.session.rollback()
        return _retry_later(ids, error), error
    except PermanentMailError as error:
        db.session.rollback()
        if len(ids) > 1:
            # One bad address refuses the whole request: try each alone, each with its own outcome.
            log.warning("%d emails refused together (%s); sending each alone", len(ids), error)
            outcomes: dict[int, str] = {}
            last: TransientMailError | None = None
            for n, email in enumerate(request):
                if deadline is not None and time.monotonic() > deadline:
                    _release_untried(outcomes, [e.id for e in request[n:]])
                    break
                settled, transient = _deliver([email])
                outcomes.update(settled)
                last = transient or last
            return outcomes, last
        db.session.execute(
            update(Email)
            .where(Email.id.in_(ids))
            .values(state=EmailState.FAILED, last_error=str(error)[:1000])
        )
        db.session.commit()
        log.error("Email %s refused: %s", ids[0], error)
        return {ids[0]: EmailState.FAILED}, None
    # Sent, whatever the rows say meanwhile (a reconciliation that got there first): the provider has them.
    db.session.execute(
        update(Email)
        .where(Email.id.in_(ids))
        .values(
            state=EmailState.SENT,
            sent_at=utcnow(),
            last_error="",
            provider_message_id=(message_id or "")[:200],
        )
    )
    db.session.commit()
    return dict.fromkeys(ids, EmailState.SENT), None


def _retry_later(ids: list[int], error: TransientMailError) -> dict[int, str]:
    """Put these emails back to pending (their attempt counted), or fail those out of attempts."""
    out_of_attempts = Email.attempts >= current_app.config["EMAIL_MAX_ATTEMPTS"]
    db.session.execute(
        update(Email)
        .where(Email.id.in_(ids), Email.state == SENDING)
        .values(
            state=case((out_of_attempts, EmailState.FAILED), else_=EmailState.PENDING),
            last_error=str(error)[:1000],
        )
    )
    db.session.commit()
    outcomes = dict(db.session.execute(select(Email.id, Email.state).where(Email.id.in_(ids))).all())
    for email_id, state in outcomes.items():
        if state == EmailState.FAILED:
            log.error("Email %s failed after its last attempt: %s", email_id, error)
    return outcomes


def _release_untried(outcomes: dict[int, str], ids: list[int]) -> None:
    _release(ids)
    outcomes.update(dict.fromkeys(ids, EmailState.PENDING))


def _release(ids: list[int]) -> None:
    """Put claimed emails that were never tried back to pending, their attempt not spent."""
    if ids:
        db.session.execute(
            update(Email)
            .where(Email.id.in_(ids), Email.state == SENDING)
            .values(state=EmailState.PENDING, attempts=Email.attempts - 1)
        )
        db.session.commit()


def settle_emails_reported(public_ids: Collection[str]) -> int:
    """The provider reported on these emails (by the email_id custom arg of its delivery events): any still
    "sending" was accepted, by a request whose answer never came back. Mark them sent; returns how many."""
    if not public_ids:
        return 0
    return _mark_reported(Email.public_id.in_(sorted(public_ids)))


def _mark_reported(where: ColumnElement[bool]) -> int:
    moved = rowcount(
        db.session.execute(
            update(Email)
            .where(where, Email.state == SENDING)
            .values(
                state=EmailState.SENT,
                sent_at=func.coalesce(Email.sent_at, utcnow()),
                last_error="accepted by the provider (reconciled from its delivery events)",
            )
        )
    )
    if moved:
        log.warning("%d emails were still marked sending; the provider had them, so they are sent", moved)
    return moved


def _undeliverable_reason(address: str) -> str:
    """The suppression reason if nothing at all may be sent to this address, else ""."""
    reason = db.session.scalar(select(Suppression.reason).where(Suppression.email_key == email_key(address)))
    return reason if reason in SuppressionReason.UNDELIVERABLE else ""


def purge_old_emails() -> int:
    """Delete sent and failed emails (and outbox copies) after EMAIL_RETENTION_DAYS: they hold names,
    addresses and live links, and nothing needs them once delivery is settled."""
    cutoff = utcnow() - timedelta(days=current_app.config["EMAIL_RETENTION_DAYS"])
    removed = rowcount(
        db.session.execute(
            delete(Email).where(
                Email.state.in_((EmailState.SENT, EmailState.FAILED)), Email.created_at < cutoff
            )
        )
    )
    db.session.execute(delete(OutboxMessage).where(OutboxMessage.created_at < cutoff))
    db.session.commit()
    return removed


def sweep_pending_emails() -> int:
    """Re-enqueue emails the queue lost (Redis was down, a worker died). Returns how many were handed over.

    An email still "sending" twice the job timeout after its claim lost its worker mid-request, or got no
    answer: the provider may have it. When the provider's signed event webhook is set up
    (delivery_events_enabled) it reports every message it takes, so this is settled exactly once: an email it
    reported on (a stored event carries its email_id) is sent; one with no report EMAIL_RECONCILE_SECONDS
    after its claim never got there and goes back to pending, to be sent again. Without the webhook nothing
    can tell, and it goes back to pending after twice the job timeout: delivery is then at-least-once."""
    config = current_app.config
    now = utcnow()
    stuck = and_(
        Email.state == SENDING, Email.enqueued_at < now - timedelta(seconds=2 * config["JOB_TIMEOUT"])
    )
    lost: ColumnElement[bool] = stuck
    if delivery_events_enabled(config):
        reported = exists().where(DeliveryEvent.email_id == Email.public_id)
        _mark_reported(and_(stuck, reported))
        unheard = Email.enqueued_at < now - timedelta(seconds=config["EMAIL_RECONCILE_SECONDS"])
        lost = and_(stuck, unheard, ~reported)
    db.session.execute(
        update(Email)
        .where(lost, Email.attempts >= config["EMAIL_MAX_ATTEMPTS"])
        .values(state=EmailState.FAILED, last_error="gave up: the sending job never finished")
    )
    db.session.execute(update(Email).where(lost).values(state=EmailState.PENDING))
    db.session.execute(
        update(Email)
        .where(Email.state == EmailState.PENDING, Email.attempts >= config["EMAIL_MAX_ATTEMPTS"])
        .values(state=EmailState.FAILED)
    )
    db.session.commit()
    stale = now - timedelta(seconds=config["SWEEP_GRACE_SECONDS"])
    ids = db.session.scalars(
        select(Email.id)
        .where(
            Email.state == EmailState.PENDING, or_(Email.enqueued_at.is_(None), Email.enqueued_at <= stale)
        )
        .order_by(Email.id)
        .limit(1000)
    ).all()
    handed = 0
    try:
        for email_id in ids:
            if job_is_live(email_job_id(email_id)):
                continue
            if enqueue(jobs.SEND_EMAIL, email_id, job_id=email_job_id(email_id)) is None:
                break
            db.session.execute(update(Email).where(Email.id == email_id).values(enqueued_at=now))
            handed += 1
    except RedisError as error:
        log.warning("Sweep stopped, Redis unavailable: %s", error)
    db.session.commit()
    return handed
