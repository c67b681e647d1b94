"""Complaints that take a published story down: instant for a new text, limited per address and per story,
one alert per story, "reviewed, can stay published", and a second person to take reviewed text down."""

import re
import secrets

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Role, Story, StoryComplaint
from campaign.services.errors import PermissionDenied
from campaign.services.stories import complaints, moderation
from tests.conftest import FormClient
from tests.factories import make_user
from tests.functional.test_stories import _events, _published, _story

TAKEDOWN = {"category": "identifies", "details": "I know this family."}
SENT = "What happens next"


@pytest.fixture
def mail(outbox, run_jobs):
    def read(to):
        run_jobs()
        return outbox(to)

    return read


def _bare_published(app, count=1) -> list[str]:
    """Published stories made directly, for tests of the complaint path alone (not of publishing)."""
    with app.app_context():
        slugs = []
        for _ in range(count):
            ref = secrets.token_hex(8)
            story = Story(
                ref=ref,
                slug=f"story-{ref}",
                title=f"Story {ref}",
                pen_name="Anna",
                body="Words.",
                state="published",
            )
            db.session.add(story)
            slugs.append(story.slug)
        db.session.commit()
        return slugs


def _state(app, slug) -> str:
    with app.app_context():
        return db.session.scalar(select(Story.state).where(Story.slug == slug))


def _outcomes(app, slug) -> list[str]:
    with app.app_context():
        return list(
            db.session.scalars(
                select(StoryComplaint.outcome)
                .join(Story, Story.id == StoryComplaint.story_id)
                .where(Story.slug == slug)
                .order_by(StoryComplaint.id)
            )
        )


def _complain(app, slug, address="203.0.113.9", data=TAKEDOWN, client=None):
    client = client or FormClient(app.test_client())
    return client.submit(f"/stories/{slug}/concern", data, environ_base={"REMOTE_ADDR": address})


def _staff(app):
    with app.app_context():
        return (
            make_user(role=Role.ORGANISER, email="organiser@example.org").email,
            make_user(role=Role.MODERATOR, email="moderator@example.org").email,
            make_user(role=Role.MEMBER, email="member@example.org").email,
        )


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))


# Per address and per story


def test_one_address_takes_down_three_stories_an_hour_then_its_complaints_wait_for_a_person(app, mail):
    organiser, _moderator, _member = _staff(app)
    slugs = _bare_published(app, 4)
    pages = [_complain(app, slug) for slug in slugs]
    assert [p.status_code for p in pages] == [200] * 4
    assert len({_text(p) for p in pages}) == 1 and SENT in pages[0].text  # the same page every time
    assert [_state(app, s) for s in slugs] == ["suspended"] * 3 + ["published"]
    assert _outcomes(app, slugs[3]) == ["held"]
    assert "waits for you" in mail(organiser)[-1].text_body
    assert _complain(app, slugs[3], address="198.51.100.7").status_code == 200  # someone else: down at once
    assert _state(app, slugs[3]) == "suspended"


def test_a_sixth_complaint_in_a_minute_from_one_address_is_refused_with_its_words_kept(app):
    slugs = _bare_published(app, 6)
    for slug in slugs[:5]:
        assert _complain(app, slug, data={"category": "inaccurate", "details": "Wrong."}).status_code == 200
    refused = _complain(app, slugs[5], data={"category": "other", "details": "Please read paragraph two."})
    assert refused.status_code == 429
    assert "has not been sent yet" in refused.text and "Please read paragraph two." in refused.text
    assert re.search(
        r'<input[^>]*checked[^>]*value="other"|<input[^>]*value="other"[^>]*checked', refused.text
    )
    assert _outcomes(app, slugs[5]) == []


