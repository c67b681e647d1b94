"""Bulk email: audiences and consent, suppression, unsubscribing, composing, batching against a fake
SendGrid that enforces the real limits, crashes mid-send, retries, pause/resume/cancel, schedules."""

import json
import re
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from campaign.extensions import db
from campaign.models import (
    BatchState,
    Campaign,
    CampaignBatch,
    CampaignRecipient,
    DeliveryEvent,
    ListOptOut,
    Role,
    Signature,
    Suppression,
    User,
    utcnow,
)
from campaign.services.outreach import batch_outcomes
from campaign.services.outreach import campaigns as outreach
from campaign.services.outreach import sending as bulk_sending
from campaign.services.outreach.merge_fields import fallback_key
from campaign.services.outreach.subscriptions import unsubscribe_token
from tests.factories import make_donation, make_petition, make_user
from tests.support.fake_http import FakeResponse


@pytest.fixture
def sendgrid_settings():
    """``sendgrid_app`` sends in batches of 2 here, so a handful of signers makes several."""
    return {"CAMPAIGN_BATCH_SIZE": "2"}


def _signers(petition_id, n, start=0, opt_in=True, region="london", state="validated", domain="example.org"):
    db.session.add_all(
        [
            Signature(
                petition_id=petition_id,
                name=f"Signer{i} Surname",
                email=f"s{i}@{domain}",
                email_key=f"s{i}@{domain}",
                email_domain=domain,
                region=region,
                state=state,
                opt_in=opt_in,
                validated_at=utcnow(),
            )
            for i in range(start, start + n)
        ]
    )
    db.session.commit()


def _campaign(organiser, **audience) -> Campaign:
    return outreach.save_draft(
        organiser,
        outreach.Draft(
            subject='News about {{ petition_title | default("our campaign") }}',
            preheader="What happened next",
            body="Dear {{ first_name }},\n\nThank you. **We did it.**\n\n[Your choices]({{ personal_link }})",
            audience=audience,
        ),
    )


def _organiser():
    return make_user(role=Role.ORGANISER, email=f"org{time.monotonic_ns()}@example.org")


# Audiences and consent


def test_only_opted_in_confirmed_unsuppressed_signers_are_in_the_audience(app, ctx):
    organiser = _organiser()
    a, b = make_petition(), make_petition()
    _signers(a.id, 3)  # s0..s2: opted in, confirmed
    _signers(a.id, 2, start=10, opt_in=False)  # never asked for updates
    _signers(a.id, 2, start=20, state="pending")  # never confirmed
    _signers(b.id, 2, start=0)  # s0, s1 again on another petition: one email each
    _signers(b.id, 1, start=30, region="scotland")
    db.session.add(Suppression(email_key="s1@example.org", reason="bounced"))
    db.session.add(ListOptOut(email_key="s2@example.org", list_key=f"petition:{a.id}"))
    db.session.commit()

    campaign = _campaign(organiser, petitions=[a.id, b.id])
    assert outreach.audience_size(organiser, campaign) == 2  # s0 and s30
    assert outreach.start(organiser, campaign) == 2
    frozen = {
        r.email_key: r.list_key
        for r in db.session.scalars(
            select(CampaignRecipient).where(CampaignRecipient.campaign_id == campaign.id)
        )
    }
    assert frozen == {"s0@example.org": f"petition:{a.id}", "s30@example.org": f"petition:{b.id}"}

    scotland = _campaign(organiser, petitions=[b.id], regions=["scotland"])
    assert outreach.audience_size(organiser, scotland) == 1


def test_members_are_an_audience_and_leaving_coalition_news_removes_them(app, ctx):
    organiser = _organiser()
    make_user(role=Role.MEMBER, email="m1@example.org")
    make_user(role=Role.MEMBER, email="m2@example.org")
    make_user(role=Role.MEMBER, email="gone@example.org", active=False)
    db.session.add(ListOptOut(email_key="m2@example.org", list_key="coalition"))
    db.session.commit()
    campaign = _campaign(organiser, members=True)
    assert outreach.audience_size(organiser, campaign) == 1


