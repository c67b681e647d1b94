"""Flask's signed-cookie sessions, with the signing serializer made once for the app's keys instead of
twice in every request (opening and saving the session each built a new one)."""

from __future__ import annotations

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer


class CookieSessions(SecureCookieSessionInterface):
    def __init__(self) -> None:
        self._made: tuple[tuple, URLSafeTimedSerializer | None] | None = None

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        keys = (app.secret_key, *(app.config["SECRET_KEY_FALLBACKS"] or ()))
        made = self._made
        if made is None or made[0] != keys:  # a new key (tests change it) makes a new serializer
            made = self._made = (keys, super().get_signing_serializer(app))
        return made[1]


def register_sessions(app: Flask) -> None:
    app.session_interface = CookieSessions()
