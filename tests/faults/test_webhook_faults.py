"""Stripe's webhooks under faults: the web process killed while it processes an event (Stripe then sends
it again), and one event delivered many times at once over real HTTP.

An event is verified, stored and processed inside the webhook request, in one transaction
(campaign/services/donations/events.py): no job is involved, so the process that can die mid-event is
the web server's. The receipt it queues is sent by the worker pool, which runs throughout."""

from __future__ import annotations

import signal
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from sqlalchemy import delete, func, select, text

from campaign.extensions import db
from campaign.models import (
    Donation,
    DonationPayment,
    DonationSettings,
    Email,
    EmailState,
    GiftAidDeclaration,
    OutboxMessage,
    PaymentState,
    StripeCharge,
    StripeEvent,
)
from tests.conftest import FormClient, form_values
from tests.faults.conftest import _kill_group, report
from tests.support.fake_stripe import FakeStripe, signed_delivery
from tests.support.waiting import wait_for

pytestmark = pytest.mark.faults

SECRET = "whsec_faults"
GIFT_AID = {
    "gift_aid": "y",
    "gift_aid_title": "Ms",
    "gift_aid_first_name": "Mary",
    "gift_aid_last_name": "Example",
    "gift_aid_house": "12",
    "gift_aid_address": "Crossway, London",
    "gift_aid_postcode": "n16 8hr",
    "gift_aid_covers": "enduring",
}


@pytest.fixture
def donations(fault_stack):
    """A Stack whose app takes donations through the fake Stripe, Gift Aid switched on, no donation rows
    left from an earlier test, and the worker pool and scheduler running (they send the receipts)."""
    with FakeStripe() as fake:
        stack = fault_stack(
            STRIPE_SECRET_KEY="sk_test_faults",
            STRIPE_WEBHOOK_SECRET=SECRET,
            STRIPE_API_BASE=fake.url,
        )
        with stack.app.app_context():
            for model in (DonationPayment, Donation, GiftAidDeclaration, StripeCharge, StripeEvent):
                db.session.execute(delete(model))
            db.session.merge(
                DonationSettings(
                    id=1, gift_aid_enabled=True, charity_name="LAW Trust", charity_number="1234567"
                )
            )
            db.session.commit()
            db.session.remove()
        stack.fake = fake  # type: ignore[attr-defined]
        stack.start()
        stack.start("--cron")
        yield stack


def _give(stack, email: str, frequency: str) -> tuple[str, int]:
    """Donate through the form; the Checkout Session's id and the donation's id."""
    donor = FormClient(stack.app.test_client())
    page = donor.get("/donate/")
    fields = form_values(page.text, "csrf_token", "form_nonce")
    data = {"frequency": frequency, "amount": "1000", "name": "Mary Example", "email": email, **GIFT_AID}
    response = donor.post("/donate/", data={**fields, **data})
    assert response.status_code == 303, response.text
    with stack.app.app_context():
        donation_id = db.session.scalar(select(Donation.id).where(Donation.email == email))
        db.session.remove()
    return response.headers["Location"].rsplit("/", 1)[1], donation_id


def _post(url: str, event: dict) -> tuple[int | str, str]:
    """Deliver ``event`` as Stripe does, signed now (a retry is signed afresh): the status and outcome."""
    body, headers = signed_delivery(event, SECRET)
    try:
        response = requests.post(f"{url}/webhooks/stripe", data=body, headers=headers, timeout=90)
    except requests.RequestException as error:
        return type(error).__name__, ""
    outcome = response.json().get("outcome", "") if response.ok else response.text[:200]
    return response.status_code, outcome


def _figures(stack, donation_id: int, email: str) -> dict:
    with stack.app.app_context():
        donation = db.session.get(Donation, donation_id)
        payments = db.session.scalars(
            select(DonationPayment).where(DonationPayment.donation_id == donation_id)
        )
        figures = {
            "donation_state": donation.state,
            "payments": sorted((p.state, p.amount_pence) for p in payments),
            "receipts_queued": db.session.scalar(
                select(func.count())
                .select_from(Email)
                .where(Email.kind == "donation_receipt", Email.to_address == email)
            ),
            "receipts_sent": db.session.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.to_address == email)
            ),
            "gift_aid_declarations": db.session.scalar(
                select(func.count())
                .select_from(GiftAidDeclaration)
                .where(GiftAidDeclaration.id == donation.gift_aid_declaration_id)
            ),
        }
        db.session.remove()
    return figures


def _settled(stack) -> bool:
    with stack.app.app_context():
        unsent = db.session.scalar(
            select(func.count()).select_from(Email).where(Email.state != EmailState.SENT)
        )
        db.session.remove()
    return unsent == 0


