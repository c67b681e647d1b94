"""When a petition reaches its target at its recent pace: a scripted history with answers worked by hand."""

from datetime import date, timedelta

from campaign.services.petitions.projection import (
    CLOSED,
    NO_PACE,
    NOT_ON_PACE,
    ON_PACE,
    REACHED,
    WINDOW_DAYS,
    project,
)

TODAY = date(2026, 11, 30)


def history(counts_before_today: list[int], today: int = 0) -> list[tuple[date, int]]:
    """Daily counts ending yesterday, then today's (still filling up)."""
    start = TODAY - timedelta(days=len(counts_before_today))
    days = [(start + timedelta(days=n), c) for n, c in enumerate(counts_before_today)]
    return days + [(TODAY, today)]


# A burst long ago, then a week rising from 10 to 70 a day (mean 40), and 5 so far today.
SCRIPTED = history([900, 0, 10, 20, 30, 40, 50, 60, 70], today=5)


def test_the_pace_is_the_last_seven_full_days_and_the_range_their_slowest_and_fastest():
    result = project(SCRIPTED, total=1000, target=2000, today=TODAY, deadline=date(2027, 1, 31))
    assert WINDOW_DAYS == 7
    assert result.status == ON_PACE and result.on_pace
    assert result.remaining == 1000
    assert result.pace == 40 and result.window_days == 7  # the 900 and today's 5 are left out
    assert result.date == date(2026, 12, 25)  # 1000 / 40 = 25 days from today
    assert result.earliest == date(2026, 12, 15)  # ceil(1000 / 70) = 15 days
    assert result.latest == date(2027, 3, 10)  # 1000 / 10 = 100 days
    assert result.needed_per_day == 1000 / 62  # 62 days from tomorrow to 31 January


def test_a_projected_date_after_the_deadline_is_not_on_current_pace():
    result = project(SCRIPTED, total=1000, target=2000, today=TODAY, deadline=date(2026, 12, 20))
    assert result.status == NOT_ON_PACE and not result.on_pace
    assert result.date == date(2026, 12, 25) and result.earliest == date(2026, 12, 15)
    assert result.needed_per_day == 50  # 1000 over the 20 days left


def test_the_deadline_day_itself_is_still_on_pace():
    result = project(SCRIPTED, total=1000, target=2000, today=TODAY, deadline=date(2026, 12, 25))
    assert result.status == ON_PACE


def test_no_deadline_means_any_date_is_on_pace():
    result = project(SCRIPTED, total=1000, target=2000, today=TODAY)
    assert result.status == ON_PACE and result.needed_per_day is None


def test_a_target_reached_says_so_and_projects_nothing():
    for total in (2000, 2500):
        result = project(SCRIPTED, total=total, target=2000, today=TODAY, deadline=date(2026, 12, 1))
        assert result.status == REACHED and result.date is None and result.remaining == 0


def test_an_empty_petition_has_no_pace():
    result = project(history([0] * 10), total=0, target=500, today=TODAY, deadline=date(2026, 12, 30))
    assert result.status == NO_PACE and result.date is None and result.pace == 0
    assert result.window_days == 7 and result.needed_per_day == 500 / 30


def test_a_petition_opened_today_has_no_full_day_and_so_no_pace():
    result = project([(TODAY, 30)], total=30, target=500, today=TODAY)
    assert result.status == NO_PACE and result.window_days == 0 and result.remaining == 470


def test_a_young_petition_uses_the_full_days_it_has():
    result = project(history([30, 10], today=99), total=140, target=200, today=TODAY)
    assert (result.pace, result.window_days) == (20, 2)
    assert result.date == TODAY + timedelta(days=3)  # ceil(60 / 20)
    assert (result.earliest, result.latest) == (TODAY + timedelta(days=2), TODAY + timedelta(days=6))


def test_a_quiet_day_in_the_window_leaves_the_range_open_ended():
    result = project(history([0, 10, 20, 30, 0, 40, 40]), total=100, target=300, today=TODAY)
    assert result.pace == 20 and result.date == TODAY + timedelta(days=10)
    assert result.earliest == TODAY + timedelta(days=5) and result.latest is None


def test_a_closed_petition_short_of_its_target_is_not_projected():
    result = project(SCRIPTED, total=1000, target=2000, today=TODAY, is_open=False)
    assert result.status == CLOSED and result.remaining == 1000 and result.date is None
