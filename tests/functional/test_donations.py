"""Giving through Stripe, end to end: the form, the Checkout session (against a local fake Stripe that
validates like the real one), the signed webhook as the only thing that marks money paid, and events that
arrive late, twice, forged, stale or out of order."""

from __future__ import annotations

import itertools
import re
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from campaign.extensions import db
from campaign.models import (
    Donation,
    DonationPayment,
    DonationSettings,
    Email,
    GiftAidDeclaration,
    StripeEvent,
)
from tests.conftest import FormClient, form_values
from tests.factories import make_donation, make_petition
from tests.support.fake_stripe import signed_delivery, stripe_error

SECRET = "whsec_test_donations"
CHECKOUT = "/v1/checkout/sessions"


@pytest.fixture
def donate_app(make_app, stripe_fake):
    return make_app(
        STRIPE_SECRET_KEY="sk_test_donations",
        STRIPE_WEBHOOK_SECRET=SECRET,
        STRIPE_API_BASE=stripe_fake.url,
        STRIPE_REDIRECT_ORIGINS="https://checkout.stripe.com",
    )


@pytest.fixture
def donor(donate_app):
    return FormClient(donate_app.test_client())


@pytest.fixture
def dctx(donate_app):
    with donate_app.app_context():
        yield


def form_data(**overrides) -> dict:
    data = {
        "frequency": "one_off",
        "amount": "1000",
        "other_amount": "",
        "name": "Mary Example",
        "email": "mary@example.org",
        "dedication": "",
        "gift_aid_covers": "enduring",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def give(donor, **overrides):
    """GET the form (for its token and one-time value), then submit it."""
    page = donor.get("/donate/")
    fields = form_values(page.text, "csrf_token", "form_nonce")
    return donor.post("/donate/", data={**fields, **form_data(**overrides)})


def deliver(donor, event, secret=SECRET, timestamp=None, body=None):
    raw, headers = signed_delivery(event, secret, timestamp)
    if body is not None:
        raw = body
    return donor.post("/webhooks/stripe", data=raw, headers=headers)


def deliver_all(donor, events):
    for event in events:
        response = deliver(donor, event)
        assert response.status_code == 200, response.text


def only_donation() -> Donation:
    db.session.expire_all()
    return db.session.scalars(select(Donation)).one()


def session_of(stripe_fake, response) -> str:
    assert response.status_code == 303, response.text
    session_id = response.headers["Location"].rsplit("/", 1)[1]
    assert session_id in stripe_fake.sessions
    return session_id


def test_without_keys_the_page_says_donations_are_not_set_up(client):
    page = client.get("/donate/")
    assert page.status_code == 200
    assert "not set up" in page.text and "<form" not in page.text.split("<main")[1]


def test_a_one_off_gift_is_paid_only_when_the_webhook_says_so(donor, stripe_fake, dctx, run_jobs, outbox):
    petition = make_petition(title="Changes to Children Act 1989")
    response = give(
        donor, amount="other", other_amount="12.50", opt_in="y", dedication=f"petition:{petition.slug}"
    )
    session_id = session_of(stripe_fake, response)

    sent = stripe_fake.posted(CHECKOUT)[0]
    donation = only_donation()
    assert sent["mode"] == "payment" and sent["submit_type"] == "donate"
    assert sent["line_items"][0]["price_data"] == {
        "currency": "gbp",
        "unit_amount": "1250",
        "product_data": {
            "name": "Donation to Support Not Separation",
            "description": "Towards: Changes to Children Act 1989",
        },
    }
    assert sent["metadata"] == {"donation_ref": donation.ref} == sent["payment_intent_data"]["metadata"]
    assert sent["client_reference_id"] == donation.ref and sent["customer_email"] == "mary@example.org"
    assert sent["success_url"].endswith(f"/donate/thanks/{donation.ref}?session_id={{CHECKOUT_SESSION_ID}}")
    request = next(r for r in stripe_fake.requests if r.path == CHECKOUT)
    assert request.headers["Idempotency-Key"] == donation.idempotency_key
    assert (donation.amount_pence, donation.petition_id, donation.opt_in) == (1250, petition.id, True)

    # Back from Stripe before the webhook: nothing counted yet, and the page says so.
    thanks = donor.get(f"/donate/thanks/{donation.ref}?session_id={session_id}")
    assert "Confirming your payment" in thanks.text and 'http-equiv="refresh"' in thanks.text
    assert db.session.scalar(select(func.count()).select_from(DonationPayment)) == 0

    deliver_all(donor, stripe_fake.complete(session_id))
    donation = only_donation()
    assert donation.state == "completed"
    [payment] = donation.payments
    assert (payment.state, payment.amount_pence, payment.net_pence) == ("paid", 1250, 1250)
    assert payment.payment_intent == stripe_fake.sessions[session_id]["payment_intent"]
    thanks = donor.get(f"/donate/thanks/{donation.ref}")
    assert "Thank you, Mary Example" in thanks.text and "refresh" not in thanks.text

    run_jobs()
    [receipt] = outbox("mary@example.org")
    assert receipt.subject == "Thank you for your donation"
    assert "£12.50" in receipt.text_body and donation.ref in receipt.text_body
    assert "Changes to Children Act 1989" in receipt.text_body


def test_a_double_click_creates_one_donation_and_one_session(donor, stripe_fake, dctx):
    page = donor.get("/donate/")
    data = {**form_values(page.text, "csrf_token", "form_nonce"), **form_data()}
    first = donor.post("/donate/", data=data)
    second = donor.post("/donate/", data=data)
    assert first.headers["Location"] == second.headers["Location"]
    assert db.session.scalar(select(func.count()).select_from(Donation)) == 1
    assert len(stripe_fake.sessions) == 1

    # The same form changed (another amount) is a different gift.
    changed = donor.post("/donate/", data={**data, "amount": "2500"})
    assert changed.headers["Location"] != first.headers["Location"]
    assert db.session.scalar(select(func.count()).select_from(Donation)) == 2


def test_stripe_answering_twice_with_the_same_key_gives_the_same_session(donor, stripe_fake, dctx):
    """What protects a double click that reaches Stripe twice (a timeout and a retry): our key."""
    from campaign.payments import start_checkout as create_checkout_session
    from campaign.services.donations.giving import checkout_request as checkout_params

    give(donor)
    donation = only_donation()
    again = create_checkout_session(checkout_params(donation), donation.idempotency_key)
    assert again[0] == donation.checkout_session_id
    assert len(stripe_fake.sessions) == 1


def test_when_stripe_fails_the_form_keeps_everything_and_a_retry_works(donor, stripe_fake, dctx):
    # The library itself retries twice with the same key before giving up.
    stripe_fake.queue(*[stripe_error(500, message="Something went wrong on Stripe's end.")] * 3)
    failed = give(donor, name="Joanne Typed-This", amount="other", other_amount="7")
    assert failed.status_code == 400
    assert "could not start this payment" in failed.text and "Nothing has been taken" in failed.text
    assert 'value="Joanne Typed-This"' in failed.text and 'value="7"' in failed.text
    donation = only_donation()
    assert donation.checkout_error and not donation.checkout_url
    first_key = next(r for r in stripe_fake.requests if r.path == CHECKOUT).headers["Idempotency-Key"]
    assert donation.idempotency_key != first_key  # Stripe stored its 500 against the old key

    fields = form_values(failed.text, "csrf_token", "form_nonce")
    retry = donor.post(
        "/donate/", data={**fields, **form_data(name="Joanne Typed-This", amount="other", other_amount="7")}
    )
    session_of(stripe_fake, retry)
    assert db.session.scalar(select(func.count()).select_from(Donation)) == 1  # the same gift, retried


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "Enter an amount"),
        ("ten pounds", "as a number"),
        ("1", "The smallest donation we can take online is £2"),
        ("1.999", "as a number"),
        ("-5", "as a number"),
        ("1e9", "as a number"),
        ("NaN", "as a number"),
        ("99999999999", "The most we can take online in one go is £10,000"),
        ("10001", "The most we can take online in one go is £10,000"),
    ],
)
def test_bad_amounts_are_refused_beside_the_field_with_the_input_kept(
    donor, stripe_fake, dctx, amount, message
):
    response = give(donor, amount="other", other_amount=amount)
    assert response.status_code == 400
    field = response.text.split('id="other_amount-error"')[1][:300]
    assert message in field
    assert f'value="{amount}"' in response.text or not amount
    assert 'value="Mary Example"' in response.text
    assert stripe_fake.posted(CHECKOUT) == []
    assert db.session.scalar(select(func.count()).select_from(Donation)) == 0


