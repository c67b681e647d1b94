"""An organiser watches an email update go out: the progress bar and figures change without a reload."""

from pathlib import Path

import pytest
from sqlalchemy import select, update

from campaign.extensions import db
from campaign.models import Campaign, Role, Signature
from campaign.services.outreach import campaigns as outreach
from tests.browser.conftest import sign_in
from tests.factories import make_petition, make_user

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / ".test-services" / "screenshots"


def test_the_progress_bar_moves_without_reloading(app, live_server, page):
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER, email="sender@example.org")
        petition = make_petition(title="Keep families together")
        db.session.add_all(
            [
                Signature(
                    petition_id=petition.id,
                    name=f"S{i}",
                    email=f"s{i}@example.org",
                    email_key=f"s{i}@example.org",
                    email_domain="example.org",
                    state="validated",
                    opt_in=True,
                )
                for i in range(40)
            ]
        )
        db.session.commit()
        campaign = outreach.save_draft(
            organiser,
            outreach.Draft(
                subject="What happened next",
                preheader="",
                body="Dear {{ first_name }}, thank you.",
                audience={"petitions": [petition.id]},
            ),
        )
        outreach.start(organiser, campaign)
        ref = campaign.ref
    sign_in(page, live_server, "sender@example.org")
    page.goto(live_server + f"/outreach/{ref}")
    accepted = page.locator("[data-progress-field=accepted]")
    assert accepted.inner_text() == "0"
    # Between two polls, the workers report progress (written here directly: this test is about the page).
    with page.expect_response(lambda r: r.url.endswith("/progress.json")):
        pass
    with app.app_context():
        db.session.execute(update(Campaign).where(Campaign.ref == ref).values(accepted=25, delivered=20))
        db.session.commit()
    from playwright.sync_api import expect

    expect(accepted).to_have_text("25", timeout=8000)
    assert page.locator("[data-progress-field=delivered]").inner_text() == "20"
    assert page.locator("progress[data-progress-bar]").evaluate("bar => bar.value") == 25
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "outreach-progress.png"), full_page=True)
    with app.app_context():
        assert db.session.scalar(select(Campaign.state).where(Campaign.ref == ref)) == "sending"


@pytest.mark.parametrize("final_state, says", [("finished", "Finished"), ("cancelled", "Cancelled")])
def test_pause_and_cancel_go_when_the_send_ends_without_a_reload(app, live_server, page, final_state, says):
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER, email="ender@example.org")
        petition = make_petition(title="Keep families together")
        db.session.add_all(
            [
                Signature(
                    petition_id=petition.id,
                    name=f"S{i}",
                    email=f"e{i}@example.org",
                    email_key=f"e{i}@example.org",
                    email_domain="example.org",
                    state="validated",
                    opt_in=True,
                )
                for i in range(3)
            ]
        )
        db.session.commit()
        campaign = outreach.save_draft(
            organiser,
            outreach.Draft(
                subject="A small send",
                preheader="",
                body="Dear {{ first_name }}, thank you.",
                audience={"petitions": [petition.id]},
            ),
        )
        outreach.start(organiser, campaign)
        ref = campaign.ref
    sign_in(page, live_server, "ender@example.org")
    page.goto(live_server + f"/outreach/{ref}")
    from playwright.sync_api import expect

    pause, cancel = (
        page.get_by_role("button", name="Pause"),
        page.get_by_role("button", name="Cancel the rest"),
    )
    final = page.locator("[data-progress-final]")
    expect(pause).to_be_visible()
    expect(cancel).to_be_visible()
    expect(final).to_be_hidden()
    page.evaluate("window.stillTheSamePage = true")
    with page.expect_response(lambda r: r.url.endswith("/progress.json")):
        pass
    # The workers finish (or someone cancels elsewhere) between two polls.
    with app.app_context():
        db.session.execute(
            update(Campaign)
            .where(Campaign.ref == ref)
            .values(state=final_state, accepted=3, recipient_count=3)
        )
        db.session.commit()
    expect(pause).to_be_hidden(timeout=8000)
    expect(cancel).to_be_hidden()
    expect(final).to_be_visible()
    expect(final).to_contain_text(says)
    assert page.evaluate("window.stillTheSamePage") is True  # no reload
    assert final.evaluate("el => el.closest('[aria-live]') !== null")  # said to screen readers
