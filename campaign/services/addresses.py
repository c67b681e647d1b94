"""Email addresses as the platform compares them. Used by every domain that matches people by address."""

from __future__ import annotations


def normalise_email(email: str) -> str:
    """An account's address: trimmed and lower-cased."""
    return email.strip().lower()


def email_key(email: str) -> str:
    """Lower-case, and drop a +tag from the local part: one person, one signature, one suppression."""
    local, _, domain = normalise_email(email).rpartition("@")
    local = local.split("+", 1)[0]
    return f"{local}@{domain}"


def email_domain(email: str) -> str:
    return normalise_email(email).rpartition("@")[2]
