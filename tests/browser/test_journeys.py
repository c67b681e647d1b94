"""The journeys a newcomer takes first, in a real browser."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from campaign.demo.seed import seed_demo

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / ".test-services" / "screenshots"


def test_visitor_reads_the_petition_and_the_story_behind_it(app, live_server, page):
    with app.app_context():
        seed_demo()
    page.goto(live_server + "/")
    page.get_by_role("link", name="Changes to Children Act 1989").first.click()
    page.wait_for_url(re.compile(r"/petitions/changes-to-children-act-1989$"))
    assert page.locator("h1").inner_text() == "Changes to Children Act 1989"
    assert "of 10,000 needed" in page.locator(".progress-label").inner_text()
    page.get_by_role("link", name="We asked for help and were treated as the problem").click()
    assert "Told by Mary" in page.locator(".story .meta").inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 320, "height": 800})
    page.screenshot(path=str(SHOTS / "story-320.png"), full_page=False)
    # Readable at 320px: nothing forces sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_skip_link_is_first_and_moves_focus_to_the_content(app, live_server, page):
    page.goto(live_server + "/coalition")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_organiser_signs_in_resets_a_forgotten_password_and_signs_out(
    app, live_server, page, run_jobs, outbox
):
    with app.app_context():
        seed_demo()
    page.goto(live_server + "/sign-in")
    page.get_by_label("Email address").fill("organiser@example.org")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    assert "The email address or password is not right." in page.locator(".error-summary").inner_text()
    assert page.get_by_label("Email address").input_value() == "organiser@example.org"

    page.get_by_role("link", name="Forgotten your password?").click()
    page.get_by_label("Email address").fill("organiser@example.org")
    page.get_by_role("button", name="Send the link").click()
    assert page.locator("h1").inner_text() == "Check your email"
    run_jobs()
    text = outbox(to="organiser@example.org")[-1].text_body
    path = re.search(r"http://localhost(/reset-password/\S+)", text).group(1)

    page.goto(live_server + path)
    page.get_by_label("New password", exact=True).fill("river stone lantern")
    page.get_by_label("Confirm new password").fill("river stone lantern")
    page.get_by_role("button", name="Set password").click()
    page.get_by_label("Email address").fill("organiser@example.org")
    page.get_by_label("Password").fill("river stone lantern")
    page.get_by_role("button", name="Sign in").click()
    assert page.locator("h1").inner_text() == "Hello, Demo Organiser"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)
    page.get_by_role("button", name="Sign out", exact=True).click()
    assert "You have signed out." in page.locator(".notice").inner_text()


def test_supporter_signs_confirms_and_sees_the_count_climb(app, live_server, page, run_jobs, outbox):
    from campaign.services.petitions.counting import roll_up_counts

    with app.app_context():
        seed_demo()
    page.goto(live_server + "/petitions/changes-to-children-act-1989")
    before = page.locator(".progress-label strong").inner_text()
    page.get_by_role("link", name="Sign this petition").click()
    # With JavaScript, only the relevant field shows (expect waits for the page's script to have run).
    expect(page.get_by_label("Country")).to_be_hidden()
    page.get_by_label("Outside the UK").check()
    assert page.get_by_label("Country").is_visible() and page.get_by_label("Postcode").is_hidden()
    page.get_by_label("In the UK").check()
    page.get_by_role("button", name="Sign this petition").click()  # empty: errors beside the fields
    assert page.locator(".error-summary").is_visible()
    assert "Enter your name." in page.locator("#name-error").inner_text()
    page.get_by_label("Full name").fill("Nia Campaigner")
    page.get_by_label("Email address").fill("nia@example.org")
    page.get_by_label("Postcode").fill("cf10 1aa")
    page.get_by_label("Email me updates").check()
    page.get_by_role("button", name="Sign this petition").click()
    assert page.locator("h1").inner_text() == "Check your email"

    run_jobs()
    text = outbox(to="nia@example.org")[-1].text_body
    path = re.search(r"http://localhost(/signatures/confirm/\S+)", text).group(1)
    page.goto(live_server + path)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "confirm.png"))
    page.get_by_role("button", name="Confirm my signature").click()
    assert page.locator("h1").inner_text() == "Thank you for signing"

    with app.app_context():
        roll_up_counts()
    page.goto(live_server + "/petitions/changes-to-children-act-1989")
    after = page.locator(".progress-label strong").inner_text()
    assert int(after.replace(",", "")) == int(before.replace(",", "")) + 1
    assert page.get_by_role("row", name=re.compile("Wales")).is_visible()
    page.screenshot(path=str(SHOTS / "petition.png"), full_page=True)
