"""What /healthz reports: whether this web process reaches its database and Redis (public, minimal) and,
for a monitor, how the background work is doing (``background_report``)."""

from __future__ import annotations

import time
from datetime import UTC

from flask import current_app
from redis.exceptions import RedisError
from rq.job import Job
from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import REPLICA, db
from ..job_names import EMAIL, URGENT
from ..liveness import processes
from ..queue import get_queues, get_redis, queue_name


def check_services() -> dict:
    report: dict[str, dict] = {}
    try:
        db.session.execute(text("SELECT 1"))
        report["database"] = {"reachable": True, "backend": db.engine.dialect.name}
    except SQLAlchemyError as error:
        db.session.rollback()
        report["database"] = {"reachable": False, "error": type(error).__name__}
    replica = db.engines.get(REPLICA)
    if replica is not None:
        report["replica"] = _replica_report(replica)
    try:
        get_redis().ping()
        report["redis"] = {"reachable": True}
    except RedisError as error:
        report["redis"] = {"reachable": False, "error": type(error).__name__}
    return report


def _replica_report(replica) -> dict:
    """Whether the read replica answers, and how far behind the primary it is: the age of the last
    transaction it replayed (on a quiet primary this grows although nothing is missing)."""
    try:
        with replica.connect() as connection:
            lag = connection.execute(
                text("SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())")
            ).scalar()
        return {"reachable": True, "lag_seconds": None if lag is None else round(float(lag), 1)}
    except SQLAlchemyError as error:
        return {"reachable": False, "error": type(error).__name__}


def background_report() -> dict:
    """Everything a monitor needs to act on: the services, each worker and the scheduler (alive, or lost
    and when last seen), and each queue's depth and the age of its oldest waiting job. ``status`` is "ok"
    or "degraded", and ``problems`` says why in words."""
    config = current_app.config
    report = {"status": "ok", "problems": [], **check_services()}
    problems: list[str] = report["problems"]
    for part in ("database", "redis", "replica"):
        if part in report and not report[part]["reachable"]:
            problems.append(f"{part} is unreachable")
    if report["redis"]["reachable"]:
        try:
            report.update(_background(config, problems))
        except RedisError as error:
            problems.append(f"redis failed while reporting: {type(error).__name__}")
    if problems:
        report["status"] = "degraded"
    return report


def _background(config, problems: list[str]) -> dict:
    redis = get_redis()
    seen = processes(redis, config["QUEUE_NAME"], config["HEARTBEAT_INTERVAL"])
    workers = [p for p in seen if p["kind"] == "worker"]
    schedulers = [p for p in seen if p["kind"] == "scheduler"]
    queues = {}
    now = time.time()
    for queue in get_queues():
        oldest = None
        first = queue.get_job_ids(0, 1)  # the queue is first in, first out: this one waited longest
        if first and Job.exists(first[0], connection=redis):
            enqueued = Job.fetch(first[0], connection=redis).enqueued_at
            if enqueued:
                enqueued = enqueued if enqueued.tzinfo else enqueued.replace(tzinfo=UTC)
                oldest = round(max(0.0, now - enqueued.timestamp()), 1)
        queues[queue.name] = {
            "waiting": queue.count,
            "oldest_waiting_seconds": oldest,
            "running": StartedJobRegistry(queue=queue).count,
            "retry_scheduled": ScheduledJobRegistry(queue=queue).count,
            "failed": FailedJobRegistry(queue=queue).count,
            "served_by": sum(1 for w in workers if w["alive"] and queue.name in w["queues"]),
        }
        if not queues[queue.name]["served_by"]:
            problems.append(f"no live worker serves the {queue.name} queue")
    for kind in (URGENT, EMAIL):
        name = queue_name(current_app, kind)
        oldest = queues[name]["oldest_waiting_seconds"]
        if oldest is not None and oldest > config["QUEUE_MAX_WAIT"]:
            problems.append(f"the oldest job on {name} has waited {oldest:.0f} s")
    if not any(s["alive"] for s in schedulers):
        problems.append("no live scheduler: periodic jobs (counts, sweeps) and retries are not being queued")
    # A lost process (killed, or its host gone) is listed for an hour with the job it was running; it is a
    # problem only when nothing alive does its work (the problems above), since a pool replaces a worker
    # it loses at once.
    return {
        "workers": {
            "alive": sum(1 for w in workers if w["alive"]),
            "lost": sum(1 for w in workers if not w["alive"]),
            "processes": workers,
        },
        "scheduler": {"alive": any(s["alive"] for s in schedulers), "processes": schedulers},
        "queues": queues,
    }
