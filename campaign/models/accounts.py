"""People who sign in: admins, organisers, moderators and members."""

from __future__ import annotations

import enum
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from ._types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from .coalition import Organisation


class Role(enum.StrEnum):
    ADMIN = "admin"
    ORGANISER = "organiser"
    MODERATOR = "moderator"
    MEMBER = "member"


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class User(UserMixin, Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default=Role.MEMBER.value)
    # A member who edits an organisation's page belongs to it; an individual member has none.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    organisation: Mapped[Organisation | None] = relationship(foreign_keys=[organisation_id])  # noqa: F821
    # An individual member appears in the public directory only if they chose to.
    listed: Mapped[bool] = mapped_column(default=False)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    # Set by the login service to the LoginSession this request belongs to. Not a column: declared for the
    # type checker only, since SQLAlchemy would read a plain annotation as a mapping.
    if TYPE_CHECKING:
        current_session: LoginSession | None
    current_session = None

    def get_id(self) -> str:
        # Flask-Login stores this (the session's random token, not the user id) in the cookie; deleting
        # the LoginSession row signs that browser out, remember-me cookie included.
        return self.current_session.token if self.current_session is not None else ""

    @property
    def is_active(self) -> bool:
        return self.active

    def has_role(self, *roles: Role | str) -> bool:
        """Admins can do whatever any other role can."""
        return self.role == Role.ADMIN or self.role in {str(r) for r in roles}

    @property
    def role_label(self) -> str:
        if self.role == Role.MEMBER and self.organisation is not None:
            return f"Member ({self.organisation.name})"
        return self.role.capitalize()

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class LoginSession(Model):
    """One signed-in browser, named in its cookie by the random token. Signing out, a password change (for
    the others) or running out of time sets revoked_at; the row stays so the device list and the message
    the browser gets next ("signed out after 2 hours without activity") can say why."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    user: Mapped[User] = relationship()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_agent: Mapped[str] = mapped_column(String(300), default="")
    # Coarse on purpose (an IPv4 /24, an IPv6 /48): enough to recognise "that's my home", no more.
    address: Mapped[str] = mapped_column(String(64), default="")
    remember: Mapped[bool] = mapped_column(default=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Why it ended: signed_out, other_device, password, idle, expired (see services.accounts.sessions).
    revoked_reason: Mapped[str] = mapped_column(String(20), default="")
