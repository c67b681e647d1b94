"""SendGrid's Event Webhook: signed posts stored once, processed into suppressions, campaign figures, batch
reconciliation and a complaint warning; transactional mail skips hard-bounced addresses."""

import base64
import itertools
import json
import time
import uuid

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import func, select

from campaign import ConfigError
from campaign.extensions import db
from campaign.models import (
    BatchState,
    Campaign,
    CampaignBatch,
    DeliveryEvent,
    Email,
    EmailState,
    Role,
    Suppression,
    SuppressionReason,
)
from campaign.services.emails import queue_email
from campaign.services.outreach.delivery_events import sweep_delivery_events
from tests.factories import make_user

URL = "/webhooks/sendgrid"
_refs = itertools.count(1)


def _new_key():
    return ec.generate_private_key(ec.SECP256R1())


def _public_b64(private_key) -> str:
    """The key as SendGrid's settings page shows it: base64 of the DER SubjectPublicKeyInfo."""
    der = private_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(der).decode()


def _sign(private_key, timestamp: str, body: bytes) -> str:
    return base64.b64encode(private_key.sign(timestamp.encode() + body, ec.ECDSA(hashes.SHA256()))).decode()


@pytest.fixture(scope="module")
def signing_key():
    return _new_key()


@pytest.fixture
def app(make_app, signing_key):
    return make_app(SENDGRID_WEBHOOK_PUBLIC_KEY=_public_b64(signing_key))


def event(kind: str, email: str = "ann@example.org", campaign_id=None, batch_id=None, **extra) -> dict:
    data = {
        "email": email,
        "event": kind,
        "timestamp": int(time.time()),
        "sg_event_id": uuid.uuid4().hex,
        "sg_message_id": "msg.1",
        **extra,
    }
    if campaign_id is not None:
        data["campaign_id"] = str(campaign_id)  # custom args arrive as strings at the top level
    if batch_id is not None:
        data["batch_id"] = str(batch_id)
    return data


def post(client, events, key, *, timestamp=None, body=None, headers=None):
    body = json.dumps(events).encode() if body is None else body
    timestamp = str(int(time.time())) if timestamp is None else timestamp
    sent = {
        "X-Twilio-Email-Event-Webhook-Signature": _sign(key, timestamp, body),
        "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
        "Content-Type": "application/json",
    }
    sent.update(headers or {})
    return client.post(URL, data=body, headers={k: v for k, v in sent.items() if v is not None})


def make_campaign(app, **fields) -> int:
    with app.app_context():
        campaign = Campaign(
            ref=f"c{next(_refs)}-{uuid.uuid4().hex[:8]}", subject="Write to your MP", **fields
        )
        db.session.add(campaign)
        db.session.commit()
        return campaign.id


def make_batch(app, campaign_id: int, state: str, size: int = 250) -> int:
    with app.app_context():
        batch = CampaignBatch(
            campaign_id=campaign_id,
            number=1,
            first_recipient_id=1,
            last_recipient_id=size,
            size=size,
            state=state,
        )
        db.session.add(batch)
        db.session.commit()
        return batch.id


def figures(app, campaign_id: int) -> dict:
    with app.app_context():
        c = db.session.get(Campaign, campaign_id)
        return {
            name: getattr(c, name)
            for name in (
                "accepted",
                "delivered",
                "bounced",
                "complained",
                "unsubscribed",
                "opened",
                "clicked",
            )
        }


def stored_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(DeliveryEvent.id)))


def suppression(app, key: str):
    with app.app_context():
        row = db.session.scalar(select(Suppression).where(Suppression.email_key == key))
        return row.reason if row else None


def test_a_signed_post_is_stored_then_processed_by_the_job(app, client, signing_key, run_jobs):
    campaign_id = make_campaign(app)
    response = post(client, [event("delivered", campaign_id=campaign_id, batch_id=7)], signing_key)
    assert response.status_code == 200
    assert response.json == {"stored": 1}
    with app.app_context():
        stored = db.session.scalar(select(DeliveryEvent))
        assert stored.processed_at is None
        assert (stored.event, stored.email_key, stored.campaign_id, stored.batch_id) == (
            "delivered",
            "ann@example.org",
            campaign_id,
            7,
        )
    assert figures(app, campaign_id)["delivered"] == 0  # nothing counted in the request

    run_jobs()
    assert figures(app, campaign_id)["delivered"] == 1
    with app.app_context():
        assert db.session.scalar(select(DeliveryEvent)).processed_at is not None


