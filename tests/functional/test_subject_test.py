"""A subject-line test: the sample is split evenly and at random (the same way each time for a campaign),
each half gets its own subject, everyone else waits until the wait is over, then gets the subject with the
higher rate (a tie goes to A), and nobody gets two emails. The clock here is the service's own ``utcnow``,
moved forward by the test."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import (
    BatchState,
    Campaign,
    CampaignBatch,
    CampaignRecipient,
    CampaignState,
    DeliveryEvent,
    Role,
    utcnow,
)
from campaign.services.outreach import audiences, sending, subject_test
from tests.factories import make_petition
from tests.functional.test_link_clicks import BROWSER, _signers

SUBJECT_A = "Families belong together"
SUBJECT_B = "{{ first_name }}, one click for families"
BODY = "Dear {{ first_name }},\n\nPlease [read our letter](https://example.org/letter)."


@pytest.fixture
def clock(monkeypatch):
    """The services' "now", moved by the test: the wait and the link checkers' window both read it."""
    state = {"offset": timedelta(0)}

    def now():
        return utcnow() + state["offset"]

    monkeypatch.setattr("campaign.services.outreach.subject_test.utcnow", now)
    monkeypatch.setattr("campaign.services.outreach.link_clicks.utcnow", now)
    return state


def _campaign(app, organiser, people: int = 40, **fields) -> str:
    with app.app_context():
        petition = make_petition(title="Keep families together")
        _signers(petition.id, people)
        petition_id = petition.id
    data = {
        "subject": SUBJECT_A,
        "subject_b": SUBJECT_B,
        "test_percent": "50",
        "test_wait_hours": "2",
        "test_criterion": "clicks",
        "body": BODY,
        "petitions": str(petition_id),
        **fields,
    }
    response = organiser.submit("/outreach/new", data)
    assert response.status_code == 302, response.text[:2000]
    with app.app_context():
        return db.session.scalar(select(Campaign.ref))


def _start(app, organiser, ref: str, run_jobs) -> None:
    assert organiser.submit(f"/outreach/{ref}/send", {}, form_url=f"/outreach/{ref}").status_code == 302
    run_jobs(app)
    run_jobs(app)


def _dispatch(app, run_jobs) -> None:
    """The scheduler's periodic pass, then the batches it hands out."""
    with app.app_context():
        sending.dispatch()
    run_jobs(app)


def _received(sendgrid) -> list[tuple[str, str]]:
    """(address, subject as that person saw it) for every message SendGrid accepted."""
    out = []
    for body in sendgrid.accepted:
        for p in body["personalizations"]:
            subject = body["subject"]
            for tag, value in p.get("substitutions", {}).items():
                subject = subject.replace(tag, value)
            out.append((p["to"][0]["email"], subject))
    return out


def _click(app, sendgrid, addresses: list[str]) -> None:
    """Each address follows the letter link once, as a person would, an hour after it went."""
    by_address = {}
    for body in sendgrid.accepted:
        for p in body["personalizations"]:
            by_address[p["to"][0]["email"]] = p["substitutions"]["%%click_1%%"]
    visitor = app.test_client()
    for address in addresses:
        response = visitor.get(urlsplit(by_address[address]).path, headers=BROWSER)
        assert response.headers["Location"] == "https://example.org/letter"


def test_the_sample_is_split_evenly_each_half_gets_its_subject_and_the_rest_waits(
    sendgrid_app, sendgrid, signed_in, run_jobs, clock
):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _campaign(sendgrid_app, organiser, people=40, test_percent="30")
    edit = organiser.get(f"/outreach/{ref}/edit").text  # the draft's test is kept for the next edit
    assert f'value="{SUBJECT_B}"' in edit and 'value="30"' in edit and 'value="2"' in edit
    assert "30% of the audience" in organiser.get(f"/outreach/{ref}").text
    _start(sendgrid_app, organiser, ref, run_jobs)

    received = _received(sendgrid)
    # 30% of 40 is 12: six each, and nobody else yet.
    assert len(received) == 12
    assert sum(1 for _a, s in received if s == SUBJECT_A) == 6
    assert sum(1 for _a, s in received if s.endswith(", one click for families")) == 6
    assert len({a for a, _s in received}) == 12  # the two halves do not overlap
    assert all(len(body["personalizations"]) == 6 for body in sendgrid.accepted)  # one subject per request
    with sendgrid_app.app_context():
        campaign = db.session.scalar(select(Campaign))
        assert campaign.state == CampaignState.SENDING  # not finished while the rest waits
        groups = Counter(db.session.scalars(select(CampaignRecipient.test_group)))
        assert groups == {"a": 6, "b": 6, "rest": 28}
        held = db.session.scalars(select(CampaignBatch).where(CampaignBatch.state == BatchState.HELD)).all()
        assert sum(b.size for b in held) == 28
        sample_a = set(
            db.session.scalars(select(CampaignRecipient.email).where(CampaignRecipient.test_group == "a"))
        )
    assert {a for a, s in received if s == SUBJECT_A} == sample_a

    # Before the wait is over, the periodic pass sends nobody else.
    clock["offset"] = timedelta(hours=1, minutes=59)
    _dispatch(sendgrid_app, run_jobs)
    assert len(_received(sendgrid)) == 12
    page = organiser.get(f"/outreach/{ref}").text
    assert "Subject-line test" in page and "28 people waiting" in page