def test_donors_who_asked_for_updates_are_an_audience_once_each(app, ctx):
    organiser = _organiser()
    petition = make_petition()
    _signers(petition.id, 1)  # s0, a signer
    make_donation(1000, email="keen@example.org", name="Keen Donor", opt_in=True)
    make_donation(2000, email="Keen@Example.org", name="Keen Donor", opt_in=True, frequency="monthly")
    make_donation(500, email="quiet@example.org", opt_in=False)  # never asked
    make_donation(500, email="bounced@example.org", opt_in=True)
    make_donation(500, email="left@example.org", opt_in=True)
    make_donation(500, email="unpaid@example.org", opt_in=True, state="started", payments=0)
    make_donation(500, email="s0@example.org", opt_in=True)  # already in as a signer
    make_donation(500, email="m1@example.org", opt_in=True)  # already in as a member
    make_user(role=Role.MEMBER, email="m1@example.org")
    db.session.add(Suppression(email_key="bounced@example.org", reason="bounced"))
    db.session.add(ListOptOut(email_key="left@example.org", list_key="coalition"))
    db.session.commit()

    donors_only = _campaign(organiser, donors=True)
    assert outreach.audience_size(organiser, donors_only) == 3  # keen, s0, m1
    everyone = _campaign(organiser, petitions=[petition.id], members=True, donors=True)
    assert outreach.audience_size(organiser, everyone) == 3  # s0, m1, keen
    assert outreach.start(organiser, everyone) == 3
    frozen = {
        r.email_key: r.list_key
        for r in db.session.scalars(
            select(CampaignRecipient).where(CampaignRecipient.campaign_id == everyone.id)
        )
    }
    assert frozen == {
        "s0@example.org": f"petition:{petition.id}",
        "m1@example.org": "coalition",
        "keen@example.org": "coalition",
    }
    assert outreach.start(organiser, donors_only) == 3


def test_an_organiser_chooses_donors_on_the_form(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    form = organiser.get("/outreach/new").text
    assert "Donors who asked for updates" in form
    response = organiser.submit(
        "/outreach/new", {"subject": "Thank you", "body": "Dear {{ first_name }}", "donors": "y"}
    )
    assert response.status_code == 302
    with app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.subject == "Thank you"))
        assert campaign.audience["donors"] is True and campaign.audience["members"] is False
    edit = organiser.get(f"/outreach/{campaign.ref}/edit").text
    assert re.search(r'<input checked id="donors" name="donors"', edit)
    assert not re.search(r'<input checked id="members"', edit)


def test_signing_date_filters_the_audience(app, ctx):
    organiser = _organiser()
    petition = make_petition()
    _signers(petition.id, 2)
    old = db.session.scalar(select(Signature).where(Signature.email == "s0@example.org"))
    old.created_at = utcnow() - timedelta(days=40)
    db.session.commit()
    since = (utcnow() - timedelta(days=7)).isoformat()
    assert (
        outreach.audience_size(organiser, _campaign(organiser, petitions=[petition.id], signed_from=since))
        == 1
    )


# Sending in batches


