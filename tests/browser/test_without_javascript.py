"""The main forms with JavaScript switched off: each one refuses bad input with a message by the field and
what was typed kept, then does its job (signing, joining, sharing a story, signing in, searching, giving as
far as Stripe's page)."""

from __future__ import annotations

import pytest

from campaign.extensions import db
from campaign.models import DonationSettings, Role
from tests.factories import PASSWORD, make_petition, make_user

pytestmark = pytest.mark.browser
SLUG = "changes-to-children-act-1989"
TITLE = "Changes to Children Act 1989"


@pytest.fixture
def app(make_app, stripe_fake):
    app = make_app(
        STRIPE_SECRET_KEY="sk_test_nojs", STRIPE_WEBHOOK_SECRET="whsec_nojs", STRIPE_API_BASE=stripe_fake.url
    )
    with app.app_context():
        make_petition(title=TITLE, slug=SLUG)
        make_user(role=Role.ORGANISER, email="organiser@example.org")
        db.session.add(
            DonationSettings(id=1, gift_aid_enabled=True, charity_name="Legal Action for Women Trust")
        )
        db.session.commit()
    return app


@pytest.fixture
def page(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def errors(page) -> dict[str, str]:
    """The error summary's items, and each field's own message, by field id."""
    assert page.locator(".error-summary").is_visible(), "no error summary"
    beside = {
        field.locator("input, textarea, select, fieldset").first.get_attribute("id"): field.locator(
            ".error-message"
        ).inner_text()
        for field in page.locator(".field-error").all()
    }
    listed = [link.get_attribute("href") for link in page.locator(".error-summary a").all()]
    assert {f"#{name}" for name in beside} <= set(listed), (beside, listed)
    return beside


def test_scripts_are_really_off(live_server, page):
    page.goto(live_server + "/stories/share")
    assert page.locator("#body-count-status").inner_text() == ""
    assert page.get_by_role("button", name="Copy").count() == 0  # the copy buttons come from the script


def test_signing(live_server, page):
    page.goto(f"{live_server}/petitions/{SLUG}/sign")
    page.get_by_label("Email address").fill("not an address")
    page.get_by_role("button", name="Sign this petition").click()
    found = errors(page)
    assert "Enter your name" in found["name"] and "email" in found["email"].lower()
    assert page.get_by_label("Email address").input_value() == "not an address"
    page.get_by_label("Full name").fill("Mary Example")
    page.get_by_label("Email address").fill("mary@example.org")
    page.get_by_label("Postcode").fill("M1 1AE")
    page.get_by_role("button", name="Sign this petition").click()
    assert page.locator("h1").inner_text() == "Check your email"


def test_joining(live_server, page):
    page.goto(live_server + "/join")
    page.get_by_label("As an individual").check()
    page.get_by_label("Your name").fill("Sam Supporter")
    page.get_by_role("button", name="Send application").click()
    found = errors(page)
    assert set(found) >= {"email", "statement", "consent"}
    assert page.get_by_label("Your name").input_value() == "Sam Supporter"
    page.get_by_label("Your email address").fill("sam@example.org")
    page.get_by_label("Why do you support the coalition's aims?").fill("Families belong together.")
    page.locator("#consent").check()
    page.get_by_role("button", name="Send application").click()
    assert page.locator("h1").inner_text() == "Thank you for applying"


def test_sharing_a_story(live_server, page):
    page.goto(live_server + "/stories/share")
    page.get_by_label("A title for your story").fill("Help that came too late")
    page.get_by_label("Your story", exact=True).fill("We asked for help and waited a long time.")
    page.get_by_label("The name to show with your story").fill("Jo")
    page.get_by_label("Your email address").fill("jo@example.org")
    page.get_by_label("No, they have finished").check()
    page.get_by_role("button", name="Send my story").click()
    assert "You need to agree to this" in errors(page)["consent"]
    assert (
        page.get_by_label("Your story", exact=True).input_value()
        == "We asked for help and waited a long time."
    )
    assert page.locator("#body-count").inner_text() == "9 of 2,500 words"  # counted by the server
    page.locator("#consent").check()
    page.get_by_role("button", name="Send my story").click()
    assert page.locator("h1").inner_text() == "Thank you for sharing your story"


def test_signing_in(live_server, page):
    page.goto(live_server + "/sign-in")
    page.get_by_label("Email address").fill("organiser@example.org")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    assert "not right" in page.locator(".error-summary").inner_text()
    assert page.get_by_label("Email address").input_value() == "organiser@example.org"
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("link", name="Your area").is_visible()


def test_searching_petitions(live_server, page):
    page.goto(live_server + "/petitions/")
    page.get_by_role("searchbox").fill("Children Act")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("link", name=TITLE).count() >= 1
    page.get_by_role("searchbox").fill("no petition says this zzqx")
    page.get_by_role("button", name="Search").click()
    assert "No petitions match that search" in page.locator("main").inner_text()
    assert page.get_by_role("searchbox").input_value() == "no petition says this zzqx"


def test_giving_as_far_as_stripe(live_server, page):
    page.route(
        "https://checkout.stripe.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Stripe (stand-in)</h1>"),
    )
    page.goto(live_server + "/donate/")
    page.get_by_label("Your full name").fill("Mary Example")
    page.get_by_role("button", name="Continue to payment").click()
    found = errors(page)
    assert "Enter your email address" in found["email"]
    assert page.get_by_label("Your full name").input_value() == "Mary Example"
    page.get_by_label("Another amount").check()
    page.get_by_label("Other amount, in pounds").fill("15")
    page.get_by_label("Your email address").fill("mary@example.org")
    page.get_by_role("button", name="Continue to payment").click()
    assert page.locator("h1").inner_text() == "Stripe (stand-in)"
