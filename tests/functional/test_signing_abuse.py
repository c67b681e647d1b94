"""The sign and resend forms as someone else would misuse them: to flood an address with our emails, or
to read from a session cookie left on a shared computer who signed. And how the forms answer when the
database cannot be reached (tests/faults has the same with PostgreSQL really restarting)."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from campaign.extensions import db
from campaign.models import Signature, utcnow
from campaign.services.petitions import lifecycle, signing
from tests.factories import make_petition

TARGET = "maria.target@example.org"


def _signer(name: str = "Someone Typing", email: str = TARGET) -> dict:
    return {"name": name, "email": email, "location": "uk", "postcode": "SW1A 1AA"}


@pytest.fixture
def petition(app):
    with app.app_context():
        return make_petition(title="Keep families together").slug


def _emails_to(outbox, run_jobs, address: str) -> list[str]:
    run_jobs()
    return [message.subject for message in outbox(to=address)]


def _let_the_cooldown_pass(app) -> None:
    with app.app_context():
        back = timedelta(seconds=app.config["SIGN_EMAIL_COOLDOWN_SECONDS"] + 1)
        db.session.execute(update(Signature).values(last_emailed_at=utcnow() - back))
        db.session.commit()


def test_thirty_sign_submits_for_one_address_send_one_email_until_the_cooldown_has_passed(
    app, client, run_jobs, outbox, petition
):
    pages = set()
    for attempt in range(30):
        response = client.submit(f"/petitions/{petition}/sign", _signer(f"Name number {attempt}"))
        assert response.status_code == 302
        pages.add(response.headers["Location"])
    assert pages == {f"/petitions/{petition}/check-email"}  # the same answer, signed before or not
    assert _emails_to(outbox, run_jobs, TARGET) == ["Confirm your signature: Keep families together"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Signature)) == 1

    _let_the_cooldown_pass(app)
    client.submit(f"/petitions/{petition}/sign", _signer("After the wait"))
    client.submit(f"/petitions/{petition}/sign", _signer("And again at once"))
    assert len(_emails_to(outbox, run_jobs, TARGET)) == 2


def test_an_already_confirmed_signer_gets_at_most_one_already_signed_email_per_cooldown(
    app, client, run_jobs, outbox, petition
):
    client.submit(f"/petitions/{petition}/sign", _signer())
    with app.app_context():
        signing.confirm_signature(signing.confirmation_token(db.session.scalars(select(Signature)).one()))
    _let_the_cooldown_pass(app)
    for attempt in range(5):
        client.submit(f"/petitions/{petition}/sign", _signer(f"Name number {attempt}"))
    assert _emails_to(outbox, run_jobs, TARGET) == [
        "Confirm your signature: Keep families together",
        "You have already signed: Keep families together",
    ]


def test_the_resend_form_obeys_the_same_cooldown(app, client, run_jobs, outbox, petition):
    client.submit(f"/petitions/{petition}/sign", _signer())
    for _ in range(3):
        response = client.submit(f"/petitions/{petition}/resend", {"email": TARGET}, follow_redirects=True)
        assert response.status_code == 200 and "we have emailed it" in response.text
    assert len(_emails_to(outbox, run_jobs, TARGET)) == 1

    _let_the_cooldown_pass(app)
    client.submit(f"/petitions/{petition}/resend", {"email": TARGET})
    client.submit(f"/petitions/{petition}/resend", {"email": TARGET})
    assert len(_emails_to(outbox, run_jobs, TARGET)) == 2


def _session_in_cookie(app, client) -> dict:
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    return app.session_interface.get_signing_serializer(app).loads(cookie.value)


def test_the_session_cookie_never_holds_the_signers_address(app, client, petition):
    response = client.submit(f"/petitions/{petition}/sign", _signer())
    assert response.status_code == 302
    held = repr(_session_in_cookie(app, client)).lower()
    assert "maria.target" not in held and "maria" not in held

    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    assert "<strong>m***@example.org</strong>" in page.text and TARGET not in page.text
    assert f'action="/petitions/{petition}/resend"' in page.text
    assert "maria" not in repr(_session_in_cookie(app, client)).lower()


def _database_gone(*args, **kwargs):
    raise OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))


def test_a_signature_the_database_could_not_take_gets_the_form_again_with_what_was_typed(
    app, client, petition, monkeypatch
):
    monkeypatch.setattr(signing, "sign_petition", _database_gone)
    response = client.submit(f"/petitions/{petition}/sign", _signer("Maria Typed"))
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert "was not saved" in response.text and 'class="site-header"' in response.text
    assert 'value="Maria Typed"' in response.text and f'value="{TARGET}"' in response.text


def test_check_email_says_its_message_when_the_database_cannot_be_reached(app, client, petition, monkeypatch):
    client.submit(f"/petitions/{petition}/sign", _signer())
    monkeypatch.setattr(lifecycle, "petition_for", _database_gone)
    page = client.get(f"/petitions/{petition}/check-email")
    assert page.status_code == 200
    assert "Check your email" in page.text and "m***@example.org" in page.text
    assert f'action="/petitions/{petition}/resend"' in page.text


def test_other_pages_answer_503_in_the_site_layout_when_the_database_cannot_be_reached(
    app, client, petition, monkeypatch
):
    monkeypatch.setattr(lifecycle, "petition_for", _database_gone)
    page = client.get(f"/petitions/{petition}")
    assert page.status_code == 503 and page.headers["Retry-After"]
    assert "We could not reach our database" in page.text and 'class="site-header"' in page.text


def test_a_resend_the_database_could_not_take_gets_the_form_again(app, client, petition, monkeypatch):
    monkeypatch.setattr(signing, "resend_confirmation", _database_gone)
    response = client.submit(f"/petitions/{petition}/resend", {"email": TARGET})
    assert response.status_code == 503 and "was not saved" in response.text
    assert f'value="{TARGET}"' in response.text


def test_a_confirmation_the_database_could_not_take_says_so_and_what_to_do(
    app, client, run_jobs, outbox, petition, monkeypatch
):
    client.submit(f"/petitions/{petition}/sign", _signer())
    run_jobs()
    link = re.search(r"http://localhost(/signatures/confirm/\S+)", outbox(to=TARGET)[0].text_body).group(1)
    monkeypatch.setattr(signing, "confirm_signature", _database_gone)
    response = client.submit(link, {})
    assert response.status_code == 503 and "not confirmed yet" in response.text
    assert "press the button again" in response.text and 'class="site-header"' in response.text