def test_a_campaign_goes_out_in_batches_the_real_api_would_accept(sendgrid_app, sendgrid, run_jobs):
    with sendgrid_app.app_context():
        organiser = _organiser()
        petition = make_petition(title="Keep families together")
        _signers(petition.id, 5)
        campaign = _campaign(organiser, petitions=[petition.id])
        outreach.start(organiser, campaign)
        batches = db.session.scalars(select(CampaignBatch).order_by(CampaignBatch.number)).all()
        assert [b.size for b in batches] == [2, 2, 1]
    run_jobs(sendgrid_app)  # the dispatch job queued at start hands each batch to its own job
    run_jobs(sendgrid_app)
    assert len(sendgrid.accepted) == 3 and sorted(sendgrid.recipients()) == [
        f"s{i}@example.org" for i in range(5)
    ]
    body = next(
        b
        for b in sendgrid.accepted
        if any(p["to"][0]["email"] == "s0@example.org" for p in b["personalizations"])
    )
    # A field with a fallback of its own is a value of its own: theirs, or the fallback.
    key = "%%" + fallback_key("petition_title", "our campaign") + "%%"
    assert body["subject"] == f"News about {key}"
    first = next(p for p in body["personalizations"] if p["to"][0]["email"] == "s0@example.org")
    assert first["substitutions"][key] == "Keep families together"
    assert first["substitutions"]["%%first_name%%"] == "Signer0"
    assert first["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(r"<http://localhost/unsubscribe/[^>]+>", first["headers"]["List-Unsubscribe"])
    assert set(first["custom_args"]) == {"campaign_id", "batch_id", "recipient_id"}
    assert all(v.isdigit() for v in first["custom_args"].values())  # ids only, never personal data
    text = body["content"][0]["value"]
    assert body["content"][0]["type"] == "text/plain" and "%%unsubscribe_url%%" in text
    assert "%%unsubscribe_url%%" in body["content"][1]["value"]  # a visible link in the HTML too
    with sendgrid_app.app_context():
        campaign = db.session.get(Campaign, campaign.id)
        assert (campaign.state, campaign.accepted, campaign.failed) == ("finished", 5, 0)


def test_a_thousand_and_one_recipients_make_two_requests_within_the_limit(
    make_sendgrid_app, sendgrid, run_jobs
):
    app = make_sendgrid_app()
    with app.app_context():
        organiser = _organiser()
        petition = make_petition()
        _signers(petition.id, 1001)
        # The same people again under different case and +tags: still one email each.
        _signers(make_petition().id, 3, domain="EXAMPLE.org")
        campaign = _campaign(organiser, petitions=[petition.id])
        assert outreach.start(organiser, campaign) == 1001
    run_jobs(app)
    run_jobs(app)
    assert sorted(len(b["personalizations"]) for b in sendgrid.accepted) == [1, 1000]
    assert len(set(sendgrid.recipients())) == 1001


# A worker killed mid-send


class Killed(BaseException):
    """Stands in for the worker process dying: nothing after it runs, nothing is committed."""


def _one_batch_campaign(app, n=2):
    with app.app_context():
        organiser = _organiser()
        petition = make_petition()
        _signers(petition.id, n)
        campaign = _campaign(organiser, petitions=[petition.id])
        outreach.start(organiser, campaign)
        return campaign.id, db.session.scalar(
            select(CampaignBatch.id).where(CampaignBatch.campaign_id == campaign.id)
        )


def test_a_worker_killed_after_sendgrid_accepted_never_sends_twice(make_sendgrid_app, sendgrid, monkeypatch):
    app = make_sendgrid_app(BATCH_STALE_SECONDS="0", BATCH_RECONCILE_SECONDS="0")
    campaign_id, batch_id = _one_batch_campaign(app)

    def die(*args, **kwargs):
        raise Killed

    monkeypatch.setattr(batch_outcomes, "mark_accepted", die)
    with app.app_context(), pytest.raises(Killed):
        bulk_sending.send_batch(batch_id)
    monkeypatch.undo()
    assert len(sendgrid.accepted) == 1
    with app.app_context():
        db.session.rollback()
        assert db.session.get(CampaignBatch, batch_id).state == BatchState.SENDING
        # SendGrid reports it processed the batch's messages...
        db.session.add(
            DeliveryEvent(event_id="ev-1", event="processed", campaign_id=campaign_id, batch_id=batch_id)
        )
        db.session.commit()
        bulk_sending.dispatch()
        # ...so the batch is reconciled as accepted and not sent again.
        assert db.session.get(CampaignBatch, batch_id).state == BatchState.ACCEPTED
        assert db.session.get(Campaign, campaign_id).accepted == 2
        bulk_sending.dispatch()
    assert len(sendgrid.accepted) == 1


def _webhook_key() -> str:
    import base64

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    public = ec.generate_private_key(ec.SECP256R1()).public_key()
    return base64.b64encode(
        public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    ).decode()


def test_a_worker_killed_before_sendgrid_had_it_sends_it_once_later(
    make_sendgrid_app, sendgrid, monkeypatch, run_jobs
):
    # With SendGrid's event webhook set up, silence about a batch means SendGrid never had it.
    app = make_sendgrid_app(
        BATCH_STALE_SECONDS="0", BATCH_RECONCILE_SECONDS="0", SENDGRID_WEBHOOK_PUBLIC_KEY=_webhook_key()
    )
    campaign_id, batch_id = _one_batch_campaign(app)

    def die(*args, **kwargs):
        raise Killed

    monkeypatch.setattr(bulk_sending, "request_body", die)
    with app.app_context(), pytest.raises(Killed):
        bulk_sending.send_batch(batch_id)
    monkeypatch.undo()
    assert sendgrid.accepted == []
    with app.app_context():
        db.session.rollback()
        assert bulk_sending.send_batch(batch_id) == "already taken"  # a retried job cannot take it meanwhile
        bulk_sending.dispatch()  # no "processed" event ever came: it goes back to pending and is handed out
    run_jobs(app)
    assert len(sendgrid.accepted) == 1
    with app.app_context():
        assert db.session.get(CampaignBatch, batch_id).state == BatchState.ACCEPTED


def test_without_delivery_events_a_lost_batch_is_never_resent_but_the_campaign_pauses(
    make_sendgrid_app, sendgrid, monkeypatch
):
    app = make_sendgrid_app(BATCH_STALE_SECONDS="0", BATCH_RECONCILE_SECONDS="0")
    campaign_id, batch_id = _one_batch_campaign(app)

    def die(*args, **kwargs):
        raise Killed

    monkeypatch.setattr(batch_outcomes, "mark_accepted", die)
    with app.app_context(), pytest.raises(Killed):
        bulk_sending.send_batch(batch_id)
    monkeypatch.undo()
    with app.app_context():
        db.session.rollback()
        bulk_sending.dispatch()
        assert db.session.get(CampaignBatch, batch_id).state == BatchState.FAILED
        campaign = db.session.get(Campaign, campaign_id)
        assert campaign.state == "paused" and "1 batch (2 people)" in campaign.paused_reason
        assert "outcome is unknown" in campaign.paused_reason
    assert len(sendgrid.accepted) == 1  # never a second copy


def test_a_timeout_after_the_request_went_out_is_not_retried_blindly(sendgrid_app, sendgrid, monkeypatch):
    from campaign.mail import UncertainMailError
    from campaign.mail.sendgrid import SendGridMailer

    campaign_id, batch_id = _one_batch_campaign(sendgrid_app)

    def timed_out(self, body):
        raise UncertainMailError("No answer from SendGrid: timed out")

    monkeypatch.setattr(SendGridMailer, "send_bulk", timed_out)
    with sendgrid_app.app_context():
        assert bulk_sending.send_batch(batch_id) == "outcome unknown"
        assert db.session.get(CampaignBatch, batch_id).state == BatchState.SENDING  # left for reconciliation
        assert bulk_sending.dispatch()["batches"] == 0


def test_someone_who_unsubscribes_during_a_send_is_left_out_of_later_batches(sendgrid_app, sendgrid):
    with sendgrid_app.app_context():
        organiser = _organiser()
        petition = make_petition()
        _signers(petition.id, 4)
        campaign = _campaign(organiser, petitions=[petition.id])
        outreach.start(organiser, campaign)
        batches = list(db.session.scalars(select(CampaignBatch.id).order_by(CampaignBatch.number)))
        assert bulk_sending.send_batch(batches[0]) == "accepted"
        later = db.session.scalars(
            select(CampaignRecipient.email_key).where(
                CampaignRecipient.id.between(
                    *db.session.execute(
                        select(CampaignBatch.first_recipient_id, CampaignBatch.last_recipient_id).where(
                            CampaignBatch.id == batches[1]
                        )
                    ).one()
                )
            )
        ).all()
        db.session.add(ListOptOut(email_key=later[0], list_key=f"petition:{petition.id}"))
        db.session.add(Suppression(email_key=later[1], reason="spam_report"))
        db.session.commit()
        assert bulk_sending.send_batch(batches[1]) == "accepted"
        assert db.session.get(Campaign, campaign.id).accepted == 2
    assert len(sendgrid.accepted) == 1 and not set(later) & set(sendgrid.recipients())


# Retries


def test_429_waits_for_the_reset_time_and_5xx_backs_off(sendgrid_app, sendgrid):
    campaign_id, batch_id = _one_batch_campaign(sendgrid_app)
    reset = int(time.time()) + 120
    sendgrid.queue(
        FakeResponse(429, b'{"errors":[{"message":"too many"}]}', {"X-RateLimit-Reset": str(reset)}),
        FakeResponse(503, b"unavailable"),
    )
    with sendgrid_app.app_context():
        assert bulk_sending.send_batch(batch_id) == "retry later"
        batch = db.session.get(CampaignBatch, batch_id)
        assert batch.state == BatchState.PENDING and abs(batch.not_before.timestamp() - reset) < 3
        assert bulk_sending.dispatch()["batches"] == 0  # not due yet
        batch.not_before = utcnow() - timedelta(seconds=1)
        db.session.commit()
        assert bulk_sending.send_batch(batch_id) == "retry later"
        batch = db.session.get(CampaignBatch, batch_id)
        assert 55 < (batch.not_before - utcnow()).total_seconds() <= 60  # 30 s, doubled for the second try
        batch.not_before = None
        db.session.commit()
        assert bulk_sending.send_batch(batch_id) == "accepted"
        assert db.session.get(Campaign, campaign_id).accepted == 2
    assert len(sendgrid.requests) == 3


def test_a_400_is_not_retried_and_repeated_failures_pause_the_campaign(
    make_sendgrid_app, sendgrid, outbox, run_jobs
):
    app = make_sendgrid_app(CAMPAIGN_BATCH_SIZE="1", CAMPAIGN_PAUSE_AFTER_FAILURES="2")
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER, email="boss@example.org")
        petition = make_petition()
        _signers(petition.id, 4)
        campaign = _campaign(organiser, petitions=[petition.id])
        outreach.start(organiser, campaign)
        batch_ids = list(db.session.scalars(select(CampaignBatch.id).order_by(CampaignBatch.number)))
    sendgrid.queue(*[FakeResponse(400, b'{"errors":[{"message":"bad"}]}')] * 2)
    with app.app_context():
        assert bulk_sending.send_batch(batch_ids[0]) == "failed"
        assert db.session.get(Campaign, campaign.id).state == "sending"
        assert bulk_sending.send_batch(batch_ids[1]) == "failed"
        campaign = db.session.get(Campaign, campaign.id)
        assert campaign.state == "paused" and "could not be sent" in campaign.paused_reason
        assert bulk_sending.send_batch(batch_ids[2]) == "campaign paused"
    assert len(sendgrid.requests) == 2  # each 400 tried once
    with app.app_context():
        sender = db.session.scalar(select(Campaign).where(Campaign.id == campaign.id))
        assert sender.failed == 2
    run_jobs(app)
    # The app sends through the fake SendGrid, so the organiser's alert is among its requests.
    alerts = [
        b for b in sendgrid.accepted if b["personalizations"][0]["to"][0]["email"] == "boss@example.org"
    ]
    assert alerts and "Sending paused" in alerts[0]["subject"]


