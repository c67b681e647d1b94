"""Four eyes on opening a petition: an organiser cannot approve a petition they started, or one their
organisation owns; another organiser must. They may still send it back or reject it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Organisation, Petition, Role, utcnow
from campaign.services.errors import PermissionDenied
from campaign.services.petitions import lifecycle
from tests.factories import make_petition, make_user

REFUSED_BUTTON = 'value="approve"'


def _state(app, slug) -> str:
    with app.app_context():
        return db.session.scalar(select(Petition.state).where(Petition.slug == slug))


def _own_submitted_petition(app, organiser) -> str:
    with app.app_context():
        return make_petition(state="submitted", created_by_id=organiser.user_id, submitted_at=utcnow()).slug


def test_an_organiser_cannot_approve_a_petition_they_started(app, signed_in):
    starter = signed_in(Role.ORGANISER)
    slug = _own_submitted_petition(app, starter)
    page = starter.get(f"/petitions/{slug}/moderate")
    assert "Another organiser must approve this petition, because you started it." in page.text
    assert REFUSED_BUTTON not in page.text
    assert slug in starter.get("/petitions/moderation").text  # the queue still lists it
    refused = starter.submit(f"/petitions/{slug}/moderate", {"decision": "approve"})
    assert refused.status_code == 400 and _state(app, slug) == "submitted"
    with app.app_context():
        petition = db.session.scalar(select(Petition).where(Petition.slug == slug))
        with pytest.raises(PermissionDenied, match="because you started it"):
            lifecycle.approve_petition(petition.created_by, petition)
        assert petition.state == "submitted"


def test_an_organiser_cannot_approve_a_petition_their_organisation_owns(app, signed_in):
    with app.app_context():
        org = Organisation(name="Mothers Together", slug="mothers-together")
        db.session.add(org)
        db.session.commit()
        author = make_user(Role.MEMBER, organisation_id=org.id)
        slug = make_petition(
            state="submitted", created_by_id=author.id, owner_organisation_id=org.id, submitted_at=utcnow()
        ).slug
        org_id = org.id
    insider = signed_in(Role.ORGANISER, organisation_id=org_id)
    page = insider.get(f"/petitions/{slug}/moderate")
    assert "Another organiser must approve this petition, because your organisation owns it." in page.text
    assert REFUSED_BUTTON not in page.text
    assert insider.submit(f"/petitions/{slug}/moderate", {"decision": "approve"}).status_code == 400
    assert _state(app, slug) == "submitted"

    outsider = signed_in(Role.ORGANISER)
    assert REFUSED_BUTTON in outsider.get(f"/petitions/{slug}/moderate").text
    assert outsider.submit(f"/petitions/{slug}/moderate", {"decision": "approve"}).status_code == 302
    assert _state(app, slug) == "open"


def test_another_organiser_approves_it(app, signed_in):
    starter = signed_in(Role.ORGANISER)
    slug = _own_submitted_petition(app, starter)
    colleague = signed_in(Role.ORGANISER)
    assert colleague.submit(f"/petitions/{slug}/moderate", {"decision": "approve"}).status_code == 302
    assert _state(app, slug) == "open"


def test_the_starter_may_still_send_their_own_petition_back(app, signed_in):
    starter = signed_in(Role.ORGANISER)
    slug = _own_submitted_petition(app, starter)
    sent_back = starter.submit(
        f"/petitions/{slug}/moderate", {"decision": "changes", "details": "Tighten it."}
    )
    assert sent_back.status_code == 302 and _state(app, slug) == "draft"
