"""Joining the coalition: applications from organisations and individuals, and the organisers' decisions."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, select

from ...extensions import db
from ...models import ApplicationState, MembershipApplication, Organisation, Role, User, utcnow
from ...urls import public_url
from ..accounts.users import create_user, find_user_by_email, make_setup_token
from ..addresses import normalise_email
from ..emails import queue_email
from ..errors import ServiceError
from ..notifications import notify_staff
from ..permissions import require
from ..tokens import SignedToken
from ..web_addresses import safe_href
from .organisations import clean_website

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
        website=clean_website(application.website) if application.kind == "organisation" else "",
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
    notify_staff(
        "application_waiting",
        template="membership_new",
        subject=f"New application to join: {row.display_name}",
        summary=f"{row.display_name} has applied to join the coalition.",
        link=public_url("members.application", ref=row.ref),
        application=row,
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


def accounts_among(actor: User, applications: list[MembershipApplication]) -> set[str]:
    """The refs of those applications whose address already has an account: approving one of them asks
    the account's holder to confirm rather than changing the account, and organisers are told so."""
    require(actor, "review_applications")
    addresses = {normalise_email(a.email) for a in applications}
    if not addresses:
        return set()
    taken = set(
        db.session.scalars(select(func.lower(User.email)).where(func.lower(User.email).in_(addresses)))
    )
    return {a.ref for a in applications if normalise_email(a.email) in taken}


def _check_can_join(application: MembershipApplication, user: User | None) -> None:
    if application.kind != "organisation":
        return
    taken = db.session.scalar(
        select(Organisation.id).where(func.lower(Organisation.name) == application.organisation_name.lower())
    )
    if taken is not None:
        raise ServiceError("An organisation with this name is already a member.")
    if user is not None and user.organisation_id is not None:
        raise ServiceError("The applicant's address already belongs to another member organisation.")


def join_account(application: MembershipApplication, user: User) -> Organisation | None:
    """Make the application true of ``user``'s account: the organisation listed with them as its contact,
    or (an individual) listed or not as they asked. The caller commits."""
    _check_can_join(application, user)
    if application.kind != "organisation":
        user.listed = application.listed
        return None
    organisation = Organisation(
        name=application.organisation_name,
        slug=unique_organisation_slug(application.organisation_name),
        # Applications from before every website was checked may hold anything: only an http(s) one is kept.
        website=safe_href(application.website),
        listed=True,
    )
    db.session.add(organisation)
    db.session.flush()
    user.organisation = organisation
    organisation.contact_id = user.id
    return organisation


def changes_for(application: MembershipApplication, user: User) -> list[str]:
    """What approving would change on ``user``'s account, in the words the account's holder is shown."""
    if application.kind == "organisation":
        website = safe_href(application.website)
        return [
            f"Link your account to the organisation “{application.organisation_name}”, with you as "
            "its contact, so that you can edit its page, invite people and start petitions for it.",
            f"List “{application.organisation_name}” publicly among the coalition's members"
            + (f", with the website {website}." if website else "."),
        ]
    if application.listed:
        return [f"List you publicly as a member of the coalition, under your account's name, {user.name}."]
    return ["Keep your name out of the public list of members (you will not be listed)."]


def approve_application(actor: User, application: MembershipApplication, message: str = "") -> User | None:
    """Welcome the applicant: their organisation (if any) is listed, and they get an account whose password
    they set from the emailed link. An address that already has an account is not changed: anyone can type
    any address into the form, so its holder is emailed what approval would change and it happens only if
    they confirm (see account_holders.py). Returns the new account, or None when the holder was asked."""
    require(actor, "review_applications")
    message = (message or "").strip()
    existing = find_user_by_email(application.email)
    _check_can_join(application, existing)
    if existing is not None:
        _decide(actor, application, ApplicationState.AWAITING_HOLDER, message)
        application.account_holder_id = existing.id
        db.session.flush()
        queue_email(
            "membership_confirm",
            existing.email,
            "Confirm your membership of the coalition",
            application=application,
            holder=existing,
            changes=changes_for(application, existing),
            message=message,
            link=public_url("members.account_holder", token=holder_token(application)),
            days=current_app.config["INVITE_MAX_AGE"] // 86400 or 1,
        )
        db.session.commit()
        return None
    _decide(actor, application, ApplicationState.APPROVED, message)
    user = create_user(
        application.email, application.contact_name, secrets.token_urlsafe(24) + "aA1!", Role.MEMBER
    )
    organisation = join_account(application, user)
    queue_email(
        "membership_approved",
        application.email,
        "Welcome to the coalition",
        application=application,
        message=message,
        link=public_url("auth.reset_password", token=make_setup_token(user)),
        new_account=True,
        organisation=organisation,
    )
    db.session.commit()
    return user


# Signed, expiring (INVITE_MAX_AGE), and naming the account and its address: a link sent before the
# address moved to another account opens nothing.
HOLDER_TOKEN = SignedToken("membership-account-holder")


def holder_token(application: MembershipApplication) -> str:
    return HOLDER_TOKEN.make(
        {"a": application.id, "u": application.account_holder_id, "e": normalise_email(application.email)}
    )


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
