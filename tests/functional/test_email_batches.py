"""Transactional emails waiting together go to SendGrid in one request, each recipient receiving exactly
their own message, and each message sent once: through transient and permanent failures, a timeout, and a
worker killed mid-request (reconciled from SendGrid's signed delivery events)."""

import os
import re
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from flask_migrate import upgrade
from rq.job import Job
from sqlalchemy import make_url, select, update

from campaign import create_app
from campaign.extensions import db
from campaign.models import Email, EmailState, Signature, SignatureState, utcnow
from campaign.queue import _waiting_key, get_queues, get_redis, queued_jobs
from campaign.services.emails import email_job_id, queue_email, sweep_pending_emails
from campaign.services.petitions.milestones import email_signers_about_milestone
from tests.conftest import SENDGRID_API_KEY, FormClient
from tests.factories import make_petition
from tests.support.fake_sendgrid import public_key_text, signed_post, webhook_key
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
WEBHOOK = "/webhooks/sendgrid"
SIGNERS = [
    ("Mary Example", "mary@example.org"),
    ("Zoë O'Brien & <Sons>", "Zoe.OBrien+petitions@Example.org"),
    ("Kwame Mensah", "kwame@example.net"),
    ("Ann Lee", "ann.lee@example.com"),
]


@pytest.fixture(scope="module")
def signing_key():
    return webhook_key()


def _sign_up(app, slug: str, signers=SIGNERS) -> None:
    """Each signer signs the petition through the form, as a browser would (CSRF token and all)."""
    client = FormClient(app.test_client())
    for name, email in signers:
        response = client.submit(
            f"/petitions/{slug}/sign",
            {"name": name, "email": email, "location": "uk", "postcode": "sw1a1aa"},
        )
        assert response.status_code == 302, response.text[:500]


def _emails(app, kind: str | None = None) -> list[Email]:
    with app.app_context():
        query = select(Email).order_by(Email.id)
        if kind:
            query = query.where(Email.kind == kind)
        rows = db.session.scalars(query).all()
        db.session.expunge_all()
        return rows


def _job_results(app, emails) -> list:
    """What each email's own job returned; None where no job was enqueued for it."""
    redis = get_redis(app)
    jobs = [Job.fetch(email_job_id(e.id), connection=redis) if _exists(e, redis) else None for e in emails]
    return [job.latest_result().return_value if job else None for job in jobs]


def _exists(email, redis) -> bool:
    return Job.exists(email_job_id(email.id), connection=redis)


def _queue_resets(app, addresses, **context) -> list[int]:
    with app.app_context():
        ids = [
            queue_email(
                "password_reset",
                to,
                "Reset your password",
                name=context.get("name", to.split("@")[0]),
                link=f"http://localhost/reset-password/{i}",
                minutes=60,
            ).id
            for i, to in enumerate(addresses)
        ]
        db.session.commit()
        return ids


def _as_received(messages) -> dict:
    return {m["to"]: m for m in messages}


# One request, each recipient's own message


def test_confirmation_emails_waiting_together_go_in_one_request_each_with_its_own_message(
    sendgrid_app, sendgrid, run_jobs
):
    with sendgrid_app.app_context():
        slug = make_petition(title="Keep families together & <safe>").slug
    _sign_up(sendgrid_app, slug)
    assert sendgrid.requests == []

    run_jobs(sendgrid_app)

    [request] = sendgrid.requests
    body = request.json()
    assert len(body["personalizations"]) == len(SIGNERS)
    assert body["categories"] == ["signature_confirmation"]
    received = _as_received(sendgrid.messages())
    emails = _emails(sendgrid_app)
    assert len(emails) == len(SIGNERS) and {e.kind for e in emails} == {"signature_confirmation"}
    links = set()
    for email, (name, address) in zip(emails, SIGNERS, strict=True):
        message = received[address]
        # Exactly what this recipient would have received alone: their subject, bodies, link and ids.
        assert (
            message["subject"] == email.subject == "Confirm your signature: Keep families together & <safe>"
        )
        assert message["text"] == email.text_body and message["html"] == email.html_body
        assert message["custom_args"] == {"email_id": email.public_id, "kind": "signature_confirmation"}
        assert message["headers"] == {}
        assert f"Hello {name}," in message["text"]
        link = re.search(r"http://localhost(/signatures/confirm/\S+)", message["text"]).group(1)
        assert f'href="http://localhost{link}"' in message["html"]
        links.add(link)
        assert email.state == EmailState.SENT and email.attempts == 1
        assert email.provider_message_id == "sg-msg-1"
    assert len(links) == len(SIGNERS)
    assert "Zoë O&#39;Brien &amp; &lt;Sons&gt;" in received[SIGNERS[1][1]]["html"]
    # One job sent them all; while it waited, the others' emails enqueued no job of their own.
    assert _job_results(sendgrid_app, emails) == ["sent"] + [None] * (len(SIGNERS) - 1)

    # Each link confirms its own recipient's signature.
    browser = FormClient(sendgrid_app.test_client())
    path = re.search(r"http://localhost(/signatures/confirm/\S+)", received["kwame@example.net"]["text"])
    assert "Thank you for signing" in browser.submit(path.group(1), {}).text
    with sendgrid_app.app_context():
        confirmed = db.session.scalars(
            select(Signature.email).where(Signature.state == SignatureState.VALIDATED)
        ).all()
        assert confirmed == ["kwame@example.net"]


