"""Organisers' record of every gift: the paged list of gifts (with what each was towards and its Gift Aid),
and a CSV of every payment. Names, emails and titles in them were typed by the public, so the CSV is
formula-safe."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ...extensions import db
from ...models import (
    Donation,
    DonationPayment,
    DonationState,
    Frequency,
    GiftAidDeclaration,
    Page,
    Petition,
    User,
)
from ..exports import safe_cell
from ..permissions import require
from .reports import COALITION_WORK, EXPORT_COLUMNS, NET, PAID, PER_PAGE, local_zone, pounds


@dataclass
class DonationRow:
    ref: str
    created_at: datetime
    name: str
    email: str
    frequency: str
    amount_pence: int
    state: str
    payments: int
    net_pence: int
    gift_aid: str  # "Yes", "Withdrawn" or "No"
    towards: str
    subscription_status: str

    @property
    def state_label(self) -> str:
        label = DonationState.LABELS.get(self.state, self.state)
        if self.frequency == Frequency.MONTHLY and self.subscription_status == "canceled":
            label += " (cancelled)"
        return label

    @property
    def frequency_label(self) -> str:
        return Frequency.LABELS.get(self.frequency, self.frequency)


def _towards(petition_title: str | None, page_title: str | None) -> str:
    if petition_title is not None:
        return f"Petition: {petition_title}"
    if page_title is not None:
        return f"Campaign: {page_title}"
    return COALITION_WORK


def _gift_aid_label(declaration_id: int | None, cancelled_at: datetime | None) -> str:
    if declaration_id is None:
        return "No"
    return "Withdrawn" if cancelled_at is not None else "Yes"


def recent_donations(user: User, page: int = 1, per_page: int = PER_PAGE) -> tuple[list[DonationRow], int]:
    """Every gift, newest first, one page of them, and how many there are in all."""
    require(user, "view_donations")
    page = max(page, 1)
    total = db.session.scalar(select(func.count(Donation.id))) or 0
    paid = (
        select(
            DonationPayment.donation_id,
            func.count(DonationPayment.id).label("payments"),
            func.sum(NET).label("net"),
        )
        .where(PAID)
        .group_by(DonationPayment.donation_id)
        .subquery()
    )
    rows = db.session.execute(
        select(
            Donation.ref,
            Donation.created_at,
            Donation.name,
            Donation.email,
            Donation.frequency,
            Donation.amount_pence,
            Donation.state,
            func.coalesce(paid.c.payments, 0),
            func.coalesce(paid.c.net, 0),
            Donation.gift_aid_declaration_id,
            GiftAidDeclaration.cancelled_at,
            Petition.title,
            Page.title,
            Donation.subscription_status,
        )
        .outerjoin(paid, paid.c.donation_id == Donation.id)
        .outerjoin(GiftAidDeclaration, GiftAidDeclaration.id == Donation.gift_aid_declaration_id)
        .outerjoin(Petition, Petition.id == Donation.petition_id)
        .outerjoin(Page, Page.id == Donation.page_id)
        .order_by(Donation.created_at.desc(), Donation.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    result = [
        DonationRow(
            ref,
            created,
            name,
            email,
            frequency,
            amount,
            state,
            int(payments),
            int(net),
            _gift_aid_label(declaration_id, cancelled),
            _towards(petition_title, page_title),
            subscription_status or "",
        )
        for (
            ref,
            created,
            name,
            email,
            frequency,
            amount,
            state,
            payments,
            net,
            declaration_id,
            cancelled,
            petition_title,
            page_title,
            subscription_status,
        ) in rows
    ]
    return result, total


def payments_csv(user: User) -> str:
    """One row per payment (paid, pending or failed), oldest first. Names, emails and campaign titles are
    typed by the public, so no cell may start a spreadsheet formula."""
    require(user, "view_donations")
    zone = local_zone()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    rows = db.session.execute(
        select(
            DonationPayment,
            Donation.ref,
            Donation.name,
            Donation.email,
            Donation.frequency,
            Donation.opt_in,
            Donation.gift_aid_declaration_id,
            GiftAidDeclaration.cancelled_at,
            Petition.title,
            Page.title,
        )
        .join(Donation, Donation.id == DonationPayment.donation_id)
        .outerjoin(GiftAidDeclaration, GiftAidDeclaration.id == Donation.gift_aid_declaration_id)
        .outerjoin(Petition, Petition.id == Donation.petition_id)
        .outerjoin(Page, Page.id == Donation.page_id)
        .order_by(DonationPayment.paid_at.is_(None), DonationPayment.paid_at, DonationPayment.id)
    )
    for (
        payment,
        ref,
        name,
        email,
        frequency,
        opt_in,
        declaration_id,
        cancelled,
        petition_title,
        page_title,
    ) in rows:
        paid = payment.paid_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if payment.paid_at else ""
        refunded = min(payment.refunded_pence, payment.amount_pence)
        writer.writerow(
            [
                paid,
                safe_cell(ref),
                safe_cell(name),
                safe_cell(email),
                Frequency.LABELS.get(frequency, frequency),
                pounds(payment.amount_pence),
                pounds(refunded),
                pounds(payment.net_pence),
                payment.state,
                safe_cell(payment.dispute_status),
                safe_cell(_towards(petition_title, page_title)),
                _gift_aid_label(declaration_id, cancelled).lower(),
                "yes" if opt_in else "no",
            ]
        )
    return out.getvalue()