def test_amounts_are_read_as_people_type_them(donor, stripe_fake, dctx):
    for typed, pence in (("£1,000", 100000), ("15.5", 1550), (" 20 ", 2000), ("2", 200)):
        session_of(stripe_fake, give(donor, amount="other", other_amount=typed))
        assert stripe_fake.posted(CHECKOUT)[-1]["line_items"][0]["price_data"]["unit_amount"] == str(pence)


def test_a_forged_suggested_amount_or_frequency_is_refused(donor, stripe_fake, dctx):
    assert give(donor, amount="1").status_code == 400
    assert give(donor, frequency="weekly").status_code == 400
    assert give(donor, dedication="petition:no-such-petition").status_code == 400
    assert stripe_fake.posted(CHECKOUT) == []


def test_a_monthly_gift_is_a_subscription_and_each_month_is_counted_once(
    donor, stripe_fake, dctx, run_jobs, outbox
):
    session_id = session_of(stripe_fake, give(donor, frequency="monthly", amount="500"))
    sent = stripe_fake.posted(CHECKOUT)[0]
    donation = only_donation()
    assert sent["mode"] == "subscription" and "submit_type" not in sent and "payment_intent_data" not in sent
    assert sent["line_items"][0]["price_data"]["recurring"] == {"interval": "month"}
    assert sent["subscription_data"]["metadata"] == {"donation_ref": donation.ref}

    deliver_all(donor, stripe_fake.complete(session_id))
    donation = only_donation()
    subscription_id = stripe_fake.sessions[session_id]["subscription"]
    assert (donation.state, donation.subscription_status) == ("completed", "active")
    assert donation.stripe_subscription_id == subscription_id
    # The session and the first invoice both say £5: it is counted once.
    assert [(p.state, p.amount_pence) for p in donation.payments] == [("paid", 500)]

    deliver_all(donor, stripe_fake.renew(subscription_id))
    donation = only_donation()
    assert [(p.state, p.amount_pence) for p in donation.payments] == [("paid", 500), ("paid", 500)]
    run_jobs()
    receipts = outbox("mary@example.org")
    assert [m.subject for m in receipts] == [
        "Thank you for your donation",
        "Receipt for your monthly donation",
    ]
    assert "/donate/manage/" in receipts[0].text_body


