"""Merge fields are checked when an update is saved: an unknown field, a filter we do not know or a brace
left open is refused beside its field with the typed text kept, and a field that is empty for someone on
the list needs a fallback, which those people then get."""

import html
import re

import pytest

from campaign.extensions import db
from campaign.models import Role, utcnow
from tests.factories import add_signers, make_petition, make_user


def _signers(petition_id: int, names: list[str]) -> None:
    add_signers(petition_id, prefix="signer", names=names)
    db.session.commit()


def _error(page: str, field: str) -> str:
    found = re.search(rf'<p class="error-message" id="{field}-error">(.*?)</p>', page, re.S)
    assert found, f"no error beside {field}"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


@pytest.fixture
def organiser(signed_in):
    return signed_in(Role.ORGANISER)


@pytest.fixture
def petition_id(app):
    with app.app_context():
        petition = make_petition(title="Fund family support")
        _signers(petition.id, ["Amira Khan", "Bea Jones"])
        return petition.id


def test_an_unknown_field_is_refused_beside_the_body_listing_the_known_ones(organiser, petition_id):
    typed = "Hello {{ unknown_field }},\n\nThank you for signing."
    page = organiser.submit(
        "/outreach/new", {"subject": "News", "body": typed, "petitions": [str(petition_id)]}
    )
    assert page.status_code == 400
    message = _error(page.text, "body")
    assert "“{{ unknown_field }}” is not a merge field" in message
    assert "{{ first_name }}, {{ petition_title }}, {{ personal_link }}" in message
    assert html.escape(typed, quote=False) in page.text  # the typed body is kept in the textarea
    assert 'href="#body"' in page.text  # and the error summary links to it


@pytest.mark.parametrize(
    "field, typed, says",
    [
        ("body", "Hello {{ first_name | default('friend')", "A merge field is not closed"),
        ("body", "Hello {{ first_name | upper }}", "uses “upper”, which we do not know"),
        ("body", "Hello { first_name }}", "There is a “}}” with no “{{” before it"),
        ("body", "Hello {{ first_name | default(friend) }}", "is not a merge field we can read"),
        ("body", "Hello {{ first_name | default }}", "needs its fallback in quotes"),
        ("body", "{% if first_name %}Hi{% endif %}", "“{% … %}” is not something we can fill in"),
        ("subject", "News for {{ name }}", "“{{ name }}” is not a merge field"),
        ("preheader", "For {{ petition_title | default('you') ", "A merge field is not closed"),
    ],
)
def test_malformed_merge_fields_are_refused_with_a_clear_message(organiser, petition_id, field, typed, says):
    data = {"subject": "News", "body": "Hello", "petitions": [str(petition_id)], field: typed}
    page = organiser.submit("/outreach/new", data)
    assert page.status_code == 400
    assert says in _error(page.text, field)


def test_a_field_empty_for_someone_on_the_list_needs_a_fallback(app, organiser, petition_id):
    with app.app_context():
        make_user(role=Role.MEMBER, email="named@example.org", name="Nia Green")
        make_user(role=Role.MEMBER, email="nameless@example.org", name=" ")
    audience = {"petitions": [str(petition_id)], "members": "y"}
    no_name = organiser.submit(
        "/outreach/new", {"subject": "News", "body": "Dear {{ first_name }}", **audience}
    )
    assert no_name.status_code == 400
    message = _error(no_name.text, "body")
    assert "{{ first_name }} would be empty for 1 person on this list" in message
    assert 'like {{ first_name | default("friend") }}' in message

    # Members signed no petition: their petition_title is empty, so it needs one too (here in the subject).
    no_title = organiser.submit(
        "/outreach/new",
        {
            "subject": "About {{ petition_title }}",
            "body": 'Dear {{ first_name | default("friend") }}',
            **audience,
        },
    )
    assert no_title.status_code == 400
    assert "{{ petition_title }} would be empty for 2 people" in _error(no_title.text, "subject")

    saved = organiser.submit(
        "/outreach/new",
        {
            "subject": "About {{ petition_title | default('our campaign') }}",
            "body": 'Dear {{ first_name | default("friend") }}',
            **audience,
        },
    )
    assert saved.status_code == 302


def test_no_fallback_is_needed_when_everyone_on_the_list_has_the_value(organiser, petition_id):
    saved = organiser.submit(
        "/outreach/new",
        {
            "subject": "About {{ petition_title }}",
            "body": "Dear {{ first_name }}, [your choices]({{ personal_link }})",
            "petitions": [str(petition_id)],
        },
    )
    assert saved.status_code == 302


