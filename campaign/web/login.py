"""Flask-Login: where signed-out people are sent, and how the signed-in user is loaded from the session.

The cookie (session or remember-me) holds only the LoginSession's random token; the server decides on
every request whether that session is still live (see services.accounts.sessions). When it is not, the
browser is signed out here, its remember-me cookie cleared, and told why, once.
"""

from __future__ import annotations

from flask import Flask, flash, request, session

from ..extensions import login_manager
from ..models import User
from ..services.accounts import sessions


def _span(minutes: int) -> str:
    if minutes % (24 * 60) == 0:
        days = minutes // (24 * 60)
        return f"{days} day{'s' if days != 1 else ''}"
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def ended_message(reason: str, remember: bool) -> str:
    limits = sessions.lifetime(remember)
    if reason == sessions.IDLE:
        return f"You were signed out after {_span(int(limits.idle.total_seconds()) // 60)} without activity."
    if reason == sessions.EXPIRED:
        return (
            f"You were signed out because you signed in more than "
            f"{_span(int(limits.absolute.total_seconds()) // 60)} ago. Sign in again to carry on."
        )
    if reason == sessions.PASSWORD:
        return "You were signed out because the password for this account was changed."
    if reason == sessions.OTHER_DEVICE:
        return "You were signed out of this device from another one."
    return "You have been signed out."


def load_user(token: str) -> User | None:
    resumed = sessions.resume_session(token, request.remote_addr or "")
    if resumed.user is None:
        # Drop the dead token from the session and the remember-me cookie too, so the next request
        # neither asks the database again nor repeats the message.
        session.pop("_user_id", None)
        session["_remember"] = "clear"
        if resumed.ended:
            flash(ended_message(resumed.ended, resumed.remember), "info")
    return resumed.user


def register_login(app: Flask) -> None:
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to see that page."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)
