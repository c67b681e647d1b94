"""How a petition is going: known signatures at known times give exact hourly and daily series (UK days,
zero-filled, across the clocks going forward), regions on the tile map, sources over time and the CSVs; the
page is for organisers and the petition's owners only; the public page says how many signed today."""

from __future__ import annotations

import csv
import html
import io
import itertools
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import PaperBatch, Petition, Role, Signature, SignatureState, utcnow
from campaign.services.petitions import stats as stats_service
from campaign.services.petitions.projection import NO_PACE, ON_PACE
from tests.factories import make_petition, make_user

_n = itertools.count(1)
OPENED = datetime(2026, 3, 27, 10, 0, tzinfo=UTC)  # a Friday; the clocks went forward on Sunday 29 March
NOW = datetime(2026, 4, 2, 12, 30, tzinfo=UTC)  # 13:30 BST


def sign(petition_id: int, at: datetime | None, source: str = "", region: str | None = "london", **fields):
    n = next(_n)
    db.session.add(
        Signature(
            petition_id=petition_id,
            name=f"Signer {n}",
            email=f"stats{n}@example.org",
            email_key=f"stats{n}@example.org",
            email_domain="example.org",
            region=region,
            country="GB" if region else "France",
            state=fields.pop("state", SignatureState.VALIDATED),
            validated_at=at,
            source=source,
            **fields,
        )
    )


@pytest.fixture
def history(app):
    """Signatures at known UTC times, with what they are in UK time."""
    with app.app_context():
        owner = make_user(role=Role.MEMBER)
        petition = make_petition(
            opened_at=OPENED,
            created_at=OPENED - timedelta(days=2),
            deadline=datetime(2026, 9, 25, 23, 0, tzinfo=UTC),
            target=200,
            signature_count=55,
            created_by_id=owner.id,
            parliament_petition_id=700123,
            parliament_title="Stop separating mothers and babies",
            parliament_count=12_345,
            parliament_fetched_at=datetime(2026, 4, 2, 8, 0, tzinfo=UTC),
        )
        pid = petition.id
        sign(pid, datetime(2026, 3, 27, 10, 15, tzinfo=UTC), "member:legal-action-for-women")  # Fri 10:15 GMT
        sign(pid, datetime(2026, 3, 28, 23, 30, tzinfo=UTC), "share:newsletter", "wales")  # Sat 23:30 GMT
        sign(pid, datetime(2026, 3, 29, 23, 30, tzinfo=UTC), "", "scotland")  # Mon 30th 00:30 BST
        sign(pid, datetime(2026, 4, 2, 11, 5, tzinfo=UTC), "paper", None)  # Thu 12:05 BST, abroad
        sign(pid, datetime(2026, 4, 2, 11, 50, tzinfo=UTC), "member:legal-action-for-women")
        # Not counted: flagged by a rate limit, waiting for confirmation, removed.
        sign(pid, datetime(2026, 4, 1, 9, 0, tzinfo=UTC), flagged=True)
        sign(pid, None, state=SignatureState.PENDING)
        sign(pid, datetime(2026, 4, 1, 9, 0, tzinfo=UTC), state=SignatureState.INVALIDATED)
        db.session.add(
            PaperBatch(petition_id=pid, count=50, note="", created_at=datetime(2026, 3, 31, 9, 0, tzinfo=UTC))
        )
        db.session.commit()
        return {"slug": petition.slug, "id": pid, "owner": owner.email}


def _figures(app, slug: str, now: datetime = NOW, actor_role=Role.ORGANISER):
    petition = db.session.scalars(select(Petition).where(Petition.slug == slug)).one()
    return stats_service.petition_stats(make_user(role=actor_role), petition, now=now)


def test_daily_series_is_zero_filled_in_uk_days_across_the_clocks_changing(app, history):
    with app.app_context():
        figures = _figures(app, history["slug"])
    assert [(b.day.isoformat(), b.count, b.total) for b in figures.daily] == [
        ("2026-03-27", 1, 1),
        ("2026-03-28", 1, 2),  # 23:30 GMT is still Saturday
        ("2026-03-29", 0, 2),
        ("2026-03-30", 1, 3),  # 23:30 UTC on Sunday is 00:30 BST on Monday
        ("2026-03-31", 50, 53),  # the paper batch, on the day it was entered
        ("2026-04-01", 0, 53),  # the flagged and removed signatures do not count
        ("2026-04-02", 2, 55),
    ]
    assert figures.signatures_today == 2 and figures.total == 55 and figures.today == date(2026, 4, 2)


