"""Email tracking is said outright in every SendGrid request, never left to the account's defaults: off for
transactional mail, and for a campaign update on only when its organisers chose it on the form."""

from __future__ import annotations

import re

from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Campaign, Role, Signature, utcnow
from campaign.services.emails import queue_email
from campaign.services.outreach import campaigns as outreach
from tests.factories import make_petition, make_user

OFF = {
    "click_tracking": {"enable": False, "enable_text": False},
    "open_tracking": {"enable": False},
    "subscription_tracking": {"enable": False},
}
ON = {
    "click_tracking": {"enable": False, "enable_text": False},  # our own redirect counts clicks
    "open_tracking": {"enable": True},
    "subscription_tracking": {"enable": False},
}


def test_a_transactional_email_goes_out_with_all_tracking_off(sendgrid_app, sendgrid, run_jobs):
    with sendgrid_app.app_context():
        queue_email(
            "password_reset",
            "mary@example.org",
            "Reset your password",
            name="Mary",
            link="http://localhost/reset-password/abc",
            minutes=60,
        )
        db.session.commit()
    run_jobs(sendgrid_app)
    [body] = sendgrid.accepted
    assert body["tracking_settings"] == OFF


def _signers(petition_id: int) -> None:
    db.session.add_all(
        Signature(
            petition_id=petition_id,
            name=f"Signer{i}",
            email=f"s{i}@example.org",
            email_key=f"s{i}@example.org",
            email_domain="example.org",
            state="validated",
            opt_in=True,
            validated_at=utcnow(),
        )
        for i in range(2)
    )
    db.session.commit()


def test_a_campaign_tracks_opens_and_clicks_only_when_its_organisers_chose_it(
    sendgrid_app, sendgrid, signed_in, run_jobs
):
    with sendgrid_app.app_context():
        petition = make_petition(title="Keep families together")
        _signers(petition.id)
        petition_id = petition.id
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)

    form = organiser.get("/outreach/new").text
    assert not re.search(r'<input[^>]*checked[^>]*name="track_engagement"', form)  # off by default
    chosen = organiser.submit(
        "/outreach/new",
        {
            "subject": "Tracked",
            "body": "Dear {{ first_name }}",
            "petitions": str(petition_id),
            "track_engagement": "y",
        },
    )
    assert chosen.status_code == 302
    left = organiser.submit(
        "/outreach/new",
        {"subject": "Untracked", "body": "Dear {{ first_name }}", "petitions": str(petition_id)},
    )
    assert left.status_code == 302

    with sendgrid_app.app_context():
        campaigns = {c.subject: c for c in db.session.scalars(select(Campaign))}
        assert campaigns["Tracked"].track_engagement is True
        assert campaigns["Untracked"].track_engagement is False
        tracked_ref = campaigns["Tracked"].ref
    edit = organiser.get(f"/outreach/{tracked_ref}/edit").text
    assert re.search(r'<input[^>]*checked[^>]*name="track_engagement"', edit)  # the choice is kept
    with sendgrid_app.app_context():
        actor = make_user(role=Role.ORGANISER, email="starter@example.org")
        for campaign in db.session.scalars(select(Campaign)):
            outreach.start(actor, campaign)

    run_jobs(sendgrid_app)
    run_jobs(sendgrid_app)
    by_subject = {body["subject"]: body for body in sendgrid.accepted}
    assert by_subject["Tracked"]["tracking_settings"] == ON
    assert by_subject["Untracked"]["tracking_settings"] == OFF
