"""Signing a petition and sending a story with the keyboard alone (Tab, Shift+Tab, Enter, Space and typing;
no clicks), with the focus visible at every step, and a form's errors taking the focus to their summary."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from campaign.demo.seed import seed_demo

pytestmark = pytest.mark.browser
SLUG = "changes-to-children-act-1989"
START = datetime(2026, 3, 2, 9, 0)

# Where the focus is, and whether it can be seen: an outline or a ring drawn by box-shadow.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const drawn = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  return {id: el.id, tag: el.tagName.toLowerCase(), text: (el.innerText || el.value || '').trim().slice(0, 60),
          href: el.getAttribute('href') || '', visible: drawn, summary: el.classList.contains('error-summary')};
}"""


def focused(page) -> dict:
    now = page.evaluate(FOCUSED)
    assert now is not None, "the focus was lost to the page itself"
    assert now["visible"], f"the focus on {now} cannot be seen"
    return now


def tab_to(page, wanted, key: str = "Tab", limit: int = 80) -> dict:
    """Press Tab (or Shift+Tab) until ``wanted(focused element)`` holds, the focus visible at every stop."""
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        if wanted(now):
            return now
    raise AssertionError(f"{key} never reached the element wanted; the focus ended on {now}")


def by_id(name: str):
    return lambda now: now["id"] == name


def button(text: str):
    return lambda now: now["tag"] == "button" and now["text"] == text


def press_and_load(page, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def test_a_petition_is_signed_with_the_keyboard_alone(app, live_server, page):
    with app.app_context():
        seed_demo()
    page.goto(f"{live_server}/petitions/{SLUG}/sign")
    tab_to(page, button("Sign this petition"))
    press_and_load(page, "Enter")  # sent empty
    now = focused(page)
    assert now["summary"], f"the errors did not take the focus to their summary: {now}"
    assert page.locator(".error-summary").inner_text().startswith("There is a problem")

    tab_to(page, lambda now: now["href"] == "#name")
    page.keyboard.press("Enter")  # the summary's link takes the focus to the field itself
    assert focused(page)["id"] == "name"
    page.keyboard.type("Mary Example")
    tab_to(page, by_id("email"))
    page.keyboard.type("mary@example.org")
    tab_to(page, by_id("location-0"))  # "In the UK", chosen already; Space keeps it chosen
    page.keyboard.press("Space")
    tab_to(page, by_id("postcode"))
    page.keyboard.type("M1 1AE")
    tab_to(page, by_id("opt_in"))
    page.keyboard.press("Space")
    assert page.locator("#opt_in").is_checked()
    tab_to(page, by_id("postcode"), key="Shift+Tab")  # back, to check what was typed
    assert page.locator("#postcode").input_value() == "M1 1AE"
    tab_to(page, button("Sign this petition"))
    press_and_load(page, "Enter")
    assert page.locator("h1").inner_text() == "Check your email"


def test_a_story_is_sent_with_the_keyboard_alone_and_its_count_announced_only_near_the_limit(
    app, live_server, page
):
    with app.app_context():
        seed_demo()
    # The count waits for a pause before speaking; the page's clock stands still except where moved on.
    page.clock.install(time=START)
    page.goto(f"{live_server}/stories/share")
    page.clock.pause_at(START + timedelta(minutes=1))
    status = page.locator("#body-count-status")
    assert status.get_attribute("aria-live") == "polite"
    tab_to(page, by_id("title"))
    page.keyboard.type("Help that came too late")
    tab_to(page, by_id("body"))
    page.keyboard.type("We asked for help and waited.")
    page.clock.run_for(2000)
    assert status.inner_text() == ""  # far below the limit: nothing is read out while typing
    assert page.locator("#body-count").inner_text() == "6 of 2,500 words"

    page.keyboard.insert_text(" word" * 2254)  # 2,260 words: near the limit
    page.clock.run_for(500)
    assert status.inner_text() == ""  # still typing, as far as the page knows
    page.clock.run_for(600)
    assert status.inner_text() == "240 words left"
    page.keyboard.type(" more")
    page.clock.run_for(1100)
    assert status.inner_text() == "240 words left"  # the same news is not read again
    page.keyboard.insert_text(" word" * 300)
    page.clock.run_for(1100)
    assert status.inner_text() == "61 words too many: the limit is 2,500 words"
    page.keyboard.press("Control+A")
    page.keyboard.type("We asked for help and the help never came. We are still waiting to hear back.")
    page.clock.run_for(1100)
    assert status.inner_text() == "Under the limit again: 2,484 words left"

    tab_to(page, by_id("pen_name"))
    page.keyboard.type("Jo")
    tab_to(page, by_id("contact_email"))
    page.keyboard.type("jo@example.org")
    tab_to(page, by_id("proceedings_ongoing-0"))  # into the group; an arrow key moves and chooses
    page.keyboard.press("ArrowDown")
    assert (
        focused(page)["id"] == "proceedings_ongoing-1" and page.locator("#proceedings_ongoing-1").is_checked()
    )
    tab_to(page, button("Send my story"))
    press_and_load(page, "Enter")  # without the consent
    now = focused(page)
    assert now["summary"], f"the errors did not take the focus to their summary: {now}"
    assert "You need to agree to this" in page.locator(".error-summary").inner_text()
    tab_to(page, lambda now: now["href"] == "#consent")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "consent"
    page.keyboard.press("Space")
    assert page.locator("#consent").is_checked()
    assert (
        page.get_by_label("Your story", exact=True).input_value().startswith("We asked for help and the help")
    )
    tab_to(page, button("Send my story"))
    press_and_load(page, "Enter")
    assert page.locator("h1").inner_text() == "Thank you for sharing your story"
