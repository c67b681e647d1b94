"""Gift Aid: which gifts can be claimed, recording a claim so no gift is claimed twice, and the rows of
HMRC's Charities Online schedule.

HMRC's schedule takes at most GIFT_AID_MAX_ROWS_PER_CLAIM donation rows (1,000 in its Charities Online
spreadsheet; rows past it are not attached to the claim), so recording splits the gifts into as many claims
as that needs, each with its own schedule, in the order the unclaimed schedule lists them in parts.

Names go into the schedule as HMRC asks: title at most 4 characters, first name and last name at most 35
each, no spaces at either end, and a double-barrelled surname with a space instead of the hyphen
("House Martin", not "House-Martin"). The declaration itself keeps the name as the donor gave it.

Every function takes the person asking first and checks their permission. Which payments count as paid, and
the timezone dates are shown in, are the reports' (reports.py)."""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import aliased

from ...extensions import db
from ...models import Donation, DonationPayment, GiftAidClaim, GiftAidDeclaration, User, utcnow
from ...models.donations import GiftAidCover, gift_aid_uplift_pence
from ..errors import NotFound, ServiceError
from ..exports import safe_cell
from ..permissions import require
from .reports import PAID, local_zone, pounds

# HMRC's Charities Online Gift Aid schedule, in its column order.
SCHEDULE_COLUMNS = [
    "Title",
    "First name or initial",
    "Last name",
    "House name or number",
    "Postcode",
    "Aggregated donations",
    "Sponsored event",
    "Donation date",
    "Amount",
]
GIFT_AID_YEARS = 4
TITLE_CHARS, NAME_CHARS = 4, 35  # HMRC's limits per cell


def max_rows_per_claim() -> int:
    return int(current_app.config["GIFT_AID_MAX_ROWS_PER_CLAIM"])


