"""Redis stopped in the middle of a burst of signatures, with the web app, the worker pool and the
scheduler running throughout: nothing is lost, nobody is emailed twice, and nothing needs a restart."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from sqlalchemy import func, select
from werkzeug.middleware.proxy_fix import ProxyFix

from campaign.extensions import db
from campaign.models import (
    BatchState,
    Campaign,
    CampaignBatch,
    Email,
    EmailState,
    OutboxMessage,
    Role,
    Signature,
)
from campaign.services.outreach import campaigns as outreach
from tests.conftest import SENDGRID_API_KEY, form_values
from tests.factories import add_signers, make_petition, make_user
from tests.faults.conftest import _output, _said, counting_logs, report
from tests.support.fake_sendgrid import FakeSendGrid
from tests.support.waiting import wait_for

pytestmark = pytest.mark.faults

SUBMITS = 300
CLIENTS = 8
STOP_AFTER = 100  # answered submits before Redis is stopped
HOLD_FROM = 200  # submits from here on wait until Redis is back, so some arrive after it


def _signer(i: int) -> dict:
    return {
        "name": f"Signer {i}",
        "email": f"burst{i}@example.org",
        "location": "uk",
        "postcode": "sw1a1aa",
        "opt_in": "y",
    }


def _scalar(app, query):
    with app.app_context():
        value = db.session.scalar(query)
        db.session.remove()
    return value


@pytest.mark.parametrize("how", ["stopped", "killed"])
def test_redis_stopped_during_a_burst_of_signatures(fault_stack, how):
    stack = fault_stack()
    app = stack.app
    with app.app_context():
        petition = make_petition()
        slug, petition_id = petition.slug, petition.id
        db.session.remove()
    worker, scheduler = stack.start(), stack.start("--cron")

    statuses: Counter[int | str] = Counter()
    answered = 0
    lock = threading.Lock()
    redis_back = threading.Event()
    sessions = threading.local()

    def submit(i: int) -> None:
        nonlocal answered
        if i >= HOLD_FROM:
            redis_back.wait(120)
        if not hasattr(sessions, "http"):
            sessions.http = requests.Session()
            page = sessions.http.get(f"{url}/petitions/{slug}/sign", timeout=60)
            sessions.token = form_values(page.text, "csrf_token")["csrf_token"]
        try:
            response = sessions.http.post(
                f"{url}/petitions/{slug}/sign",
                data={"csrf_token": sessions.token, **_signer(i)},
                # Each signer from an address of their own, as behind a proxy: the burst is many people,
                # not one address over the per-address ceiling.
                headers={"X-Forwarded-For": f"10.{i // 200}.{i % 200}.7"},
                allow_redirects=False,
                timeout=60,
            )
            outcome: int | str = response.status_code
            if outcome == 302 and "/check-email" not in response.headers.get("Location", ""):
                outcome = "302 elsewhere"
        except requests.RequestException as error:
            outcome = type(error).__name__
        with lock:
            statuses[outcome] += 1
            answered += 1

    # The app behind one proxy hop, which says who the signer is (PROXY_HOPS=1 in production).
    with (
        counting_logs("campaign", "flask-limiter") as warnings,
        stack.serve(ProxyFix(app.wsgi_app, x_for=1)) as url,
        ThreadPoolExecutor(CLIENTS) as pool,
    ):
        futures = [pool.submit(submit, i) for i in range(SUBMITS)]
        wait_for(lambda: answered >= STOP_AFTER, 120, f"{STOP_AFTER} submits answered")
        stack.take_redis_down(how)  # mid-burst: requests are in flight
        stopped_at = answered
        wait_for(
            lambda: (
                answered >= HOLD_FROM
                and _said(worker, "Redis is unreachable")
                and _said(scheduler, "Redis is unreachable")
            ),
            120,
            "the submits during the outage, and the worker and scheduler to meet it",
        )
        during = answered - stopped_at
        stack.redis.start()  # on the same port
        redis_back.set()
        for future in futures:
            future.result(180)

    stored = _scalar(
        app, select(func.count()).select_from(Signature).where(Signature.petition_id == petition_id)
    )
    addresses = {f"burst{i}@example.org" for i in range(SUBMITS)}

    def confirmations() -> Counter[str]:
        with app.app_context():
            sent = db.session.scalars(
                select(OutboxMessage.to_address).where(OutboxMessage.subject.like("Confirm your signature%"))
            ).all()
            db.session.remove()
        return Counter(address for address in sent if address in addresses)

    wait_for(lambda: sum(confirmations().values()) >= stored, 120, "a confirmation for every signature")
    # Only a pending row is ever sent: once none is pending or being sent, nothing more can arrive.
    wait_for(
        lambda: (
            _scalar(app, select(func.count()).select_from(Email).where(Email.state != EmailState.SENT)) == 0
        ),
        60,
        "every email to be settled",
    )
    sent = confirmations()
    worker_alive, scheduler_alive = worker.poll() is None, scheduler.poll() is None
    worker_log, scheduler_log = _output(worker), _output(scheduler)
    report(
        f"Redis {how} during a burst of signatures",
        injected=f"Redis {how} after {stopped_at} submits answered, started again on the same port after "
        f"{during} more were answered during the outage (the last {SUBMITS - HOLD_FROM} held until it was back)",
        submits=SUBMITS,
        answers=dict(statuses),
        stored_signatures=stored,
        confirmation_emails_sent=sum(sent.values()),
        addresses_emailed=len(sent),
        addresses_emailed_more_than_once=sum(1 for n in sent.values() if n > 1),
        stored_but_never_emailed=stored - len(sent),
        enqueues_left_for_the_sweeper=sum("left for the sweeper" in w for w in warnings),
        signing_rate_limits_unchecked=sum("Signing rate limits unavailable" in w for w in warnings),
        limiter_errors_swallowed=sum(w.startswith("flask-limiter") for w in warnings),
        worker_and_scheduler_still_running=(worker_alive, scheduler_alive),
    )
    assert statuses == {302: SUBMITS}, statuses  # every submit answered "check your email", no 500
    assert stored == SUBMITS
    assert any("left for the sweeper" in w for w in warnings), "the outage never met an enqueue"
    assert set(sent) == addresses and set(sent.values()) == {1}, "each signer emailed exactly once"
    assert worker_alive and scheduler_alive, "a background process ended with Redis"
    for log in (worker_log, scheduler_log):
        assert "Redis is back after" in log, log[-3000:]
        assert "Traceback" not in log, log[-3000:]


RECIPIENTS = 240
BATCH = 10


@pytest.mark.parametrize("how", ["stopped", "killed"])
def test_redis_stopped_during_a_bulk_email_send(fault_stack, how):
    """A campaign going out in batches, Redis stopped once some have gone: the rest go after it returns,
    each recipient once, with the worker pool and the scheduler (which dispatches batches) never restarted."""
    with FakeSendGrid(delay=0.2) as sendgrid:
        stack = fault_stack(
            MAIL_BACKEND="sendgrid",
            SENDGRID_API_KEY=SENDGRID_API_KEY,
            SENDGRID_API_HOST=sendgrid.url,
            CAMPAIGN_BATCH_SIZE=str(BATCH),
            CAMPAIGN_BATCHES_PER_JOB="1",
            CAMPAIGN_DISPATCH_INTERVAL="1",
        )
        app = stack.app
        worker, scheduler = stack.start(), stack.start("--cron")
        with app.app_context():
            organiser = make_user(role=Role.ORGANISER, email=f"org{time.monotonic_ns()}@example.org")
            petition = make_petition()
            add_signers(petition.id, RECIPIENTS, prefix="reader", region=None)
            db.session.commit()
            draft = outreach.Draft(
                subject="News",
                preheader="",
                body="Dear {{ first_name }}, thank you.",
                audience={"petitions": [petition.id]},
            )
            campaign = outreach.save_draft(organiser, draft)
            assert outreach.start(organiser, campaign) == RECIPIENTS
            campaign_id = campaign.id
            db.session.remove()

        wait_for(lambda: len(sendgrid.accepted) >= 3, 60, "the first batches to go")
        stack.take_redis_down(how)
        gone_before = len(sendgrid.recipients())
        wait_for(
            lambda: _said(worker, "Redis is unreachable") and _said(scheduler, "Redis is unreachable"),
            30,
            "the worker and scheduler to meet the outage",
        )
        gone_during = len(sendgrid.recipients()) - gone_before
        stack.redis.start()

        def states() -> Counter[str]:
            with app.app_context():
                found = Counter(
                    db.session.scalars(
                        select(CampaignBatch.state).where(CampaignBatch.campaign_id == campaign_id)
                    ).all()
                )
                db.session.remove()
            return found

        wait_for(lambda: set(states()) == {BatchState.ACCEPTED}, 120, "every batch to be accepted")
        campaign_state = _scalar(app, select(Campaign.state).where(Campaign.id == campaign_id))
        sent = Counter(sendgrid.recipients())
        worker_alive, scheduler_alive = worker.poll() is None, scheduler.poll() is None
        worker_log, scheduler_log = _output(worker), _output(scheduler)
    report(
        f"Redis {how} during a bulk email send",
        injected=f"Redis {how} once {gone_before} of {RECIPIENTS} recipients had gone (batches of "
        f"{BATCH}, 0.2 s each at SendGrid), started again once the worker and scheduler had met the outage "
        f"({gone_during} more went meanwhile)",
        batches=dict(states()),
        sendgrid_requests=len(sendgrid.accepted),
        recipients_sent=sum(sent.values()),
        recipients_lost=RECIPIENTS - len(sent),
        recipients_sent_twice=sum(1 for n in sent.values() if n > 1),
        campaign_state=campaign_state,
        worker_and_scheduler_still_running=(worker_alive, scheduler_alive),
    )
    assert sorted(sent) == sorted(f"reader{i}@example.org" for i in range(RECIPIENTS))
    assert set(sent.values()) == {1}, "someone was sent the campaign twice"
    assert len(sendgrid.accepted) == RECIPIENTS // BATCH
    wait_for(
        lambda: _scalar(app, select(Campaign.state).where(Campaign.id == campaign_id)) == "finished",
        30,
        "the campaign to finish",
    )
    assert worker_alive and scheduler_alive
    for log in (worker_log, scheduler_log):
        assert "Redis is back after" in log, log[-3000:]
        assert "Traceback" not in log, log[-3000:]


def test_a_signature_while_redis_hangs_is_answered_and_stored(fault_stack):
    """Redis frozen (SIGSTOP: it accepts connections and never answers, as a hung server or a network
    that drops packets does), not stopped: each Redis call can only end by its socket timeout."""
    stack = fault_stack()
    with stack.app.app_context():
        petition = make_petition()
        slug, petition_id = petition.slug, petition.id
        db.session.remove()
    with stack.serve() as url:
        http = requests.Session()
        token = form_values(http.get(f"{url}/petitions/{slug}/sign", timeout=30).text, "csrf_token")
        os.kill(stack.redis.process.pid, signal.SIGSTOP)
        try:
            # Far longer than the Redis calls a signature makes, each bounded by its socket timeout, take.
            response = http.post(
                f"{url}/petitions/{slug}/sign",
                data={**token, **_signer(0)},
                allow_redirects=False,
                timeout=40,
            )
        finally:
            os.kill(stack.redis.process.pid, signal.SIGCONT)
    stored = _scalar(
        stack.app, select(func.count()).select_from(Signature).where(Signature.petition_id == petition_id)
    )
    report(
        "a signature while Redis hangs",
        injected="Redis SIGSTOPped for one sign POST",
        answer=response.status_code,
        stored=stored,
    )
    assert response.status_code == 302 and stored == 1
