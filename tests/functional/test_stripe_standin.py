"""The development stand-in for Stripe (campaign/dev/stripe_standin), driven as ``make run`` uses it: the
app's real ``stripe`` client calls its API, the donor presses its checkout and portal buttons, and its
webhooks reach the app (served on loopback) signed as Stripe signs them. Every request goes through the
one-thread app server, so the webhooks and the donor's requests never share the test's connection at once;
the database is read only when the stand-in has nothing left to deliver."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import requests
from sqlalchemy import select
from werkzeug.serving import make_server

from campaign import devstack
from campaign.dev.stripe_standin import ProductionRefused, launch, refuse_in_production
from campaign.dev.stripe_standin.server import StripeStandin, serve
from campaign.embedded import free_port
from campaign.extensions import db
from campaign.models import Donation, DonationState
from campaign.services.donations.donor_link import manage_url
from tests.conftest import form_values
from tests.support.fake_http import ServerThread
from tests.support.waiting import wait_for

SECRET = "whsec_standin_tests"


@pytest.fixture
def standin():
    port = free_port()
    standin = StripeStandin(
        f"http://127.0.0.1:{port}", "http://127.0.0.1:9/not-yet", SECRET, settle_after=3600
    )
    running = ServerThread(serve(standin, "127.0.0.1", port)).start()
    yield standin
    running.stop()
    standin.close()


@pytest.fixture
def app(make_app, standin):
    return make_app(
        STRIPE_SECRET_KEY="sk_test_standin_not_a_real_stripe_key",
        STRIPE_WEBHOOK_SECRET=SECRET,
        STRIPE_API_BASE=standin.checkout_origin,
        STRIPE_REDIRECT_ORIGINS=standin.checkout_origin,
    )


@pytest.fixture
def site(app, standin):
    """The app on loopback (one request at a time), receiving the stand-in's webhooks."""
    running = ServerThread(make_server("127.0.0.1", 0, app, threaded=False)).start()
    url = f"http://127.0.0.1:{running.port}"
    standin.delivery.url = url + "/webhooks/stripe"
    yield url
    running.stop()


def give(site: str, **fields) -> tuple[requests.Session, str]:
    """Fill in the donate form as a browser does; returns the donor's session and the checkout URL."""
    donor = requests.Session()
    page = donor.get(site + "/donate/")
    data = {
        **form_values(page.text, "csrf_token", "form_nonce"),
        "frequency": "one_off",
        "amount": "1000",
        "other_amount": "",
        "name": "Mary Example",
        "email": "mary@example.org",
        "dedication": "",
        "gift_aid_covers": "enduring",
        **fields,
    }
    response = donor.post(site + "/donate/", data=data, allow_redirects=False)
    assert response.status_code == 303, response.text
    return donor, response.headers["Location"]


def press(checkout_url: str, action: str) -> requests.Response:
    return requests.post(checkout_url, data={"action": action}, allow_redirects=False, timeout=10)


def delivered(standin: StripeStandin) -> list[str]:
    wait_for(lambda: standin.delivery.pending() == 0, 10, "the stand-in's webhooks to be delivered")
    return [e["type"] for e in standin.events if e["id"] in standin.delivery.delivered]


def the_donation(app) -> Donation:
    with app.app_context():
        db.session.expire_all()
        donation = db.session.scalars(select(Donation)).one()
        db.session.expunge(donation)
        return donation


def test_a_one_off_gift_is_paid_at_the_standin_and_completed_by_its_signed_webhook(
    app, site, standin, run_jobs, outbox
):
    donor, checkout_url = give(site)
    assert checkout_url.startswith(standin.checkout_origin + "/c/pay/cs_test_")
    page = requests.get(checkout_url, timeout=10)
    assert (
        page.status_code == 200
        and "Pay £10.00" in page.text
        and "Donation to Support Not Separation" in page.text
    )

    declined = press(checkout_url, "decline")
    assert declined.status_code == 402 and "Your card was declined" in declined.text
    assert delivered(standin) == [] and the_donation(app).state == DonationState.STARTED

    paid = press(checkout_url, "pay")
    assert delivered(standin) == ["checkout.session.completed"]
    donation = the_donation(app)
    assert paid.status_code == 303
    assert (
        paid.headers["Location"]
        == f"http://localhost/donate/thanks/{donation.ref}?session_id={donation.checkout_session_id}"
    )
    assert donation.state == DonationState.COMPLETED
    run_jobs()
    (receipt,) = outbox("mary@example.org")
    assert receipt.subject == "Thank you for your donation" and "Amount: £10\n" in receipt.text_body


