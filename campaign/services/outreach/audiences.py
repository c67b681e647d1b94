"""Who a campaign goes to. Only people who asked: confirmed signers who ticked "email me updates" (of the
chosen petitions, optionally by region and signing date), coalition members, and donors who ticked "keep me
updated" on a completed donation. Suppressed addresses and
people who left that list are never included.

The audience is frozen in the database with one INSERT ... SELECT, and batches are ranges of recipient
ids found with a window function, so no step holds the audience in Python's memory."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, and_, cast, exists, func, insert, literal, null, select, text

from ...extensions import db
from ...models import (
    CampaignRecipient,
    Donation,
    DonationState,
    ListOptOut,
    Role,
    Signature,
    SignatureState,
    Suppression,
    User,
)
from ..addresses import email_key
from .subscriptions import COALITION


def _signer_conditions(audience: dict):
    petition_ids = [int(p) for p in audience.get("petitions") or []]
    if not petition_ids:
        return None
    list_key = literal("petition:") + cast(Signature.petition_id, String)
    conditions = [
        Signature.petition_id.in_(petition_ids),
        Signature.state == SignatureState.VALIDATED,
        Signature.opt_in.is_(True),
        Signature.flagged.is_(False),
        Signature.email != "",
        ~exists().where(Suppression.email_key == Signature.email_key),
        ~exists().where(and_(ListOptOut.email_key == Signature.email_key, ListOptOut.list_key == list_key)),
    ]
    if audience.get("regions"):
        conditions.append(Signature.region.in_(audience["regions"]))
    if audience.get("signed_from"):
        conditions.append(Signature.created_at >= datetime.fromisoformat(audience["signed_from"]))
    if audience.get("signed_to"):
        conditions.append(Signature.created_at < datetime.fromisoformat(audience["signed_to"]))
    return conditions


def _signers(audience: dict):
    """One row per address: its earliest signature among the chosen petitions."""
    conditions = _signer_conditions(audience)
    if conditions is None:
        return None
    first = select(func.min(Signature.id)).where(*conditions).group_by(Signature.email_key)
    return select(
        Signature.email,
        Signature.email_key,
        Signature.name,
        (literal("petition:") + cast(Signature.petition_id, String)).label("list_key"),
        Signature.petition_id,
    ).where(Signature.id.in_(first))


def _eligible_members(audience: dict) -> dict[str, tuple[str, str]]:
    """{email key: (email, name)} for active members who still want coalition news. Keys are made with the
    same normalisation as everywhere else (case and +tags folded), so an opt-out always matches; there are
    few enough members to do this in Python."""
    if not audience.get("members"):
        return {}
    members: dict[str, tuple[str, str]] = {}
    for email, name in db.session.execute(
        select(User.email, User.name).where(User.role == Role.MEMBER.value, User.active.is_(True))
    ):
        members.setdefault(email_key(email), (email, name))
    keys = list(members)
    for start in range(0, len(keys), 1000):
        chunk = keys[start : start + 1000]
        left = set(db.session.scalars(select(Suppression.email_key).where(Suppression.email_key.in_(chunk))))
        left |= set(
            db.session.scalars(
                select(ListOptOut.email_key).where(
                    ListOptOut.email_key.in_(chunk), ListOptOut.list_key == COALITION
                )
            )
        )
        for key in left:
            members.pop(key, None)
    return members


def _donors(audience: dict):
    """One row per address (its latest such gift): donors who asked for updates on a completed donation,
    not suppressed and still on the coalition's list, which is the list their emails belong to."""
    if not audience.get("donors"):
        return None
    latest = (
        select(func.max(Donation.id))
        .where(
            Donation.opt_in.is_(True),
            Donation.state == DonationState.COMPLETED,
            Donation.email != "",
            Donation.email_key != "",
            ~exists().where(Suppression.email_key == Donation.email_key),
            ~exists().where(
                and_(ListOptOut.email_key == Donation.email_key, ListOptOut.list_key == COALITION)
            ),
        )
        .group_by(Donation.email_key)
    )
    return select(
        Donation.email,
        Donation.email_key,
        Donation.name,
        literal(COALITION).label("list_key"),
        cast(null(), Integer).label("petition_id"),
    ).where(Donation.id.in_(latest))


def _donors_size(audience: dict, members: dict) -> int:
    """Donors not already counted as signers or members."""
    donors = _donors(audience)
    if donors is None:
        return 0
    conditions = _signer_conditions(audience)
    if conditions is not None:
        donors = donors.where(~exists().where(Signature.email_key == Donation.email_key, *conditions))
    count = db.session.scalar(select(func.count()).select_from(donors.subquery())) or 0
    keys = list(members)
    for start in range(0, len(keys), 1000):
        also_members = donors.with_only_columns(Donation.email_key).where(
            Donation.email_key.in_(keys[start : start + 1000])
        )
        count -= db.session.scalar(select(func.count()).select_from(also_members.subquery())) or 0
    return count


