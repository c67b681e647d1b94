"""The Stripe fake, driven through the real ``stripe`` client: what it accepts, what it refuses and
how, and that the events it builds are shaped and signed as Stripe's are."""

from __future__ import annotations

import json
import time

import pytest
import stripe

from tests.support.fake_http import FakeResponse
from tests.support.fake_stripe import (
    API_VERSION,
    FakeStripe,
    decode_form,
    event_body,
    sign,
    signed_delivery,
    stripe_error,
)

SECRET = "whsec_test_secret"


@pytest.fixture
def fake():
    with FakeStripe() as server:
        yield server


@pytest.fixture
def client(fake):
    return stripe.StripeClient("sk_test_123", base_addresses={"api": fake.url}, max_network_retries=0)


def one_off(amount=1000, **extra):
    return {
        "mode": "payment",
        "submit_type": "donate",
        "success_url": "https://campaign.test/donate/thanks?session={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://campaign.test/donate",
        "customer_email": "ada@example.org",
        "client_reference_id": "don_1",
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": "gbp",
                    "unit_amount": amount,
                    "product_data": {"name": "Donation"},
                },
            }
        ],
        "metadata": {"donation_ref": "abc"},
        "payment_intent_data": {"metadata": {"donation_ref": "abc"}},
        **extra,
    }


def monthly(amount=500, **extra):
    return {
        "mode": "subscription",
        "success_url": "https://campaign.test/donate/thanks",
        "customer_email": "ada@example.org",
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": "gbp",
                    "unit_amount": amount,
                    "product_data": {"name": "Monthly donation"},
                    "recurring": {"interval": "month"},
                },
            }
        ],
        "subscription_data": {"metadata": {"donation_ref": "monthly-1"}},
        **extra,
    }


def refused(client, params, **options):
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.checkout.sessions.create(params=params, options=options or None)
    return caught.value


# --- the API ---


def test_payment_session_with_submit_type_donate(fake, client):
    session = client.v1.checkout.sessions.create(params=one_off(), options={"idempotency_key": "don_1"})

    assert session.id.startswith("cs_test_") and session.object == "checkout.session"
    assert session.url == f"https://checkout.stripe.com/c/pay/{session.id}"
    assert (session.mode, session.status, session.payment_status) == ("payment", "open", "unpaid")
    assert (session.amount_total, session.amount_subtotal, session.currency) == (1000, 1000, "gbp")
    assert session.submit_type == "donate" and session.customer is None and session.payment_intent is None
    assert session.success_url.endswith("{CHECKOUT_SESSION_ID}")  # Stripe fills it in at redirect
    assert session.expires_at == session.created + 24 * 3600
    assert session.metadata.to_dict() == {"donation_ref": "abc"} and session.livemode is False

    sent = fake.requests[-1]
    assert sent.headers["Authorization"] == "Bearer sk_test_123"
    assert sent.headers["Stripe-Version"] == API_VERSION
    assert sent.headers["Idempotency-Key"] == "don_1"
    assert b"line_items[0][price_data][unit_amount]=1000" in sent.body
    assert decode_form(sent.body)["line_items"][0]["price_data"]["product_data"] == {"name": "Donation"}
    assert fake.session_params[session.id]["line_items"][0]["price_data"]["unit_amount"] == 1000


def test_subscription_session_with_inline_recurring_price(fake, client):
    session = client.v1.checkout.sessions.create(params=monthly())
    assert (session.mode, session.amount_total, session.subscription) == ("subscription", 500, None)
    assert fake.sessions[session.id]["status"] == "open"
    recurring = fake.session_params[session.id]["line_items"][0]["price_data"]["recurring"]
    assert recurring == {"interval": "month"}