def test_a_failed_monthly_payment_is_not_counted_and_the_donor_is_told(
    donor, stripe_fake, dctx, run_jobs, outbox
):
    session_id = session_of(stripe_fake, give(donor, frequency="monthly", amount="1000"))
    deliver_all(donor, stripe_fake.complete(session_id))
    subscription_id = stripe_fake.sessions[session_id]["subscription"]
    deliver_all(donor, stripe_fake.renew(subscription_id, paid=False))

    donation = only_donation()
    assert [p.state for p in donation.payments] == ["paid", "failed"]
    assert sum(p.net_pence for p in donation.payments) == 1000
    assert donation.subscription_status == "past_due"
    run_jobs()
    failed = [
        m for m in outbox("mary@example.org") if m.subject == "Your donation payment did not go through"
    ]
    assert len(failed) == 1 and "/donate/manage/" in failed[0].text_body
    manage = donor.get(re.search(r"http://localhost(/donate/manage/\S+)", failed[0].text_body).group(1))
    assert "did not go through" in manage.text


def test_refunds_are_cumulative_and_a_lost_dispute_takes_the_money_back(donor, stripe_fake, dctx):
    session_id = session_of(stripe_fake, give(donor, amount="2500"))
    deliver_all(donor, stripe_fake.complete(session_id))
    intent = stripe_fake.sessions[session_id]["payment_intent"]
    partial = stripe_fake.refund(intent, 500)
    full = stripe_fake.refund(intent)
    deliver_all(donor, full)
    deliver_all(donor, partial)  # the older, smaller total arrives last
    [payment] = only_donation().payments
    assert (payment.refunded_pence, payment.net_pence) == (2500, 0)

    session_id = session_of(stripe_fake, give(donor, amount="5000", name="Other Donor"))
    deliver_all(donor, stripe_fake.complete(session_id))
    intent = stripe_fake.sessions[session_id]["payment_intent"]
    opened = stripe_fake.dispute(intent)
    closed = stripe_fake.close_dispute(opened[0]["data"]["object"]["id"], won=False)
    deliver_all(donor, closed + opened)
    db.session.expire_all()
    payment = db.session.scalar(select(DonationPayment).where(DonationPayment.payment_intent == intent))
    assert (payment.dispute_status, payment.net_pence) == ("lost", 0)


