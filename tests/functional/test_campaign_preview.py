"""The preview shows a real recipient's email (from the audience as it is now, or the one frozen when it
was sent), lets the organiser step through or find one, counts who gets each fallback, and a test send is
exactly that preview."""

import html
import re

import pytest
from sqlalchemy import event, select

from campaign.extensions import db
from campaign.models import Campaign, Role
from tests.conftest import form_values
from tests.factories import add_signers, make_petition, make_user


def _signers(petition_id: int, names: list[str], start: int = 0) -> None:
    add_signers(petition_id, prefix="signer", names=names, start=start)
    db.session.commit()


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture
def organiser(signed_in):
    return signed_in(Role.ORGANISER, email="organiser@example.org")


@pytest.fixture
def ref(app, organiser):
    """A draft to the signers of one petition (three named) and the members (two without a name)."""
    with app.app_context():
        petition = make_petition(title="Fund family support")
        _signers(petition.id, ["Amira Khan", "Bea Jones", "Cara Osei"])
        make_user(role=Role.MEMBER, email="member0@example.org", name=" ")
        make_user(role=Role.MEMBER, email="member1@example.org", name=" ")
        petition_id = petition.id
    saved = organiser.submit(
        "/outreach/new",
        {
            "subject": "{{ first_name | default('Hello') }}: news about {{ petition_title | default('us') }}",
            "body": 'Dear {{ first_name | default("friend") }},\n\n'
            'Thank you for backing {{ petition_title | default("the coalition") }}.',
            "petitions": [str(petition_id)],
            "members": "y",
        },
    )
    assert saved.status_code == 302
    return saved.headers["Location"].rsplit("/", 1)[1]


def test_the_preview_is_a_real_recipient_and_steps_through_the_list(organiser, ref):
    first = _text(organiser.get(f"/outreach/{ref}").text)
    assert (
        "As signer0@example.org (Amira Khan) will get it: recipient 1 of 5 on the list as it is now" in first
    )
    assert "Subject: Amira: news about Fund family support" in first
    assert "Alex" not in first

    second = organiser.get(f"/outreach/{ref}?n=2")
    assert "As signer1@example.org (Bea Jones) will get it: recipient 2 of 5" in _text(second.text)
    assert f'href="/outreach/{ref}?n=1#preview-heading">Previous recipient' in second.text
    assert f'href="/outreach/{ref}?n=3#preview-heading">Next recipient' in second.text
    assert "Dear Bea," in organiser.get(f"/outreach/{ref}/preview.html?n=2").text

    member = _text(organiser.get(f"/outreach/{ref}?find=MEMBER1@").text)
    assert "As member1@example.org will get it: recipient 5 of 5" in member
    assert "Subject: Hello: news about us" in member
    assert "Dear friend," in organiser.get(f"/outreach/{ref}/preview.html?n=5").text

    missed = _text(organiser.get(f"/outreach/{ref}?find=nobody%25").text)
    assert "Nobody on the list has an address containing “nobody%”" in missed
    assert "recipient 1 of 5" in missed

    beyond = _text(organiser.get(f"/outreach/{ref}?n=99").text)  # past the end: the last one
    assert "recipient 5 of 5" in beyond


def test_the_fallback_counts_are_exact(organiser, ref):
    page = _text(organiser.get(f"/outreach/{ref}").text)
    assert "Who gets a fallback (of 5)" in page
    # Two members have no name; neither member signed a petition.
    assert "{{ first_name }} “Hello” 2" in page  # the subject's fallback
    assert "{{ first_name }} “friend” 2" in page
    assert "{{ petition_title }} “us” 2" in page
    assert "{{ petition_title }} “the coalition” 2" in page


def test_the_preview_takes_the_same_number_of_queries_for_a_long_list(app, organiser, ref):
    def count_queries(path: str) -> int:
        seen = []
        with app.app_context():
            engine = db.session.get_bind()
        listener = lambda *args: seen.append(1)  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            assert organiser.get(path).status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return len(seen)

    before = count_queries(f"/outreach/{ref}/preview.html?n=2")
    with app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.ref == ref))
        petition_id = campaign.audience["petitions"][0]
        _signers(int(petition_id), [f"Signer {i}" for i in range(40)], start=100)
    after = count_queries(f"/outreach/{ref}/preview.html?n=2")
    assert after == before


def test_a_test_send_is_exactly_the_preview(organiser, ref, run_jobs, outbox):
    shown = organiser.get(f"/outreach/{ref}?n=2")
    # The test form says whose message it sends.
    assert form_values(shown.text, "n", "recipient") == {"n": "2", "recipient": "signer1@example.org"}
    preview_html = organiser.get(f"/outreach/{ref}/preview.html?n=2").text
    # The page's frames name the person, and get the same email without working out the list again.
    assert f'src="/outreach/{ref}/preview.html?n=2&amp;recipient=signer1@example.org"' in shown.text
    assert (
        organiser.get(f"/outreach/{ref}/preview.html?n=2&recipient=signer1@example.org").text == preview_html
    )
    plain = html.unescape(re.search(r'<pre class="email-text">(.*?)</pre>', shown.text, re.S).group(1))

    sent = organiser.submit(
        f"/outreach/{ref}/test",
        {"addresses": "organiser@example.org", **form_values(shown.text, "n", "recipient")},
        form_url=f"/outreach/{ref}?n=2",
    )
    assert sent.status_code == 302
    flashed = _text(organiser.get(sent.headers["Location"]).text)
    assert "exactly as the preview shows it for recipient 2 (signer1@example.org)" in flashed
    run_jobs()
    [copy] = outbox("organiser@example.org")
    assert copy.subject == "[Test] Bea: news about Fund family support"
    assert copy.html_body == preview_html
    assert copy.text_body == plain


def test_once_sent_the_preview_reads_the_frozen_list(app, organiser, ref):
    organiser.submit(f"/outreach/{ref}/send", {}, form_url=f"/outreach/{ref}")
    with app.app_context():
        make_user(role=Role.MEMBER, email="member2@example.org", name="Late Joiner")
    page = _text(organiser.get(f"/outreach/{ref}?find=member2").text)
    assert "Nobody on the list has an address containing “member2”" in page
    assert "recipient 1 of 5 on the list it was sent to" in page