def test_same_idempotency_key_replays_the_same_session(fake, client):
    first = client.v1.checkout.sessions.create(params=one_off(), options={"idempotency_key": "k-1"})
    again = client.v1.checkout.sessions.create(params=one_off(), options={"idempotency_key": "k-1"})
    assert again.id == first.id
    assert again.last_response.headers["Idempotent-Replayed"] == "true"
    assert len(fake.sessions) == 1


def test_same_idempotency_key_with_other_params_is_an_idempotency_error(client):
    client.v1.checkout.sessions.create(params=one_off(1000), options={"idempotency_key": "k-2"})
    with pytest.raises(stripe.IdempotencyError):
        client.v1.checkout.sessions.create(params=one_off(2000), options={"idempotency_key": "k-2"})


def test_a_refused_request_does_not_use_up_its_idempotency_key(client):
    refused(client, one_off(10), idempotency_key="k-3")
    assert client.v1.checkout.sessions.create(params=one_off(1000), options={"idempotency_key": "k-3"}).id


@pytest.mark.parametrize(
    "params, param",
    [
        ({**one_off(), "line_items": []}, "line_items"),
        ({k: v for k, v in one_off().items() if k != "line_items"}, "line_items"),
        (one_off(29), "line_items[0][price_data][unit_amount]"),
        (one_off(100000000), "line_items[0][price_data][unit_amount]"),
        (monthly(submit_type="donate"), "submit_type"),
        (one_off(line_items=monthly()["line_items"]), "line_items[0][price_data][recurring]"),
        (monthly(line_items=one_off()["line_items"]), "line_items[0][price_data][recurring]"),
        (monthly(payment_intent_data={"metadata": {"a": "b"}}), "payment_intent_data"),
        (one_off(subscription_data={"metadata": {"a": "b"}}), "subscription_data"),
        ({k: v for k, v in one_off().items() if k != "success_url"}, "success_url"),
        ({k: v for k, v in one_off().items() if k != "mode"}, "mode"),
        (one_off(mode="donation"), "mode"),
        (one_off(submit_type="give"), "submit_type"),
        (one_off(customer_email="not-an-email"), "customer_email"),
        (one_off(client_reference_id="x" * 201), "client_reference_id"),
        (one_off(metadata={"k" * 41: "v"}), "metadata[" + "k" * 41 + "]"),
        (one_off(metadata={"k": "v" * 501}), "metadata[k]"),
        (one_off(metadata={f"k{i}": "v" for i in range(51)}), "metadata"),
        (one_off(payment_intent_data={"metadata": {"k": "v" * 501}}), "payment_intent_data[metadata][k]"),
        (one_off(colour="red"), "colour"),
        (
            one_off(
                line_items=[
                    {
                        "quantity": 0,
                        "price_data": {"currency": "gbp", "unit_amount": 500, "product_data": {"name": "x"}},
                    }
                ]
            ),
            "line_items[0][quantity]",
        ),
        (
            one_off(
                line_items=[
                    {"price_data": {"currency": "gbp", "unit_amount": 500, "product_data": {"name": "x"}}}
                ]
            ),
            "line_items[0][quantity]",
        ),
        (
            one_off(
                line_items=[
                    {
                        "quantity": 1,
                        "price_data": {"currency": "GBP", "unit_amount": 500, "product_data": {"name": "x"}},
                    }
                ]
            ),
            "line_items[0][price_data][currency]",
        ),
        (
            one_off(
                line_items=[
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": "gbp",
                            "unit_amount": "5.00",
                            "product_data": {"name": "x"},
                        },
                    }
                ]
            ),
            "line_items[0][price_data][unit_amount]",
        ),
        (
            one_off(
                line_items=[
                    {"quantity": 1, "price_data": {"unit_amount": 500, "product_data": {"name": "x"}}}
                ]
            ),
            "line_items[0][price_data][currency]",
        ),
        (
            one_off(
                line_items=[
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": "gbp",
                            "unit_amount": 500,
                            "product_data": {"description": "x"},
                        },
                    }
                ]
            ),
            "line_items[0][price_data][product_data][name]",
        ),
        (
            one_off(
                line_items=[
                    {"quantity": 1, "price_data": {"currency": "gbp", "unit_amount": 500, "product_data": {}}}
                ]
            ),  # {} is not sent at all
            "line_items[0][price_data]",
        ),
        (
            monthly(
                line_items=[
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": "gbp",
                            "unit_amount": 500,
                            "product_data": {"name": "x"},
                            "recurring": {"interval": "fortnight"},
                        },
                    }
                ]
            ),
            "line_items[0][price_data][recurring][interval]",
        ),
    ],
)
def test_checkout_refuses_what_stripe_refuses(client, params, param):
    error = refused(client, params)
    assert error.param == param, error.user_message
    assert error.http_status == 400
    assert error.json_body["error"]["type"] == "invalid_request_error"


