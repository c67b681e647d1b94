"""Who a campaign goes to. Only people who asked: confirmed signers who ticked "email me updates" (of the
chosen petitions, optionally by region and signing date) and coalition members. Suppressed addresses and
people who left that list are never included.

The audience is frozen in the database with one INSERT ... SELECT, and batches are ranges of recipient
ids found with a window function, so no step holds the audience in Python's memory."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, and_, cast, exists, func, insert, literal, select, text

from ..extensions import db
from ..models import (
    CampaignRecipient,
    ListOptOut,
    Role,
    Signature,
    SignatureState,
    Suppression,
    User,
)
from .signing import email_key
from .subscriptions import COALITION


def _signer_conditions(audience: dict):
    petition_ids = [int(p) for p in audience.get("petitions") or []]
    if not petition_ids:
        return None
    list_key = literal("petition:") + cast(Signature.petition_id, String)
    conditions = [
        Signature.petition_id.in_(petition_ids), Signature.state == SignatureState.VALIDATED,
        Signature.opt_in.is_(True), Signature.flagged.is_(False), Signature.email != "",
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
    return select(Signature.email, Signature.email_key, Signature.name,
                  (literal("petition:") + cast(Signature.petition_id, String)).label("list_key"),
                  Signature.petition_id).where(Signature.id.in_(first))


def _eligible_members(audience: dict) -> dict[str, tuple[str, str]]:
    """{email key: (email, name)} for active members who still want coalition news. Keys are made with the
    same normalisation as everywhere else (case and +tags folded), so an opt-out always matches; there are
    few enough members to do this in Python."""
    if not audience.get("members"):
        return {}
    members: dict[str, tuple[str, str]] = {}
    for email, name in db.session.execute(select(User.email, User.name).where(
            User.role == Role.MEMBER.value, User.active.is_(True))):
        members.setdefault(email_key(email), (email, name))
    keys = list(members)
    for start in range(0, len(keys), 1000):
        chunk = keys[start:start + 1000]
        left = set(db.session.scalars(select(Suppression.email_key).where(Suppression.email_key.in_(chunk))))
        left |= set(db.session.scalars(select(ListOptOut.email_key).where(
            ListOptOut.email_key.in_(chunk), ListOptOut.list_key == COALITION)))
        for key in left:
            members.pop(key, None)
    return members


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
                Signature.email_key.in_(keys[start:start + 1000]))
            for key in db.session.scalars(already):
                members.pop(key, None)
    return count + len(members)


def freeze(campaign_id: int, audience: dict) -> int:
    """Write the recipients; returns how many. Signers first; members not already among them after."""
    columns = ["email", "email_key", "name", "list_key", "petition_id"]
    signers = _signers(audience)
    if signers is not None:
        db.session.execute(insert(CampaignRecipient).from_select(
            ["campaign_id", *columns], signers.with_only_columns(literal(campaign_id), *signers.selected_columns)))
    members = _eligible_members(audience)
    keys = list(members)
    for start in range(0, len(keys), 1000):
        chunk = keys[start:start + 1000]
        present = set(db.session.scalars(select(CampaignRecipient.email_key).where(
            CampaignRecipient.campaign_id == campaign_id, CampaignRecipient.email_key.in_(chunk))))
        rows = [{"campaign_id": campaign_id, "email": members[k][0], "email_key": k, "name": members[k][1],
                 "list_key": COALITION, "petition_id": None} for k in chunk if k not in present]
        if rows:
            db.session.execute(insert(CampaignRecipient), rows)
    return db.session.scalar(select(func.count()).where(CampaignRecipient.campaign_id == campaign_id)) or 0


def batch_ranges(campaign_id: int, size: int) -> list[tuple[int, int, int]]:
    """(first id, last id, count) for consecutive runs of ``size`` recipients, in id order."""
    rows = db.session.execute(text(
        "SELECT id, rn FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM campaign_recipients "
        "WHERE campaign_id = :c) AS numbered WHERE (rn - 1) % :size = 0 OR rn % :size = 0 ORDER BY id"),
        {"c": campaign_id, "size": size}).all()
    total = db.session.scalar(select(func.count()).where(CampaignRecipient.campaign_id == campaign_id)) or 0
    last_id = db.session.scalar(select(func.max(CampaignRecipient.id)).where(CampaignRecipient.campaign_id == campaign_id))
    starts = [(row.id, row.rn) for row in rows if (row.rn - 1) % size == 0]
    ends = {row.rn: row.id for row in rows if row.rn % size == 0}
    ranges = []
    for first_id, rn in starts:
        end_rn = min(rn + size - 1, total)
        ranges.append((first_id, ends.get(end_rn, last_id), end_rn - rn + 1))
    return ranges
