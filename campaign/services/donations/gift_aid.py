"""Gift Aid: which gifts can be claimed, recording a claim so no gift is claimed twice, and the rows of
HMRC's Charities Online schedule.

Every function takes the person asking first and checks their permission. Which payments count as paid, and
the timezone dates are shown in, are the reports' (reports.py)."""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select, update

from ...extensions import db
from ...models import Donation, DonationPayment, GiftAidClaim, GiftAidDeclaration, User, utcnow
from ...models.donations import gift_aid_uplift_pence
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


def _four_years_ago(now: datetime) -> datetime:
    try:
        return now.replace(year=now.year - GIFT_AID_YEARS)
    except ValueError:  # 29 February
        return now.replace(year=now.year - GIFT_AID_YEARS, day=28)


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
        .join(GiftAidDeclaration, GiftAidDeclaration.id == Donation.gift_aid_declaration_id)
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
        .join(GiftAidDeclaration, GiftAidDeclaration.id == Donation.gift_aid_declaration_id)
        .where(*_eligible_conditions(utcnow()))
    ).one()
    return EligibleTotals(int(count), int(total))


def record_claim(user: User, expected: int | None = None) -> GiftAidClaim:
    """Record every currently eligible payment as claimed, in one claim. The payments are locked first, so
    two organisers pressing the button at once cannot both claim the same gifts: the second waits, then
    finds them claimed. ``expected`` is how many the organiser was shown; a different number now (a gift
    came in or was refunded meanwhile) is refused, so nobody records gifts they have not seen."""
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
    claim = GiftAidClaim(
        ref=secrets.token_urlsafe(12),
        payment_count=len(payments),
        total_pence=sum(p.amount_pence for p in payments),
        created_by_id=user.id,
    )
    db.session.add(claim)
    db.session.flush()
    db.session.execute(
        update(DonationPayment)
        .where(DonationPayment.id.in_([p.id for p in payments]))
        .values(gift_aid_claim_id=claim.id),
        execution_options={"synchronize_session": "fetch"},
    )
    db.session.commit()
    return claim


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


def claim_schedule_rows(user: User, claim: GiftAidClaim | None) -> list[list[str]]:
    """The rows of HMRC's schedule (SCHEDULE_COLUMNS order) for a recorded claim, or for None the gifts
    that could be claimed now (a preview). Dates DD/MM/YY; amounts in pounds, two decimals, no sign."""
    require(user, "view_donations")
    zone = local_zone()
    if claim is None:
        query = _eligible_query(utcnow())
    else:
        query = (
            select(DonationPayment)
            .join(Donation, Donation.id == DonationPayment.donation_id)
            .join(GiftAidDeclaration, GiftAidDeclaration.id == Donation.gift_aid_declaration_id)
            .where(DonationPayment.gift_aid_claim_id == claim.id)
            .order_by(DonationPayment.paid_at, DonationPayment.id)
        )
    query = query.add_columns(GiftAidDeclaration)
    rows = []
    for payment, declaration in db.session.execute(query):
        rows.append(
            [
                safe_cell(declaration.title),
                safe_cell(declaration.first_name),
                safe_cell(declaration.last_name),
                safe_cell(declaration.house),
                safe_cell(declaration.postcode),
                "",
                "",
                payment.paid_at.astimezone(zone).strftime("%d/%m/%y"),
                pounds(payment.amount_pence),
            ]
        )
    return rows


def schedule_csv(user: User, claim: GiftAidClaim | None) -> str:
    rows = claim_schedule_rows(user, claim)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SCHEDULE_COLUMNS)
    writer.writerows(rows)
    return out.getvalue()
