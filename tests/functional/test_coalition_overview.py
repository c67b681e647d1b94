"""The coalition overview for organisers: open petitions with their pace, stories at each moderation step,
recent bulk emails with their figures, donations against the target; each table as CSV; who may see it;
and a fixed number of database statements however much there is to show."""

from __future__ import annotations

import csv
import io
import re
import secrets
from datetime import timedelta

import pytest
from sqlalchemy import event

from campaign.extensions import db
from campaign.models import Campaign, DonationSettings, Role, Story, utcnow
from tests.factories import add_signers, make_donation, make_petition

PAGES = [
    "/admin/overview",
    "/admin/overview/petitions.csv",
    "/admin/overview/stories.csv",
    "/admin/overview/emails.csv",
    "/admin/overview/donations.csv",
]


def _story(state: str) -> Story:
    return Story(
        ref=secrets.token_urlsafe(9), title=f"A story {state}", pen_name="Anna", body="Words.", state=state
    )


def _email(
    subject: str, state: str = "finished", tracked: bool = False, started_days_ago: float = 1, **figures
):
    return Campaign(
        ref=secrets.token_urlsafe(9),
        subject=subject,
        state=state,
        track_engagement=tracked,
        started_at=utcnow() - timedelta(days=started_days_ago),
        **figures,
    )


def _known_world(app, scale: int = 1) -> dict:
    """Known figures; ``scale`` adds more of everything (rows, not kinds) for the statement count."""
    now = utcnow()
    with app.app_context():
        steady = make_petition(
            title="Keep families together",
            slug=f"steady-{scale}",
            signature_count=120,
            target=1000,
            opened_at=now - timedelta(days=30),
            deadline=now + timedelta(days=60),
        )
        add_signers(steady.id, 14, prefix=f"recent{scale}-", validated_at=now - timedelta(days=1))
        add_signers(steady.id, 3, prefix=f"older{scale}-", validated_at=now - timedelta(days=10))
        add_signers(
            steady.id, 2, prefix=f"flagged{scale}-", validated_at=now - timedelta(hours=2), flagged=True
        )
        add_signers(steady.id, 1, prefix=f"pending{scale}-", state="pending", validated_at=None)
        young = make_petition(
            title="Fund advocates",
            slug=f"young-{scale}",
            signature_count=900,
            target=500,
            opened_at=now - timedelta(hours=36),
            deadline=None,
        )
        add_signers(young.id, 9, prefix=f"young{scale}-", validated_at=now - timedelta(hours=3))
        closed = make_petition("closed", slug=f"closed-{scale}", signature_count=5000)
        add_signers(closed.id, 4, prefix=f"closed{scale}-", validated_at=now - timedelta(hours=3))
        for n in range(scale - 1):
            extra = make_petition(slug=f"extra-{scale}-{n}", signature_count=1, target=10)
            add_signers(extra.id, 1, prefix=f"extra{scale}-{n}-", validated_at=now - timedelta(hours=1))
        states = ["in_review", "in_review", "published", "withdrawn"] * scale
        db.session.add_all(_story(state) for state in states)
        db.session.add_all(
            [
                _email(
                    "Tracked update",
                    tracked=True,
                    started_days_ago=2,
                    recipient_count=100,
                    delivered=95,
                    opened=40,
                    clicked=12,
                    unsubscribed=2,
                    complained=1,
                ),
                _email(
                    "Untracked update",
                    started_days_ago=1,
                    recipient_count=50,
                    delivered=48,
                    opened=7,
                    clicked=3,
                    unsubscribed=1,
                ),
                _email("A draft", state="draft", started_days_ago=0),
                *(_email(f"Older {n}", started_days_ago=10 + n) for n in range(scale - 1)),
            ]
        )
        if db.session.get(DonationSettings, 1) is None:  # the one row the donation settings read
            db.session.add(DonationSettings(id=1, target_pence=10_000, target_label="the winter appeal"))
        db.session.commit()
        make_donation(2500)
        make_donation(1000, payments=[{"refunded_pence": 500}])
        make_donation(9900, payments=[{"state": "pending"}])
        return {"steady": steady.slug, "young": young.slug}


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("role", "expected"),
    [(None, 302), (Role.MEMBER, 403), (Role.MODERATOR, 403), (Role.ORGANISER, 200), (Role.ADMIN, 200)],
)
def test_only_organisers_and_admins_see_the_overview(app, signed_in, role, expected):
    person = signed_in(role)
    for url in PAGES:
        response = person.get(url)
        assert response.status_code == expected, url
        if role is None:
            assert "/sign-in" in response.headers["Location"]
    nav = person.get("/petitions/").text
    assert ('href="/admin/overview"' in nav) == (expected == 200)