def _events_for_each_kind(donor, stripe_fake) -> dict[str, list[dict]]:
    session_id = session_of(stripe_fake, give(donor, frequency="monthly", amount="other", other_amount="15"))
    events = stripe_fake.complete(session_id)
    subscription_id = stripe_fake.sessions[session_id]["subscription"]
    first_intent = next(e for e in events if e["type"] == "invoice_payment.paid")["data"]["object"][
        "payment"
    ]["payment_intent"]
    events += stripe_fake.renew(subscription_id, paid=False)
    events += stripe_fake.refund(first_intent, 700)
    events += stripe_fake.cancel_subscription(subscription_id)
    return events


def test_events_in_any_order_and_repeated_end_in_the_same_state(donor, stripe_fake, dctx):
    """A monthly gift's whole life (checkout, first invoice, a failed renewal, a partial refund of the first
    payment, cancellation) posted in every kind of order, with repeats, always ends the same."""

    def final_state():
        donation = only_donation()
        return (
            donation.state,
            donation.subscription_status,
            donation.stripe_subscription_id is not None,
            sorted((p.state, p.amount_pence, p.refunded_pence, p.net_pence) for p in donation.payments),
        )

    events = _events_for_each_kind(donor, stripe_fake)
    deliver_all(donor, events)
    expected = final_state()
    assert expected == ("completed", "canceled", True, [("failed", 1500, 0, 0), ("paid", 1500, 700, 800)])

    orders = [list(reversed(events)), events[3:] + events[:3], events[::2] + events[1::2] + events[::3]]
    for order in orders:
        db.session.execute(DonationPayment.__table__.delete())
        db.session.execute(StripeEvent.__table__.delete())
        from campaign.models import StripeCharge

        db.session.execute(StripeCharge.__table__.delete())
        donation = only_donation()
        donation.state, donation.subscription_status, donation.subscription_status_at = "started", "", 0
        donation.stripe_subscription_id = donation.stripe_customer_id = donation.cancelled_at = None
        db.session.commit()
        deliver_all(donor, order + order[:2])
        assert final_state() == expected, [e["type"] for e in order]