def test_hourly_series_is_the_last_seven_days_hour_by_hour_in_uk_time(app, history):
    with app.app_context():
        figures = _figures(app, history["slug"])
    hours = figures.hourly
    assert len(hours) == 7 * 24
    # From 13:00 GMT on 26 March to the current hour, 13:00 BST on 2 April: one hour apart in real time,
    # so the local clock skips 01:00 on 29 March.
    assert hours[0].start.isoformat() == "2026-03-26T13:00:00+00:00"
    assert hours[-1].start.isoformat() == "2026-04-02T13:00:00+01:00"
    assert all(
        b.start.astimezone(UTC) - a.start.astimezone(UTC) == timedelta(hours=1)
        for a, b in itertools.pairwise(hours)
    )
    assert "2026-03-29T00:00:00+00:00" in [b.start.isoformat() for b in hours]
    assert "2026-03-29T02:00:00+01:00" in [b.start.isoformat() for b in hours]
    assert [(b.start.isoformat(), b.count, b.total) for b in hours if b.count] == [
        ("2026-03-27T10:00:00+00:00", 1, 1),
        ("2026-03-28T23:00:00+00:00", 1, 2),
        ("2026-03-30T00:00:00+01:00", 1, 3),
        ("2026-03-31T10:00:00+01:00", 50, 53),
        ("2026-04-02T12:00:00+01:00", 2, 55),
    ]
    assert hours[-1].total == 55 and hours[-1].count == 0


def test_sources_over_time_and_projection(app, history):
    with app.app_context():
        figures = _figures(app, history["slug"])
    assert [(d.day.isoformat(), d.counts) for d in figures.sources if d.total] == [
        ("2026-03-27", {"member": 1, "share": 0, "paper": 0, "direct": 0}),
        ("2026-03-28", {"member": 0, "share": 1, "paper": 0, "direct": 0}),
        ("2026-03-30", {"member": 0, "share": 0, "paper": 0, "direct": 1}),
        ("2026-03-31", {"member": 0, "share": 0, "paper": 50, "direct": 0}),
        ("2026-04-02", {"member": 1, "share": 0, "paper": 1, "direct": 0}),
    ]
    assert figures.source_totals == {"member": 2, "share": 1, "paper": 51, "direct": 1}
    # Six full days (27 March to 1 April) hold 53: about 8.83 a day; 145 still needed -> 17 days.
    projection = figures.projection
    assert projection.status == ON_PACE and projection.window_days == 6
    assert projection.date == date(2026, 4, 19)
    assert projection.earliest == date(2026, 4, 5) and projection.latest is None


def test_an_empty_petition_and_a_single_day_one(app):
    with app.app_context():
        empty = make_petition(opened_at=NOW - timedelta(days=3), target=100)
        figures = _figures(app, empty.slug)
        assert [(b.day.isoformat(), b.count) for b in figures.daily] == [
            ("2026-03-30", 0),
            ("2026-03-31", 0),
            ("2026-04-01", 0),
            ("2026-04-02", 0),
        ]
        assert len(figures.hourly) == 168 and not any(b.count for b in figures.hourly)
        assert figures.projection.status == NO_PACE and figures.signatures_today == 0

        single = make_petition(opened_at=NOW - timedelta(hours=2), target=100, signature_count=3)
        for minutes in (5, 30, 95):
            sign(single.id, NOW - timedelta(minutes=minutes))
        db.session.commit()
        figures = _figures(app, single.slug)
        assert [(b.day.isoformat(), b.count, b.total) for b in figures.daily] == [("2026-04-02", 3, 3)]
        # 10:55, 12:00 and 12:25 UTC: 11:55, 13:00 and 13:25 BST.
        assert [(b.start.hour, b.count) for b in figures.hourly if b.count] == [(11, 1), (13, 2)]
        assert figures.projection.status == NO_PACE and figures.projection.window_days == 0