@pytest.mark.parametrize(
    "case",
    [
        "other key",
        "tampered body",
        "tampered timestamp",
        "no signature",
        "no timestamp",
        "stale",
        "future",
        "signature not base64",
        "timestamp not a number",
    ],
)
def test_unverifiable_posts_are_refused_and_nothing_is_stored(app, client, signing_key, case):
    events = [event("bounce", email="victim@example.org", type="bounce")]
    body = json.dumps(events).encode()
    now = int(time.time())
    kwargs = {}
    if case == "other key":
        kwargs = {"body": body, "key": _new_key()}
    elif case == "tampered body":
        signed = _sign(signing_key, str(now), body)
        kwargs = {
            "body": body.replace(b"bounce", b"spamreport", 1),
            "headers": {"X-Twilio-Email-Event-Webhook-Signature": signed},
        }
    elif case == "tampered timestamp":
        signed = _sign(signing_key, str(now - 5), body)
        kwargs = {
            "body": body,
            "timestamp": str(now),
            "headers": {"X-Twilio-Email-Event-Webhook-Signature": signed},
        }
    elif case == "no signature":
        kwargs = {"headers": {"X-Twilio-Email-Event-Webhook-Signature": None}}
    elif case == "no timestamp":
        kwargs = {"headers": {"X-Twilio-Email-Event-Webhook-Timestamp": None}}
    elif case == "stale":
        kwargs = {"timestamp": str(now - 601)}
    elif case == "future":
        kwargs = {"timestamp": str(now + 120)}
    elif case == "signature not base64":
        kwargs = {"headers": {"X-Twilio-Email-Event-Webhook-Signature": "not*base64!"}}
    elif case == "timestamp not a number":
        kwargs = {"timestamp": "yesterday"}
    key = kwargs.pop("key", signing_key)
    response = post(client, events, key, **kwargs)
    assert response.status_code == 403
    assert response.is_json and response.json["status"] == 403
    assert stored_count(app) == 0
    assert suppression(app, "victim@example.org") is None


def test_a_post_within_the_replay_window_and_slight_clock_skew_is_accepted(app, client, signing_key):
    now = int(time.time())
    assert post(client, [event("delivered")], signing_key, timestamp=str(now - 590)).status_code == 200
    assert post(client, [event("delivered")], signing_key, timestamp=str(now + 30)).status_code == 200
    assert stored_count(app) == 2


def test_with_no_key_configured_every_post_is_refused(make_app, signing_key):
    app = make_app()
    response = post(app.test_client(), [event("delivered")], signing_key)
    assert response.status_code == 403
    assert "not configured" in response.json["error"]
    assert stored_count(app) == 0


def test_a_malformed_key_stops_start_up_naming_the_setting(make_app):
    with pytest.raises(ConfigError, match="SENDGRID_WEBHOOK_PUBLIC_KEY"):
        make_app(SENDGRID_WEBHOOK_PUBLIC_KEY="bm90IGEga2V5")


@pytest.mark.parametrize("body", [b"{not json", b'{"event": "delivered"}', b""])
def test_a_signed_but_malformed_body_gets_400_json(app, client, signing_key, body):
    response = post(client, None, signing_key, body=body)
    assert response.status_code == 400
    assert response.is_json
    assert stored_count(app) == 0


def test_an_oversized_body_gets_413_json_and_other_methods_405_json(client, signing_key):
    response = post(client, None, signing_key, body=b"[" + b" " * (1024 * 1024 + 10) + b"]")
    assert response.status_code == 413 and response.is_json
    response = client.get(URL)
    assert response.status_code == 405 and response.is_json


def test_a_repeated_post_is_stored_once_and_counted_once(app, client, signing_key, run_jobs):
    campaign_id = make_campaign(app)
    events = [event("delivered", email=f"p{i}@example.org", campaign_id=campaign_id) for i in range(3)]
    assert post(client, events, signing_key).json == {"stored": 3}
    run_jobs()
    assert post(client, events, signing_key).json == {"stored": 0}
    assert post(client, events + events[:1], signing_key).json == {"stored": 0}
    run_jobs()
    assert stored_count(app) == 3
    assert figures(app, campaign_id)["delivered"] == 3


