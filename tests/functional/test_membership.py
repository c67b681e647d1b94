"""The coalition: applying to join, organisers' decisions, invitations, organisations' own pages and logos,
the directory, downloading one's data and closing an account, and who may do what."""

import io
import json
import re

import pytest
from markupsafe import escape
from PIL import Image
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import (
    Invitation,
    MembershipApplication,
    Organisation,
    PetitionEvent,
    Role,
    Signature,
    User,
)
from campaign.services.coalition import organisations as organisation_service
from campaign.services.errors import PermissionDenied
from tests.conftest import FormClient
from tests.factories import PASSWORD, make_petition, make_user

ORG_APPLICATION = {
    "kind": "organisation",
    "organisation_name": "Mothers Together",
    "website": "https://mt.example.org",
    "contact_name": "Grace Okafor",
    "email": "grace@mt.example.org",
    "statement": "We support mothers through child protection.",
    "consent": "y",
}
NEW_PASSWORD = "kettle harbour violet"


@pytest.fixture
def mail(outbox, run_jobs):
    def read(to):
        run_jobs()
        return outbox(to)

    return read


def _link(mail, to, pattern):
    for message in reversed(mail(to)):
        found = re.search(r"http://localhost(" + pattern + r"\S+)", message.text_body)
        if found:
            return found.group(1)
    raise AssertionError(f"no {pattern} link sent to {to}")


def _png(width=800, height=600, colour=(122, 31, 92)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def _organisation(app, name="Mothers Together") -> Organisation:
    with app.app_context():
        org = db.session.scalar(select(Organisation).where(Organisation.name == name))
        db.session.expunge(org)
        return org


def _org_with_editor(app, signed_in, name="Family Rights Group", email=None):
    """An organisation and its first contact, signed in."""
    with app.app_context():
        org = Organisation(name=name, slug=name.lower().replace(" ", "-"))
        db.session.add(org)
        db.session.commit()
        org_id, slug = org.id, org.slug
    client = signed_in(Role.MEMBER, email, app=app, organisation_id=org_id)
    with app.app_context():
        db.session.get(Organisation, org_id).contact_id = client.user_id
        db.session.commit()
    return slug, client


# Joining


def test_join_approve_invite_and_edit_the_page(app, client, mail, signed_in):
    organiser = signed_in(Role.ORGANISER, "organiser@example.org")
    sent = client.submit("/join", ORG_APPLICATION)
    assert sent.headers["Location"].endswith("/join/thanks")
    assert "Thank you for applying" in mail("grace@mt.example.org")[0].subject
    alert = _link(mail, "organiser@example.org", "/members/applications/")

    queue = organiser.get("/members/applications")
    assert "Mothers Together" in queue.text
    page = organiser.get(alert)
    assert "We support mothers through child protection." in page.text
    organiser.submit(alert, {"decision": "approve", "message": "Delighted to have you."})
    with app.app_context():
        application = db.session.scalar(select(MembershipApplication))
        assert application.state == "approved" and application.consent_version
    org = _organisation(app)
    assert org.listed and org.website == "https://mt.example.org"

    # The applicant sets a password from the welcome email (valid for days, not an hour): that signs her in.
    setup = _link(mail, "grace@mt.example.org", "/reset-password/")
    assert "Delighted to have you." in mail("grace@mt.example.org")[-1].text_body
    assert "for 7 days" in mail("grace@mt.example.org")[-1].text_body
    grace = FormClient(app.test_client())
    assert grace.submit(setup, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert "Your organisation's page" in grace.get("/account/").text

    # She invites a colleague, who accepts with a new account.
    invited = grace.submit(f"/members/organisations/{org.slug}/people", {"email": "sam@mt.example.org"})
    assert invited.status_code == 302
    accept = _link(mail, "sam@mt.example.org", "/members/invitations/")
    sam = FormClient(app.test_client())
    weak = sam.submit(accept, {"name": "Sam", "password": "short"})
    assert (
        weak.status_code == 400 and "Use at least 10 characters" in weak.text and 'value="Sam"' in weak.text
    )
    joined = sam.submit(accept, {"name": "Sam Reid", "password": NEW_PASSWORD})
    assert joined.headers["Location"].endswith(f"/members/organisations/{org.slug}")
    assert sam.submit(accept, {"name": "Sam Reid", "password": NEW_PASSWORD}).status_code == 400  # used once

    # Sam edits the page: text, petitions supported, and a logo.
    with app.app_context():
        petition = make_petition(title="Fund family support")
        petition_id, petition_slug = petition.id, petition.slug
    edited = sam.submit(
        f"/members/organisations/{org.slug}",
        {
            "name": "Mothers Together",
            "description": "Peer support for <b>mothers</b>.",
            "website": "mt.example.org",
            "listed": "y",
            "petitions": [str(petition_id)],
        },
    )
    assert edited.status_code == 302
    uploaded = sam.post(
        f"/members/organisations/{org.slug}/logo",
        data={
            "csrf_token": sam.csrf_token(f"/members/organisations/{org.slug}"),
            "action": "upload",
            "logo": (io.BytesIO(_png()), "logo.png"),
        },
        content_type="multipart/form-data",
    )
    assert uploaded.status_code == 302

    public = FormClient(app.test_client())
    page = public.get(f"/coalition/members/{org.slug}")
    assert "Peer support for &lt;b&gt;mothers&lt;/b&gt;." in page.text
    assert f"/petitions/{petition_slug}" in page.text and "https://mt.example.org" in page.text
    logo_url = re.search(r'src="(/coalition/members/[^"]+\.png)"', page.text).group(1)
    logo = public.get(logo_url)
    assert logo.status_code == 200 and logo.mimetype == "image/png"
    assert Image.open(io.BytesIO(logo.data)).size == (400, 300)  # resized, re-encoded by us
    directory = public.get("/coalition")
    assert "Mothers Together" in directory.text and logo_url in directory.text


def test_a_bad_application_keeps_what_was_typed(client):
    response = client.submit(
        "/join", {**ORG_APPLICATION, "organisation_name": "", "consent": "", "email": "nope"}
    )
    assert response.status_code == 400
    assert "Enter your organisation&#39;s name." in response.text
    assert "You need to agree to this" in response.text
    assert "Enter an email address in the correct format" in response.text
    assert (
        "We support mothers through child protection." in response.text
        and 'value="Grace Okafor"' in response.text
    )


def test_a_declined_applicant_is_told_why(app, client, mail, signed_in):
    organiser = signed_in(Role.ORGANISER)
    client.submit("/join", {**ORG_APPLICATION, "kind": "individual", "organisation_name": ""})
    with app.app_context():
        ref = db.session.scalar(select(MembershipApplication.ref))
    url = f"/members/applications/{ref}"
    blank = organiser.submit(url, {"decision": "decline", "message": ""})
    assert blank.status_code == 400 and "Tell the applicant why" in blank.text
    organiser.submit(url, {"decision": "decline", "message": "We only accept members based in the UK."})
    assert "We only accept members based in the UK." in mail("grace@mt.example.org")[-1].text_body
    again = organiser.submit(url, {"decision": "approve", "message": ""})
    assert again.status_code == 400 or "already been decided" in again.text
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "grace@mt.example.org")) is None