def test_the_sample_is_the_same_each_time_for_a_campaign(sendgrid_app, signed_in, run_jobs):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _campaign(sendgrid_app, organiser, people=30)
    with sendgrid_app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.ref == ref))
        audiences.freeze(campaign.id, campaign.audience)
        db.session.commit()
        draws = []
        for _ in range(2):
            assert subject_test.split(campaign, 1000)
            draws.append(
                sorted(
                    db.session.scalars(
                        select(CampaignRecipient.email).where(CampaignRecipient.test_group == "b")
                    )
                )
            )
            db.session.rollback()
    assert draws[0] == draws[1] and len(draws[0]) == 7  # 50% of 30, halved, rounded down


def test_after_the_wait_the_subject_with_more_clicks_goes_to_everyone_else(
    sendgrid_app, sendgrid, signed_in, run_jobs, clock
):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _campaign(sendgrid_app, organiser, people=40)
    _start(sendgrid_app, organiser, ref, run_jobs)
    with sendgrid_app.app_context():
        samples = {
            g: sorted(
                db.session.scalars(select(CampaignRecipient.email).where(CampaignRecipient.test_group == g))
            )
            for g in ("a", "b")
        }
    assert len(samples["a"]) == len(samples["b"]) == 10
    clock["offset"] = timedelta(hours=1)  # people click an hour after it went
    _click(sendgrid_app, sendgrid, samples["b"][:3] + samples["a"][:1])

    clock["offset"] = timedelta(hours=2, minutes=1)
    _dispatch(sendgrid_app, run_jobs)
    _dispatch(sendgrid_app, run_jobs)  # deciding again changes nothing

    received = _received(sendgrid)
    counts = Counter(a for a, _s in received)
    assert len(counts) == 40 and set(counts.values()) == {1}  # everyone once, nobody twice
    rest = [(a, s) for a, s in received if a not in samples["a"] and a not in samples["b"]]
    assert len(rest) == 20
    assert all(s.endswith(", one click for families") for _a, s in rest)  # B's subject, merged
    with sendgrid_app.app_context():
        campaign = db.session.scalar(select(Campaign))
        assert campaign.test_winner == "b"
        assert "3 of 10 (30.0%)" in campaign.test_reason and "1 of 10 (10.0%)" in campaign.test_reason
        assert campaign.state == CampaignState.FINISHED
    page = organiser.get(f"/outreach/{ref}").text
    assert "Subject B won." in page and "30.0%" in page


def test_a_tie_goes_to_the_first_subject(sendgrid_app, sendgrid, signed_in, run_jobs, clock):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _campaign(sendgrid_app, organiser, people=20)
    _start(sendgrid_app, organiser, ref, run_jobs)
    clock["offset"] = timedelta(hours=3)
    _dispatch(sendgrid_app, run_jobs)
    received = _received(sendgrid)
    assert len(received) == 20 and len({a for a, _s in received}) == 20
    assert sum(1 for _a, s in received if s == SUBJECT_A) == 15  # five in sample A, and the ten left
    with sendgrid_app.app_context():
        campaign = db.session.scalar(select(Campaign))
        assert campaign.test_winner == "a" and campaign.test_reason.startswith("A tie")
    assert "Subject A won." in organiser.get(f"/outreach/{ref}").text


def test_pause_and_cancel_still_work_during_a_test(sendgrid_app, sendgrid, signed_in, run_jobs, clock):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _campaign(sendgrid_app, organiser, people=20)
    _start(sendgrid_app, organiser, ref, run_jobs)
    assert organiser.submit(f"/outreach/{ref}/pause", {}, form_url=f"/outreach/{ref}").status_code == 302
    clock["offset"] = timedelta(hours=3)
    _dispatch(sendgrid_app, run_jobs)
    assert len(_received(sendgrid)) == 10  # decided, but paused: nothing more goes
    assert organiser.submit(f"/outreach/{ref}/cancel", {}, form_url=f"/outreach/{ref}").status_code == 302
    _dispatch(sendgrid_app, run_jobs)
    assert len(_received(sendgrid)) == 10
    with sendgrid_app.app_context():
        states = Counter(db.session.scalars(select(CampaignBatch.state)))
        assert states[BatchState.HELD] == 0 and states[BatchState.PENDING] == 0