def test_a_missing_or_wrong_key_is_an_authentication_error(fake):
    for key in ("", "pk_test_123", "sk_live_nope"):
        client = stripe.StripeClient(key, base_addresses={"api": fake.url}, max_network_retries=0)
        with pytest.raises(stripe.AuthenticationError) as caught:
            client.v1.checkout.sessions.create(params=one_off())
        assert caught.value.http_status == 401
        assert caught.value.json_body["error"]["type"] == "invalid_request_error"
    assert not fake.sessions


def test_queued_answers_come_first_and_are_not_replayed(fake, client):
    fake.queue(
        stripe_error(500),
        FakeResponse(
            429,
            json.dumps(
                {"error": {"type": "invalid_request_error", "code": "rate_limit", "message": "Too many"}}
            ).encode(),
        ),
    )
    with pytest.raises(stripe.APIError):
        client.v1.checkout.sessions.create(params=one_off(), options={"idempotency_key": "k-q"})
    with pytest.raises(stripe.RateLimitError):
        client.v1.checkout.sessions.create(params=one_off(), options={"idempotency_key": "k-q"})
    session = client.v1.checkout.sessions.create(params=one_off(), options={"idempotency_key": "k-q"})
    assert "Idempotent-Replayed" not in session.last_response.headers
    assert list(fake.sessions) == [session.id]


def test_unknown_path_is_a_404_in_stripes_shape(client):
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.raw_request("post", "/v1/customers", email="a@example.org")
    assert caught.value.http_status == 404
    assert "Unrecognized request URL" in caught.value.user_message


def test_billing_portal_session_for_a_known_customer(fake, client):
    session = client.v1.checkout.sessions.create(params=monthly())
    fake.complete(session.id)
    customer = fake.sessions[session.id]["customer"]

    portal = client.v1.billing_portal.sessions.create(
        params={"customer": customer, "return_url": "https://campaign.test/account"}
    )
    assert portal.id.startswith("bps_") and portal.object == "billing_portal.session"
    assert portal.customer == customer and portal.return_url == "https://campaign.test/account"
    assert portal.url.startswith("https://billing.stripe.com/p/session/test_")

    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.billing_portal.sessions.create(params={"customer": "cus_unknown"})
    assert (caught.value.code, caught.value.param) == ("resource_missing", "customer")
    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.billing_portal.sessions.create(params={"return_url": "https://campaign.test/account"})
    assert caught.value.param == "customer"


def test_delete_and_retrieve_a_subscription(fake, client):
    session = client.v1.checkout.sessions.create(params=monthly())
    fake.complete(session.id)
    sub_id = fake.sessions[session.id]["subscription"]

    assert client.v1.subscriptions.retrieve(sub_id).status == "active"
    canceled = client.v1.subscriptions.cancel(sub_id)
    assert canceled.status == "canceled" and canceled.canceled_at and canceled.ended_at
    assert canceled.cancellation_details.reason == "cancellation_requested"
    assert fake.subscriptions[sub_id]["status"] == "canceled"
    assert fake.events[-1]["type"] == "customer.subscription.deleted"  # Stripe sends it after API cancels too

    with pytest.raises(stripe.InvalidRequestError) as caught:
        client.v1.subscriptions.cancel("sub_missing")
    assert caught.value.http_status == 404 and caught.value.code == "resource_missing"
    assert caught.value.user_message == "No such subscription: 'sub_missing'"


