"""What organisers see of donations: the figures, breakdowns by day, month and campaign, and the giving
settings. The list of gifts and the payments CSV are in records.py, Gift Aid claims in gift_aid.py.

Money is counted only from payments in the paid state, net of refunds and lost disputes. Every function
takes the person asking first and checks their permission. Queries are plain SQLAlchemy that work on
PostgreSQL and SQLite; dates are grouped in Python, in CAMPAIGN_TIMEZONE, from one query per report."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import case, func, select

from ...extensions import db
from ...models import (
    Donation,
    DonationPayment,
    DonationSettings,
    DonationState,
    Frequency,
    Page,
    PaymentState,
    Petition,
    User,
    utcnow,
)
from ..errors import ServiceError
from ..permissions import require
from .giving import settings_for_display

COALITION_WORK = "The coalition's work"
PER_PAGE = 25
EXPORT_COLUMNS = [
    "date paid",
    "donation ref",
    "donor name",
    "email",
    "frequency",
    "amount",
    "refunded",
    "net",
    "state",
    "dispute",
    "towards",
    "gift aid declared",
    "opted in to updates",
]


# What a paid payment is worth, in SQL: nothing once a dispute is lost, else the amount less refunds.
REFUNDED = case(
    (DonationPayment.refunded_pence >= DonationPayment.amount_pence, DonationPayment.amount_pence),
    else_=DonationPayment.refunded_pence,
)
NET = case((DonationPayment.dispute_status == "lost", 0), else_=DonationPayment.amount_pence - REFUNDED)
# The payments that count (Gift Aid's too): paid, as only Stripe's webhook marks them.
PAID = DonationPayment.state == PaymentState.PAID


def local_zone() -> ZoneInfo:
    """The campaign's timezone (CAMPAIGN_TIMEZONE): days and months are counted, and exported dates shown, in it."""
    return ZoneInfo(current_app.config["CAMPAIGN_TIMEZONE"])


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


def pounds(pence: int) -> str:
    """Pence as pounds with two decimals and no sign, as spreadsheets and HMRC want: 1050 -> "10.50"."""
    return f"{Decimal(int(pence or 0)) / 100:.2f}"


# The summary


@dataclass
class FrequencyTotals:
    net_pence: int = 0
    payments: int = 0
    donations: int = 0


