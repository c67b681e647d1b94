"""A bulk send whose worker died mid-batch: what the organiser is told about the batches SendGrid may or
may not have, and what each of their three choices sends. The fake SendGrid records every request it
accepted, so "got it twice" is counted from what it received."""

import html
import re
import time
from collections import Counter

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import (
    BatchState,
    Campaign,
    CampaignBatch,
    CampaignDecision,
    CampaignState,
    DeliveryEvent,
    Role,
)
from campaign.services.errors import PermissionDenied
from campaign.services.outreach import batch_outcomes, delivery_events
from campaign.services.outreach import campaigns as outreach
from campaign.services.outreach import sending as bulk_sending
from tests.conftest import form_values
from tests.factories import add_signers, make_petition, make_user
from tests.support.fake_sendgrid import public_key_text, signed_post, webhook_key

CRASH = {"BATCH_STALE_SECONDS": "0", "BATCH_RECONCILE_SECONDS": "0"}


class Killed(BaseException):
    """Stands in for the worker process dying: nothing after it runs, nothing is committed."""


def _die(*args, **kwargs):
    raise Killed


def _crashed_campaign(app, monkeypatch, people=4000, lost=(4,)) -> str:
    """A campaign of ``people`` sent in batches (CAMPAIGN_BATCH_SIZE), where the worker died after SendGrid
    accepted each batch numbered in ``lost`` but before it recorded that; the batches before them were
    sent, and the dispatcher has been round since. Returns the campaign's ref."""
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER, email=f"org{time.monotonic_ns()}@example.org")
        petition = make_petition()
        add_signers(petition.id, people)
        db.session.commit()
        campaign = outreach.save_draft(
            organiser,
            outreach.Draft(subject="News", preheader="", body="Hello", audience={"petitions": [petition.id]}),
        )
        outreach.start(organiser, campaign)
        batches = db.session.execute(
            select(CampaignBatch.id, CampaignBatch.number)
            .where(CampaignBatch.campaign_id == campaign.id)
            .order_by(CampaignBatch.number)
        ).all()
        for batch_id, number in batches:
            if number in lost:
                with monkeypatch.context() as patch:
                    patch.setattr(batch_outcomes, "mark_accepted", _die)
                    with pytest.raises(Killed):
                        bulk_sending.send_batch(batch_id)
                db.session.rollback()
            elif number < max(lost):
                assert bulk_sending.send_batch(batch_id) == "accepted"
        bulk_sending.dispatch()
        return campaign.ref


def _copies(sendgrid) -> Counter:
    """How many campaign recipients SendGrid was asked to send it to once, twice..."""
    sent = Counter(m["to"] for m in sendgrid.messages() if "campaign" in m["categories"])
    return Counter(sent.values())


def _campaign(app, ref) -> Campaign:
    with app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.ref == ref))
        db.session.expunge(campaign)
        return campaign


def _text(page) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text)))


def _choose(client, ref, choice, **extra):
    """Post the choice as the page's form does: its token and the number of people it showed."""
    shown = form_values(client.get(f"/outreach/{ref}").text, "csrf_token", "people")
    return client.post(f"/outreach/{ref}/uncertain", data={**shown, "choice": choice, **extra})


def test_resume_sends_the_uncertain_batch_again_to_exactly_as_many_as_the_page_warned(
    make_sendgrid_app, sendgrid, monkeypatch, run_jobs, signed_in
):
    app = make_sendgrid_app(CAMPAIGN_BATCH_SIZE="500", **CRASH)
    ref = _crashed_campaign(app, monkeypatch)
    organiser = signed_in(Role.ORGANISER, app=app)
    page = _text(organiser.get(f"/outreach/{ref}"))
    assert "1 batch (500 people): SendGrid may or may not have it" in page
    assert (
        "Resume, sending the uncertain batches again (some may get it twice): the 500 people in them" in page
    )
    assert "Setting up SendGrid's event webhook" in page and "is what makes this automatic" in page

    assert _choose(organiser, ref, "resend").status_code == 302
    run_jobs(app)
    copies = _copies(sendgrid)
    print(f"\nResume: of 4,000, received once {copies[1]}, twice {copies[2]} (the page warned of 500)")
    assert copies == {1: 3500, 2: 500}
    page = _text(organiser.get(f"/outreach/{ref}"))
    assert re.search(r"sent the uncertain batches again \(1 batch, 500 people\)", page)