# --- events and signatures ---


def test_signature_is_accepted_by_the_stripe_library_and_tampering_is_not(fake, client):
    session = client.v1.checkout.sessions.create(params=one_off())
    [event] = fake.complete(session.id)
    body = event_body(event)
    header = sign(body, SECRET)
    assert stripe.WebhookSignature.verify_header(body.decode(), header, SECRET, tolerance=300)
    parsed = stripe.Webhook.construct_event(body, header, SECRET)
    assert parsed.type == "checkout.session.completed" and parsed.data.object.id == session.id

    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(
            body.decode().replace("1000", "9000"), header, SECRET, tolerance=300
        )
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(body.decode(), header, "whsec_other", tolerance=300)
    stale = sign(body, SECRET, timestamp=int(time.time()) - 301)
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(body.decode(), stale, SECRET, tolerance=300)
    posted, headers = signed_delivery(event, SECRET)
    assert stripe.WebhookSignature.verify_header(posted, headers["Stripe-Signature"], SECRET, tolerance=300)


def test_completing_a_payment_session(fake, client):
    session = client.v1.checkout.sessions.create(params=one_off())
    [event] = fake.complete(session.id)
    assert (
        event["object"] == "event" and event["api_version"] == API_VERSION and event["id"].startswith("evt_")
    )
    assert event["livemode"] is False and event["request"] == {"id": None, "idempotency_key": None}
    done = event["data"]["object"]
    assert (done["status"], done["payment_status"]) == ("complete", "paid")
    assert done["customer_details"]["email"] == "ada@example.org"
    pi = fake.payment_intents[done["payment_intent"]]
    assert pi["metadata"] == {"donation_ref": "abc"} and pi["amount"] == 1000
    assert fake.charges[pi["latest_charge"]]["payment_intent"] == pi["id"]

    [refund] = fake.refund(pi["id"], 400)
    charge = refund["data"]["object"]
    assert refund["type"] == "charge.refunded"
    assert (charge["amount_refunded"], charge["refunded"], charge["payment_intent"]) == (400, False, pi["id"])
    [refund] = fake.refund(pi["id"])
    assert (refund["data"]["object"]["amount_refunded"], refund["data"]["object"]["refunded"]) == (1000, True)
    assert refund["data"]["previous_attributes"] == {"amount_refunded": 400, "refunded": False}


def test_delayed_payment_expiry_and_disputes(fake, client):
    session = client.v1.checkout.sessions.create(params=one_off())
    [done] = fake.complete(session.id, paid=False)
    assert done["data"]["object"]["payment_status"] == "unpaid"
    [settled] = fake.async_result(session.id, succeeded=True)
    assert settled["type"] == "checkout.session.async_payment_succeeded"
    assert settled["data"]["object"]["payment_status"] == "paid"

    other = client.v1.checkout.sessions.create(params=one_off())
    fake.complete(other.id, paid=False)
    [failed] = fake.async_result(other.id, succeeded=False)
    assert failed["type"] == "checkout.session.async_payment_failed"
    assert failed["data"]["object"]["payment_status"] == "unpaid"

    lapsed = client.v1.checkout.sessions.create(params=one_off())
    [expired] = fake.expire(lapsed.id)
    assert expired["type"] == "checkout.session.expired" and expired["data"]["object"]["status"] == "expired"
    with pytest.raises(ValueError):
        fake.complete(lapsed.id)

    pi = fake.sessions[session.id]["payment_intent"]
    [opened] = fake.dispute(pi)
    dispute = opened["data"]["object"]
    assert opened["type"] == "charge.dispute.created" and dispute["id"].startswith("dp_")
    assert (dispute["payment_intent"], dispute["amount"], dispute["status"]) == (pi, 1000, "needs_response")
    assert dispute["charge"] == fake.payment_intents[pi]["latest_charge"]
    [closed] = fake.close_dispute(dispute["id"], won=False)
    assert closed["type"] == "charge.dispute.closed" and closed["data"]["object"]["status"] == "lost"