def test_individuals_appear_in_the_directory_only_if_they_chose_to(app, client, mail, signed_in):
    organiser = signed_in(Role.ORGANISER)
    for name, email, listed in (("Ada Listed", "ada@example.org", "y"), ("Bo Private", "bo@example.org", "")):
        client.submit(
            "/join",
            {
                "kind": "individual",
                "contact_name": name,
                "email": email,
                "statement": "I support the aims.",
                "consent": "y",
                "listed": listed,
            },
        )
    with app.app_context():
        refs = list(db.session.scalars(select(MembershipApplication.ref)))
    for ref in refs:
        organiser.submit(f"/members/applications/{ref}", {"decision": "approve"})
    directory = FormClient(app.test_client()).get("/coalition").text
    assert "Ada Listed" in directory and "Bo Private" not in directory


# Logos


@pytest.mark.parametrize(
    "payload, filename, message",
    [
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "logo.svg",
            "must be a PNG, JPEG, GIF or WebP image",
        ),
        (b"GIF89a<script>alert(1)</script>", "logo.gif", "must be a PNG, JPEG, GIF or WebP image"),
        (b"x" * (1024 * 1024 + 1), "big.png", "must be 1,024 KB or smaller"),
        (b"", "empty.png", "Choose an image file"),
    ],
)
def test_only_real_images_become_logos(app, payload, filename, message, signed_in):
    slug, editor = _org_with_editor(app, signed_in)
    response = editor.post(
        f"/members/organisations/{slug}/logo",
        data={
            "csrf_token": editor.csrf_token(f"/members/organisations/{slug}"),
            "action": "upload",
            "logo": (io.BytesIO(payload), filename),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 400 and message in response.text
    assert _organisation(app, "Family Rights Group").logo is None


def test_a_logo_keeps_nothing_from_the_upload(app, signed_in):
    slug, editor = _org_with_editor(app, signed_in)
    out = io.BytesIO()
    image = Image.new("RGB", (50, 50), (0, 128, 0))
    exif = Image.Exif()
    exif[0x010E] = "secret description"
    image.save(out, "JPEG", exif=exif)
    editor.post(
        f"/members/organisations/{slug}/logo",
        data={
            "csrf_token": editor.csrf_token(f"/members/organisations/{slug}"),
            "action": "upload",
            "logo": (io.BytesIO(out.getvalue()), "logo.jpg"),
        },
        content_type="multipart/form-data",
    )
    org = _organisation(app, "Family Rights Group")
    served = FormClient(app.test_client()).get(f"/coalition/members/{slug}/logo-{org.logo}.png")
    assert served.data.startswith(b"\x89PNG") and b"secret description" not in served.data
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert FormClient(app.test_client()).get(f"/coalition/members/{slug}/logo-0000.png").status_code == 404


# People


def test_only_the_first_contact_invites_and_removes_people(app, mail, signed_in):
    slug, contact = _org_with_editor(app, signed_in, email="contact@frg.example.org")
    with app.app_context():
        org = db.session.scalar(select(Organisation).where(Organisation.slug == slug))
        colleague = make_user(role=Role.MEMBER, email="colleague@frg.example.org", organisation_id=org.id)
        colleague_id = colleague.id
    other = FormClient(app.test_client())
    other.sign_in("colleague@frg.example.org", PASSWORD)
    assert other.get(f"/members/organisations/{slug}").status_code == 200  # an editor edits the page
    assert other.get(f"/members/organisations/{slug}/people").status_code == 403  # but does not manage people

    assert contact.get(f"/members/organisations/{slug}/people").status_code == 200
    refused = contact.submit(
        f"/members/organisations/{slug}/people/{colleague_id}/remove",
        {},
        form_url=f"/members/organisations/{slug}/people",
        follow_redirects=True,
    )
    assert "no longer look after" in refused.text
    with app.app_context():
        assert db.session.get(User, colleague_id).organisation_id is None
    assert other.get(f"/members/organisations/{slug}").status_code == 403  # removed: no longer an editor


def test_an_invitation_expires_and_a_forged_one_is_refused(make_app, monkeypatch, signed_in):
    from itsdangerous.timed import TimestampSigner

    app = make_app(INVITE_MAX_AGE="60")
    slug, contact = _org_with_editor(app, signed_in)
    contact.submit(f"/members/organisations/{slug}/people", {"email": "late@example.org"})
    with app.app_context():
        invitation = db.session.scalar(select(Invitation))
        # Signed two minutes ago, for a link that lasts one: expired, without waiting for it.
        real = TimestampSigner.get_timestamp
        monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: real(self) - 120)
        token = organisation_service._INVITATION.make({"i": invitation.id, "e": "late@example.org"})
        monkeypatch.undo()
    expired = FormClient(app.test_client()).get(f"/members/invitations/{token}")
    assert expired.status_code == 400 and "This invitation has expired" in expired.text
    forged = FormClient(app.test_client()).get(f"/members/invitations/{token[:-4]}abcd")
    assert forged.status_code == 400 and "not valid" in forged.text


def test_a_withdrawn_invitation_cannot_be_used(app, mail, signed_in):
    slug, contact = _org_with_editor(app, signed_in)
    contact.submit(f"/members/organisations/{slug}/people", {"email": "maybe@example.org"})
    link = _link(mail, "maybe@example.org", "/members/invitations/")
    with app.app_context():
        invitation_id = db.session.scalar(select(Invitation.id))
    contact.submit(
        f"/members/organisations/{slug}/invitations/{invitation_id}/revoke",
        {},
        form_url=f"/members/organisations/{slug}/people",
    )
    page = FormClient(app.test_client()).get(link)
    assert page.status_code == 400 and "This invitation was withdrawn" in page.text


# Export and closing


def test_a_member_downloads_their_data(app, client, signed_in):
    slug, editor = _org_with_editor(app, signed_in, email="exporter@example.org")
    with app.app_context():
        petition = make_petition()
        db.session.add(
            Signature(
                petition_id=petition.id,
                name="Ex Porter",
                email="exporter@example.org",
                email_key="exporter@example.org",
                email_domain="example.org",
                postcode="M1 1AE",
                state="validated",
            )
        )
        db.session.commit()
    response = editor.get("/account/data.json")
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.data)
    assert data["account"]["email"] == "exporter@example.org"
    assert data["organisation"]["slug"] == slug and data["organisation"]["you_are_first_contact"]
    assert data["signatures"][0]["postcode"] == "M1 1AE"
    assert FormClient(app.test_client()).get("/account/data.json").status_code == 302


