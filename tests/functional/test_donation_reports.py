"""Organisers' side of donations: who may see it, the figures (net of refunds and lost disputes, never
pending or failed payments), breakdowns by day, month and campaign in UK time, settings, the CSV export,
and Gift Aid: which gifts can be claimed, HMRC's schedule, and recording a claim once."""

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import DonationPayment, DonationSettings, GiftAidClaim, Role, utcnow
from campaign.services.donations import gift_aid, reports
from tests.factories import make_donation, make_page, make_petition, make_user

GETS = [
    "/donate/admin",
    "/donate/admin/settings",
    "/donate/admin/donations.csv",
    "/donate/admin/gift-aid",
    "/donate/admin/gift-aid/unclaimed.csv",
]


def _claim(app) -> str:
    with app.app_context():
        claim = GiftAidClaim(ref=f"claim{utcnow().timestamp():.0f}", payment_count=0, total_pence=0)
        db.session.add(claim)
        db.session.commit()
        return claim.ref


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# Who may see it


@pytest.mark.parametrize(
    "role, expected",
    [(None, 302), (Role.MEMBER, 403), (Role.MODERATOR, 403), (Role.ORGANISER, 200), (Role.ADMIN, 200)],
)
def test_only_organisers_and_admins_see_donations(app, role, expected, signed_in):
    person = signed_in(role)
    ref = _claim(app)
    for url in [*GETS, f"/donate/admin/gift-aid/claims/{ref}.csv"]:
        response = person.get(url)
        assert response.status_code == expected, url
        if role is None:
            assert "/sign-in" in response.headers["Location"]
    token = person.csrf_token("/join")
    settings = {"csrf_token": token, "charity_name": "Legal Action for Women", "target": "100"}
    claim = {"csrf_token": token}
    posted = [
        person.post("/donate/admin/settings", data=settings),
        person.post("/donate/admin/gift-aid", data=claim),
    ]
    for response in posted:
        assert response.status_code == (302 if expected == 200 else expected)
        if role is None:
            assert "/sign-in" in response.headers["Location"]
    with app.app_context():
        saved = db.session.get(DonationSettings, 1)
        assert (saved is not None and saved.target_pence == 10_000) == (expected == 200)


def test_organisers_find_the_dashboard_in_their_area(app, signed_in):
    assert "/donate/admin" in signed_in(Role.ORGANISER).get("/account/").text
    assert "/donate/admin" not in signed_in(Role.MODERATOR).get("/account/").text


def test_an_unknown_claim_is_a_404(app, signed_in):
    assert signed_in(Role.ORGANISER).get("/donate/admin/gift-aid/claims/nothing-here.csv").status_code == 404


# The figures


def _mixed_gifts():
    make_donation(1000, email="alex@example.org", name="Alex")  # counts in full
    make_donation(100, email="Alex@Example.org", name="Alex again")  # the same donor
    make_donation(2000, payments=[{"refunded_pence": 500}])  # partly refunded
    make_donation(3000, payments=[{"dispute_status": "lost"}])  # lost dispute: nothing
    make_donation(4000, state="processing", payments=[{"state": "pending"}])  # not paid yet
    make_donation(500, frequency="monthly", payments=[{}, {}, {"state": "failed"}])  # 2 paid months
    make_donation(700, frequency="monthly", payments=0, subscription_status="canceled")


def test_totals_count_only_paid_money_net_of_refunds_and_lost_disputes(app, ctx):
    _mixed_gifts()
    organiser = make_user(role=Role.ORGANISER)
    found = reports.summary(organiser)
    assert found.gross_pence == 1000 + 100 + 2000 + 3000 + 500 * 2
    assert found.net_pence == 1000 + 100 + 1500 + 0 + 1000
    assert (found.refunded_pence, found.disputed_pence) == (500, 3000)
    assert found.payments == 6
    assert found.donors == 4  # Alex twice is one donor; the pending gift's donor gave nothing yet
    assert (found.one_off.net_pence, found.one_off.payments, found.one_off.donations) == (2600, 4, 4)
    assert (found.monthly.net_pence, found.monthly.payments, found.monthly.donations) == (1000, 2, 1)
    assert (found.active_monthly, found.active_monthly_pence) == (1, 500)
    assert found.target_percent == 0