def test_each_person_gets_their_own_value_or_the_fallback(app, organiser, petition_id, run_jobs, outbox):
    with app.app_context():
        make_user(role=Role.MEMBER, email="nameless@example.org", name=" ")
    saved = organiser.submit(
        "/outreach/new",
        {
            "subject": "{{ first_name | default('Friend') }}, about {{ petition_title | default(\"our work\") }}",
            "body": 'Dear {{ first_name | default("friend & ally") }}, thank you.',
            "petitions": [str(petition_id)],
            "members": "y",
        },
    )
    assert saved.status_code == 302
    ref = saved.headers["Location"].rsplit("/", 1)[1]
    organiser.submit(f"/outreach/{ref}/send", {}, form_url=f"/outreach/{ref}")
    run_jobs()
    run_jobs()
    named, nameless = outbox("signer0@example.org")[0], outbox("nameless@example.org")[0]
    assert named.subject == "Amira, about Fund family support"
    assert "Dear Amira, thank you." in named.text_body
    assert nameless.subject == "Friend, about our work"
    assert "Dear friend & ally, thank you." in nameless.text_body
    assert "Dear friend &amp; ally, thank you." in nameless.html_body  # escaped in the HTML
    assert "{{" not in nameless.text_body + nameless.html_body + nameless.subject


def test_a_second_subject_with_its_own_fallback_is_filled_in_its_batches(app, organiser, run_jobs, outbox):
    with app.app_context():
        petition = make_petition(title="Keep families together")
        _signers(petition.id, [f"Name{i} Surname" for i in range(20)])
        petition_id = petition.id
    saved = organiser.submit(
        "/outreach/new",
        {
            # Each subject with a fallback the other lacks: both renderings must agree on their values.
            "subject": '{{ first_name | default("Alpha") }}: families belong together',
            "subject_b": '{{ first_name | default("Friend") }}, one click for families',
            "test_percent": "50",
            "test_wait_hours": "2",
            "test_criterion": "clicks",
            "body": "Please read our letter.",
            "petitions": str(petition_id),
        },
    )
    assert saved.status_code == 302, saved.text[:500]
    ref = saved.headers["Location"].rsplit("/", 1)[1]
    organiser.submit(f"/outreach/{ref}/send", {}, form_url=f"/outreach/{ref}")
    run_jobs()
    run_jobs()
    subjects = [m.subject for m in outbox() if m.to_address.startswith("signer")]
    second = [s for s in subjects if s.endswith(", one click for families")]
    assert len(subjects) == 10 and len(second) == 5
    assert all(re.fullmatch(r"Name\d+, one click for families", s) for s in second)
    first = [s for s in subjects if s not in second]
    assert all(re.fullmatch(r"Name\d+: families belong together", s) for s in first)


def test_the_second_subject_s_merge_fields_are_checked_too(organiser, petition_id):
    page = organiser.submit(
        "/outreach/new",
        {
            "subject": "Families belong together",
            "subject_b": "{{ firstname }}, one click",
            "test_percent": "50",
            "test_wait_hours": "2",
            "test_criterion": "clicks",
            "body": "Hello",
            "petitions": str(petition_id),
        },
    )
    assert page.status_code == 400
    assert "“{{ firstname }}” is not a merge field" in _error(page.text, "subject_b")


def test_a_draft_saved_before_the_check_is_refused_at_sending_and_a_scheduled_one_goes_back_to_draft(
    app, organiser, petition_id, run_jobs, outbox
):
    from datetime import timedelta

    from sqlalchemy import update

    from campaign.models import Campaign
    from campaign.services.outreach import sending

    saved = organiser.submit(
        "/outreach/new",
        {"subject": "News", "body": "Thank you for signing.", "petitions": [str(petition_id)]},
    )
    ref = saved.headers["Location"].rsplit("/", 1)[1]
    with app.app_context():  # as an older version of the platform could have stored it
        db.session.execute(update(Campaign).where(Campaign.ref == ref).values(body="Hi {{ unknown_field }}"))
        db.session.commit()

    organiser.submit(f"/outreach/{ref}/send", {}, form_url=f"/outreach/{ref}")
    refused = organiser.get(f"/outreach/{ref}")  # the flash says why
    assert "Draft" in refused.text
    assert "“{{ unknown_field }}” is not a merge field" in html.unescape(refused.text)
    assert "Edit the update, then send it." in html.unescape(refused.text)

    with app.app_context():  # scheduled before the check existed, and now due
        db.session.execute(
            update(Campaign)
            .where(Campaign.ref == ref)
            .values(state="scheduled", scheduled_at=utcnow() - timedelta(seconds=1))
        )
        db.session.commit()
        assert sending.dispatch()["started"] == 0
        campaign = db.session.scalar(db.select(Campaign).where(Campaign.ref == ref))
        assert (campaign.state, campaign.scheduled_at) == ("draft", None)
    run_jobs()
    assert not [m for m in outbox() if m.to_address.startswith("signer")]
    page = organiser.get(f"/outreach/{ref}")
    assert "Not sent at its scheduled time" in html.unescape(page.text)
