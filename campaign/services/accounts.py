"""Accounts: creating people, signing in with a lockout, password reset and change.

Password reset tokens are signed, expire, and carry a fingerprint of the current password hash, so a
token stops working the moment it has been used (the hash changes) without storing tokens anywhere.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from ..extensions import db
from ..models import Role, User, utcnow
from ..models.accounts import new_session_token
from ..urls import public_url
from .emails import queue_email
from .errors import ServiceError

MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()
# Verifying against this keeps a sign-in for an unknown email as slow as one for a known email.
_DUMMY_HASH = _hasher.hash("not a real password, used to even out timing")
_COMMON_PASSWORDS = {
    "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyuiop",
    "iloveyou", "letmein123", "welcome123", "passw0rd", "changeme123", "administrator",
}


class SignInRefused(ServiceError):
    pass


class TokenInvalid(ServiceError):
    def __init__(self, message: str, expired: bool = False):
        super().__init__(message)
        self.expired = expired


def normalise_email(email: str) -> str:
    return email.strip().lower()


def password_problem(password: str, email: str = "", name: str = "") -> str | None:
    """Why a new password is not good enough, or None. Length over complexity rules, as NCSC advises."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > 256:
        return "Use 256 characters or fewer."
    lowered = password.lower()
    if lowered in _COMMON_PASSWORDS or len(set(password)) < 4:
        return "That password is too easy to guess. Try three random words."
    if email and normalise_email(email).split("@")[0] in lowered and len(email.split("@")[0]) >= 4:
        return "Do not use your email address in your password."
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def create_user(email: str, name: str, password: str, role: Role | str = Role.MEMBER,
                organisation_id: int | None = None) -> User:
    if role not in {r.value for r in Role}:
        raise ServiceError(f"Unknown role {role!r}.")
    if find_user_by_email(email):
        raise ServiceError("An account with that email address already exists.")
    problem = password_problem(password, email, name)
    if problem:
        raise ServiceError(problem)
    user = User(email=normalise_email(email), name=name.strip(), password_hash=hash_password(password),
                role=str(role), organisation_id=organisation_id)
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User:
    """The user for these credentials, or SignInRefused with a message that never says which part was wrong."""
    config = current_app.config
    user = find_user_by_email(email)
    now = utcnow()
    if user is None:
        _verify(_DUMMY_HASH, password)
        raise SignInRefused("The email address or password is not right.")
    if user.locked_until and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise SignInRefused(
            f"Too many failed attempts. Try again in {minutes} minutes, or reset your password."
        )
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= config["LOGIN_MAX_FAILURES"]:
            user.locked_until = now + timedelta(seconds=config["LOGIN_LOCKOUT_SECONDS"])
            user.failed_logins = 0
        db.session.commit()
        raise SignInRefused("The email address or password is not right.")
    if not user.is_active:
        raise SignInRefused("This account has been closed. Contact the coalition's organisers if that is a mistake.")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    db.session.commit()
    return user


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password(user: User, password: str) -> bool:
    return _verify(user.password_hash, password)


def change_password(user: User, current_password: str | None, new_password: str) -> None:
    """Set a new password and replace the session token, which signs out every other session."""
    if current_password is not None and not check_password(user, current_password):
        raise ServiceError("Your current password is not right.")
    problem = password_problem(new_password, user.email, user.name)
    if problem:
        raise ServiceError(problem)
    user.password_hash = hash_password(new_password)
    user.password_changed_at = utcnow()
    user.session_token = new_session_token()
    user.failed_logins = 0
    user.locked_until = None
    db.session.commit()


def sign_out_everywhere(user: User) -> None:
    user.session_token = new_session_token()
    db.session.commit()


def load_user_by_session_token(token: str) -> User | None:
    if not token:
        return None
    user = db.session.scalar(select(User).where(User.session_token == token))
    return user if user is not None and user.is_active else None


# Password reset

def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_reset_token(user: User) -> str:
    return _reset_serializer().dumps({"u": user.id, "f": _fingerprint(user)})


def request_password_reset(email: str) -> None:
    """Email a reset link if the account exists. Says nothing either way, so the form reveals no accounts."""
    user = find_user_by_email(email)
    if user is None or not user.is_active:
        return
    link = public_url("auth.reset_password", token=make_reset_token(user))
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    queue_email("password_reset", user.email, "Reset your password", name=user.name, link=link, minutes=minutes)
    db.session.commit()


def user_for_reset_token(token: str) -> User:
    try:
        data = _reset_serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except SignatureExpired:
        raise TokenInvalid("This reset link has expired.", expired=True) from None
    except BadSignature:
        raise TokenInvalid("This reset link is not valid. It may have been copied incompletely.") from None
    user = db.session.get(User, data.get("u")) if isinstance(data, dict) else None
    if user is None or not user.is_active or data.get("f") != _fingerprint(user):
        raise TokenInvalid("This reset link has already been used.")
    return user


def reset_password(token: str, new_password: str) -> User:
    user = user_for_reset_token(token)
    change_password(user, None, new_password)
    return user