def test_a_monthly_gift_completes_and_is_cancelled_from_the_manage_link(app, site, standin, run_jobs, outbox):
    donor, checkout_url = give(site, frequency="monthly", amount="500")
    assert "per month" in requests.get(checkout_url, timeout=10).text
    press(checkout_url, "pay")
    assert delivered(standin) == [
        "customer.subscription.created",
        "invoice.paid",
        "invoice_payment.paid",
        "checkout.session.completed",
    ]
    donation = the_donation(app)
    assert (
        donation.state == DonationState.COMPLETED and donation.stripe_subscription_id in standin.subscriptions
    )
    run_jobs()
    (receipt,) = outbox("mary@example.org")
    manage = site + re.search(r"http://localhost(/donate/manage/\S+)", receipt.text_body).group(1)

    page = donor.get(manage)
    donor.post(manage + "/cancel", data=form_values(page.text, "csrf_token"), allow_redirects=False)
    assert standin.subscriptions[donation.stripe_subscription_id]["status"] == "canceled"
    assert delivered(standin)[-1] == "customer.subscription.deleted"
    assert the_donation(app).subscription_status == "canceled"


def test_a_monthly_gift_is_cancelled_in_the_standins_customer_portal(app, site, standin):
    donor, checkout_url = give(site, frequency="monthly", amount="2500")
    press(checkout_url, "pay")
    delivered(standin)
    donation = the_donation(app)
    with app.app_context():
        manage = manage_url(donation).replace("http://localhost", site)
    page = donor.get(manage)
    to_portal = donor.post(manage + "/card", data=form_values(page.text, "csrf_token"), allow_redirects=False)
    portal_url = to_portal.headers["Location"]
    assert portal_url.startswith(standin.portal_origin + "/p/session/")
    portal = requests.get(portal_url, timeout=10)
    assert "£25.00 a month" in portal.text and "Cancel subscription" in portal.text
    requests.post(portal_url, data={"subscription": donation.stripe_subscription_id}, timeout=10)
    assert delivered(standin)[-1] == "customer.subscription.deleted"
    assert the_donation(app).subscription_status == "canceled"
    assert "Cancelled" in requests.get(portal_url, timeout=10).text


def test_paying_by_bacs_is_processing_then_paid_when_it_settles(app, site, standin, run_jobs, outbox):
    donor, checkout_url = give(site, amount="2500")
    assert press(checkout_url, "later").status_code == 303
    assert delivered(standin) == ["checkout.session.completed"]
    donation = the_donation(app)
    assert donation.state == DonationState.PROCESSING
    run_jobs()
    assert outbox("mary@example.org") == []  # no receipt until the money is in

    standin.settle(donation.checkout_session_id)  # what the timer does after settle_after seconds
    assert delivered(standin)[-1] == "checkout.session.async_payment_succeeded"
    assert the_donation(app).state == DonationState.COMPLETED
    run_jobs()
    assert [m.subject for m in outbox("mary@example.org")] == ["Thank you for your donation"]


def test_a_bacs_payment_settles_by_itself_after_the_set_delay(app, site, standin):
    standin.settle_after = 0.2
    donor, checkout_url = give(site)
    press(checkout_url, "later")
    wait_for(
        lambda: standin.delivery.pending() == 0 and len(standin.delivery.delivered) == 2,
        10,
        "the delayed payment to settle",
    )
    assert the_donation(app).state == DonationState.COMPLETED


def test_the_standin_refuses_to_start_in_production(tmp_path):
    production = {"APP_ENV": "production", "BASE_URL": "https://example.org"}
    with pytest.raises(ProductionRefused, match="never runs with APP_ENV=production"):
        refuse_in_production(production)
    with pytest.raises(ProductionRefused):
        launch(production)
    with pytest.raises(ProductionRefused):
        devstack.start_stripe_standin(dict(production))
    run = subprocess.run(
        [sys.executable, "-m", "campaign.dev.stripe_standin", "--port", str(free_port())]
        + ["--webhook-url", "https://example.org/webhooks/stripe"],
        env={"APP_ENV": "production", "STRIPE_WEBHOOK_SECRET": "whsec_x", "PATH": "/usr/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and "never runs with APP_ENV=production" in run.stderr


def test_devstack_leaves_real_stripe_keys_alone():
    assert devstack.start_stripe_standin({"STRIPE_SECRET_KEY": "sk_live_real", "APP_ENV": "production"}) == (
        {},
        None,
    )
