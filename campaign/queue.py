"""The RQ queues, made explicitly from REDIS_URL in the factory, and the enqueue-after-commit pattern.

Work that must happen is first recorded in the database. The job is handed to Redis only after that
commit succeeds, and if Redis is unreachable the hand-off is logged and skipped: the periodic sweeper
finds the row still pending and enqueues it again. Jobs therefore have deterministic ids and are
idempotent.

Each job goes on the queue ``campaign.job_names`` gives it (urgent, email, bulk, scan), named
``<QUEUE_NAME>-<kind>`` in Redis; ordinary workers serve the first three in that order, and the scan queue
has workers of its own (with its own, shorter, ``STORY_SCAN_TIMEOUT``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from flask import Flask, current_app, has_app_context
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from rq.registry import StartedJobRegistry
from sqlalchemy import event
from sqlalchemy.orm import Session, scoped_session

from .job_names import BULK, QUEUE_KINDS, SCAN, queue_of

log = logging.getLogger(__name__)

_PENDING_KEY = "campaign_enqueue_after_commit"
WAITING_TTL = 10
LIVE_STATUSES = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.SCHEDULED, JobStatus.DEFERRED}


def init_queue(app: Flask) -> None:
    connection = redis_client(app.config["REDIS_URL"])
    app.extensions["redis"] = connection
    timeouts = {SCAN: app.config["STORY_SCAN_TIMEOUT"]}
    app.extensions["queues"] = {
        kind: Queue(
            queue_name(app, kind),
            connection=connection,
            default_timeout=timeouts.get(kind, app.config["JOB_TIMEOUT"]),
        )
        for kind in QUEUE_KINDS
    }


def redis_client(url: str) -> Redis:
    # Short timeouts: a web request or a worker must find out that Redis is gone in seconds, not hang.
    return Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5, health_check_interval=30)


def queue_name(app: Flask, kind: str) -> str:
    return f"{app.config['QUEUE_NAME']}-{kind}"


def get_redis(app: Flask | None = None) -> Redis:
    return (app or current_app).extensions["redis"]


def get_queue(app: Flask | None = None, kind: str = BULK) -> Queue:
    return (app or current_app).extensions["queues"][kind]


def get_queues(app: Flask | None = None, kinds: tuple[str, ...] = QUEUE_KINDS) -> list[Queue]:
    """The queues of ``kinds``, in the order workers serve them (most urgent first)."""
    queues = (app or current_app).extensions["queues"]
    return [queues[kind] for kind in QUEUE_KINDS if kind in kinds]


def queued_jobs(app: Flask | None = None, kinds: tuple[str, ...] = QUEUE_KINDS) -> int:
    """Jobs waiting on the queues of ``kinds``, by default every queue (not those running or scheduled for
    a retry)."""
    return sum(queue.count for queue in get_queues(app, kinds))


def running_jobs(app: Flask | None = None) -> int:
    return sum(StartedJobRegistry(queue=queue).count for queue in get_queues(app))


def enqueue(func: Callable | str, *args, job_id: str | None = None, app: Flask | None = None) -> Job | None:
    """Hand a job (a function, or its dotted name from campaign.job_names) to Redis now. Returns None (and
    logs) if Redis is unreachable: callers rely on the sweeper."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    intervals = app.config["JOB_RETRY_INTERVALS"]
    try:
        return get_queue(app, queue_of(_dotted(func))).enqueue(  # type: ignore[type-var]  # RQ takes a name
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


def _dotted(func: Callable | str) -> str:
    return func if isinstance(func, str) else f"{func.__module__}.{func.__qualname__}"


def enqueue_after_commit(
    session: Session | scoped_session,
    func: Callable | str,
    *args,
    job_id: str | None = None,
    unless_waiting: str = "",
) -> None:
    """Enqueue once the session's current transaction commits; forget it if the transaction rolls back.

    ``unless_waiting`` names work one job does for many rows (sending the emails of one kind that wait):
    the job is enqueued only if none for that name is already waiting to start, since that one will find
    this row too. The job must call ``starting(name)`` before it looks for rows."""
    session.info.setdefault(_PENDING_KEY, []).append((func, args, job_id, unless_waiting))


def _waiting_key(name: str, app: Flask | None = None) -> str:
    return f"{(app or current_app).config['QUEUE_NAME']}:waiting:{name}"


def _none_waiting(name: str) -> bool:
    """Mark a job for ``name`` as on its way; False if one already was. The mark lapses after WAITING_TTL
    seconds, so a job that Redis or a dead worker lost holds nothing up for longer than that. Raises
    RedisError."""
    return bool(get_redis().set(_waiting_key(name), 1, nx=True, ex=WAITING_TTL))


def starting(name: str) -> None:
    """Called by a job ``unless_waiting`` names as it starts, before it looks for rows: from now on a new
    row enqueues a job of its own, since this one may not see it."""
    try:
        get_redis().delete(_waiting_key(name))
    except RedisError:
        pass  # the mark lapses by itself


def job_is_live(job_id: str, app: Flask | None = None) -> bool:
    """True if Redis still holds this job waiting, running or scheduled for a retry. Raises RedisError.

    A job's own status is not enough: one popped off its queue by a worker that then died or stopped before
    running it still says "queued", and one whose worker died mid-run says "started" until RQ tidies up.
    Either would keep its work (a periodic job, an email) from ever being enqueued again."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    redis = get_redis(app)
    try:
        job = Job.fetch(job_id, connection=redis)
    except NoSuchJobError:
        return False
    status = job.get_status(refresh=False)
    if status == JobStatus.QUEUED:
        return redis.lpos(Queue(job.origin, connection=redis).key, job_id) is not None
    if status == JobStatus.STARTED and job.started_at is not None:
        started = job.started_at if job.started_at.tzinfo else job.started_at.replace(tzinfo=UTC)
        # Past its timeout (and a minute's grace) a job has been killed by it, or its worker has gone.
        limit = (job.timeout or app.config["JOB_TIMEOUT"]) + 60
        return (datetime.now(UTC) - started).total_seconds() < limit
    return status in LIVE_STATUSES


@event.listens_for(Session, "after_commit")
def _enqueue_pending(session: Session) -> None:
    pending = session.info.pop(_PENDING_KEY, [])
    if not pending or not has_app_context():
        return
    # Once Redis has failed, the rest are left for the sweepers too: a Redis that hangs rather than refuses
    # costs each call its socket timeout, and the request (a signature, say) would wait out every one.
    unreachable: RedisError | None = None
    for func, args, job_id, unless_waiting in pending:
        if unreachable is None and unless_waiting:
            try:
                if not _none_waiting(unless_waiting):
                    continue
            except RedisError as error:
                unreachable = error
        if unreachable is not None:
            log.warning("Redis unavailable, %s(%s) left for the sweeper: %s", _name(func), args, unreachable)
        elif enqueue(func, *args, job_id=job_id) is None:
            unreachable = RedisError("the enqueue before it failed")


@event.listens_for(Session, "after_transaction_end")
def _drop_pending(session: Session, transaction) -> None:
    # The outermost transaction ended without a commit having taken the list (after_commit runs first):
    # it rolled back, so the rows the jobs would load do not exist.
    if transaction.parent is None:
        session.info.pop(_PENDING_KEY, None)
