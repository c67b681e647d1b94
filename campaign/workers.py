"""The background workers: warm processes that run many jobs each, and ride out Redis outages.

A job runs in the worker process itself (RQ's SimpleWorker), inside the app's context, so the database
pool, compiled templates, SQLAlchemy's configured mappers and the mail client survive from one job to the
next. Forking a fresh work horse per job (RQ's default) cost about 170 ms of CPU per email, two thirds of
it configuring the mappers again in every child. Leaks are bounded instead by recycling: a process ends
after WORKER_MAX_JOBS jobs or once it holds more than WORKER_MAX_MEMORY_MB, and ``run_pool`` (what
``worker.py`` runs) forks a fresh one from its already warm parent.

The pool keeps two kinds of worker apart: ordinary ones on the urgent, email and bulk queues, and
WORKER_SCAN_PROCESSES on the scan queue alone (the automatic check of stories), so a story that is slow to
check never holds up anything a person is waiting for.

Redis going away never ends a worker: it waits, trying again with back-off, says so once when Redis goes
and once when it is back, and carries on. A job that was running when Redis went finishes; its effects are
in the database (every job is idempotent and the sweeper re-enqueues what the queue lost), so nothing is
lost or done twice.
"""

from __future__ import annotations

import logging
import os
import signal
import time

from flask import Flask
from redis.exceptions import RedisError
from rq import SimpleWorker
from rq.exceptions import StopRequested
from rq.worker import WorkerStatus
from sqlalchemy.orm import configure_mappers

from . import jobs  # noqa: F401  # imported before forking, so no worker process imports it per job
from .extensions import db
from .job_names import OWN_WORKERS, QUEUE_KINDS, WORKER_KINDS
from .liveness import OUTAGE_ERRORS, Heartbeat, RedisOutage
from .mail import get_mailer
from .queue import get_queues, get_redis, queued_jobs, redis_client
from .scheduler import PERIODIC_PREFIX

log = logging.getLogger(__name__)


class AppWorker(SimpleWorker):
    """Runs each job in this process, inside the app's context, and keeps the database pool between jobs."""

    # RQ's wait between tries to reach Redis doubles up to this; its default (60 s) would leave a worker
    # idle for up to a minute after a long outage ended.
    max_connection_wait_time = 5.0
    log_result_lifespan = False  # a third log line per job, saying nothing new

    def __init__(
        self,
        *args,
        app: Flask,
        heartbeat: Heartbeat | None = None,
        max_memory_mb: int = 0,
        in_pool: bool = False,
        **kwargs,
    ):
        self.app = app
        self.beat = heartbeat
        self.max_memory_mb = max_memory_mb
        # In a pool, a worker whose parent died ends after its job rather than run on unsupervised.
        self.parent_pid = os.getppid() if in_pool else None
        self.stop_asked: float | None = None
        self.jobs_run = 0  # RQ keeps its own counts in Redis only
        kwargs.setdefault("worker_ttl", 60)  # an idle worker wakes every 45 s to renew RQ's own record
        super().__init__(*args, **kwargs)

    def request_stop(self, signum, frame):
        self.stop_asked = time.monotonic()
        super().request_stop(signum, frame)

    def _shutdown(self):
        # RQ's own records the request in Redis from inside the signal handler; with Redis down that raised
        # into the running job at whatever line it was on. The record is for dashboards: best effort.
        if self.get_state() == WorkerStatus.BUSY:
            self._stop_requested = True
            try:
                self.set_shutdown_requested_date()
            except RedisError:
                pass
        else:
            raise StopRequested()

    def request_force_stop(self, signum, frame):
        # Stopping a pool by its process group reaches a worker twice, from outside and from its parent:
        # that is one request to finish the job and stop, not a second one to abandon the job.
        if self.stop_asked is not None and time.monotonic() - self.stop_asked < 2:
            return
        super().request_force_stop(signum, frame)

    @property
    def stopping(self) -> bool:
        return self.stop_asked is not None or self._stop_requested

    def perform_job(self, job, queue, *args, **kwargs):
        if self.beat:
            self.beat.state, self.beat.job = "busy", job.id
        with self.app.app_context():
            try:
                return super().perform_job(job, queue, *args, **kwargs)
            finally:
                db.session.remove()
                if self.beat:
                    self.beat.state, self.beat.job = "idle", ""

    def execute_job(self, job, queue):
        super().execute_job(job, queue)
        self.jobs_run += 1
        if self.max_memory_mb and resident_mb() > self.max_memory_mb:
            log.info(
                "Worker holds %.0f MB (limit %s): ending so a fresh one starts",
                resident_mb(),
                self.max_memory_mb,
            )
            self._stop_requested = True
        elif self.parent_pid is not None and os.getppid() != self.parent_pid:
            log.warning("The worker's parent process is gone: ending")
            self._stop_requested = True


