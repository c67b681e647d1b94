"""Wrong passwords slow down the address they come from, not the account's owner (issue 15)."""

import re

from campaign.extensions import db
from campaign.models import User
from tests.conftest import FormClient
from tests.factories import PASSWORD, make_user

ATTACKER = {"REMOTE_ADDR": "203.0.113.66"}
OWNER = {"REMOTE_ADDR": "198.51.100.7"}
ELSEWHERE = {"REMOTE_ADDR": "192.0.2.10"}


def _browser(app, environ):
    client = app.test_client()
    client.environ_base.update(environ)
    return FormClient(client)


def _member(app) -> str:
    with app.app_context():
        return make_user().email


def _error(page) -> str:
    return re.sub(r"\s+", " ", re.search(r'class="error-summary.*?</div>', page.text, re.S).group(0))


def test_guessing_from_one_address_does_not_lock_the_owner_out(app):
    email = _member(app)
    attacker = _browser(app, ATTACKER)
    statuses = [attacker.sign_in(email, "wrong password").status_code for _ in range(7)]
    assert statuses == [401] * 5 + [429] * 2

    assert _browser(app, OWNER).sign_in(email, PASSWORD).status_code == 302
    refused = attacker.sign_in(email, PASSWORD)  # even the right password, from the guessing address
    assert refused.status_code == 429
    assert re.search(r"Sign-in from your connection is paused for \d+ minutes", refused.text)
    assert "reset your password" in refused.text and "not right" not in refused.text


def test_a_refused_address_looks_the_same_whether_or_not_the_account_exists(app):
    email = _member(app)
    attacker = _browser(app, ATTACKER)
    for _ in range(5):
        attacker.sign_in(email, "wrong password")
        attacker.sign_in("nobody-here@example.org", "wrong password")
    known, unknown = attacker.sign_in(email, PASSWORD), attacker.sign_in("nobody-here@example.org", PASSWORD)
    assert known.status_code == unknown.status_code == 429
    assert _error(known) == _error(unknown)
    assert f'value="{email}"' in known.text  # what was typed is kept


def test_trying_while_refused_makes_the_wait_longer(app):
    email = _member(app)
    attacker = _browser(app, ATTACKER)
    for _ in range(5):
        attacker.sign_in(email, "wrong password")
    first = attacker.sign_in(email, "wrong password")
    later = attacker.sign_in(email, "wrong password")
    minutes = [int(re.search(r"paused for (\d+) minute", page.text).group(1)) for page in (first, later)]
    assert minutes[1] > minutes[0] >= 15


def test_one_address_guessing_at_many_accounts_is_refused(make_app):
    app = make_app(LOGIN_MAX_FAILURES_PER_ADDRESS="6")
    attacker = _browser(app, ATTACKER)
    statuses = [attacker.sign_in(f"person{i}@example.org", "guess").status_code for i in range(7)]
    assert statuses == [401] * 6 + [429]
    refused = attacker.sign_in("person7@example.org", "guess")
    assert "paused" in refused.text and "reset your password" not in refused.text  # a reset would not help
    assert _browser(app, OWNER).sign_in("person6@example.org", "guess").status_code == 401


def test_account_ceiling_lets_a_known_browser_in_but_not_a_new_one(make_app):
    app = make_app(LOGIN_ACCOUNT_MAX_FAILURES="4")
    email = _member(app)
    owner_laptop = _browser(app, OWNER)
    assert owner_laptop.sign_in(email, PASSWORD).status_code == 302
    owner_laptop.sign_out()
    for i in range(4):  # guesses from four addresses, under each address's own limit
        guesser = _browser(app, {"REMOTE_ADDR": f"203.0.113.{i + 1}"})
        guesser.sign_in(email, "wrong password")
        guesser.sign_in("nobody-here@example.org", "wrong password")
    with app.app_context():
        assert db.session.scalar(db.select(User.locked_until).where(User.email == email)) is not None

    new_browser = _browser(app, ELSEWHERE).sign_in(email, PASSWORD)
    unknown = _browser(app, ELSEWHERE).sign_in("nobody-here@example.org", PASSWORD)
    assert new_browser.status_code == unknown.status_code == 429
    # Nothing says the account exists: an address with no account is paused after as many guesses.
    assert _error(new_browser) == _error(unknown).replace("nobody-here@example.org", email)
    assert "reset your password" in new_browser.text
    assert owner_laptop.sign_in(email, PASSWORD).status_code == 302


def test_a_paused_account_says_so_and_how_to_get_in_whatever_the_email(make_app):
    """Issue 16: the right password at the account's ceiling was answered "email or password not right"."""
    app = make_app(LOGIN_ACCOUNT_MAX_FAILURES="4")
    email = _member(app)
    for i in range(4):  # guesses from four addresses, under each address's own limit
        guesser = _browser(app, {"REMOTE_ADDR": f"203.0.113.{i + 1}"})
        guesser.sign_in(email, "wrong password")
        guesser.sign_in("nobody-here@example.org", "wrong password")

    owner = _browser(app, ELSEWHERE).sign_in(email, PASSWORD)
    wrong = _browser(app, ELSEWHERE).sign_in(email, "another guess")
    unknown = _browser(app, ELSEWHERE).sign_in("nobody-here@example.org", PASSWORD)
    assert owner.status_code == wrong.status_code == unknown.status_code == 429
    message = _error(owner)
    assert "Sign-in is paused for this email address for 15 minutes" in message
    assert "reset your password" in message and "not right" not in message
    # Nothing says whether the account exists, nor whether this was its password.
    assert message == _error(wrong) == _error(unknown).replace("nobody-here@example.org", email)


def test_resetting_the_password_lets_a_refused_address_in_now(app, outbox, run_jobs):
    email = _member(app)
    owner = _browser(app, OWNER)
    for _ in range(6):
        owner.sign_in(email, "misremembered")
    assert owner.sign_in(email, PASSWORD).status_code == 429
    owner.submit("/forgot-password", {"email": email})
    run_jobs()
    path = re.search(r"https?://[^/\s]+(/reset-password/\S+)", outbox(email)[-1].text_body).group(1)
    owner.submit(path, {"password": "three brand new words", "confirm": "three brand new words"})
    assert owner.sign_in(email, "three brand new words").status_code == 302
