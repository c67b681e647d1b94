"""A bulk send whose worker died mid-batch: what the organiser is told, and what each choice sends."""

import time
from collections import Counter

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import BatchState, Campaign, CampaignBatch, Role, Signature, utcnow
from campaign.services.outreach import batch_outcomes
from campaign.services.outreach import campaigns as outreach
from campaign.services.outreach import sending as bulk_sending
from tests.factories import make_petition, make_user


class Killed(BaseException):
    """Stands in for the worker process dying: nothing after it runs, nothing is committed."""


def _crashed_campaign(app, monkeypatch, people=4000, batch_size=500, lost=(4,)):
    """A campaign of ``people`` sent in batches, where the worker died after SendGrid accepted each batch
    numbered in ``lost`` (before it could mark them accepted); the dispatcher has since found them."""
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER, email=f"org{time.monotonic_ns()}@example.org")
        petition = make_petition()
        db.session.add_all(
            Signature(
                petition_id=petition.id,
                name=f"Signer{i} Surname",
                email=f"s{i}@example.org",
                email_key=f"s{i}@example.org",
                email_domain="example.org",
                region="london",
                state="validated",
                opt_in=True,
                validated_at=utcnow(),
            )
            for i in range(people)
        )
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
        bulk_sending.dispatch()  # finds the lost batches after BATCH_STALE_SECONDS (0 here)
        return campaign.ref, campaign.id


def _die(*args, **kwargs):
    raise Killed


def _copies(sendgrid) -> Counter:
    return Counter(Counter(sendgrid.recipients()).values())


def test_before_resume_sends_an_uncertain_batch_again(make_sendgrid_app, sendgrid, monkeypatch, run_jobs):
    app = make_sendgrid_app(CAMPAIGN_BATCH_SIZE="500", BATCH_STALE_SECONDS="0", BATCH_RECONCILE_SECONDS="0")
    ref, campaign_id = _crashed_campaign(app, monkeypatch, )
    with app.app_context():
        campaign = db.session.get(Campaign, campaign_id)
        print("paused:", campaign.state, campaign.paused_reason)
        organiser = campaign.created_by
        outreach.resume(organiser, campaign)
    run_jobs(app)
    copies = _copies(sendgrid)
    print("received once:", copies[1], "twice:", copies[2], "of", 4000)
