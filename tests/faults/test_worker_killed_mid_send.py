"""A worker SIGKILLed while SendGrid holds a campaign batch: real worker.py processes on a committed
PostgreSQL database and an embedded Redis, against the fake SendGrid, which records what it accepted.

The kill lands with two batches marked "sending": the first SendGrid accepted (it holds the request, so the
worker never hears back), the second never left the worker. Then either SendGrid's signed events settle them
(each person gets it exactly once), or, without the event webhook, the organiser sends only to those who
certainly did not get it (nobody gets it twice; the second batch's people miss out, as the page said)."""

from __future__ import annotations

import re
import signal
import time
from collections import Counter

import pytest
from sqlalchemy import delete, select

from campaign import create_app
from campaign.embedded import EmbeddedRedis
from campaign.extensions import db
from campaign.models import BatchState, Campaign, CampaignBatch, CampaignState, Email, Role
from campaign.services.outreach import campaigns as outreach
from tests.conftest import (
    SENDGRID_API_KEY,
    FormClient,
    form_values,
    migrated_database,
)
from tests.factories import PASSWORD, add_signers, make_petition, make_user
from tests.functional.test_background_work import _background_environ, _kill_group, _output, _spawn
from tests.support.fake_sendgrid import FakeSendGrid, public_key_text, signed_post, webhook_key
from tests.support.waiting import wait_for

pytestmark = pytest.mark.faults

PEOPLE, BATCH = 40, 10


@pytest.fixture(scope="module")
def committed_database(postgres_admin_url, tmp_path_factory):
    return migrated_database(
        postgres_admin_url, "campaign_test_killed_send", tmp_path_factory.mktemp("migrate")
    )


def _campaign(app, tag: str) -> tuple[int, str, str]:
    """A campaign of PEOPLE signers, started: (its id, its ref, its organiser's email)."""
    with app.app_context(), app.test_request_context():
        organiser = make_user(role=Role.ORGANISER, email=f"org-{tag}@example.org")
        petition = make_petition()
        add_signers(petition.id, PEOPLE, prefix=tag)
        db.session.commit()
        campaign = outreach.save_draft(
            organiser,
            outreach.Draft(
                subject=f"News {tag}", preheader="", body="Hello", audience={"petitions": [petition.id]}
            ),
        )
        outreach.start(organiser, campaign)
        return campaign.id, campaign.ref, organiser.email


def _batches(app, campaign_id: int) -> dict[int, str]:
    with app.app_context():
        rows = db.session.execute(
            select(CampaignBatch.number, CampaignBatch.state).where(CampaignBatch.campaign_id == campaign_id)
        ).all()
        db.session.remove()
    return dict(rows)


def _state(app, campaign_id: int) -> str:
    with app.app_context():
        state = db.session.scalar(select(Campaign.state).where(Campaign.id == campaign_id))
        db.session.remove()
    return state


def _received(sendgrid: FakeSendGrid, campaign_id: int) -> Counter:
    return Counter(
        m["to"] for m in sendgrid.messages() if m["custom_args"].get("campaign_id") == str(campaign_id)
    )


def _kill_mid_send(app, environ, sendgrid, campaign_id) -> list[str]:
    """Run a worker until SendGrid holds the campaign's first batch and the second is claimed too, then
    SIGKILL it. Returns who was in the batch SendGrid accepted."""
    sendgrid.hold_next(accept=True)
    # Never reconciled while it runs: the kill, not the dispatcher, is what leaves the batches behind.
    worker = _spawn(("--processes", "1"), {**environ, "BATCH_STALE_SECONDS": "3600"})
    try:
        wait_for(sendgrid.holding.is_set, 60, "SendGrid to be holding the first batch")
        wait_for(
            lambda: list(_batches(app, campaign_id).values()).count(BatchState.SENDING) == 2,
            30,
            "the second batch to be claimed",
        )
    finally:
        _kill_group(worker, signal.SIGKILL)
        worker.wait(20)
    sendgrid.release()
    batches = _batches(app, campaign_id)
    assert (batches[1], batches[2]) == (BatchState.SENDING, BatchState.SENDING), batches
    return list(_received(sendgrid, campaign_id))


def _report(case: str, sendgrid, campaign_id: int, injected: str) -> Counter:
    received = _received(sendgrid, campaign_id)
    copies = Counter(received.values())
    never = PEOPLE - len(received)
    print(
        f"\n[{case}] injected: {injected}\n[{case}] recipients {PEOPLE} in {PEOPLE // BATCH} batches of {BATCH}: "
        f"received once {copies[1]}, twice {copies[2]}, never {never}"
    )
    return copies


