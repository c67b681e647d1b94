"""What a shared link shows (Open Graph and X/Twitter card tags) and the thank-you page after confirming a
signature: share links that open each service's own share page with the petition's address and title, and
a gentle donate ask only when donations are set up."""

from __future__ import annotations

import html
import re
import secrets
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import OutboxMessage, Story, StoryState, utcnow
from campaign.services.petitions.lifecycle import rejection_reasons
from tests.conftest import FormClient
from tests.factories import make_petition

HOSTILE_TITLE = 'Say "no" to <script>alert(1)</script> & separation'
SIGNER = {"name": "Mary Example", "email": "mary@example.org", "location": "uk", "postcode": "sw1a1aa"}


def tags(page: str) -> dict[str, str]:
    """The share tags in the page's head, by property or name, with their content unescaped."""
    head = page.split("</head>", 1)[0]
    found = {}
    for tag in re.findall(r"<meta\b[^>]*>", head):
        key = re.search(r'\b(?:property|name)="([^"]+)"', tag)
        content = re.search(r'\bcontent="([^"]*)"', tag)
        if key and content and key.group(1).startswith(("og:", "twitter:")):
            found[key.group(1)] = html.unescape(content.group(1))
    return found


def test_a_petition_page_shares_its_title_summary_and_count(app, client):
    long_action = "Stop removing babies at birth without a hearing. " * 8
    with app.app_context():
        slug = make_petition(title=HOSTILE_TITLE, action=long_action, signature_count=1234).slug
    page = client.get(f"/petitions/{slug}").text
    found = tags(page)
    assert found["og:site_name"] == "Support Not Separation"
    assert found["og:type"] == "website"
    assert found["og:title"] == found["twitter:title"] == HOSTILE_TITLE
    assert found["og:url"] == f"http://localhost/petitions/{slug}"
    assert found["og:image"] == found["twitter:image"] == "http://localhost/static/img/share.png"
    assert found["twitter:card"] == "summary_large_image"
    description = found["og:description"]
    assert description == found["twitter:description"]
    assert description.endswith("… 1,234 signatures.")
    summary = description.removesuffix(" 1,234 signatures.").removesuffix("…")
    assert long_action.startswith(summary) and len(summary) <= 200
    assert long_action.startswith(summary + " ")  # cut between words, not inside one
    # Escaped: the title's quotes and brackets stay inside the attribute, never as markup in the head.
    head = page.split("</head>", 1)[0]
    assert "<script>alert" not in head and 'content="Say "no"' not in head
    assert "&#34;no&#34; to &lt;script&gt;" in head


def test_the_share_image_is_served_at_the_size_the_tags_give(client):
    image = client.get("/static/img/share.png")
    assert image.status_code == 200 and image.data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(image.data[16:20], "big"), int.from_bytes(image.data[20:24], "big")
    assert (width, height) == (1200, 630)


def test_a_withheld_petition_shares_none_of_its_wording(app, client):
    with app.app_context():
        rejection_reasons()
        slug = make_petition(
            "rejected", title="Zanzibar insults", action="Quixotic slurs", rejection_code="offensive"
        ).slug
        kept = make_petition("rejected", title="Kinship care duplicate", rejection_code="duplicate").slug
    page = client.get(f"/petitions/{slug}").text
    head = page.split("</head>", 1)[0]
    assert "Zanzibar" not in head and "Quixotic" not in head
    found = tags(page)
    assert found["og:title"] == "A rejected petition"
    assert found["og:description"] == "Its wording is not shown because of why it was rejected."
    # A rejection whose reason does not hide the text keeps it, without a count (its page shows none).
    shown = tags(client.get(f"/petitions/{kept}").text)
    assert shown["og:title"] == "Kinship care duplicate"
    assert shown["og:description"] == "Do the right thing."


