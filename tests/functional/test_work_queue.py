"""What waits for organisers and moderators (counted, oldest first, four-eyes exclusions), where they land
after signing in, and a member's own things with each one's next step."""

from __future__ import annotations

import html
import itertools
import re
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event

from campaign.extensions import db
from campaign.models import (
    Campaign,
    CampaignBatch,
    MembershipApplication,
    Organisation,
    PetitionCorrection,
    Role,
    Story,
    StoryComplaint,
    StoryEvent,
    User,
    utcnow,
)
from campaign.services import work_queue
from campaign.services.petitions.lifecycle import rejection_reasons
from tests.conftest import FormClient
from tests.factories import PASSWORD, make_petition, make_user

_n = itertools.count(1)


def _ago(**delta):
    return utcnow() - timedelta(**delta)


def _story(state: str, age: timedelta, **fields) -> Story:
    n = next(_n)
    values = {"title": f"Story {n}", "pen_name": "A mother", "body": "What happened to us."}
    story = Story(ref=f"wq-story-{n}", state=state, created_at=utcnow() - age, **{**values, **fields})
    db.session.add(story)
    db.session.flush()
    return story


def _application(age: timedelta, state: str = "pending", **fields) -> MembershipApplication:
    n = next(_n)
    values = {
        "kind": "individual",
        "contact_name": f"Applicant {n}",
        "email": f"applicant{n}@example.org",
        "statement": "We want to help.",
        "consent_version": "1",
        "consent_wording": "I agree.",
    }
    application = MembershipApplication(
        ref=f"wq-app-{n}", state=state, created_at=utcnow() - age, **{**values, **fields}
    )
    db.session.add(application)
    return application


def _campaign(reason: str, age: timedelta, uncertain: bool = False) -> Campaign:
    n = next(_n)
    campaign = Campaign(
        ref=f"wq-campaign-{n}",
        subject=f"Update {n}",
        state="paused",
        paused_reason=reason,
        started_at=utcnow() - age - timedelta(hours=1),
    )
    db.session.add(campaign)
    db.session.flush()
    db.session.add(
        CampaignBatch(
            campaign_id=campaign.id,
            number=1,
            first_recipient_id=1,
            last_recipient_id=10,
            size=10,
            state="failed" if uncertain else "accepted",
            last_error="outcome unknown: the worker stopped" if uncertain else "",
            claimed_at=utcnow() - age,
        )
    )
    return campaign


def _correction(petition_id: int, requested_by_id: int | None, age: timedelta) -> None:
    db.session.add(
        PetitionCorrection(
            petition_id=petition_id,
            requested_by_id=requested_by_id,
            changes={"title": "Better words"},
            reason="A typo",
            created_at=utcnow() - age,
        )
    )


def _redacted(story: Story, user_id: int) -> None:
    db.session.add(StoryEvent(story_id=story.id, actor_id=user_id, action="redacted", at=utcnow()))


def _everything(organiser_id: int, moderator_id: int) -> None:
    """One of each kind of waiting work, of known ages, with four-eyes exclusions for both people."""
    make_petition(state="submitted", submitted_at=_ago(days=5))
    make_petition(state="submitted", submitted_at=_ago(hours=3))
    make_petition(state="submitted", submitted_at=_ago(days=9), created_by_id=organiser_id)  # theirs
    make_petition(state="draft")  # not submitted: waits for nobody
    open_petition = make_petition(state="open")
    _correction(open_petition.id, None, timedelta(days=2))
    _correction(open_petition.id, organiser_id, timedelta(days=20))  # they asked: someone else decides

    _story("in_review", timedelta(days=4))
    _story("in_review", timedelta(days=1))
    # Sent in long ago, but it moved into "changes requested" 30 hours ago: that is how long it has waited.
    changed = _story("changes_requested", timedelta(days=12))
    db.session.add(
        StoryEvent(
            story_id=changed.id, action="changes_requested", to_state="changes_requested", at=_ago(hours=30)
        )
    )
    _story("approved", timedelta(days=6))
    _redacted(_story("approved", timedelta(days=8)), organiser_id)  # the organiser redacted it
    _redacted(_story("approved", timedelta(days=7)), moderator_id)  # the moderator redacted it
    _story("suspended", timedelta(days=3))
    _story("awaiting_approval", timedelta(days=40))  # with its storyteller
    _story("submitted", timedelta(days=40))  # with the automatic check
    _story("rejected", timedelta(days=40))
    complained = _story("published", timedelta(days=60))
    db.session.add(StoryComplaint(story_id=complained.id, category="inaccurate", created_at=_ago(hours=10)))
    db.session.add(StoryComplaint(story_id=complained.id, category="other", created_at=_ago(hours=2)))
    handled = _story("published", timedelta(days=60))
    db.session.add(
        StoryComplaint(
            story_id=handled.id, category="other", created_at=_ago(days=50), handled_at=_ago(days=49)
        )
    )
    # Kept up after a review by the moderator: further complaints wait for a second person.
    reviewed = _story("published", timedelta(days=60), reviewed_hash="x" * 64, reviewed_by_id=moderator_id)
    db.session.add(StoryComplaint(story_id=reviewed.id, category="identifies", created_at=_ago(days=11)))

    _application(timedelta(days=10))
    _application(timedelta(hours=5))
    _application(timedelta(days=30), state="declined")

    _campaign("Paused automatically: 3 batches could not be sent. SendGrid said: no", timedelta(hours=20))
    _campaign("", timedelta(days=15), uncertain=True)
    _campaign("Paused by an organiser", timedelta(days=25))  # their own choice: waits for nobody
    db.session.commit()