@dataclass
class Summary:
    net_pence: int = 0
    gross_pence: int = 0
    refunded_pence: int = 0
    disputed_pence: int = 0  # lost to disputes, beyond anything already refunded
    payments: int = 0
    donors: int = 0
    one_off: FrequencyTotals = field(default_factory=FrequencyTotals)
    monthly: FrequencyTotals = field(default_factory=FrequencyTotals)
    active_monthly: int = 0
    active_monthly_pence: int = 0
    target_pence: int = 0
    target_label: str = ""

    @property
    def target_percent(self) -> int:
        """For the bar: capped at 100."""
        if self.target_pence <= 0:
            return 0
        return min(100, self.net_pence * 100 // self.target_pence)

    @property
    def target_percent_exact(self) -> int:
        """For the words: may pass 100."""
        return self.net_pence * 100 // self.target_pence if self.target_pence > 0 else 0


def summary(user: User) -> Summary:
    require(user, "view_donations")
    result = Summary()
    totals = db.session.execute(
        select(
            func.coalesce(func.sum(DonationPayment.amount_pence), 0),
            func.coalesce(func.sum(NET), 0),
            func.coalesce(func.sum(REFUNDED), 0),
            func.count(DonationPayment.id),
            func.count(func.distinct(Donation.email_key)),
        )
        .join(Donation, Donation.id == DonationPayment.donation_id)
        .where(PAID)
    ).one()
    result.gross_pence, result.net_pence, result.refunded_pence, result.payments, result.donors = map(
        int, totals
    )
    result.disputed_pence = result.gross_pence - result.net_pence - result.refunded_pence
    for frequency, net, payments, donations in db.session.execute(
        select(
            Donation.frequency,
            func.coalesce(func.sum(NET), 0),
            func.count(DonationPayment.id),
            func.count(func.distinct(Donation.id)),
        )
        .join(Donation, Donation.id == DonationPayment.donation_id)
        .where(PAID)
        .group_by(Donation.frequency)
    ):
        target = result.monthly if frequency == Frequency.MONTHLY else result.one_off
        target.net_pence += int(net)
        target.payments += int(payments)
        target.donations += int(donations)
    count, pence = db.session.execute(
        select(func.count(Donation.id), func.coalesce(func.sum(Donation.amount_pence), 0)).where(
            Donation.frequency == Frequency.MONTHLY,
            Donation.state == DonationState.COMPLETED,
            Donation.subscription_status != "canceled",
        )
    ).one()
    result.active_monthly, result.active_monthly_pence = int(count), int(pence)
    settings = settings_for_display()
    result.target_pence, result.target_label = settings.target_pence, settings.target_label
    return result


# Settings

_TARGET = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$")


def raised_for_public() -> int:
    """The coalition's running total toward its target: one public figure, no donor's details."""
    return int(db.session.scalar(select(func.coalesce(func.sum(NET), 0)).where(PAID)) or 0)


def settings_for(user: User) -> DonationSettings:
    """The settings to edit (the defaults when none were saved); reading never writes."""
    require(user, "manage_donations")
    return settings_for_display()


def parse_target(raw: str | None) -> int:
    """A target typed in pounds ("5000", "£5,000", "5000.50") to pence; empty means no target."""
    text = (raw or "").strip().replace("£", "").replace(" ", "")
    if not text:
        return 0
    if not _TARGET.match(text):
        raise ServiceError(
            "Enter the target in pounds as a number, like 5000 or 5000.50, or leave it empty.", "target"
        )
    pence = int(Decimal(text.replace(",", "")) * 100)
    if pence > 2_000_000_000:  # the column is a 32-bit integer of pence
        raise ServiceError("Enter a target of at most £20,000,000.", "target")
    return pence


def target_text(pence: int) -> str:
    """The target as an organiser would type it: "5000", "5000.50", or empty for none."""
    if not pence:
        return ""
    pounds_part, rest = divmod(pence, 100)
    return f"{pounds_part}.{rest:02d}" if rest else str(pounds_part)


# Breakdowns


@dataclass
class Period:
    start: date
    label: str
    net_pence: int = 0
    payments: int = 0


def _paid_since(since: datetime) -> list[tuple[datetime, int]]:
    return list(
        db.session.execute(select(DonationPayment.paid_at, NET).where(PAID, DonationPayment.paid_at >= since))
    )


def by_day(user: User, days: int = 30, today: date | None = None) -> list[Period]:
    """The last ``days`` days, oldest first, every day present (zeros included)."""
    require(user, "view_donations")
    zone = local_zone()
    today = today or utcnow().astimezone(zone).date()
    first = today - timedelta(days=days - 1)
    periods = {first + timedelta(days=n): Period(first + timedelta(days=n), "") for n in range(days)}
    for day, period in periods.items():
        period.label = day.strftime("%a %-d %b")
    for paid_at, net in _paid_since(_local_midnight(first, zone)):
        period = periods.get(paid_at.astimezone(zone).date())
        if period is not None:
            period.net_pence += int(net)
            period.payments += 1
    return list(periods.values())


def _month_start(day: date, back: int) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def by_month(user: User, months: int = 12, today: date | None = None) -> list[Period]:
    """The last ``months`` calendar months (this one included), oldest first, every month present."""
    require(user, "view_donations")
    zone = local_zone()
    today = today or utcnow().astimezone(zone).date()
    starts = [_month_start(today, back) for back in range(months - 1, -1, -1)]
    periods = {start: Period(start, start.strftime("%b %Y")) for start in starts}
    for paid_at, net in _paid_since(_local_midnight(starts[0], zone)):
        local = paid_at.astimezone(zone).date()
        period = periods.get(date(local.year, local.month, 1))
        if period is not None:
            period.net_pence += int(net)
            period.payments += 1
    return list(periods.values())


@dataclass
class CampaignTotal:
    label: str
    kind: str  # "petition", "page" or "" (the coalition's work)
    slug: str
    net_pence: int
    payments: int
    donors: int


def by_campaign(user: User) -> list[CampaignTotal]:
    """All time, most raised first; gifts given towards nothing in particular are the coalition's work."""
    require(user, "view_donations")
    rows = db.session.execute(
        select(
            Petition.title,
            Petition.slug,
            Page.title,
            Page.slug,
            func.coalesce(func.sum(NET), 0),
            func.count(DonationPayment.id),
            func.count(func.distinct(Donation.email_key)),
        )
        .join(Donation, Donation.id == DonationPayment.donation_id)
        .outerjoin(Petition, Petition.id == Donation.petition_id)
        .outerjoin(Page, Page.id == Donation.page_id)
        .where(PAID)
        .group_by(Petition.id, Petition.title, Petition.slug, Page.id, Page.title, Page.slug)
    )
    result = []
    for petition_title, petition_slug, page_title, page_slug, net, payments, donors in rows:
        if petition_title is not None:
            label, kind, slug = f"Petition: {petition_title}", "petition", petition_slug
        elif page_title is not None:
            label, kind, slug = f"Campaign: {page_title}", "page", page_slug
        else:
            label, kind, slug = COALITION_WORK, "", ""
        result.append(CampaignTotal(label, kind, slug, int(net), int(payments), int(donors)))
    return sorted(result, key=lambda r: (-r.net_pence, r.label.lower()))