def test_each_recipient_of_a_batch_keeps_their_own_unsubscribe_headers(sendgrid_app, sendgrid, run_jobs):
    with sendgrid_app.app_context():
        petition = make_petition()
        for i in range(3):
            db.session.add(
                Signature(
                    petition_id=petition.id,
                    name=f"Signer {i}",
                    email=f"s{i}@example.org",
                    email_key=f"s{i}@example.org",
                    email_domain="example.org",
                    state=SignatureState.VALIDATED,
                    opt_in=True,
                    validated_at=utcnow(),
                )
            )
        db.session.commit()
        assert email_signers_about_milestone(petition.id, 1000) == 3
    run_jobs(sendgrid_app)

    assert len(sendgrid.requests) == 1
    received = _as_received(sendgrid.messages())
    unsubscribe_links = set()
    for email in _emails(sendgrid_app, "milestone_signer"):
        message = received[email.to_address]
        assert message["headers"] == email.headers
        assert message["text"] == email.text_body and message["html"] == email.html_body
        link = email.headers["List-Unsubscribe"].strip("<>")
        assert link in message["text"]
        unsubscribe_links.add(link)
        assert email.state == EmailState.SENT
    assert len(unsubscribe_links) == 3


def test_the_outbox_stores_each_recipient_of_a_batch_their_own_message(app, run_jobs, outbox):
    with app.app_context():
        slug = make_petition().slug
    _sign_up(app, slug)
    run_jobs()

    emails = _emails(app)
    assert _job_results(app, emails) == ["sent"] + [None] * (len(SIGNERS) - 1)
    stored = outbox()
    assert len(stored) == len(SIGNERS)
    by_address = {m.to_address: m for m in stored}
    for email in emails:
        message = by_address[email.to_address]
        assert (message.subject, message.text_body, message.html_body) == (
            email.subject,
            email.text_body,
            email.html_body,
        )
        assert message.from_address == app.config["MAIL_FROM"]
        assert email.state == EmailState.SENT


def test_an_email_too_big_for_a_batch_goes_alone(sendgrid_app, sendgrid, run_jobs):
    small = _queue_resets(sendgrid_app, ["a@example.org", "b@example.org"])
    with sendgrid_app.app_context():
        # Over SendGrid's 10,000 bytes of substitutions for one recipient.
        big = queue_email(
            "password_reset", "big@example.org", "Reset", name="N" * 6000, link="http://x/r", minutes=60
        ).id
        db.session.commit()
    run_jobs(sendgrid_app)

    assert len(sendgrid.accepted) == 2
    together, alone = sendgrid.accepted
    assert [p["to"][0]["email"] for p in together["personalizations"]] == ["a@example.org", "b@example.org"]
    assert alone["personalizations"][0]["to"] == [{"email": "big@example.org"}]
    assert "substitutions" not in alone["personalizations"][0] and "N" * 6000 in alone["content"][0]["value"]
    received = _as_received(sendgrid.messages())
    for email in _emails(sendgrid_app):
        assert received[email.to_address]["text"] == email.text_body
        assert email.state == EmailState.SENT and email.attempts == 1
    assert sorted(sendgrid.recipients()) == ["a@example.org", "b@example.org", "big@example.org"]
    assert {e.id for e in _emails(sendgrid_app)} == {*small, big}


