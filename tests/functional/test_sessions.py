"""Session cookies: the signing serializer is made once per key, and a key change still takes effect."""

from datetime import UTC, datetime, timedelta

from flask import session

from campaign.extensions import db
from campaign.models import LoginSession, User
from tests.conftest import FormClient
from tests.factories import PASSWORD, make_user


def test_one_serializer_serves_every_request_and_a_new_key_gets_its_own(app):
    @app.get("/test-session/<value>")
    def put(value):
        session["value"] = value
        return "ok"

    @app.get("/test-session")
    def read():
        return session.get("value", "none")

    client = app.test_client()
    client.get("/test-session/kept")
    assert client.get("/test-session").text == "kept"
    first = app.session_interface.get_signing_serializer(app)
    assert app.session_interface.get_signing_serializer(app) is first

    old_key = app.secret_key
    app.config.update(SECRET_KEY="another key " * 4, SECRET_KEY_FALLBACKS=[old_key])
    assert app.session_interface.get_signing_serializer(app) is not first
    assert client.get("/test-session").text == "kept"  # signed with the old key, a fallback
    app.config.update(SECRET_KEY_FALLBACKS=[])
    assert client.get("/test-session").text == "none"


# Server-side sign-in sessions (issue 15): lifetimes, the devices page, revocation.

CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0"


def _browser(app, user_agent=CHROME_WINDOWS, address="198.51.100.7"):
    client = app.test_client()
    client.environ_base.update({"HTTP_USER_AGENT": user_agent, "REMOTE_ADDR": address})
    return FormClient(client)


def _member(app) -> str:
    with app.app_context():
        return make_user().email


def _sessions(app, email):
    with app.app_context():
        return db.session.scalars(
            db.select(LoginSession).join(User).where(User.email == email).order_by(LoginSession.id)
        ).all()


def _shift(app, email, **back):
    """Move every session of ``email`` into the past: created_at / last_seen_at by the timedeltas given."""
    with app.app_context():
        for login in db.session.scalars(db.select(LoginSession).join(User).where(User.email == email)):
            for column, delta in back.items():
                setattr(login, column, getattr(login, column) - delta)
        db.session.commit()


def test_a_session_idle_too_long_is_signed_out_with_a_reason(app):
    email = _member(app)
    browser = _browser(app)
    browser.sign_in(email, PASSWORD)
    _shift(app, email, last_seen_at=timedelta(minutes=119))
    assert browser.get("/account/").status_code == 200  # within the 120 minutes
    _shift(app, email, last_seen_at=timedelta(minutes=121))
    page = browser.get("/account/", follow_redirects=True)
    assert "You were signed out after 2 hours without activity." in page.text
    assert page.request.path == "/sign-in"
    [login] = _sessions(app, email)
    assert login.revoked_at is not None and login.revoked_reason == "idle"
    again = browser.get("/account/", follow_redirects=True)
    assert "without activity" not in again.text  # told once


def test_a_session_ends_at_its_absolute_lifetime_even_when_in_use(make_app):
    app = make_app(SESSION_ABSOLUTE_HOURS="8")
    email = _member(app)
    browser = _browser(app)
    browser.sign_in(email, PASSWORD)
    _shift(app, email, created_at=timedelta(hours=7, minutes=59))
    assert browser.get("/account/").status_code == 200
    _shift(app, email, created_at=timedelta(minutes=2))
    page = browser.get("/account/", follow_redirects=True)
    assert "You were signed out because you signed in more than 8 hours ago." in page.text


def test_last_seen_is_written_at_most_once_a_minute(app):
    email = _member(app)
    browser = _browser(app)
    browser.sign_in(email, PASSWORD)
    [signed_in] = _sessions(app, email)
    browser.get("/account/")
    assert _sessions(app, email)[0].last_seen_at == signed_in.last_seen_at
    _shift(app, email, last_seen_at=timedelta(seconds=61))
    browser.get("/account/")
    assert _sessions(app, email)[0].last_seen_at > signed_in.last_seen_at - timedelta(seconds=1)


def test_remember_me_lasts_longer_idle_and_its_cookie_lasts_remember_days(app):
    email = _member(app)
    browser = _browser(app)
    browser.submit("/sign-in", {"email": email, "password": PASSWORD, "remember": "y"})
    cookie = browser.get_cookie("remember_token")
    lifetime = cookie.expires - datetime.now(UTC)
    assert timedelta(days=29) < lifetime <= timedelta(days=30)
    _shift(app, email, last_seen_at=timedelta(days=3))
    assert browser.get("/account/").status_code == 200  # an ordinary session would have ended
    _shift(app, email, last_seen_at=timedelta(days=15))
    page = browser.get("/account/", follow_redirects=True)
    assert "You were signed out after 14 days without activity." in page.text