def test_the_dashboard_shows_the_figures_and_progress_toward_the_target(app, signed_in):
    with app.app_context():
        _mixed_gifts()
        settings = DonationSettings(id=1, target_pence=10_000, target_label="the legal fund")
        db.session.merge(settings)
        db.session.commit()
    page = signed_in(Role.ORGANISER).get("/donate/admin")
    assert page.status_code == 200
    text = page.text
    assert re.search(r'data-figure="net">£36<', text)
    assert re.search(r'data-figure="donors">4<', text)
    assert re.search(r'data-figure="active-monthly">1<', text)
    assert "£5 a month" in text
    assert "£5 refunded" in text and "£30 lost to disputes" in text
    assert '<progress class="progress" value="36" max="100"' in text
    assert "raised of £100 for the legal fund (36%)" in text
    assert page.headers["Cache-Control"] == "no-store"


def test_the_target_bar_stops_at_full_but_the_words_say_how_far_past(app, ctx):
    db.session.merge(DonationSettings(id=1, target_pence=1000))
    db.session.commit()
    make_donation(2500)
    found = reports.summary(make_user(role=Role.ORGANISER))
    assert (found.target_percent, found.target_percent_exact) == (100, 250)


def test_days_and_months_are_in_uk_time_with_every_period_present(app, ctx):
    organiser = make_user(role=Role.ORGANISER)
    # 23:30 UTC on 10 July is 00:30 on 11 July in London (BST).
    make_donation(1000, payments=[{"paid_at": datetime(2025, 7, 10, 23, 30, tzinfo=UTC)}])
    make_donation(
        2000, payments=[{"paid_at": datetime(2025, 7, 11, 9, 0, tzinfo=UTC), "refunded_pence": 2000}]
    )
    make_donation(400, payments=[{"paid_at": datetime(2025, 6, 30, 23, 30, tzinfo=UTC)}])  # 1 July locally
    make_donation(300, payments=[{"paid_at": datetime(2025, 6, 14, 12, 0, tzinfo=UTC)}])  # outside 30 days
    make_donation(200, payments=[{"paid_at": datetime(2024, 7, 31, 12, 0, tzinfo=UTC)}])  # outside 12 months
    make_donation(900, payments=[{"paid_at": datetime(2025, 7, 12, 8, 0, tzinfo=UTC), "state": "failed"}])
    today = date(2025, 7, 15)

    days = reports.by_day(organiser, today=today)
    assert len(days) == 30
    assert (days[0].start, days[-1].start) == (date(2025, 6, 16), today)
    by_date = {d.start: (d.payments, d.net_pence) for d in days}
    assert by_date[date(2025, 7, 11)] == (2, 1000)  # the refunded gift was paid, but is worth nothing
    assert by_date[date(2025, 7, 10)] == (0, 0)
    assert by_date[date(2025, 7, 1)] == (1, 400)
    assert by_date[date(2025, 7, 12)] == (0, 0)  # a failed payment is not a payment
    assert sum(d.net_pence for d in days) == 1400

    months = reports.by_month(organiser, today=today)
    assert [m.label for m in months][:2] == ["Aug 2024", "Sep 2024"]
    assert months[-1].label == "Jul 2025" and len(months) == 12
    assert (months[-1].payments, months[-1].net_pence) == (3, 1400)
    assert (months[-2].payments, months[-2].net_pence) == (1, 300)
    assert sum(m.net_pence for m in months) == 1700


def test_month_boundaries_cross_the_year(app, ctx):
    months = reports.by_month(make_user(role=Role.ORGANISER), today=date(2026, 2, 3))
    assert [m.start for m in months][:2] == [date(2025, 3, 1), date(2025, 4, 1)]
    assert [m.start for m in months][-2:] == [date(2026, 1, 1), date(2026, 2, 1)]


