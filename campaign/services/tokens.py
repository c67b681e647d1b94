"""Signed tokens for links and forms: one helper for every purpose.

Each purpose is its own salt, so a token made for one (a password reset) is never accepted for another (a
signature confirmation). Tokens for links that must keep working (a storyteller's, a monthly donor's) carry
no timestamp; the rest expire after the ``max_age`` their reader passes. Callers catch ``TokenExpired``
before ``TokenInvalid``: an expired token is also an invalid one.
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeSerializer, URLSafeTimedSerializer

TokenInvalid = BadSignature
TokenExpired = SignatureExpired


class SignedToken:
    def __init__(self, purpose: str, *, expires: bool = True):
        self.purpose = purpose
        self.expires = expires

    def _serializer(self) -> URLSafeSerializer | URLSafeTimedSerializer:
        key = current_app.config["SECRET_KEY"]
        if self.expires:
            return URLSafeTimedSerializer(key, salt=self.purpose)
        return URLSafeSerializer(key, salt=self.purpose)

    def make(self, data: Any) -> str:
        return self._serializer().dumps(data)

    def read(self, token: str, max_age: int | None = None) -> Any:
        """The data the token was made with. Raises TokenExpired (older than ``max_age`` seconds) or
        TokenInvalid (tampered, truncated, or made for another purpose)."""
        serializer = self._serializer()
        if isinstance(serializer, URLSafeTimedSerializer):
            return serializer.loads(token, max_age=max_age)
        return serializer.loads(token)

    def read_expired(self, expired: TokenExpired) -> Any:
        """What an expired token held (its signature was good), to say which petition a stale link was for."""
        if expired.payload is None:
            raise TokenInvalid("no payload")
        return self._serializer().load_payload(expired.payload)