def test_cancelling_before_the_wait_cancels_the_waiting_rest(
    sendgrid_app, sendgrid, signed_in, run_jobs, clock
):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _campaign(sendgrid_app, organiser, people=20)
    _start(sendgrid_app, organiser, ref, run_jobs)
    assert organiser.submit(f"/outreach/{ref}/cancel", {}, form_url=f"/outreach/{ref}").status_code == 302
    clock["offset"] = timedelta(hours=3)
    _dispatch(sendgrid_app, run_jobs)
    assert len(_received(sendgrid)) == 10
    with sendgrid_app.app_context():
        campaign = db.session.scalar(select(Campaign))
        assert campaign.test_winner == "" and campaign.state == CampaignState.CANCELLED
        assert not db.session.scalars(
            select(CampaignBatch).where(CampaignBatch.state == BatchState.HELD)
        ).all()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"test_criterion": "opens"},
            "test_criterion",
            "Opens are only counted when tracking is switched on",
        ),
        ({"test_percent": "80"}, "test_percent", "Choose a sample of 10% to 50%"),
        ({"test_wait_hours": ""}, "test_wait_hours", "Choose a wait of 1 to 24 hours"),
        ({"subject_b": SUBJECT_A}, "subject_b", "Write a second subject that differs from the first"),
    ],
)
def test_a_test_that_cannot_work_is_refused_beside_its_field(signed_in, app, fields, field, message):
    with app.app_context():
        petition_id = make_petition(title="Keep families together").id
    organiser = signed_in(Role.ORGANISER)
    data = {
        "subject": SUBJECT_A,
        "subject_b": SUBJECT_B,
        "test_percent": "20",
        "test_wait_hours": "4",
        "test_criterion": "clicks",
        "body": BODY,
        "petitions": str(petition_id),
        **fields,
    }
    response = organiser.submit("/outreach/new", data)
    assert response.status_code == 400
    assert f'id="{field}-error"' in response.text and message in response.text
    typed = fields.get("subject_b", SUBJECT_B)
    assert f'value="{typed}"' in response.text  # what they typed is kept
    with app.app_context():
        assert db.session.scalar(select(Campaign.id)) is None


def test_a_tiny_audience_gets_the_first_subject_and_says_why(sendgrid_app, sendgrid, signed_in, run_jobs):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _campaign(sendgrid_app, organiser, people=3, test_percent="10")
    _start(sendgrid_app, organiser, ref, run_jobs)
    received = _received(sendgrid)
    assert len(received) == 3 and all(s == SUBJECT_A for _a, s in received)
    assert "too few to split" in organiser.get(f"/outreach/{ref}").text


def test_with_tracking_on_the_winner_can_be_picked_by_opens(
    sendgrid_app, sendgrid, signed_in, run_jobs, clock
):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _campaign(sendgrid_app, organiser, people=20, track_engagement="y", test_criterion="opens")
    _start(sendgrid_app, organiser, ref, run_jobs)
    with sendgrid_app.app_context():
        campaign = db.session.scalar(select(Campaign))
        opened = []
        for group, people in (("a", 2), ("b", 1)):
            batch = db.session.scalar(select(CampaignBatch).where(CampaignBatch.test_group == group))
            emails = db.session.scalars(
                select(CampaignRecipient.email_key).where(CampaignRecipient.test_group == group)
            ).all()[:people]
            # Each opened it twice (a second open by the same person adds nothing).
            for i, key in enumerate(emails * 2):
                opened.append(
                    DeliveryEvent(
                        event_id=f"open-{group}-{i}",
                        event="open",
                        email_key=key,
                        campaign_id=campaign.id,
                        batch_id=batch.id,
                    )
                )
        db.session.add_all(opened)
        db.session.commit()
    clock["offset"] = timedelta(hours=2, minutes=1)
    _dispatch(sendgrid_app, run_jobs)
    with sendgrid_app.app_context():
        campaign = db.session.scalar(select(Campaign))
        assert campaign.test_winner == "a"
        assert "people who opened it: 2 of 5 (40.0%) against 1 of 5 (20.0%)" in campaign.test_reason
    received = _received(sendgrid)
    assert len(received) == 20 and sum(1 for _a, s in received if s == SUBJECT_A) == 15
