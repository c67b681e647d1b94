"""Signing: the sign -> email -> confirm journey, duplicates, tokens, closed petitions, rate limits."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from campaign.extensions import db
from campaign.models import Petition, Signature, SignatureState, utcnow
from campaign.services.petitions.counting import roll_up_counts
from tests.factories import make_petition

SIGNER = {
    "name": "Mary Example",
    "email": "Mary.Example+petitions@Example.org",
    "location": "uk",
    "postcode": "sw1a1aa",
    "opt_in": "y",
}


@pytest.fixture
def petition(app):
    with app.app_context():
        return make_petition(slug="keep-families-together", title="Keep families together").slug


def _confirm_path(outbox, to):
    text = outbox(to=to)[-1].text_body
    return re.search(r"http://localhost(/signatures/confirm/\S+)", text).group(1)


def _count(app, slug):
    with app.app_context():
        return db.session.scalar(select(Petition.signature_count).where(Petition.slug == slug))


def _let_the_email_cooldown_pass(app):
    """Move every signature's last sign-form email back past SIGN_EMAIL_COOLDOWN_SECONDS."""
    with app.app_context():
        back = timedelta(seconds=app.config["SIGN_EMAIL_COOLDOWN_SECONDS"] + 1)
        db.session.execute(update(Signature).values(last_emailed_at=utcnow() - back))
        db.session.commit()


def _roll_up(app):
    with app.app_context():
        return roll_up_counts()


def test_sign_email_confirm_and_count(app, client, run_jobs, outbox, petition):
    form = client.get(f"/petitions/{petition}/sign")
    assert form.status_code == 200 and "I am a British citizen" not in form.text
    response = client.submit(f"/petitions/{petition}/sign", SIGNER, follow_redirects=True)
    assert "Check your email" in response.text
    assert "M***@Example.org" in response.text and SIGNER["email"] not in response.text

    run_jobs()
    [message] = outbox(to=SIGNER["email"])
    assert message.subject == "Confirm your signature: Keep families together"
    path = _confirm_path(outbox, SIGNER["email"])

    # Opening the link (or a mail scanner fetching it) shows a button and changes nothing.
    page = client.get(path)
    assert page.status_code == 200 and "Confirm my signature" in page.text
    with app.app_context():
        signature = db.session.scalars(select(Signature)).one()
        assert signature.state == SignatureState.PENDING
        assert signature.email_key == "mary.example@example.org"
        assert signature.postcode == "SW1A 1AA" and signature.region == "london"
        assert signature.opt_in is True

    done = client.submit(path, {})
    assert done.status_code == 200 and "Thank you for signing" in done.text
    assert _count(app, petition) == 0  # counted by the roll-up, not by the confirmation
    assert _roll_up(app)
    assert _count(app, petition) == 1

    again = client.submit(path, {}, form_url="/forgot-password")
    assert "already confirmed" in again.text
    _roll_up(app)
    assert _count(app, petition) == 1


def test_signing_again_gets_the_same_page_and_an_email(app, client, run_jobs, outbox, petition):
    client.submit(f"/petitions/{petition}/sign", SIGNER)
    run_jobs()
    client.submit(_confirm_path(outbox, SIGNER["email"]), {})
    _let_the_email_cooldown_pass(app)

    other = {**SIGNER, "email": "MARY.EXAMPLE@example.org", "name": "Someone Else"}
    response = client.submit(f"/petitions/{petition}/sign", other, follow_redirects=True)
    assert "Check your email" in response.text
    run_jobs()
    [message] = outbox(to="MARY.EXAMPLE@example.org")
    assert message.subject == "You have already signed: Keep families together"
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Signature)) == 1


def test_signing_again_before_confirming_resends_the_link(app, client, run_jobs, outbox, petition):
    client.submit(f"/petitions/{petition}/sign", SIGNER)
    _let_the_email_cooldown_pass(app)
    client.submit(f"/petitions/{petition}/sign", SIGNER)
    run_jobs()
    messages = outbox(to=SIGNER["email"])
    assert [m.subject for m in messages] == ["Confirm your signature: Keep families together"] * 2


