"""The demo's whole donation in a real browser, through the development Stripe stand-in as ``make run``
runs it: the donor gives monthly with Gift Aid on our form, pays on the stand-in's own checkout page,
comes back to a thank-you page that updates when the stand-in's signed webhook lands, finds the receipt
in the development outbox, and cancels from the manage link; an organiser then sees the gift in the
figures and on the Gift Aid schedule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from campaign.dev.stripe_standin.server import StripeStandin, serve
from campaign.embedded import free_port
from campaign.extensions import db
from campaign.models import DonationSettings, OutboxMessage, Role
from tests.browser.conftest import fill_monthly_gift_aid_form, sign_in
from tests.factories import make_user
from tests.support.fake_http import ServerThread
from tests.support.waiting import wait_for

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / ".test-services" / "screenshots"
SECRET = "whsec_standin_browser"


@pytest.fixture
def standin():
    port = free_port()
    standin = StripeStandin(f"http://127.0.0.1:{port}", "http://127.0.0.1:9/not-yet", SECRET)
    running = ServerThread(serve(standin, "127.0.0.1", port)).start()
    yield standin
    running.stop()
    standin.close()


@pytest.fixture
def site_port():
    return free_port()


@pytest.fixture
def app(make_app, standin, site_port):
    app = make_app(
        BASE_URL=f"http://127.0.0.1:{site_port}",  # where the stand-in sends the donor back
        STRIPE_SECRET_KEY="sk_test_standin_not_a_real_stripe_key",
        STRIPE_WEBHOOK_SECRET=SECRET,
        STRIPE_API_BASE=standin.checkout_origin,
        STRIPE_REDIRECT_ORIGINS=standin.checkout_origin,
    )
    with app.app_context():
        db.session.add(DonationSettings(id=1, gift_aid_enabled=True, charity_name="Demo Trust"))
        make_user(role=Role.ORGANISER, email="organiser@example.org")
        db.session.commit()
    return app


@pytest.fixture
def live_server(app, site_port, standin):
    """The app on loopback at its BASE_URL, one request at a time, taking the stand-in's webhooks."""
    running = ServerThread(make_server("127.0.0.1", site_port, app, threaded=False)).start()
    url = f"http://127.0.0.1:{site_port}"
    standin.delivery.url = url + "/webhooks/stripe"
    yield url
    running.stop()


def test_a_newcomer_gives_monthly_through_the_standin_and_cancels(app, live_server, standin, page, run_jobs):
    SHOTS.mkdir(parents=True, exist_ok=True)
    fill_monthly_gift_aid_form(page, live_server)
    page.get_by_role("button", name="Continue to payment").click()

    # The stand-in's own checkout page: the CSP let the form go there.
    expect(page.get_by_role("heading", level=1)).to_have_text("Monthly donation to Support Not Separation")
    assert page.url.startswith(standin.checkout_origin + "/c/pay/")
    expect(page.get_by_text("per month")).to_be_visible()
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.screenshot(path=str(SHOTS / "stripe-standin-checkout-320.png"), full_page=True)
    page.get_by_role("button", name="Use a card that is declined").click()
    expect(page.get_by_role("alert")).to_contain_text("Your card was declined")
    page.get_by_role("button", name="Pay £15.00").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, Mary Example", timeout=15000)
    wait_for(lambda: standin.delivery.pending() == 0, 10, "the stand-in's webhooks to be delivered")
    run_jobs()
    page.goto(live_server + "/dev/outbox")
    page.get_by_role("link", name="Thank you for your donation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your donation")

    with app.app_context():
        receipt = db.session.scalars(db.select(OutboxMessage)).one()
        manage = re.search(r"(http://\S+/donate/manage/\S+)", receipt.text_body).group(1)
        db.session.expunge_all()
    page.goto(manage)
    page.get_by_role("link", name="Cancel my monthly donation").click()
    page.get_by_role("button", name="Yes, cancel my monthly donation").click()
    expect(page.get_by_text("Your monthly donation is cancelled")).to_be_visible()
    wait_for(lambda: standin.delivery.pending() == 0, 10, "the cancellation's webhook to be delivered")
    assert [s["status"] for s in standin.subscriptions.values()] == ["canceled"]

    sign_in(page, live_server, "organiser@example.org")
    page.goto(live_server + "/donate/admin")
    expect(page.locator("[data-figure=net]")).to_have_text("£15")
    page.goto(live_server + "/donate/admin/gift-aid")
    schedule = page.get_by_role("table", name="The schedule as HMRC asks for it")
    expect(schedule.get_by_role("row")).to_have_count(2)
    expect(schedule.get_by_role("row").nth(1)).to_contain_text("Mary")
    expect(schedule.get_by_role("row").nth(1)).to_contain_text("15.00")
