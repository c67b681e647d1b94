"""Giving in a real browser: the donor fills in the form (monthly, their own amount, Gift Aid), is sent to
Stripe Checkout (stood in for by a routed page, since the CSP must let the form go there), comes back to a
page that waits for the webhook and updates by itself when Stripe's signed event arrives."""

import re
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from campaign.extensions import db
from campaign.models import DonationSettings
from tests.browser.conftest import fill_monthly_gift_aid_form
from tests.support.fake_stripe import signed_delivery

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / ".test-services" / "screenshots"
SECRET = "whsec_browser"


@pytest.fixture
def app(make_app, stripe_fake):
    app = make_app(
        STRIPE_SECRET_KEY="sk_test_browser", STRIPE_WEBHOOK_SECRET=SECRET, STRIPE_API_BASE=stripe_fake.url
    )
    with app.app_context():
        db.session.add(
            DonationSettings(id=1, gift_aid_enabled=True, charity_name="Legal Action for Women Trust")
        )
        db.session.commit()
    return app


def test_a_monthly_donor_with_gift_aid_pays_and_sees_their_thanks(app, live_server, page, stripe_fake):
    page.route(
        "https://checkout.stripe.com/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<h1>Stripe Checkout (test stand-in)</h1>"
        ),
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 320, "height": 900})
    fill_monthly_gift_aid_form(page, live_server)
    page.screenshot(path=str(SHOTS / "donate-form-320.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    page.get_by_role("button", name="Continue to payment").click()
    expect(page.get_by_role("heading")).to_have_text("Stripe Checkout (test stand-in)")
    session_id = page.url.rsplit("/", 1)[1]
    assert stripe_fake.session_params[session_id]["mode"] == "subscription"

    ref = stripe_fake.sessions[session_id]["client_reference_id"]
    page.goto(f"{live_server}/donate/thanks/{ref}?session_id={session_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirming your payment")
    page.screenshot(path=str(SHOTS / "donate-confirming.png"), full_page=True)
    # Stripe's events reach the same server the page is polling.
    for event in stripe_fake.complete(session_id):
        body, headers = signed_delivery(event, SECRET)
        request = urllib.request.Request(
            live_server + "/webhooks/stripe", data=body, headers=headers, method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
    started = time.monotonic()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, Mary Example", timeout=15000)
    assert time.monotonic() - started < 15
    assert re.search(r"worth £18\.75", page.content())
    page.set_viewport_size({"width": 1000, "height": 800})
    page.screenshot(path=str(SHOTS / "donate-thanks.png"), full_page=True)