def test_completing_a_subscription_gives_invoices_in_the_2026_shape(fake, client):
    session = client.v1.checkout.sessions.create(params=monthly())
    events = fake.complete(session.id)
    assert [e["type"] for e in events] == [
        "customer.subscription.created",
        "invoice.paid",
        "invoice_payment.paid",
        "checkout.session.completed",
    ]
    created = [e["created"] for e in fake.events]
    assert created == sorted(set(created))

    sub = events[0]["data"]["object"]
    assert sub["status"] == "active" and sub["metadata"] == {"donation_ref": "monthly-1"}
    item = sub["items"]["data"][0]
    assert item["price"]["unit_amount"] == 500 and item["price"]["recurring"]["interval"] == "month"
    assert item["current_period_end"] > item["current_period_start"]

    invoice = events[1]["data"]["object"]
    assert "subscription" not in invoice and "payment_intent" not in invoice
    assert invoice["parent"] == {
        "type": "subscription_details",
        "quote_details": None,
        "subscription_details": {"subscription": sub["id"], "metadata": {"donation_ref": "monthly-1"}},
    }
    assert (invoice["status"], invoice["amount_paid"], invoice["amount_due"]) == ("paid", 500, 500)
    assert invoice["billing_reason"] == "subscription_create" and invoice["customer"] == sub["customer"]
    assert invoice["customer_email"] == "ada@example.org" and invoice["status_transitions"]["paid_at"]
    assert invoice["lines"]["data"][0]["amount"] == 500

    payment = events[2]["data"]["object"]
    assert payment["object"] == "invoice_payment" and payment["invoice"] == invoice["id"]
    assert payment["payment"]["type"] == "payment_intent" and payment["amount_paid"] == 500

    completed = events[3]["data"]["object"]
    assert completed["subscription"] == sub["id"] and completed["customer"] == sub["customer"]
    assert completed["payment_status"] == "paid"

    parsed = stripe.Webhook.construct_event(
        event_body(events[1]), sign(event_body(events[1]), SECRET), SECRET
    )
    assert parsed.data.object.parent.subscription_details.subscription == sub["id"]


def test_renewals_failures_and_portal_cancellation(fake, client):
    session = client.v1.checkout.sessions.create(params=monthly())
    fake.complete(session.id)
    sub_id = fake.sessions[session.id]["subscription"]
    before = fake.now

    paid = fake.renew(sub_id)
    assert [e["type"] for e in paid] == ["invoice.paid", "invoice_payment.paid"]
    assert fake.now - before >= 28 * 86400
    assert paid[0]["data"]["object"]["billing_reason"] == "subscription_cycle"
    pi = paid[1]["data"]["object"]["payment"]["payment_intent"]
    assert pi != fake.invoice_payment_intent(fake.sessions[session.id]["invoice"])
    assert fake.refund(pi)[0]["data"]["object"]["refunded"] is True

    failed = fake.renew(sub_id, paid=False)
    assert [e["type"] for e in failed] == ["invoice.payment_failed", "customer.subscription.updated"]
    assert failed[0]["data"]["object"]["status"] == "open" and failed[0]["data"]["object"]["amount_paid"] == 0
    assert failed[1]["data"]["object"]["status"] == "past_due"
    assert failed[1]["data"]["previous_attributes"]["status"] == "active"

    [deleted] = fake.cancel_subscription(sub_id)
    assert deleted["type"] == "customer.subscription.deleted"
    assert deleted["data"]["object"]["status"] == "canceled"
