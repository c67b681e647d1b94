"""The privacy notice: who the controller is (from the settings), how long things are kept (the retention
settings the site runs with), and a link to it from the footer and every form that asks for personal data."""

from __future__ import annotations

import re
import secrets

import pytest

from campaign.extensions import db
from campaign.models import Invitation, Organisation, Story, StoryState, utcnow
from campaign.services.coalition import organisations as organisation_service
from tests.factories import make_petition

LINK = re.compile(r'<a href="/privacy"[^>]*>our privacy notice</a>')


@pytest.fixture
def privacy_app(make_app):
    return make_app(
        PRIVACY_CONTROLLER_NAME="Families Together CIC",
        PRIVACY_CONTACT_EMAIL="dpo@families.example",
        ANONYMISE_AFTER_DAYS="91",
        EMAIL_RETENTION_DAYS="17",
        STORY_RETENTION_DAYS="23",
        STORY_DRAFT_DAYS="29",
    )


def test_the_notice_names_the_configured_controller_and_the_retention_periods(privacy_app):
    page = privacy_app.test_client().get("/privacy")
    assert page.status_code == 200
    text = page.text
    assert "<strong>Families Together CIC</strong>" in text
    assert '<a href="mailto:dpo@families.example">dpo@families.example</a>' in text
    for days in ("91", "17", "23", "29"):
        assert f"<strong>{days} days</strong>" in text
    for processor in ("SendGrid", "Stripe", "hosting provider"):
        assert processor in text
    assert "browser's own storage" in text and "Clear this device" in text
    for link in ("/account/data.json", "/account/close", "https://ico.org.uk/"):
        assert f'href="{link}' in text


def test_the_defaults_name_a_controller_and_an_address(client):
    text = client.get("/privacy").text
    assert "<strong>Legal Action for Women</strong>" in text
    assert "mailto:privacy@supportnotseparation.example" in text


def test_the_footer_links_to_the_notice(client):
    assert '<a href="/privacy">Privacy</a>' in client.get("/").text


def test_every_form_that_asks_for_personal_details_links_to_the_notice(make_app, stripe_fake):
    app = make_app(
        STRIPE_SECRET_KEY="sk_test_privacy",
        STRIPE_WEBHOOK_SECRET="whsec_test_privacy",
        STRIPE_API_BASE=stripe_fake.url,
    )
    with app.app_context():
        slug = make_petition(title="Keep families together").slug
        story = Story(
            ref=secrets.token_urlsafe(9),
            slug="we-asked-for-help",
            title="We asked for help",
            pen_name="Anna",
            body="What happened to us.",
            state=StoryState.PUBLISHED,
            published_at=utcnow(),
        )
        organisation = Organisation(name="Family Rights Group", slug="family-rights-group")
        db.session.add_all([story, organisation])
        db.session.flush()
        invitation = Invitation(organisation_id=organisation.id, email="new@example.org")
        db.session.add(invitation)
        db.session.commit()
        invitation_token = organisation_service._INVITATION.make({"i": invitation.id, "e": "new@example.org"})
    visitor = app.test_client()
    pages = [
        f"/petitions/{slug}/sign",  # signing
        f"/petitions/{slug}/embed",  # signing from a partner's site
        f"/petitions/{slug}/resend",  # asking for the confirmation again
        "/join",  # the membership application
        f"/members/invitations/{invitation_token}",  # an account made from an invitation
        "/stories/share",  # the story form
        "/stories/we-asked-for-help/concern",  # a complaint about a story
        "/donate/",  # giving
    ]
    for path in pages:
        page = visitor.get(path)
        assert page.status_code == 200, path
        assert "<form" in page.text, path
        assert LINK.search(page.text), f"{path} does not link to the privacy notice"
    embedded = LINK.search(visitor.get(f"/petitions/{slug}/embed").text).group(0)
    assert 'target="_blank"' in embedded  # not inside the partner's frame
    story_form = visitor.get("/stories/share").text
    assert 'href="/privacy#browser-copy"' in story_form  # beside the note that the browser keeps a copy
