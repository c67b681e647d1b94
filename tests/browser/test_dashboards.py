"""An organiser's and a member's account area, as each lands on it after signing in, at 320px and 1280px:
the counts shown are the data's, nothing scrolls sideways, axe finds nothing, and screenshots are kept."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from campaign.extensions import db
from campaign.models import Organisation, Role, utcnow
from campaign.services.petitions.lifecycle import rejection_reasons
from tests.browser.accessibility import violations
from tests.browser.conftest import sign_in
from tests.factories import make_petition, make_user
from tests.functional.test_work_queue import _everything, _story

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots/waiting")


def _seed() -> None:
    rejection_reasons()
    organiser = make_user(role=Role.ORGANISER, email="organiser@example.org", name="Olu Organiser")
    moderator = make_user(role=Role.MODERATOR)
    _everything(organiser.id, moderator.id)
    organisation = Organisation(slug="mothers-together", name="Mothers Together")
    db.session.add(organisation)
    db.session.commit()
    member = make_user(
        role=Role.MEMBER, email="mary@example.org", name="Mary Member", organisation_id=organisation.id
    )
    mine = {"created_by_id": member.id}
    make_petition(
        state="draft",
        title="Stop removing newborns from mothers in hospital without a court order",
        moderation_note="Say which law you want changed.",
        **mine,
    )
    make_petition(state="submitted", title="Fund independent advocates for every mother", **mine)
    make_petition(
        state="open",
        title="Keep siblings together in care",
        signature_count=1234,
        opened_at=utcnow() - timedelta(days=3),
        **mine,
    )
    make_petition(state="rejected", title="A duplicate petition", rejection_code="duplicate", **mine)
    _story(
        "awaiting_approval",
        timedelta(days=2),
        title="They took my daughter at two days old",
        contact_email="mary@example.org",
    )
    db.session.commit()


def _look(page, where: str, width: int) -> list[str]:
    page.set_viewport_size({"width": width, "height": 900})
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), (
        f"{where} scrolls sideways at {width}px"
    )
    page.screenshot(path=str(SHOTS / f"{where}-{width}.png"), full_page=True)
    page.locator("h1").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"{where}-{width}-top.png"))
    return violations(page, f"{where} dashboard")


def test_organiser_and_member_dashboards_at_320_and_1280(app, live_server, browser):
    with app.app_context():
        _seed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    found: list[str] = []

    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "organiser@example.org")
    assert page.url == live_server + "/account/"  # where an organiser lands
    rows = page.locator(".waiting-table tbody tr")
    assert rows.count() == 9
    # Oldest first, with the counts and waits of the data (see test_work_queue._everything).
    first = rows.nth(0).locator("td")
    assert first.nth(0).inner_text() == "Email updates that paused themselves"
    assert first.nth(1).inner_text().strip().endswith("2")
    assert first.nth(2).inner_text().strip().endswith("2 weeks")
    petitions = page.locator("#waiting-petitions td")
    assert petitions.nth(1).inner_text().strip().endswith("3")  # two in _everything, and Mary's
    assert petitions.nth(2).inner_text().strip().endswith("5 days")
    assert page.locator("#waiting-applications td").nth(1).inner_text().strip().endswith("2")
    for width in (320, 1280):
        found += _look(page, "organiser", width)
    page.locator("#waiting-petitions a").click()
    assert page.url == live_server + "/petitions/moderation"
    context.close()

    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "mary@example.org")
    assert page.url == live_server + "/account/"
    assert page.locator(".waiting-table").count() == 0
    assert page.locator(".mine-table").count() == 2  # petitions, stories
    petitions = page.locator(".mine-table").nth(0).locator("tbody tr")
    assert petitions.count() == 4
    assert "1,234 of 10,000 signatures" in page.locator(".mine").inner_text()
    assert page.get_by_role("link", name="Read the note and edit it").count() == 1
    assert (
        page.get_by_role("link", name="Your story is waiting for you to approve the redacted text").count()
        == 1
    )
    for width in (320, 1280):
        found += _look(page, "member", width)
    page.get_by_role("link", name="Your story is waiting for you to approve the redacted text").click()
    assert "/stories/yours/" in page.url
    context.close()
    assert not found, "\n".join(found)