def test_sending_only_to_those_who_certainly_did_not_get_it_sends_nobody_twice(
    make_sendgrid_app, sendgrid, monkeypatch, run_jobs, signed_in
):
    app = make_sendgrid_app(CAMPAIGN_BATCH_SIZE="500", **CRASH)
    ref = _crashed_campaign(app, monkeypatch)
    organiser = signed_in(Role.ORGANISER, app=app)
    page = _text(organiser.get(f"/outreach/{ref}"))
    assert (
        "Send only to those who certainly did not get it (uncertain batches are skipped; 500 people may miss out)"
        in page
    )

    assert _choose(organiser, ref, "skip").status_code == 302
    run_jobs(app)
    copies = _copies(sendgrid)
    with app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.ref == ref))
        skipped = db.session.scalar(
            select(db.func.sum(CampaignBatch.size)).where(
                CampaignBatch.campaign_id == campaign.id, CampaignBatch.state == BatchState.CANCELLED
            )
        )
        figures = (campaign.state, campaign.accepted, campaign.failed)
    print(
        f"\nSkip: of 4,000, received once {copies[1]}, twice {copies[2]}; skipped {skipped} (page said 500)"
    )
    assert copies[2] == 0 and skipped == 500
    # SendGrid did have the lost batch here, so everyone has it once; the 500 were never sent it by us again.
    assert copies[1] == 4000
    assert figures == (CampaignState.FINISHED, 3500, 0)
    page = _text(organiser.get(f"/outreach/{ref}"))
    assert (
        "sent only to those who certainly did not get it, skipping the uncertain batches (1 batch, 500 people)"
        in page
    )
    assert "SendGrid may or may not have" not in page


def test_cancel_is_recorded_with_the_uncertain_batches_it_left(
    make_sendgrid_app, sendgrid, monkeypatch, signed_in
):
    app = make_sendgrid_app(CAMPAIGN_BATCH_SIZE="10", **CRASH)
    ref = _crashed_campaign(app, monkeypatch, people=40, lost=(2,))
    organiser = signed_in(Role.ORGANISER, app=app, name="Pat Organiser")
    page = _text(organiser.get(f"/outreach/{ref}"))
    assert (
        "Cancel: nothing more is sent. The 10 people in the uncertain batches may or may not have it; the 20 still waiting will not get it."
        in page
    )
    assert _choose(organiser, ref, "cancel").status_code == 302
    assert _campaign(app, ref).state == CampaignState.CANCELLED
    assert "Pat Organiser cancelled the rest of the campaign (1 batch, 10 people)" in _text(
        organiser.get(f"/outreach/{ref}")
    )


def test_the_pause_reason_and_email_count_every_uncertain_batch(
    make_sendgrid_app, sendgrid, monkeypatch, run_jobs
):
    app = make_sendgrid_app(CAMPAIGN_BATCH_SIZE="10", **CRASH)
    ref = _crashed_campaign(app, monkeypatch, people=50, lost=(2, 3))
    reason = _campaign(app, ref).paused_reason
    # Before: "1 batch could not be sent. SendGrid said: ..." for two batches that SendGrid may well have had.
    assert "the worker sending 2 batches (20 people) stopped" in reason
    assert "could not be sent" not in reason and "SendGrid said" not in reason
    run_jobs(app)
    told = [m for m in sendgrid.messages() if m["subject"] == "Sending paused: News"]
    assert told and all("2 batches (20 people)" in m["text"] for m in told)


def test_a_choice_is_refused_without_an_answer_or_when_the_figures_changed(
    make_sendgrid_app, sendgrid, monkeypatch, signed_in
):
    app = make_sendgrid_app(CAMPAIGN_BATCH_SIZE="10", **CRASH)
    ref = _crashed_campaign(app, monkeypatch, people=40, lost=(2,))
    organiser = signed_in(Role.ORGANISER, app=app)
    none = _choose(organiser, ref, "")
    assert none.status_code == 400
    assert "Choose what should happen to the batches whose outcome is unknown." in _text(none)
    stale = _choose(organiser, ref, "resend", people="0")
    assert stale.status_code == 400
    assert "The figures changed while the page was open: 10 people are now in batches" in _text(stale)
    assert re.search(r'<input checked[^>]*value="resend"', stale.text)  # what they chose is kept
    # The plain Resume button of a page drawn before the crash does not send them again unannounced.
    plain = organiser.submit(
        f"/outreach/{ref}/resume", {}, form_url=f"/outreach/{ref}", follow_redirects=True
    )
    assert "The figures changed while the page was open" in _text(plain)
    assert _campaign(app, ref).state == CampaignState.PAUSED


