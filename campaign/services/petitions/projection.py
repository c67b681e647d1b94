"""When a petition will reach its target at its recent pace: pure arithmetic on a daily series, no database.

The pace is the mean of the **last seven full days** (local days before today; today is still filling up and
would drag the pace down every morning). Seven days hold one of each weekday, so a petition shared mostly at
weekends is neither flattered nor punished by the day of the week it is read on, and it is recent enough to
follow a burst of attention or its fading. A petition younger than that uses the full days it has; one
opened today has no full day yet, so no pace ("too early to tell").

The range comes from the slowest and the fastest of those same days: had every day to come been like the
fastest recent day the target would be reached on ``earliest``, like the slowest on ``latest``. It is not a
statistical interval; it says plainly how much the answer depends on which recent day the future resembles.
When the slowest recent day had no signatures, there is no ``latest``: at that pace the target is never met.

The days still needed are counted from tomorrow: ``remaining`` signatures at ``pace`` a day take
``ceil(remaining / pace)`` days, so the projected date is today plus that many days."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

WINDOW_DAYS = 7

REACHED = "reached"  # the count has reached the target
ON_PACE = "on_pace"  # projected to reach it by the deadline (or there is no deadline)
NOT_ON_PACE = "not_on_pace"  # projected past the deadline, or never at the recent pace
NO_PACE = "no_pace"  # no full day yet, or no signatures in the recent days
CLOSED = "closed"  # no longer open, and short of the target


@dataclass(frozen=True)
class Projection:
    status: str
    remaining: int = 0
    pace: float = 0.0  # signatures a day, the mean of the recent full days
    window_days: int = 0  # how many full days the pace is the mean of
    date: dt.date | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None  # None with a date: the slowest recent day had no signatures
    # Signatures a day from tomorrow to the deadline (inclusive) that would still reach the target.
    needed_per_day: float | None = None

    @property
    def on_pace(self) -> bool:
        return self.status == ON_PACE


def _day_reached(today: date, remaining: int, per_day: float) -> date | None:
    if per_day <= 0:
        return None
    return today + timedelta(days=math.ceil(remaining / per_day))


def project(
    daily: Sequence[tuple[date, int]],
    total: int,
    target: int,
    today: date,
    deadline: date | None = None,
    is_open: bool = True,
) -> Projection:
    """``daily``: (local day, signatures that day), in order, zero-filled, up to and including ``today``.
    ``total``: the count now. ``deadline``: the last local day the petition can be signed."""
    remaining = max(target - total, 0)
    if remaining == 0:
        return Projection(REACHED)
    if not is_open:
        return Projection(CLOSED, remaining)
    days_left = (deadline - today).days if deadline is not None else None
    needed = remaining / days_left if days_left is not None and days_left > 0 else None
    full_days = [count for day, count in daily if day < today][-WINDOW_DAYS:]
    if not full_days or not any(full_days):
        return Projection(NO_PACE, remaining, window_days=len(full_days), needed_per_day=needed)
    pace = sum(full_days) / len(full_days)
    expected = _day_reached(today, remaining, pace)
    result = Projection(
        ON_PACE,
        remaining,
        pace=pace,
        window_days=len(full_days),
        date=expected,
        earliest=_day_reached(today, remaining, max(full_days)),
        latest=_day_reached(today, remaining, min(full_days)),
        needed_per_day=needed,
    )
    if deadline is not None and expected is not None and expected > deadline:
        return replace(result, status=NOT_ON_PACE)
    return result