def test_every_ordering_of_a_one_off_gifts_events_agrees(donor, stripe_fake, dctx):
    session_id = session_of(stripe_fake, give(donor, amount="5000"))
    events = stripe_fake.complete(session_id, paid=False)
    events += stripe_fake.async_result(session_id, succeeded=True)
    intent = stripe_fake.sessions[session_id]["payment_intent"]
    events += stripe_fake.refund(intent, 1000)
    results = set()
    for order in itertools.permutations(events):
        db.session.execute(DonationPayment.__table__.delete())
        db.session.execute(StripeEvent.__table__.delete())
        from campaign.models import StripeCharge

        db.session.execute(StripeCharge.__table__.delete())
        only_donation().state = "started"
        db.session.commit()
        deliver_all(donor, order)
        donation = only_donation()
        results.add((donation.state, tuple((p.state, p.net_pence) for p in donation.payments)))
    assert results == {("completed", (("paid", 4000),))}


def test_a_replayed_event_is_processed_once(donor, stripe_fake, dctx, run_jobs, outbox):
    session_id = session_of(stripe_fake, give(donor))
    [completed] = stripe_fake.complete(session_id)
    assert deliver(donor, completed).json["outcome"] == "processed"
    assert deliver(donor, completed).json["outcome"] == "duplicate"
    assert deliver(donor, completed, timestamp=int(time.time()) - 5).json["outcome"] == "duplicate"
    assert len(only_donation().payments) == 1
    run_jobs()
    assert len(outbox("mary@example.org")) == 1
    assert db.session.scalar(select(func.count()).select_from(StripeEvent)) == 1


@pytest.mark.parametrize(
    "case", ["wrong secret", "stale", "future", "no header", "tampered", "garbage header"]
)
def test_unverifiable_webhooks_are_refused_and_nothing_changes(donor, stripe_fake, dctx, case):
    session_id = session_of(stripe_fake, give(donor))
    [completed] = stripe_fake.complete(session_id)
    raw, headers = signed_delivery(completed, SECRET)
    if case == "wrong secret":
        raw, headers = signed_delivery(completed, "whsec_someone_else")
    elif case == "stale":
        raw, headers = signed_delivery(completed, SECRET, timestamp=int(time.time()) - 301)
    elif case == "future":
        raw, headers = signed_delivery(completed, SECRET, timestamp=int(time.time()) + 3600)
    elif case == "no header":
        del headers["Stripe-Signature"]
    elif case == "tampered":
        raw = raw.replace(b'"amount_total": 1000', b'"amount_total": 100000')
        assert b"100000" in raw
    elif case == "garbage header":
        headers["Stripe-Signature"] = "nonsense"
    response = donor.post("/webhooks/stripe", data=raw, headers=headers)
    assert response.status_code == 400
    assert "Not accepted" in response.json["error"]
    assert only_donation().state == "started"
    assert db.session.scalar(select(func.count()).select_from(StripeEvent)) == 0


def test_events_that_are_not_ours_are_stored_and_ignored(donor, stripe_fake, dctx):
    session_id = session_of(stripe_fake, give(donor))
    [completed] = stripe_fake.complete(session_id)
    completed["data"]["object"]["metadata"] = {}
    completed["data"]["object"]["client_reference_id"] = None
    completed["id"] = "evt_someone_elses_shop"
    assert deliver(donor, completed).json["outcome"] == "ignored"
    other = {**completed, "id": "evt_unhandled_type", "type": "customer.created"}
    assert deliver(donor, other).json["outcome"] == "ignored"
    assert only_donation().state == "started"
    malformed = deliver(donor, {"id": "evt_x"})
    assert malformed.status_code == 400


def test_an_abandoned_checkout_expires_and_the_form_comes_back_filled_in(donor, stripe_fake, dctx):
    session_id = session_of(stripe_fake, give(donor, name="Kept Name", amount="other", other_amount="33"))
    donation = only_donation()
    back = donor.get(f"/donate/?resume={donation.ref}")
    assert "Your payment was not completed" in back.text
    assert 'value="Kept Name"' in back.text and 'value="33"' in back.text
    deliver_all(donor, stripe_fake.expire(session_id))
    assert only_donation().state == "expired"
    assert "was not completed" in donor.get(f"/donate/thanks/{donation.ref}").text
    assert "Your payment was not completed" not in donor.get(f"/donate/?resume={donation.ref}").text