def test_two_emails_to_one_address_never_share_a_request(sendgrid_app, sendgrid, run_jobs):
    _queue_resets(sendgrid_app, ["a@example.org", "A@example.org", "b@example.org"])
    run_jobs(sendgrid_app)
    assert [len(body["personalizations"]) for body in sendgrid.accepted] == [2, 1]
    assert all(e.state == EmailState.SENT for e in _emails(sendgrid_app))


# Failures


def test_a_transient_failure_puts_the_whole_batch_back_and_the_retry_sends_each_once(
    sendgrid_app, sendgrid, run_jobs
):
    from tests.support.fake_http import FakeResponse

    sendgrid.queue(FakeResponse(503, b'{"errors":[{"message":"try later"}]}'))
    addresses = ["a@example.org", "b@example.org", "c@example.org"]
    _queue_resets(sendgrid_app, addresses)
    run_jobs(sendgrid_app)  # the first job's request fails; RQ retries it (no wait in the tests)

    assert [len(r.json()["personalizations"]) for r in sendgrid.requests] == [3, 3]
    assert sorted(sendgrid.recipients()) == addresses  # each accepted once
    for email in _emails(sendgrid_app):
        assert email.state == EmailState.SENT and email.attempts == 2 and email.last_error == ""


def test_a_batch_out_of_attempts_fails_together(make_sendgrid_app, sendgrid, run_jobs):
    from tests.support.fake_http import FakeResponse

    app = make_sendgrid_app(EMAIL_MAX_ATTEMPTS="1")
    sendgrid.queue(FakeResponse(503, b'{"errors":[{"message":"try later"}]}'))
    emails = _queue_resets(app, ["a@example.org", "b@example.org"])
    run_jobs(app)
    assert len(sendgrid.requests) == 1
    assert [(e.state, e.attempts) for e in _emails(app)] == [(EmailState.FAILED, 1)] * 2
    assert "503" in _emails(app)[0].last_error and len(emails) == 2


def test_a_refused_batch_is_sent_one_by_one_and_only_the_bad_address_fails(sendgrid_app, sendgrid, run_jobs):
    _queue_resets(sendgrid_app, ["a@example.org", "not-an-address", "c@example.org"])
    run_jobs(sendgrid_app)

    # The batch (400: SendGrid refuses the whole request), then each alone.
    assert [len(r.json()["personalizations"]) for r in sendgrid.requests] == [3, 1, 1, 1]
    assert sorted(sendgrid.recipients()) == ["a@example.org", "c@example.org"]
    good_a, bad, good_c = _emails(sendgrid_app)
    assert bad.state == EmailState.FAILED and "400" in bad.last_error and "valid email" in bad.last_error
    assert good_a.state == good_c.state == EmailState.SENT
    assert {good_a.provider_message_id, good_c.provider_message_id} == {"sg-msg-1", "sg-msg-2"}


def test_suppressed_addresses_are_left_out_of_a_batch(sendgrid_app, sendgrid, run_jobs):
    from campaign.models import Suppression

    with sendgrid_app.app_context():
        db.session.add(Suppression(email_key="b@example.org", reason="bounced"))
        db.session.commit()
    _queue_resets(sendgrid_app, ["a@example.org", "B+x@example.org", "c@example.org"])
    run_jobs(sendgrid_app)
    assert sendgrid.recipients() == ["a@example.org", "c@example.org"]
    states = [(e.state, e.last_error) for e in _emails(sendgrid_app)]
    assert states[1] == (EmailState.FAILED, "suppressed: bounced")


# No answer: reconciled from SendGrid's delivery events


def test_a_batch_that_timed_out_is_settled_by_sendgrids_events_not_sent_again(
    make_sendgrid_app, sendgrid, run_jobs, signing_key
):
    app = make_sendgrid_app(SENDGRID_TIMEOUT="1", SENDGRID_WEBHOOK_PUBLIC_KEY=public_key_text(signing_key))
    addresses = ["a@example.org", "b@example.org", "c@example.org"]
    _queue_resets(app, addresses)
    sendgrid.hold_next(accept=True)  # SendGrid takes it, and the answer never comes back
    run_jobs(app)
    assert [e.state for e in _emails(app)] == ["sending"] * 3
    assert all(e.last_error.startswith("outcome unknown") for e in _emails(app))
    with app.app_context():
        assert sweep_pending_emails() == 0  # not sent again while SendGrid may report it

    body, headers = signed_post(signing_key, sendgrid.events("processed"))
    response = app.test_client().post(WEBHOOK, data=body, headers=headers, content_type="application/json")
    assert response.status_code == 200 and response.json["stored"] == 3
    run_jobs(app)  # processes the events

    assert [e.state for e in _emails(app)] == [EmailState.SENT] * 3
    assert sorted(sendgrid.recipients()) == addresses and len(sendgrid.requests) == 1