def test_a_remember_cookie_whose_session_was_revoked_does_not_sign_in(app):
    email = _member(app)
    phone = _browser(app, FIREFOX_ANDROID)
    phone.submit("/sign-in", {"email": email, "password": PASSWORD, "remember": "y"})
    remember = phone.get_cookie("remember_token").value
    laptop = _browser(app)
    laptop.sign_in(email, PASSWORD)
    phone_session = _sessions(app, email)[0]
    laptop.submit(f"/account/devices/{phone_session.id}/sign-out", {}, form_url="/account/devices")

    restored = app.test_client()  # the browser restarted: only the remember-me cookie is left
    restored.set_cookie("remember_token", remember)
    page = restored.get("/account/", follow_redirects=True)
    assert page.request.path == "/sign-in"
    assert "You were signed out of this device from another one." in page.text
    assert restored.get_cookie("remember_token") is None  # cleared, not tried again


def test_devices_page_lists_each_session_and_signs_out_another(app):
    email = _member(app)
    laptop = _browser(app, CHROME_WINDOWS, "198.51.100.7")
    phone = _browser(app, FIREFOX_ANDROID, "2001:db8:1234:5678::9")
    laptop.sign_in(email, PASSWORD)
    phone.sign_in(email, PASSWORD)

    page = laptop.get("/account/devices")
    assert page.status_code == 200
    assert "Chrome on Windows" in page.text and "Firefox on Android" in page.text
    assert "198.51.100.0/24" in page.text and "2001:db8:1234::/48" in page.text
    assert "198.51.100.7" not in page.text  # only the network is kept
    assert page.text.count("(this device)") == 1
    assert "Chrome on Windows <strong>(this device)</strong>" in page.text

    laptop_session, phone_session = _sessions(app, email)
    assert laptop.post(f"/account/devices/{phone_session.id}/sign-out").status_code == 400  # no CSRF token
    done = laptop.submit(
        f"/account/devices/{phone_session.id}/sign-out",
        {},
        form_url="/account/devices",
        follow_redirects=True,
    )
    assert "That device has been signed out." in done.text
    assert "Firefox on Android" not in done.text
    assert laptop.get("/account/").status_code == 200
    signed_out = phone.get("/account/", follow_redirects=True)
    assert "You were signed out of this device from another one." in signed_out.text


def test_nobody_can_sign_out_someone_elses_device(app):
    owner_email, other_email = _member(app), _member(app)
    owner, other = _browser(app), _browser(app)
    owner.sign_in(owner_email, PASSWORD)
    other.sign_in(other_email, PASSWORD)
    [owner_session] = _sessions(app, owner_email)
    page = other.submit(
        f"/account/devices/{owner_session.id}/sign-out",
        {},
        form_url="/account/devices",
        follow_redirects=True,
    )
    assert "That device is already signed out." in page.text
    assert owner.get("/account/").status_code == 200


def test_sign_out_everywhere_else_keeps_this_device(app):
    email = _member(app)
    laptop, phone, tablet = _browser(app), _browser(app, FIREFOX_ANDROID), _browser(app, FIREFOX_ANDROID)
    for browser in (laptop, phone, tablet):
        browser.sign_in(email, PASSWORD)
    page = laptop.submit(
        "/account/devices/sign-out-others", {}, form_url="/account/devices", follow_redirects=True
    )
    assert "Signed out 2 other devices." in page.text
    assert "Sign out everywhere else" not in page.text  # only this device is left
    assert laptop.get("/account/").status_code == 200
    assert phone.get("/account/").status_code == tablet.get("/account/").status_code == 302


def test_password_change_signs_out_other_devices_and_tells_them_why(app):
    email = _member(app)
    laptop, phone = _browser(app), _browser(app, FIREFOX_ANDROID)
    laptop.sign_in(email, PASSWORD)
    phone.submit("/sign-in", {"email": email, "password": PASSWORD, "remember": "y"})
    remember = phone.get_cookie("remember_token").value
    laptop.submit(
        "/account/password",
        {
            "current_password": PASSWORD,
            "password": "another fine passphrase",
            "confirm": "another fine passphrase",
        },
    )
    assert laptop.get("/account/").status_code == 200
    page = phone.get("/account/", follow_redirects=True)
    assert "You were signed out because the password for this account was changed." in page.text
    restored = app.test_client()
    restored.set_cookie("remember_token", remember)
    assert restored.get("/account/").status_code == 302


def test_sessions_ended_long_ago_are_tidied_away_at_the_next_sign_in(app):
    email = _member(app)
    old, recent = _browser(app), _browser(app)
    old.sign_in(email, PASSWORD)
    old.sign_out()
    recent.sign_in(email, PASSWORD)
    recent.sign_out()
    first, second = _sessions(app, email)

    with app.app_context():
        db.session.get(LoginSession, first.id).revoked_at -= timedelta(days=91)
        db.session.commit()
    _browser(app).sign_in(email, PASSWORD)
    assert [login.id for login in _sessions(app, email)][:1] == [second.id]
    assert len(_sessions(app, email)) == 2
