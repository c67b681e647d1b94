"""A story from a parent's keyboard to the site, in a real browser: writing it (with the live word count and
the copy kept in the browser), the moderator's redaction, the storyteller's approval, a second person
publishing it."""

import re
from pathlib import Path

import pytest

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
