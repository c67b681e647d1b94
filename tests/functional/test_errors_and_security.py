import pytest

from tests.factories import PASSWORD, make_user


def test_a_form_posted_without_its_token_gets_a_clear_page(client):
    response = client.post("/sign-in", data={"email": "a@example.org", "password": "x"})
    assert response.status_code == 400
    assert "Your form had expired" in response.text
    assert "reload the page" in response.text


@pytest.mark.parametrize("status,text", [(400, "could not be understood"), (403, "do not have permission"),
                                         (404, "Page not found"), (429, "Too many attempts"),
                                         (500, "something went wrong on our side")])
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
    from campaign.web import render_markdown

    html = str(render_markdown("Hello <script>alert(1)</script> [x](javascript:alert(1)) **bold**"))
    assert "<script" not in html and "javascript:" not in html
    assert "<strong>bold</strong>" in html


def test_json_errors_for_machine_endpoints(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json == {"error": "Not Found", "status": 404}