def test_closing_an_account_says_what_happens_then_anonymises_it(app, signed_in):
    slug, editor = _org_with_editor(app, signed_in, email="leaver@example.org")
    with app.app_context():
        org = db.session.scalar(select(Organisation).where(Organisation.slug == slug))
        successor = make_user(role=Role.MEMBER, email="stayer@example.org", organisation_id=org.id)
        leaver = db.session.scalar(select(User).where(User.email == "leaver@example.org"))
        petition = make_petition(created_by_id=leaver.id)
        db.session.add(PetitionEvent(petition_id=petition.id, actor_id=leaver.id, action="submitted"))
        db.session.add(
            Signature(
                petition_id=petition.id,
                name="Lee Leaver",
                email="leaver@example.org",
                email_key="leaver@example.org",
                email_domain="example.org",
                postcode="LS6 1AA",
                state="validated",
            )
        )
        db.session.commit()
        leaver_id, successor_id, petition_id, org_id = leaver.id, successor.id, petition.id, org.id
    page = editor.get("/account/close")
    assert "What we keep" in page.text and "Records of any donations" in page.text
    wrong = editor.submit("/account/close", {"password": "not it", "understood": "y"})
    assert wrong.status_code == 400 and "Your password is not right" in wrong.text
    closed = editor.submit("/account/close", {"password": PASSWORD, "understood": "y"})
    assert closed.status_code == 302
    assert editor.get("/account/").status_code == 302  # signed out
    with app.app_context():
        user = db.session.get(User, leaver_id)
        assert user.name == "Closed account" and "leaver" not in user.email and not user.active
        assert db.session.get(Organisation, org_id).contact_id == successor_id
        signature = db.session.scalar(select(Signature).where(Signature.petition_id == petition_id))
        assert (signature.name, signature.email, signature.postcode, signature.state) == (
            "",
            "",
            "",
            "validated",
        )
        assert (
            db.session.scalar(select(PetitionEvent.actor_id).where(PetitionEvent.petition_id == petition_id))
            == leaver_id
        )
    again = FormClient(app.test_client())
    assert again.sign_in("leaver@example.org", PASSWORD).status_code == 401


