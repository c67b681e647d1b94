"""Consent to email updates, as UK rules want it recorded: the exact question the person was shown, its
version and when they answered, kept with each signature and each donation (ticked or not), and shown in
their data export."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Donation, Signature, utcnow
from campaign.services.donations import giving
from campaign.services.petitions import signing
from tests.conftest import FormClient
from tests.factories import PASSWORD, make_petition, make_user
from tests.functional.test_donations import SECRET, deliver_all, give, session_of

SIGNER = {"name": "Mary Example", "email": "mary@example.org", "location": "uk", "postcode": "SW1A 1AA"}


@pytest.fixture
def petition(app):
    with app.app_context():
        return make_petition(title="Keep families together").slug


def _signature(app) -> Signature:
    with app.app_context():
        signature = db.session.scalars(select(Signature)).one()
        db.session.expunge(signature)
        return signature


def _recent(moment: datetime | None) -> bool:
    return moment is not None and utcnow() - timedelta(minutes=5) < moment <= utcnow()


def test_signing_with_the_updates_box_ticked_keeps_the_words_shown_their_version_and_the_time(
    app, client, petition
):
    form = client.get(f"/petitions/{petition}/sign")
    assert signing.UPDATES_WORDING in form.text  # the words stored are the words on the form
    response = client.submit(f"/petitions/{petition}/sign", {**SIGNER, "opt_in": "y"})
    assert response.status_code == 302

    signature = _signature(app)
    assert signature.opt_in is True
    assert signature.opt_in_wording == signing.UPDATES_WORDING
    assert signature.opt_in_version == signing.UPDATES_VERSION
    assert _recent(signature.opt_in_at)


def test_signing_without_ticking_the_box_records_the_question_and_the_no(app, client, petition):
    response = client.submit(f"/petitions/{petition}/sign", SIGNER)
    assert response.status_code == 302

    signature = _signature(app)
    assert signature.opt_in is False
    assert (signature.opt_in_wording, signature.opt_in_version) == (
        signing.UPDATES_WORDING,
        signing.UPDATES_VERSION,
    )
    assert _recent(signature.opt_in_at)


def test_the_data_export_shows_the_updates_question_each_signature_answered(app, client, petition):
    client.submit(f"/petitions/{petition}/sign", {**SIGNER, "opt_in": "y"})
    with app.app_context():
        other = make_petition(title="Fund family advocates").slug
        make_user("member", email="mary@example.org")
    client.submit(f"/petitions/{other}/sign", SIGNER)
    member = FormClient(app.test_client())
    member.sign_in("mary@example.org", PASSWORD)

    data = member.get("/account/data.json").json
    answers = {s["petition_title"]: s for s in data["signatures"]}
    ticked, unticked = answers["Keep families together"], answers["Fund family advocates"]
    assert ticked["updates_opt_in"] is True and unticked["updates_opt_in"] is False
    assert ticked["updates_question"]["wording"] == signing.UPDATES_WORDING
    assert ticked["updates_question"]["version"] == signing.UPDATES_VERSION
    assert ticked["updates_question"]["answer"] == "yes"
    assert unticked["updates_question"]["answer"] == "no"
    answered = datetime.fromisoformat(ticked["updates_question"]["answered_at"])
    assert _recent(answered)


def test_a_signature_from_before_the_question_was_kept_exports_none(app, client):
    with app.app_context():
        petition = make_petition()
        make_user("member", email="old@example.org")
        db.session.add(
            Signature(
                petition_id=petition.id,
                name="Old Signer",
                email="old@example.org",
                email_key="old@example.org",
                email_domain="example.org",
                opt_in=True,
            )
        )
        db.session.commit()
    client.sign_in("old@example.org", PASSWORD)
    [signature] = client.get("/account/data.json").json["signatures"]
    assert signature["updates_opt_in"] is True and signature["updates_question"] is None


@pytest.fixture
def donate_app(make_app, stripe_fake):
    return make_app(
        STRIPE_SECRET_KEY="sk_test_donations",
        STRIPE_WEBHOOK_SECRET=SECRET,  # what test_donations' deliver_all signs with
        STRIPE_API_BASE=stripe_fake.url,
        STRIPE_REDIRECT_ORIGINS="https://checkout.stripe.com",
    )


def test_a_donations_updates_answer_is_kept_with_its_wording_and_shown_in_the_export(donate_app, stripe_fake):
    donor = FormClient(donate_app.test_client())
    form = donor.get("/donate/")
    assert giving.UPDATES_WORDING in form.text
    ticked = session_of(stripe_fake, give(donor, email="giver@example.org", opt_in="y"))
    deliver_all(donor, stripe_fake.complete(ticked))
    session_of(stripe_fake, give(donor, email="giver@example.org", amount="2500"))

    with donate_app.app_context():
        gifts = db.session.scalars(select(Donation).order_by(Donation.id)).all()
        assert [g.opt_in for g in gifts] == [True, False]
        for gift in gifts:
            assert gift.opt_in_wording == giving.UPDATES_WORDING
            assert gift.opt_in_version == giving.UPDATES_VERSION
            assert _recent(gift.opt_in_at)
        make_user("member", email="giver@example.org")

    donor.sign_in("giver@example.org", PASSWORD)
    exported = donor.get("/account/data.json").json["donations"]
    assert [(d["updates_opt_in"], d["updates_question"]["answer"]) for d in exported] == [
        (True, "yes"),
        (False, "no"),
    ]
    assert {d["updates_question"]["wording"] for d in exported} == {giving.UPDATES_WORDING}
    assert {d["updates_question"]["version"] for d in exported} == {giving.UPDATES_VERSION}
