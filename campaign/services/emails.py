"""Queueing and delivering transactional email.

queue_email() records the message and enqueues delivery after the commit. deliver_email() is what the
job runs: it claims the row so two workers never send the same message, and leaves it pending again on
a transient failure so RQ's retry, or later the sweeper, tries again.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from flask import current_app, render_template
from redis.exceptions import RedisError
from sqlalchemy import and_, delete, or_, select, update

from .. import job_names as jobs
from ..extensions import db, rowcount
from ..mail import OutgoingMessage, PermanentMailError, TransientMailError, get_mailer
from ..models import Email, EmailState, OutboxMessage, Suppression, SuppressionReason, utcnow
from ..queue import enqueue, enqueue_after_commit, job_is_live
from .addresses import email_key

log = logging.getLogger(__name__)
SENDING = "sending"


def email_job_id(email_id: int) -> str:
    return f"send-email-{email_id}"


def queue_email(kind: str, to: str, subject: str, headers: dict | None = None, **context) -> Email:
    """Render templates/email/<kind>.txt and .html and queue the message. The caller commits."""
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
    enqueue_after_commit(db.session, jobs.SEND_EMAIL, email.id, job_id=email_job_id(email.id))
    return email


def deliver_email(email_id: int) -> str:
    """Send one queued email. Returns what happened; raises TransientMailError to ask for a retry."""
    claimed = rowcount(
        db.session.execute(
            update(Email)
            .where(
                Email.id == email_id,
                Email.state == EmailState.PENDING,
                Email.attempts < current_app.config["EMAIL_MAX_ATTEMPTS"],
            )
            .values(state=SENDING, attempts=Email.attempts + 1, enqueued_at=utcnow())
        )
    )
    db.session.commit()
    if not claimed:
        return "not pending"
    email = db.session.get(Email, email_id)
    reason = _undeliverable_reason(email.to_address)
    if reason:
        # Sending again to an address that hard-bounced or reported spam hurts every later message's
        # delivery. An unsubscribe from updates does not stop transactional mail: it is not checked here.
        email.state = EmailState.FAILED
        email.last_error = f"suppressed: {reason}"
        db.session.commit()
        log.info("Email %s not sent: the address is suppressed (%s)", email_id, reason)
        return "suppressed"
    message = OutgoingMessage(
        to=email.to_address,
        subject=email.subject,
        text=email.text_body,
        html=email.html_body,
        sender=current_app.config["MAIL_FROM"],
        custom_args={"email_id": email.public_id, "kind": email.kind},
        categories=(email.kind,),
        headers=dict(email.headers or {}),
    )
    try:
        email.provider_message_id = get_mailer().send(message)
    except TransientMailError as error:
        db.session.rollback()
        email = db.session.get(Email, email_id)
        email.state = EmailState.PENDING
        email.last_error = str(error)
        if email.attempts >= current_app.config["EMAIL_MAX_ATTEMPTS"]:
            email.state = EmailState.FAILED
            db.session.commit()
            log.error("Email %s failed after %s attempts: %s", email_id, email.attempts, error)
            return "failed"
        db.session.commit()
        raise
    except PermanentMailError as error:
        db.session.rollback()
        email = db.session.get(Email, email_id)
        email.state = EmailState.FAILED
        email.last_error = str(error)
        db.session.commit()
        log.error("Email %s refused: %s", email_id, error)
        return "failed"
    email.state = EmailState.SENT
    email.sent_at = utcnow()
    email.last_error = ""
    db.session.commit()
    return "sent"


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
    """Re-enqueue emails the queue lost (Redis was down, a worker died). Returns how many were handed over."""
    config = current_app.config
    now = utcnow()
    # A worker that died mid-send leaves the row claimed; after twice the job timeout it is tried again
    # (delivery is at-least-once: the provider may have accepted it), unless it is out of attempts.
    stuck = and_(
        Email.state == SENDING, Email.enqueued_at < now - timedelta(seconds=2 * config["JOB_TIMEOUT"])
    )
    db.session.execute(
        update(Email)
        .where(stuck, Email.attempts >= config["EMAIL_MAX_ATTEMPTS"])
        .values(state=EmailState.FAILED, last_error="gave up: the sending job never finished")
    )
    db.session.execute(update(Email).where(stuck).values(state=EmailState.PENDING))
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