# The permission matrix


def _routes(slug, user_id, invitation_id, contact_id):
    base = f"/members/organisations/{slug}"
    return [
        ("GET", base),
        ("POST", base),
        ("POST", f"{base}/logo"),
        ("GET", f"{base}/people"),
        ("POST", f"{base}/people"),
        ("POST", f"{base}/people/{contact_id}/contact"),
        ("POST", f"{base}/people/{user_id}/remove"),
        ("POST", f"{base}/invitations/{invitation_id}/revoke"),
    ]


PEOPLE_ROUTES = ("/people", "/remove", "/contact", "/revoke")


@pytest.mark.parametrize(
    "who",
    ["public", "individual", "other_editor", "moderator", "own_editor", "own_contact", "organiser", "admin"],
)
def test_the_permission_matrix_for_organisation_routes(app, who, signed_in):
    """Every member-facing route, for every kind of person, including an editor guessing another
    organisation's slug and its people's ids."""
    target_slug, _target_contact = _org_with_editor(
        app, signed_in, "Target Org", email="target-contact@example.org"
    )
    with app.app_context():
        target = db.session.scalar(select(Organisation).where(Organisation.slug == target_slug))
        target_editor = make_user(
            role=Role.MEMBER, email="target-editor@example.org", organisation_id=target.id
        )
        invitation = Invitation(organisation_id=target.id, email="someone@example.org")
        db.session.add(invitation)
        db.session.commit()
        person_id, invitation_id, contact_id = target_editor.id, invitation.id, target.contact_id

    if who == "public":
        client = FormClient(app.test_client())
    elif who == "other_editor":
        _other_slug, client = _org_with_editor(app, signed_in, "Other Org")
    elif who == "own_editor":
        client = FormClient(app.test_client())
        client.sign_in("target-editor@example.org", PASSWORD)
    elif who == "own_contact":
        client = FormClient(app.test_client())
        client.sign_in("target-contact@example.org", PASSWORD)
    else:
        role = {
            "individual": Role.MEMBER,
            "moderator": Role.MODERATOR,
            "organiser": Role.ORGANISER,
            "admin": Role.ADMIN,
        }[who]
        client = signed_in(role)
    token = client.csrf_token("/join")

    for method, url in _routes(target_slug, person_id, invitation_id, contact_id):
        people_route = any(part in url for part in PEOPLE_ROUTES)
        if who == "public":
            expected = {302}
        elif who in ("organiser", "admin", "own_contact"):
            expected = {200, 302, 400}  # allowed; a POST without its fields is a 400 or a redirect back
        elif who == "own_editor":
            expected = {403} if people_route else {200, 302, 400}
        else:
            expected = {403}
        response = client.get(url) if method == "GET" else client.post(url, data={"csrf_token": token})
        assert response.status_code in expected, (who, method, url, response.status_code)

    with app.app_context():
        # Nothing a refused person sent changed anything.
        target = db.session.scalar(select(Organisation).where(Organisation.slug == target_slug))
        if who not in ("organiser", "admin", "own_contact", "own_editor"):
            assert target.name == "Target Org"
            assert db.session.get(User, person_id).organisation_id == target.id
            assert db.session.get(Invitation, invitation_id).revoked_at is None


