"""How a petition is going: confirmed signatures over time, where they came from, where signers live, and
when the target will be reached at the recent pace.

Signatures that count (``counting.counted()``: confirmed, not flagged) are placed in time by when they were
confirmed (``validated_at``); paper batches, counted by hand, by when they were entered. Everything is read
in a fixed number of queries whatever the petition's size: one aggregate of signatures per UTC hour and
source kind (on PostgreSQL ``date_trunc``, on SQLite ``strftime``: ``make run``'s database), one of paper
batches, and the regions table (cached by ``counting.signatures_by_region``). Hours are grouped in UTC and
the days are made in Python in the campaign's timezone (CAMPAIGN_TIMEZONE, Europe/London), so a day is a UK
day in summer time and winter time alike; UK offsets are whole hours, so no hour straddles two days."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from redis.exceptions import RedisError
from sqlalchemy import case, func, select

from ...extensions import db
from ...models import PaperBatch, Petition, Signature, User, utcnow
from ...queue import get_redis
from ..errors import NotFound, PermissionDenied
from ..exports import safe_cell
from .counting import counted, signatures_by_region
from .projection import Projection, project
from .sources import MEMBER_PREFIX, PAPER, can_view_sources

HOURLY_DAYS = 7
# Source kinds in the order tables and charts show them, with their plain names.
SOURCE_KINDS = {
    "member": "Member organisations’ websites",
    "share": "Share links",
    "paper": "Paper",
    "direct": "Direct",
}
TABLES = ("daily", "hourly", "regions", "sources")


@dataclass(frozen=True)
class Bucket:
    """One hour or one day: its local start, the signatures in it and the running total at its end."""

    start: datetime
    count: int
    total: int

    @property
    def day(self) -> date:
        return self.start.date()


@dataclass(frozen=True)
class SourceDay:
    day: date
    counts: dict[str, int]  # source kind -> signatures that day

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class PetitionStats:
    petition: Petition
    today: date
    hourly: list[Bucket]
    daily: list[Bucket]
    sources: list[SourceDay]
    source_totals: dict[str, int]
    regions: dict
    total: int
    projection: Projection
    generated_at: datetime = field(default_factory=utcnow)

    @property
    def signatures_today(self) -> int:
        return self.daily[-1].count if self.daily and self.daily[-1].day == self.today else 0


# Who may see them: the same people as the sources table (organisers; the petition's owners for their own).


def can_view_stats(actor: User | None, petition: Petition) -> bool:
    return can_view_sources(actor, petition)


def _require(actor: User | None, petition: Petition) -> None:
    if not can_view_stats(actor, petition):
        raise PermissionDenied("Only organisers and the petition’s owners can see its figures.")


# Reading


def local_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["CAMPAIGN_TIMEZONE"])


def _hour_of(column):
    """The UTC hour a timestamp falls in, in SQL: a naive datetime on PostgreSQL, a string on SQLite."""
    if db.session.get_bind().dialect.name == "postgresql":
        return func.date_trunc("hour", func.timezone("UTC", column))
    return func.strftime("%Y-%m-%d %H:00:00", column)


def _as_utc_hour(value) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def _kind():
    """The source kind of a signature, in SQL (as ``sources._kind_of`` reads it)."""
    return case(
        (func.coalesce(Signature.source, "") == "", "direct"),
        (Signature.source == PAPER, "paper"),
        (Signature.source.like(MEMBER_PREFIX + "%"), "member"),
        else_="share",
    )


def _signatures_by_hour(petition_id: int, with_kind: bool) -> list[tuple[datetime, str, int]]:
    """(UTC hour, source kind, signatures): one aggregate query, plus one for paper batches."""
    hour = _hour_of(Signature.validated_at).label("hour")
    columns = [hour, _kind().label("kind")] if with_kind else [hour]
    rows = db.session.execute(
        select(*columns, func.count())
        .where(Signature.petition_id == petition_id, counted(), Signature.validated_at.is_not(None))
        .group_by(*columns)
    ).all()
    found = [
        (_as_utc_hour(row[0]), row[1] if with_kind else "direct", int(row[-1])) for row in rows if row[0]
    ]
    batches = db.session.execute(
        select(PaperBatch.created_at, PaperBatch.count).where(PaperBatch.petition_id == petition_id)
    ).all()
    found += [(_as_utc_hour(at), "paper", int(count)) for at, count in batches if count]
    return found


def _local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def _first_day(petition: Petition, zone: ZoneInfo, hours: Iterable[datetime]) -> date:
    start = petition.opened_at or petition.created_at or utcnow()
    days = [_local_day(start, zone)] + [_local_day(h, zone) for h in hours]
    return min(days)


def _last_day(petition: Petition, zone: ZoneInfo, today: date, hours: Iterable[datetime]) -> date:
    """Today while the petition is open (or was never closed); otherwise the day it closed, or its last
    signature's day if later (a paper batch entered after closing)."""
    if petition.closed_at is None or petition.is_open:
        return today
    days = [_local_day(petition.closed_at, zone)] + [_local_day(h, zone) for h in hours]
    return min(max(days), today)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _daily(per_day: dict[date, int], days: list[date], zone: ZoneInfo) -> list[Bucket]:
    running, result = 0, []
    for day in days:
        running += per_day.get(day, 0)
        result.append(
            Bucket(datetime(day.year, day.month, day.day, tzinfo=zone), per_day.get(day, 0), running)
        )
    return result


