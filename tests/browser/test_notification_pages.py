"""The notification choices page and the four-eyes notice on petition moderation, in a browser: axe finds
nothing at 320 and 1280 pixels, and the choices save without JavaScript getting in the way."""

from __future__ import annotations

import os
from pathlib import Path

from campaign.models import Role, utcnow
from tests.browser.accessibility import WIDTHS, violations
from tests.browser.conftest import sign_in
from tests.factories import make_petition, make_user

# Set NOTIFY_SHOTS to a folder to keep a screenshot of each page at each width.
SHOTS = os.environ.get("NOTIFY_SHOTS")


def _look(page, name: str) -> list[str]:
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        found.extend(violations(page, f"{name}"))
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    return found


def test_choices_page_and_four_eyes_notice_pass_axe(app, live_server, browser):
    with app.app_context():
        member = make_user(Role.MEMBER)
        organiser = make_user(Role.ORGANISER)
        slug = make_petition(state="submitted", created_by_id=organiser.id, submitted_at=utcnow()).slug
        member_email, organiser_email = member.email, organiser.email
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    sign_in(page, live_server, member_email)
    page.goto(live_server + "/account/notifications")
    found = _look(page, "notifications")
    page.get_by_role("group", name="Your petition is approved").get_by_label(
        "Put it in one email a day"
    ).check()
    page.get_by_role("button", name="Save my choices").click()
    assert "Saved." in page.content()
    assert (
        page.get_by_role("group", name="Your petition is approved")
        .get_by_label("Put it in one email a day")
        .is_checked()
    )
    context.close()

    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    sign_in(page, live_server, organiser_email)
    page.goto(f"{live_server}/petitions/{slug}/moderate")
    assert "because you started it" in page.content()
    found += _look(page, "moderate-own-petition")
    context.close()
    assert not found, "\n".join(found)
