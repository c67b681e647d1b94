"""The background tier as it runs in production: worker.py's pool and scheduler as separate processes, on
a real Redis that the tests stop and start, and a committed PostgreSQL database they can all see."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from campaign import create_app, jobs
from campaign.embedded import EmbeddedRedis
from campaign.extensions import db
from campaign.job_names import SCAN
from campaign.models import Email, EmailState, OutboxMessage, Role
from campaign.queue import get_queue, get_redis, queued_jobs
from campaign.scheduler import Periodic, Scheduler
from campaign.services.emails import queue_email
from tests.conftest import FormClient, _environ, migrated_database
from tests.factories import PASSWORD, make_user
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
HEALTH_TOKEN = "monitor-token-0123456789"


@pytest.fixture(scope="module")
def committed_database(postgres_admin_url, tmp_path_factory):
    """A database of this module's own, migrated, where rows are committed for the worker processes."""
    return migrated_database(
        postgres_admin_url, "campaign_test_background", tmp_path_factory.mktemp("migrate")
    )


def _background_environ(database_url: str, redis_url: str, tmp_path, **settings) -> dict:
    """Settings for worker processes that sweep, beat and log at once, on queues of this test's own."""
    return _environ(
        database_url,
        redis_url,
        tmp_path,
        QUEUE_NAME=f"bg-{os.getpid()}-{time.monotonic_ns()}",
        SWEEP_INTERVAL="1",
        SWEEP_GRACE_SECONDS="0",
        HEARTBEAT_INTERVAL="1",
        LOG_LEVEL="INFO",
        **settings,
    )