def audience_size(audience: dict) -> int:
    signers = _signers(audience)
    count = 0
    if signers is not None:
        count = db.session.scalar(select(func.count()).select_from(signers.subquery())) or 0
    members = _eligible_members(audience)
    if members and signers is not None:
        keys = list(members)
        for start in range(0, len(keys), 1000):
            already = signers.with_only_columns(Signature.email_key).where(
                Signature.email_key.in_(keys[start : start + 1000])
            )
            for key in db.session.scalars(already):
                members.pop(key, None)
    return count + len(members) + _donors_size(audience, members)


def person(audience: dict, key: str):
    """The row ``freeze`` would write for the address with email key ``key`` (email, email_key, name,
    list_key, petition_id), or None if they are not in the audience: a signer first, else a member, else a
    donor, as there. A few indexed queries, whatever the audience's size."""
    signers = _signers(audience)
    if signers is not None:
        row = db.session.execute(signers.where(Signature.email_key == key)).first()
        if row is not None:
            return row
    member = _eligible_members(audience).get(key)
    if member is not None:
        return (member[0], key, member[1], COALITION, None)
    donors = _donors(audience)
    if donors is not None:
        return db.session.execute(donors.where(Donation.email_key == key)).first()
    return None


def freeze(campaign_id: int, audience: dict) -> int:
    """Write the recipients; returns how many. Signers first; members not already among them after; then
    donors not already among either."""
    columns = ["email", "email_key", "name", "list_key", "petition_id"]
    signers = _signers(audience)
    if signers is not None:
        db.session.execute(
            insert(CampaignRecipient).from_select(
                ["campaign_id", *columns],
                # In signing order, so recipients (and the preview's "recipient 2 of 40") keep one order.
                signers.with_only_columns(literal(campaign_id), *signers.selected_columns).order_by(
                    Signature.id
                ),
            )
        )
    members = _eligible_members(audience)
    keys = sorted(members)
    for start in range(0, len(keys), 1000):
        chunk = keys[start : start + 1000]
        present = set(
            db.session.scalars(
                select(CampaignRecipient.email_key).where(
                    CampaignRecipient.campaign_id == campaign_id, CampaignRecipient.email_key.in_(chunk)
                )
            )
        )
        rows = [
            {
                "campaign_id": campaign_id,
                "email": members[k][0],
                "email_key": k,
                "name": members[k][1],
                "list_key": COALITION,
                "petition_id": None,
            }
            for k in chunk
            if k not in present
        ]
        if rows:
            db.session.execute(insert(CampaignRecipient), rows)
    donors = _donors(audience)
    if donors is not None:
        fresh = (
            donors.with_only_columns(literal(campaign_id), *donors.selected_columns)
            .where(
                ~exists().where(
                    CampaignRecipient.campaign_id == campaign_id,
                    CampaignRecipient.email_key == Donation.email_key,
                )
            )
            .order_by(Donation.id)
        )
        db.session.execute(insert(CampaignRecipient).from_select(["campaign_id", *columns], fresh))
    return db.session.scalar(select(func.count()).where(CampaignRecipient.campaign_id == campaign_id)) or 0


def batch_ranges(campaign_id: int, size: int) -> list[tuple[int, int, int]]:
    """(first id, last id, count) for consecutive runs of ``size`` recipients, in id order."""
    rows = db.session.execute(
        text(
            "SELECT id, rn FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM campaign_recipients "
            "WHERE campaign_id = :c) AS numbered WHERE (rn - 1) % :size = 0 OR rn % :size = 0 ORDER BY id"
        ),
        {"c": campaign_id, "size": size},
    ).all()
    total = db.session.scalar(select(func.count()).where(CampaignRecipient.campaign_id == campaign_id)) or 0
    last_id = db.session.scalar(
        select(func.max(CampaignRecipient.id)).where(CampaignRecipient.campaign_id == campaign_id)
    )
    starts = [(row.id, row.rn) for row in rows if (row.rn - 1) % size == 0]
    ends = {row.rn: row.id for row in rows if row.rn % size == 0}
    ranges = []
    for first_id, rn in starts:
        end_rn = min(rn + size - 1, total)
        ranges.append((first_id, ends.get(end_rn, last_id), end_rn - rn + 1))
    return ranges
