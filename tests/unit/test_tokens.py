"""Signed tokens: one helper for every purpose. Links already sent in emails must keep working, so each
purpose keeps the salt and format it had before the helper existed."""

from __future__ import annotations

import pytest
from flask import Flask
from itsdangerous import TimestampSigner, URLSafeSerializer, URLSafeTimedSerializer

from campaign.services import tokens
from campaign.services.accounts import users
from campaign.services.coalition import organisations
from campaign.services.donations import donor_link
from campaign.services.petitions import signing
from campaign.services.stories import storyteller

SECRET = "a-secret-key-for-this-test-only-0123456789"


@pytest.fixture
def app_context():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = SECRET
    with app.app_context():
        yield


@pytest.mark.parametrize(
    "token, salt, timed",
    [
        (signing._CONFIRMATION, "signature-confirmation", True),
        (users._RESET, "password-reset", True),
        (users._SETUP, "account-setup", True),
        (organisations._INVITATION, "organisation-invitation", True),
        (storyteller._STORYTELLER, "storyteller", False),
        (donor_link._MANAGE, "donation-manage", False),
    ],
)
def test_links_made_before_the_helper_still_read(app_context, token, salt, timed):
    serializer = (URLSafeTimedSerializer if timed else URLSafeSerializer)(SECRET, salt=salt)
    emailed = serializer.dumps({"s": 1, "p": 2})
    assert token.read(emailed, max_age=3600) == {"s": 1, "p": 2}
    assert serializer.loads(token.make({"s": 1})) == {"s": 1}


def test_a_token_for_one_purpose_is_refused_for_another(app_context):
    reset = tokens.SignedToken("password-reset").make({"u": 1})
    with pytest.raises(tokens.TokenInvalid):
        tokens.SignedToken("signature-confirmation").read(reset, max_age=3600)
    with pytest.raises(tokens.TokenInvalid):
        tokens.SignedToken("password-reset").read(reset[:-3] + "abc", max_age=3600)


def test_an_expired_token_says_so_and_still_tells_what_it_was_for(app_context, monkeypatch):
    token = tokens.SignedToken("signature-confirmation")
    real = TimestampSigner.get_timestamp
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: real(self) - 120)
    old = token.make({"p": 7})
    monkeypatch.undo()
    with pytest.raises(tokens.TokenExpired) as expired:
        token.read(old, max_age=60)
    assert token.read_expired(expired.value) == {"p": 7}
    assert token.read(old, max_age=600) == {"p": 7}
