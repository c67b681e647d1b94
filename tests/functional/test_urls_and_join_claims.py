"""Issue 15: a website typed into any form is only ever an http(s) link, even for rows stored before the
rule; and an application made with an existing account's address changes that account only when its
holder confirms."""

import re
import time

import pytest
from markupsafe import escape
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import MembershipApplication, Organisation, Role, User
from tests.conftest import FormClient
from tests.factories import make_user

ORG_APPLICATION = {
    "kind": "organisation",
    "organisation_name": "Mothers Together Leeds",
    "website": "https://mtleeds.example.org",
    "contact_name": "Grace Okafor",
    "email": "grace@mtleeds.example.org",
    "statement": "We support mothers through child protection.",
    "consent": "y",
}
INDIVIDUAL_APPLICATION = {
    "kind": "individual",
    "contact_name": "Nina Private",
    "email": "nina@example.org",
    "statement": "I support the aims.",
    "consent": "y",
    "listed": "y",
}


@pytest.fixture
def mail(outbox, run_jobs):
    def read(to):
        run_jobs()
        return outbox(to)

    return read


def _applications(app) -> list[MembershipApplication]:
    with app.app_context():
        rows = list(db.session.scalars(select(MembershipApplication).order_by(MembershipApplication.id)))
        db.session.expunge_all()
        return rows


def _user(app, email) -> User:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        db.session.expunge(user)
        return user


def _confirm_link(mail, to) -> str:
    for message in reversed(mail(to)):
        found = re.search(r"http://localhost(/join/confirm/\S+)", message.text_body)
        if found:
            return found.group(1)
    raise AssertionError(f"no confirmation link sent to {to}")


def _nina(app, listed=False):
    with app.app_context():
        make_user(role=Role.MEMBER, email="nina@example.org", name="Nina Private", listed=listed)


# Websites


@pytest.mark.parametrize(
    "website, message",
    [
        ("javascript:alert(1)", "starting http:// or https://"),
        (" JaVaScRiPt:alert(document.cookie)", "starting http:// or https://"),
        ("java\tscript:alert(1)", "cannot contain spaces, line breaks"),
        ("java\nscript:alert(1)", "cannot contain spaces, line breaks"),
        ("javascript\r\n:alert(1)", "cannot contain spaces, line breaks"),
        ("data:text/html,<script>alert(1)</script>", "starting http:// or https://"),
        ("vbscript:msgbox(1)", "starting http:// or https://"),
        ("https://mtleeds.example.org@evil.example", "cannot contain a user name or password"),
        ("https:\\\\evil.example", "backslashes"),
        ("http:evil.example", "Enter the whole address"),
        ("localhost:8080", "Enter the website"),
        ("https://127.0.0.1/admin", "rather than a numeric address"),
        ("https://" + "a" * 490 + ".example", "500 characters or fewer"),
    ],
)
def test_the_join_form_refuses_anything_but_a_web_address(app, client, website, message):
    response = client.submit("/join", {**ORG_APPLICATION, "website": website})
    assert response.status_code == 400
    assert message in response.text
    # Beside the field, with what was typed still in it.
    assert re.search(r'id="website-error"[^>]*>.*' + re.escape(str(escape(message))), response.text, re.S)
    if website.isprintable():
        assert f'value="{escape(website)}"' in response.text
    assert _applications(app) == []


@pytest.mark.parametrize(
    "website, stored",
    [
        ("mtleeds.example.org", "https://mtleeds.example.org"),
        ("  www.mtleeds.example.org/about  ", "https://www.mtleeds.example.org/about"),
        ("//mtleeds.example.org", "https://mtleeds.example.org"),
        ("HTTP://MTLeeds.Example.ORG/Who-We-Are", "http://mtleeds.example.org/Who-We-Are"),
        ("mtleeds.example.org:8443/join", "https://mtleeds.example.org:8443/join"),
    ],
)
def test_the_join_form_stores_a_web_address_whole(app, client, website, stored):
    assert client.submit("/join", {**ORG_APPLICATION, "website": website}).status_code == 302
    assert _applications(app)[0].website == stored


