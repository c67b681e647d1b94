"""A story from a parent's keyboard to the site, in a real browser: writing it (with the live word count and
the copy kept in the browser), the moderator's redaction, the storyteller's approval, a second person
publishing it."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from campaign.demo.seed import seed_demo
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / ".test-services" / "screenshots"
TEXT = (
    "When my daughter Amelia was small I asked the council for help with her nursery place.\n\n"
    "They came to 14 Acacia Avenue instead and everything changed."
)


def test_a_story_is_written_redacted_approved_and_published(app, live_server, browser, run_jobs, outbox):
    with app.app_context():
        seed_demo()
    SHOTS.mkdir(parents=True, exist_ok=True)
    writer = browser.new_context().new_page()
    writer.goto(live_server + "/stories/share")
    writer.get_by_label("A title for your story").fill("They came instead of helping")
    writer.get_by_label("Your story", exact=True).fill(TEXT)
    assert writer.locator("#body-count").inner_text().startswith(f"{len(TEXT.split())} of 2,500 words")
    # A closed tab does not lose the story: the browser kept a copy.
    writer.reload()
    assert writer.get_by_label("Your story", exact=True).input_value() == TEXT
    writer.get_by_label("The name to show with your story").fill("Jo")
    writer.get_by_label("Your email address").fill("jo@example.org")
    writer.get_by_label("No, they have finished").check()
    writer.get_by_label("Changes to Children Act 1989").check()
    writer.locator("#consent").check()
    writer.screenshot(path=str(SHOTS / "story-share.png"), full_page=True)
    writer.get_by_role("button", name="Send my story").click()
    assert writer.locator("h1").inner_text() == "Thank you for sharing your story"
    writer.goto(live_server + "/stories/share")
    assert (
        writer.get_by_label("Your story", exact=True).input_value() == ""
    )  # sent, so the browser's copy is gone
    run_jobs()

    moderator = browser.new_context().new_page()
    sign_in(moderator, live_server, "moderator@example.org", "check-every-story-2")
    moderator.goto(live_server + "/stories/moderation")
    moderator.get_by_role("link", name="They came instead of helping").click()
    assert moderator.locator("mark.finding", has_text="Amelia").count() >= 1
    assert moderator.get_by_role("button", name=re.compile("^Use ")).count() == 3  # one per suggestion
    moderator.screenshot(path=str(SHOTS / "story-moderate.png"), full_page=True)
    rows = moderator.locator("table.findings tbody tr")
    for i in range(rows.count()):
        row = rows.nth(i)
        found = row.locator("mark").inner_text()
        if found == "Amelia":
            row.get_by_role("textbox").fill("my daughter")
        elif found == "Jo":  # the pen name she chose: not her child's
            row.get_by_label("Not identifying").check()
        elif row.get_by_role("button").count():
            row.get_by_role("button").click()  # the check's own suggestion
        else:
            row.get_by_label("Not identifying").check()
    moderator.get_by_role("button", name="Save changes").click()
    assert "Every highlighted detail has been dealt with" in moderator.locator(".notice").inner_text()
    for box in moderator.locator("input[name=checklist]").all():
        box.check()
    moderator.get_by_role("button", name="Send for approval").click()
    assert moderator.locator("h1").inner_text() == "Stories to moderate"

    run_jobs()
    body = outbox(to="jo@example.org")[-1].text_body
    path = re.search(r"http://localhost(/stories/yours/\S+)", body).group(1)
    writer.goto(live_server + path)
    assert "Amelia" not in writer.locator(".story-preview").inner_text()
    writer.screenshot(path=str(SHOTS / "story-approve.png"), full_page=True)
    writer.get_by_role("button", name="I approve this text").click()
    assert "You have approved your story" in writer.locator(".notice").inner_text()

    organiser = browser.new_context().new_page()
    sign_in(organiser, live_server, "organiser@example.org", "care-not-separation-1")
    organiser.goto(live_server + "/stories/moderation")
    organiser.get_by_role("link", name="They came instead of helping").click()
    organiser.get_by_role("button", name="Publish").click()
    assert organiser.locator("h1").inner_text() == "They came instead of helping"
    assert "Told by Jo" in organiser.locator(".story .meta").inner_text()
    organiser.set_viewport_size({"width": 320, "height": 800})
    organiser.screenshot(path=str(SHOTS / "story-published-320.png"), full_page=True)
    assert organiser.evaluate("document.documentElement.scrollWidth") <= 320


def _stored(page) -> str:
    return page.evaluate("JSON.stringify(window.localStorage)")


def test_a_storyteller_checks_their_story_changes_a_word_and_sends_it(app, live_server, browser):
    from sqlalchemy import select

    from campaign.extensions import db
    from campaign.models import Story

    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    writer = context.new_page()
    writer.goto(live_server + "/stories/share")
    notice = writer.locator("#device-copy")
    assert notice.is_visible() and "This browser keeps a copy of what you type" in notice.inner_text()
    writer.get_by_label("A title for your story").fill("Help that never came")
    story = "My son Oliver was seven when the council in Leeds took over.\n\nWe still live nearby."
    writer.get_by_label("Your story", exact=True).fill(story)
    writer.get_by_label("Your email address").fill("oliver-parent@example.org")
    writer.reload()
    assert writer.get_by_label("Your story", exact=True).input_value() == story  # kept through a reload
    assert "Help that never came" in _stored(writer) and "example.org" not in _stored(writer)

    writer.get_by_role("button", name="Check my story").click()
    results = writer.locator("#check-results")
    expect(results.locator("h2")).to_contain_text("The check found")
    assert results.locator("mark", has_text="Oliver").count() == 1
    assert results.locator("mark", has_text="Leeds").count() == 1
    assert "This could identify your child." in results.inner_text()
    assert writer.locator("#device-copy").is_visible()
    writer.screenshot(path=str(SHOTS / "story-check-1280.png"), full_page=True)
    writer.screenshot(path=str(SHOTS / "story-check-results-1280.png"))  # where the check's answer opens
    writer.screenshot(
        path=str(SHOTS / "story-check-top-1280.png"),
        clip={"x": 0, "y": 0, "width": 1280, "height": 1400},
        full_page=True,
    )
    writer.set_viewport_size({"width": 320, "height": 800})
    assert writer.evaluate("document.documentElement.scrollWidth") <= 320
    writer.screenshot(path=str(SHOTS / "story-check-320.png"), full_page=True)
    results.scroll_into_view_if_needed()
    writer.screenshot(path=str(SHOTS / "story-check-results-320.png"))
    writer.set_viewport_size({"width": 1280, "height": 900})

    body = writer.get_by_label("Your story", exact=True)
    body.fill(body.input_value().replace("Oliver", "my boy").replace("My son my boy", "My boy"))
    writer.get_by_label("The name to show with your story").fill("Sam")
    writer.get_by_label("Your email address").fill("oliver-parent@example.org")
    writer.get_by_label("No, they have finished").check()
    writer.locator("#consent").check()
    assert "example.org" not in _stored(writer)  # typed into the email field, never kept
    writer.get_by_role("button", name="Send my story").click()
    expect(writer.locator("h1")).to_have_text("Thank you for sharing your story")
    assert "story-draft" not in _stored(writer)
    with app.app_context():
        sent = db.session.scalars(select(Story).order_by(Story.id.desc())).first()
        assert "Oliver" not in sent.body and sent.checked_findings_shown >= 2 and sent.checked_then_changed
    context.close()


def test_clear_this_device_forgets_the_story_in_the_browser(live_server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server + "/stories/share")
    page.get_by_label("Your story", exact=True).fill("Written on a library computer")
    page.get_by_label("Your email address").fill("library@example.org")
    page.reload()
    assert page.get_by_label("Your story", exact=True).input_value() == "Written on a library computer"
    assert "library computer" in _stored(page) and "library@example.org" not in _stored(page)
    page.get_by_role("button", name="Save and finish later").click()
    expect(page.locator(".notice")).to_contain_text("Your story is saved")

    page.get_by_role("button", name="Clear this device").click()
    expect(page.locator(".notice")).to_contain_text("no longer keeps a copy")
    assert page.get_by_label("Your story", exact=True).input_value() == ""
    assert "library computer" not in _stored(page)
    page.reload()
    assert page.get_by_label("Your story", exact=True).input_value() == ""
    assert not [c for c in context.cookies() if c["name"] == "story_draft"]
    context.close()
