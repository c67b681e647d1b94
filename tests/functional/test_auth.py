import re

from campaign.extensions import db
from campaign.models import Role
from campaign.services.accounts import people
from campaign.services.errors import PermissionDenied
from tests.factories import PASSWORD, make_user


def _user(app, **kw):
    with app.app_context():
        user = make_user(**kw)
        return user.email


def test_sign_in_and_out(app, client):
    email = _user(app, role=Role.ORGANISER, name="Olu Organiser")
    response = client.sign_in(email, PASSWORD, follow_redirects=True)
    assert response.status_code == 200
    assert "Hello, Olu Organiser" in response.text
    assert client.get("/account/").status_code == 200

    assert client.get("/sign-out").status_code == 405  # GET never signs anyone out
    response = client.sign_out(follow_redirects=True)
    assert "You have signed out" in response.text
    assert client.get("/account/").status_code == 302


def test_wrong_password_shows_message_and_keeps_the_email(app, client):
    email = _user(app)
    response = client.sign_in(email, "not the password")
    assert response.status_code == 401
    assert "The email address or password is not right." in response.text
    assert f'value="{email}"' in response.text
    assert "not the password" not in response.text


def test_sign_in_form_errors_sit_next_to_fields(client):
    response = client.sign_in("not-an-email", "")
    assert response.status_code == 400
    assert 'href="#email"' in response.text and 'id="email-error"' in response.text
    assert "Enter your password." in response.text
    assert 'value="not-an-email"' in response.text


def test_sign_in_redirects_only_to_same_site_paths(app, client):
    email = _user(app)
    token = client.csrf_token("/sign-in")
    evil = client.post(
        "/sign-in?next=https://evil.example/x",
        data={"csrf_token": token, "email": email, "password": PASSWORD},
    )
    assert evil.headers["Location"] == "/account/"
    client.sign_out()
    token = client.csrf_token("/sign-in")
    good = client.post(
        "/sign-in?next=/admin/users", data={"csrf_token": token, "email": email, "password": PASSWORD}
    )
    assert good.headers["Location"] == "/admin/users"


def test_sign_out_ends_the_session_for_a_copied_cookie_too(app):
    from tests.conftest import FormClient

    email = _user(app)
    browser = FormClient(app.test_client())
    browser.sign_in(email, PASSWORD)
    stolen = browser.get_cookie("session").value
    browser.submit("/sign-out", {}, form_url="/account/")
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/account/").status_code == 302


def test_remember_me_cookie_stops_working_after_sign_out_everywhere(app):
    from tests.conftest import FormClient

    email = _user(app)
    browser = FormClient(app.test_client())
    browser.submit("/sign-in", {"email": email, "password": PASSWORD, "remember": "y"})
    remember = browser.get_cookie("remember_token").value
    fresh = app.test_client()
    fresh.set_cookie("remember_token", remember)
    assert fresh.get("/account/").status_code == 200  # the cookie alone signs in
    browser.submit("/sign-out-everywhere", {}, form_url="/account/")
    later = app.test_client()
    later.set_cookie("remember_token", remember)
    assert later.get("/account/").status_code == 302


def test_sign_in_attempts_are_rate_limited_per_address(make_app):
    app = make_app({"RATELIMIT_LOGIN": "3 per minute"})
    client = app.test_client()
    from tests.conftest import FormClient

    form = FormClient(client)
    statuses = [form.sign_in(f"nobody{i}@example.org", "whatever").status_code for i in range(4)]
    assert statuses == [401, 401, 401, 429]
    page = form.sign_in("nobody@example.org", "whatever")
    assert "Too many attempts" in page.text and "Wait a few minutes" in page.text


def _reset_link(outbox, email):
    message = outbox(to=email)[-1]
    return re.search(r"http://localhost(/reset-password/\S+)", message.text_body).group(1)