def test_the_organisation_page_editor_refuses_a_script_address_and_completes_a_bare_one(app, signed_in):
    with app.app_context():
        org = Organisation(name="Family Rights Group", slug="family-rights-group")
        db.session.add(org)
        db.session.commit()
        org_id = org.id
    editor = signed_in(Role.MEMBER, app=app, organisation_id=org_id)
    with app.app_context():
        db.session.get(Organisation, org_id).contact_id = editor.user_id
        db.session.commit()
    url = "/members/organisations/family-rights-group"
    fields = {"name": "Family Rights Group", "description": "", "listed": "y"}
    refused = editor.submit(url, {**fields, "website": "javascript:alert(1)"})
    assert refused.status_code == 400 and "starting http:// or https://" in refused.text
    assert 'value="javascript:alert(1)"' in refused.text
    assert editor.submit(url, {**fields, "website": "frg.example.org"}).status_code == 302
    with app.app_context():
        assert db.session.get(Organisation, org_id).website == "https://frg.example.org"


def test_a_stored_script_address_is_never_a_link(app, signed_in):
    """Rows written before the rule (here straight into the database) are shown without their link."""
    with app.app_context():
        db.session.add_all(
            [
                Organisation(name="Bad Actors", slug="bad", website="javascript:alert(1)", listed=True),
                Organisation(name="Tabbed", slug="tabbed", website="java\tscript:alert(1)", listed=True),
                Organisation(name="Legacy", slug="legacy", website="legacy.example.org", listed=True),
            ]
        )
        db.session.add(
            MembershipApplication(
                ref="badwebsite01",
                kind="organisation",
                organisation_name="Bad Applicant",
                website=" JaVaScRiPt:alert(1)",
                contact_name="Mallory",
                email="mallory@example.org",
                statement="Hello.",
                consent_version="1",
                consent_wording="...",
            )
        )
        db.session.commit()
    visitor = FormClient(app.test_client())
    for url in ("/coalition", "/coalition/members/bad", "/coalition/members/tabbed"):
        page = visitor.get(url)
        assert page.status_code == 200 and "script:" not in page.text.lower()
    # One typed without its scheme becomes a working link, not one relative to our own site.
    assert 'href="https://legacy.example.org"' in visitor.get("/coalition/members/legacy").text
    assert 'href="https://legacy.example.org"' in visitor.get("/coalition").text

    organiser = signed_in(Role.ORGANISER)
    detail = organiser.get("/members/applications/badwebsite01")
    assert 'href=" JaVaScRiPt' not in detail.text and "not a web address" in detail.text
    organiser.submit("/members/applications/badwebsite01", {"decision": "approve", "message": ""})
    with app.app_context():
        approved = db.session.scalar(select(Organisation).where(Organisation.name == "Bad Applicant"))
        assert approved.website == ""


# An application made with the address of an existing account


def test_approving_an_organisation_with_an_existing_address_waits_for_the_holder(
    app, client, mail, signed_in
):
    organiser = signed_in(Role.ORGANISER)
    _nina(app)
    client.submit("/join", {**ORG_APPLICATION, "email": "nina@example.org"})
    ref = _applications(app)[0].ref

    listing = organiser.get("/members/applications")
    assert "This address already has an account" in listing.text
    detail = organiser.get(f"/members/applications/{ref}")
    assert "This address already has an account." in detail.text
    assert "the account holder will be asked to confirm" in detail.text
    approved = organiser.submit(
        f"/members/applications/{ref}", {"decision": "approve", "message": "Welcome!"}
    )
    assert "its holder has been asked to confirm" in organiser.get(approved.headers["Location"]).text

    nina = _user(app, "nina@example.org")
    assert nina.organisation_id is None
    with app.app_context():
        assert db.session.scalar(select(Organisation)) is None
    assert "Mothers Together Leeds" not in FormClient(app.test_client()).get("/coalition").text
    assert _applications(app)[0].state == "awaiting_holder"
    assert "waiting for the account holder" in organiser.get(f"/members/applications/{ref}").text

    email = mail("nina@example.org")[-1]
    assert "Link your account to the organisation “Mothers Together Leeds”" in email.text_body
    assert "List “Mothers Together Leeds” publicly" in email.text_body and "Welcome!" in email.text_body
    link = _confirm_link(mail, "nina@example.org")
    holder = FormClient(app.test_client())
    page = holder.get(link)
    assert page.status_code == 200 and "Mothers Together Leeds" in page.text
    assert _user(app, "nina@example.org").organisation_id is None  # opening the link changes nothing

    confirmed = holder.submit(link, {"answer": "confirm"})
    assert confirmed.status_code == 200 and "Welcome to the coalition" in confirmed.text
    with app.app_context():
        org = db.session.scalar(select(Organisation))
        assert org.name == "Mothers Together Leeds" and org.contact_id == nina.id
        assert org.website == "https://mtleeds.example.org"
    assert _user(app, "nina@example.org").organisation_id == org.id
    assert _applications(app)[0].state == "approved"
    assert "Mothers Together Leeds" in FormClient(app.test_client()).get("/coalition").text
    again = holder.submit(link, {"answer": "decline"}, form_url="/join")
    assert again.status_code == 400 and "already confirmed" in again.text
    assert _user(app, "nina@example.org").organisation_id == org.id


