"""Admin work on accounts: listing people and adding them with a role."""

from __future__ import annotations

import secrets

from flask import current_app
from sqlalchemy import select

from ...extensions import db
from ...models import Role, User
from ...urls import public_url
from ..emails import queue_email
from ..permissions import require
from .users import create_user, make_setup_token


def list_users(actor: User) -> list[User]:
    require(actor, "manage_users")
    return list(db.session.scalars(select(User).order_by(User.role, User.name)))


def invite_user(actor: User, email: str, name: str, role: str) -> User:
    """Create an account with an unguessable password and email the person a link to choose their own."""
    require(actor, "manage_users")
    user = create_user(email, name, secrets.token_urlsafe(24) + "aA1!", role)
    link = public_url("auth.reset_password", token=make_setup_token(user))
    hours = current_app.config["INVITE_MAX_AGE"] // 3600 or 1
    queue_email(
        "account_invite",
        user.email,
        "You have been given an account",
        name=user.name,
        inviter=actor.name,
        role=user.role,
        link=link,
        hours=hours,
    )
    db.session.commit()
    return user


def staff_addresses() -> dict[str, str]:
    """Organisers and admins, who are told of complaints and applications."""
    people = db.session.scalars(
        select(User).where(User.role.in_((Role.ORGANISER.value, Role.ADMIN.value)), User.active)
    ).all()
    return {u.email: u.name for u in people}
