"""A member organisation's own presence: its page, its logo, what it supports, and its people.

Every function takes the person acting and checks they may act on this organisation: an editor can
change only their own organisation, whatever id or slug they send."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import func, select, update

from ...extensions import db
from ...models import (
    Invitation,
    Organisation,
    Petition,
    PetitionState,
    Role,
    Story,
    StoryState,
    User,
    utcnow,
)
from ...urls import public_url
from ..accounts.users import create_user, find_user_by_email, password_problem
from ..addresses import normalise_email
from ..emails import queue_email
from ..errors import NotFound, ServiceError
from ..permissions import require_organisation
from ..tokens import SignedToken, TokenExpired, TokenInvalid
from ..web_addresses import WebAddressProblem, normalise_web_address
from .logos import reencode_logo


@dataclass
class OrganisationDetails:
    name: str
    description: str
    website: str
    listed: bool = True
    petition_ids: list[int] = field(default_factory=list)
    story_ids: list[int] = field(default_factory=list)


def organisation_by_slug(slug: str) -> Organisation | None:
    return db.session.scalar(select(Organisation).where(Organisation.slug == slug))


def organisation_for_editor(actor: User, slug: str, people: bool = False) -> Organisation:
    organisation = organisation_by_slug(slug)
    if organisation is None:
        raise NotFound("There is no such organisation.")
    require_organisation(actor, organisation, people=people)
    return organisation


def clean_website(url: str) -> str:
    try:
        return normalise_web_address(url)
    except WebAddressProblem as problem:
        raise ServiceError(str(problem), field="website") from None


def choosable_petitions() -> list[Petition]:
    return list(
        db.session.scalars(
            select(Petition).where(Petition.state.in_(PetitionState.PUBLIC)).order_by(Petition.title)
        )
    )


def choosable_stories() -> list[Story]:
    return list(
        db.session.scalars(select(Story).where(Story.state == StoryState.PUBLISHED).order_by(Story.title))
    )


def update_organisation(actor: User, organisation: Organisation, details: OrganisationDetails) -> None:
    require_organisation(actor, organisation)
    name = details.name.strip()
    if not name:
        raise ServiceError("Enter the organisation's name", field="name")
    clash = db.session.scalar(
        select(Organisation.id).where(Organisation.name == name, Organisation.id != organisation.id)
    )
    if clash is not None:
        raise ServiceError("Another member organisation already has this name", field="name")
    organisation.name = name
    organisation.description = details.description.strip()
    organisation.website = clean_website(details.website)
    organisation.listed = details.listed
    organisation.petitions = list(
        db.session.scalars(
            select(Petition).where(
                Petition.id.in_(details.petition_ids or []), Petition.state.in_(PetitionState.PUBLIC)
            )
        )
    )
    organisation.stories = list(
        db.session.scalars(
            select(Story).where(Story.id.in_(details.story_ids or []), Story.state == StoryState.PUBLISHED)
        )
    )
    organisation.updated_at = utcnow()
    db.session.commit()


def set_logo(actor: User, organisation: Organisation, data: bytes) -> None:
    require_organisation(actor, organisation)
    organisation.logo_data = reencode_logo(data)
    organisation.logo = secrets.token_hex(8)
    organisation.updated_at = utcnow()
    db.session.commit()


def remove_logo(actor: User, organisation: Organisation) -> None:
    require_organisation(actor, organisation)
    organisation.logo, organisation.logo_data = None, None
    db.session.commit()


def logo_png(slug: str, version: str) -> bytes | None:
    organisation = organisation_by_slug(slug)
    if organisation is None or not organisation.logo or organisation.logo != version:
        return None
    return organisation.logo_data


# People


def people_of(actor: User, organisation: Organisation) -> list[User]:
    require_organisation(actor, organisation)
    return list(
        db.session.scalars(
            select(User).where(User.organisation_id == organisation.id, User.active).order_by(User.name)
        )
    )


def open_invitations(actor: User, organisation: Organisation) -> list[Invitation]:
    require_organisation(actor, organisation, people=True)
    return list(
        db.session.scalars(
            select(Invitation)
            .where(
                Invitation.organisation_id == organisation.id,
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
            )
            .order_by(Invitation.created_at)
        )
    )


_INVITATION = SignedToken("organisation-invitation")


def invite_person(actor: User, organisation: Organisation, email: str) -> Invitation:
    require_organisation(actor, organisation, people=True)
    email = email.strip()
    existing = find_user_by_email(email)
    if existing is not None and existing.organisation_id == organisation.id:
        raise ServiceError("This person is already part of your organisation", field="email")
    if existing is not None and existing.organisation_id is not None:
        raise ServiceError("This address belongs to someone in another member organisation", field="email")
    if existing is not None and existing.role != Role.MEMBER:
        raise ServiceError("This address belongs to one of the coalition's staff accounts", field="email")
    invitation = Invitation(organisation_id=organisation.id, email=email, invited_by_id=actor.id)
    db.session.add(invitation)
    db.session.flush()
    token = _INVITATION.make({"i": invitation.id, "e": normalise_email(email)})
    days = current_app.config["INVITE_MAX_AGE"] // 86400 or 1
    queue_email(
        "organisation_invitation",
        email,
        f"Join {organisation.name} on the coalition's platform",
        organisation=organisation,
        inviter=actor.name,
        link=public_url("members.invitation", token=token),
        days=days,
    )
    db.session.commit()
    return invitation


def revoke_invitation(actor: User, organisation: Organisation, invitation_id: int) -> None:
    require_organisation(actor, organisation, people=True)
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.organisation_id != organisation.id:
        raise NotFound("There is no such invitation.")
    invitation.revoked_at = invitation.revoked_at or utcnow()
    db.session.commit()


def invitation_for_token(token: str) -> Invitation:
    try:
        data = _INVITATION.read(token, max_age=current_app.config["INVITE_MAX_AGE"])
    except TokenExpired:
        raise ServiceError(
            "This invitation has expired. Ask the person who invited you to send a new one."
        ) from None
    except TokenInvalid:
        raise ServiceError(
            "This invitation link is not valid. It may have been copied incompletely."
        ) from None
    invitation = db.session.get(Invitation, data.get("i")) if isinstance(data, dict) else None
    if invitation is None or normalise_email(invitation.email) != data.get("e"):
        raise ServiceError("This invitation link is not valid.")
    if invitation.revoked_at is not None:
        raise ServiceError("This invitation was withdrawn. Ask the person who invited you.")
    if invitation.accepted_at is not None:
        raise ServiceError("This invitation has already been used. Sign in instead.")
    return invitation


def accept_invitation(token: str, signed_in: User | None, name: str = "", password: str = "") -> User:
    """Join the organisation: as the signed-in account if it is the invited address, else as a new account."""
    invitation = invitation_for_token(token)
    existing = find_user_by_email(invitation.email)
    if existing is not None:
        if signed_in is None or signed_in.id != existing.id:
            raise ServiceError(
                "This address already has an account. Sign in with it, then open the link again."
            )
        if existing.organisation_id not in (None, invitation.organisation_id):
            raise ServiceError("Your account already belongs to another member organisation.")
        user = existing
    else:
        if not name.strip():
            raise ServiceError("Enter your name", field="name")
        problem = password_problem(password, invitation.email, name)
        if problem:
            raise ServiceError(problem, field="password")
        user = create_user(invitation.email, name.strip(), password, Role.MEMBER)
    user.organisation_id = invitation.organisation_id
    invitation.accepted_at = utcnow()
    organisation = invitation.organisation
    if organisation.contact_id is None:
        organisation.contact_id = user.id
    db.session.commit()
    return user


def remove_person(actor: User, organisation: Organisation, user_id: int) -> User:
    require_organisation(actor, organisation, people=True)
    person = db.session.get(User, user_id)
    if person is None or person.organisation_id != organisation.id:
        raise NotFound("This person is not part of your organisation.")
    if person.id == organisation.contact_id:
        raise ServiceError("The first contact cannot be removed. Make someone else the contact first.")
    person.organisation_id = None
    # An older invitation to the same address must not let them straight back in.
    db.session.execute(
        update(Invitation)
        .where(
            Invitation.organisation_id == organisation.id,
            func.lower(Invitation.email) == person.email.lower(),
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
    )
    db.session.commit()
    return person


def make_contact(actor: User, organisation: Organisation, user_id: int) -> None:
    require_organisation(actor, organisation, people=True)
    person = db.session.get(User, user_id)
    if person is None or person.organisation_id != organisation.id or not person.active:
        raise NotFound("This person is not part of your organisation.")
    organisation.contact_id = person.id
    db.session.commit()