def parts_needed(count: int) -> int:
    """How many claims (schedules) ``count`` gifts need."""
    return -(-count // max_rows_per_claim()) if count else 0


def hmrc_name(value: str | None, limit: int, surname: bool = False) -> str:
    """A name as HMRC's schedule takes it: single spaces, none at the ends, a surname's hyphens as spaces,
    cut to ``limit`` characters."""
    text = value or ""
    if surname:
        text = text.replace("-", " ").replace("\u2010", " ").replace("\u2011", " ")
    return " ".join(text.split())[:limit].rstrip()


def _four_years_ago(now: datetime) -> datetime:
    try:
        return now.replace(year=now.year - GIFT_AID_YEARS)
    except ValueError:  # 29 February
        return now.replace(year=now.year - GIFT_AID_YEARS, day=28)


def _covering_declaration_id():
    """The declaration that covers a donation: its own, or else an enduring one ("this donation, any I make
    in future, and any I have made in the past 4 years") the same donor made with another gift. The same
    donor is the same Stripe customer, never the same email alone: anyone can type an address. The earliest
    such declaration not withdrawn before the payment answers.

    The same donor has the same Stripe customer when Checkout is given one: today it is given only an
    email, so Stripe makes a customer per monthly gift and none for a one-off gift, and other gifts are
    matched only when a customer was reused (the Stripe dashboard, or a later change to Checkout)."""
    other_gift = aliased(Donation)
    enduring = aliased(GiftAidDeclaration)
    from_another_gift = (
        select(enduring.id)
        .join(other_gift, other_gift.gift_aid_declaration_id == enduring.id)
        .where(
            Donation.stripe_customer_id.is_not(None),
            Donation.stripe_customer_id != "",
            other_gift.stripe_customer_id == Donation.stripe_customer_id,
            enduring.covers == GiftAidCover.ENDURING,
            # Not withdrawn before this payment: a donor who withdrew one and later made another is
            # covered by the later one.
            or_(enduring.cancelled_at.is_(None), enduring.cancelled_at > DonationPayment.paid_at),
        )
        .order_by(enduring.created_at, enduring.id)
        .limit(1)
        .correlate(Donation, DonationPayment)
        .scalar_subquery()
    )
    return func.coalesce(Donation.gift_aid_declaration_id, from_another_gift)


def _eligible_conditions(now: datetime) -> list:
    """Paid in pounds in the last four years, never refunded (even in part) or disputed, not yet claimed,
    under a declaration that was not withdrawn before the payment was made."""
    return [
        PAID,
        DonationPayment.refunded_pence == 0,
        DonationPayment.dispute_status == "",
        DonationPayment.gift_aid_claim_id.is_(None),
        DonationPayment.currency == "gbp",
        DonationPayment.paid_at.is_not(None),
        DonationPayment.paid_at >= _four_years_ago(now),
        or_(
            GiftAidDeclaration.cancelled_at.is_(None),
            GiftAidDeclaration.cancelled_at > DonationPayment.paid_at,
        ),
    ]


def _eligible_query(now: datetime):
    return (
        select(DonationPayment)
        .join(Donation, Donation.id == DonationPayment.donation_id)
        .join(GiftAidDeclaration, GiftAidDeclaration.id == _covering_declaration_id())
        .where(*_eligible_conditions(now))
        .order_by(DonationPayment.paid_at, DonationPayment.id)
    )


def eligible_payments(user: User) -> list[DonationPayment]:
    require(user, "view_donations")
    return list(db.session.scalars(_eligible_query(utcnow())))


@dataclass
class EligibleTotals:
    count: int
    total_pence: int

    @property
    def gift_aid_pence(self) -> int:
        """What HMRC adds at the basic rate (20%): 25p for every pound given."""
        return gift_aid_uplift_pence(self.total_pence)


def eligible_totals(user: User) -> EligibleTotals:
    require(user, "view_donations")
    count, total = db.session.execute(
        select(func.count(DonationPayment.id), func.coalesce(func.sum(DonationPayment.amount_pence), 0))
        .join(Donation, Donation.id == DonationPayment.donation_id)
        .join(GiftAidDeclaration, GiftAidDeclaration.id == _covering_declaration_id())
        .where(*_eligible_conditions(utcnow()))
    ).one()
    return EligibleTotals(int(count), int(total))


def record_claims(user: User, expected: int | None = None) -> list[GiftAidClaim]:
    """Record every currently eligible payment as claimed: one claim per GIFT_AID_MAX_ROWS_PER_CLAIM
    gifts, oldest first, so each claim's schedule fits HMRC's spreadsheet and no gift is recorded as
    claimed without being on a schedule. The payments are locked first, so two organisers pressing the
    button at once cannot both claim the same gifts: the second waits, then finds them claimed.
    ``expected`` is how many the organiser was shown; a different number now (a gift came in or was
    refunded meanwhile) is refused, so nobody records gifts they have not seen."""
    require(user, "manage_donations")
    payments = list(db.session.scalars(_eligible_query(utcnow()).with_for_update(of=DonationPayment)))
    if not payments:
        db.session.rollback()
        raise ServiceError(
            "There are no gifts to claim: every eligible gift has already been recorded in a claim."
        )
    if expected is not None and expected != len(payments):
        db.session.rollback()
        raise ServiceError(
            f"The gifts that can be claimed changed while the page was open: there are now "
            f"{len(payments)}. Check the list again before recording them."
        )
    size = max_rows_per_claim()
    recorded = []
    for start in range(0, len(payments), size):
        part = payments[start : start + size]
        claim = GiftAidClaim(
            ref=secrets.token_urlsafe(12),
            payment_count=len(part),
            total_pence=sum(p.amount_pence for p in part),
            created_by_id=user.id,
        )
        db.session.add(claim)
        db.session.flush()
        db.session.execute(
            update(DonationPayment)
            .where(DonationPayment.id.in_([p.id for p in part]))
            .values(gift_aid_claim_id=claim.id),
            execution_options={"synchronize_session": "fetch"},
        )
        recorded.append(claim)
    db.session.commit()
    return recorded


def claims(user: User) -> list[GiftAidClaim]:
    require(user, "view_donations")
    return list(
        db.session.scalars(
            select(GiftAidClaim).order_by(GiftAidClaim.created_at.desc(), GiftAidClaim.id.desc())
        )
    )


def claim_by_ref(user: User, ref: str) -> GiftAidClaim:
    require(user, "view_donations")
    claim = db.session.scalar(select(GiftAidClaim).where(GiftAidClaim.ref == ref))
    if claim is None:
        raise NotFound("We could not find that claim.")
    return claim


def claim_schedule_rows(user: User, claim: GiftAidClaim | None, part: int | None = None) -> list[list[str]]:
    """The rows of HMRC's schedule (SCHEDULE_COLUMNS order) for a recorded claim, or for None the gifts
    that could be claimed now: all of them (a preview), or with ``part`` (from 1) the rows of the claim
    that recording them now would make of that part. Dates DD/MM/YY; amounts in pounds, two decimals, no
    sign."""
    require(user, "view_donations")
    zone = local_zone()
    if claim is None:
        query = _eligible_query(utcnow())
    else:
        query = (
            select(DonationPayment)
            .join(Donation, Donation.id == DonationPayment.donation_id)
            .join(GiftAidDeclaration, GiftAidDeclaration.id == _covering_declaration_id())
            .where(DonationPayment.gift_aid_claim_id == claim.id)
            .order_by(DonationPayment.paid_at, DonationPayment.id)
        )
    if claim is None and part is not None:
        size = max_rows_per_claim()
        query = query.offset((part - 1) * size).limit(size)
    query = query.add_columns(GiftAidDeclaration)
    rows = []
    for payment, declaration in db.session.execute(query):
        rows.append(
            [
                safe_cell(hmrc_name(declaration.title, TITLE_CHARS)),
                safe_cell(hmrc_name(declaration.first_name, NAME_CHARS)),
                safe_cell(hmrc_name(declaration.last_name, NAME_CHARS, surname=True)),
                safe_cell(declaration.house),
                safe_cell(declaration.postcode),
                "",
                "",
                payment.paid_at.astimezone(zone).strftime("%d/%m/%y"),
                pounds(payment.amount_pence),
            ]
        )
    return rows


def schedule_csv(user: User, claim: GiftAidClaim | None, part: int | None = None) -> str:
    rows = claim_schedule_rows(user, claim, part)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SCHEDULE_COLUMNS)
    writer.writerows(rows)
    return out.getvalue()