def test_form_errors_sit_next_to_fields_and_keep_what_was_typed(client, petition):
    response = client.submit(
        f"/petitions/{petition}/sign",
        {"name": "", "email": "not-an-email", "location": "uk", "postcode": "ZZ99 9ZZ"},
    )
    assert response.status_code == 400
    assert 'id="name-error"' in response.text and "Enter your name." in response.text
    assert "Enter an email address in the correct format" in response.text
    assert "Enter a real UK postcode" in response.text
    assert 'value="not-an-email"' in response.text and 'value="ZZ99 9ZZ"' in response.text


def test_signers_outside_the_uk_give_a_country(app, client, run_jobs, petition):
    missing = client.submit(
        f"/petitions/{petition}/sign", {"name": "Ana", "email": "ana@example.org", "location": "abroad"}
    )
    assert missing.status_code == 400 and "Enter the country you live in." in missing.text
    ok = client.submit(
        f"/petitions/{petition}/sign",
        {"name": "Ana", "email": "ana@example.org", "location": "abroad", "country": "Ireland"},
    )
    assert ok.status_code == 302
    with app.app_context():
        signature = db.session.scalars(select(Signature)).one()
        assert signature.country == "Ireland" and signature.region is None and signature.postcode == ""


def test_petitions_can_require_uk_residence(app, client):
    with app.app_context():
        slug = make_petition(requires_uk=True).slug
    response = client.submit(f"/petitions/{slug}/sign", {**SIGNER, "email": "a@example.org"})
    assert response.status_code == 400
    assert "Only British citizens and UK residents can sign this petition." in response.text
    ok = client.submit(f"/petitions/{slug}/sign", {**SIGNER, "email": "a@example.org", "uk_confirmed": "y"})
    assert ok.status_code == 302


@pytest.mark.parametrize(
    "state,status,text",
    [
        ("closed", 410, "This petition has closed"),
        ("rejected", 403, "This petition was rejected"),
    ],
)
def test_closed_and_rejected_petitions_refuse_signatures(app, client, state, status, text):
    with app.app_context():
        slug = make_petition(state=state).slug
    page = client.get(f"/petitions/{slug}/sign")
    assert page.status_code == status and text in page.text


def test_a_petition_past_its_deadline_refuses_signatures_before_the_closing_job_runs(app, client):
    with app.app_context():
        slug = make_petition(deadline=utcnow() - timedelta(minutes=1)).slug
    response = client.get(f"/petitions/{slug}/sign")
    assert response.status_code == 403 and "has closed" in response.text


def test_confirming_after_the_petition_closed_is_refused(app, client, run_jobs, outbox, petition):
    client.submit(f"/petitions/{petition}/sign", SIGNER)
    run_jobs()
    path = _confirm_path(outbox, SIGNER["email"])
    with app.app_context():
        row = db.session.scalars(select(Petition).where(Petition.slug == petition)).one()
        row.state = "closed"
        db.session.commit()
    response = client.submit(path, {}, form_url="/forgot-password")
    assert response.status_code == 410 and "has closed" in response.text


def test_expired_link_offers_to_resend(make_app, run_jobs, outbox):
    from tests.conftest import FormClient

    app = make_app({"SIGNATURE_TOKEN_MAX_AGE": -1})
    client = FormClient(app.test_client())
    with app.app_context():
        slug = make_petition().slug
    client.submit(f"/petitions/{slug}/sign", SIGNER)
    run_jobs(app)
    path = _confirm_path(outbox, SIGNER["email"])
    expired = client.get(path)
    assert expired.status_code == 400
    assert "This confirmation link has expired." in expired.text
    assert f'action="/petitions/{slug}/resend"' in expired.text
    _let_the_email_cooldown_pass(app)
    resent = client.submit(
        f"/petitions/{slug}/resend", {"email": SIGNER["email"]}, form_url=path, follow_redirects=True
    )
    assert "we have emailed it" in resent.text
    run_jobs(app)
    assert len(outbox(to=SIGNER["email"])) == 2


def test_tampered_link_is_refused(client, run_jobs, outbox, petition):
    client.submit(f"/petitions/{petition}/sign", SIGNER)
    run_jobs()
    path = _confirm_path(outbox, SIGNER["email"])
    response = client.get(path[:-4] + "AAAA")
    assert response.status_code == 400 and "not valid" in response.text