def test_one_story_takes_sixty_complaints_an_hour_from_everyone_together(app):
    (slug,) = _bare_published(app)
    client = FormClient(app.test_client())
    token = client.csrf_token(f"/stories/{slug}/concern")
    data = {"csrf_token": token, "category": "inaccurate", "details": "Not fair."}
    for n in range(60):
        response = client.post(
            f"/stories/{slug}/concern", data=data, environ_base={"REMOTE_ADDR": f"10.0.{n}.1"}
        )
        assert response.status_code == 200, n
    refused = client.post(
        f"/stories/{slug}/concern",
        data={**data, "details": "One more thing."},
        environ_base={"REMOTE_ADDR": "10.1.0.1"},
    )
    assert refused.status_code == 429 and "One more thing." in refused.text
    assert len(_outcomes(app, slug)) == 60


def test_without_redis_to_count_them_every_takedown_still_happens(make_app):
    app = make_app(REDIS_URL="redis://127.0.0.1:1/0")
    slugs = _bare_published(app, 4)
    assert [_complain(app, slug).status_code for slug in slugs] == [200] * 4
    assert [_state(app, s) for s in slugs] == ["suspended"] * 4  # a child's safety before the limit


# Alerts


def test_organisers_and_moderators_are_alerted_once_per_story_not_per_complaint(app, mail):
    organiser, moderator, member = _staff(app)
    (slug,) = _bare_published(app)
    for n in range(3):
        _complain(app, slug, address=f"192.0.2.{n}", data={"category": "inaccurate", "details": f"Point {n}"})
    for person in (organiser, moderator):
        alerts = mail(person)
        assert len(alerts) == 1, person
        assert "/stories/moderation/" in alerts[0].text_body and "Point 0" not in alerts[0].text_body
    assert mail(member) == []
    _complain(app, slug, address="192.0.2.50")  # a takedown is news even inside the window
    assert len(mail(organiser)) == 2 and "taken off the site straight away" in mail(organiser)[-1].text_body


# Reviewed, can stay published


def _reviewed(app, client, mail, run_jobs, signed_in):
    story, _link, organiser = _published(app, client, mail, run_jobs, signed_in)
    _complain(app, story.slug)
    assert _state(app, story.slug) == "suspended"
    page = f"/stories/moderation/{story.ref}"
    assert "Reviewed: put it back on the site" in organiser.get(page).text
    empty = organiser.submit(f"{page}/reviewed", {"review-reason": ""}, form_url=page)
    assert empty.status_code == 400 and "Give a reason." in empty.text
    done = organiser.submit(
        f"{page}/reviewed", {"review-reason": "Read it twice: nothing identifying."}, form_url=page
    )
    assert done.status_code == 302
    return _story(app), organiser


def test_marking_a_suspended_story_reviewed_puts_it_back_and_closes_its_complaints(
    app,
    client,
    mail,
    run_jobs,
    signed_in,
):
    story, organiser = _reviewed(app, client, mail, run_jobs, signed_in)
    assert story.state == "published" and story.reviewed_as_fine
    assert FormClient(app.test_client()).get(f"/stories/{story.slug}").status_code == 200
    assert "Open complaints" not in organiser.get(f"/stories/moderation/{story.ref}").text
    action, from_state, to_state, reason, actor_id, _label = _events(app, story.id)[-1]
    assert (action, from_state, to_state, actor_id) == (
        "reviewed",
        "suspended",
        "published",
        organiser.user_id,
    )
    assert "nothing identifying" in reason and story.body not in reason