def test_password_reset_by_emailed_single_use_link(app, client, run_jobs, outbox):
    email = _user(app)
    response = client.submit("/forgot-password", {"email": email.upper()})
    assert "Check your email" in response.text
    assert outbox() == []  # sent by the worker, not the web request
    run_jobs()
    [message] = outbox(to=email)
    assert message.subject == "Reset your password"
    assert '<a href="http://localhost/reset-password/' in message.html_body
    link = _reset_link(outbox, email)

    too_short = client.submit(link, {"password": "short", "confirm": "short"})
    assert too_short.status_code == 400 and "Use at least 10 characters." in too_short.text

    done = client.submit(
        link,
        {"password": "a brand new passphrase", "confirm": "a brand new passphrase"},
        follow_redirects=True,
    )
    assert "Your password has been changed" in done.text
    assert client.sign_in(email, PASSWORD).status_code == 401
    assert client.sign_in(email, "a brand new passphrase").status_code == 302

    reused = client.get(link)
    assert reused.status_code == 400
    assert "This reset link has already been used." in reused.text


def test_password_reset_signs_out_every_session(app, client, run_jobs, outbox):
    from tests.conftest import FormClient

    email = _user(app)
    other_device = FormClient(app.test_client())
    other_device.sign_in(email, PASSWORD)
    client.submit("/forgot-password", {"email": email})
    run_jobs()
    link = _reset_link(outbox, email)
    client.submit(link, {"password": "a brand new passphrase", "confirm": "a brand new passphrase"})
    assert other_device.get("/account/").status_code == 302


def test_a_reset_link_used_twice_at_once_changes_the_password_once(app, client, run_jobs, outbox):
    from campaign.services.accounts import users as accounts

    email = _user(app)
    client.submit("/forgot-password", {"email": email})
    run_jobs()
    token = _reset_link(outbox, email).rsplit("/", 1)[1]
    with app.app_context():
        # Two requests each check the link and read the old hash before either writes.
        user = accounts.user_for_reset_token(token)
        hash_each_request_read = user.password_hash
        accounts._set_password(user, "first new passphrase", expected_hash=hash_each_request_read)
        import pytest

        with pytest.raises(accounts.TokenInvalid):
            accounts._set_password(user, "second new passphrase", expected_hash=hash_each_request_read)
    assert client.sign_in(email, "first new passphrase").status_code == 302


def test_expired_and_tampered_reset_links_are_refused(make_app, run_jobs, outbox):
    from tests.conftest import FormClient

    app = make_app({"PASSWORD_RESET_MAX_AGE": -1})
    client = FormClient(app.test_client())
    email = _user(app)
    client.submit("/forgot-password", {"email": email})
    run_jobs(app)
    with app.app_context():
        from campaign.models import OutboxMessage

        text = db.session.scalars(db.select(OutboxMessage)).one().text_body
    link = re.search(r"http://localhost(/reset-password/\S+)", text).group(1)
    expired = client.get(link)
    assert expired.status_code == 400
    assert "This reset link has expired." in expired.text
    assert "Get a new reset link" in expired.text
    tampered = client.get(link[:-3] + "abc")
    assert tampered.status_code == 400 and "not valid" in tampered.text


def test_reset_request_for_unknown_email_looks_the_same_and_sends_nothing(client, run_jobs, outbox):
    response = client.submit("/forgot-password", {"email": "stranger@example.org"})
    assert response.status_code == 200 and "Check your email" in response.text
    run_jobs()
    assert outbox() == []


def test_password_change_signs_out_other_sessions(app):
    from tests.conftest import FormClient

    email = _user(app)
    laptop, phone = FormClient(app.test_client()), FormClient(app.test_client())
    laptop.sign_in(email, PASSWORD)
    phone.sign_in(email, PASSWORD)
    assert phone.get("/account/").status_code == 200

    changed = laptop.submit(
        "/account/password",
        {
            "current_password": PASSWORD,
            "password": "another fine passphrase",
            "confirm": "another fine passphrase",
        },
        follow_redirects=True,
    )
    assert "Your password has been changed" in changed.text
    assert laptop.get("/account/").status_code == 200  # this session carries on
    assert phone.get("/account/").status_code == 302  # the other one is signed out


def test_wrong_current_password_is_refused_next_to_the_field(app, client):
    email = _user(app)
    client.sign_in(email, PASSWORD)
    response = client.submit(
        "/account/password",
        {
            "current_password": "nope nope nope",
            "password": "another fine passphrase",
            "confirm": "another fine passphrase",
        },
    )
    assert response.status_code == 400
    assert 'id="current_password-error"' in response.text
    assert "Your current password is not right." in response.text


