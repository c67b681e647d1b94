"""The security suites' shared fixture: real values for route variables."""

from __future__ import annotations

import pytest

from campaign.extensions import db
from campaign.models import Organisation
from tests.factories import make_donation, make_page, make_petition


@pytest.fixture
def known(app):
    """Real slugs, refs and ids for route variables, so hostile input reaches views that load something."""
    with app.app_context():
        petition = make_petition()
        page = make_page()
        donation = make_donation()
        organisation = Organisation(slug="walk-organisation", name="Walk organisation")
        db.session.add(organisation)
        db.session.commit()
        return {
            "petitions.slug": petition.slug,
            "api.slug": petition.slug,
            "public.slug": page.slug,
            "members.slug": organisation.slug,
            "donations.ref": donation.ref,
        }
