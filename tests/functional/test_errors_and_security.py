import pytest

from tests.factories import PASSWORD, make_user


def test_a_form_posted_without_its_token_gets_a_clear_page(client):
    response = client.post("/sign-in", data={"email": "a@example.org", "password": "x"})
    assert response.status_code == 400
    assert "Your form had expired" in response.text
    assert "reload the page" in response.text


@pytest.mark.parametrize(
    "status,text",
    [
        (400, "could not be understood"),
        (403, "do not have permission"),
        (404, "Page not found"),
        (429, "Too many attempts"),
        (500, "something went wrong on our side"),
    ],
)
def test_error_pages_use_the_site_layout_and_say_what_to_do(make_app, status, text):
    from flask import abort

    app = make_app()

    @app.get("/boom/<int:code>")
    def boom(code):
        if code == 500:
            raise RuntimeError("kaboom")
        abort(code)

    response = app.test_client().get(f"/boom/{status}")
    assert response.status_code == status
    assert text in response.text
    assert "Skip to main content" in response.text
    assert "kaboom" not in response.text and "Traceback" not in response.text


def test_pages_send_security_headers_and_refuse_framing(client):
    response = client.get("/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "cdn" not in response.text.lower()


def test_signed_in_pages_are_not_cached(app, client):
    with app.app_context():
        email = make_user().email
    client.sign_in(email, PASSWORD)
    assert client.get("/account/").headers["Cache-Control"] == "no-store"


def test_markdown_from_pages_is_sanitised(app):
    from campaign.text import render_markdown

    html = str(render_markdown("Hello <script>alert(1)</script> [x](javascript:alert(1)) **bold**"))
    assert "<script" not in html and "javascript:" not in html
    assert "<strong>bold</strong>" in html


def test_json_errors_for_machine_endpoints(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json == {"error": "Not Found", "status": 404}


def test_a_database_error_still_gets_the_site_error_page(make_app):
    from sqlalchemy import text

    from campaign.extensions import db

    app = make_app()

    @app.get("/broken-query")
    def broken():
        db.session.execute(text("SELECT * FROM no_such_table"))

    with app.app_context():
        email = make_user().email
    from tests.conftest import FormClient

    client = FormClient(app.test_client())
    client.sign_in(email, PASSWORD)  # the error page then loads the signed-in user after the failure
    response = client.get("/broken-query")
    assert response.status_code == 500
    assert "something went wrong on our side" in response.text and "Your area" in response.text


def test_method_not_allowed_says_which_methods_are(client):
    response = client.get("/sign-out")
    assert response.status_code == 405 and "POST" in response.headers["Allow"]


def test_the_outbox_is_only_shown_to_this_machine(client):
    assert client.get("/dev/outbox").status_code == 200
    assert client.get("/dev/outbox", environ_base={"REMOTE_ADDR": "203.0.113.9"}).status_code == 404


def test_rate_limits_see_the_client_address_behind_a_configured_proxy(make_app):
    app = make_app({"RATELIMIT_LOGIN": "2 per minute"}, PROXY_HOPS="1")
    from tests.conftest import FormClient

    client = FormClient(app.test_client())
    statuses = [
        client.sign_in("x@example.org", "y", headers={"X-Forwarded-For": f"198.51.100.{i % 2}"}).status_code
        for i in range(4)
    ]
    assert statuses == [401, 401, 401, 401]  # two clients, two each: nobody over the limit
    assert (
        client.sign_in("x@example.org", "y", headers={"X-Forwarded-For": "198.51.100.0"}).status_code == 429
    )
