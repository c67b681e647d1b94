"""Notifications: who is told what, with a link to act, as each person chose (straight away, once a day,
or not at all); never the person whose own action it was."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from campaign import jobs
from campaign.extensions import db
from campaign.models import DigestItem, NotificationPreference, Petition, Role, User, utcnow
from campaign.services.petitions import milestones
from campaign.services.petitions.lifecycle import close_expired_petitions
from tests.conftest import FormClient
from tests.factories import make_petition

NEW = {
    "title": "Fund post-separation support",
    "action": "Fund support for every parent after a child is removed.",
    "background": "Parents are left alone at the worst moment.",
    "details": "",
    "target": "5000",
    "milestones": "1000",
    "duration_days": "91",
}
SLUG = "fund-post-separation-support"
STORY = {
    "title": "We asked for help",
    "body": "We asked for help when things were hard, and social services came instead.",
    "pen_name": "Anna",
    "contact_email": "anna@example.org",
    "proceedings_ongoing": "no",
    "consent": "y",
    "action": "submit",
}


@pytest.fixture
def mail(outbox, run_jobs):
    """Messages to one address, after the worker has sent everything queued."""

    def read(to):
        run_jobs()
        return outbox(to)

    return read


def _link(message, path: str) -> str:
    found = re.search(r"http://localhost(" + re.escape(path) + r"[^\s]*)", message.text_body)
    assert found, f"no {path} link in {message.subject!r}"
    return found.group(1)


def _submitted(member) -> None:
    assert member.submit("/petitions/new", NEW).status_code == 302
    member.submit(f"/petitions/{SLUG}/submit", {}, form_url=f"/petitions/{SLUG}")


def _prefer(app, user_id: int, **choices) -> None:
    with app.app_context():
        for kind, choice in choices.items():
            db.session.add(NotificationPreference(user_id=user_id, kind=kind, choice=choice))
        db.session.commit()


def _subjects(mail, to) -> list[str]:
    return [m.subject for m in mail(to)]


# Work waiting for organisers


def test_a_submitted_petition_tells_each_organiser_with_a_link_to_decide(app, signed_in, mail):
    member = signed_in(Role.MEMBER, "author@example.org")
    organiser = signed_in(Role.ORGANISER, "first@example.org")
    signed_in(Role.ORGANISER, "second@example.org")
    signed_in(Role.MODERATOR, "stories-only@example.org")
    _submitted(member)
    for address in ("first@example.org", "second@example.org"):
        (message,) = mail(address)
        assert message.subject == "Waiting for approval: Fund post-separation support"
        assert "/account/notifications" in message.text_body  # change what we email you about
    assert organiser.get(_link(mail("first@example.org")[0], "/petitions/")).status_code == 200
    assert mail("stories-only@example.org") == []  # moderators do not moderate petitions
    assert mail("author@example.org") == []  # not told of their own action


def test_an_organiser_submitting_their_own_petition_is_not_told_of_it(app, signed_in, mail):
    organiser = signed_in(Role.ORGANISER, "starter@example.org")
    signed_in(Role.ORGANISER, "colleague@example.org")
    _submitted(organiser)
    assert mail("starter@example.org") == []
    assert _subjects(mail, "colleague@example.org") == ["Waiting for approval: Fund post-separation support"]


def test_a_correction_request_tells_the_other_organisers(app, signed_in, mail):
    member = signed_in(Role.MEMBER, "author@example.org")
    signed_in(Role.ORGANISER, "approver@example.org")
    _submitted(member)
    organiser = signed_in(Role.ORGANISER, "decider@example.org")
    organiser.submit(f"/petitions/{SLUG}/moderate", {"decision": "approve"})
    mail("decider@example.org")
    member.submit(
        f"/petitions/{SLUG}/correction",
        {**{k: NEW[k] for k in ("action", "background")}, "title": "Fund support", "reason": "Too long."},
    )
    (message,) = [m for m in mail("decider@example.org") if m.subject.startswith("Correction waiting")]
    assert organiser.get(_link(message, "/petitions/moderation/corrections")).status_code == 200
    assert not [m for m in mail("author@example.org") if m.subject.startswith("Correction waiting")]


def test_a_new_story_and_the_storytellers_approval_tell_moderators(app, client, signed_in, mail):
    moderator = signed_in(Role.MODERATOR, "moderator@example.org")
    member = signed_in(Role.MEMBER, "member@example.org")
    assert client.submit("/stories/share", STORY).status_code == 302
    (message,) = mail("moderator@example.org")
    assert message.subject == "A story is waiting for a moderator"
    assert "Anna" not in message.text_body and "social services" not in message.text_body
    assert moderator.get(_link(message, "/stories/moderation/")).status_code == 200
    assert mail("member@example.org") == [] and member.user_id


def test_an_application_to_join_waits_in_an_organisers_digest(app, client, signed_in, mail):
    organiser = signed_in(Role.ORGANISER, "digest@example.org")
    _prefer(app, organiser.user_id, application_waiting="digest")
    client.submit(
        "/join",
        {
            "kind": "individual",
            "contact_name": "Grace Okafor",
            "email": "grace@example.org",
            "statement": "I want to help.",
            "consent": "y",
        },
    )
    assert mail("digest@example.org") == []
    with app.app_context():
        assert jobs.send_notification_digests() == 1
    (digest,) = mail("digest@example.org")
    assert "Grace Okafor has applied to join the coalition." in digest.text_body
    assert organiser.get(_link(digest, "/members/applications/")).status_code == 200


# About your own petition


def test_the_author_is_told_of_approval_and_the_approver_is_not(app, signed_in, mail):
    member = signed_in(Role.MEMBER, "author@example.org")
    organiser = signed_in(Role.ORGANISER, "approver@example.org")
    _submitted(member)
    mail("approver@example.org")
    organiser.submit(f"/petitions/{SLUG}/moderate", {"decision": "approve"})
    (message,) = mail("author@example.org")
    assert message.subject == "Your petition is open: Fund post-separation support"
    assert FormClient(app.test_client()).get(_link(message, f"/petitions/{SLUG}")).status_code == 200
    assert "/account/notifications" in message.html_body
    assert len(mail("approver@example.org")) == 1  # only "waiting for approval", from before


def test_sent_back_carries_the_note_and_a_link_to_edit(app, signed_in, mail):
    member = signed_in(Role.MEMBER, "author@example.org")
    organiser = signed_in(Role.ORGANISER)
    _submitted(member)
    organiser.submit(f"/petitions/{SLUG}/moderate", {"decision": "changes", "details": "Name the minister."})
    (message,) = mail("author@example.org")
    assert message.subject == "Changes needed: Fund post-separation support"
    assert "Name the minister." in message.text_body
    assert member.get(_link(message, f"/petitions/{SLUG}/edit")).status_code == 200


def test_rejection_gives_the_reason_and_its_wording(app, signed_in, mail):
    member = signed_in(Role.MEMBER, "author@example.org")
    organiser = signed_in(Role.ORGANISER)
    _submitted(member)
    organiser.submit(
        f"/petitions/{SLUG}/moderate",
        {"decision": "reject", "rejection_code": "duplicate", "details": "See the one on legal aid."},
    )
    (message,) = mail("author@example.org")
    assert "Reason: Duplicate." in message.text_body
    assert "There is already a petition asking for the same thing." in message.text_body
    assert "See the one on legal aid." in message.text_body


def test_closing_early_at_the_deadline_and_updates_tell_the_author(app, signed_in, mail):
    member = signed_in(Role.MEMBER, "author@example.org")
    organiser = signed_in(Role.ORGANISER)
    _submitted(member)
    organiser.submit(f"/petitions/{SLUG}/moderate", {"decision": "approve"})
    organiser.submit(f"/petitions/{SLUG}/updates/new", {"title": "Debate scheduled", "body": "On 3 March."})
    organiser.submit(
        f"/petitions/{SLUG}/close",
        {"close-reason": "The review was announced."},
        form_url=f"/petitions/{SLUG}/moderate",
    )
    messages = mail("author@example.org")
    assert [m.subject for m in messages[1:]] == [
        "An update on your petition: Fund post-separation support",
        "Your petition has closed: Fund post-separation support",
    ]
    assert "Debate scheduled" in messages[1].text_body
    assert "The review was announced." in messages[2].text_body

    with app.app_context():
        author = db.session.scalar(select(User).where(User.email == "author@example.org"))
        make_petition(
            title="Ran out of time", created_by_id=author.id, deadline=utcnow() - timedelta(hours=1)
        )
        assert close_expired_petitions() == 1
    assert mail("author@example.org")[-1].subject == "Your petition has closed: Ran out of time"


def test_a_milestone_tells_the_author_and_organisers_once_each(app, signed_in, mail):
    member = signed_in(Role.MEMBER, "author@example.org")
    organiser = signed_in(Role.ORGANISER, "org@example.org")
    _submitted(member)
    organiser.submit(f"/petitions/{SLUG}/moderate", {"decision": "approve"})
    mail("author@example.org")
    with app.app_context():
        petition = db.session.scalar(select(Petition).where(Petition.slug == SLUG))
        petition.signature_count = 1000
        assert milestones.check_milestones(petition) == [1000]
    reached = [m for m in mail("author@example.org") if "reached 1,000" in m.subject]
    assert len(reached) == 1 and f"/petitions/{SLUG}" in reached[0].text_body
    assert len([m for m in mail("org@example.org") if "reached 1,000" in m.subject]) == 1


# Preferences


def test_a_digest_holds_everything_until_the_job_and_is_never_sent_twice(app, signed_in, mail, run_jobs):
    member = signed_in(Role.MEMBER, "author@example.org")
    organiser = signed_in(Role.ORGANISER)
    _prefer(app, member.user_id, petition_approved="digest", petition_update="digest")
    _submitted(member)
    organiser.submit(f"/petitions/{SLUG}/moderate", {"decision": "approve"})
    organiser.submit(f"/petitions/{SLUG}/updates/new", {"title": "Debate scheduled", "body": "Soon."})
    assert mail("author@example.org") == []
    with app.app_context():
        assert jobs.send_notification_digests() == 1
        assert db.session.scalar(select(DigestItem).where(DigestItem.sent_at.is_(None))) is None
    (digest,) = mail("author@example.org")
    assert digest.subject == "Your daily summary: 2 things from the coalition"
    assert "is approved and open for signatures" in digest.text_body
    assert "Debate scheduled" in digest.text_body
    assert member.get(_link(digest, f"/petitions/{SLUG}")).status_code == 200
    assert "/account/notifications" in digest.text_body
    with app.app_context():
        assert jobs.send_notification_digests() == 0
    assert len(mail("author@example.org")) == 1


def test_off_sends_nothing_now_or_in_the_digest(app, signed_in, mail):
    member = signed_in(Role.MEMBER, "author@example.org")
    organiser = signed_in(Role.ORGANISER)
    _prefer(app, member.user_id, petition_approved="off")
    _submitted(member)
    organiser.submit(f"/petitions/{SLUG}/moderate", {"decision": "approve"})
    with app.app_context():
        assert jobs.send_notification_digests() == 0
    assert mail("author@example.org") == []


def test_the_preferences_page_offers_what_the_role_receives_and_saves(app, signed_in):
    member = signed_in(Role.MEMBER)
    page = member.get("/account/notifications")
    assert page.status_code == 200
    assert "Your petition is approved" in page.text and "A petition is waiting for approval" not in page.text
    assert 'href="/account/notifications"' in member.get("/account/").text
    saved = member.submit(
        "/account/notifications",
        {
            "petition_approved": "digest",
            "petition_sent_back": "immediately",
            "petition_rejected": "off",
            "petition_closed": "immediately",
            "petition_milestone": "immediately",
            "petition_update": "immediately",
        },
        follow_redirects=True,
    )
    assert "Saved." in saved.text
    with app.app_context():
        stored = dict(
            db.session.execute(
                select(NotificationPreference.kind, NotificationPreference.choice).where(
                    NotificationPreference.user_id == member.user_id
                )
            ).all()
        )
    assert stored["petition_approved"] == "digest" and stored["petition_rejected"] == "off"
    assert re.search(
        r'value="digest"[^>]*checked|checked[^>]*value="digest"', member.get("/account/notifications").text
    )

    moderator = signed_in(Role.MODERATOR)
    text = moderator.get("/account/notifications").text
    assert "A story is waiting for a moderator" in text and "Your petition is approved" not in text


def test_what_must_be_acted_on_cannot_be_switched_off(app, signed_in):
    member = signed_in(Role.MEMBER)
    page = member.get("/account/notifications").text
    assert 'name="petition_sent_back" type="radio" value="off"' not in page
    refused = member.submit(
        "/account/notifications",
        {
            "petition_approved": "immediately",
            "petition_sent_back": "off",
            "petition_rejected": "off",
            "petition_closed": "off",
            "petition_milestone": "off",
            "petition_update": "off",
        },
    )
    assert refused.status_code == 400
    assert "Not a valid choice" in refused.text and 'href="#petition_sent_back"' in refused.text
    assert "Do not email me about this" in refused.text  # the other kinds still offer it
    with app.app_context():
        assert db.session.scalar(select(NotificationPreference)) is None


def test_a_closed_account_is_not_told(app, signed_in, mail):
    member = signed_in(Role.MEMBER, "author@example.org")
    organiser = signed_in(Role.ORGANISER)
    _submitted(member)
    with app.app_context():
        db.session.get(User, member.user_id).active = False
        db.session.commit()
    organiser.submit(f"/petitions/{SLUG}/moderate", {"decision": "approve"})
    assert mail("author@example.org") == []


def test_the_storytellers_approval_and_change_requests_tell_moderators(
    app, client, signed_in, mail, run_jobs
):
    from tests.functional.test_stories import _through_to_approval  # the story's whole path, as there

    moderator = signed_in(Role.MODERATOR, "moderator@example.org")
    story, link, shown = _through_to_approval(app, client, run_jobs, mail, moderator)
    before = len(mail("moderator@example.org"))
    client.submit(f"{link}/approve", {"shown_hash": shown}, form_url=link)
    (ready,) = mail("moderator@example.org")[before:]
    assert "approved the text of their story: it is ready to publish" in ready.text_body
    assert moderator.get(_link(ready, f"/stories/moderation/{story.ref}")).status_code == 200
