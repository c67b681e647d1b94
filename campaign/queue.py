"""The RQ queue, made explicitly from REDIS_URL in the factory, and the enqueue-after-commit pattern.

Work that must happen is first recorded in the database. The job is handed to Redis only after that
commit succeeds, and if Redis is unreachable the hand-off is logged and skipped: the periodic sweeper
finds the row still pending and enqueues it again. Jobs therefore have deterministic ids and are
idempotent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from flask import Flask, current_app, has_app_context
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from sqlalchemy import event
from sqlalchemy.orm import Session, scoped_session

log = logging.getLogger(__name__)

_PENDING_KEY = "campaign_enqueue_after_commit"
LIVE_STATUSES = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.SCHEDULED, JobStatus.DEFERRED}


def init_queue(app: Flask) -> None:
    connection = Redis.from_url(
        app.config["REDIS_URL"], socket_connect_timeout=2, socket_timeout=5, health_check_interval=30
    )
    app.extensions["redis"] = connection
    app.extensions["queue"] = Queue(
        app.config["QUEUE_NAME"], connection=connection, default_timeout=app.config["JOB_TIMEOUT"]
    )


def get_redis(app: Flask | None = None) -> Redis:
    return (app or current_app).extensions["redis"]


def get_queue(app: Flask | None = None) -> Queue:
    return (app or current_app).extensions["queue"]


def enqueue(func: Callable | str, *args, job_id: str | None = None, app: Flask | None = None) -> Job | None:
    """Hand a job (a function, or its dotted name from campaign.job_names) to Redis now. Returns None (and
    logs) if Redis is unreachable: callers rely on the sweeper."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    intervals = app.config["JOB_RETRY_INTERVALS"]
    try:
        return get_queue(app).enqueue(  # type: ignore[type-var]  # RQ takes a dotted name too
            func,
            *args,
            job_id=job_id,
            retry=Retry(max=len(intervals), interval=intervals) if intervals else None,
            failure_ttl=app.config["JOB_FAILURE_TTL"],
            result_ttl=3600,
        )
    except RedisError as error:
        log.warning("Redis unavailable, %s(%s) left for the sweeper: %s", _name(func), args, error)
        return None


def _name(func: Callable | str) -> str:
    return func if isinstance(func, str) else func.__name__


def enqueue_after_commit(
    session: Session | scoped_session, func: Callable | str, *args, job_id: str | None = None
) -> None:
    """Enqueue once the session's current transaction commits; forget it if the transaction rolls back."""
    session.info.setdefault(_PENDING_KEY, []).append((func, args, job_id))


def job_is_live(job_id: str, app: Flask | None = None) -> bool:
    """True if Redis still holds this job waiting, running or scheduled for a retry."""
    try:
        job = Job.fetch(job_id, connection=get_redis(app))
        return job.get_status(refresh=False) in LIVE_STATUSES
    except NoSuchJobError:
        return False


@event.listens_for(Session, "after_commit")
def _enqueue_pending(session: Session) -> None:
    pending = session.info.pop(_PENDING_KEY, [])
    if not pending or not has_app_context():
        return
    for func, args, job_id in pending:
        enqueue(func, *args, job_id=job_id)


@event.listens_for(Session, "after_transaction_end")
def _drop_pending(session: Session, transaction) -> None:
    # The outermost transaction ended without a commit having taken the list (after_commit runs first):
    # it rolled back, so the rows the jobs would load do not exist.
    if transaction.parent is None:
        session.info.pop(_PENDING_KEY, None)