# Pause, resume, cancel, schedule


def test_pause_resume_and_cancel(sendgrid_app, sendgrid, run_jobs):
    with sendgrid_app.app_context():
        organiser = _organiser()
        petition = make_petition()
        _signers(petition.id, 6)
        campaign = _campaign(organiser, petitions=[petition.id])
        outreach.start(organiser, campaign)
        outreach.pause(organiser, campaign)
        organiser_id = organiser.id
    run_jobs(sendgrid_app)
    assert sendgrid.accepted == []  # paused before any batch went
    with sendgrid_app.app_context():
        organiser = db.session.get(User, organiser_id)
        campaign = db.session.get(Campaign, campaign.id)
        outreach.resume(organiser, campaign)
        first = db.session.scalar(select(CampaignBatch.id).order_by(CampaignBatch.number))
        assert bulk_sending.send_batch(first) == "accepted"
        outreach.cancel(organiser, campaign)
        states = list(db.session.scalars(select(CampaignBatch.state).order_by(CampaignBatch.number)))
        assert states == ["accepted", "cancelled", "cancelled"]
    run_jobs(sendgrid_app)
    assert len(sendgrid.accepted) == 1
    with sendgrid_app.app_context():
        assert db.session.get(Campaign, campaign.id).state == "cancelled"


