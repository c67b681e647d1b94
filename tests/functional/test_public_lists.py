"""The public lists of petitions, as petition.parliament.uk keeps them: open, closing soon, recently closed
and rejected (with the reason's wording, and the petition's own wording withheld where the reason says so),
on the list page and in the public JSON, with the links between them and pagination."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from campaign.models import utcnow
from campaign.services.petitions.lifecycle import rejection_reasons
from campaign.services.petitions.listings import CLOSING_SOON_DAYS
from tests.factories import make_petition

OFFENSIVE_TITLE = "Zanzibar grumbles about the judge"
OFFENSIVE_ACTION = "Quixotic wording nobody should read."


@pytest.fixture
def known(app):
    """Petitions in every list, each with dates that fix its place; slugs name where each belongs."""
    now = utcnow()
    day = timedelta(days=1)
    with app.app_context():
        rejection_reasons()  # the default reasons (offensive hides the text; duplicate does not)

        def made(slug, state, **fields):
            return make_petition(state, slug=slug, title=f"Petition {slug}", **fields).slug

        made("open-popular", "open", signature_count=500, opened_at=now - 20 * day, deadline=now + 40 * day)
        made("open-soonest", "open", signature_count=20, opened_at=now - 9 * day, deadline=now + 2 * day)
        made("open-later", "open", signature_count=90, opened_at=now - 2 * day, deadline=now + 9 * day)
        made("open-no-deadline", "open", signature_count=5, opened_at=now - 1 * day, deadline=None)
        made(
            "open-just-outside",
            "open",
            signature_count=1,
            opened_at=now - 3 * day,
            deadline=now + (CLOSING_SOON_DAYS + 1) * day,
        )
        made("closed-last-week", "closed", signature_count=900, closed_at=now - 7 * day)
        made("closed-yesterday", "closed", signature_count=30, closed_at=now - 1 * day)
        made("closed-by-deadline", "closed", signature_count=60, closed_at=None, deadline=now - 3 * day)
        made(
            "rejected-duplicate",
            "rejected",
            rejection_code="duplicate",
            rejected_at=now - 3 * day,
            rejection_details="See the petition about kinship care.",
        )
        make_petition(
            "rejected",
            slug="rejected-offensive",
            title=OFFENSIVE_TITLE,
            action=OFFENSIVE_ACTION,
            rejection_code="offensive",
            rejected_at=now - 1 * day,
        )
        made("a-draft", "draft")
        made("a-hidden", "hidden")
        made("submitted", "submitted")


def listed(page_text: str) -> list[str]:
    return re.findall(r'<h3><a href="/petitions/([^"]+)">', page_text)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["open-popular", "open-later", "open-soonest", "open-no-deadline", "open-just-outside"]),
        (
            "?sort=newest",
            ["open-no-deadline", "open-later", "open-just-outside", "open-soonest", "open-popular"],
        ),
        ("?state=closing", ["open-soonest", "open-later"]),
        ("?state=closed", ["closed-yesterday", "closed-by-deadline", "closed-last-week"]),
        ("?state=closed&sort=popular", ["closed-last-week", "closed-by-deadline", "closed-yesterday"]),
        ("?state=rejected", ["rejected-offensive", "rejected-duplicate"]),
        (
            "?state=nonsense",
            ["open-popular", "open-later", "open-soonest", "open-no-deadline", "open-just-outside"],
        ),
    ],
)
def test_each_list_holds_exactly_its_petitions_in_order(client, known, query, expected):
    page = client.get(f"/petitions/{query}")
    assert page.status_code == 200
    assert listed(page.text) == expected


def test_the_links_between_lists_give_counts_and_mark_the_current_one(client, known):
    page = client.get("/petitions/?state=closing").text
    nav = re.search(r'<nav class="list-tabs".*?</nav>', page, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)<span class="count">\((\d+)\)', nav)
    assert [(href, bool(current), label.strip(), int(n)) for href, current, label, n in links] == [
        ("/petitions/", False, "Open", 5),
        ("/petitions/?state=closing", True, "Closing soon", 2),
        ("/petitions/?state=closed", False, "Recently closed", 3),
        ("/petitions/?state=rejected", False, "Rejected", 2),
    ]
    assert "<h1>Petitions closing soon</h1>" in page


def test_rejected_list_gives_the_reason_and_withholds_wording_where_the_reason_says(client, known):
    page = client.get("/petitions/?state=rejected").text
    cards = dict(re.findall(r'<h3><a href="/petitions/([^"]+)">(.*?)</article>', page, re.S))
    assert list(cards) == ["rejected-offensive", "rejected-duplicate"]
    assert "Petition rejected-duplicate" in cards["rejected-duplicate"]
    assert "Do the right thing." in cards["rejected-duplicate"]
    assert '<strong class="rejection-reason">Duplicate</strong>' in cards["rejected-duplicate"]
    assert '<strong class="rejection-reason">Offensive</strong>' in cards["rejected-offensive"]
    assert "A rejected petition" in cards["rejected-offensive"]
    assert "not shown because of why it was rejected" in cards["rejected-offensive"]
    assert "Zanzibar" not in page and "Quixotic" not in page


def test_a_search_never_finds_a_petition_by_its_withheld_wording(client, known):
    for word in ("Zanzibar", "Quixotic"):
        page = client.get(f"/petitions/?state=rejected&q={word}").text
        assert listed(page) == [] and "0 petitions match" in page
    assert listed(client.get("/petitions/?state=rejected&q=rejected-duplicate").text) == [
        "rejected-duplicate"
    ]


def test_json_lists_match_the_pages(client, known):
    for state, expected in [
        ("closing", ["open-soonest", "open-later"]),
        ("closed", ["closed-yesterday", "closed-by-deadline", "closed-last-week"]),
        ("rejected", ["rejected-offensive", "rejected-duplicate"]),
    ]:
        answer = client.get(f"/petitions.json?state={state}")
        assert answer.status_code == 200 and answer.headers["Access-Control-Allow-Origin"] == "*"
        assert [p["slug"] for p in answer.json["data"]] == expected
        assert answer.json["meta"]["state"] == state and answer.json["meta"]["total"] == len(expected)


def test_json_rejected_list_withholds_wording_where_the_reason_says(client, known):
    answer = client.get("/petitions.json?state=rejected")
    assert b"Zanzibar" not in answer.data and b"Quixotic" not in answer.data
    offensive, duplicate = answer.json["data"]
    assert offensive["title"] == "A rejected petition" and offensive["action"] == ""
    assert offensive["rejection"] == {"code": "offensive", "reason": "Offensive", "text_withheld": True}
    assert (
        duplicate["title"] == "Petition rejected-duplicate" and duplicate["action"] == "Do the right thing."
    )
    assert duplicate["rejection"] == {"code": "duplicate", "reason": "Duplicate", "text_withheld": False}
    assert client.get("/petitions.json?state=rejected&q=Zanzibar").json["data"] == []


def test_the_api_description_names_every_list(client):
    parameters = client.get("/api/openapi.json").json["paths"]["/petitions.json"]["get"]["parameters"]
    state = next(p for p in parameters if p["name"] == "state")
    assert state["schema"]["enum"] == ["open", "closing", "closed", "rejected"]


def test_pages_of_a_list_follow_on_and_link_to_each_other(app, client):
    now = utcnow()
    with app.app_context():
        for n in range(23):
            make_petition("closed", slug=f"closed-{n:02d}", closed_at=now - timedelta(hours=n + 1))
    first = client.get("/petitions/?state=closed")
    assert listed(first.text) == [f"closed-{n:02d}" for n in range(20)]
    assert 'href="/petitions/?state=closed&amp;page=2" rel="next"' in first.text
    assert "Page 1 of 2" in first.text and 'rel="prev"' not in first.text
    second = client.get("/petitions/?state=closed&page=2")
    assert listed(second.text) == ["closed-20", "closed-21", "closed-22"]
    assert 'href="/petitions/?state=closed&amp;page=1" rel="prev"' in second.text
    assert 'rel="next"' not in second.text
    # The other order keeps its sort across pages.
    popular = client.get("/petitions/?state=closed&sort=popular").text
    assert 'href="/petitions/?state=closed&amp;sort=popular&amp;page=2" rel="next"' in popular
    answer = client.get("/petitions.json?state=closed&page=1").json
    assert answer["meta"] == {"total": 23, "page": 1, "pages": 1, "per_page": 50, "state": "closed"}


def test_an_empty_list_says_so(client):
    assert "No open petition closes in the next" in client.get("/petitions/?state=closing").text
    assert "No petitions have been rejected." in client.get("/petitions/?state=rejected").text