def test_the_overview_gives_exact_figures(app, signed_in):
    _known_world(app)
    page = signed_in(Role.ORGANISER).get("/admin/overview").text

    def row_cells(table_id: str) -> list[list[str]]:
        table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', page, re.S).group(0)
        body = table.split("<tbody>", 1)[1]
        return [
            [
                re.sub(r"<[^>]+>", "", cell).strip()
                for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
            ]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
        ]

    petitions = row_cells("open-petitions")
    assert [row[:5] for row in petitions] == [
        ["Fund advocates", "900", "500", "9", "4.5"],  # open 36 hours: pace over 2 days
        ["Keep families together", "120", "1,000", "14", "2.0"],  # flagged, pending and older not counted
    ]
    assert petitions[0][5] == "No deadline"
    assert row_cells("story-steps") == [
        ["Being checked", "0"],
        ["Needs moderation", "2"],
        ["With the storyteller", "0"],
        ["Changes requested", "0"],
        ["Ready to publish", "0"],
        ["Published", "1"],
        ["Suspended", "0"],
        ["Rejected", "0"],
        ["Withdrawn", "1"],
    ]
    emails = row_cells("recent-emails")
    assert [row[:1] + row[2:] for row in emails] == [
        ["Untracked update (Sent)", "50", "48", "Not tracked", "3", "1", "0"],
        ["Tracked update (Sent)", "100", "95", "40", "12", "2", "1"],
    ]
    target = re.search(r'<p class="progress-label" id="donations-target">(.*?)</p>', page, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", target) == "£30 raised of £100 for the winter appeal (30%)."


def test_each_table_downloads_as_csv(app, signed_in):
    _known_world(app)
    organiser = signed_in(Role.ORGANISER)
    petitions = organiser.get("/admin/overview/petitions.csv")
    assert petitions.mimetype == "text/csv" and "attachment" in petitions.headers["Content-Disposition"]
    rows = _rows(petitions.text)
    assert rows[0] == [
        "petition",
        "slug",
        "signatures",
        "target",
        "to go",
        "last 7 days",
        "per day",
        "deadline",
    ]
    assert [row[:7] for row in rows[1:]] == [
        ["Fund advocates", "young-1", "900", "500", "0", "9", "4.5"],
        ["Keep families together", "steady-1", "120", "1000", "880", "14", "2.0"],
    ]
    stories = _rows(organiser.get("/admin/overview/stories.csv").text)
    assert stories[0] == ["state", "step", "stories"]
    assert ["in_review", "Needs moderation", "2"] in stories and ["published", "Published", "1"] in stories
    emails = _rows(organiser.get("/admin/overview/emails.csv").text)
    assert emails[0][4:] == ["recipients", "delivered", "opened", "clicked", "unsubscribed", "complained"]
    assert [row[1:3] + row[4:] for row in emails[1:]] == [
        ["Untracked update", "Sent", "50", "48", "not tracked", "3", "1", "0"],
        ["Tracked update", "Sent", "100", "95", "40", "12", "2", "1"],
    ]
    donations = _rows(organiser.get("/admin/overview/donations.csv").text)
    assert donations == [
        ["target", "target (£)", "raised net (£)", "percent of target", "donors", "active monthly gifts"],
        ["the winter appeal", "100.00", "30.00", "30", "2", "0"],
    ]


def test_a_petition_title_cannot_become_a_spreadsheet_formula(app, signed_in):
    with app.app_context():
        make_petition(title='=HYPERLINK("http://evil.example")')
    rows = _rows(signed_in(Role.ORGANISER).get("/admin/overview/petitions.csv").text)
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example")'


def _statements(app, client, url: str) -> int:
    with app.app_context():
        engine = db.engine
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_the_overview_reads_a_fixed_number_of_statements(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    _known_world(app, scale=1)
    small = {url: _statements(app, organiser, url) for url in PAGES}
    _known_world(app, scale=6)  # five more petitions, emails and signers, and six times the stories
    large = {url: _statements(app, organiser, url) for url in PAGES}
    assert small == large
    assert all(count > 0 for count in small.values())
