"""A member's own data: everything we hold about them as JSON, and closing their account.

Closing anonymises: the name, address and password go, and so do their signatures' personal details and
the contact details in their application. What the coalition must keep stays: the audit trails (they now
point at "a closed account"), petitions they created (public records others signed) and, when donations
exist, the donation records HMRC requires for Gift Aid."""

from __future__ import annotations

import secrets

from sqlalchemy import String, case, cast, delete, func, literal, select, update

from ...extensions import db
from ...models import (
    CampaignRecipient,
    Donation,
    Invitation,
    LoginSession,
    MembershipApplication,
    Organisation,
    Petition,
    Signature,
    Story,
    User,
    utcnow,
)
from ..addresses import email_key, normalise_email
from ..errors import ServiceError
from .users import check_password, hash_password

CLOSED_NAME = "Closed account"


def _iso(value):
    return value.isoformat() if value else None


def export_data(user: User) -> dict:
    address = normalise_email(user.email)
    organisation = user.organisation
    signatures = db.session.execute(
        select(Signature, Petition.slug, Petition.title)
        .join(Petition, Petition.id == Signature.petition_id)
        .where(Signature.email_key == email_key(user.email))
        .order_by(Signature.id)
    ).all()
    applications = db.session.scalars(
        select(MembershipApplication)
        .where(func.lower(MembershipApplication.email) == address)
        .order_by(MembershipApplication.id)
    ).all()
    petitions = db.session.scalars(
        select(Petition).where(Petition.created_by_id == user.id).order_by(Petition.id)
    ).all()
    stories = db.session.scalars(
        select(Story).where(func.lower(Story.contact_email) == address).order_by(Story.id)
    ).all()
    donations = db.session.scalars(
        select(Donation).where(Donation.email_key == email_key(user.email)).order_by(Donation.id)
    ).all()
    return {
        "exported_at": _iso(utcnow()),
        "account": {
            "name": user.name,
            "email": user.email,
            "role": user.role,
            "listed_in_directory": user.listed,
            "created_at": _iso(user.created_at),
            "last_login_at": _iso(user.last_login_at),
            "password_changed_at": _iso(user.password_changed_at),
        },
        "organisation": None
        if organisation is None
        else {
            "name": organisation.name,
            "slug": organisation.slug,
            "website": organisation.website,
            "description": organisation.description,
            "you_are_first_contact": organisation.contact_id == user.id,
        },
        "applications": [
            {
                "kind": a.kind,
                "organisation_name": a.organisation_name,
                "contact_name": a.contact_name,
                "email": a.email,
                "website": a.website,
                "statement": a.statement,
                "state": a.state,
                "consent_version": a.consent_version,
                "consent_wording": a.consent_wording,
                "submitted_at": _iso(a.created_at),
                "decided_at": _iso(a.decided_at),
            }
            for a in applications
        ],
        "petitions_created": [
            {"slug": p.slug, "title": p.title, "state": p.state, "created_at": _iso(p.created_at)}
            for p in petitions
        ],
        "signatures": [
            {
                "petition": slug,
                "petition_title": title,
                "name": s.name,
                "email": s.email,
                "postcode": s.postcode,
                "country": s.country,
                "state": s.state,
                "updates_opt_in": s.opt_in,
                "updates_question": _question(s),
                "signed_at": _iso(s.created_at),
                "confirmed_at": _iso(s.validated_at),
            }
            for s, slug, title in signatures
        ],
        "stories": [
            {
                "title": s.title,
                "pen_name": s.pen_name,
                "state": s.state,
                "submitted_at": _iso(s.created_at),
                "consent": None
                if s.consent is None
                else {
                    "wording": s.consent.wording,
                    "version": s.consent.version,
                    "publish": s.consent.publish,
                    "quote_in_emails": s.consent.quote_in_emails,
                    "share_with_members": s.consent.share_with_members,
                    "given_at": _iso(s.consent.given_at),
                },
            }
            for s in stories
        ],
        "donations": [_donation(d) for d in donations],
    }