def test_without_sendgrids_events_a_timed_out_email_is_sent_again(make_sendgrid_app, sendgrid, run_jobs):
    app = make_sendgrid_app(SENDGRID_TIMEOUT="1")  # no webhook key: nothing could tell, so at-least-once
    _queue_resets(app, ["a@example.org", "b@example.org"])
    sendgrid.hold_next(accept=True)
    run_jobs(app)
    assert [e.state for e in _emails(app)] == [EmailState.SENT] * 2
    assert len(sendgrid.accepted) == 2  # the first copy, and the retry's


# A worker killed mid-request, in a real worker process


@pytest.fixture(params=["sqlite", "postgresql"])
def committed_database(request, tmp_path):
    """A database the worker process can see: committed, unlike the per-test transaction of ``make_app``."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'batches.db'}"
        return
    admin = make_url(request.getfixturevalue("postgres_admin_url"))
    name = f"campaign_batches_{os.getpid()}"
    conninfo = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield admin.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def worker_app(committed_database, redis_server, sendgrid, signing_key, tmp_path):
    environ = {
        "APP_ENV": "development",
        "SECRET_KEY": "s" * 40,
        "DATABASE_URL": committed_database,
        "REDIS_URL": redis_server,
        "INSTANCE_PATH": str(tmp_path),
        "QUEUE_NAME": f"batch-test-{os.getpid()}",
        "MAIL_BACKEND": "sendgrid",
        "SENDGRID_API_KEY": SENDGRID_API_KEY,
        "SENDGRID_API_HOST": sendgrid.url,
        "SENDGRID_TIMEOUT": "60",  # the request stays out until the worker is killed
        "SENDGRID_WEBHOOK_PUBLIC_KEY": public_key_text(signing_key),
        "MAIL_FROM": "Support Not Separation <hello@example.org>",
        "JOB_RETRY_INTERVALS": "0",
        "SWEEP_GRACE_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }
    app = create_app(environ=environ)
    app.environ = environ
    get_redis(app).flushdb()
    with app.app_context():
        upgrade()
    yield app
    get_redis(app).flushdb()
    with app.app_context():
        db.engine.dispose()


def _worker(app, tmp_path, name: str, burst: bool = True) -> subprocess.Popen:
    log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [sys.executable, str(ROOT / "worker.py"), *(["--burst"] if burst else [])],
        env={**os.environ, **app.environ},
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        start_new_session=True,  # its own process group, killed whole
    )


def _run_worker(app, tmp_path, name: str) -> None:
    process = _worker(app, tmp_path, name)
    assert process.wait(timeout=120) == 0, (tmp_path / f"{name}.log").read_text()[-3000:]


def _kill_mid_request(app, sendgrid, tmp_path, accept: bool) -> None:
    """Start a worker, let it claim the batch and send it, and SIGKILL it while SendGrid holds the request
    (having accepted it, or not)."""
    sendgrid.hold_next(accept=accept)
    process = _worker(app, tmp_path, "killed")
    try:
        assert sendgrid.holding.wait(timeout=90), (tmp_path / "killed.log").read_text()[-3000:]
    finally:
        _kill_tree(process.pid)
        process.wait(timeout=30)
    sendgrid.release()


def _kill_tree(pid: int) -> None:
    """SIGKILL a process and every process under it. Its process group is not enough: RQ's forking worker
    puts each job's work horse in a session of its own."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
        children.setdefault(parent, []).append(int(stat.parent.name))
    tree, todo = [], [pid]
    while todo:
        tree.append(todo.pop())
        todo.extend(children.get(tree[-1], []))
    for each in tree:
        try:
            os.kill(each, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _time_passes(app, seconds: int) -> None:
    """As if ``seconds`` had passed since the claim."""
    with app.app_context():
        db.session.execute(
            update(Email)
            .where(Email.state == "sending")
            .values(enqueued_at=utcnow() - timedelta(seconds=seconds))
        )
        db.session.commit()


def _states(app) -> list[str]:
    with app.app_context():
        states = db.session.scalars(select(Email.state).order_by(Email.id)).all()
        db.session.rollback()
        return states


def test_a_batch_of_confirmation_emails_sends_each_message_once_even_when_a_worker_is_killed_mid_request(
    worker_app, sendgrid, signing_key, tmp_path
):
    with worker_app.app_context():
        slug = make_petition().slug
    _sign_up(worker_app, slug)
    addresses = sorted(email for _, email in SIGNERS)

    _kill_mid_request(worker_app, sendgrid, tmp_path, accept=True)
    [batch] = sendgrid.accepted
    assert sorted(p["to"][0]["email"] for p in batch["personalizations"]) == addresses
    assert _states(worker_app) == ["sending"] * len(SIGNERS)

    # Past twice the job timeout the worker is surely gone, but SendGrid may not have reported yet.
    _time_passes(worker_app, 5 * 60)
    with worker_app.app_context():
        assert sweep_pending_emails() == 0
    assert _states(worker_app) == ["sending"] * len(SIGNERS)

    # SendGrid reports what it accepted, through its signed Event Webhook; then the recovery runs.
    body, headers = signed_post(signing_key, sendgrid.events("processed"))
    stored = worker_app.test_client().post(
        WEBHOOK, data=body, headers=headers, content_type="application/json"
    )
    assert stored.status_code == 200 and stored.json["stored"] == len(SIGNERS)
    _time_passes(worker_app, 20 * 60)  # even past the wait: SendGrid had them
    with worker_app.app_context():
        assert sweep_pending_emails() == 0
    _run_worker(worker_app, tmp_path, "after")  # the other emails' jobs, and the events' processing

    assert _states(worker_app) == [EmailState.SENT] * len(SIGNERS)
    assert sorted(sendgrid.recipients()) == addresses  # each message reached SendGrid exactly once
    assert len(sendgrid.accepted) == 1
    with worker_app.app_context():
        assert all("reconciled" in e for e in db.session.scalars(select(Email.last_error)))


def test_a_batch_lost_before_sendgrid_accepted_it_is_sent_again_once(worker_app, sendgrid, tmp_path):
    with worker_app.app_context():
        slug = make_petition().slug
    _sign_up(worker_app, slug)
    addresses = sorted(email for _, email in SIGNERS)

    _kill_mid_request(worker_app, sendgrid, tmp_path, accept=False)
    assert sendgrid.accepted == [] and len(sendgrid.requests) == 1
    assert _states(worker_app) == ["sending"] * len(SIGNERS)

    _time_passes(worker_app, 5 * 60)
    with worker_app.app_context():
        sweep_pending_emails()
    assert _states(worker_app) == ["sending"] * len(SIGNERS)  # SendGrid may yet report them

    _time_passes(worker_app, 20 * 60)  # no report in all that time: SendGrid never had them
    with worker_app.app_context():
        sweep_pending_emails()
    assert _states(worker_app) == [EmailState.PENDING] * len(SIGNERS)
    _run_worker(worker_app, tmp_path, "after")

    assert _states(worker_app) == [EmailState.SENT] * len(SIGNERS)
    assert sorted(sendgrid.recipients()) == addresses and len(sendgrid.accepted) == 1
    with worker_app.app_context():
        assert set(db.session.scalars(select(Email.attempts))) == {2}


def test_two_workers_sending_a_stream_of_emails_send_each_once(worker_app, sendgrid, tmp_path):
    """Two worker processes take the jobs of a stream of emails; however their claims interleave (how much
    they do depends on the machine's speed), each email reaches SendGrid once."""
    sendgrid.delay = 0.2  # each request takes a while, as SendGrid's do: emails pile up meanwhile
    first = [f"early{i}@example.org" for i in range(30)]
    later = [f"late{i}@example.org" for i in range(30)]
    _queue_resets(worker_app, first)
    workers = [_worker(worker_app, tmp_path, f"worker{n}", burst=False) for n in range(2)]
    try:
        deadline = time.monotonic() + 90
        while not sendgrid.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        for address in later:  # more arrive while they work
            _queue_resets(worker_app, [address])
            time.sleep(0.1)
        while _states(worker_app).count(EmailState.SENT) < 60 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        for process in workers:
            _kill_tree(process.pid)
            process.wait(timeout=30)

    assert _states(worker_app) == [EmailState.SENT] * 60, (tmp_path / "worker0.log").read_text()[-3000:]
    assert sorted(sendgrid.recipients()) == sorted(first + later)  # each exactly once
    sizes = [len(body["personalizations"]) for body in sendgrid.accepted]
    assert sizes[0] == 30 and len(sizes) < 31, sizes  # the later ones too went several at a time


def _queue_password_resets(app, addresses) -> None:
    for address in addresses:
        with app.app_context(), app.test_request_context():
            queue_email(
                "password_reset", address, "Reset your password", name="R", link="http://x/r", minutes=5
            )
            db.session.commit()


def test_while_a_send_job_waits_new_emails_of_its_kind_enqueue_none_and_once_it_starts_they_do(
    sendgrid_app, sendgrid, run_jobs
):
    _queue_password_resets(sendgrid_app, ["a@example.org", "b@example.org", "c@example.org"])
    assert queued_jobs(sendgrid_app) == 1  # the first email's job will find the other two
    with sendgrid_app.app_context(), sendgrid_app.test_request_context():
        queue_email(
            "signature_duplicate",
            "d@example.org",
            "Already signed",
            name="D",
            petition={"title": "Support not separation"},
            petition_url="http://x/p",
        )
        db.session.commit()
    assert queued_jobs(sendgrid_app) == 2  # another kind goes in its own request: its own job
    run_jobs(sendgrid_app)
    assert sendgrid.accepted_count == 2
    assert sorted(sendgrid.recipients()) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
        "d@example.org",
    ]
    _queue_password_resets(
        sendgrid_app, ["e@example.org"]
    )  # the job has started (and ended): a new one is needed
    assert queued_jobs(sendgrid_app) == 1
    run_jobs(sendgrid_app)
    assert sendgrid.recipients()[-1] == "e@example.org"
    assert {e.state for e in _emails(sendgrid_app)} == {EmailState.SENT}


