"""Accounts: creating people, signing in, password reset and change.

Password reset tokens are signed, expire, and carry a fingerprint of the current password hash, so a
token stops working the moment it has been used (the hash changes) without storing tokens anywhere.
"""

from __future__ import annotations

import functools
import hashlib
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from sqlalchemy import func, select, update

from ... import job_names as jobs
from ...extensions import db, rowcount
from ...models import Role, User, utcnow
from ...queue import enqueue
from ...urls import public_url
from ..addresses import normalise_email
from ..emails import queue_email
from ..errors import ServiceError
from ..tokens import SignedToken, TokenExpired
from ..tokens import TokenInvalid as BadToken
from . import sign_in_throttle as throttle
from .sessions import PASSWORD, revoke_other_sessions
from .sessions import start_session as start_session  # members' sign-up signs the new member in

MIN_PASSWORD_LENGTH = 10


def _hasher() -> PasswordHasher:
    """Argon2id at the cost the settings give: strong in production (settings refuse a weak one there),
    cheap in tests, where the suite signs people in hundreds of times."""
    config = current_app.config
    return _hasher_for(config["ARGON2_TIME_COST"], config["ARGON2_MEMORY_KIB"], config["ARGON2_PARALLELISM"])


@functools.cache
def _hasher_for(time_cost: int, memory_kib: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)


# Verifying against this keeps a sign-in for an unknown email as slow as one for a known email.
@functools.cache
def _dummy_hash_for(hasher: PasswordHasher) -> str:
    """Made on first use, not at import: an Argon2 hash takes 64 MiB, which workers that never sign anyone
    in should not carry."""
    return hasher.hash("not a real password, used to even out timing")


def _dummy_hash() -> str:
    return _dummy_hash_for(_hasher())


_COMMON_PASSWORDS = {
    "password",
    "password1",
    "password123",
    "12345678",
    "123456789",
    "1234567890",
    "qwertyuiop",
    "iloveyou",
    "letmein123",
    "welcome123",
    "passw0rd",
    "changeme123",
    "administrator",
}


class SignInRefused(ServiceError):
    pass


class TokenInvalid(ServiceError):
    def __init__(self, message: str, expired: bool = False):
        super().__init__(message)
        self.expired = expired


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
    return _hasher().hash(password)


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def create_user(
    email: str, name: str, password: str, role: Role | str = Role.MEMBER, organisation_id: int | None = None
) -> User:
    if role not in {r.value for r in Role}:
        raise ServiceError(f"Unknown role {role!r}.")
    if find_user_by_email(email):
        raise ServiceError("An account with that email address already exists.")
    problem = password_problem(password, email, name)
    if problem:
        raise ServiceError(problem)
    user = User(
        email=normalise_email(email),
        name=name.strip(),
        password_hash=hash_password(password),
        role=str(role),
        organisation_id=organisation_id,
    )
    db.session.add(user)
    db.session.flush()
    return user


GENERIC_REFUSAL = (
    "The email address or password is not right. If you have forgotten it, reset your password with the "
    "link below."
)