@pytest.fixture
def background(committed_database, tmp_path):
    """An app on the committed database, a Redis of its own, the fake SendGrid, and the processes started."""
    redis = EmbeddedRedis(tmp_path / "redis").start()
    processes = []
    with FakeSendGrid() as sendgrid:

        def build(**settings):
            environ = _background_environ(
                committed_database,
                redis.url,
                tmp_path,
                MAIL_BACKEND="sendgrid",
                SENDGRID_API_KEY=SENDGRID_API_KEY,
                SENDGRID_API_HOST=sendgrid.url,
                CAMPAIGN_BATCH_SIZE=str(BATCH),
                CAMPAIGN_SEND_CONCURRENCY="1",
                CAMPAIGN_DISPATCH_INTERVAL="1",
                **settings,
            )
            app = create_app(environ=environ)
            with app.app_context():
                db.session.execute(delete(Email))
                db.session.commit()
            return app, environ

        def start(environ, *args, **settings):
            process = _spawn(args, {**environ, **settings})
            processes.append(process)
            return process

        yield sendgrid, build, start
        for process in processes:
            _kill_group(process, signal.SIGTERM)
        logs = [_output(process) for process in processes]
    redis.stop()
    assert not any("Traceback" in log for log in logs), "\n".join(log[-3000:] for log in logs)


def _settle(environ, start):
    """Workers come back, reconciling at once what the dead one left."""
    start(environ, "--processes", "1", BATCH_STALE_SECONDS="0", BATCH_RECONCILE_SECONDS="0")
    start(environ, "--cron", BATCH_STALE_SECONDS="0", BATCH_RECONCILE_SECONDS="0")


def test_with_the_event_webhook_signed_events_settle_the_killed_batches_and_each_person_gets_it_once(
    background,
):
    sendgrid, build, start = background
    key = webhook_key()
    app, environ = build(SENDGRID_WEBHOOK_PUBLIC_KEY=public_key_text(key))
    campaign_id, _ref, organiser_email = _campaign(app, f"hook{time.monotonic_ns()}")
    accepted = _kill_mid_send(app, environ, sendgrid, campaign_id)
    assert len(accepted) == BATCH

    with app.app_context():
        campaign = db.session.get(Campaign, campaign_id)
        organiser = campaign.created_by
        outreach.pause(organiser, campaign, "Paused by the organiser after the worker died")
    # SendGrid reports the messages it took, signed, as its Event Webhook posts them.
    events = [e for e in sendgrid.events("processed") if e.get("campaign_id") == str(campaign_id)]
    body, headers = signed_post(key, events)
    answer = app.test_client().post(
        "/webhooks/sendgrid", data=body, headers=headers, content_type="application/json"
    )
    assert answer.status_code == 200, answer.text
    with app.app_context():
        campaign = db.session.get(Campaign, campaign_id)
        outreach.resume(campaign.created_by, campaign, expected_uncertain=0)  # nothing is uncertain
    _settle(environ, start)
    wait_for(lambda: _state(app, campaign_id) == CampaignState.FINISHED, 90, "the campaign to finish")

    copies = _report(
        "webhook",
        sendgrid,
        campaign_id,
        f"SIGKILL with batch 1 accepted by SendGrid (unanswered) and batch 2 claimed but never sent; "
        f"{len(events)} signed processed events posted for batch 1",
    )
    assert copies == {1: PEOPLE}
    assert set(_batches(app, campaign_id).values()) == {BatchState.ACCEPTED}
    assert organiser_email


def test_without_the_webhook_sending_only_to_those_who_certainly_did_not_get_it_sends_nobody_twice(
    background,
):
    sendgrid, build, start = background
    app, environ = build()
    campaign_id, ref, organiser_email = _campaign(app, f"nohook{time.monotonic_ns()}")
    _kill_mid_send(app, environ, sendgrid, campaign_id)
    _settle(environ, start)
    wait_for(lambda: _state(app, campaign_id) == CampaignState.PAUSED, 60, "the campaign to pause itself")

    organiser = FormClient(app.test_client())
    assert organiser.sign_in(organiser_email, PASSWORD).status_code == 302
    page = organiser.get(f"/outreach/{ref}").text
    assert "2 batches (20 people): SendGrid may or may not have them" in page
    shown = form_values(page, "csrf_token", "people")
    assert shown["people"] == "20"
    skipped = re.search(r"uncertain batches are skipped; (\d+) people may miss out", page).group(1)
    answer = organiser.post(f"/outreach/{ref}/uncertain", data={**shown, "choice": "skip"})
    assert answer.status_code == 302, answer.text
    wait_for(lambda: _state(app, campaign_id) == CampaignState.FINISHED, 90, "the campaign to finish")

    copies = _report(
        "no webhook",
        sendgrid,
        campaign_id,
        f"SIGKILL with batch 1 accepted by SendGrid (unanswered) and batch 2 claimed but never sent; no events; "
        f"organiser chose to skip the uncertain batches ({skipped} people, as the page said)",
    )
    assert copies[2] == 0 and not any(n > 1 for n in copies)
    # Batch 1's people have it from before the kill; batch 2's were skipped, so they miss out: 10.
    assert (copies[1], PEOPLE - copies[1]) == (PEOPLE - BATCH, BATCH)
    batches = _batches(app, campaign_id)
    assert [batches[n] for n in sorted(batches)] == [
        BatchState.CANCELLED,
        BatchState.CANCELLED,
        BatchState.ACCEPTED,
        BatchState.ACCEPTED,
    ]
    assert int(skipped) == 2 * BATCH