def test_stories_and_coalition_pages_share_their_own(app, client):
    with app.app_context():
        db.session.add(
            Story(
                ref=secrets.token_urlsafe(9),
                slug="we-asked-for-help",
                title="We asked for help",
                pen_name="Anna",
                body="We asked the council for help with housing and they opened a case instead.",
                state=StoryState.PUBLISHED,
                published_at=utcnow(),
            )
        )
        db.session.commit()
    story = tags(client.get("/stories/we-asked-for-help").text)
    assert story["og:title"] == "We asked for help" and story["og:type"] == "article"
    assert story["og:description"].startswith("We asked the council for help")
    assert story["og:url"] == "http://localhost/stories/we-asked-for-help"
    coalition = tags(client.get("/coalition").text)
    assert coalition["og:title"] == "The coalition" and coalition["og:url"] == "http://localhost/coalition"
    assert "organisations and people" in coalition["og:description"]
    home = tags(client.get("/").text)
    assert home["og:title"] == "Support Not Separation" and home["og:url"] == "http://localhost/"


def _thank_you_page(app, client, run_jobs, outbox, title=HOSTILE_TITLE) -> tuple[str, str]:
    with app.app_context():
        slug = make_petition(title=title).slug
    client.submit(f"/petitions/{slug}/sign", SIGNER)
    run_jobs()
    text = outbox(to=SIGNER["email"])[-1].text_body
    path = re.search(r"http://localhost(/signatures/confirm/\S+)", text).group(1)
    page = client.submit(path, {})
    assert page.status_code == 200 and "Thank you for signing" in page.text
    return slug, page.text


def _links(page: str) -> dict[str, str]:
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    found = re.findall(r'<a\b[^>]*\bhref="([^"]+)"[^>]*>([^<]+)</a>', main)
    return {html.unescape(text): html.unescape(href) for href, text in found}


def test_the_thank_you_page_shares_the_petition_by_plain_links(app, client, run_jobs, outbox):
    slug, page = _thank_you_page(app, client, run_jobs, outbox)
    url = f"http://localhost/petitions/{slug}"
    line = f"Please sign: {HOSTILE_TITLE}"
    links = _links(page)

    def query(name: str) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(links[name])
        return f"{parts.scheme}:{parts.netloc}{parts.path}", parse_qs(parts.query)

    assert query("Share by Email") == ("mailto:", {"subject": [HOSTILE_TITLE], "body": [f"{line} {url}"]})
    assert query("Share by WhatsApp") == ("https:wa.me/", {"text": [f"{line} {url}"]})
    assert query("Share by Facebook") == ("https:www.facebook.com/sharer/sharer.php", {"u": [url]})
    assert query("Share by X (Twitter)") == ("https:x.com/intent/post", {"text": [line], "url": [url]})
    assert query("Share by Bluesky") == ("https:bsky.app/intent/compose", {"text": [f"{line} {url}"]})
    # Fully encoded: nothing in the title can end a value early or add a parameter.
    for name in ("Share by Email", "Share by WhatsApp", "Share by X (Twitter)", "Share by Bluesky"):
        value = links[name].split("?", 1)[1]
        assert (
            " " not in value and '"' not in value and "<" not in value and "/" not in value.split("=", 1)[1]
        )
    assert f'value="{url}"' in page and "readonly" in page  # the link to copy, no script needed
    assert "<script>alert" not in page
    # No donate ask: donations are not set up here.
    assert "Make a donation" not in page and "/donate" not in page.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def donations_app(make_app, stripe_fake):
    return make_app(
        STRIPE_SECRET_KEY="sk_test_share",
        STRIPE_WEBHOOK_SECRET="whsec_test_share",
        STRIPE_API_BASE=stripe_fake.url,
    )


def test_the_thank_you_page_asks_gently_for_a_donation_when_donations_are_set_up(donations_app, run_jobs):
    client = FormClient(donations_app.test_client())

    def outbox(to):
        with donations_app.app_context():
            return db.session.scalars(select(OutboxMessage).where(OutboxMessage.to_address == to)).all()

    slug, page = _thank_you_page(
        donations_app, client, lambda: run_jobs(donations_app), outbox, "Fund advocates"
    )
    links = _links(page)
    assert links["Make a donation"] == f"/donate/?towards=petition:{slug}"
    assert "no need to give" in page
