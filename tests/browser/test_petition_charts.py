"""The charts as people see them: an organiser's stats page and the public petition page at 320 and 1280
pixels, with a month of signatures from across the UK. The charts are drawn and sized, nothing scrolls
sideways, axe finds nothing, and the figures are a click away. Screenshots go to $CHART_SHOTS (default
.test-services/screenshots) for a person to look at."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from campaign.extensions import db
from campaign.models import PaperBatch, Role, Signature, SignatureState, utcnow
from tests.browser.accessibility import WIDTHS, violations
from tests.browser.conftest import sign_in
from tests.factories import make_petition, make_user

pytestmark = pytest.mark.browser
SHOTS = Path(
    os.environ.get("CHART_SHOTS") or Path(__file__).resolve().parents[2] / ".test-services" / "screenshots"
)
REGIONS = ["london"] * 5 + ["south-east"] * 3 + ["north-west"] * 2 + ["scotland", "wales", "west-midlands"]
SOURCES = ["", "member:legal-action-for-women", "share:newsletter"]


@pytest.fixture
def petition(app):
    """Thirty days open, a rising number of signatures each day, spread over regions and sources."""
    now = utcnow()
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER)
        petition = make_petition(
            title="Keep mothers and babies together", opened_at=now - timedelta(days=30), target=2_000
        )
        n = 0
        for day in range(30, -1, -1):
            for i in range(5 + (30 - day) // 2):
                n += 1
                db.session.add(
                    Signature(
                        petition_id=petition.id,
                        name=f"Signer {n}",
                        email=f"chart{n}@example.org",
                        email_key=f"chart{n}@example.org",
                        email_domain="example.org",
                        region=REGIONS[n % len(REGIONS)] if n % 11 else None,
                        country="GB" if n % 11 else "Ireland",
                        state=SignatureState.VALIDATED,
                        validated_at=now - timedelta(days=day, minutes=37 * i),
                        source=SOURCES[n % len(SOURCES)],
                    )
                )
        db.session.add(
            PaperBatch(petition_id=petition.id, count=40, note="", created_at=now - timedelta(days=6))
        )
        petition.signature_count = n + 40
        db.session.commit()
        return {"slug": petition.slug, "organiser": organiser.email}


def _look(page, name: str, chart_ids: list[str]) -> list[str]:
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for chart in chart_ids:
            box = page.locator(f'svg[aria-labelledby^="{chart}-title"]').bounding_box()
            assert box and box["width"] > 200 and box["height"] > 150, (chart, width, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (chart, width, box)
        found += violations(page, f"{name} @{width}")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"stats-{name}-{width}.png"), full_page=True)
        if width == 320:  # the narrow page in pieces, to be read at its real size
            height = page.evaluate("document.documentElement.scrollHeight")
            for part, top in enumerate(range(0, height, 1000)):
                clip = {"x": 0, "y": top, "width": 320, "height": min(1000, height - top)}
                page.screenshot(
                    path=str(SHOTS / f"stats-{name}-320-part{part}.png"), full_page=True, clip=clip
                )
    return found


def test_the_stats_page_and_the_public_chart_at_320_and_1280(app, live_server, browser, petition):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    found = []
    page.goto(f"{live_server}/petitions/{petition['slug']}")
    assert page.get_by_text("signatures today.").is_visible()
    found += _look(page, "public", ["chart-public"])
    page.get_by_text("Running total of signatures, day by day: the figures").click()
    assert page.locator("#chart-public-table tbody tr").count() == 31

    sign_in(page, live_server, petition["organiser"])
    page.goto(f"{live_server}/petitions/{petition['slug']}/stats")
    assert page.get_by_role("heading", name="How the petition is going").is_visible()
    assert page.get_by_role("img", name="Signatures by nation and English region").is_visible()
    found += _look(
        page, "organiser", ["chart-total", "chart-daily", "chart-hourly", "chart-regions", "chart-sources"]
    )
    page.get_by_text("Signatures each hour, last 7 days: the figures").click()
    assert page.locator("#chart-hourly-table tbody tr").count() == 168
    context.close()
    assert not found, "\n".join(found)
