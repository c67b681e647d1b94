"""The same Stripe event posted twice at the same moment, on separate database connections (no shared test
transaction here: this app commits for real, and the test removes what it made)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import delete, func, select

from campaign import create_app
from campaign.extensions import db
from campaign.models import (
    Donation,
    DonationPayment,
    DonationSettings,
    Email,
    GiftAidDeclaration,
    StripeCharge,
    StripeEvent,
)
from tests.conftest import FormClient, _environ, form_values
from tests.support.fake_stripe import FakeStripe, signed_delivery

SECRET = "whsec_concurrency"


@pytest.fixture
def committing_app(database_url, redis_server, tmp_path):
    with FakeStripe() as fake:
        app = create_app(
            environ=_environ(
                database_url,
                redis_server,
                tmp_path,
                STRIPE_SECRET_KEY="sk_test_c",
                STRIPE_WEBHOOK_SECRET=SECRET,
                STRIPE_API_BASE=fake.url,
            )
        )
        yield app, fake
        with app.app_context():
            refs = db.session.scalars(select(Donation.id)).all()
            db.session.execute(delete(DonationPayment).where(DonationPayment.donation_id.in_(refs)))
            db.session.execute(delete(Donation).where(Donation.id.in_(refs)))
            db.session.execute(delete(GiftAidDeclaration))
            db.session.execute(delete(StripeCharge))
            db.session.execute(delete(StripeEvent))
            db.session.execute(delete(DonationSettings))
            db.session.execute(delete(Email).where(Email.to_address == "race@example.org"))
            db.session.commit()
            db.engine.dispose()


def test_one_event_posted_eight_times_at_once_counts_once(committing_app):
    app, fake = committing_app
    donor = FormClient(app.test_client())
    page = donor.get("/donate/")
    fields = form_values(page.text, "csrf_token", "form_nonce")
    response = donor.post(
        "/donate/",
        data={
            **fields,
            "frequency": "monthly",
            "amount": "1000",
            "name": "Race Test",
            "email": "race@example.org",
        },
    )
    assert response.status_code == 303
    session_id = response.headers["Location"].rsplit("/", 1)[1]
    events = fake.complete(session_id)
    barrier = threading.Barrier(8)
    outcomes = []

    def post(event):
        client = app.test_client()
        body, headers = signed_delivery(event, SECRET)
        barrier.wait()
        outcomes.append(client.post("/webhooks/stripe", data=body, headers=headers).json["outcome"])

    for event in events:
        threads = [threading.Thread(target=post, args=(event,)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        barrier.reset()

    assert len(outcomes) == 8 * len(events)
    assert outcomes.count("duplicate") == 7 * len(events)
    with app.app_context():
        donation = db.session.scalars(select(Donation)).one()
        assert [(p.state, p.amount_pence) for p in donation.payments] == [("paid", 1000)]
        assert (
            db.session.scalar(
                select(func.count())
                .select_from(Email)
                .where(Email.kind == "donation_receipt", Email.to_address == "race@example.org")
            )
            == 1
        )
