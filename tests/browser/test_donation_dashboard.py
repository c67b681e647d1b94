"""An organiser reads the donations dashboard on a wide screen and on a 320px phone."""

from datetime import timedelta
from pathlib import Path

import pytest

from campaign.extensions import db
from campaign.models import DonationSettings, Role, utcnow
from tests.browser.conftest import sign_in
from tests.factories import make_donation, make_page, make_petition, make_user

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / ".test-services" / "screenshots"


def _seed():
    now = utcnow()
    make_user(role=Role.ORGANISER, email="treasurer@example.org")
    petition = make_petition(title="Changes to Children Act 1989")
    page = make_page(kind="campaign", title="Post-separation support")
    db.session.merge(
        DonationSettings(
            id=1,
            target_pence=500_000,
            target_label="the 2026 legal fund",
            gift_aid_enabled=True,
            charity_name="Legal Action for Women",
        )
    )
    for n in range(12):
        make_donation(
            1000 + 250 * n,
            name=f"Supporter {n}",
            petition=petition if n % 3 == 0 else None,
            page=page if n % 3 == 1 else None,
            gift_aid=n % 2 == 0,
            payments=[{"paid_at": now - timedelta(days=n * 3, hours=n)}],
            created_at=now - timedelta(days=n * 3, hours=n),
        )
    make_donation(
        1500,
        frequency="monthly",
        name="Monthly Mary",
        gift_aid=True,
        payments=[{"paid_at": now - timedelta(days=31 * m)} for m in range(5)],
        created_at=now - timedelta(days=130),
    )
    make_donation(
        10_000, name="Refunded Rita", payments=[{"paid_at": now - timedelta(days=2), "refunded_pence": 4000}]
    )
    make_donation(5000, name="Pending Pat", state="processing", payments=[{"state": "pending"}])


def test_the_dashboard_reads_well_wide_and_narrow(app, live_server, browser):
    with app.app_context():
        _seed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, name in ((1200, "donations-dashboard-wide.png"), (320, "donations-dashboard-320.png")):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        sign_in(page, live_server, "treasurer@example.org")
        page.goto(live_server + "/donate/admin")
        # 12 gifts of £10 + £2.50n, Mary's 5 months of £15, Rita's £100 less £40 refunded; Pat has not paid.
        raised = sum(1000 + 250 * n for n in range(12)) + 1500 * 5 + 6000
        assert page.locator("[data-figure=net]").inner_text() == f"£{raised // 100:,}" + (
            f".{raised % 100:02d}" if raised % 100 else ""
        )
        assert page.locator("[data-figure=donors]").inner_text() == "14"
        assert page.locator("[data-figure=active-monthly]").inner_text() == "1"
        assert page.locator("#by-day tbody tr").count() == 30
        assert page.locator("#by-month tbody tr").count() == 12
        # Nothing wider than the screen except the tables that scroll on their own.
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        page.screenshot(path=str(SHOTS / name), full_page=True)
        wide = page.evaluate(
            """() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 15)"""
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px: {wide}"
        page.get_by_role("link", name="Gift Aid claims").click()
        assert (
            page.locator("[data-figure=eligible-count]").inner_text() == "11"
        )  # 6 one-offs and Mary's 5 months
        page.screenshot(path=str(SHOTS / name.replace("dashboard", "gift-aid")), full_page=True)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the Gift Aid page scrolls sideways by {overflow}px at {width}px"
        context.close()