def test_sign_out_everywhere(app):
    from tests.conftest import FormClient

    email = _user(app)
    a, b = FormClient(app.test_client()), FormClient(app.test_client())
    a.sign_in(email, PASSWORD)
    b.sign_in(email, PASSWORD)
    a.submit("/sign-out-everywhere", {}, form_url="/account/")
    assert a.get("/account/").status_code == 302
    assert b.get("/account/").status_code == 302


def test_only_admins_manage_people(app, client, run_jobs, outbox):
    for role in (Role.MEMBER, Role.MODERATOR, Role.ORGANISER):
        email = _user(app, role=role)
        client.sign_in(email, PASSWORD)
        assert client.get("/admin/users").status_code == 403, role
        client.sign_out()
    assert client.get("/admin/users").status_code == 302  # anonymous: sent to sign in

    admin_email = _user(app, role=Role.ADMIN)
    client.sign_in(admin_email, PASSWORD)
    assert client.get("/admin/users").status_code == 200
    added = client.submit(
        "/admin/users",
        {"name": "Mo Moderator", "email": "mo@example.org", "role": "moderator"},
        follow_redirects=True,
    )
    assert "Mo Moderator has been added as moderator" in added.text
    run_jobs()
    assert outbox(to="mo@example.org")[0].subject == "You have been given an account"

    duplicate = client.submit(
        "/admin/users", {"name": "Mo again", "email": "MO@example.org", "role": "member"}
    )
    assert duplicate.status_code == 400
    assert "already exists" in duplicate.text and 'value="Mo again"' in duplicate.text


def test_service_layer_refuses_people_management_to_non_admins(app):
    import pytest

    with app.app_context():
        organiser = make_user(role=Role.ORGANISER)
        with pytest.raises(PermissionDenied):
            people.invite_user(organiser, "x@example.org", "X", "member")
        with pytest.raises(PermissionDenied):
            people.list_users(organiser)


def test_forgot_password_does_the_same_work_for_known_and_unknown_addresses(app, client, run_jobs, outbox):
    from campaign.job_names import EMAIL
    from campaign.queue import get_queue

    email = _user(app)
    queue = get_queue(app, EMAIL)
    pages, jobs = [], []
    for address in (email, "stranger@example.org"):
        pages.append(client.submit("/forgot-password", {"email": address.upper()}))
        [job] = queue.jobs
        jobs.append((job.func_name, job.args))
        queue.empty()
    assert pages[0].status_code == pages[1].status_code == 200
    assert pages[0].text.replace(email.upper(), "X") == pages[1].text.replace("STRANGER@EXAMPLE.ORG", "X")
    assert jobs == [
        ("campaign.jobs.send_password_reset", (email,)),
        ("campaign.jobs.send_password_reset", ("stranger@example.org",)),
    ]
    for address in (email, "stranger@example.org"):
        client.submit("/forgot-password", {"email": address})
    run_jobs()
    assert [m.to_address for m in outbox()] == [email]  # the job decides, out of the request


def test_the_welcome_link_sets_up_the_account_and_signs_the_new_person_in(app, client, run_jobs, outbox):
    """Issue 16: the invite's link read "Choose a new password" and left the newcomer signed out."""
    with app.app_context():
        people.invite_user(make_user(role=Role.ADMIN), "newcomer@example.org", "Nia Newcomer", "member")
        db.session.commit()
    run_jobs()
    path = re.search(r"https?://[^/\s]+(/reset-password/\S+)", outbox(to="newcomer@example.org")[0].text_body)
    page = client.get(path.group(1))
    assert "Set up your account: choose a password" in page.text
    assert "Choose a new password" not in page.text

    done = client.submit(
        path.group(1), {"password": "three brand new words", "confirm": "three brand new words"}
    )
    assert done.status_code == 302
    dashboard = client.get(done.headers["Location"])
    assert dashboard.status_code == 200 and "Nia Newcomer" in dashboard.text
    assert client.get("/account/devices").status_code == 200  # a real session, listed like any sign-in


def test_a_reset_link_still_reads_as_a_reset(app, client, run_jobs, outbox):
    email = _user(app)
    client.submit("/forgot-password", {"email": email})
    run_jobs()
    path = re.search(r"https?://[^/\s]+(/reset-password/\S+)", outbox(to=email)[-1].text_body).group(1)
    assert "Choose a new password" in client.get(path).text
