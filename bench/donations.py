"""Stripe webhook processing: a verified checkout.session.completed that marks a gift paid and queues its
receipt, and the same event posted again (a no-op), against the trivial route on the same app."""

from __future__ import annotations

import secrets
import statistics
import time


def run(app, base: float, events: int = 300) -> None:
    from campaign.extensions import db
    from campaign.models import Donation
    from tests.support.fake_stripe import signed_delivery

    app.config["STRIPE_SECRET_KEY"], app.config["STRIPE_WEBHOOK_SECRET"] = "sk_test_bench", "whsec_bench"
    with app.app_context():
        refs = []
        for i in range(events):
            ref = secrets.token_urlsafe(12)
            db.session.add(
                Donation(
                    ref=ref,
                    attempt_key=secrets.token_hex(16),
                    idempotency_key=ref,
                    frequency="one_off",
                    amount_pence=1000,
                    name=f"Bench Donor {i}",
                    email=f"donor{i}@bench.example",
                    email_key=f"donor{i}@bench.example",
                )
            )
            refs.append(ref)
        db.session.commit()
    client = app.test_client()
    first, again = [], []
    for i, ref in enumerate(refs):
        session = {
            "id": f"cs_bench_{i}",
            "object": "checkout.session",
            "mode": "payment",
            "payment_status": "paid",
            "amount_total": 1000,
            "currency": "gbp",
            "client_reference_id": ref,
            "metadata": {"donation_ref": ref},
            "payment_intent": f"pi_bench_{i}",
        }
        event = {
            "id": f"evt_bench_{i}",
            "object": "event",
            "type": "checkout.session.completed",
            "created": int(time.time()),
            "data": {"object": session},
        }
        for times in (first, again):
            body, headers = signed_delivery(event, "whsec_bench")
            start = time.perf_counter()
            response = client.post("/webhooks/stripe", data=body, headers=headers)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, response.text
    print()
    print(f"{'stripe webhook':<44} {'ms/event':>10} {'x baseline':>11}")
    for label, times in (
        ("first delivery (paid + receipt queued)", first),
        ("replay of the same event", again),
    ):
        t = statistics.median(times)
        print(f"{label:<44} {t * 1000:>10.2f} {t / base:>11.2f}")
