"""An organiser reads a finished subject-line test and its links table on the campaign page, and the draft
form with the test's fields, at phone and desktop widths: axe finds nothing, and nothing scrolls sideways."""

from pathlib import Path

import pytest
from sqlalchemy import select, update

from campaign.extensions import db
from campaign.models import Campaign, CampaignBatch, CampaignLink, Role, Signature, utcnow
from campaign.services.outreach import campaigns as outreach
from campaign.services.outreach import sending, subject_test
from tests.browser.accessibility import WIDTHS, violations
from tests.browser.conftest import sign_in
from tests.factories import make_petition, make_user

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots/abtest")


def test_the_campaign_page_shows_the_subject_test_and_the_links(app, live_server, browser, run_jobs):
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER, email="sender@example.org")
        petition = make_petition(title="Keep families together")
        db.session.add_all(
            Signature(
                petition_id=petition.id,
                name=f"Signer{i}",
                email=f"s{i}@example.org",
                email_key=f"s{i}@example.org",
                email_domain="example.org",
                state="validated",
                opt_in=True,
                validated_at=utcnow(),
            )
            for i in range(60)
        )
        db.session.commit()
        campaign = outreach.save_draft(
            organiser,
            outreach.Draft(
                subject="Families belong together",
                preheader="",
                body=(
                    "Dear {{ first_name }},\n\n[Read the open letter to the Family Court]"
                    "(https://example.org/letters/open-letter-to-the-family-court-2026?from=email) "
                    "and [write to your MP](https://example.net/write)."
                ),
                audience={"petitions": [petition.id]},
                subject_test=subject_test.Plan("{{ first_name }}, one click for families", 20, 4),
            ),
        )
        outreach.start(organiser, campaign)
        ref, campaign_id = campaign.ref, campaign.id
    run_jobs(app)
    run_jobs(app)
    with app.app_context():
        # As if people clicked (B's more than A's) and four hours passed.
        db.session.execute(
            update(CampaignLink).where(CampaignLink.number == 1).values(clicks_a=1, clicks_b=4, ignored=2)
        )
        db.session.execute(
            update(CampaignLink).where(CampaignLink.number == 2).values(clicks_a=2, clicks_b=1)
        )
        db.session.execute(update(Campaign).values(test_decide_at=utcnow()))
        db.session.commit()
        sending.dispatch()
    run_jobs(app)
    with app.app_context():
        assert db.session.scalar(select(Campaign.test_winner).where(Campaign.id == campaign_id)) == "b"
        assert not db.session.scalars(select(CampaignBatch).where(CampaignBatch.state == "held")).all()

    context = browser.new_context(bypass_csp=True)  # for axe's own script, as test_accessibility does
    page = context.new_page()
    sign_in(page, live_server, "sender@example.org")
    SHOTS.mkdir(parents=True, exist_ok=True)
    found: list[str] = []
    for path, name in ((f"/outreach/{ref}", "campaign"), ("/outreach/new", "draft-form")):
        page.goto(live_server + path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            found.extend(violations(page, f"{path}"))
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    assert not found, "\n".join(found)
    page.goto(live_server + f"/outreach/{ref}")
    assert page.get_by_text("Subject B won.").is_visible()
    table = page.locator("table.table-links")
    assert table.locator("tbody tr").count() == 2
    assert "https://example.org/letters/open-letter-to-the-family-court-2026?from=email" in table.inner_text()
    context.close()
