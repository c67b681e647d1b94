"""The development outbox, as a developer uses it: open a message, follow its link (issue 16)."""

import os
import re
from pathlib import Path

import pytest

from tests.factories import make_petition

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("WORDING_SHOTS", "/tmp/shots"))


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_confirm_link_in_the_html_preview_opens_the_real_page(app, live_server, browser, run_jobs):
    app.config["BASE_URL"] = live_server  # so the emailed links lead back to this server
    with app.app_context():
        slug = make_petition(title="Keep families together", signature_count=1, target=100).slug
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server}/petitions/{slug}/sign")
    page.get_by_label("Full name").fill("Nia Campaigner")
    page.get_by_label("Email address").fill("nia@example.org")
    page.get_by_label("Postcode").fill("cf10 1aa")
    page.get_by_role("button", name="Sign this petition").click()
    assert page.locator("h1").inner_text() == "Check your email"
    run_jobs()

    page.goto(f"{live_server}/dev/outbox")
    page.get_by_role("link", name="Confirm your signature: Keep families together").click()
    assert re.search(r"\d{1,2} \w+ \d{4} at \d\d:\d\d:\d\d", page.locator(".summary-list").inner_text())
    preview = page.frame_locator("iframe.email-html")
    preview.get_by_role("link", name="Confirm my signature").wait_for()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert _fits(page), f"the message page is wider than {width}px"
        page.screenshot(path=str(SHOTS / f"wording-outbox-message-{width}.png"), full_page=True)
        page.locator("iframe.email-html").screenshot(path=str(SHOTS / f"wording-outbox-preview-{width}.png"))

    with context.expect_page() as opened:
        preview.get_by_role("link", name="Confirm my signature").click()
    confirm = opened.value
    confirm.wait_for_load_state()
    assert confirm.url.startswith(f"{live_server}/signatures/confirm/")
    confirm.get_by_role("button", name="Confirm my signature").click()
    assert confirm.locator("h1").inner_text() == "Thank you for signing"

    for width in (320, 1280):
        confirm.set_viewport_size({"width": width, "height": 900})
        confirm.goto(f"{live_server}/petitions/{slug}")
        assert "1 signature " in confirm.locator(".progress-label").inner_text() + " "
        confirm.screenshot(path=str(SHOTS / f"wording-petition-{width}.png"), full_page=True)
    context.close()
