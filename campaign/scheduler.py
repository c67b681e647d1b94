"""The scheduler (``worker.py --cron``): enqueues the periodic jobs, and moves jobs whose retry is due
back onto their queue. Run one; a second one waits, ready to take over.

A periodic job has a fixed id, and is not enqueued again while the previous one is still waiting or
running: after a backlog the queue holds one sweep, not a pile of them. Like the workers it rides out
Redis outages, telling the log once when Redis goes and once when it is back, and beats a heartbeat that
/healthz/details reports.

Crontab lines are read in SCHEDULE_TIMEZONE (Europe/London unless set): "0 3 * * *" is 03:00 on the
clocks in London, 03:00 UTC in winter and 02:00 UTC in summer. A time the clocks skip (01:30 on the spring
change, in London) runs at the first moment after it; one they repeat (01:30 on the autumn change) runs
twice, an hour apart, so no periodic job is set between 01:00 and 02:00 London time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from croniter import croniter
from flask import Flask
from redis.exceptions import RedisError
from rq.scheduler import RQScheduler

from . import jobs
from .job_names import queue_of
from .liveness import OUTAGE_ERRORS, Heartbeat, RedisOutage
from .queue import get_queue, get_queues, get_redis, job_is_live

log = logging.getLogger(__name__)
# Each periodic job's id and description start with this, so the workers can tell its log lines apart.
PERIODIC_PREFIX = "periodic-"


@dataclass(frozen=True)
class Periodic:
    func: Callable
    every: int | None = None  # seconds
    cron: str | None = None  # a crontab line, read in ``timezone``
    timezone: str = "Europe/London"

    @property
    def name(self) -> str:
        return self.func.__name__

    @property
    def job_id(self) -> str:
        return PERIODIC_PREFIX + self.name

    def next_after(self, moment: float) -> float:
        if self.cron:
            start = datetime.fromtimestamp(moment, ZoneInfo(self.timezone))
            return croniter(self.cron, start).get_next(datetime).timestamp()
        return moment + (self.every or 60)


def periodic_jobs(app: Flask) -> list[Periodic]:
    config = app.config
    zone = config["SCHEDULE_TIMEZONE"]
    return [
        Periodic(jobs.sweep_pending, every=config["SWEEP_INTERVAL"]),
        Periodic(jobs.roll_up_signature_counts, every=config["COUNT_ROLLUP_INTERVAL"]),
        Periodic(jobs.close_expired_petitions, every=60),
        Periodic(jobs.recount_signatures, cron="17 3 * * *", timezone=zone),  # nightly, off the hour
        Periodic(jobs.refresh_official_petitions, every=600),
        Periodic(jobs.anonymise_signers, cron="43 4 * * *", timezone=zone),
        Periodic(jobs.purge_stories, cron="29 4 * * *", timezone=zone),
        Periodic(jobs.dispatch_campaign_batches, every=config["CAMPAIGN_DISPATCH_INTERVAL"]),
        Periodic(jobs.send_notification_digests, cron="3 7 * * *", timezone=zone),  # morning, London time
    ]


class Scheduler:
    def __init__(self, app: Flask, entries: list[Periodic] | None = None):
        self.app = app
        self.entries = entries if entries is not None else periodic_jobs(app)
        self.redis = get_redis(app)
        self.lock_key = f"{app.config['QUEUE_NAME']}:scheduler-lock"
        # How long a dead leader's lock outlives it: the longest a stand-by waits before taking over.
        self.lock_seconds = app.config["SCHEDULER_LOCK_SECONDS"]
        self.outage = RedisOutage(self.redis, "Scheduler")
        self.beat = Heartbeat(
            self.redis,
            app.config["QUEUE_NAME"],
            "scheduler",
            interval=app.config["HEARTBEAT_INTERVAL"],
            outage=self.outage,
        )
        self.retries = RQScheduler([q.name for q in get_queues(app)], connection=self.redis)
        now = time.time()
        # Interval jobs run at start (a restarted scheduler catches up at once); crontab ones at their time.
        self.due = {e.name: (now if e.every else e.next_after(now)) for e in self.entries}
        self.leading = False

    def run(self, should_stop: Callable[[], bool] = lambda: False, tick: float = 1.0) -> None:
        self.beat.start()
        try:
            while not should_stop():
                try:
                    self.tick(time.time())
                    self.outage.up()
                except OUTAGE_ERRORS as error:
                    self.outage.down(error)
                    self.leading = False
                    self.outage.wait(should_stop)
                except RedisError:
                    # Redis answers but refuses (out of memory, read-only replica): not an outage to wait
                    # out by pinging, and nothing to do but say so and try again shortly.
                    log.exception("Scheduler: Redis refused a command; trying again in %s s", 5 * tick)
                    time.sleep(4 * tick)
                time.sleep(tick)
        finally:
            self.beat.stop()
            self._release()

    def tick(self, now: float) -> list[str]:
        """Enqueue what is due and move due retries; returns the names enqueued. Raises RedisError, having
        left what it could not enqueue due, for the next tick."""
        if not self._lead():
            self.beat.state = "standby"
            # The leader runs what falls due meanwhile: a stand-by taking over later starts from then, not
            # with a nightly job the leader already ran.
            for entry in self.entries:
                if self.due[entry.name] <= now:
                    self.due[entry.name] = entry.next_after(now)
            return []
        self.beat.state = "leading"
        if self.retries.should_reacquire_locks:
            self.retries.acquire_locks()
        self.retries.enqueue_scheduled_jobs()
        enqueued = []
        for entry in self.entries:
            if self.due[entry.name] > now:
                continue
            try:
                if job_is_live(entry.job_id, self.app):
                    # Every tick while a long one runs: nothing a person watching the terminal needs.
                    log.debug("%s is still waiting or running: not enqueued again", entry.name)
                else:
                    self._enqueue(entry)
                    enqueued.append(entry.name)
            except RedisError:
                raise  # still due: the next tick after Redis is back enqueues it
            except Exception:
                log.exception("Scheduler: could not enqueue %s; trying again at its next time", entry.name)
            self.due[entry.name] = entry.next_after(now)
        return enqueued

    def _enqueue(self, entry: Periodic) -> None:
        get_queue(self.app, queue_of(f"{entry.func.__module__}.{entry.name}")).enqueue(
            entry.func,
            job_id=entry.job_id,
            # RQ logs a job by its description too; the id there lets the workers quieten its lines.
            description=entry.job_id,
            job_timeout=self.app.config["JOB_TIMEOUT"],
            failure_ttl=self.app.config["JOB_FAILURE_TTL"],
            result_ttl=600,
        )

    def _lead(self) -> bool:
        """Hold the one scheduler's lock (renewed every tick; it lapses if this process dies)."""
        name = self.beat.name
        if self.redis.set(self.lock_key, name, nx=True, ex=self.lock_seconds):
            if not self.leading:
                log.info("Scheduler %s is the one enqueuing periodic jobs", name)
            self.leading = True
            return True
        # Renewed only if still ours, in one step: a stalled leader must not extend a lock another now holds.
        if self.redis.eval(_RENEW_IF_OURS, 1, self.lock_key, name, self.lock_seconds):
            return True
        if self.leading:
            log.warning("Scheduler %s lost its lock: standing by", name)
        self.leading = False
        return False

    def _release(self) -> None:
        try:
            self.redis.eval(_DELETE_IF_OURS, 1, self.lock_key, self.beat.name)
            self.retries.release_locks()
        except RedisError:
            pass  # it lapses by itself


_RENEW_IF_OURS = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('expire', KEYS[1], ARGV[2]) end return 0"
)
_DELETE_IF_OURS = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
)