def test_a_lost_send_job_holds_nothing_up_for_long(sendgrid_app, sendgrid, run_jobs, monkeypatch):
    monkeypatch.setattr("campaign.queue.WAITING_TTL", 1)
    _queue_password_resets(sendgrid_app, ["a@example.org"])
    for queue in get_queues(sendgrid_app):
        queue.empty()  # the job is lost (Redis lost it; the sweeper would find the email later)
    _queue_password_resets(sendgrid_app, ["b@example.org"])
    assert queued_jobs(sendgrid_app) == 0  # within the mark's life nothing new is enqueued...
    with sendgrid_app.app_context():
        mark = _waiting_key("send-email:password_reset")
    wait_for(lambda: not get_redis(sendgrid_app).exists(mark), 10, "the mark to lapse")
    _queue_password_resets(sendgrid_app, ["c@example.org"])
    assert queued_jobs(sendgrid_app) == 1  # ...after it, the next email's job takes every one waiting
    run_jobs(sendgrid_app)
    assert sorted(sendgrid.recipients()) == ["a@example.org", "b@example.org", "c@example.org"]


def test_a_full_batch_hands_the_rest_on_to_another_job(make_sendgrid_app, sendgrid, run_jobs):
    app = make_sendgrid_app(EMAIL_BATCH_SIZE="2")
    addresses = [f"p{i}@example.org" for i in range(5)]
    _queue_password_resets(app, addresses)
    assert queued_jobs(app) == 1
    run_jobs(app)
    assert sendgrid.accepted_count == 3  # 2 + 2 + 1, each job handing on to the next
    assert sorted(sendgrid.recipients()) == addresses
    assert {e.state for e in _emails(app)} == {EmailState.SENT}


def test_a_refused_batch_sent_one_by_one_hands_the_rest_on_before_the_job_runs_out_of_time(
    make_sendgrid_app, sendgrid, run_jobs
):
    from tests.support.fake_http import FakeResponse

    # Half the job's time, 3 s, for the one-by-one sends of 0.9 s each: room for the job itself to finish
    # well within its timeout on a busy machine, where the suite's other worker shares the cores.
    app = make_sendgrid_app(JOB_TIMEOUT="6")
    addresses = [f"p{i}@example.org" for i in range(8)]
    _queue_password_resets(app, addresses)
    sendgrid.queue(FakeResponse(400, b'{"errors":[{"message":"one bad address"}]}'))
    sendgrid.delay = 0.9
    run_jobs(app)
    # The batch was refused; some went one by one until the time was up; the rest went on to another job,
    # which sent them together. Each was sent once, and none was left "sending".
    assert sorted(sendgrid.recipients()) == addresses
    assert 2 < sendgrid.accepted_count < len(addresses)
    assert {e.state for e in _emails(app)} == {EmailState.SENT}
