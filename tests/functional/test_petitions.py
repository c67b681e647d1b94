"""Petitions: creation and moderation, counting, milestones, closing, listing, search and the JSON."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Petition, PetitionEvent, Role, Signature, utcnow
from campaign.services.petitions import counting
from campaign.services.petitions.lifecycle import close_expired_petitions
from tests.conftest import FormClient
from tests.factories import make_petition, make_user

NEW = {
    "title": "Fund post-separation support",
    "action": "Fund support for every parent after a child is removed.",
    "background": "Parents are left alone at the worst moment.",
    "details": "- midwives\n- counselling",
    "target": "5000",
    "milestones": "1000, 2500",
    "duration_days": "91",
}


def _petition(app, slug) -> Petition:
    with app.app_context():
        petition = db.session.scalars(select(Petition).where(Petition.slug == slug)).one()
        db.session.expunge(petition)
        return petition


def _validated(app, slug, n, region="london", start=0, flagged=False):
    """n confirmed signatures, written directly: these tests are about counting, not the form."""
    with app.app_context():
        petition = db.session.scalars(select(Petition).where(Petition.slug == slug)).one()
        now = utcnow() - timedelta(seconds=5)
        db.session.add_all(
            [
                Signature(
                    petition_id=petition.id,
                    name=f"S{i}",
                    email=f"s{i}@example.org",
                    email_key=f"s{i}@example.org",
                    email_domain="example.org",
                    region=region,
                    state="validated",
                    validated_at=now,
                    flagged=flagged,
                    opt_in=i % 2 == 0,
                )
                for i in range(start, start + n)
            ]
        )
        db.session.commit()


def test_member_drafts_submits_and_organiser_approves(app, signed_in):
    member = signed_in(Role.MEMBER)
    created = member.submit("/petitions/new", NEW, follow_redirects=True)
    assert "saved as a draft" in created.text
    slug = "fund-post-separation-support"
    assert FormClient(app.test_client()).get(f"/petitions/{slug}").status_code == 404  # drafts are private
    member.submit(f"/petitions/{slug}/submit", {}, form_url=f"/petitions/{slug}")
    assert _petition(app, slug).state == "submitted"
    assert member.get(f"/petitions/{slug}/edit").status_code == 200
    locked = member.submit(f"/petitions/{slug}/edit", {**NEW, "title": "Changed"})
    assert locked.status_code == 400 and "Only a draft can be edited" in locked.text

    organiser = signed_in(Role.ORGANISER)
    queue = organiser.get("/petitions/moderation")
    assert "Fund post-separation support" in queue.text and "under an hour" in queue.text
    organiser.submit(f"/petitions/{slug}/moderate", {"decision": "approve"})
    petition = _petition(app, slug)
    assert petition.state == "open" and petition.milestones == [1000, 2500] and petition.target == 5000
    assert petition.deadline - petition.opened_at == timedelta(days=91)
    page = FormClient(app.test_client()).get(f"/petitions/{slug}")
    assert page.status_code == 200 and "Sign this petition" in page.text
    with app.app_context():
        actions = db.session.scalars(select(PetitionEvent.action).order_by(PetitionEvent.id)).all()
    assert actions == ["created", "submitted", "approved"]


def test_petition_form_errors_keep_what_was_typed(app, signed_in):
    member = signed_in(Role.MEMBER)
    response = member.submit("/petitions/new", {**NEW, "title": "", "target": "lots", "milestones": "big"})
    assert response.status_code == 400
    assert "Enter a title." in response.text and "Write milestones as whole numbers" in response.text
    assert "Fund support for every parent" in response.text


def test_organiser_sends_back_for_changes_and_rejects_with_a_reason(app, signed_in):
    with app.app_context():
        first = make_petition(state="submitted", submitted_at=utcnow()).slug
        second = make_petition(state="submitted", submitted_at=utcnow()).slug
    organiser = signed_in(Role.ORGANISER)
    missing = organiser.submit(f"/petitions/{first}/moderate", {"decision": "changes", "details": ""})
    assert missing.status_code == 400 and "Say what needs to change." in missing.text
    organiser.submit(f"/petitions/{first}/moderate", {"decision": "changes", "details": "Name the minister."})
    assert (
        _petition(app, first).state == "draft"
        and _petition(app, first).moderation_note == "Name the minister."
    )

    no_reason = organiser.submit(
        f"/petitions/{second}/moderate", {"decision": "reject", "rejection_code": ""}
    )
    assert no_reason.status_code == 400 and "Choose a reason for rejecting it." in no_reason.text
    organiser.submit(
        f"/petitions/{second}/moderate",
        {"decision": "reject", "rejection_code": "duplicate", "details": "See the open one."},
    )
    page = FormClient(app.test_client()).get(f"/petitions/{second}")
    assert page.status_code == 200
    assert (
        "This petition was rejected" in page.text
        and "Duplicate" in page.text
        and "See the open one." in page.text
    )


def test_organisers_can_add_rejection_reasons(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    organiser.submit(
        "/petitions/moderation/reasons",
        {"code": "Out of scope", "label": "Out of scope", "description": "Not about family separation."},
    )
    with app.app_context():
        slug = make_petition(state="submitted", submitted_at=utcnow()).slug
    organiser.submit(f"/petitions/{slug}/moderate", {"decision": "reject", "rejection_code": "out-of-scope"})
    assert _petition(app, slug).rejection_code == "out-of-scope"


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_only_organisers_moderate(app, role, signed_in):
    with app.app_context():
        slug = make_petition(state="submitted", submitted_at=utcnow()).slug
    client = signed_in(role)
    assert client.get("/petitions/moderation").status_code == 403
    assert client.get(f"/petitions/{slug}/moderate").status_code == 403


def test_members_cannot_edit_other_peoples_drafts(app, signed_in):
    with app.app_context():
        owner = make_user()
        slug = make_petition(state="draft", created_by_id=owner.id).slug
    intruder = signed_in(Role.MEMBER)
    assert intruder.get(f"/petitions/{slug}").status_code == 404
    assert intruder.get(f"/petitions/{slug}/edit").status_code == 404


def test_an_edit_post_that_leaves_out_the_milestones_is_answered_not_crashed(app, signed_in):
    """The form starts from the petition, whose milestones are a list; a post without the field used to
    reach the milestones check as that list and answer 500."""
    with app.app_context():
        slug = make_petition(state="open", milestones=[20_000, 50_000]).slug
    organiser = signed_in(Role.ORGANISER)
    response = organiser.submit(f"/petitions/{slug}/edit", {})
    assert response.status_code == 400
    assert "Only a draft can be edited" in response.text


def test_counts_roll_up_in_batches_and_recount_repairs_drift(app):
    with app.app_context():
        slug = make_petition().slug
    _validated(app, slug, 7)
    _validated(app, slug, 2, start=100, flagged=True)
    with app.app_context():
        added = counting.roll_up_counts()
        assert list(added.values()) == [7]
        assert counting.roll_up_counts() == {}  # nothing new: nothing added twice
        petition = db.session.scalars(select(Petition).where(Petition.slug == slug)).one()
        petition.signature_count = 3  # drift
        db.session.commit()
        assert counting.recount() == {petition.id: (3, 7)}
        assert db.session.get(Petition, petition.id).signature_count == 7


def test_concurrent_confirmations_are_counted_exactly_once(database_url, redis_server, tmp_path):
    """Real concurrency, real commits: eight threads confirm through the service while roll-ups run
    alongside; the final count is exact and the recount finds no drift."""
    from campaign import create_app
    from campaign.services.petitions import signing
    from tests.conftest import _environ

    app = create_app(environ=_environ(database_url, redis_server, tmp_path))
    with app.app_context():
        petition = make_petition(slug="surge", target=1_000_000)
        petition_id = petition.id
        signatures = [
            Signature(
                petition_id=petition_id,
                name=f"P{i}",
                email=f"p{i}@example.org",
                email_key=f"p{i}@example.org",
                email_domain="example.org",
            )
            for i in range(200)
        ]
        db.session.add_all(signatures)
        db.session.commit()
        tokens = [signing.confirmation_token(s) for s in signatures]
    try:
        errors = []

        def confirm(chunk):
            try:
                with app.app_context():
                    for token in chunk:
                        signing.confirm_signature(token)
            except Exception as error:  # surfaced below
                errors.append(error)

        confirming = [threading.Thread(target=confirm, args=(tokens[i::8],)) for i in range(8)]
        for t in confirming:
            t.start()
        with app.app_context():
            while any(t.is_alive() for t in confirming):
                counting.roll_up_counts()
        for t in confirming:
            t.join()
        assert errors == []
        with app.app_context():
            counting.roll_up_counts()
            assert db.session.get(Petition, petition_id).signature_count == 200
            assert counting.recount(petition_id) == {}
    finally:
        with app.app_context():
            db.session.execute(Petition.__table__.delete().where(Petition.id == petition_id))
            db.session.commit()
            db.engine.dispose()


def test_reaching_the_target_marks_it_tells_organisers_and_queues_signer_updates(app, run_jobs, outbox):
    with app.app_context():
        make_user(role=Role.ORGANISER, email="olu@example.org")
        slug = make_petition(target=10, milestones=[20]).slug
    _validated(app, slug, 12)
    with app.app_context():
        counting.roll_up_counts()
    run_jobs()
    petition = _petition(app, slug)
    assert petition.milestones_reached == [10]
    assert [m.subject for m in outbox(to="olu@example.org")] == [f"{petition.title} reached 10 signatures"]
    signer_mail = [m for m in outbox() if m.subject.endswith("has reached 10 signatures")]
    assert len(signer_mail) == 6  # the opted-in half
    page = FormClient(app.test_client()).get(f"/petitions/{slug}")
    assert "Reached 10 signatures: target met." in page.text
    with app.app_context():
        counting.roll_up_counts()
    run_jobs()
    assert len(outbox(to="olu@example.org")) == 1  # not announced twice


def test_petitions_close_at_their_deadline(app, client):
    with app.app_context():
        slug = make_petition(deadline=utcnow() - timedelta(seconds=1)).slug
        assert close_expired_petitions() == 1
    page = client.get(f"/petitions/{slug}")
    assert "This petition closed on" in page.text and "It can no longer be signed." in page.text
    assert slug in client.get("/petitions/?state=closed").text
    assert slug not in client.get("/petitions/").text


def test_list_sorts_and_searches(app, client):
    with app.app_context():
        make_petition(
            title="Restore legal aid for mothers", signature_count=50, opened_at=utcnow() - timedelta(days=9)
        )
        make_petition(title="Keep babies with their mothers", signature_count=5, opened_at=utcnow())
    popular = client.get("/petitions/").text
    assert popular.index("Restore legal aid") < popular.index("Keep babies")
    newest = client.get("/petitions/?sort=newest").text
    assert newest.index("Keep babies") < newest.index("Restore legal aid")
    found = client.get("/petitions/?q=legal+aid").text
    assert "Restore legal aid" in found and "Keep babies" not in found and "1 petition matches" in found


def test_petition_page_shows_regions_share_links_and_is_cacheable(app, client):
    with app.app_context():
        slug = make_petition(title="Share me", signature_count=5).slug
    _validated(app, slug, 3, region="scotland")
    _validated(app, slug, 2, region="north-west", start=10)
    page = client.get(f"/petitions/{slug}")
    assert "Scotland" in page.text and "North West" in page.text
    assert "https://wa.me/?text=" in page.text and "mailto:?subject=Share%20me" in page.text
    assert "https://bsky.app/intent/compose?text=Please%20sign%3A%20Share%20me%20http" in page.text
    assert page.headers["Cache-Control"] == f"public, max-age={app.config['COUNT_ROLLUP_INTERVAL']}"
    import re

    # Share links are plain links; the only script is our own progressive enhancement.
    assert re.findall(r'<script[^>]*src="([^"]+)"', page.text) == ["/static/js/site.js"]
    assert "facebook.net" not in page.text and "platform.twitter" not in page.text


def test_public_json_and_openapi(app, client):
    with app.app_context():
        slug = make_petition(title="JSON petition", signature_count=4).slug
        make_petition(state="draft", slug="secret-draft")
    _validated(app, slug, 4, region="wales")
    listing = client.get("/petitions.json")
    assert listing.status_code == 200 and listing.headers["Access-Control-Allow-Origin"] == "*"
    slugs = [p["slug"] for p in listing.json["data"]]
    assert slug in slugs and "secret-draft" not in slugs
    one = client.get(f"/petitions/{slug}.json").json["data"]
    for key in (
        "slug",
        "title",
        "state",
        "signature_count",
        "target",
        "deadline",
        "created_at",
        "opened_at",
        "signatures_by_region",
    ):
        assert key in one
    wales = next(r for r in one["signatures_by_region"] if r["code"] == "wales")
    assert wales["count"] == 4
    assert "email" not in str(one) and "s1@example.org" not in str(one)
    assert client.get("/petitions/secret-draft.json").status_code == 404
    spec = client.get("/api/openapi.json").json
    assert spec["openapi"].startswith("3.1") and "/petitions/{slug}.json" in spec["paths"]


def test_organisers_post_updates_shown_on_the_page(app, signed_in):
    with app.app_context():
        slug = make_petition().slug
    organiser = signed_in(Role.ORGANISER)
    organiser.submit(
        f"/petitions/{slug}/updates/new", {"title": "We met the minister", "body": "It went **well**."}
    )
    page = FormClient(app.test_client()).get(f"/petitions/{slug}")
    assert "We met the minister" in page.text and "<strong>well</strong>" in page.text
    assert signed_in(Role.MEMBER).get(f"/petitions/{slug}/updates/new").status_code == 403


def test_organiser_closes_early_with_a_reason(app, signed_in):
    with app.app_context():
        slug = make_petition().slug
    organiser = signed_in(Role.ORGANISER)
    organiser.submit(
        f"/petitions/{slug}/close",
        {"close-reason": "The law changed."},
        form_url=f"/petitions/{slug}/moderate",
    )
    assert _petition(app, slug).state == "closed"


def test_milestone_updates_skip_people_who_left_and_carry_a_one_click_unsubscribe(app, run_jobs, outbox):
    import json

    from campaign.models import ListOptOut, Suppression

    with app.app_context():
        petition = make_petition(target=10)
        slug, petition_id = petition.slug, petition.id
        db.session.add(ListOptOut(email_key="s0@example.org", list_key=f"petition:{petition_id}"))
        db.session.add(Suppression(email_key="s2@example.org", reason="unsubscribed"))
        db.session.commit()
    _validated(app, slug, 12)
    with app.app_context():
        counting.roll_up_counts()
    run_jobs()
    signer_mail = [m for m in outbox() if m.subject.endswith("has reached 10 signatures")]
    assert sorted(m.to_address for m in signer_mail) == [
        "s10@example.org",
        "s4@example.org",
        "s6@example.org",
        "s8@example.org",
    ]
    headers = json.loads(signer_mail[0].headers)
    assert headers["List-Unsubscribe"].startswith("<http://localhost/unsubscribe/")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/unsubscribe/" in signer_mail[0].text_body
