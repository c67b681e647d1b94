"""The public updates page: an organiser publishes a sent update and anyone can read it, with merge fields
as someone with no details would see them and nothing personal; unpublished and unsent ones stay private."""

import html
import re

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Campaign, Role, Signature, utcnow
from campaign.services.outreach import campaigns as outreach
from tests.factories import make_petition


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture
def organiser(signed_in):
    return signed_in(Role.ORGANISER)


def _sent(app, organiser, run_jobs, subject="News about {{ petition_title }}") -> str:
    with app.app_context():
        petition = make_petition(title="Fund family support")
        db.session.add(
            Signature(
                petition_id=petition.id,
                name="Amira Khan",
                email="amira@example.org",
                email_key="amira@example.org",
                email_domain="example.org",
                region="london",
                state="validated",
                opt_in=True,
                validated_at=utcnow(),
            )
        )
        db.session.commit()
        petition_id = petition.id
    saved = organiser.submit(
        "/outreach/new",
        {
            "subject": subject,
            "body": "Dear {{ first_name }},\n\n**We did it.** [Choose what you receive]({{ personal_link }})\n\n"
            'With thanks to {{ first_name | default("everyone who signed") }}.',
            "petitions": [str(petition_id)],
        },
    )
    assert saved.status_code == 302
    ref = saved.headers["Location"].rsplit("/", 1)[1]
    organiser.submit(f"/outreach/{ref}/send", {}, form_url=f"/outreach/{ref}")
    run_jobs()
    run_jobs()
    with app.app_context():
        assert db.session.scalar(select(Campaign.state).where(Campaign.ref == ref)) == "finished"
    return ref


def test_a_published_update_is_on_the_updates_page_and_an_unpublished_one_is_not(
    app, organiser, client, run_jobs
):
    ref = _sent(app, organiser, run_jobs)
    assert client.get(f"/updates/{ref}").status_code == 404
    assert f"/updates/{ref}" not in client.get("/updates").text

    published = organiser.submit(f"/outreach/{ref}/publish", {}, form_url=f"/outreach/{ref}")
    assert published.status_code == 302
    listed = client.get("/updates")
    assert listed.status_code == 200 and f'href="/updates/{ref}"' in listed.text
    assert "News about our campaign" in _text(
        listed.text
    )  # merge fields as a reader with no details sees them
    assert client.get(f"/updates/{ref}").status_code == 200
    shown = _text(organiser.get(f"/outreach/{ref}").text)
    assert "This update is on the public updates page" in shown

    organiser.submit(f"/outreach/{ref}/unpublish", {}, form_url=f"/outreach/{ref}")
    assert f"/updates/{ref}" not in client.get("/updates").text
    assert client.get(f"/updates/{ref}").status_code == 404


def test_the_archive_page_has_no_personal_data(app, organiser, client, run_jobs, outbox):
    ref = _sent(app, organiser, run_jobs)
    organiser.submit(f"/outreach/{ref}/publish", {}, form_url=f"/outreach/{ref}")
    page = client.get(f"/updates/{ref}").text
    words = _text(page)
    assert "Dear friend," in words
    assert "With thanks to everyone who signed." in words
    assert "<strong>We did it.</strong>" in page
    assert "Amira" not in page and "amira@example.org" not in page
    # The email's own personal links are not on the page: no unsubscribe, no preferences token.
    [email] = outbox("amira@example.org")
    tokens = re.findall(r"/(?:unsubscribe|preferences)/([A-Za-z0-9_\-]{16,})", email.text_body)
    assert tokens and not any(token in page for token in tokens)
    assert "nsubscribe" not in page
    assert 'href="http://localhost/updates"' in page or 'href="/updates"' in page


def test_only_a_sent_update_can_be_published(app, organiser, client):
    with app.app_context():
        petition = make_petition()
        petition_id = petition.id
    saved = organiser.submit(
        "/outreach/new", {"subject": "Draft", "body": "Not sent yet", "petitions": [str(petition_id)]}
    )
    ref = saved.headers["Location"].rsplit("/", 1)[1]
    refused = organiser.submit(f"/outreach/{ref}/publish", {}, form_url=f"/outreach/{ref}")
    assert "Only an update that has been sent can go on the updates page." in _text(
        organiser.get(refused.headers["Location"]).text
    )
    assert client.get(f"/updates/{ref}").status_code == 404


def test_members_cannot_publish(app, organiser, signed_in, run_jobs, client):
    ref = _sent(app, organiser, run_jobs)
    member = signed_in(Role.MEMBER)
    token = member.csrf_token("/account/")
    assert member.post(f"/outreach/{ref}/publish", data={"csrf_token": token}).status_code == 403
    assert f"/updates/{ref}" not in client.get("/updates").text


def test_the_updates_pages_go_newest_first_a_page_at_a_time(app, organiser, client, run_jobs):
    ref = _sent(app, organiser, run_jobs)
    with app.app_context():
        campaign = db.session.scalar(select(Campaign).where(Campaign.ref == ref))
        for n in range(outreach.UPDATES_PER_PAGE):
            db.session.add(
                Campaign(
                    ref=f"old{n}", subject=f"Older {n}", body="Hi", state="finished", published_at=utcnow()
                )
            )
        db.session.commit()
        outreach.set_published(campaign.created_by, campaign, True)  # published last: newest
    first = client.get("/updates")
    assert first.text.index(f"/updates/{ref}") < first.text.index("/updates/old")
    assert 'href="/updates?page=2"' in first.text
    second = client.get("/updates?page=2")
    assert second.status_code == 200 and first.text.count('href="/updates/') == outreach.UPDATES_PER_PAGE
    assert second.text.count('href="/updates/') == 1
    for bad in ("/updates?page=3", "/updates?page=0", "/updates?page=x", "/updates?page=99999999999"):
        assert client.get(bad).status_code == 404


def test_the_updates_page_is_in_the_sitemap(client):
    assert "<loc>http://localhost/updates</loc>" in client.get("/sitemap.xml").text
