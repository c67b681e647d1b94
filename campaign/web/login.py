"""Flask-Login: where signed-out people are sent, and how the signed-in user is loaded from the session."""

from __future__ import annotations

from flask import Flask

from ..extensions import login_manager
from ..services.accounts.users import load_user_by_session_token


def register_login(app: Flask) -> None:
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to see that page."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user_by_session_token)
