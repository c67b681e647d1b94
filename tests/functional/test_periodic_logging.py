"""The periodic jobs, a sweep every few seconds, said so in two lines each time (2,184 lines in 21 idle
minutes of `make run`), burying the access log. Now a periodic job that found nothing to do says nothing
at INFO, RQ's own lines about it included; one that did something says what, once."""

import logging
import time
from datetime import timedelta

from campaign import jobs
from campaign.job_names import URGENT
from campaign.models import utcnow
from campaign.queue import get_queue
from campaign.scheduler import Periodic, Scheduler
from campaign.workers import run_worker
from tests.factories import make_petition


def _said(caplog, name: str) -> list[tuple[str, str, str]]:
    return [
        (r.name, r.levelname, r.getMessage())
        for r in caplog.records
        if r.levelno >= logging.INFO and name in r.getMessage()
    ]


def test_a_periodic_job_says_nothing_when_idle_and_one_line_when_it_did_something(app, caplog):
    caplog.set_level(logging.INFO)
    scheduler = Scheduler(app, [Periodic(jobs.close_expired_petitions, every=1)])
    now = time.time()

    assert scheduler.tick(now) == ["close_expired_petitions"]
    assert run_worker(app, burst=True) == 1
    assert _said(caplog, "close_expired_petitions") == []

    with app.app_context():
        make_petition(deadline=utcnow() - timedelta(minutes=1))
    assert scheduler.tick(now + 5) == ["close_expired_petitions"]
    assert run_worker(app, burst=True) == 1
    assert _said(caplog, "close_expired_petitions") == [
        ("campaign.jobs", "INFO", "close_expired_petitions: 1")
    ]


def test_rq_still_logs_the_jobs_people_wait_for(app, caplog):
    caplog.set_level(logging.INFO)
    get_queue(app, URGENT).enqueue(jobs.close_expired_petitions)  # not a periodic job's id
    run_worker(app, burst=True)
    assert any("Job OK" in message for _, level, message in _said(caplog, "") if level == "INFO")
