"""axe-core on every page a visitor, a member, a moderator and an organiser reaches, at 320px and 1280px,
with a form's error state and a story's moderation screen among them. Any WCAG 2.2 A/AA violation axe
finds, or a page that scrolls sideways at 320px, fails the test with one line per rule and page."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from campaign.demo.seed import DEMO_ACCOUNTS, seed_demo
from campaign.extensions import db
from campaign.models import (
    CampaignState,
    DonationSettings,
    Organisation,
    Page,
    Petition,
    Role,
    Story,
    User,
    utcnow,
)
from campaign.services.outreach import campaigns as outreach
from tests.browser.accessibility import WIDTHS, axe_path, axe_version, plain_get_paths, violations
from tests.browser.conftest import sign_in
from tests.factories import make_donation, make_petition

pytestmark = pytest.mark.browser

STORY = {
    "title": "We asked for help",
    "body": "We asked for help when my son Jack was struggling, and social services came instead.\n\n"
    "They wrote to us at 14 Acacia Avenue, M1 1AE, and nothing was the same again.",
    "pen_name": "Anna",
    "contact_email": "anna@example.org",
    "proceedings_ongoing": "no",
    "consent": "y",
    "action": "submit",
}


@pytest.fixture
def app(make_app, stripe_fake):
    """Giving set up (against the Stripe fake), so the donation form and figures are the real ones."""
    app = make_app(
        STRIPE_SECRET_KEY="sk_test_axe", STRIPE_WEBHOOK_SECRET="whsec_axe", STRIPE_API_BASE=stripe_fake.url
    )
    with app.app_context():
        db.session.add(
            DonationSettings(id=1, gift_aid_enabled=True, charity_name="Legal Action for Women Trust")
        )
        db.session.commit()
    return app


def _objects(app, client, run_jobs) -> dict[str, list[str]]:
    """Real pages with a value in their address, per who can see them."""
    with app.app_context():
        seed_demo()
        make_petition(state="submitted", title="A petition waiting for moderation", submitted_at=utcnow())
        make_donation(gift_aid=True)
        db.session.commit()
    assert client.submit("/stories/share", STORY).status_code == 302
    run_jobs()  # the automatic check marks what could identify a child
    with app.app_context():
        petition = db.session.scalars(select(Petition).where(Petition.state == "open")).first()
        pending = db.session.scalars(select(Petition).where(Petition.state == "submitted")).first()
        published = db.session.scalars(select(Story).where(Story.slug.is_not(None))).first()
        checked = db.session.scalars(select(Story).where(Story.title == STORY["title"])).one()
        organisation = db.session.scalars(select(Organisation).order_by(Organisation.id)).first()
        news = db.session.scalars(select(Page).order_by(Page.id)).first()
        organiser = db.session.scalars(select(User).where(User.role == Role.ORGANISER)).first()
        campaign = outreach.save_draft(
            organiser,
            outreach.Draft(
                subject="What happened next",
                preheader="",
                body="Dear {{ first_name }}, thank you.",
                audience={"petitions": [petition.id]},
            ),
        )
        sent = outreach.save_draft(
            organiser,
            outreach.Draft(
                subject="What happened next",
                preheader="A short update",
                body='Dear {{ first_name | default("friend") }},\n\n**Thank you.** [Your choices]({{ personal_link }})',
                audience={"petitions": [petition.id]},
            ),
        )
        sent.state = CampaignState.FINISHED  # as if sent: only a sent update can be published
        db.session.commit()
        outreach.set_published(organiser, sent, True)
        p, s = petition.slug, f"/stories/moderation/{checked.ref}"
        return {
            "visitor": [
                f"/petitions/{p}",
                f"/petitions/{p}/sign",
                f"/stories/{published.slug}",
                f"/coalition/members/{organisation.slug}",
                f"/news/{news.slug}",
                f"/petitions/{p}/embed",
                f"/stories/{published.slug}/concern",
                "/petitions/?state=closing",
                "/petitions/?state=closed",
                "/petitions/?state=rejected",
                f"/updates/{sent.ref}",
            ],
            "member": [f"/members/organisations/{organisation.slug}"],
            "moderator": [s, f"/petitions/{pending.slug}/moderate"],
            "organiser": [
                f"/petitions/{p}/sources",
                f"/petitions/{p}/stats",
                f"/petitions/{p}/edit",
                f"/petitions/{p}/embed-code",
                f"/petitions/{p}/paper",
                f"/petitions/{p}/updates/new",
                f"/members/organisations/{organisation.slug}/people",
                f"/outreach/{campaign.ref}",
                f"/outreach/{campaign.ref}/edit",
                f"/outreach/{sent.ref}",
                f"/pages/{news.slug}/edit",
            ],
        }


# Resolves after a frame has been drawn at the new size, once ResizeObserver callbacks have run.
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _is_html_page(response, page, url: str) -> bool:
    """A page of this site answered as itself (not a redirect to signing in, a refusal, JSON or CSV)."""
    return (
        response is not None
        and response.status == 200
        and response.headers.get("content-type", "").startswith("text/html")
        and page.url == url
    )


def _check(page, where: str, found: list[str]) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate(NEXT_FRAME)  # the page's own script sees the new size first
        found.extend(violations(page, where))


def test_every_page_passes_axe_at_320_and_1280_pixels(app, live_server, browser, client, run_jobs):
    axe_path()
    objects = _objects(app, client, run_jobs)
    passwords = {email: password for email, _, password, role, _ in DEMO_ACCOUNTS}
    accounts = {str(role): email for email, _, _, role, _ in DEMO_ACCOUNTS}
    found: list[str] = []
    checked: set[str] = set()
    for who in ("visitor", "member", "moderator", "organiser"):
        # Scripts run as they do for everyone; the CSP is set aside only so axe itself can be put in.
        context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        if who != "visitor":
            sign_in(page, live_server, accounts[who], passwords[accounts[who]])
        for path in plain_get_paths(app) + objects[who]:
            if path in checked or "." in path.rsplit("/", 1)[-1]:  # done, or a download (JSON, CSV)
                continue
            url = live_server + path
            if _is_html_page(page.goto(url), page, url):
                checked.add(path)
                _check(page, f"{path} ({who})", found)
        if who == "visitor":
            # Forms sent empty: the error summary and each field's message.
            for path, button in (
                (objects["visitor"][1], "Sign this petition"),
                ("/stories/share", "Send my story"),
            ):
                page.goto(live_server + path)
                page.get_by_role("button", name=button).click()
                checked.add(path + " (errors)")
                _check(page, f"{path} with errors", found)
        context.close()
    print(
        f"\naxe-core {axe_version()}: {len(checked)} pages x {len(WIDTHS)} widths {WIDTHS} checked: {sorted(checked)}"
    )
    assert not found, f"{len(found)} accessibility violations:\n" + "\n".join(found)
