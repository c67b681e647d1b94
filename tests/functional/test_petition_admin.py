"""Organisers' tools: export, paper signatures, bulk invalidation, corrections, anonymisation, and the
official petition feed (against a local fake of the Parliament site)."""

import csv
import io
import json
from datetime import timedelta

from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Petition, PetitionEvent, Role, Signature, utcnow
from campaign.services.petitions import official as parliament
from campaign.services.petitions.signature_admin import anonymise_ended_petitions
from tests.conftest import FormClient
from tests.factories import PASSWORD, make_petition, make_user
from tests.functional.test_petitions import _petition, _validated
from tests.support.fake_http import FakeHTTPServer, FakeResponse


def test_organisers_export_confirmed_signatures_and_the_export_is_logged(app, signed_in):
    with app.app_context():
        slug = make_petition().slug
    _validated(app, slug, 3)
    _validated(app, slug, 1, start=50, flagged=True)
    with app.app_context():
        petition = db.session.scalars(select(Petition).where(Petition.slug == slug)).one()
        db.session.add(
            Signature(
                petition_id=petition.id,
                name='=HYPERLINK("x")',
                email="evil@example.org",
                email_key="evil@example.org",
                email_domain="example.org",
                state="validated",
                validated_at=utcnow() - timedelta(seconds=5),
            )
        )
        db.session.commit()
    assert signed_in(Role.MEMBER).get(f"/petitions/{slug}/signatures.csv").status_code == 403
    response = signed_in(Role.ORGANISER).get(f"/petitions/{slug}/signatures.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4  # the flagged one is not exported
    assert rows[-1]["name"].startswith("'=")  # no formulas for spreadsheets to run
    with app.app_context():
        event = db.session.scalars(
            select(PetitionEvent).where(PetitionEvent.action == "signatures_exported")
        ).one()
        assert event.reason == "4 rows" and event.actor_id is not None


def test_paper_batch_counts_at_once(app, signed_in):
    with app.app_context():
        slug = make_petition().slug
    organiser = signed_in(Role.ORGANISER)
    bad = organiser.submit(f"/petitions/{slug}/paper", {"batch-count": "0", "batch-note": ""})
    assert bad.status_code == 400 and "Enter a number between 1 and 1,000,000." in bad.text
    organiser.submit(f"/petitions/{slug}/paper", {"batch-count": "250", "batch-note": "Leeds march stall"})
    assert _petition(app, slug).signature_count == 250


def test_paper_csv_upload_checks_rows_and_reports_the_rejected_ones(app, signed_in):
    with app.app_context():
        slug = make_petition().slug
    _validated(app, slug, 1)  # s0@example.org has already signed online
    data = (
        "name,email,postcode,country\n"
        "Ada Lovelace,ada@example.org,SW1A 1AA,\n"
        ",nobody@example.org,M1 1AE,\n"
        "Bad Email,not-an-email,M1 1AE,\n"
        "Bad Postcode,bp@example.org,XX1 1XX,\n"
        "Already,S0@example.org,M1 1AE,\n"
        "Abroad Person,abroad@example.org,,France\n"
        "Ada Again,ada+paper@example.org,SW1A 1AA,\n"
    )
    organiser = signed_in(Role.ORGANISER)
    response = organiser.submit(
        f"/petitions/{slug}/paper",
        {"upload-file": (io.BytesIO(data.encode()), "paper.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "2 signatures added" in response.text and "5 rows could not be used" in response.text
    for line, text in [
        (3, "The name is missing."),
        (4, "not in the right format"),
        (5, "is not a UK postcode"),
        (6, "already signed"),
        (8, "already signed"),
    ]:
        assert f"<td>{line}</td><td>" in response.text and text in response.text
    with app.app_context():
        paper = db.session.scalars(select(Signature).where(Signature.source == "paper")).all()
        assert {s.email for s in paper} == {"ada@example.org", "abroad@example.org"}
        assert all(s.state == "validated" for s in paper)
    wrong = organiser.submit(
        f"/petitions/{slug}/paper",
        {"upload-file": (io.BytesIO(b"who,what\nx,y\n"), "paper.csv")},
        content_type="multipart/form-data",
    )
    assert wrong.status_code == 400 and "The first row must name the columns" in wrong.text


def test_bulk_invalidation_previews_then_removes_and_recounts(app, signed_in):
    with app.app_context():
        slug = make_petition().slug
        petition_id = _petition(app, slug).id
    _validated(app, slug, 5)
    with app.app_context():
        db.session.execute(
            Signature.__table__.update()
            .where(Signature.petition_id == petition_id, Signature.name.in_(["S0", "S1", "S2"]))
            .values(ip_address="192.0.2.7")
        )
        from campaign.services.petitions.counting import recount

        recount(petition_id)
    assert _petition(app, slug).signature_count == 5
    organiser = signed_in(Role.ORGANISER)
    preview = organiser.submit(f"/petitions/{slug}/invalidate", {"ip_address": "192.0.2.7"})
    assert "3 signatures match" in preview.text
    assert _petition(app, slug).signature_count == 5  # nothing removed yet
    expected = preview.text.split('name="expected" type="hidden" value="')[1].split('"')[0]
    done = organiser.submit(
        f"/petitions/{slug}/invalidate",
        {"ip_address": "192.0.2.7", "expected": expected, "confirm": "yes"},
        follow_redirects=True,
    )
    assert "3 signatures removed" in done.text
    assert _petition(app, slug).signature_count == 2
    empty = organiser.submit(f"/petitions/{slug}/invalidate", {})
    assert empty.status_code == 400 and "Choose at least one of" in empty.text


def test_invalidation_refuses_when_the_matching_number_changed(app, signed_in):
    with app.app_context():
        slug = make_petition().slug
    _validated(app, slug, 2)
    organiser = signed_in(Role.ORGANISER)
    response = organiser.submit(
        f"/petitions/{slug}/invalidate", {"email_domain": "example.org", "expected": "1", "confirm": "yes"}
    )
    assert response.status_code == 400 and "changed from 1 to 2" in response.text
    with app.app_context():
        assert db.session.scalars(select(Signature.state)).all() == ["validated", "validated"]


def test_corrections_need_an_organisers_approval(app, signed_in):
    with app.app_context():
        owner = make_user(email="owner@example.org")
        slug = make_petition(created_by_id=owner.id, title="Old title").slug
    owner_client = FormClient(app.test_client())
    owner_client.sign_in("owner@example.org", PASSWORD)
    same = owner_client.submit(
        f"/petitions/{slug}/correction",
        {
            "title": "Old title",
            "action": "Do the right thing.",
            "background": "Because it matters.",
            "reason": "x",
        },
    )
    assert same.status_code == 400 and "Nothing would change" in same.text
    owner_client.submit(
        f"/petitions/{slug}/correction",
        {
            "title": "Corrected title",
            "action": "Do the right thing.",
            "background": "Because it matters.",
            "reason": "Typo in the minister's title.",
        },
    )
    assert _petition(app, slug).title == "Old title"

    organiser = signed_in(Role.ORGANISER)
    listing = organiser.get("/petitions/moderation/corrections")
    assert "Corrected title" in listing.text and "Typo in the minister" in listing.text
    with app.app_context():
        from campaign.models import PetitionCorrection

        correction_id = db.session.scalars(select(PetitionCorrection.id)).one()
    organiser.submit(
        f"/petitions/moderation/corrections/{correction_id}",
        {"decision": "approve"},
        form_url="/petitions/moderation/corrections",
    )
    assert _petition(app, slug).title == "Corrected title"
    with app.app_context():
        approved = db.session.scalars(
            select(PetitionEvent).where(PetitionEvent.action == "correction_approved")
        ).one()
        assert "Old title" in approved.reason


def test_signer_details_are_anonymised_after_a_petition_has_ended(app):
    with app.app_context():
        old = make_petition(state="closed", closed_at=utcnow() - timedelta(days=200))
        recent = make_petition(state="closed", closed_at=utcnow() - timedelta(days=10))
        old_slug, recent_slug = old.slug, recent.slug
    _validated(app, old_slug, 3, region="wales")
    _validated(app, recent_slug, 2, start=10)
    with app.app_context():
        from campaign.services.petitions.counting import recount

        recount()
        assert anonymise_ended_petitions() == 1
        assert anonymise_ended_petitions() == 0
        old_rows = db.session.scalars(select(Signature).join(Petition).where(Petition.slug == old_slug)).all()
        assert {(s.name, s.email, s.postcode, s.region) for s in old_rows} == {("", "", "", "wales")}
        recent_rows = db.session.scalars(
            select(Signature).join(Petition).where(Petition.slug == recent_slug)
        ).all()
        assert all(s.email for s in recent_rows)
        assert recount() == {}  # counts unchanged by anonymising
    assert _petition(app, old_slug).signature_count == 3
    page = FormClient(app.test_client()).get(f"/petitions/{old_slug}.json").json["data"]
    assert next(r for r in page["signatures_by_region"] if r["code"] == "wales")["count"] == 3


OFFICIAL = {
    "data": {
        "id": 700123,
        "attributes": {
            "action": "Reform section 20 of the Children Act 1989",
            "state": "open",
            "signature_count": 12345,
            "response_threshold_reached_at": "2026-10-01T10:00:00.000Z",
            "government_response_at": "2026-10-20",
            "government_response": {"summary": "The government has no plans to change the law."},
            "debate_threshold_reached_at": None,
            "scheduled_debate_date": None,
            "debate_outcome_at": None,
        },
    }
}


def test_official_petition_figures_are_read_and_kept_when_the_feed_fails(make_app):
    with FakeHTTPServer(
        FakeResponse(200, json.dumps(OFFICIAL).encode(), {"Content-Type": "application/json"})
    ) as feed:
        app = make_app(PARLIAMENT_PETITIONS_URL=feed.url)
        with app.app_context():
            slug = make_petition(parliament_petition_id=700123).slug
            assert parliament.refresh_all_official() == {"read": 1, "failed": 0}
        assert feed.requests[0].path == "/petitions/700123.json"
        page = FormClient(app.test_client()).get(f"/petitions/{slug}").text
        assert "12,345" in page and "the government responded on 20 October 2026" in page
        assert "87,655 more needed" in page and f'href="{feed.url}/petitions/700123"' in page

        feed.queue(FakeResponse(503, b"down"))
        with app.app_context():
            assert parliament.refresh_all_official() == {"read": 0, "failed": 1}
            petition = db.session.scalars(select(Petition).where(Petition.slug == slug)).one()
            assert petition.parliament_count == 12345 and "answered 503" in petition.parliament_error
        page = FormClient(app.test_client()).get(f"/petitions/{slug}").text
        assert "12,345" in page and "could not be read since" in page


def test_a_stranger_is_refused_a_correction_before_the_form_is_read(app, signed_in):
    with app.app_context():
        owner = make_user(email="owner@example.org")
        slug = make_petition(created_by_id=owner.id, title="Old title").slug
    stranger = signed_in(Role.MEMBER)
    # Invalid on purpose: the refusal must not depend on the form being valid, nor show its errors.
    refused = stranger.submit(
        f"/petitions/{slug}/correction", {"title": "", "reason": ""}, form_url="/account/"
    )
    assert refused.status_code == 403 and "Say why the correction is needed" not in refused.text
    assert stranger.get(f"/petitions/{slug}/correction").status_code == 403