def test_undeliverable_events_suppress_the_address_but_a_soft_block_does_not(
    app, client, signing_key, run_jobs
):
    post(
        client,
        [
            event("bounce", email="Hard@Example.org", type="bounce", status="5.1.1", reason="no such user"),
            event("dropped", email="dropped@example.org", reason="Bounced Address"),
            event("spamreport", email="angry+news@example.org"),
            event("bounce", email="soft@example.org", type="blocked", reason="IP listed"),
            event("deferred", email="later@example.org"),
        ],
        signing_key,
    )
    run_jobs()
    assert suppression(app, "hard@example.org") == SuppressionReason.BOUNCED
    assert suppression(app, "dropped@example.org") == SuppressionReason.DROPPED
    assert suppression(app, "angry@example.org") == SuppressionReason.SPAM  # the normalised address
    assert suppression(app, "soft@example.org") is None
    assert suppression(app, "later@example.org") is None
    with app.app_context():
        detail = db.session.scalar(
            select(Suppression.detail).where(Suppression.email_key == "hard@example.org")
        )
    assert "no such user" in detail


def test_unsubscribes_suppress_and_never_downgrade_an_undeliverable_reason(
    app, client, signing_key, run_jobs
):
    with app.app_context():
        db.session.add(Suppression(email_key="blocked@example.org", reason=SuppressionReason.BLOCKED))
        db.session.commit()
    post(
        client,
        [
            event("unsubscribe", email="leaver@example.org"),
            event("group_unsubscribe", email="group@example.org"),
            event("unsubscribe", email="later-bounced@example.org"),
            event("bounce", email="bounced-first@example.org", type="bounce"),
            event("bounce", email="blocked@example.org", type="bounce"),
        ],
        signing_key,
    )
    run_jobs()
    post(
        client,
        [
            event("bounce", email="later-bounced@example.org", type="bounce"),
            event("unsubscribe", email="bounced-first@example.org"),
        ],
        signing_key,
    )
    run_jobs()
    assert suppression(app, "leaver@example.org") == SuppressionReason.UNSUBSCRIBED
    assert suppression(app, "group@example.org") == SuppressionReason.UNSUBSCRIBED
    assert suppression(app, "later-bounced@example.org") == SuppressionReason.BOUNCED  # upgraded
    assert suppression(app, "bounced-first@example.org") == SuppressionReason.BOUNCED  # not downgraded
    assert suppression(app, "blocked@example.org") == SuppressionReason.BLOCKED  # an organiser's block stays


def test_campaign_figures_count_each_recipient_once(app, client, signing_key, run_jobs):
    campaign_id = make_campaign(app)
    other_id = make_campaign(app)
    c = campaign_id
    post(
        client,
        [
            event("delivered", "a@example.org", c),
            event("delivered", "b@example.org", c),
            event("open", "a@example.org", c),
            event("open", "a@example.org", c),
            event("open", "A+x@example.org", c),
            event("open", "b@example.org", c),
            event("click", "a@example.org", c, url="https://example.org/1"),
            event("click", "a@example.org", c, url="https://example.org/2"),
            event("bounce", "c@example.org", c, type="bounce"),
            event("dropped", "d@example.org", c),
            event("spamreport", "e@example.org", c),
            event("unsubscribe", "f@example.org", c),
            event("open", "a@example.org", other_id),
            event("open", "z@example.org"),  # transactional mail: no campaign
        ],
        signing_key,
    )
    run_jobs()
    # A later post with more opens and clicks by the same people adds nothing; a new person adds one.
    post(
        client,
        [
            event("open", "a@example.org", c),
            event("click", "a@example.org", c),
            event("click", "b@example.org", c),
        ],
        signing_key,
    )
    run_jobs()
    assert figures(app, campaign_id) == {
        "accepted": 0,
        "delivered": 2,
        "bounced": 2,
        "complained": 1,
        "unsubscribed": 1,
        "opened": 2,
        "clicked": 2,
    }
    assert figures(app, other_id)["opened"] == 1