def test_confirmation_post_needs_the_form_token(client, run_jobs, outbox, petition):
    client.submit(f"/petitions/{petition}/sign", SIGNER)
    run_jobs()
    response = client.post(_confirm_path(outbox, SIGNER["email"]), data={})
    assert response.status_code == 400 and "Your form had expired" in response.text


def test_signatures_over_the_rate_limit_are_kept_but_not_counted(make_app, run_jobs, outbox):
    from tests.conftest import FormClient

    app = make_app({"SIGN_LIMIT_PER_IP": 2})
    client = FormClient(app.test_client())
    with app.app_context():
        slug = make_petition().slug
    for i in range(3):
        response = client.submit(
            f"/petitions/{slug}/sign", {**SIGNER, "email": f"s{i}@example.org"}, follow_redirects=True
        )
        assert "Check your email" in response.text  # the over-limit signer sees the normal page
    run_jobs(app)
    for i in range(3):
        client.submit(_confirm_path(outbox, f"s{i}@example.org"), {}, form_url="/forgot-password")
    _roll_up(app)
    with app.app_context():
        flags = db.session.scalars(select(Signature.flagged).order_by(Signature.id)).all()
        assert flags == [False, False, True]
        assert (
            db.session.scalar(select(Signature.state).where(Signature.email == "s2@example.org"))
            == "validated"
        )
    assert _count(app, slug) == 2


def test_blocked_domains_are_kept_but_not_counted(app, client, run_jobs, outbox, petition):
    client.submit(f"/petitions/{petition}/sign", {**SIGNER, "email": "bot@mailinator.com"})
    with app.app_context():
        assert db.session.scalars(select(Signature.flagged)).one() is True


def test_per_domain_limit_exempts_common_mail_providers(make_app):
    from tests.conftest import FormClient

    app = make_app({"SIGN_LIMIT_PER_DOMAIN": 1, "SIGN_LIMIT_PER_IP": 100})
    client = FormClient(app.test_client())
    with app.app_context():
        slug = make_petition().slug
    for email in ("a@gmail.com", "b@gmail.com", "a@corp.example", "b@corp.example"):
        client.submit(f"/petitions/{slug}/sign", {**SIGNER, "email": email})
    with app.app_context():
        flagged = dict(db.session.execute(select(Signature.email, Signature.flagged)).all())
    assert flagged == {
        "a@gmail.com": False,
        "b@gmail.com": False,
        "a@corp.example": False,
        "b@corp.example": True,
    }


def test_signers_count_toward_the_nation_and_region_of_their_postcode_district(app, client, run_jobs, outbox):
    """Signed and confirmed through the form: the petition's counts by nation put Aberystwyth and
    Flintshire in Wales, Berwick in England, Galashiels in Scotland and Leatherhead in the South East."""
    with app.app_context():
        slug = make_petition(slug="border-counts", title="Border counts").slug
    signers = {
        "sy23 1aa": "aber@example.org",
        "CH7 1AA": "mold@example.net",
        "ch5 4aa": "deeside@example.com",
        "TD15 1AA": "berwick@example.org.uk",
        "TD1 1AA": "gala@example.co.uk",
        "KT22 7AA": "leatherhead@example.info",
        "BT1 1AA": "belfast@example.biz",
    }
    for postcode, email in signers.items():
        response = client.submit(
            f"/petitions/{slug}/sign",
            {"name": "Signer", "email": email, "location": "uk", "postcode": postcode},
        )
        assert response.status_code == 302, response.text[:500]
    run_jobs()
    for email in signers.values():
        assert client.submit(_confirm_path(outbox, email), {}).status_code == 200
    _roll_up(app)

    data = client.get(f"/petitions/{slug}.json").json["data"]
    nations = {n["code"]: n["count"] for n in data["signatures_by_nation"]}
    assert nations == {
        "england": 2,
        "wales": 3,
        "scotland": 1,
        "northern-ireland": 1,
        "crown-dependencies": 0,
    }
    by_region = {r["code"]: r["count"] for r in data["signatures_by_region"] if r["count"]}
    assert by_region == {"wales": 3, "north-east": 1, "south-east": 1, "scotland": 1, "northern-ireland": 1}
    page = client.get(f"/petitions/{slug}").text
    assert "Where signers live" in page and "North East" in page and "South East" in page