TILE = re.compile(
    r'<g class="tile" data-region="([a-z-]+)" data-count="(\d+)"><title>([^<]*)</title><rect [^>]*/>'
    r'<text class="tile-name"[^>]*>([^<]*)</text><text class="tile-count"[^>]*>([^<]*)</text></g>'
)


def test_the_stats_page_draws_the_tile_map_and_the_charts_from_the_figures(app, history, signed_in):
    organiser = signed_in(Role.ORGANISER)
    page = organiser.get(f"/petitions/{history['slug']}/stats")
    assert page.status_code == 200
    tiles = {
        code: (int(count), html.unescape(name), short, shown)
        for code, count, name, short, shown in TILE.findall(page.text)
    }
    assert len(tiles) == 12
    assert tiles["london"] == (2, "London: 2", "London", "2")
    assert tiles["wales"] == (1, "Wales: 1", "Wales", "1")
    assert tiles["scotland"] == (1, "Scotland: 1", "Scotland", "1")
    assert tiles["northern-ireland"] == (0, "Northern Ireland: 0", "N Ireland", "0")
    assert sum(t[0] for t in tiles.values()) == 4  # the signer abroad is in the table, not on the map
    assert re.search(r'Outside the UK</th><td class="num">1</td>', page.text)
    # Each chart is an image with a name and a description, and its figures are in a table.
    for chart in ("chart-total", "chart-daily", "chart-hourly", "chart-regions", "chart-sources"):
        assert re.search(
            rf'<svg class="chart[^"]*" role="img"[^>]*aria-labelledby="{chart}-title {chart}-desc"', page.text
        ), chart
        assert f'<title id="{chart}-title">' in page.text and f'<desc id="{chart}-desc">' in page.text
    assert "Most signers live in London (2 signatures)." in page.text
    assert "Running total of signatures" in page.text
    assert '<svg class="chart chart-bar"' in page.text and "<script" not in page.text.split("<main", 1)[1]
    assert f'href="/petitions/{history["slug"]}/stats/daily.csv"' in page.text
    # The official petition's count beside ours, each with when it was read.
    parliament = re.search(
        r'<table class="table table-narrow" id="parliament-table">.*?</table>', page.text, re.S
    )
    cells = [
        html.unescape(c) for c in re.findall(r"<t[hd][^>]*>([^<]*)", parliament.group(0).split("<tbody>")[1])
    ]
    assert cells[:2] == ["This petition", "55"]
    assert cells[3:6] == [
        "Official petition 700123: “Stop separating mothers and babies”",
        "12,345",
        "2 April 2026, 09:00",  # 08:00 UTC, in UK time
    ]


def test_csv_downloads_hold_the_tables(app, history, signed_in):
    organiser = signed_in(Role.ORGANISER)
    base = f"/petitions/{history['slug']}/stats"
    rows = {}
    for table in ("daily", "hourly", "regions", "sources"):
        response = organiser.get(f"{base}/{table}.csv")
        assert response.status_code == 200 and response.mimetype == "text/csv", table
        assert response.headers["Cache-Control"] == "no-store"
        assert f'-{table}.csv"' in response.headers["Content-Disposition"]
        rows[table] = list(csv.DictReader(io.StringIO(response.text)))
    # The real clock decides where the series end; the days with signatures are fixed.
    daily = [(r["date"], r["signatures"], r["cumulative"]) for r in rows["daily"] if r["signatures"] != "0"]
    assert daily == [
        ("2026-03-27", "1", "1"),
        ("2026-03-28", "1", "2"),
        ("2026-03-30", "1", "3"),
        ("2026-03-31", "50", "53"),
        ("2026-04-02", "2", "55"),
    ]
    assert rows["daily"][0]["date"] == "2026-03-27" and rows["daily"][-1]["cumulative"] == "55"
    assert len(rows["hourly"]) == 168 and list(rows["hourly"][0]) == [
        "hour_starting",
        "signatures",
        "cumulative",
    ]
    regions = {r["code"]: (r["name"], r["nation"], r["signatures"]) for r in rows["regions"]}
    assert regions["london"] == ("London", "England", "2")
    assert regions["wales"] == ("Wales", "Wales", "1")
    assert regions["outside-uk"] == ("Outside the UK", "", "1")
    assert len(regions) == 14  # twelve on the map, the Crown Dependencies, outside the UK
    sources = [r for r in rows["sources"] if r["total"] != "0"]
    assert [(r["date"], r["member"], r["share"], r["paper"], r["direct"], r["total"]) for r in sources] == [
        ("2026-03-27", "1", "0", "0", "0", "1"),
        ("2026-03-28", "0", "1", "0", "0", "1"),
        ("2026-03-30", "0", "0", "0", "1", "1"),
        ("2026-03-31", "0", "0", "50", "0", "50"),
        ("2026-04-02", "1", "0", "1", "0", "2"),
    ]
    assert organiser.get(f"{base}/nothing.csv").status_code == 404