def test_a_scheduled_campaign_starts_when_due(sendgrid_app, sendgrid, run_jobs):
    with sendgrid_app.app_context():
        organiser = _organiser()
        petition = make_petition()
        _signers(petition.id, 3)
        campaign = _campaign(organiser, petitions=[petition.id])
        from datetime import datetime

        later = datetime.now(outreach.local_zone()).replace(tzinfo=None) + timedelta(hours=2)
        outreach.schedule(organiser, campaign, later)
        assert campaign.state == "scheduled"
        assert bulk_sending.dispatch()["started"] == 0
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id)
            .values(scheduled_at=utcnow() - timedelta(seconds=1))
        )
        db.session.commit()
        assert bulk_sending.dispatch()["started"] == 1
    run_jobs(sendgrid_app)
    run_jobs(sendgrid_app)
    assert len(sendgrid.recipients()) == 3


def test_a_sending_rate_holds_batches_back(sendgrid_app, sendgrid):
    with sendgrid_app.app_context():
        organiser = _organiser()
        petition = make_petition()
        _signers(petition.id, 150)
        campaign = outreach.save_draft(
            organiser,
            outreach.Draft(
                subject="s", preheader="", body="b", audience={"petitions": [petition.id]}, send_rate=100
            ),
        )
        outreach.start(organiser, campaign)
        # 100 an hour in batches of 2: 50 batches may go in this hour, the rest wait.
        assert bulk_sending.dispatch()["batches"] == 50
        db.session.execute(
            update(CampaignBatch)
            .where(CampaignBatch.number <= 50)
            .values(state="accepted", claimed_at=utcnow())
        )
        db.session.commit()
        assert bulk_sending.dispatch()["batches"] == 0
        db.session.execute(
            update(CampaignBatch)
            .where(CampaignBatch.number <= 50)
            .values(claimed_at=utcnow() - timedelta(minutes=61))
        )
        db.session.commit()
        assert bulk_sending.dispatch()["batches"] == 25  # an hour on, the rest