def _kinds(rows) -> list[tuple[str, int]]:
    return [(w.kind, w.count) for w in rows]


def _people(app):
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER)
        moderator = make_user(role=Role.MODERATOR)
        admin = make_user(role=Role.ADMIN)
        member = make_user(role=Role.MEMBER)
        _everything(organiser.id, moderator.id)
        return organiser.id, moderator.id, admin.id, member.id


def test_each_role_gets_exact_counts_oldest_first_without_what_four_eyes_keeps_from_them(app):
    organiser_id, moderator_id, admin_id, member_id = _people(app)
    with app.app_context():
        organiser, moderator, admin, member = (
            db.session.get(User, i) for i in (organiser_id, moderator_id, admin_id, member_id)
        )
        assert _kinds(work_queue.waiting_for(organiser)) == [
            ("campaigns", 2),  # self-paused (20 hours) and uncertain (15 days); not the manual pause
            ("story_complaints", 2),  # 11 days (the review was the moderator's, not theirs)
            ("applications", 2),  # 10 days
            ("stories_approved", 2),  # 7 days: the one they redacted (8 days) is not theirs to publish
            ("petitions", 2),  # 5 days: their own (9 days) waits for another organiser
            ("stories_in_review", 2),  # 4 days
            ("stories_suspended", 1),  # 3 days
            ("corrections", 1),  # 2 days: their own request (20 days) is someone else's to decide
            ("stories_changes_requested", 1),  # 30 hours, from the audit log, not when it was sent in
        ]
        waited = {w.kind: w.waited() for w in work_queue.waiting_for(organiser)}
        assert waited["applications"] == "10 days"
        assert waited["stories_changes_requested"] == "1 day"
        assert waited["campaigns"] == "2 weeks"

        # A moderator: stories only. Not the approved one they redacted, nor complaints about the text
        # they marked as reviewed.
        assert _kinds(work_queue.waiting_for(moderator)) == [
            ("stories_approved", 2),  # 8 days (the organiser's redaction does not stop the moderator)
            ("stories_in_review", 2),
            ("stories_suspended", 1),
            ("stories_changes_requested", 1),
            ("story_complaints", 1),  # 10 hours: the oldest open complaint not about their review
        ]
        # An admin may do everything, and has redacted nothing and asked for nothing.
        assert _kinds(work_queue.waiting_for(admin)) == [
            ("corrections", 2),
            ("campaigns", 2),
            ("story_complaints", 2),
            ("applications", 2),
            ("petitions", 3),
            ("stories_approved", 3),
            ("stories_in_review", 2),
            ("stories_suspended", 1),
            ("stories_changes_requested", 1),
        ]
        assert work_queue.waiting_for(member) == []
        assert not work_queue.may_have_work(member)
        assert all(work_queue.may_have_work(u) for u in (organiser, moderator, admin))


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def _waiting_rows(page: str) -> list[tuple[str, str, str]]:
    table = page.split('class="table table-stack waiting-table"')[1].split("</table>")[0]
    rows = re.findall(r"<tr id=\"waiting-[a-z_]+\">(.*?)</tr>", table, re.S)
    return [
        tuple(_text(cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)) for row in rows
    ]