def _minutes(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


class SignInThrottled(SignInRefused):
    """Too many wrong passwords from this connection. Said before the password is checked, so it is the same
    whether or not it was right; the reset advice only where a reset does let the person in."""

    def __init__(self, seconds: int, reset_helps: bool = True):
        way_in = (
            "To get in now, reset your password with the link below."
            if reset_helps
            else "Try again then, or from another connection."
        )
        super().__init__(
            f"Sign-in from your connection is paused for {_minutes(seconds)}, after too many wrong passwords. "
            + way_in
        )
        self.seconds = seconds


class SignInPaused(SignInThrottled):
    """Too many wrong passwords for this email from everywhere. Said whatever the password and whether or
    not the address has an account, so it reveals neither."""

    def __init__(self, seconds: int):
        SignInRefused.__init__(
            self,
            f"Sign-in is paused for this email address for {_minutes(seconds)}, after too many wrong "
            "passwords. To get in now, reset your password with the link below.",
        )
        self.seconds = seconds


_DEVICE = SignedToken("known-device", expires=False)


def device_token(user: User) -> str:
    """For a cookie that says "this browser has signed in as this person before": with it the right
    password still works while the account is at its ceiling of failures from everywhere."""
    return _DEVICE.make({"u": user.id})


def _known_device(user: User, token: str | None) -> bool:
    if not token:
        return False
    try:
        data = _DEVICE.read(token)
    except BadToken:
        return False
    return isinstance(data, dict) and data.get("u") == user.id


def authenticate(email: str, password: str, address: str = "", device: str | None = None) -> User:
    """The user for these credentials, or SignInRefused. Wrong passwords slow down the address they come
    from (sign_in_throttle), not the account. The message and the work done are the same for an unknown
    address and a wrong password, so the form does not reveal which accounts exist."""
    wait, reset_helps = throttle.refused_for(address, email)
    if wait:
        raise SignInThrottled(wait, reset_helps)
    user = find_user_by_email(email)
    now = utcnow()
    if user is None:
        _verify(_dummy_hash(), password)
        paused = throttle.unknown_paused_for(email)
        if paused:
            raise SignInPaused(paused)
        throttle.count_failure(address, email)
        throttle.count_unknown_failure(email)
        raise SignInRefused(GENERIC_REFUSAL)
    at_ceiling = user.locked_until is not None and user.locked_until > now
    correct = _verify(user.password_hash, password)
    if at_ceiling and not _known_device(user, device):
        # Before saying whether the password was right: a distributed guesser learns nothing here.
        raise SignInPaused(int((user.locked_until - now).total_seconds()))
    if not correct:
        throttle.count_failure(address, email)
        _count_failure(user, now)
        raise SignInRefused(GENERIC_REFUSAL)
    if not user.is_active:
        raise SignInRefused(
            "This account has been closed. Contact the coalition's organisers if that is a mistake."
        )
    if _hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    throttle.clear_failures(address, email)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    db.session.commit()
    return user


def _count_failure(user: User, now) -> None:
    """The per-account ceiling, across every address: atomic, so parallel guesses cannot slip past it."""
    config = current_app.config
    failures = db.session.execute(
        update(User)
        .where(User.id == user.id)
        .values(failed_logins=User.failed_logins + 1)
        .returning(User.failed_logins)
    ).scalar_one()
    if failures >= config["LOGIN_ACCOUNT_MAX_FAILURES"]:
        db.session.execute(
            update(User)
            .where(User.id == user.id)
            .values(failed_logins=0, locked_until=now + timedelta(seconds=config["LOGIN_LOCKOUT_SECONDS"]))
        )
    db.session.commit()


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password(user: User, password: str) -> bool:
    return _verify(user.password_hash, password)


def change_password(user: User, current_password: str | None, new_password: str) -> None:
    """Set a new password and end every other signed-in session of this person."""
    if current_password is not None and not check_password(user, current_password):
        raise ServiceError("Your current password is not right.", field="current_password")
    _set_password(user, new_password, expected_hash=None)


def _set_password(user: User, new_password: str, expected_hash: str | None) -> None:
    problem = password_problem(new_password, user.email, user.name)
    if problem:
        raise ServiceError(problem, field="password")
    condition = [User.id == user.id]
    if expected_hash is not None:
        # A reset link is single-use even when two requests race: only one sees the old hash.
        condition.append(User.password_hash == expected_hash)
    changed = rowcount(
        db.session.execute(
            update(User)
            .where(*condition)
            .values(
                password_hash=hash_password(new_password),
                password_changed_at=utcnow(),
                failed_logins=0,
                locked_until=None,
            )
        )
    )
    if not changed:
        db.session.rollback()
        raise TokenInvalid("This reset link has already been used.")
    revoke_other_sessions(user, PASSWORD)
    db.session.refresh(user)


# Password reset

_RESET = SignedToken("password-reset")


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_reset_token(user: User) -> str:
    return _RESET.make({"u": user.id, "f": _fingerprint(user)})


def request_password_reset(email: str) -> None:
    """Hand the address to a job that emails a reset link if it has an account. The request does the same
    work (one enqueue, no database) whether it has one or not, so neither the page nor its timing reveals
    which addresses have accounts. With Redis down the lookup happens here instead: the email is then
    recorded and the sweeper sends it later, so an outage delays a reset but never loses it (and an
    attacker cannot bring on an outage to time the difference)."""
    address = normalise_email(email)
    if enqueue(jobs.SEND_PASSWORD_RESET, address) is None:
        send_password_reset(address)


def send_password_reset(email: str) -> bool:
    """What the job runs: email a reset link if the account exists and is open. Whether it did."""
    user = find_user_by_email(email)
    if user is None or not user.is_active:
        return False
    link = public_url("auth.reset_password", token=make_reset_token(user))
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    queue_email(
        "password_reset", user.email, "Reset your password", name=user.name, link=link, minutes=minutes
    )
    db.session.commit()
    return True


_SETUP = SignedToken("account-setup")


def make_setup_token(user: User) -> str:
    """For a new account's first password: works like a reset link, but for INVITE_MAX_AGE, since the
    person may not read the email for days."""
    return _SETUP.make({"u": user.id, "f": _fingerprint(user)})


def _load_password_token(token: str):
    try:
        return _RESET.read(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except TokenExpired:
        raise TokenInvalid("This reset link has expired.", expired=True) from None
    except BadToken:
        pass  # not a reset link; perhaps a set-up link
    try:
        return _SETUP.read(token, max_age=current_app.config["INVITE_MAX_AGE"])
    except TokenExpired:
        raise TokenInvalid("This link to set your password has expired.", expired=True) from None
    except BadToken:
        raise TokenInvalid("This reset link is not valid. It may have been copied incompletely.") from None


def user_for_reset_token(token: str) -> User:
    data = _load_password_token(token)
    user = db.session.get(User, data.get("u")) if isinstance(data, dict) else None
    if user is None or not user.is_active or data.get("f") != _fingerprint(user):
        raise TokenInvalid("This reset link has already been used.")
    return user


def is_setup_token(token: str) -> bool:
    """Whether this link sets a new account's first password (rather than resetting a forgotten one)."""
    try:
        _SETUP.read(token, max_age=current_app.config["INVITE_MAX_AGE"])
    except BadToken:
        return False
    return True


def reset_password(token: str, new_password: str, address: str = "") -> User:
    """Set the password from a reset link and sign out every session, wherever it is. The address it was
    done from is no longer refused for this account: the reset is how a refused owner gets in now."""
    user = user_for_reset_token(token)
    user.current_session = None
    _set_password(user, new_password, expected_hash=user.password_hash)
    throttle.forgive(address, user.email)
    return user