def test_the_web_process_killed_mid_webhook_then_stripes_retry_counts_once(donations):
    stack, fake = donations, donations.fake
    email = "killed-mid-webhook@example.org"
    session_id, donation_id = _give(stack, email, "one_off")
    (event,) = fake.complete(session_id)  # checkout.session.completed, paid
    server, url = stack.gunicorn()

    # The request is made to stop half way: it has stored the event and waits for the donation's row lock,
    # which this test holds. It is then killed, SIGKILL, with its transaction open.
    with stack.app.app_context():
        holder = db.engine.connect()
        holder.begin()
        holder.execute(select(Donation.id).where(Donation.id == donation_id).with_for_update())
        first: list[tuple[int | str, str]] = []
        request = threading.Thread(target=lambda: first.append(_post(url, event)))
        request.start()

        def waiting_on_the_lock() -> bool:
            query = text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND query ILIKE '%donations%'"
            )
            # Asked on a connection of its own: within a transaction PostgreSQL keeps answering from the
            # first snapshot of pg_stat_activity it took.
            with db.engine.connect() as look:
                return bool(look.execute(query).scalar())

        try:
            wait_for(waiting_on_the_lock, 60, "the webhook request to wait for the donation's lock")
        except AssertionError as error:
            raise AssertionError(f"{error}: {first}\n{stack.log.read_text()[-3000:]}") from None
        _kill_group(server, signal.SIGKILL)
        server.wait(10)
        request.join(30)
        holder.rollback()
        holder.close()

        def killed_transaction_gone() -> bool:
            query = text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state <> 'idle' AND query ILIKE '%donations%'"
            )
            with db.engine.connect() as look:
                return look.execute(query).scalar() == 0

        # The dead client's backend takes the lock, finds nobody to answer and rolls back: only then does
        # the count below say what the killed request left behind.
        wait_for(killed_transaction_gone, 60, "the killed request's transaction to end")
    stored_after_kill = _count_events(stack, event["id"])

    server, url = stack.gunicorn()
    retries = [_post(url, event) for _ in range(3)]  # Stripe retries until it gets a 2xx; then a stray one
    wait_for(lambda: _figures(stack, donation_id, email)["receipts_sent"] >= 1, 60, "the receipt")
    wait_for(lambda: _settled(stack), 60, "every email to be settled")
    figures = _figures(stack, donation_id, email)
    report(
        "web process SIGKILLed while processing checkout.session.completed (holding the donation's lock)",
        injected="donation row locked by the test; gunicorn SIGKILLed while its request waited; lock "
        "released; gunicorn started again; the event posted again as Stripe's retry (3 times)",
        first_delivery=first,
        events_stored_after_the_kill=stored_after_kill,
        retries=retries,
        **figures,
        events_stored=_count_events(stack, event["id"]),
    )
    assert first and isinstance(first[0][0], str), f"the killed request was answered: {first}"
    assert stored_after_kill == 0, "the killed request's half-done transaction was kept"
    assert [status for status, _ in retries] == [200, 200, 200]
    assert [outcome for _, outcome in retries] == ["processed", "duplicate", "duplicate"]
    assert figures == {
        "donation_state": "completed",
        "payments": [(PaymentState.PAID, 1000)],
        "receipts_queued": 1,
        "receipts_sent": 1,
        "gift_aid_declarations": 1,
    }


def _count_events(stack, event_id: str) -> int:
    with stack.app.app_context():
        count = db.session.scalar(
            select(func.count()).select_from(StripeEvent).where(StripeEvent.id == event_id)
        )
        db.session.remove()
    return count


COPIES = 20


def _deliver_at_once(url: str, events: list[dict]) -> Counter:
    """Each event ``COPIES`` times at the same moment over real HTTP, one event after another (Stripe's
    order); how the posts were answered."""
    answers: Counter = Counter()
    with ThreadPoolExecutor(COPIES) as pool:
        for event in events:
            barrier = threading.Barrier(COPIES)

            def post(_, event=event, barrier=barrier):
                barrier.wait(60)
                return _post(url, event)

            for status, outcome in pool.map(post, range(COPIES)):
                answers[(event["id"], event["type"], status, outcome)] += 1
    return answers