def _question(row: Signature | Donation) -> dict | None:
    """The "email me updates" question as this person saw it, and when they answered (None if that was not
    yet recorded when they signed or gave)."""
    if row.opt_in_version is None:
        return None
    return {
        "wording": row.opt_in_wording,
        "version": row.opt_in_version,
        "answer": "yes" if row.opt_in else "no",
        "answered_at": _iso(row.opt_in_at),
    }


def _donation(donation: Donation) -> dict:
    declaration = donation.gift_aid_declaration
    return {
        "reference": donation.ref,
        "frequency": donation.frequency,
        "amount_pence": donation.amount_pence,
        "currency": donation.currency,
        "name": donation.name,
        "email": donation.email,
        "state": donation.state,
        "updates_opt_in": donation.opt_in,
        "updates_question": _question(donation),
        "started_at": _iso(donation.created_at),
        "payments": [
            {
                "amount_pence": p.amount_pence,
                "state": p.state,
                "paid_at": _iso(p.paid_at),
                "refunded_pence": p.refunded_pence,
            }
            for p in donation.payments
        ],
        "gift_aid_declaration": None
        if declaration is None
        else {
            "title": declaration.title,
            "first_name": declaration.first_name,
            "last_name": declaration.last_name,
            "house": declaration.house,
            "address": declaration.address,
            "postcode": declaration.postcode,
            "covers": declaration.covers,
            "wording": declaration.wording,
            "wording_version": declaration.wording_version,
            "declared_on": _iso(declaration.declared_on),
            "withdrawn_at": _iso(declaration.cancelled_at),
        },
    }


def close_account(user: User, password: str) -> None:
    if not check_password(user, password or ""):
        raise ServiceError("Your password is not right", field="password")
    address = normalise_email(user.email)
    key = email_key(user.email)
    organisation = db.session.get(Organisation, user.organisation_id) if user.organisation_id else None
    if organisation is not None and organisation.contact_id == user.id:
        # Hand the organisation to its longest-standing other person; organisers can change it later.
        successor = db.session.scalar(
            select(User)
            .where(User.organisation_id == organisation.id, User.id != user.id, User.active)
            .order_by(User.created_at)
        )
        organisation.contact_id = successor.id if successor else None
    # Share-link sources are free text; a member organisation's attribution is not personal and stays.
    db.session.execute(
        update(Signature)
        .where(Signature.email_key == key)
        .values(
            name="",
            email="",
            email_key=literal("closed-") + cast(Signature.id, String),
            email_domain="",
            postcode="",
            ip_address="",
            source=case((Signature.source.like("member:%"), Signature.source), else_=""),
        )
    )
    db.session.execute(
        update(MembershipApplication)
        .where(func.lower(MembershipApplication.email) == address)
        .values(contact_name=CLOSED_NAME, email="", statement="")
    )
    db.session.execute(
        update(Invitation)
        .where(func.lower(Invitation.email) == address, Invitation.accepted_at.is_(None))
        .values(revoked_at=utcnow())
    )
    db.session.execute(update(Invitation).where(func.lower(Invitation.email) == address).values(email=""))
    db.session.execute(delete(CampaignRecipient).where(CampaignRecipient.email_key == key))
    db.session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    user.name = CLOSED_NAME
    user.email = f"closed-{user.id}-{secrets.token_hex(4)}@closed.invalid"
    user.password_hash = hash_password(secrets.token_urlsafe(32))
    user.organisation_id = None
    user.listed = False
    user.active = False
    user.closed_at = utcnow()
    user.current_session = None
    db.session.commit()


def set_listed(user: User, listed: bool) -> None:
    """Only individual members appear by name; an organisation's people are not listed as individuals."""
    if user.organisation_id is not None and listed:
        raise ServiceError("People who look after an organisation's page are not listed as individuals.")
    user.listed = listed
    db.session.commit()
