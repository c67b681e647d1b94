"""Session cookies: the signing serializer is made once per key, and a key change still takes effect."""

from flask import session


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