def resident_mb() -> float:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        import resource  # not Linux: the peak is the best there is

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _FoldRedisErrors(logging.Filter):
    """Drops RQ's log lines about Redis being unreachable (it repeats them, with a traceback), noting the
    outage instead."""

    def __init__(self, outage: RedisOutage):
        super().__init__()
        self.outage = outage

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, OUTAGE_ERRORS):
            self.outage.down(error)
            return False
        if "could not connect to Redis" in str(record.msg):
            args = record.args if isinstance(record.args, tuple) else ()
            self.outage.down(ConnectionError(str(args[1]) if len(args) > 1 else "connection refused"))
            return False
        return True


class _QuietPeriodic(logging.Filter):
    """Turns RQ's own lines about periodic jobs (taken, "Job OK", "Successfully completed") into DEBUG:
    with a sweep every few seconds they buried everything else. The job says itself when it did something
    (campaign.jobs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.INFO:
            return True
        args = record.args if isinstance(record.args, tuple) else ()
        if not any(isinstance(arg, str) and PERIODIC_PREFIX in arg for arg in args):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


def run_worker(
    app: Flask,
    kinds: tuple[str, ...] = WORKER_KINDS,
    burst: bool = False,
    max_jobs: int | None = None,
    in_pool: bool = False,
) -> int:
    """Work the queues of ``kinds`` (most urgent first) until stopped, ``max_jobs`` are done, the worker
    outgrows its memory limit, or (``burst``) nothing is left; through any Redis outage. Returns the number
    of jobs run."""
    config = app.config
    redis = get_redis(app)
    queues = get_queues(app, kinds)
    outage = RedisOutage(redis, f"Worker {os.getpid()}")
    folding, quiet = _FoldRedisErrors(outage), _QuietPeriodic()
    rq_log = logging.getLogger("rq.worker")
    rq_log.addFilter(folding)
    rq_log.addFilter(quiet)
    beat = Heartbeat(
        # A client of its own: RQ lengthens the socket timeout of its client's new connections to outlast
        # its blocking pop, and a shorter one the heartbeat's thread left in a shared pool would cut the
        # pop short.
        redis_client(config["REDIS_URL"]),
        config["QUEUE_NAME"],
        "worker",
        tuple(q.name for q in queues),
        config["HEARTBEAT_INTERVAL"],
        outage=outage,
    ).start()
    done = 0
    try:
        while True:
            try:
                worker = AppWorker(
                    queues,
                    connection=redis,
                    app=app,
                    heartbeat=beat,
                    max_memory_mb=config["WORKER_MAX_MEMORY_MB"],
                    in_pool=in_pool,
                )
            except OUTAGE_ERRORS as error:  # RQ names the connection as it starts
                outage.down(error)
                outage.wait()
                continue
            beat.state = "idle"
            try:
                worker.work(burst=burst, max_jobs=max_jobs - done if max_jobs else None, with_scheduler=False)
            except OUTAGE_ERRORS as error:
                outage.down(error)  # RQ's own tidying-up after the loop needed Redis too
            except RedisError:
                # Redis answers but refuses (out of memory, read-only): say so, and try again shortly.
                log.exception("Worker %s: Redis refused a command; starting again in 5 s", os.getpid())
                time.sleep(5)
            done += worker.jobs_run
            if worker.stopping or (max_jobs and done >= max_jobs):
                break
            if not outage.wait(stopping=lambda: worker.stopping):  # noqa: B023  # this worker's flag
                break
            if burst and not queued_jobs(app, kinds):
                break
            # Otherwise the loop ended on something unexpected (RQ logged it): start again, not in a spin.
            time.sleep(0.2)
    except StopRequested:
        pass  # asked to stop between two workers, while waiting for Redis
    finally:
        beat.stop()
        rq_log.removeFilter(folding)
        rq_log.removeFilter(quiet)
    return done


def warm_up(app: Flask) -> None:
    """Do once, before forking, what every job would otherwise pay for in each new process."""
    with app.app_context():
        configure_mappers()
        get_mailer(app)
        env = app.jinja_env
        for name in env.list_templates(filter_func=lambda n: n.startswith("email/")):
            env.get_template(name)
        # Connections must not be shared with the children: each opens its own.
        db.engine.dispose()
    get_redis(app).connection_pool.disconnect()


def worker_groups(
    app: Flask, processes: int, kinds: tuple[str, ...] = QUEUE_KINDS, own_processes: int | None = None
) -> list[tuple[tuple[str, ...], int]]:
    """The workers a pool keeps for ``kinds``: ``processes`` on the ordinary queues among them, and for each
    queue that has workers of its own (the scan queue), ``own_processes`` (default WORKER_SCAN_PROCESSES)
    that serve it alone. Never one worker for both."""
    ordinary = tuple(k for k in kinds if k not in OWN_WORKERS)
    own = own_processes if own_processes is not None else app.config["WORKER_SCAN_PROCESSES"]
    groups = [(ordinary, processes)] if ordinary else []
    groups += [((kind,), own) for kind in OWN_WORKERS if kind in kinds]
    return [(group, count) for group, count in groups if count > 0]


def run_pool(
    app: Flask,
    processes: int,
    kinds: tuple[str, ...] = QUEUE_KINDS,
    burst: bool = False,
    own_processes: int | None = None,
) -> None:
    """Keep the workers ``worker_groups`` names running, each forked from this warmed-up process: a worker
    that ends (recycled after WORKER_MAX_JOBS jobs or on its memory limit, or crashed) is replaced at once
    by one for the same queues, one that keeps dying is replaced with back-off. SIGTERM or SIGINT: each
    worker finishes its job, then all stop."""
    planned = worker_groups(app, processes, kinds, own_processes)
    queues_of = [group for group, _ in planned]
    wanted = [count for _, count in planned]
    warm_up(app)
    children: dict[int, tuple[float, int]] = {}  # pid -> when it started, its group
    stopping = False
    failures = 0

    def stop(signum, frame):
        nonlocal stopping
        if stopping:  # a second signal: stop now (the workers' own second-signal handling)
            for pid in children:
                _signal(pid, signal.SIGKILL)
        stopping = True
        for pid in children:
            _signal(pid, signal.SIGTERM)

    def running(index: int) -> int:
        return sum(1 for _, group in children.values() if group == index)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        for index, group_kinds in enumerate(queues_of):
            while not stopping and running(index) < wanted[index]:
                if failures:
                    time.sleep(min(30.0, 0.5 * 2**failures))
                    if stopping:
                        break
                pid = os.fork()
                if pid == 0:
                    _child(app, group_kinds, burst)
                children[pid] = (time.monotonic(), index)
        if not children:
            return
        pid, status = os.wait()
        entry = children.pop(pid, None)
        if entry is None:
            continue
        started, index = entry
        code = os.waitstatus_to_exitcode(status)
        if burst and code == 0 and not _anything_queued(app, queues_of[index]):
            wanted[index] -= 1
            continue
        if code != 0 and not stopping:
            log.error("Worker process %s ended with %s; starting another", pid, code)
        lived = time.monotonic() - started
        failures = failures + 1 if code != 0 and lived < 10 else 0


def _child(app: Flask, kinds: tuple[str, ...], burst: bool) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    code = 0
    try:
        run_worker(app, kinds, burst=burst, max_jobs=app.config["WORKER_MAX_JOBS"] or None, in_pool=True)
    except BaseException:
        log.exception("Worker process %s failed", os.getpid())
        code = 1
    finally:
        logging.shutdown()
        os._exit(code)


def _anything_queued(app: Flask, kinds: tuple[str, ...]) -> bool:
    try:
        return bool(queued_jobs(app, kinds))
    except RedisError:
        return True  # a worker will wait for Redis and see


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass
