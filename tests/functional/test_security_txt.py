"""/.well-known/security.txt (RFC 9116): where a researcher reports a vulnerability (SECURITY.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from campaign.models import utcnow


def _fields(text: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in text.strip().splitlines())


def test_it_names_the_security_contact_and_expires_within_a_year(make_app):
    app = make_app(SECURITY_CONTACT_EMAIL="security@families.example", BASE_URL="https://sns.example.org")
    response = app.test_client().get("/.well-known/security.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    fields = _fields(response.text)
    assert fields["Contact"] == "mailto:security@families.example"
    assert fields["Canonical"] == "https://sns.example.org/.well-known/security.txt"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert utcnow() + timedelta(days=30) < expires < utcnow() + timedelta(days=365)


def test_without_its_own_address_it_uses_the_privacy_contact(make_app):
    app = make_app(PRIVACY_CONTACT_EMAIL="dpo@families.example")
    fields = _fields(app.test_client().get("/.well-known/security.txt").text)
    assert fields["Contact"] == "mailto:dpo@families.example"