def test_a_processed_event_reconciles_a_batch_left_sending(app, client, signing_key, run_jobs):
    campaign_id = make_campaign(app, accepted=100)
    sending = make_batch(app, campaign_id, BatchState.SENDING, size=250)
    accepted = make_batch(app, campaign_id, BatchState.ACCEPTED, size=100)
    pending = make_batch(app, campaign_id, BatchState.PENDING, size=40)
    events = [
        event("processed", f"r{i}@example.org", campaign_id, batch_id)
        for batch_id in (sending, accepted, pending)
        for i in range(3)
    ]
    post(client, events[:5], signing_key)
    run_jobs()
    post(client, events[5:], signing_key)
    run_jobs()
    with app.app_context():
        states = {b.id: b.state for b in db.session.scalars(select(CampaignBatch))}
        assert db.session.get(CampaignBatch, sending).sent_at is not None
    assert states == {
        sending: BatchState.ACCEPTED,
        accepted: BatchState.ACCEPTED,
        pending: BatchState.PENDING,
    }
    assert figures(app, campaign_id)["accepted"] == 350  # the sending batch's size, added once


def test_a_complaint_rate_over_a_tenth_of_a_percent_warns_the_creator_and_staff_once(
    app, client, signing_key, run_jobs, outbox
):
    with app.app_context():
        creator = make_user(Role.MEMBER, email="creator@example.org", name="Cat")
        make_user(Role.ADMIN, email="admin@example.org", name="Ada")
        make_user(Role.MODERATOR, email="moderator@example.org")
        creator_id = creator.id
    campaign_id = make_campaign(app, accepted=2000, created_by_id=creator_id)

    def complaints(n):
        post(
            client,
            [event("spamreport", f"{uuid.uuid4().hex[:8]}@example.org", campaign_id) for _ in range(n)],
            signing_key,
        )
        run_jobs()

    complaints(2)  # 2 / 2000 = 0.1%: not over
    assert outbox() == []
    complaints(1)  # 3 / 2000 = 0.15%
    warnings = outbox()
    assert sorted(m.to_address for m in warnings) == ["admin@example.org", "creator@example.org"]
    assert "0.15%" in warnings[0].text_body and "Pause the campaign" in warnings[0].text_body
    assert "Write to your MP" in warnings[0].subject
    with app.app_context():
        assert db.session.get(Campaign, campaign_id).complaint_warning_sent
    complaints(5)
    assert len(outbox()) == 2  # once per campaign


def test_transactional_mail_skips_hard_bounced_addresses_but_not_unsubscribed_ones(
    app, client, signing_key, run_jobs, outbox
):
    post(
        client,
        [event("bounce", "gone@example.org", type="bounce"), event("unsubscribe", "quiet@example.org")],
        signing_key,
    )
    run_jobs()
    with app.app_context():
        ids = []
        for to in ("Gone+reset@example.org", "quiet@example.org"):
            ids.append(
                queue_email(
                    "password_reset",
                    to,
                    "Reset your password",
                    name="Someone",
                    link="http://localhost/reset-password/abc",
                    minutes=60,
                ).id
            )
        db.session.commit()
    run_jobs()
    assert [m.to_address for m in outbox()] == ["quiet@example.org"]
    with app.app_context():
        gone, quiet = (db.session.get(Email, i) for i in ids)
        assert gone.state == EmailState.FAILED and gone.last_error.startswith("suppressed:")
        assert quiet.state == EmailState.SENT


def test_the_sweeper_hands_over_events_whose_job_was_lost(app, run_jobs):
    from campaign.jobs import sweep_pending

    with app.app_context():
        db.session.add(
            DeliveryEvent(
                event_id="lost-1", event="bounce", email_key="lost@example.org", payload={"type": "bounce"}
            )
        )
        db.session.commit()  # stored without a job, as when Redis was down
        assert sweep_pending()["delivery_events"] == 1
        assert sweep_delivery_events() == 0  # the job is already waiting
    run_jobs()
    assert suppression(app, "lost@example.org") == SuppressionReason.BOUNCED
    with app.app_context():
        assert sweep_delivery_events() == 0