@pytest.fixture
def stack(committed_database, tmp_path):
    """An app on the committed database and a Redis of the test's own; ``start(*args)`` runs worker.py."""
    redis = EmbeddedRedis(tmp_path / "redis").start()
    environ = _background_environ(committed_database, redis.url, tmp_path, HEALTH_TOKEN=HEALTH_TOKEN)
    app = create_app(environ=environ)
    with app.app_context():
        db.session.execute(delete(Email))
        db.session.execute(delete(OutboxMessage))
        db.session.commit()
    processes = []

    def start(*args: str, **settings: str) -> subprocess.Popen:
        process = _spawn(args, {**environ, **settings})
        processes.append(process)
        return process

    app.redis_server, app.start = redis, start  # type: ignore[attr-defined]
    yield app
    for process in processes:
        _kill_group(process, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            _kill_group(process, signal.SIGKILL)
            process.wait(5)
    redis.stop()
    with app.app_context():
        db.engine.dispose()


def _spawn(args, environ: dict) -> subprocess.Popen:
    """worker.py with ``args`` in a process group of its own; what it prints is collected as it comes
    (``process.lines``), so a test can wait for a line instead of for a while."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "worker.py"), *args],
        env={**os.environ, **environ},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )
    process.lines = []  # type: ignore[attr-defined]
    process.reader = threading.Thread(  # type: ignore[attr-defined]
        target=lambda: process.lines.extend(iter(process.stdout.readline, "")), daemon=True
    )
    process.reader.start()
    return process


def _said(process: subprocess.Popen, text: str) -> bool:
    return any(text in line for line in list(process.lines))


def _kill_group(process: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass


def _queue_emails(app, prefix: str, count: int) -> list[str]:
    addresses = [f"{prefix}{i}@example.org" for i in range(count)]
    with app.app_context(), app.test_request_context():
        for address in addresses:
            queue_email(
                "password_reset", address, "Reset your password", name="R", link="http://x/r", minutes=5
            )
        db.session.commit()  # the enqueue after it fails quietly when Redis is down: the sweeper has it
    return addresses


def _delivered(app) -> list[str]:
    with app.app_context():
        addresses = db.session.scalars(select(OutboxMessage.to_address)).all()
        db.session.remove()
    return addresses


def _states(app) -> set[str]:
    with app.app_context():
        states = set(db.session.scalars(select(Email.state)).all())
        db.session.remove()
    return states


def _output(process: subprocess.Popen) -> str:
    """Stop the process; everything it printed."""
    _kill_group(process, signal.SIGTERM)
    process.wait(20)
    process.reader.join(10)
    return "".join(process.lines)


def test_workers_and_the_scheduler_ride_out_redis_going_away_and_every_email_is_sent_once(stack):
    worker = stack.start()
    scheduler = stack.start("--cron")
    before = _queue_emails(stack, "before", 10)
    wait_for(lambda: len(_delivered(stack)) == 10, 30, "the first emails")

    stack.redis_server.stop()
    during = _queue_emails(stack, "during", 10)  # recorded; only the sweeper can hand them over
    wait_for(
        lambda: _said(worker, "Redis is unreachable") and _said(scheduler, "Redis is unreachable"),
        20,
        "the worker and the scheduler to meet the outage",
    )
    assert worker.poll() is None and scheduler.poll() is None, "a background process ended with Redis"
    stack.redis_server.start()

    wait_for(lambda: len(_delivered(stack)) >= 20, 60, "the emails after the outage")
    # Only a pending row is ever sent: once none is pending or being sent, nothing more can arrive.
    wait_for(lambda: _states(stack) == {EmailState.SENT}, 30, "every email to be settled")
    delivered = _delivered(stack)
    assert sorted(delivered) == sorted(before + during), "each email once, none lost"
    with stack.app_context():
        assert set(db.session.scalars(select(Email.state)).all()) == {EmailState.SENT}
    worker_log, scheduler_log = _output(worker), _output(scheduler)
    # Once per process: the pool's ordinary worker and its worker for the story check; the scheduler.
    for log, processes in ((worker_log, 2), (scheduler_log, 1)):
        assert log.count("Redis is unreachable") == processes, log[-3000:]
        assert log.count("Redis is back after") == processes, log[-3000:]
    assert "Traceback" not in worker_log + scheduler_log


def test_a_worker_busy_sending_when_redis_goes_finishes_its_job_and_carries_on(committed_database, tmp_path):
    from campaign.liveness import processes
    from tests.conftest import SENDGRID_API_KEY
    from tests.support.fake_sendgrid import FakeSendGrid

    with FakeSendGrid(delay=1.5) as sendgrid:
        redis = EmbeddedRedis(tmp_path / "redis").start()
        environ = _background_environ(
            committed_database,
            redis.url,
            tmp_path,
            MAIL_BACKEND="sendgrid",
            SENDGRID_API_KEY=SENDGRID_API_KEY,
            SENDGRID_API_HOST=sendgrid.url,
        )
        app = create_app(environ=environ)
        with app.app_context():
            db.session.execute(delete(Email))
            db.session.commit()
        worker, scheduler = (_spawn(args, environ) for args in ((), ("--cron",)))
        try:
            addresses = _queue_emails(app, "busy", 5)
            wait_for(
                lambda: any(
                    p["state"] == "busy" for p in processes(get_redis(app), environ["QUEUE_NAME"], 1)
                ),
                20,
                "the worker to be busy sending",
            )
            redis.stop()  # mid-request: SendGrid answers after Redis has gone
            wait_for(lambda: _said(worker, "Redis is unreachable"), 20, "the worker to meet the outage")
            assert worker.poll() is None, "the worker ended with Redis"
            redis.start()
            try:
                # Only a pending row is ever sent: once all are sent, nothing more can arrive.
                wait_for(lambda: _states(app) == {EmailState.SENT}, 60, "every email to be sent")
            except AssertionError:
                with app.app_context():
                    states = db.session.execute(select(Email.id, Email.state, Email.attempts)).all()
                raise AssertionError(f"{states}\n{_output(worker)[-6000:]}") from None
            assert sorted(sendgrid.recipients()) == sorted(addresses), "each email once"
        finally:
            log = _output(worker)
            _output(scheduler)
            redis.stop()
            with app.app_context():
                db.engine.dispose()
        # Once per process: the pool's ordinary worker and its worker for the story check.
        assert log.count("Redis is unreachable") == 2, log[-3000:]
        assert "Traceback" not in log, log[-3000:]


def _live_worker_pids(app) -> set[int]:
    """The live workers that serve the bulk queue (not the pool's worker for the story check)."""
    from campaign.liveness import processes

    seen = processes(get_redis(app), app.config["QUEUE_NAME"], app.config["HEARTBEAT_INTERVAL"])
    bulk = get_queue(app).name
    return {p["pid"] for p in seen if p["kind"] == "worker" and p["alive"] and bulk in p["queues"]}


def _pids_of_jobs(app, count: int) -> list[int]:
    """Run ``count`` jobs that each return the id of the process that ran them; those ids, in order."""
    queue = get_queue(app)
    jobs_ = [queue.enqueue("os.getpid") for _ in range(count)]

    def finished():
        return all(job.get_status(refresh=True) == "finished" for job in jobs_)

    wait_for(finished, 30, f"{count} jobs to run")
    return [job.latest_result().return_value for job in jobs_]


def test_the_pool_replaces_a_worker_after_its_jobs_and_when_it_dies(stack):
    pool = stack.start(WORKER_MAX_JOBS="2")
    pids = _pids_of_jobs(stack, 6)
    # Each process ran two jobs and was replaced by a fresh fork of the pool: three processes, none the pool.
    assert [pids[0], pids[2], pids[4]] == [pids[1], pids[3], pids[5]]
    assert len(set(pids)) == 3 and pool.pid not in pids

    current = _pids_of_jobs(stack, 1)[0]
    os.kill(current, signal.SIGKILL)  # a worker killed outright (the kernel's OOM killer, say)
    # A job pushed while Redis still thinks the dead worker is waiting for one could go to it and be lost
    # (the sweepers re-enqueue what the database still holds pending): push once a replacement is there.
    wait_for(lambda: _live_worker_pids(stack) - {current}, 20, "a replacement worker")
    try:
        replacement = _pids_of_jobs(stack, 1)[0]
    except AssertionError:
        raise AssertionError(_output(pool)[-5000:]) from None
    assert replacement not in pids + [current] and pool.poll() is None
    assert "ended with -9; starting another" in _output(pool)


def test_a_periodic_job_is_never_queued_while_the_last_one_waits(app, run_jobs):
    scheduler = Scheduler(app, [Periodic(jobs.roll_up_signature_counts, every=1)])
    now = time.time()
    assert scheduler.tick(now) == ["roll_up_signature_counts"]
    assert scheduler.tick(now + 5) == []  # the first still waits: not queued again
    assert scheduler.tick(now + 10) == []
    assert queued_jobs(app) == 1
    run_jobs()
    assert scheduler.tick(now + 15) == ["roll_up_signature_counts"]
    assert queued_jobs(app) == 1


def test_a_job_a_dead_worker_popped_or_left_running_is_not_live_so_it_is_queued_again(app):
    from datetime import datetime, timedelta

    from campaign.queue import job_is_live

    scheduler = Scheduler(app, [Periodic(jobs.roll_up_signature_counts, every=1)])
    now = time.time()
    assert scheduler.tick(now) == ["roll_up_signature_counts"]
    queue = get_queue(app, "urgent")
    # A worker pops it and dies before running it: the job still says "queued", but no queue holds it.
    assert get_redis(app).lpop(queue.key) == b"periodic-roll_up_signature_counts"
    assert not job_is_live("periodic-roll_up_signature_counts", app)
    assert scheduler.tick(now + 5) == ["roll_up_signature_counts"]
    # A worker dies while running it: "started" for longer than its timeout allows is not running.
    job = queue.fetch_job("periodic-roll_up_signature_counts")
    job.set_status("started")
    job.started_at = datetime.now(UTC) - timedelta(seconds=30)
    job.save()
    get_redis(app).lrem(queue.key, 0, job.id)
    assert job_is_live(job.id, app)  # within its timeout: it may well be running
    job.started_at = datetime.now(UTC) - timedelta(seconds=app.config["JOB_TIMEOUT"] + 61)
    job.save()
    assert not job_is_live(job.id, app)
    assert scheduler.tick(now + 10) == ["roll_up_signature_counts"]


def test_a_second_scheduler_stands_by_until_the_first_is_gone(app):
    nightly = [Periodic(jobs.recount_signatures, cron="17 3 * * *")]
    first, second = Scheduler(app, nightly), Scheduler(app, nightly)
    assert first._lead() and not second._lead()
    in_a_day = time.time() + 86400
    assert first.tick(in_a_day) == ["recount_signatures"]  # the leader runs the nightly job
    assert second.tick(in_a_day) == []  # the stand-by does not, and moves on to the next night
    get_queue(app).fetch_job("periodic-recount_signatures").delete()  # it ran and is done with
    first._release()
    assert second._lead()
    assert second.tick(in_a_day + 60) == []  # taking over, it does not run last night's job again


def test_a_retry_that_falls_due_is_moved_back_onto_its_queue_by_the_scheduler(app):
    from datetime import datetime, timedelta

    queue = get_queue(app)
    queue.enqueue_in(timedelta(hours=1), "logging.info", "not yet", job_id="later-retry")
    scheduler = Scheduler(app, [])
    scheduler.tick(time.time())
    assert queue.count == 0
    queue.enqueue_at(datetime.now(UTC) - timedelta(seconds=1), "logging.info", "retry me", job_id="due-retry")
    scheduler.tick(time.time())
    assert queue.get_job_ids() == ["due-retry"]
    assert queue.scheduled_job_registry.get_job_ids() == ["later-retry"]


def test_health_details_report_a_dead_worker_and_queue_depth(stack):
    client = stack.test_client()
    assert client.get("/healthz/details").status_code == 401  # no token, not signed in
    auth = {"Authorization": f"Bearer {HEALTH_TOKEN}"}
    assert client.get("/healthz/details", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/healthz/details", headers={"Authorization": HEALTH_TOKEN}).status_code == 401

    worker, scheduler = stack.start(), stack.start("--cron")

    def healthy():
        response = client.get("/healthz/details", headers=auth)
        return response.status_code == 200 and response.json

    report = wait_for(healthy, 30, "a healthy report")
    # The pool's ordinary worker, and its worker for the story check, each alone on its queues.
    assert report["workers"]["alive"] == 2 and report["scheduler"]["alive"]
    assert len(report["queues"]) == 4 and any(name.endswith("-scan") for name in report["queues"])
    assert all(q["served_by"] == 1 for q in report["queues"].values())

    _kill_group(worker, signal.SIGKILL)  # the pool and its worker, with no chance to say goodbye
    worker.wait(5)
    _queue_emails(stack, "stuck", 3)

    def reported_dead():
        # Both workers, which beat each on its own clock: the first 503 can come when only one has gone quiet.
        response = client.get("/healthz/details", headers=auth)
        return response.status_code == 503 and response.json["workers"]["alive"] == 0 and response.json

    report = wait_for(reported_dead, 20, "the dead worker to be reported")
    assert report["status"] == "degraded"
    assert report["workers"]["alive"] == 0
    lost = [p for p in report["workers"]["processes"] if not p["alive"]]
    assert lost and lost[0]["last_seen_seconds"] >= 3
    assert report["workers"]["lost"] == 2 and lost[0]["pid"] != 0
    assert any("no live worker serves" in p for p in report["problems"])
    email_queue = next(q for name, q in report["queues"].items() if name.endswith("-email"))
    # One job waits for the three: it would send them in one request.
    assert email_queue["waiting"] == 1 and email_queue["oldest_waiting_seconds"] is not None
    # The public answer stays minimal.
    assert set(client.get("/healthz").json) == {"status", "database", "redis"}
    assert scheduler.poll() is None


def test_a_slow_story_check_never_holds_up_email(stack):
    """One worker process for everything (WORKER_PROCESSES=1) and a story check that runs for a long time:
    the check has a worker of its own, so the email still goes at once."""
    from rq.job import Job

    get_queue(stack, SCAN).enqueue("time.sleep", 45, job_id="slow-check")
    worker = stack.start(WORKER_PROCESSES="1")
    redis = get_redis(stack)
    wait_for(
        lambda: Job.fetch("slow-check", connection=redis).get_status() == "started",
        30,
        "the scan worker to take the slow check",
    )
    addresses = _queue_emails(stack, "not-held-up", 2)
    wait_for(lambda: set(addresses) <= set(_delivered(stack)), 20, "the emails, sent while the check runs")
    assert Job.fetch("slow-check", connection=redis).get_status() == "started"
    _kill_group(worker, signal.SIGKILL)  # not to wait for the check to finish


def test_an_administrator_may_read_the_details(stack):
    client = FormClient(stack.test_client())
    with stack.app_context():
        admin = make_user(role=Role.ADMIN)
        db.session.commit()
        email = admin.email
    assert client.sign_in(email, PASSWORD).status_code == 302
    response = client.get("/healthz/details")
    assert response.status_code == 503  # nothing is running in this test
    assert "no live scheduler" in " ".join(response.json["problems"])
    with stack.app_context():
        db.session.execute(delete(type(admin)).where(type(admin).email == email))
        db.session.commit()


def test_a_unix_socket_redis_url_works_for_queues_and_rate_limits(tmp_path, database_url, make_app):
    from campaign.embedded import redis_server_binary

    socket_path = tmp_path / "redis.sock"
    server = subprocess.Popen(
        [redis_server_binary(), "--port", "0", "--unixsocket", str(socket_path), "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(socket_path.exists, 10, "the Redis socket")
        app = make_app(REDIS_URL=f"unix://{socket_path}")
        assert get_redis(app).ping()
        assert app.test_client().get("/healthz").json["redis"]["reachable"] is True
        client = FormClient(app.test_client())
        client.sign_in("nobody@example.org", "wrong password")  # a rate-limited form: the limiter counts it
        assert any(key.startswith(b"LIMITS") for key in get_redis(app).keys("*"))
    finally:
        server.terminate()
        server.wait(10)