def test_a_delayed_payment_that_fails_is_never_counted(donor, stripe_fake, dctx, run_jobs, outbox):
    session_id = session_of(stripe_fake, give(donor))
    deliver_all(donor, stripe_fake.complete(session_id, paid=False))
    assert only_donation().state == "processing"
    assert "on its way" in donor.get(f"/donate/thanks/{only_donation().ref}").text
    deliver_all(donor, stripe_fake.async_result(session_id, succeeded=False))
    donation = only_donation()
    assert donation.state == "failed" and [p.state for p in donation.payments] == ["failed"]
    run_jobs()
    assert [m.subject for m in outbox("mary@example.org")] == ["Your donation payment did not go through"]


def _enable_gift_aid():
    db.session.merge(
        DonationSettings(
            id=1, gift_aid_enabled=True, charity_name="Legal Action for Women Trust", charity_number="1234567"
        )
    )
    db.session.commit()


GIFT_AID = {
    "gift_aid": "y",
    "gift_aid_title": "Ms",
    "gift_aid_first_name": "Mary",
    "gift_aid_last_name": "Example",
    "gift_aid_house": "12",
    "gift_aid_address": "Crossway, London",
    "gift_aid_postcode": "n16 8hr",
    "gift_aid_covers": "enduring",
}


def test_gift_aid_is_offered_only_when_switched_on_and_stored_as_declared(donor, stripe_fake, dctx):
    assert "Gift Aid" not in donor.get("/donate/").text
    _enable_gift_aid()
    page = donor.get("/donate/")
    assert (
        "I want to Gift Aid my donation and any donations I make in the future or have made in the "
        "past 4 years to Legal Action for Women Trust. I am a UK taxpayer" in page.text
    )

    session_of(stripe_fake, give(donor, frequency="monthly", **GIFT_AID))
    declaration = db.session.scalars(select(GiftAidDeclaration)).one()
    assert (
        declaration.title,
        declaration.first_name,
        declaration.last_name,
        declaration.house,
        declaration.address,
        declaration.postcode,
        declaration.covers,
    ) == ("Ms", "Mary", "Example", "12", "Crossway, London", "N16 8HR", "enduring")
    assert declaration.wording.startswith("I want to Gift Aid my donation and any donations")
    assert "responsibility to pay any difference" in declaration.wording
    assert declaration.charity_name == "Legal Action for Women Trust" and declaration.wording_version
    assert only_donation().gift_aid_declaration_id == declaration.id


def test_gift_aid_needs_a_name_house_and_uk_postcode(donor, stripe_fake, dctx):
    _enable_gift_aid()
    response = give(
        donor,
        **{
            **GIFT_AID,
            "gift_aid_first_name": "",
            "gift_aid_house": "",
            "gift_aid_postcode": "75001",
            "gift_aid_last_name": "Ex=ample",
        },
    )
    assert response.status_code == 400
    for field, message in (
        ("gift_aid_first_name", "Enter your first name"),
        ("gift_aid_house", "Enter your house name or number"),
        ("gift_aid_postcode", "Gift Aid needs a UK address"),
        ("gift_aid_last_name", "up to 35 letters"),
    ):
        assert message in response.text.split(f'id="{field}-error"')[1][:200]
    assert 'value="Ex=ample"' in response.text and 'value="75001"' in response.text
    assert stripe_fake.posted(CHECKOUT) == []
    # Without the box ticked, the address is not needed and nothing is declared.
    session_of(stripe_fake, give(donor, **{**GIFT_AID, "gift_aid": None, "gift_aid_house": ""}))
    assert only_donation().gift_aid_declaration is None


def _monthly_donor_link(donor, stripe_fake, run_jobs, outbox, **extra) -> tuple[str, str]:
    session_id = session_of(stripe_fake, give(donor, frequency="monthly", **extra))
    deliver_all(donor, stripe_fake.complete(session_id))
    run_jobs()
    link = re.search(r"http://localhost(/donate/manage/\S+)", outbox("mary@example.org")[0].text_body).group(
        1
    )
    return link, stripe_fake.sessions[session_id]["subscription"]


