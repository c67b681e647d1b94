"""Fault suites: the platform's processes (web, worker pool, scheduler) against a committed PostgreSQL
database and a Redis of the test's own, which the tests stop, start and kill parts of.

The process helpers are tests/functional/test_background_work.py's, so both suites start worker.py the
same way. Each test prints what it injected and what it counted (run with ``-s`` to see it)."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from contextlib import contextmanager

import pytest
from sqlalchemy import delete
from werkzeug.serving import WSGIRequestHandler, make_server

from campaign import create_app
from campaign.embedded import EmbeddedRedis, free_port, port_open
from campaign.extensions import db
from campaign.models import Email, OutboxMessage
from tests.functional.test_background_work import (  # noqa: F401,F811  (committed_database is a fixture)
    ROOT,
    _background_environ,
    _kill_group,
    _output,
    _said,
    _spawn,
    committed_database,
)
from tests.support.fake_http import ServerThread
from tests.support.waiting import wait_for

__all__ = ["_kill_group", "_output", "_said", "counting_logs", "report"]


def report(title: str, **figures) -> None:
    """What a fault test injected and counted, printed so a run with ``-s`` (and CI's log) shows it."""
    print(f"\n[fault] {title}")
    for name, value in figures.items():
        print(f"[fault]   {name.replace('_', ' ')}: {value}")


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:
        pass  # hundreds of lines a burst; the test counts the answers itself


@contextmanager
def counting_logs(*loggers: str):
    """The messages ``loggers`` emit meanwhile (WARNING and above), collected in the list yielded."""
    seen: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(f"{record.name}: {record.getMessage()}")

    handler = Collect(logging.WARNING)
    for name in loggers:
        logging.getLogger(name).addHandler(handler)
    try:
        yield seen
    finally:
        for name in loggers:
            logging.getLogger(name).removeHandler(handler)


class Stack:
    """An app on the committed database, a Redis of its own, and the processes a test starts."""

    def __init__(self, database_url: str, tmp_path, **settings: str):
        self.redis = EmbeddedRedis(tmp_path / "redis").start()
        self.environ = _background_environ(database_url, self.redis.url, tmp_path, **settings)
        self.app = create_app(environ=self.environ)
        self.processes: list[subprocess.Popen] = []
        self.log = tmp_path / "gunicorn.log"  # what the web processes said, for a failing test's message

    def start(self, *args: str, **settings: str) -> subprocess.Popen:
        """worker.py with ``args`` (none: the pool; ``--cron``: the scheduler)."""
        process = _spawn(args, {**self.environ, **settings})
        self.processes.append(process)
        return process

    def take_redis_down(self, how: str) -> None:
        """``stopped``: shut down as an operator would (it saves what it holds and has it again on start);
        ``killed``: SIGKILL, as a crash or the OOM killer would, so whatever it held since its last save
        (every queued job, here) is gone when it comes back."""
        if how == "stopped":
            self.redis.stop()
            return
        assert self.redis.process is not None
        self.redis.process.kill()
        self.redis.process.wait(10)
        self.redis.process = None

    def gunicorn(self, threads: int = 4) -> tuple[subprocess.Popen, str]:
        """The web app as production serves it (campaign.wsgi under gunicorn), in a process group of its
        own so a test can kill it outright; its URL once it answers."""
        port = free_port()
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--threads",
                str(threads),
                "--timeout",
                "120",
                "campaign.wsgi:app",
            ],
            env={**os.environ, **self.environ},
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            start_new_session=True,
        )
        self.processes.append(process)
        wait_for(lambda: port_open(port) or process.poll() is not None, 60, "gunicorn to listen")
        assert process.poll() is None, "gunicorn did not start"
        return process, f"http://127.0.0.1:{port}"

    @contextmanager
    def serve(self, wsgi_app=None):
        """The app over real HTTP from threads of this process (werkzeug, a thread per request), each
        request on a database connection of its own from the app's pool."""
        running = ServerThread(
            make_server("127.0.0.1", 0, wsgi_app or self.app, threaded=True, request_handler=_QuietHandler)
        ).start()
        try:
            yield f"http://127.0.0.1:{running.port}"
        finally:
            running.stop()

    def close(self) -> None:
        for process in self.processes:
            _kill_group(process, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                _kill_group(process, signal.SIGKILL)
                process.wait(5)
        self.redis.stop()
        with self.app.app_context():
            db.engine.dispose()


@pytest.fixture
def fault_stack(committed_database, tmp_path):  # noqa: F811
    """``fault_stack(**settings)``: a Stack on the committed database with no email or outbox rows left
    from an earlier test; everything it started is stopped when the test ends."""
    made: list[Stack] = []

    def build(**settings: str) -> Stack:
        stack = Stack(committed_database, tmp_path, **settings)
        made.append(stack)
        with stack.app.app_context():
            db.session.execute(delete(Email))
            db.session.execute(delete(OutboxMessage))
            db.session.commit()
        return stack

    yield build
    for stack in made:
        stack.close()