def test_the_service_refuses_whatever_the_view_does(app, signed_in):
    target_slug, _ = _org_with_editor(app, signed_in, "Target Org")
    _other_slug, _ = _org_with_editor(app, signed_in, "Other Org", email="other-editor@example.org")
    with app.app_context():
        target = db.session.scalar(select(Organisation).where(Organisation.slug == target_slug))
        other_editor = db.session.scalar(select(User).where(User.email == "other-editor@example.org"))
        details = organisation_service.OrganisationDetails(name="Hijacked", description="", website="")
        for call in (
            lambda: organisation_service.update_organisation(other_editor, target, details),
            lambda: organisation_service.set_logo(other_editor, target, _png()),
            lambda: organisation_service.invite_person(other_editor, target, "x@example.org"),
            lambda: organisation_service.remove_person(other_editor, target, target.contact_id),
            lambda: organisation_service.people_of(None, target),
        ):
            with pytest.raises(PermissionDenied):
                call()


@pytest.mark.parametrize(
    "role, expected",
    [(None, 302), (Role.MEMBER, 403), (Role.MODERATOR, 403), (Role.ORGANISER, 200), (Role.ADMIN, 200)],
)
def test_only_organisers_review_applications(app, client, role, expected, signed_in):
    client.submit("/join", ORG_APPLICATION)
    with app.app_context():
        ref = db.session.scalar(select(MembershipApplication.ref))
    person = signed_in(role)
    assert person.get("/members/applications").status_code == expected
    assert person.get(f"/members/applications/{ref}").status_code == expected
    decided = person.post(
        f"/members/applications/{ref}", data={"csrf_token": person.csrf_token("/join"), "decision": "approve"}
    )
    assert decided.status_code == (302 if expected == 200 else expected)


def test_the_demo_shows_the_real_member_list(app, client):
    from campaign.demo.seed import seed_demo

    with app.app_context():
        seed_demo()
        names = list(db.session.scalars(select(Organisation.name).where(Organisation.listed)))
    assert len(names) >= 10
    page = client.get("/coalition").text
    for name in names:
        assert str(escape(name)) in page
    member = FormClient(app.test_client())
    member.sign_in("member@example.org", "support-mothers-3")
    assert member.get("/members/organisations/legal-action-for-women/people").status_code == 200


def test_an_individual_member_changes_whether_they_are_listed(app, signed_in):
    person = signed_in(Role.MEMBER, name="Ida Individual")
    directory = FormClient(app.test_client())
    assert "Ida Individual" not in directory.get("/coalition").text
    person.submit("/account/listing", {"listed": "y"}, form_url="/account/")
    assert "Ida Individual" in directory.get("/coalition").text
    person.submit("/account/listing", {}, form_url="/account/")
    assert "Ida Individual" not in directory.get("/coalition").text


def test_an_editor_is_offered_the_embed_code_for_the_petitions_it_supports(app, signed_in):
    slug, editor = _org_with_editor(app, signed_in)
    with app.app_context():
        petition = make_petition(title="Keep families together")
        org = db.session.scalar(select(Organisation).where(Organisation.slug == slug))
        org.petitions.append(petition)
        db.session.commit()
        petition_slug = petition.slug
    page = editor.get(f"/members/organisations/{slug}").text
    link = f"/petitions/{petition_slug}/embed-code?member={slug}"
    assert link in page
    code = editor.get(link).text
    assert f"/petitions/{petition_slug}/embed?member={slug}" in code
