"""Times are shown to people, and crontab lines are read, in Europe/London: GMT in winter, BST in summer."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from campaign import ConfigError, jobs
from campaign.scheduler import Periodic
from campaign.settings import load_settings
from campaign.web.templating import format_date

LONDON = ZoneInfo("Europe/London")


def test_a_summer_datetime_is_shown_in_bst():
    at = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    assert format_date(at) == "1 July 2026"
    assert format_date(at, "%-d %B %Y at %H:%M %Z") == "1 July 2026 at 00:30 BST"


def test_a_winter_datetime_is_shown_in_gmt():
    at = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert format_date(at, "%-d %B %Y at %H:%M %Z") == "31 December 2026 at 23:30 GMT"


def test_a_naive_datetime_is_taken_as_utc_and_a_date_is_left_alone():
    from datetime import date

    assert format_date(datetime(2026, 7, 1, 12, 0), "%H:%M %Z") == "13:00 BST"
    assert format_date(date(2026, 7, 1)) == "1 July 2026"
    assert format_date(None) == ""


def test_the_date_filter_uses_the_apps_zone(app):
    with app.app_context():
        rendered = app.jinja_env.from_string("{{ at|date('%H:%M') }}").render(
            at=datetime(2026, 8, 1, 9, 0, tzinfo=UTC)
        )
    assert rendered == "10:00"


def _utc(*args) -> float:
    return datetime(*args, tzinfo=UTC).timestamp()


@pytest.mark.parametrize(
    ("now", "next_run"),
    [
        # Spring: 03:00 is 03:00 UTC on Saturday 28 March 2026 (GMT), 02:00 UTC from Sunday 29 (BST).
        (_utc(2026, 3, 27, 4, 0), _utc(2026, 3, 28, 3, 0)),
        (_utc(2026, 3, 28, 4, 0), _utc(2026, 3, 29, 2, 0)),
        (_utc(2026, 3, 29, 0, 30), _utc(2026, 3, 29, 2, 0)),  # after the clocks go forward at 01:00 UTC
        # Autumn: 02:00 UTC on Saturday 24 October 2026 (BST), 03:00 UTC from Sunday 25 (GMT).
        (_utc(2026, 10, 23, 4, 0), _utc(2026, 10, 24, 2, 0)),
        (_utc(2026, 10, 24, 4, 0), _utc(2026, 10, 25, 3, 0)),
        (_utc(2026, 10, 25, 0, 30), _utc(2026, 10, 25, 3, 0)),  # 01:30 BST, before the clocks go back
    ],
)
def test_a_daily_0300_job_stays_at_0300_in_london_across_the_clock_changes(now, next_run):
    daily = Periodic(jobs.recount_signatures, cron="0 3 * * *", timezone="Europe/London")
    assert daily.next_after(now) == next_run
    assert datetime.fromtimestamp(daily.next_after(now), LONDON).strftime("%H:%M") == "03:00"


def test_a_crontab_line_in_utc_stays_in_utc():
    daily = Periodic(jobs.recount_signatures, cron="0 3 * * *", timezone="UTC")
    assert daily.next_after(_utc(2026, 3, 28, 4, 0)) == _utc(2026, 3, 29, 3, 0)


def test_schedule_timezone_defaults_to_london_and_must_be_a_real_zone(tmp_path):
    assert load_settings(tmp_path, {})["SCHEDULE_TIMEZONE"] == "Europe/London"
    assert load_settings(tmp_path, {"SCHEDULE_TIMEZONE": "UTC"})["SCHEDULE_TIMEZONE"] == "UTC"
    with pytest.raises(ConfigError, match="SCHEDULE_TIMEZONE"):
        load_settings(tmp_path, {"SCHEDULE_TIMEZONE": "Europe/Atlantis"})