def _hourly(per_hour: dict[datetime, int], now: datetime, zone: ZoneInfo) -> list[Bucket]:
    """The last seven days' hours, ending with the current one, zero-filled; totals include earlier ones."""
    this_hour = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    first = this_hour - timedelta(hours=HOURLY_DAYS * 24 - 1)
    running = sum(n for hour, n in per_hour.items() if hour < first)
    result = []
    for step in range(HOURLY_DAYS * 24):
        hour = first + timedelta(hours=step)
        running += per_hour.get(hour, 0)
        result.append(Bucket(hour.astimezone(zone), per_hour.get(hour, 0), running))
    return result


def petition_stats(actor: User | None, petition: Petition, now: datetime | None = None) -> PetitionStats:
    """Everything the stats page shows, for organisers and the petition's owners."""
    _require(actor, petition)
    zone = local_zone()
    now = now or utcnow()
    today = _local_day(now, zone)
    rows = _signatures_by_hour(petition.id, with_kind=True)
    hours = {hour for hour, _, _ in rows}
    days = _days(_first_day(petition, zone, hours), _last_day(petition, zone, today, hours))
    per_hour: dict[datetime, int] = defaultdict(int)
    per_day: dict[date, int] = defaultdict(int)
    per_kind_day: dict[date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SOURCE_KINDS, 0))
    for hour, kind, count in rows:
        per_hour[hour] += count
        day = _local_day(hour, zone)
        per_day[day] += count
        per_kind_day[day][kind] += count
    daily = _daily(per_day, days, zone)
    total = sum(per_day.values())
    deadline = _local_day(petition.deadline, zone) if petition.deadline else None
    return PetitionStats(
        petition=petition,
        today=today,
        hourly=_hourly(per_hour, now, zone),
        daily=daily,
        sources=[SourceDay(day, per_kind_day[day]) for day in days],
        source_totals={kind: sum(d[kind] for d in per_kind_day.values()) for kind in SOURCE_KINDS},
        regions=signatures_by_region(petition),
        total=total,
        projection=project(
            [(b.day, b.count) for b in daily],
            petition.signature_count,
            petition.target,
            today,
            deadline,
            petition.is_open,
        ),
    )


# The public page's small chart: cheap, and cached


@dataclass(frozen=True)
class PublicSeries:
    daily: list[Bucket]
    today: int


def public_series(petition: Petition, now: datetime | None = None) -> PublicSeries:
    """Confirmed signatures per day for everyone to see (counts only), with today's. One aggregate query,
    cached in Redis under the petition's count and today's date, so a new count or a new day is never
    answered from an old entry; the petition page around it is itself cached (services/public_cache)."""
    zone = local_zone()
    now = now or utcnow()
    today = _local_day(now, zone)
    key = f"cache:daily:{petition.id}:{petition.signature_count}:{today.isoformat()}"
    per_day: dict[date, int] | None = None
    try:
        cached = get_redis().get(key)
        if cached:
            per_day = {date.fromisoformat(d): n for d, n in json.loads(cached)}  # type: ignore[arg-type]
    except RedisError:
        pass
    if per_day is None:
        per_day = defaultdict(int)
        for hour, _, count in _signatures_by_hour(petition.id, with_kind=False):
            per_day[_local_day(hour, zone)] += count
        try:
            payload = json.dumps([[d.isoformat(), n] for d, n in sorted(per_day.items())])
            get_redis().set(key, payload, ex=max(current_app.config["COUNT_ROLLUP_INTERVAL"], 60))
        except RedisError:
            pass
    days = _days(_first_day(petition, zone, []), _last_day(petition, zone, today, []))
    if per_day:
        days = _days(min(days[0], min(per_day)), days[-1])
    daily = _daily(per_day, days, zone)
    return PublicSeries(daily, per_day.get(today, 0))


# CSV


def stats_csv(actor: User | None, petition: Petition, table: str, now: datetime | None = None) -> str:
    """One of the page's tables (``TABLES``) as CSV. Only dates, counts and fixed names, but every text
    cell still goes through ``safe_cell``."""
    _require(actor, petition)
    if table not in TABLES:
        raise NotFound("No such table.")
    stats = petition_stats(actor, petition, now)
    out = io.StringIO()
    writer = csv.writer(out)
    if table == "daily":
        writer.writerow(["date", "signatures", "cumulative"])
        writer.writerows([b.day.isoformat(), b.count, b.total] for b in stats.daily)
    elif table == "hourly":
        writer.writerow(["hour_starting", "signatures", "cumulative"])
        writer.writerows([b.start.isoformat(), b.count, b.total] for b in stats.hourly)
    elif table == "regions":
        writer.writerow(["code", "name", "nation", "signatures"])
        nations = {n["code"]: n["name"] for n in stats.regions["nations"]}
        for r in stats.regions["regions"]:
            writer.writerow([r["code"], safe_cell(r["name"]), safe_cell(nations[r["nation"]]), r["count"]])
        writer.writerow(["outside-uk", "Outside the UK", "", stats.regions["outside_uk"]])
    else:
        writer.writerow(["date", *SOURCE_KINDS, "total"])
        writer.writerows(
            [d.day.isoformat(), *(d.counts[k] for k in SOURCE_KINDS), d.total] for d in stats.sources
        )
    return out.getvalue()