def test_the_holder_can_decline_and_nothing_changes(app, client, mail, signed_in):
    organiser = signed_in(Role.ORGANISER)
    _nina(app)
    client.submit("/join", INDIVIDUAL_APPLICATION)
    ref = _applications(app)[0].ref
    organiser.submit(f"/members/applications/{ref}", {"decision": "approve", "message": ""})
    link = _confirm_link(mail, "nina@example.org")
    assert "List you publicly as a member of the coalition" in mail("nina@example.org")[-1].text_body

    declined = FormClient(app.test_client()).submit(link, {"answer": "decline"})
    assert declined.status_code == 200 and "Nothing about your account has changed" in declined.text
    assert _user(app, "nina@example.org").listed is False
    assert "Nina Private" not in FormClient(app.test_client()).get("/coalition").text
    assert _applications(app)[0].state == "holder_declined"
    assert "the account holder declined" in organiser.get(f"/members/applications/{ref}").text
    assert "the account holder declined" in organiser.get("/members/applications").text
    assert FormClient(app.test_client()).get(link).status_code == 400  # answered once


def test_an_individual_is_listed_only_once_the_holder_confirms(app, client, mail, signed_in):
    organiser = signed_in(Role.ORGANISER)
    _nina(app)
    client.submit("/join", INDIVIDUAL_APPLICATION)
    organiser.submit(f"/members/applications/{_applications(app)[0].ref}", {"decision": "approve"})
    visitor = FormClient(app.test_client())
    assert "Nina Private" not in visitor.get("/coalition").text
    FormClient(app.test_client()).submit(_confirm_link(mail, "nina@example.org"), {"answer": "confirm"})
    assert "Nina Private" in visitor.get("/coalition").text


def test_the_applicant_cannot_tell_whether_the_address_has_an_account(app, client, mail):
    _nina(app)
    answers = []
    for email in ("nina@example.org", "nobody@example.org"):
        sent = FormClient(app.test_client()).submit("/join", {**INDIVIDUAL_APPLICATION, "email": email})
        thanks = client.get(sent.headers["Location"])
        received = mail(email)[-1]
        answers.append((sent.status_code, sent.headers["Location"], thanks.text, received.subject))
    assert answers[0] == answers[1]


def test_a_stale_or_altered_confirmation_link_is_refused(app, client, mail, signed_in, monkeypatch):
    organiser = signed_in(Role.ORGANISER)
    _nina(app)
    client.submit("/join", INDIVIDUAL_APPLICATION)
    ref = _applications(app)[0].ref
    organiser.submit(f"/members/applications/{ref}", {"decision": "approve"})
    link = _confirm_link(mail, "nina@example.org")
    visitor = FormClient(app.test_client())
    real_timestamp = __import__("itsdangerous").TimestampSigner.get_timestamp
    monkeypatch.setattr(  # eight days on; links last seven
        "itsdangerous.TimestampSigner.get_timestamp", lambda self: int(time.time()) + 8 * 86400
    )
    expired = visitor.get(link)
    monkeypatch.setattr("itsdangerous.TimestampSigner.get_timestamp", real_timestamp)
    assert expired.status_code == 400 and "This link has expired" in expired.text
    tampered = visitor.get(link[:-3] + "abc")
    assert tampered.status_code == 400 and "not valid" in tampered.text
    assert _user(app, "nina@example.org").listed is False