def test_money_is_grouped_by_what_it_was_given_towards(app, ctx):
    organiser = make_user(role=Role.ORGANISER)
    petition = make_petition(title="Keep families together")
    page = make_page(kind="campaign", title="Legal fund")
    make_donation(1000, petition=petition)
    make_donation(1500, petition=petition, payments=[{}, {"refunded_pence": 500}])
    make_donation(700, page=page)
    make_donation(300)
    make_donation(9900, petition=petition, payments=[{"state": "pending"}])
    found = {
        (c.label, c.kind, c.slug): (c.payments, c.net_pence, c.donors) for c in reports.by_campaign(organiser)
    }
    assert found == {
        ("Petition: Keep families together", "petition", petition.slug): (3, 1000 + 1500 + 1000, 2),
        ("Campaign: Legal fund", "page", page.slug): (1, 700, 1),
        ("The coalition's work", "", ""): (1, 300, 1),
    }
    assert [c.kind for c in reports.by_campaign(organiser)] == ["petition", "page", ""]


def test_the_list_of_gifts_is_newest_first_and_paged(app, signed_in):
    with app.app_context():
        now = utcnow()
        for n in range(27):
            make_donation(100 + n, name=f"Donor number {n}", created_at=now - timedelta(minutes=60 - n))
        make_donation(
            2500, frequency="monthly", name="Newest monthly", gift_aid=True, payments=[{}, {}], created_at=now
        )
    organiser = signed_in(Role.ORGANISER)
    first = organiser.get("/donate/admin").text
    assert first.index("Newest monthly") < first.index("Donor number 26")
    assert "Donor number 2<" not in first and "Page 1 of 2 (28 gifts)" in first
    row = re.search(r"Newest monthly.*?</tr>", first, re.S).group(0)
    assert "£25" in row and "a month" in row and "Completed" in row and ">2<" in row and "£50" in row
    assert "Yes" in row
    second = organiser.get("/donate/admin?page=2").text
    assert "Donor number 0<" in second and "Donor number 26" not in second


# Settings


