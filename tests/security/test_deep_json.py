"""JSON nested 100,000 deep (about 200 KB, under every size limit) to every endpoint that reads JSON: the
parser's recursion limit used to escape as a 500. Each post is validly signed, so it reaches the parse."""

from __future__ import annotations

import base64
import time

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask import request

from campaign.extensions import csrf
from tests.support.fake_stripe import sign

DEPTH = 100_000
DEEP_ARRAY = b"[" * DEPTH + b"]" * DEPTH
DEEP_OBJECT = b'{"a":' * DEPTH + b"1" + b"}" * DEPTH
STRIPE_SECRET = "whsec_test_deep_json"


@pytest.fixture(scope="module")
def sendgrid_key():
    return ec.generate_private_key(ec.SECP256R1())


@pytest.fixture
def app(make_app, sendgrid_key):
    public = sendgrid_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return make_app(
        {"PROPAGATE_EXCEPTIONS": False},
        SENDGRID_WEBHOOK_PUBLIC_KEY=base64.b64encode(public).decode(),
        STRIPE_SECRET_KEY="sk_test_deep_json",
        STRIPE_WEBHOOK_SECRET=STRIPE_SECRET,
    )


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_a_deep_stripe_event_is_refused_with_400(app, body):
    headers = {"Content-Type": "application/json", "Stripe-Signature": sign(body, STRIPE_SECRET)}
    response = app.test_client().post("/webhooks/stripe", data=body, headers=headers)
    assert response.status_code == 400, response.status_code
    assert response.json["error"].startswith("Not accepted")


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_a_deep_sendgrid_event_post_is_refused_with_400(app, sendgrid_key, body):
    timestamp = str(int(time.time()))
    signature = base64.b64encode(sendgrid_key.sign(timestamp.encode() + body, ec.ECDSA(hashes.SHA256())))
    headers = {
        "Content-Type": "application/json",
        "X-Twilio-Email-Event-Webhook-Signature": signature.decode(),
        "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
    }
    response = app.test_client().post("/webhooks/sendgrid", data=body, headers=headers)
    assert response.status_code == 400, response.status_code
    assert response.json["error"].startswith("Not accepted")


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_a_deep_body_to_a_view_reading_json_is_refused_with_400(app, body):
    # No JSON API takes a body yet; any view that reads one with get_json is guarded the same way.
    @app.post("/api/echo-test")
    @csrf.exempt  # a machine endpoint: the body must reach get_json, not stop at the CSRF check
    def echo():
        return {"kind": type(request.get_json()).__name__}

    response = app.test_client().post("/api/echo-test", data=body, content_type="application/json")
    assert response.status_code == 400, response.status_code
    assert response.json["status"] == 400


def test_ordinary_json_still_reaches_the_view(app):
    @app.post("/api/echo-test")
    @csrf.exempt
    def echo():
        return {"kind": type(request.get_json()).__name__}

    response = app.test_client().post("/api/echo-test", json={"a": [[1]]})
    assert (response.status_code, response.json) == (200, {"kind": "dict"})