def test_only_organisers_who_may_send_can_choose_and_the_form_needs_its_token(
    make_sendgrid_app, sendgrid, monkeypatch, signed_in
):
    app = make_sendgrid_app(CAMPAIGN_BATCH_SIZE="10", **CRASH)
    ref = _crashed_campaign(app, monkeypatch, people=20, lost=(1,))
    member = signed_in(Role.MEMBER, app=app)
    token = member.csrf_token("/account/")  # their own session's token: only the permission is missing
    assert member.post(
        f"/outreach/{ref}/uncertain", data={"choice": "skip", "people": "10", "csrf_token": token}
    ).status_code in (403, 404)
    organiser = signed_in(Role.ORGANISER, app=app)
    assert (
        organiser.post(f"/outreach/{ref}/uncertain", data={"choice": "skip", "people": "10"}).status_code
        == 400
    )
    with app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.ref == ref))
        with pytest.raises(PermissionDenied):
            outreach.resume(make_user(role=Role.MEMBER), campaign, skip_uncertain=True)
        assert db.session.scalar(select(db.func.count()).select_from(CampaignDecision)) == 0
    assert _campaign(app, ref).state == CampaignState.PAUSED


def test_delivery_events_settle_an_uncertain_batch_as_accepted(
    make_sendgrid_app, sendgrid, monkeypatch, signed_in
):
    app = make_sendgrid_app(CAMPAIGN_BATCH_SIZE="10", **CRASH)
    ref = _crashed_campaign(app, monkeypatch, people=30, lost=(2,))
    with app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.ref == ref))
        batch = db.session.scalar(
            select(CampaignBatch).where(CampaignBatch.campaign_id == campaign.id, CampaignBatch.number == 2)
        )
        assert batch.state == BatchState.FAILED and campaign.failed == 10
        # Events arriving late (or once the webhook is set up) still show SendGrid had it.
        db.session.add(
            DeliveryEvent(event_id="late-1", event="delivered", campaign_id=campaign.id, batch_id=batch.id)
        )
        db.session.commit()
        delivery_events.process_events()
        db.session.refresh(batch)
        db.session.refresh(campaign)
        assert batch.state == BatchState.ACCEPTED and (campaign.accepted, campaign.failed) == (20, 0)
    page = _text(signed_in(Role.ORGANISER, app=app).get(f"/outreach/{ref}"))
    assert "SendGrid may or may not have" not in page
    assert (
        "1 batch (10 people) left half-sent by a stopped worker was settled as accepted from SendGrid's delivery events"
        in page
    )


def test_with_the_event_webhook_the_page_says_a_half_sent_batch_settles_itself(
    make_sendgrid_app, sendgrid, monkeypatch, signed_in, run_jobs
):
    key = webhook_key()
    app = make_sendgrid_app(
        CAMPAIGN_BATCH_SIZE="10", BATCH_STALE_SECONDS="0", SENDGRID_WEBHOOK_PUBLIC_KEY=public_key_text(key)
    )
    ref = _crashed_campaign(app, monkeypatch, people=30, lost=(2,))
    organiser = signed_in(Role.ORGANISER, app=app)
    page = _text(organiser.get(f"/outreach/{ref}"))
    assert _campaign(app, ref).state == CampaignState.SENDING
    assert (
        "1 batch (10 people) was left half-sent by a worker that stopped. SendGrid's event webhook is set up, so it is settled automatically"
        in page
    )
    body, headers = signed_post(key, sendgrid.events("processed"))
    assert (
        organiser.post(
            "/webhooks/sendgrid", data=body, headers=headers, content_type="application/json"
        ).status_code
        == 200
    )
    run_jobs(app)
    copies = _copies(sendgrid)
    assert copies == {1: 30}
    page = _text(organiser.get(f"/outreach/{ref}"))
    assert "settled as accepted from SendGrid's delivery events, and not sent again" in page
    assert _campaign(app, ref).state == CampaignState.FINISHED