def test_gift_aid_without_a_charity_name_is_refused_beside_the_field(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    response = organiser.submit(
        "/donate/admin/settings",
        {"gift_aid_enabled": "y", "charity_name": "  ", "charity_number": "1234567", "target": "5000"},
    )
    assert response.status_code == 400
    assert 'id="charity_name-error"' in response.text and "registered name" in response.text
    assert 'href="#charity_name"' in response.text  # the summary links to the field
    assert 'value="1234567"' in response.text and 'value="5000"' in response.text
    with app.app_context():
        saved = db.session.get(DonationSettings, 1)
        assert saved is None or not saved.gift_aid_enabled


def test_a_target_that_is_not_a_number_is_refused_and_kept(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    response = organiser.submit("/donate/admin/settings", {"target": "lots", "target_label": "Legal fund"})
    assert response.status_code == 400
    assert 'id="target-error"' in response.text and "as a number" in response.text
    assert 'value="lots"' in response.text and 'value="Legal fund"' in response.text


def test_settings_are_saved_and_shown_again(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    response = organiser.submit(
        "/donate/admin/settings",
        {
            "gift_aid_enabled": "y",
            "charity_name": "Legal Action for Women",
            "charity_number": "1234567",
            "target": "£5,000.50",
            "target_label": "the legal fund",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        saved = db.session.get(DonationSettings, 1)
        assert (saved.gift_aid_enabled, saved.charity_name, saved.target_pence) == (
            True,
            "Legal Action for Women",
            500_050,
        )
    form = organiser.get("/donate/admin/settings").text
    assert 'value="5000.50"' in form and 'value="Legal Action for Women"' in form
    assert organiser.submit("/donate/admin/settings", {"target": ""}).status_code == 302
    with app.app_context():
        assert db.session.get(DonationSettings, 1).target_pence == 0


# The CSV of payments


def test_the_payments_csv_has_every_payment_and_no_formulas(app, signed_in):
    with app.app_context():
        petition = make_petition(title="=Keep families together")
        make_donation(
            2000,
            name='=HYPERLINK("http://evil")',
            email="-x@example.org",
            opt_in=True,
            petition=petition,
            gift_aid=True,
            payments=[{"paid_at": datetime(2025, 7, 10, 23, 30, tzinfo=UTC), "refunded_pence": 500}],
        )
        make_donation(
            700,
            name="@SUM(A1)",
            frequency="monthly",
            payments=[
                {"paid_at": datetime(2025, 7, 1, 8, 0, tzinfo=UTC), "dispute_status": "lost"},
                {"state": "failed"},
            ],
        )
    response = signed_in(Role.ORGANISER).get("/donate/admin/donations.csv")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.mimetype == "text/csv"
    assert re.match(
        r'attachment; filename="donations-\d{4}-\d{2}-\d{2}\.csv"', response.headers["Content-Disposition"]
    )
    rows = _rows(response.text)
    assert rows[0] == reports.EXPORT_COLUMNS
    body = rows[1:]
    assert len(body) == 3
    monthly, one_off, failed = body
    assert one_off[0] == "2025-07-11 00:30"
    assert one_off[2:] == [
        '\'=HYPERLINK("http://evil")',
        "'-x@example.org",
        "One-off",
        "20.00",
        "5.00",
        "15.00",
        "paid",
        "",
        "Petition: =Keep families together",
        "yes",
        "yes",
    ]
    assert monthly[0] == "2025-07-01 09:00"
    assert monthly[2] == "'@SUM(A1)"
    assert monthly[4:10] == ["Monthly", "7.00", "0.00", "0.00", "paid", "lost"]
    assert failed[0] == "" and failed[8] == "failed" and failed[7] == "0.00"
    assert failed[10] == "The coalition's work"
    for row in body:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")


# Gift Aid


def _gift_aid_cases():
    """One gift that can be claimed (and one withdrawn after it was paid, which still can), and one of each
    kind that cannot."""
    now = utcnow()
    paid = now - timedelta(days=10)
    eligible = make_donation(
        1050,
        gift_aid={
            "title": "Mrs",
            "first_name": "Mary",
            "last_name": "Smith",
            "house": "Flat 2",
            "postcode": "SW1A 1AA",
        },
        payments=[{"paid_at": paid}],
    )
    withdrawn_later = make_donation(
        2000,
        gift_aid={
            "first_name": "Ann",
            "last_name": "Later",
            "title": "",
            "cancelled_at": now - timedelta(days=1),
        },
        payments=[{"paid_at": paid}],
    )
    make_donation(3000, gift_aid=True, payments=[{"paid_at": paid, "refunded_pence": 100}])
    make_donation(3100, gift_aid=True, payments=[{"paid_at": paid, "dispute_status": "won"}])
    make_donation(3200, gift_aid={"cancelled_at": paid - timedelta(days=1)}, payments=[{"paid_at": paid}])
    make_donation(3300, payments=[{"paid_at": paid}])  # no declaration
    make_donation(3400, gift_aid=True, payments=[{"paid_at": now - timedelta(days=4 * 365 + 5)}])
    make_donation(3500, gift_aid=True, payments=[{"state": "pending"}, {"state": "failed"}])
    make_donation(3600, gift_aid=True, payments=[{"paid_at": paid, "currency": "eur"}])
    claimed = make_donation(3700, gift_aid=True, payments=[{"paid_at": paid}])
    old_claim = GiftAidClaim(ref="earlier-claim", payment_count=1, total_pence=3700)
    db.session.add(old_claim)
    db.session.flush()
    claimed.payments[0].gift_aid_claim_id = old_claim.id
    db.session.commit()
    local = paid.astimezone(reports.local_zone()).strftime("%d/%m/%y")
    return eligible, withdrawn_later, local


def test_only_gifts_that_can_be_claimed_are_in_the_schedule(app, ctx):
    eligible, withdrawn_later, day = _gift_aid_cases()
    organiser = make_user(role=Role.ORGANISER)
    assert {p.donation_id for p in gift_aid.eligible_payments(organiser)} == {eligible.id, withdrawn_later.id}
    totals = gift_aid.eligible_totals(organiser)
    assert (totals.count, totals.total_pence, totals.gift_aid_pence) == (2, 3050, 762)
    rows = gift_aid.claim_schedule_rows(organiser, None)
    assert rows == [
        ["Mrs", "Mary", "Smith", "Flat 2", "SW1A 1AA", "", "", day, "10.50"],
        ["", "Ann", "Later", "12", "LS1 4AP", "", "", day, "20.00"],
    ]
    assert re.fullmatch(r"\d{2}/\d{2}/\d{2}", day)


def test_the_unclaimed_schedule_downloads_with_hmrc_columns(app, signed_in):
    with app.app_context():
        _eligible, _later, day = _gift_aid_cases()
    organiser = signed_in(Role.ORGANISER)
    response = organiser.get("/donate/admin/gift-aid/unclaimed.csv")
    assert response.headers["Cache-Control"] == "no-store"
    assert "gift-aid-unclaimed-" in response.headers["Content-Disposition"]
    assert response.text.splitlines()[0] == (
        "Title,First name or initial,Last name,House name or number,Postcode,"
        "Aggregated donations,Sponsored event,Donation date,Amount"
    )
    assert response.text.splitlines()[1] == f"Mrs,Mary,Smith,Flat 2,SW1A 1AA,,,{day},10.50"
    page = organiser.get("/donate/admin/gift-aid").text
    assert 'data-figure="eligible-count">2<' in page and 'data-figure="eligible-total">£30.50<' in page
    assert "Record these 2 gifts as claimed" in page
    for words in (
        "refunded",
        "disputed",
        "withdrew their declaration",
        "already recorded",
        "more than 4 years",
    ):
        assert words in page


def test_recording_a_claim_stamps_the_gifts_once_and_keeps_its_schedule(app, signed_in):
    with app.app_context():
        eligible, withdrawn_later, day = _gift_aid_cases()
        ids = {eligible.payments[0].id, withdrawn_later.payments[0].id}
    organiser = signed_in(Role.ORGANISER)
    # What the organiser was shown no longer matches: nothing is recorded.
    stale = organiser.submit("/donate/admin/gift-aid", {"expected": "5"}, follow_redirects=True)
    assert "changed while the page was open" in stale.text
    with app.app_context():
        assert db.session.scalar(select(GiftAidClaim).where(GiftAidClaim.ref != "earlier-claim")) is None

    done = organiser.submit("/donate/admin/gift-aid", {"expected": "2"}, follow_redirects=True)
    assert "Recorded 2 gifts (£30.50) as claimed" in done.text
    assert "There is nothing to claim at the moment." in done.text
    with app.app_context():
        claim = db.session.scalar(select(GiftAidClaim).where(GiftAidClaim.ref != "earlier-claim"))
        assert (claim.payment_count, claim.total_pence) == (2, 3050)
        stamped = set(
            db.session.scalars(
                select(DonationPayment.id).where(DonationPayment.gift_aid_claim_id == claim.id)
            )
        )
        assert stamped == ids
        ref = claim.ref

    again = organiser.submit("/donate/admin/gift-aid", {}, form_url="/donate/admin", follow_redirects=True)
    assert "There are no gifts to claim" in again.text
    with app.app_context():
        assert db.session.scalar(select(db.func.count(GiftAidClaim.id))) == 2
        organiser_user = make_user(role=Role.ORGANISER)
        with pytest.raises(reports.ServiceError):
            gift_aid.record_claims(organiser_user)

    schedule = organiser.get(f"/donate/admin/gift-aid/claims/{ref}.csv")
    assert schedule.status_code == 200 and schedule.headers["Cache-Control"] == "no-store"
    assert (
        "gift-aid-claim-" in schedule.headers["Content-Disposition"]
        and ref in schedule.headers["Content-Disposition"]
    )
    assert _rows(schedule.text)[1:] == [
        ["Mrs", "Mary", "Smith", "Flat 2", "SW1A 1AA", "", "", day, "10.50"],
        ["", "Ann", "Later", "12", "LS1 4AP", "", "", day, "20.00"],
    ]
    assert _rows(organiser.get("/donate/admin/gift-aid/unclaimed.csv").text) == [gift_aid.SCHEDULE_COLUMNS]
    assert f"/donate/admin/gift-aid/claims/{ref}.csv" in organiser.get("/donate/admin/gift-aid").text


# Claims split at HMRC's limit of rows per schedule

LIMIT = 3


def _gifts(count: int) -> set[int]:
    paid = utcnow() - timedelta(days=3)
    donations = [
        make_donation(1000 + n, gift_aid=True, payments=[{"paid_at": paid + timedelta(minutes=n)}])
        for n in range(count)
    ]
    return {d.payments[0].id for d in donations}


def _claimed_by(claim: GiftAidClaim) -> list[int]:
    return list(
        db.session.scalars(select(DonationPayment.id).where(DonationPayment.gift_aid_claim_id == claim.id))
    )


@pytest.mark.parametrize(
    ("gifts", "claims"), [(LIMIT, 1), (LIMIT + 1, 2), (2 * LIMIT, 2), (2 * LIMIT + 1, 3)]
)
def test_a_claim_is_split_at_the_row_limit_and_every_gift_is_claimed_once(app, ctx, gifts, claims):
    app.config["GIFT_AID_MAX_ROWS_PER_CLAIM"] = LIMIT
    ids = _gifts(gifts)
    organiser = make_user(role=Role.ORGANISER)
    assert gift_aid.parts_needed(gift_aid.eligible_totals(organiser).count) == claims
    recorded = gift_aid.record_claims(organiser, expected=gifts)
    assert len(recorded) == claims
    claimed = [payment_id for claim in recorded for payment_id in _claimed_by(claim)]
    assert sorted(claimed) == sorted(ids)  # every gift, each exactly once
    for claim in recorded:
        rows = _rows(gift_aid.schedule_csv(organiser, claim))
        assert rows[0] == gift_aid.SCHEDULE_COLUMNS
        assert 1 <= len(rows) - 1 <= LIMIT and len(rows) - 1 == claim.payment_count
        assert claim.total_pence == sum(
            db.session.get(DonationPayment, pid).amount_pence for pid in _claimed_by(claim)
        )
    assert sum(len(_rows(gift_aid.schedule_csv(organiser, c))) - 1 for c in recorded) == gifts
    assert gift_aid.eligible_totals(organiser).count == 0


def test_the_unclaimed_schedule_comes_in_parts_that_match_the_claims_recorded(app, signed_in):
    app.config["GIFT_AID_MAX_ROWS_PER_CLAIM"] = LIMIT
    with app.app_context():
        _gifts(LIMIT + 1)
    organiser = signed_in(Role.ORGANISER)
    page = organiser.get("/donate/admin/gift-aid").text
    assert "make 2 claims" in page and "Record these 4 gifts as claimed, in 2 claims" in page
    first = _rows(organiser.get("/donate/admin/gift-aid/unclaimed.csv?part=1").text)[1:]
    second = _rows(organiser.get("/donate/admin/gift-aid/unclaimed.csv?part=2").text)[1:]
    assert (len(first), len(second)) == (LIMIT, 1)
    assert organiser.get("/donate/admin/gift-aid/unclaimed.csv?part=0").status_code == 404

    done = organiser.submit("/donate/admin/gift-aid", {"expected": "4"}, follow_redirects=True)
    assert "Recorded 4 gifts (£40.06) as claimed, in 2 claims of at most 3 gifts" in done.text
    with app.app_context():
        recorded = db.session.scalars(select(GiftAidClaim).order_by(GiftAidClaim.id)).all()
        refs = [c.ref for c in recorded]
    schedules = [_rows(organiser.get(f"/donate/admin/gift-aid/claims/{ref}.csv").text)[1:] for ref in refs]
    assert schedules == [first, second]  # what was downloaded before recording is what each claim holds


def test_a_double_barrelled_surname_goes_to_hmrc_with_a_space_and_names_fit_the_cells(app, ctx):
    make_donation(
        1000,
        gift_aid={"title": "Prof", "first_name": "  Anna  Maria ", "last_name": "House-Martin"},
        payments=[{"paid_at": utcnow() - timedelta(days=1)}],
    )
    rows = gift_aid.claim_schedule_rows(make_user(role=Role.ORGANISER), None)
    assert rows[0][:3] == ["Prof", "Anna Maria", "House Martin"]
    # Longer than HMRC's cells (35 characters for names, 4 for a title): cut, with no space left at the end.
    assert gift_aid.hmrc_name("X" * 40, 35) == "X" * 35
    assert (
        gift_aid.hmrc_name("O'Brien-Smith " + "Y" * 30, 35, surname=True)
        == ("O'Brien Smith " + "Y" * 30)[:35]
    )
    assert gift_aid.hmrc_name("Anne-Marie", 35) == "Anne-Marie"  # only surnames lose their hyphen
    assert gift_aid.hmrc_name("Reverend", 4) == "Reve" and gift_aid.hmrc_name("Ab   cd", 4) == "Ab c"


def test_gift_aid_rows_per_claim_is_a_setting_within_hmrcs_limit(tmp_path):
    from campaign import ConfigError
    from campaign.settings import load_settings

    assert load_settings(tmp_path, {})["GIFT_AID_MAX_ROWS_PER_CLAIM"] == 1000
    assert (
        load_settings(tmp_path, {"GIFT_AID_MAX_ROWS_PER_CLAIM": "500"})["GIFT_AID_MAX_ROWS_PER_CLAIM"] == 500
    )
    for wrong in ("0", "1001", "lots"):
        with pytest.raises(ConfigError, match="GIFT_AID_MAX_ROWS_PER_CLAIM"):
            load_settings(tmp_path, {"GIFT_AID_MAX_ROWS_PER_CLAIM": wrong})


def test_an_enduring_declaration_covers_the_same_stripe_customers_other_gifts_and_nothing_else(app, ctx):
    """HMRC's enduring declaration ("this donation, any I make in future, and any I have made in the past 4
    years") covers the donor's other gifts, matched by their Stripe customer, never by the email alone; a
    "this donation only" declaration covers only its own; a withdrawn one stops covering from then on."""
    now = utcnow()
    paid = now - timedelta(days=10)
    declared = make_donation(
        1000,
        email="kim@example.org",
        gift_aid={"first_name": "Kim", "last_name": "Declared", "covers": "enduring"},
        payments=[{"paid_at": paid}],
        stripe_customer_id="cus_kim",
    )
    later_gift = make_donation(
        2000,
        email="kim@example.org",
        payments=[{"paid_at": now - timedelta(days=2)}],
        stripe_customer_id="cus_kim",
    )
    earlier_gift = make_donation(
        3000,
        email="kim@example.org",
        payments=[{"paid_at": now - timedelta(days=400)}],
        stripe_customer_id="cus_kim",
    )
    same_email_other_customer = make_donation(
        4000, email="kim@example.org", payments=[{"paid_at": paid}], stripe_customer_id="cus_someone_else"
    )
    same_email_no_customer = make_donation(4100, email="kim@example.org", payments=[{"paid_at": paid}])
    make_donation(
        5000,
        gift_aid={"first_name": "Tam", "last_name": "Once", "covers": "this"},
        payments=[{"paid_at": paid}],
        stripe_customer_id="cus_tam",
    )
    tam_other = make_donation(5100, payments=[{"paid_at": paid}], stripe_customer_id="cus_tam")
    make_donation(
        6000,
        gift_aid={"first_name": "Lee", "last_name": "Withdrew", "cancelled_at": now - timedelta(days=5)},
        payments=[{"paid_at": paid}],
        stripe_customer_id="cus_lee",
    )
    lee_before = make_donation(
        6100, payments=[{"paid_at": now - timedelta(days=8)}], stripe_customer_id="cus_lee"
    )
    lee_after = make_donation(
        6200, payments=[{"paid_at": now - timedelta(days=1)}], stripe_customer_id="cus_lee"
    )

    organiser = make_user(role=Role.ORGANISER)
    covered = {p.donation_id for p in gift_aid.eligible_payments(organiser)}
    assert {declared.id, later_gift.id, earlier_gift.id, lee_before.id} <= covered
    assert not covered & {same_email_other_customer.id, same_email_no_customer.id, tam_other.id, lee_after.id}
    # The schedule names the donor as their declaration does, on every gift it covers.
    names = {(row[2], row[8]) for row in gift_aid.claim_schedule_rows(organiser, None)}
    assert {("Declared", "10.00"), ("Declared", "20.00"), ("Declared", "30.00")} <= names
    totals = gift_aid.eligible_totals(organiser)
    assert totals.count == len(gift_aid.eligible_payments(organiser))
