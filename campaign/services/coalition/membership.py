"""Joining the coalition: applications from organisations and individuals, and the organisers' decisions."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select

from ...extensions import db
from ...models import ApplicationState, MembershipApplication, Organisation, Role, User, utcnow
from ...urls import public_url
from ..accounts.people import staff_addresses
from ..accounts.users import create_user, find_user_by_email, make_setup_token
from ..emails import queue_email
from ..errors import ServiceError
from ..permissions import require

# What an applicant agrees to, word for word; a change of wording is a new version.
CONSENT_VERSION = "2026-11-1"
CONSENT_WORDING = (
    "The coalition may keep the details in this application to consider it and, if it is accepted, to run my "
    "membership: to email me about the coalition's work and to let me manage my page. My email address is "
    "never published. I can download my data or close my account at any time."
)


@dataclass
class Application:
    kind: str
    contact_name: str
    email: str
    statement: str
    organisation_name: str = ""
    website: str = ""
    listed: bool = False


def slugify(text: str, limit: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "").replace("'", "")).strip("-")
    return slug[:limit].rstrip("-") or "member"


def unique_organisation_slug(name: str) -> str:
    base = slugify(name)
    slug = base
    while db.session.scalar(select(Organisation.id).where(Organisation.slug == slug)) is not None:
        slug = f"{base}-{secrets.token_hex(2)}"
    return slug


def apply_to_join(application: Application) -> MembershipApplication:
    if application.kind not in ("organisation", "individual"):
        raise ServiceError("Say whether you are joining as an organisation or as yourself", field="kind")
    name = application.organisation_name.strip()
    if application.kind == "organisation":
        if not name:
            raise ServiceError("Enter your organisation's name", field="organisation_name")
        taken = db.session.scalar(
            select(Organisation.id).where(func.lower(Organisation.name) == name.lower())
        )
        if taken is not None:
            raise ServiceError(
                "An organisation with this name is already a member. Ask its contact to invite you.",
                field="organisation_name",
            )
    row = MembershipApplication(
        ref=secrets.token_urlsafe(12),
        kind=application.kind,
        organisation_name=name if application.kind == "organisation" else "",
        website=application.website.strip() if application.kind == "organisation" else "",
        contact_name=application.contact_name.strip(),
        email=application.email.strip(),
        statement=application.statement.strip(),
        listed=application.listed and application.kind == "individual",
        consent_version=CONSENT_VERSION,
        consent_wording=CONSENT_WORDING,
    )
    db.session.add(row)
    db.session.flush()
    queue_email(
        "membership_received", row.email, "Thank you for applying to join the coalition", application=row
    )
    link = public_url("members.application", ref=row.ref)
    for email, name in staff_addresses().items():
        queue_email(
            "membership_new",
            email,
            f"New application to join: {row.display_name}",
            name=name,
            application=row,
            link=link,
        )
    db.session.commit()
    return row


def pending_applications(actor: User) -> list[MembershipApplication]:
    require(actor, "review_applications")
    return list(
        db.session.scalars(
            select(MembershipApplication)
            .where(MembershipApplication.state == ApplicationState.PENDING)
            .order_by(MembershipApplication.created_at)
        )
    )


def recent_decisions(actor: User, limit: int = 20) -> list[MembershipApplication]:
    require(actor, "review_applications")
    return list(
        db.session.scalars(
            select(MembershipApplication)
            .where(MembershipApplication.state != ApplicationState.PENDING)
            .order_by(MembershipApplication.decided_at.desc())
            .limit(limit)
        )
    )


def application_for(actor: User, ref: str) -> MembershipApplication | None:
    require(actor, "review_applications")
    return db.session.scalar(select(MembershipApplication).where(MembershipApplication.ref == ref))


def _decide(actor: User, application: MembershipApplication, state: str, message: str) -> None:
    if application.state != ApplicationState.PENDING:
        raise ServiceError("This application has already been decided.")
    application.state = state
    application.decision_message = message
    application.decided_by_id = actor.id
    application.decided_at = utcnow()


def approve_application(actor: User, application: MembershipApplication, message: str = "") -> User:
    """Welcome the applicant: their organisation (if any) is listed, and they get an account whose password
    they set from the emailed link. An address that already has an account keeps it."""
    require(actor, "review_applications")
    message = (message or "").strip()
    _decide(actor, application, ApplicationState.APPROVED, message)
    organisation = None
    if application.kind == "organisation":
        taken = db.session.scalar(
            select(Organisation.id).where(
                func.lower(Organisation.name) == application.organisation_name.lower()
            )
        )
        if taken is not None:
            raise ServiceError("An organisation with this name is already a member.")
        organisation = Organisation(
            name=application.organisation_name,
            slug=unique_organisation_slug(application.organisation_name),
            website=application.website,
            listed=True,
        )
        db.session.add(organisation)
        db.session.flush()
    user = find_user_by_email(application.email)
    new_account = user is None
    if user is None:
        user = create_user(
            application.email, application.contact_name, secrets.token_urlsafe(24) + "aA1!", Role.MEMBER
        )
    elif organisation is not None and user.organisation_id not in (None, organisation.id):
        raise ServiceError("The applicant's address already belongs to another member organisation.")
    if organisation is not None:
        user.organisation = organisation
        organisation.contact_id = user.id
    else:
        user.listed = application.listed
    link = (
        public_url("auth.reset_password", token=make_setup_token(user))
        if new_account
        else public_url("auth.sign_in")
    )
    queue_email(
        "membership_approved",
        application.email,
        "Welcome to the coalition",
        application=application,
        message=message,
        link=link,
        new_account=new_account,
        organisation=organisation,
    )
    db.session.commit()
    return user


def decline_application(actor: User, application: MembershipApplication, message: str) -> None:
    require(actor, "review_applications")
    message = (message or "").strip()
    if not message:
        raise ServiceError("Tell the applicant why; they will be emailed your message", field="message")
    _decide(actor, application, ApplicationState.DECLINED, message)
    queue_email(
        "membership_declined",
        application.email,
        "Your application to join the coalition",
        application=application,
        message=message,
    )
    db.session.commit()