def test_a_repeat_complaint_about_reviewed_text_is_queued_and_told_not_taken_down(
    app,
    client,
    mail,
    run_jobs,
    signed_in,
):
    story, organiser = _reviewed(app, client, mail, run_jobs, signed_in)
    before = len(mail(organiser.email))
    first = _complain(app, _bare_published(app)[0], address="198.51.100.1")  # a new text, for comparison
    again = _complain(app, story.slug, address="198.51.100.2")
    assert again.status_code == 200 and _text(again) == _text(first)  # the complainant is told the same
    assert _state(app, story.slug) == "published"
    assert _outcomes(app, story.slug)[-1] == "queued"
    alerts = [m for m in mail(organiser.email)[before:] if story.title in m.text_body]
    assert len(alerts) == 1 and "already reviewed" in alerts[0].text_body
    assert "Open complaints (1)" in organiser.get(f"/stories/moderation/{story.ref}").text
    queue = organiser.get("/stories/moderation").text
    assert queue.index("Published, with complaints waiting") < queue.index(story.title)
    assert _events(app, story.id)[-1][0] == "complaint_queued"


def test_the_reviewer_alone_cannot_suspend_reviewed_text_but_a_second_organiser_can(
    app,
    client,
    mail,
    run_jobs,
    signed_in,
):
    story, reviewer = _reviewed(app, client, mail, run_jobs, signed_in)
    _complain(app, story.slug, address="198.51.100.3")
    page = f"/stories/moderation/{story.ref}"
    assert "a second organiser or moderator must suspend it" in reviewer.get(page).text
    token = reviewer.csrf_token(page)
    refused = reviewer.post(
        f"{page}/suspend", data={"csrf_token": token, "suspend-reason": "Second thoughts"}
    )
    assert refused.status_code == 403 and "second organiser" in refused.text
    assert _state(app, story.slug) == "published"
    second = signed_in(Role.ORGANISER, "second-organiser@example.org")
    done = second.submit(f"{page}/suspend", {"suspend-reason": "Agree with the complaint"}, form_url=page)
    assert done.status_code == 302 and _state(app, story.slug) == "suspended"
    action, _f, _t, reason, actor_id, _l = _events(app, story.id)[-1]
    assert (action, actor_id) == ("suspended", second.user_id) and "overrules the review" in reason
    assert not _story(app).reviewed_as_fine


def test_a_new_version_of_reviewed_text_is_taken_down_at_once_again(
    app,
    client,
    mail,
    run_jobs,
    signed_in,
):
    story, _reviewer = _reviewed(app, client, mail, run_jobs, signed_in)
    with app.app_context():  # as if edited, approved again and republished: only the words matter here
        row = db.session.get(Story, story.id)
        row.body, row.text_version = row.body + "\n\nA new paragraph.", row.text_version + 1
        db.session.commit()
    _complain(app, story.slug, address="198.51.100.4")
    assert _state(app, story.slug) == "suspended" and _outcomes(app, story.slug)[-1] == "suspended"


# Permissions and forms


@pytest.mark.parametrize("role", [Role.MEMBER, None])
def test_only_moderators_mark_a_story_reviewed_or_close_complaints(app, signed_in, role):
    (slug,) = _bare_published(app)
    _complain(app, slug)
    with app.app_context():
        story = db.session.scalar(select(Story).where(Story.slug == slug))
        ref = story.ref
        member = make_user(role=Role.MEMBER)
        with pytest.raises(PermissionDenied):
            complaints.mark_reviewed(member, story, "fine")
        with pytest.raises(PermissionDenied):
            complaints.close_complaints(member, story, "fine")
        with pytest.raises(PermissionDenied):
            moderation.suspend(member, story, "no")
    person = signed_in(role)
    token = person.csrf_token("/stories/share")
    response = person.post(
        f"/stories/moderation/{ref}/reviewed", data={"csrf_token": token, "review-reason": "x"}
    )
    assert response.status_code == (403 if role else 302)
    assert _state(app, slug) == "suspended"


def test_a_complaint_without_its_form_token_is_refused_and_its_words_come_back(app):
    (slug,) = _bare_published(app)
    public = FormClient(app.test_client())
    refused = public.post(f"/stories/{slug}/concern", data={**TAKEDOWN, "csrf_token": "forged"})
    assert refused.status_code == 400 and "I know this family." in refused.text
    assert _state(app, slug) == "published" and _outcomes(app, slug) == []
