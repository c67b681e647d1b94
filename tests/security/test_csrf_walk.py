"""Every route that changes state (POST, PUT, PATCH, DELETE) refuses a request without a CSRF token with the
site's 400 page, for a visitor and for a signed-in administrator, except the machine endpoints below, which
prove who sent them another way. A new state-changing route without CSRF protection fails here until it is
protected or added to the allow-list with its reason."""

from __future__ import annotations

import pytest

from campaign.extensions import csrf
from campaign.models import Role

from .route_walk import STATE_CHANGING, build_path, methods, walkable_rules

MACHINE_ENDPOINTS = {
    "webhooks.sendgrid_events": "SendGrid's Event Webhook: every post carries an ECDSA signature over the body "
    "and a timestamp, checked against SENDGRID_WEBHOOK_PUBLIC_KEY; no browser session is involved",
    "webhooks.stripe_events": "Stripe's webhook: every post carries an HMAC-SHA256 signature (Stripe-Signature) "
    "made with STRIPE_WEBHOOK_SECRET; no browser session is involved",
    "outreach.unsubscribe": "one-click unsubscribe (RFC 8058): mail providers POST List-Unsubscribe=One-Click "
    "with no cookies or page; the signed token in the URL, known only to the recipient, is the authority, "
    "and the only thing it can do is take that address off a list",
}


def _says_the_form_expired(text: str) -> bool:
    # The general CSRF page, or a form put back with what was typed and a line saying why (stories, and the
    # petition widget, which checks a form token of its own since a third-party frame has no session).
    text = text.lower()
    return "expired" in text or "for your security" in text


def _walk(app, client, known) -> tuple[int, int, list[str]]:
    checked, exempt, unprotected = 0, 0, []
    for rule in walkable_rules(app):
        for method in [m for m in methods(rule) if m in STATE_CHANGING]:
            if rule.endpoint in MACHINE_ENDPOINTS:
                exempt += 1
                continue
            response = client.open(build_path(rule, known), method=method, data={"name": "x"})
            checked += 1
            if response.status_code != 400 or not _says_the_form_expired(response.text):
                unprotected.append(f"{method} {rule.rule} ({rule.endpoint}): {response.status_code}")
    return checked, exempt, unprotected


@pytest.mark.parametrize("visitor", [None, Role.ADMIN])
def test_every_state_changing_route_refuses_a_post_without_a_csrf_token(app, signed_in, known, visitor):
    checked, exempt, unprotected = _walk(app, signed_in(visitor), known)
    print(
        f"\n{visitor or 'anonymous'}: {checked} state-changing routes refused without a token, {exempt} allowed"
    )
    assert checked > 50  # the walk found the site's forms
    assert not unprotected, "accepted without a CSRF token:\n" + "\n".join(unprotected)


def test_a_new_route_without_csrf_protection_is_caught(app, client, known):
    @app.route("/forgot-to-protect", methods=["POST", "DELETE"])
    @csrf.exempt
    def forgot_to_protect():
        return "done"

    _, _, unprotected = _walk(app, client, known)
    assert unprotected == [
        "DELETE /forgot-to-protect (forgot_to_protect): 200",
        "POST /forgot-to-protect (forgot_to_protect): 200",
    ]


def test_the_allow_list_names_only_routes_that_exist_and_change_state(app):
    state_changing = {rule.endpoint for rule in walkable_rules(app) if STATE_CHANGING & set(methods(rule))}
    assert set(MACHINE_ENDPOINTS) <= state_changing


def test_a_machine_endpoint_is_reached_without_a_csrf_token(client):
    # The allow-list is real: an unsigned post gets the webhook's own refusal, not the CSRF page.
    response = client.post("/webhooks/stripe", data=b"{}", content_type="application/json")
    assert response.status_code == 400 and response.json["error"].startswith("Not accepted")
