"""The public lists, the thank-you page after confirming and the coalition overview in a real browser, at
a phone's 320 px and a desktop's 1280 px: nothing scrolls sideways, the links between the lists, the share
links and each overview table are there to use. Screenshots go to .test-services/screenshots/."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from campaign.demo.seed import seed_demo
from campaign.extensions import db
from campaign.models import Campaign, OutboxMessage, utcnow
from tests.browser.accessibility import WIDTHS, violations
from tests.browser.conftest import sign_in
from tests.factories import make_petition

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / ".test-services" / "screenshots"


@pytest.fixture
def app(make_app, stripe_fake):
    """Giving set up (against the Stripe fake), so the thank-you page carries its donate ask."""
    return make_app(
        STRIPE_SECRET_KEY="sk_test_lists",
        STRIPE_WEBHOOK_SECRET="whsec_lists",
        STRIPE_API_BASE=stripe_fake.url,
    )


def _seed(app) -> None:
    now = utcnow()
    with app.app_context():
        seed_demo()
        make_petition(
            slug="fund-independent-advocates",
            title="Fund independent advocates for mothers in child protection cases",
            action="Fund an independent advocate for every mother facing a child protection conference.",
            signature_count=4_210,
            opened_at=now - timedelta(days=170),
            deadline=now + timedelta(days=5),
        )
        make_petition(
            "closed",
            title="Publish the number of newborns removed at birth each year",
            action="Publish, every year, how many babies are taken into care within a week of birth.",
            signature_count=12_480,
            closed_at=now - timedelta(days=2),
        )
        make_petition(
            "rejected",
            title="Words nobody should repeat",
            action="Offensive wording.",
            rejection_code="offensive",
            rejected_at=now - timedelta(days=1),
        )
        make_petition(
            "rejected",
            title="Keep mothers and babies together",
            action="A second petition asking for the same thing.",
            rejection_code="duplicate",
            rejection_details="Please sign “Keep mothers and babies together” instead.",
            rejected_at=now - timedelta(days=3),
        )
        db.session.add(
            Campaign(
                ref="demo-update",
                subject="The petition reached 4,000 signatures",
                state="finished",
                started_at=now - timedelta(days=1),
                recipient_count=1_250,
                delivered=1_231,
                unsubscribed=4,
                complained=0,
            )
        )
        db.session.commit()


def _at_each_width(page, name: str, found: list[str]) -> None:
    """axe and the reflow check at each width (the thank-you page is reached only by a POST, so the page
    walk in test_accessibility.py never sees it), and a screenshot to look at."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        found.extend(violations(page, name))
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


def test_lists_thank_you_page_and_overview_at_phone_and_desktop_widths(app, live_server, browser, run_jobs):
    _seed(app)
    found: list[str] = []
    # The CSP is set aside only so axe itself can be put in the page; the site's own script runs as usual.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(live_server + "/petitions/")
    page.get_by_role("navigation", name="Lists of petitions").get_by_role(
        "link", name=re.compile("Rejected")
    ).click()
    assert page.locator("h1").inner_text() == "Rejected petitions"
    cards = page.locator(".card")
    assert "Words nobody should repeat" not in page.locator("main").inner_text()
    assert "Its wording is not shown" in cards.first.inner_text() and "Offensive" in cards.first.inner_text()
    _at_each_width(page, "list-rejected", found)
    for state in ("closing", "closed"):
        page.goto(f"{live_server}/petitions/?state={state}")
        current = page.get_by_role("navigation", name="Lists of petitions").locator("[aria-current=page]")
        assert current.count() == 1
        _at_each_width(page, f"list-{state}", found)

    # Sign, confirm from the email, and land on the thank-you page.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server + "/petitions/?state=closing")
    page.get_by_role("link", name="Fund independent advocates for mothers in child protection cases").click()
    page.get_by_role("link", name="Sign this petition").click()
    page.get_by_label("Full name").fill("Priya Shah")
    page.get_by_label("Email address").fill("signer.one@example.net")
    page.get_by_label("Postcode").fill("N16 8HR")
    page.get_by_role("button", name="Sign this petition").click()
    run_jobs()
    with app.app_context():
        text = db.session.scalars(
            select(OutboxMessage.text_body).where(OutboxMessage.to_address == "signer.one@example.net")
        ).first()
    link = re.search(r"http://localhost(/signatures/confirm/\S+)", text).group(1)
    page.goto(live_server + link)
    page.get_by_role("button", name="Confirm my signature").click()
    assert page.locator("h1").inner_text() == "Thank you for signing"
    for name in ("Email", "WhatsApp", "Facebook", "X (Twitter)", "Bluesky"):
        assert page.get_by_role("link", name=f"Share by {name}").is_visible()
    assert "/petitions/fund-independent-advocates" in page.get_by_label("Or copy the link").input_value()
    assert page.get_by_role("link", name="Make a donation").is_visible()
    _at_each_width(page, "thank-you", found)

    sign_in(page, live_server, "organiser@example.org", "care-not-separation-1")
    page.get_by_role("link", name="Overview").click()
    assert page.locator("h1").inner_text() == "Coalition overview"
    for table in ("#open-petitions", "#story-steps", "#recent-emails"):
        assert page.locator(table).is_visible()
    assert "The petition reached 4,000 signatures" in page.locator("#recent-emails").inner_text()
    _at_each_width(page, "overview", found)
    context.close()
    assert not found, "\n".join(found)
