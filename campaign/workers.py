"""RQ workers that run each job inside the Flask app's context."""

from __future__ import annotations

import os

from flask import Flask
from rq import SimpleWorker, Worker

from . import jobs
from .extensions import db


class _AppContextMixin:
    app: Flask

    def perform_job(self, job, queue, *args, **kwargs):
        if getattr(self, "_parent_pid", os.getpid()) != os.getpid():
            # A forked work horse must not reuse the parent's database connections.
            with self.app.app_context():
                db.engine.dispose(close=False)
        with self.app.app_context():
            try:
                return super().perform_job(job, queue, *args, **kwargs)
            finally:
                db.session.remove()


class AppWorker(_AppContextMixin, Worker):
    """The production worker: forks a work horse per job, so a job that leaks or crashes cannot harm the next."""

    def __init__(self, *args, app: Flask, **kwargs):
        self.app = app
        self._parent_pid = os.getpid()
        super().__init__(*args, **kwargs)


class AppSimpleWorker(_AppContextMixin, SimpleWorker):
    """Runs jobs in-process: used by tests and available for platforms that cannot fork."""

    def __init__(self, *args, app: Flask, **kwargs):
        self.app = app
        super().__init__(*args, **kwargs)


def periodic_jobs(app: Flask) -> list[tuple]:
    """(function, interval in seconds, cron expression) the cron scheduler enqueues."""
    return [
        (jobs.sweep_pending, app.config["SWEEP_INTERVAL"], None),
        (jobs.roll_up_signature_counts, app.config["COUNT_ROLLUP_INTERVAL"], None),
        (jobs.close_expired_petitions, 60, None),
        (jobs.recount_signatures, None, "17 3 * * *"),  # nightly, off the hour
        (jobs.refresh_official_petitions, 600, None),
        (jobs.anonymise_signers, None, "43 4 * * *"),
        (jobs.purge_stories, None, "29 4 * * *"),
        (jobs.dispatch_campaign_batches, app.config["CAMPAIGN_DISPATCH_INTERVAL"], None),
    ]