def test_a_monthly_donor_cancels_from_the_link_in_their_receipt(donor, stripe_fake, dctx, run_jobs, outbox):
    link, subscription_id = _monthly_donor_link(donor, stripe_fake, run_jobs, outbox)
    page = donor.get(link)
    assert "Active" in page.text and "£10 a month" in page.text
    assert page.headers["Referrer-Policy"] == "no-referrer" and page.headers["Cache-Control"] == "no-store"
    confirm = donor.get(link + "?cancel=1")
    assert "Are you sure?" in confirm.text
    done = donor.post(link + "/cancel", data=form_values(confirm.text, "csrf_token"), follow_redirects=True)
    assert "Your monthly donation is cancelled" in done.text and "Cancelled on" in done.text
    assert any(
        r.method == "DELETE" and r.path == f"/v1/subscriptions/{subscription_id}"
        for r in stripe_fake.requests
    )
    assert stripe_fake.subscriptions[subscription_id]["status"] == "canceled"
    # Stripe's own event about it agrees, and a late "active" update does not bring it back.
    deleted = [e for e in stripe_fake.events if e["type"] == "customer.subscription.deleted"]
    stale_update = {
        **deleted[0],
        "id": "evt_stale_update",
        "type": "customer.subscription.updated",
        "created": deleted[0]["created"] - 100,
        "data": {"object": {**deleted[0]["data"]["object"], "status": "active"}},
    }
    deliver_all(donor, deleted + [stale_update])
    assert only_donation().subscription_status == "canceled"


def test_a_monthly_donor_changes_their_card_in_stripes_portal(donor, stripe_fake, dctx, run_jobs, outbox):
    link, _ = _monthly_donor_link(donor, stripe_fake, run_jobs, outbox)
    token = donor.csrf_token(link)
    response = donor.post(link + "/card", data={"csrf_token": token})
    assert response.status_code == 303
    assert response.headers["Location"].startswith("https://billing.stripe.com/")
    [sent] = stripe_fake.posted("/v1/billing_portal/sessions")
    assert sent["customer"] == only_donation().stripe_customer_id
    assert sent["return_url"].startswith("http://localhost/donate/manage/")


def test_a_donor_withdraws_gift_aid_and_a_forged_link_finds_nothing(
    donor, stripe_fake, dctx, run_jobs, outbox
):
    _enable_gift_aid()
    link, _ = _monthly_donor_link(donor, stripe_fake, run_jobs, outbox, **GIFT_AID)
    token = donor.csrf_token(link)
    done = donor.post(link + "/gift-aid", data={"csrf_token": token}, follow_redirects=True)
    assert "Your Gift Aid declaration is withdrawn" in done.text
    assert only_donation().gift_aid_declaration.cancelled_at is not None
    assert donor.get(link[:-3] + "abc").status_code == 404
    assert donor.post(link + "/cancel", data={}).status_code in (302, 303, 400)
    assert only_donation().subscription_status == "active"


def test_the_donate_form_may_send_people_to_stripe_and_nowhere_else(donor):
    policy = donor.get("/donate/").headers["Content-Security-Policy"]
    assert "form-action 'self' https://checkout.stripe.com" in policy
    assert "form-action 'self';" in donor.get("/").headers["Content-Security-Policy"]


def test_donations_emails_are_queued_once_per_payment(donor, stripe_fake, dctx):
    session_id = session_of(stripe_fake, give(donor, frequency="monthly"))
    events = stripe_fake.complete(session_id)
    deliver_all(donor, events + events)
    assert (
        db.session.scalar(select(func.count()).select_from(Email).where(Email.kind == "donation_receipt"))
        == 1
    )