def test_an_organiser_lands_on_the_counts_after_signing_in(app, client):
    organiser_id, *_ = _people(app)
    with app.app_context():
        email = db.session.get(User, organiser_id).email
    response = client.sign_in(email, PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/account/"
    page = client.get("/account/").text
    assert "Waiting for you" in page
    rows = _waiting_rows(page)
    assert rows[0] == ("Email updates that paused themselves", "2", "2 weeks")
    assert rows[2] == ("Applications to join the coalition", "2", "10 days")
    assert rows[4] == ("Petitions submitted for checking", "2", "5 days")
    assert [r[0] for r in rows][-1] == "Stories whose storytellers asked for changes"
    assert len(rows) == 9
    assert 'href="/petitions/moderation"' in page and 'href="/members/applications"' in page


def test_a_safe_next_still_wins_and_an_unsafe_one_is_ignored(app):
    with app.app_context():
        email = make_user(role=Role.ORGANISER).email
    browser = FormClient(app.test_client())
    token = browser.csrf_token("/sign-in")
    response = browser.post(
        "/sign-in?next=/petitions/moderation",
        data={"csrf_token": token, "email": email, "password": PASSWORD},
    )
    assert response.headers["Location"] == "/petitions/moderation"
    other = FormClient(app.test_client())
    token = other.csrf_token("/sign-in")
    response = other.post(
        "/sign-in?next=//evil.example/x", data={"csrf_token": token, "email": email, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/account/"


def test_nothing_waiting_says_so_and_a_member_sees_no_work_section(signed_in):
    organiser = signed_in(Role.ORGANISER)
    page = organiser.get("/account/").text
    assert "Nothing is waiting for you." in page and "waiting-table" not in page
    member = signed_in(Role.MEMBER)
    page = member.get("/account/").text
    assert "Waiting for you" not in page and "Nothing is waiting" not in page
    assert "Your petitions, stories and organisation" not in page  # nothing of their own yet


def test_a_member_sees_each_petition_with_its_next_step(app, signed_in):
    with app.app_context():
        organisation = Organisation(slug="mothers-together", name="Mothers Together")
        db.session.add(organisation)
        db.session.commit()
        org_id = organisation.id
    member = signed_in(Role.MEMBER, organisation_id=org_id)
    with app.app_context():
        rejection_reasons()
        mine = {"created_by_id": member.user_id}
        made = {
            "draft": make_petition(state="draft", title="A draft", **mine),
            "sent back": make_petition(
                state="draft", title="Sent back one", moderation_note="Say what", **mine
            ),
            "submitted": make_petition(state="submitted", title="Submitted one", **mine),
            "open": make_petition(state="open", title="Open one", signature_count=1234, **mine),
            "closed": make_petition(
                state="closed", title="Closed one", signature_count=12, target=500, **mine
            ),
            "rejected": make_petition(
                state="rejected", title="Rejected one", rejection_code="duplicate", **mine
            ),
            "hidden": make_petition(state="hidden", title="Hidden one", **mine),
            "org": make_petition(state="draft", title="The organisation's", owner_organisation_id=org_id),
        }
        make_petition(state="open", title="Someone else's")
        slugs = {k: p.slug for k, p in made.items()}
    page = member.get("/account/").text
    text = _text(page)
    expected = [
        ("A draft", "Draft", "Submit it for checking", f"/petitions/{slugs['draft']}"),
        ("Sent back one", "Sent back", "Read the note and edit it", f"/petitions/{slugs['sent back']}/edit"),
        (
            "Submitted one",
            "Submitted",
            "Waiting for an organiser to check it",
            f"/petitions/{slugs['submitted']}",
        ),
        ("Open one", "Open", "1,234 of 10,000 signatures: share it", f"/petitions/{slugs['open']}"),
        ("Closed one", "Closed", "Closed with 12 of 500 signatures", f"/petitions/{slugs['closed']}"),
        ("Rejected one", "Rejected", "Not published: duplicate", f"/petitions/{slugs['rejected']}"),
        ("The organisation's", "Draft", "Submit it for checking", f"/petitions/{slugs['org']}"),
    ]
    for title, state, step, href in expected:
        assert f"{title} {state} {step}" in text, title
        assert f'<a href="{href}">{step}</a>' in page, title
    assert "Hidden one Hidden Hidden by an organiser: ask them why" in text
    assert "Someone else's" not in text
    assert "Mothers Together : Member of the coalition." in text
    assert 'href="/members/organisations/mothers-together"' in page


def test_stories_sent_from_the_accounts_address_are_listed_with_a_link_to_approve(app, signed_in):
    member = signed_in(Role.MEMBER, email="teller@example.org")
    with app.app_context():
        _story("awaiting_approval", timedelta(days=1), title="Our story", contact_email="Teller@Example.org")
        _story("approved", timedelta(days=2), title="Our first story", contact_email="teller@example.org")
        _story("awaiting_approval", timedelta(days=1), title="Not theirs", contact_email="other@example.org")
        db.session.commit()
    page = member.get("/account/").text
    text = _text(page)
    assert "Stories sent from teller@example.org" in text
    assert "these are the ones sent in from your address" in text
    assert "Our story With you Your story is waiting for you to approve the redacted text" in text
    assert "Our first story Approved by you Waiting for a second moderator to publish it" in text
    assert "Not theirs" not in text
    link = re.search(r'<a href="(/stories/yours/[^"]+)">Your story is waiting', page).group(1)
    assert "Our story" in member.get(link).text


@contextmanager
def _statements(app):
    seen: list[str] = []

    def count(conn, cursor, statement, *args):
        seen.append(statement)

    with app.app_context():
        engine = db.session.get_bind()
        event.listen(engine, "before_cursor_execute", count)
        try:
            yield seen
        finally:
            event.remove(engine, "before_cursor_execute", count)


def _queries_for(app, admin_id: int, member_id: int) -> tuple[int, int, int]:
    with app.app_context():
        admin, member = db.session.get(User, admin_id), db.session.get(User, member_id)
        with _statements(app) as seen:
            found = work_queue.waiting_for(admin)
            mine = work_queue.my_things(member)
        return len(seen), sum(w.count for w in found), len(mine.petitions) + len(mine.stories)


def _more_of_everything(admin_id: int, member_id: int, member_email: str) -> None:
    _everything(admin_id, admin_id)
    for state in ("draft", "open", "rejected", "closed"):
        make_petition(state=state, created_by_id=member_id, rejection_code="duplicate")
    for state in ("awaiting_approval", "published", "in_review"):
        _story(state, timedelta(days=1), contact_email=member_email)
    db.session.commit()


def test_the_number_of_queries_does_not_grow_with_the_number_of_things_waiting(app):
    with app.app_context():
        rejection_reasons()
        admin = make_user(role=Role.ADMIN)
        member = make_user(role=Role.MEMBER)
        ids = admin.id, member.id, member.email
        _more_of_everything(*ids)
    few_queries, few_waiting, few_mine = _queries_for(app, *ids[:2])
    with app.app_context():
        for _ in range(3):
            _more_of_everything(*ids)
    many_queries, many_waiting, many_mine = _queries_for(app, *ids[:2])
    assert many_waiting == 4 * few_waiting and many_mine == 4 * few_mine
    assert many_queries == few_queries


def test_waiting_time_in_plain_words():
    words = work_queue.waited_words
    assert words(timedelta(minutes=59)) == "under an hour"
    assert words(timedelta(hours=1)) == "1 hour"
    assert words(timedelta(hours=23, minutes=59)) == "23 hours"
    assert words(timedelta(days=1)) == "1 day"
    assert words(timedelta(days=13)) == "13 days"
    assert words(timedelta(days=15)) == "2 weeks"


def test_an_application_waiting_for_the_account_holder_is_listed_while_its_link_lasts(app, signed_in):
    member = signed_in(Role.MEMBER, email="holder@example.org")
    with app.app_context():
        _application(
            timedelta(days=2),
            state="awaiting_holder",
            kind="organisation",
            organisation_name="Kinship Carers Together",
            email="holder@example.org",
            account_holder_id=member.user_id,
            decided_at=_ago(days=1),
        )
        _application(
            timedelta(days=30),
            state="awaiting_holder",
            kind="organisation",
            organisation_name="An old application",
            email="holder@example.org",
            account_holder_id=member.user_id,
            decided_at=_ago(days=20),  # its link has expired: they apply again
        )
        db.session.commit()
    page = member.get("/account/").text
    text = _text(page)
    assert "Kinship Carers Together Approved Confirm that you made this application, or decline it" in text
    assert "An old application" not in text
    link = re.search(r'<a href="(/join/confirm/[^"]+)">Confirm that you made', page).group(1)
    assert "Kinship Carers Together" in member.get(link).text