def test_the_stats_are_for_organisers_and_the_petitions_owners(app, history, signed_in):
    slug = history["slug"]
    paths = (f"/petitions/{slug}/stats", f"/petitions/{slug}/stats/daily.csv")
    for client in (signed_in(Role.ORGANISER), signed_in(Role.ADMIN)):
        assert [client.get(p).status_code for p in paths] == [200, 200]
    owner = signed_in(None)
    owner.sign_in(history["owner"], "a perfectly good password")
    assert [owner.get(p).status_code for p in paths] == [200, 200]
    assert f'href="/petitions/{slug}/stats"' in owner.get(f"/petitions/{slug}").text
    assert f'href="/petitions/{slug}/stats"' in owner.get("/petitions/mine").text
    for role in (Role.MEMBER, Role.MODERATOR):
        other = signed_in(role)
        assert [other.get(p).status_code for p in paths] == [403, 403], role
        assert "/stats" not in other.get(f"/petitions/{slug}").text
    visitor = app.test_client()
    for path in paths:
        refused = visitor.get(path)
        assert refused.status_code == 302 and refused.headers["Location"].startswith("/sign-in")
    # Someone else's draft is not there at all for a member.
    with app.app_context():
        draft = make_petition(state="draft").slug
    assert signed_in(Role.MEMBER).get(f"/petitions/{draft}/stats").status_code == 404


def test_the_public_page_shows_signatures_today_and_a_small_chart(app, client):
    now = utcnow()
    with app.app_context():
        petition = make_petition(opened_at=now - timedelta(days=5), signature_count=5)
        for _ in range(3):
            sign(petition.id, now)
        for _ in range(2):
            sign(petition.id, now - timedelta(days=3))
        sign(petition.id, now, flagged=True)
        db.session.commit()
        slug = petition.slug
    page = client.get(f"/petitions/{slug}")
    assert page.status_code == 200
    assert "<strong>3 signatures today.</strong>" in page.text
    chart = re.search(r'<svg class="chart chart-line" role="img".*?</svg>', page.text, re.S)
    assert chart and 'aria-labelledby="chart-public-title chart-public-desc"' in chart.group(0)
    assert "5 signatures by" in chart.group(0)
    running = re.findall(r'<td class="num">(\d+)</td><td class="num">(\d+)</td></tr>', page.text)
    assert running[-1] == ("3", "5") and len(running) in (6, 7)  # five days ago to today, in UK days
    # Served again (from the public cache, or rendered afresh) it says the same.
    assert "<strong>3 signatures today.</strong>" in client.get(f"/petitions/{slug}").text


def test_the_public_chart_is_one_query_and_cached(app):
    now = utcnow()
    with app.app_context():
        petition = make_petition(opened_at=now - timedelta(days=2), signature_count=1)
        sign(petition.id, now)
        db.session.commit()
        first = stats_service.public_series(petition, now)
        # A signature confirmed since is not in the cached entry until the count moves on.
        sign(petition.id, now)
        db.session.commit()
        assert stats_service.public_series(petition, now).today == first.today == 1
        petition.signature_count = 2
        db.session.commit()
        assert stats_service.public_series(petition, now).today == 2


def test_an_empty_open_petition_says_none_today_and_the_stats_page_copes(app, client, signed_in):
    with app.app_context():
        slug = make_petition(target=100).slug
    assert "<strong>0 signatures today.</strong>" in client.get(f"/petitions/{slug}").text
    page = signed_in(Role.ORGANISER).get(f"/petitions/{slug}/stats")
    assert page.status_code == 200
    assert "No signatures yet" in page.text and "Too early to tell" in page.text