def test_stripe_being_unreachable_is_explained(make_app, dctx):
    app = make_app(
        STRIPE_SECRET_KEY="sk_test_x",
        STRIPE_WEBHOOK_SECRET=SECRET,
        STRIPE_API_BASE="http://127.0.0.1:9",
        STRIPE_TIMEOUT="2",
    )
    from tests.conftest import FormClient

    donor = FormClient(app.test_client())
    with app.app_context():
        response = give(donor)
        assert response.status_code == 400
        assert "could not reach our payment provider" in response.text
        donation = db.session.scalars(select(Donation)).one()
        assert donation.checkout_error and not donation.checkout_session_id


def test_an_expired_form_comes_back_with_everything_typed(donor, stripe_fake, dctx):
    response = donor.post(
        "/donate/",
        data={
            "csrf_token": "stale",
            "form_nonce": "n",
            **form_data(name="Typed Before Lunch", amount="other", other_amount="42"),
        },
    )
    assert response.status_code == 400
    assert "nothing has been sent yet" in response.text
    assert 'value="Typed Before Lunch"' in response.text and 'value="42"' in response.text
    assert stripe_fake.posted(CHECKOUT) == []


def test_a_petition_page_offers_giving_towards_it_and_the_form_remembers(donor, stripe_fake, dctx):
    petition = make_petition(title="Stop separating families")
    page = donor.get(f"/petitions/{petition.slug}")
    link = re.search(r'href="(/donate/\?towards=[^"]+)"', page.text).group(1).replace("&amp;", "&")
    form = donor.get(link)
    assert f'<option selected value="petition:{petition.slug}">' in form.text


def test_a_donors_data_export_lists_their_gifts(donor, stripe_fake, dctx):
    from tests.factories import PASSWORD, make_user

    session_id = session_of(stripe_fake, give(donor, email="Member.Donor@example.org"))
    deliver_all(donor, stripe_fake.complete(session_id))
    make_user("member", email="member.donor@example.org")
    donor.sign_in("member.donor@example.org", PASSWORD)
    data = donor.get("/account/data.json").json
    [gift] = data["donations"]
    assert (gift["amount_pence"], gift["state"], gift["payments"][0]["state"]) == (1000, "completed", "paid")


def test_the_donate_page_shows_progress_toward_the_target_from_paid_money_only(donor, stripe_fake, dctx):
    db.session.merge(
        DonationSettings(id=1, target_pence=100000, target_label="legal advice sessions this winter")
    )
    db.session.commit()
    paid = session_of(stripe_fake, give(donor, amount="2500"))
    deliver_all(donor, stripe_fake.complete(paid))
    session_of(stripe_fake, give(donor, amount="5000", name="Not Yet Paid"))
    page = donor.get("/donate/")
    assert "<strong>£25</strong> raised of £1,000 for legal advice sessions this winter" in page.text
    assert 'value="2500" max="100000"' in page.text


def test_unknown_or_forged_donation_links_say_not_found(donor, dctx):
    assert donor.get("/donate/thanks/no-such-gift").status_code == 404
    token = donor.csrf_token("/donate/")
    assert donor.post("/donate/manage/forged.token/cancel", data={"csrf_token": token}).status_code == 404
    assert donor.post("/donate/manage/forged.token/card", data={"csrf_token": token}).status_code == 404


def test_the_thank_you_page_names_the_donor_for_a_day_only(donor, dctx):
    """Its address (a never-expiring ref) sits in the donor's browser history once Stripe redirects there."""
    donation = make_donation(name="Mary Example", email="mary@example.org", state="completed")
    fresh = donor.get(f"/donate/thanks/{donation.ref}")
    assert "Thank you, Mary Example" in fresh.text and "mary@example.org" in fresh.text

    donation.created_at -= timedelta(days=2)
    db.session.commit()
    later = donor.get(f"/donate/thanks/{donation.ref}")
    assert later.status_code == 200 and "Thank you" in later.text
    assert "Mary Example" not in later.text and "mary@example.org" not in later.text
