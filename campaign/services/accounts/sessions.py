"""Signed-in sessions on the server: one LoginSession row per browser, checked on every request.

A session ends after SESSION_IDLE_MINUTES without a request or SESSION_ABSOLUTE_HOURS after signing in
("keep me signed in": REMEMBER_IDLE_DAYS and REMEMBER_DAYS), or when it is revoked: signed out, signed
out from another device, or the password changed. Checking costs the one indexed query that loads the
user (joined); last_seen_at is written at most once a SEEN_INTERVAL, not on every request.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, select, update
from sqlalchemy.orm import joinedload

from ...extensions import db, rowcount
from ...models import User, utcnow
from ...models.accounts import LoginSession
from ..errors import ServiceError

SEEN_INTERVAL = timedelta(seconds=60)
KEEP_ENDED = timedelta(days=90)

# Why a session ended (LoginSession.revoked_reason).
SIGNED_OUT = "signed_out"
OTHER_DEVICE = "other_device"
PASSWORD = "password"
IDLE = "idle"
EXPIRED = "expired"


@dataclass(frozen=True)
class Lifetime:
    idle: timedelta
    absolute: timedelta


def lifetime(remember: bool) -> Lifetime:
    config = current_app.config
    if remember:
        return Lifetime(timedelta(days=config["REMEMBER_IDLE_DAYS"]), timedelta(days=config["REMEMBER_DAYS"]))
    return Lifetime(
        timedelta(minutes=config["SESSION_IDLE_MINUTES"]), timedelta(hours=config["SESSION_ABSOLUTE_HOURS"])
    )


def coarse_address(address: str | None) -> str:
    """The network, not the machine: an IPv4 /24 or an IPv6 /48, to show "where" without keeping an IP."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return ""
    if ip.version == 4:
        return str(ipaddress.ip_network(f"{ip}/24", strict=False))
    mapped = ip.ipv4_mapped
    if mapped is not None:
        return coarse_address(str(mapped))
    return str(ipaddress.ip_network(f"{ip}/48", strict=False))


_BROWSERS = (
    ("Edge", r"Edg(e|A|iOS)?/"),
    ("Opera", r"OPR/|Opera"),
    ("Samsung Internet", r"SamsungBrowser/"),
    ("Firefox", r"Firefox/|FxiOS/"),
    ("Chrome", r"Chrome/|CriOS/"),
    ("Safari", r"Safari/"),
)
_SYSTEMS = (
    ("iPhone", r"iPhone"),
    ("iPad", r"iPad"),
    ("Android", r"Android"),
    ("ChromeOS", r"CrOS"),
    ("Windows", r"Windows"),
    ("macOS", r"Macintosh|Mac OS X"),
    ("Linux", r"Linux"),
)


def device_label(user_agent: str) -> str:
    """ "Firefox on Windows": enough for someone to recognise their own devices."""
    browser = next((name for name, pattern in _BROWSERS if re.search(pattern, user_agent)), "")
    system = next((name for name, pattern in _SYSTEMS if re.search(pattern, user_agent)), "")
    if browser and system:
        return f"{browser} on {system}"
    return browser or system or "An unrecognised browser"


def start_session(
    user: User, user_agent: str = "", address: str = "", remember: bool = False
) -> LoginSession:
    login = LoginSession(
        user_id=user.id,
        user_agent=(user_agent or "")[:300],
        address=coarse_address(address),
        remember=remember,
    )
    db.session.add(login)
    # Ended sessions are kept a while so a returning browser can be told why; past that, each sign-in
    # tidies away its own person's old rows, so the table does not grow without a sweeper.
    db.session.execute(
        delete(LoginSession).where(
            LoginSession.user_id == user.id, LoginSession.revoked_at < utcnow() - KEEP_ENDED
        )
    )
    db.session.commit()
    user.current_session = login
    return login


@dataclass(frozen=True)
class Resumed:
    user: User | None
    # Set when the session has just been found over: one of IDLE, EXPIRED, OTHER_DEVICE, PASSWORD...
    ended: str = ""
    remember: bool = False


def resume_session(token: str, address: str = "") -> Resumed:
    """The user a session token belongs to, if that session is still live; otherwise why it is not."""
    if not token:
        return Resumed(None)
    login = db.session.scalar(
        select(LoginSession).options(joinedload(LoginSession.user)).where(LoginSession.token == token)
    )
    if login is None or not login.user.is_active:
        return Resumed(None)
    if login.revoked_at is not None:
        return Resumed(None, login.revoked_reason or SIGNED_OUT, login.remember)
    now = utcnow()
    limits = lifetime(login.remember)
    ended = (
        EXPIRED
        if now - login.created_at > limits.absolute
        else IDLE
        if now - login.last_seen_at > limits.idle
        else ""
    )
    if ended:
        _revoke(LoginSession.id == login.id, ended, now)
        return Resumed(None, ended, login.remember)
    coarse = coarse_address(address)
    if now - login.last_seen_at >= SEEN_INTERVAL or (coarse and coarse != login.address):
        db.session.execute(
            update(LoginSession)
            .where(LoginSession.id == login.id)
            .values(last_seen_at=now, address=coarse or login.address)
        )
        db.session.commit()
    login.user.current_session = login
    return Resumed(login.user)


def _revoke(condition, reason: str, now: datetime | None = None) -> int:
    changed = rowcount(
        db.session.execute(
            update(LoginSession)
            .where(condition, LoginSession.revoked_at.is_(None))
            .values(revoked_at=now or utcnow(), revoked_reason=reason)
        )
    )
    db.session.commit()
    return changed


def end_session(user: User) -> None:
    if user.current_session is not None:
        _revoke(LoginSession.id == user.current_session.id, SIGNED_OUT)
        user.current_session = None


def sign_out_everywhere(user: User) -> None:
    _revoke(LoginSession.user_id == user.id, OTHER_DEVICE)
    user.current_session = None


def revoke_other_sessions(user: User, reason: str = OTHER_DEVICE) -> int:
    """End every session of this person but the one they are using. The caller's transaction is
    committed with it (a password change and the sessions it ends go together)."""
    condition = LoginSession.user_id == user.id
    if user.current_session is not None:
        condition = condition & (LoginSession.id != user.current_session.id)
    return _revoke(condition, reason)


def revoke_device(user: User, session_id: int) -> None:
    """Sign out one of this person's own devices. Someone else's session id is refused like a missing one."""
    if user.current_session is not None and session_id == user.current_session.id:
        raise ServiceError("That is the device you are using. Use “Sign out” to sign out here.")
    if session_id not in {login.id for login in active_sessions(user)} or not _revoke(
        (LoginSession.id == session_id) & (LoginSession.user_id == user.id), OTHER_DEVICE
    ):
        raise ServiceError("That device is already signed out.")


def active_sessions(user: User) -> list[LoginSession]:
    """This person's live sessions, most recently used first (the ones past their time left out)."""
    now = utcnow()
    rows = db.session.scalars(
        select(LoginSession)
        .where(LoginSession.user_id == user.id, LoginSession.revoked_at.is_(None))
        .order_by(LoginSession.last_seen_at.desc())
    ).all()
    live = []
    for row in rows:
        limits = lifetime(row.remember)
        if now - row.created_at <= limits.absolute and now - row.last_seen_at <= limits.idle:
            live.append(row)
    return live