def test_one_event_delivered_twenty_times_at_once_counts_once_and_every_answer_is_2xx(donations):
    stack, fake = donations, donations.fake
    one_off, monthly = "at-once-one-off@example.org", "at-once-monthly@example.org"
    one_off_session, one_off_id = _give(stack, one_off, "one_off")
    monthly_session, monthly_id = _give(stack, monthly, "monthly")
    server, url = stack.gunicorn(threads=8)

    answers = _deliver_at_once(url, fake.complete(one_off_session) + fake.complete(monthly_session))
    with stack.app.app_context():
        subscription = db.session.scalar(
            select(Donation.stripe_subscription_id).where(Donation.id == monthly_id)
        )
        db.session.remove()
    renewal = fake.renew(subscription)  # the second month's invoice.paid, and what comes with it
    answers += _deliver_at_once(url, renewal)

    wait_for(
        lambda: (
            _figures(stack, one_off_id, one_off)["receipts_sent"] >= 1
            and _figures(stack, monthly_id, monthly)["receipts_sent"] >= 2
        ),
        60,
        "the receipts",
    )
    wait_for(lambda: _settled(stack), 60, "every email to be settled")
    one_off_figures, monthly_figures = (
        _figures(stack, one_off_id, one_off),
        _figures(stack, monthly_id, monthly),
    )
    statuses: Counter = Counter()
    acted_on: Counter = Counter()  # per event: the posts that were not answered "duplicate"
    for (event_id, kind, status, outcome), n in answers.items():
        statuses[status] += n
        acted_on[(event_id, kind)] += 0 if outcome == "duplicate" else n
    report(
        f"each event delivered {COPIES} times at once over HTTP (gunicorn, 1 worker, 8 threads)",
        injected=f"{len(acted_on)} events x {COPIES} concurrent posts: a one-off checkout, a monthly "
        "checkout and its renewal",
        posts=sum(answers.values()),
        statuses=dict(statuses),
        posts_acted_on_per_event=[f"{kind} {event_id[-6:]}: {n}" for (event_id, kind), n in acted_on.items()],
        one_off=one_off_figures,
        monthly=monthly_figures,
    )
    assert set(statuses) == {200}, answers
    assert set(acted_on.values()) == {1}, acted_on
    assert one_off_figures == {
        "donation_state": "completed",
        "payments": [(PaymentState.PAID, 1000)],
        "receipts_queued": 1,
        "receipts_sent": 1,
        "gift_aid_declarations": 1,
    }
    assert monthly_figures == {
        "donation_state": "completed",
        "payments": [(PaymentState.PAID, 1000), (PaymentState.PAID, 1000)],
        "receipts_queued": 2,
        "receipts_sent": 2,
        "gift_aid_declarations": 1,
    }


def test_every_event_of_a_monthly_gift_at_once_in_any_order_counts_once(donations):
    """Stripe does not wait for one event's answer before sending the next: the events of a monthly
    checkout and of its renewal (which lock the same donation, payments and charge) all arrive together,
    several copies of each."""
    stack, fake = donations, donations.fake
    monthly = "all-at-once@example.org"
    session_id, donation_id = _give(stack, monthly, "monthly")
    server, url = stack.gunicorn(threads=8)
    events = fake.complete(session_id)
    subscription = events[0]["data"]["object"]["id"]
    events += fake.renew(subscription)
    copies = 4
    deliveries = [event for event in events for _ in range(copies)]
    barrier = threading.Barrier(len(deliveries))

    def post(event):
        barrier.wait(60)
        return event["id"], event["type"], *_post(url, event)

    with ThreadPoolExecutor(len(deliveries)) as pool:
        answers = list(pool.map(post, deliveries))
    wait_for(lambda: _figures(stack, donation_id, monthly)["receipts_sent"] >= 2, 60, "the receipts")
    wait_for(lambda: _settled(stack), 60, "every email to be settled")
    figures = _figures(stack, donation_id, monthly)
    statuses = Counter(status for _, _, status, _ in answers)
    acted_on = Counter((kind, event_id) for event_id, kind, _, outcome in answers if outcome != "duplicate")
    report(
        f"{len(events)} events of one monthly gift, {copies} copies each, all posted at once",
        posts=len(answers),
        statuses=dict(statuses),
        failures=[(kind, status, outcome) for _, kind, status, outcome in answers if status != 200],
        posts_acted_on_per_event=[f"{kind} {event_id[-6:]}: {n}" for (kind, event_id), n in acted_on.items()],
        **figures,
    )
    assert set(statuses) == {200}, answers
    assert len(acted_on) == len(events) and set(acted_on.values()) == {1}, acted_on
    assert figures == {
        "donation_state": "completed",
        "payments": [(PaymentState.PAID, 1000), (PaymentState.PAID, 1000)],
        "receipts_queued": 2,
        "receipts_sent": 2,
        "gift_aid_declarations": 1,
    }
