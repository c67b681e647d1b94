"""worker.py as it runs in production: a separate process, forking a work horse per job."""

import os
import subprocess
import sys
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import select

from campaign import create_app
from campaign.embedded import free_port
from campaign.extensions import db
from campaign.models import Email, EmailState, OutboxMessage
from campaign.services.emails import queue_email

ROOT = Path(__file__).resolve().parents[2]


def test_worker_process_sends_a_queued_email(redis_server, tmp_path):
    # A committed database the separate process can see (the per-test transaction would hide it).
    environ = {
        "APP_ENV": "development",
        "SECRET_KEY": "s" * 40,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'w.db'}",
        "REDIS_URL": redis_server,
        "INSTANCE_PATH": str(tmp_path),
        "QUEUE_NAME": f"worker-test-{os.getpid()}",
    }
    app = create_app(environ=environ)
    with app.app_context():
        upgrade()
        queue_email(
            "password_reset",
            "forked@example.org",
            "Reset your password",
            name="F",
            link="http://x/reset",
            minutes=60,
        )
        db.session.commit()

    result = subprocess.run(
        [sys.executable, str(ROOT / "worker.py"), "--burst"],
        env={**os.environ, **environ},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]

    with app.app_context():
        assert db.session.scalars(select(Email)).one().state == EmailState.SENT
        assert db.session.scalars(select(OutboxMessage)).one().to_address == "forked@example.org"
        db.engine.dispose()


def test_healthz_names_redis_as_unreachable_when_it_is_down(make_app):
    app = make_app(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "degraded"
    assert response.json["redis"]["reachable"] is False
    assert response.json["database"]["reachable"] is True


def test_worker_py_names_the_queues_it_takes_when_given_one_it_does_not():
    result = subprocess.run(
        [sys.executable, str(ROOT / "worker.py"), "--queues", "urgent,emails"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert "--queues takes some of urgent, email, bulk, scan; not emails" in result.stderr