# Through the pages


def test_an_organiser_composes_previews_tests_and_sends(app, run_jobs, outbox, signed_in):
    organiser = signed_in(Role.ORGANISER)
    with app.app_context():
        petition = make_petition(title="Fund family support")
        db.session.add(
            Signature(
                petition_id=petition.id,
                name="<b>Bold</b> Person",
                email="bold@example.org",
                email_key="bold@example.org",
                email_domain="example.org",
                state="validated",
                opt_in=True,
            )
        )
        db.session.commit()
        petition_id = petition.id
    missing = organiser.submit("/outreach/new", {"subject": "", "body": "Hello", "preheader": "kept"})
    assert (
        missing.status_code == 400 and "Enter a subject." in missing.text and 'value="kept"' in missing.text
    )
    nobody = organiser.submit("/outreach/new", {"subject": "Hi", "body": "Hello"})
    assert "Choose at least one petition" in nobody.text
    created = organiser.submit(
        "/outreach/new",
        {
            "subject": "An update on {{ petition_title }}",
            "preheader": "Good news",
            "petitions": [str(petition_id)],
            "body": "Hello {{ first_name }}, thank you.\n\n<script>alert(1)</script>",
        },
    )
    assert created.status_code == 302
    page = organiser.get(created.headers["Location"])
    assert "It will go to <strong>1</strong> person" in page.text
    assert "An update on Fund family support" in page.text  # the preview, merged for the first recipient
    ref = created.headers["Location"].rsplit("/", 1)[1]
    preview = organiser.get(f"/outreach/{ref}/preview.html")
    assert "sandbox" in preview.headers["Content-Security-Policy"] and "<script>" not in preview.text

    tested = organiser.submit(
        f"/outreach/{ref}/test",
        {"addresses": "me@example.org, colleague@example.org"},
        form_url=f"/outreach/{ref}",
    )
    assert tested.status_code == 302
    run_jobs()
    test_copy = outbox("me@example.org")[0]
    # A test is the preview: the first person on the list's message, with links made for the test address.
    assert test_copy.subject == "[Test] An update on Fund family support"
    organiser.submit(f"/outreach/{ref}/send", {}, form_url=f"/outreach/{ref}")
    run_jobs()
    run_jobs()
    sent = outbox("bold@example.org")[0]
    assert sent.subject == "An update on Fund family support"
    assert "Hello &lt;b&gt;Bold&lt;/b&gt;, thank you." in sent.html_body  # merged values are escaped in HTML
    assert "Hello <b>Bold</b>, thank you." in sent.text_body
    assert json.loads(sent.headers)["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    progress = organiser.get(f"/outreach/{ref}/progress.json").json
    assert progress["state"] == "finished" and progress["accepted"] == 1 and progress["recipients"] == 1
    with app.app_context():
        assert (
            db.session.scalar(select(Campaign.accepted).where(Campaign.ref == ref)) == 1
        )  # tests not counted


@pytest.mark.parametrize("role, expected", [(None, 302), (Role.MEMBER, 403), (Role.MODERATOR, 403)])
def test_only_organisers_send_email(app, role, expected, signed_in):
    person = signed_in(role)
    with app.app_context():
        campaign = _campaign(_organiser(), members=True)
        ref = campaign.ref
    token = person.csrf_token("/join")
    for url in (
        "/outreach/",
        "/outreach/new",
        f"/outreach/{ref}",
        f"/outreach/{ref}/progress.json",
        "/outreach/suppressions",
    ):
        assert person.get(url).status_code == expected, url
    for action in ("send", "pause", "resume", "cancel", "test", "schedule"):
        assert person.post(f"/outreach/{ref}/{action}", data={"csrf_token": token}).status_code == expected
    with app.app_context():
        assert db.session.scalar(select(Campaign.state).where(Campaign.ref == ref)) == "draft"


# Unsubscribing


def test_a_get_never_unsubscribes_but_a_one_click_post_does(app, client):
    with app.app_context():
        petition = make_petition(title="Keep families together")
        token = unsubscribe_token("Someone+news@Example.org", f"petition:{petition.id}")
    page = client.get(f"/unsubscribe/{token}")
    assert page.status_code == 200 and "Keep families together" in page.text
    with app.app_context():
        assert db.session.scalar(select(ListOptOut.id)) is None
    one_click = client.post(f"/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200 and one_click.text == ""
    with app.app_context():
        assert db.session.scalar(select(ListOptOut.email_key)) == "someone@example.org"
    assert client.post(f"/unsubscribe/{token}").status_code == 200  # the page's button, again: harmless
    assert client.get("/unsubscribe/forged-token").status_code == 404


def test_an_unsubscribe_link_does_not_carry_the_address_and_old_links_still_work(app, client):
    """Issue 16: the token was base64 of the address: anyone seeing the link could read whose it was."""
    import base64
    import hashlib
    import hmac

    with app.app_context():
        petition = make_petition(title="Keep families together")
        list_key = f"petition:{petition.id}"
        token = unsubscribe_token("Someone@Example.org", list_key)
        secret = app.config["SECRET_KEY"]
    decoded = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert b"someone" not in decoded.lower() and b"example" not in decoded.lower()
    assert "." not in token and len(token) < 120

    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    assert client.get(f"/unsubscribe/{tampered}").status_code == 404

    # A link from an email sent before the change (payload.signature, the address readable) still works.
    payload = base64.urlsafe_b64encode(f"old@example.org\n{list_key}".encode()).rstrip(b"=").decode()
    key = hmac.new(secret.encode(), b"unsubscribe-v1", hashlib.sha256).digest()
    signature = base64.urlsafe_b64encode(hmac.digest(key, payload.encode(), "sha256")[:18]).rstrip(b"=")
    old = f"{payload}.{signature.decode()}"
    assert client.post(f"/unsubscribe/{old}", data={"List-Unsubscribe": "One-Click"}).status_code == 200
    assert client.post(f"/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"}).status_code == 200
    with app.app_context():
        assert set(db.session.scalars(select(ListOptOut.email_key))) == {
            "old@example.org",
            "someone@example.org",
        }


def test_the_preferences_page_leaves_and_rejoins_lists_and_can_stop_everything(app, client):
    with app.app_context():
        a, b = make_petition(title="Petition A"), make_petition(title="Petition B")
        _signers(a.id, 1)
        _signers(b.id, 1)
        token = unsubscribe_token("s0@example.org", f"petition:{a.id}")
        a_key, b_key = f"petition:{a.id}", f"petition:{b.id}"
    page = client.get(f"/email-preferences/{token}")
    assert "Petition A" in page.text and "Petition B" in page.text
    client.submit(f"/email-preferences/{token}", {"lists": [b_key]})
    with app.app_context():
        assert set(db.session.scalars(select(ListOptOut.list_key))) == {a_key}
    client.submit(f"/email-preferences/{token}", {"lists": [a_key, b_key], "everything_off": "y"})
    with app.app_context():
        assert db.session.scalar(select(ListOptOut.id)) is None
        assert db.session.scalar(select(Suppression.reason)) == "unsubscribed"
    client.submit(f"/email-preferences/{token}", {"lists": [a_key]})
    with app.app_context():
        assert db.session.scalar(select(Suppression.id)) is None  # they asked to hear from us again


def test_an_organiser_blocks_an_address(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    organiser.submit("/outreach/suppressions", {"email": "Troll@Example.org", "note": "abusive replies"})
    with app.app_context():
        row = db.session.scalar(select(Suppression))
        assert (row.email_key, row.reason) == ("troll@example.org", "blocked")
    assert "abusive replies" in organiser.get("/outreach/suppressions").text


def test_a_member_with_a_plus_tag_who_left_coalition_news_stays_left(app, ctx, client):
    organiser = _organiser()
    make_user(role=Role.MEMBER, email="alex+news@example.org")
    campaign = _campaign(organiser, members=True)
    assert outreach.audience_size(organiser, campaign) == 1
    token = unsubscribe_token("alex+news@example.org", "coalition")
    assert "News from the coalition" in client.get(f"/email-preferences/{token}").text
    client.post(f"/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"})
    assert outreach.audience_size(organiser, campaign) == 0
    assert outreach.start(organiser, campaign) == 0


def test_resuming_gives_failed_batches_another_go(sendgrid_app, sendgrid):
    campaign_id, batch_id = _one_batch_campaign(sendgrid_app)
    sendgrid.queue(FakeResponse(400, b'{"errors":[{"message":"bad"}]}'))
    with sendgrid_app.app_context():
        organiser = _organiser()
        assert bulk_sending.send_batch(batch_id) == "failed"
        campaign = db.session.get(Campaign, campaign_id)
        assert campaign.state == "finished" and campaign.failed == 2
        campaign.state = "paused"  # as after an automatic pause
        db.session.commit()
        outreach.resume(organiser, campaign)
        assert campaign.failed == 0
        assert bulk_sending.send_batch(batch_id) == "accepted"
        assert db.session.get(Campaign, campaign_id).accepted == 2


def test_recipients_and_events_go_after_the_retention_period(sendgrid_app, sendgrid):
    campaign_id, batch_id = _one_batch_campaign(sendgrid_app)
    with sendgrid_app.app_context():
        assert bulk_sending.send_batch(batch_id) == "accepted"
        db.session.add(
            DeliveryEvent(
                event_id="ev-old",
                event="delivered",
                campaign_id=campaign_id,
                processed_at=utcnow(),
                received_at=utcnow() - timedelta(days=31),
            )
        )
        db.session.commit()
        assert bulk_sending.purge_campaign_data() == {"recipients": 0, "events": 0}  # ended just now
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign_id)
            .values(finished_at=utcnow() - timedelta(days=31))
        )
        db.session.commit()
        assert bulk_sending.purge_campaign_data() == {"recipients": 2, "events": 1}
        assert db.session.get(Campaign, campaign_id).accepted == 2  # the figures stay


def test_a_schedule_in_the_past_is_refused_beside_the_field(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    with app.app_context():
        ref = _campaign(_organiser(), members=True).ref
    refused = organiser.submit(
        f"/outreach/{ref}/schedule", {"when": "2020-01-01T09:00"}, form_url=f"/outreach/{ref}"
    )
    assert refused.status_code == 400 and "Choose a time in the future" in refused.text
    missing = organiser.submit(f"/outreach/{ref}/schedule", {"when": ""}, form_url=f"/outreach/{ref}")
    assert missing.status_code == 400 and "Enter the date and time to send it." in missing.text
    with app.app_context():
        assert db.session.scalar(select(Campaign.state).where(Campaign.ref == ref)) == "draft"
