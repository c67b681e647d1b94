"""Who wants which emails: unsubscribe links (one click, or a page with a button), the preferences page,
and the suppression list every bulk send honours.

Lists are "petition:<id>" (updates about one petition, for signers who opted in) and "coalition" (news
for members). Unsubscribing from everything, a hard bounce, a spam report or an organiser's block puts the
address on the suppression list."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from flask import current_app
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from ...extensions import db
from ...models import ListOptOut, Petition, Signature, SignatureState, Suppression, SuppressionReason, User
from ...urls import public_url
from ..addresses import email_key
from ..errors import NotFound, ServiceError
from ..permissions import require

COALITION = "coalition"


def petition_list(petition_id: int) -> str:
    return f"petition:{petition_id}"


# Tokens are built for every recipient of every campaign, so they are compact rather than a general-purpose
# serialised object. The address and list are encrypted (AES-SIV: deterministic, so one person keeps one
# link per list, and authenticated, so a changed token is refused): a forwarded email or a proxy's log no
# longer shows whose link it is, as the first tokens (base64 of the address, then an HMAC) did.


@functools.lru_cache(maxsize=8)
def _signing_key(secret: str) -> bytes:
    return hmac.new(secret.encode(), b"unsubscribe-v1", hashlib.sha256).digest()


@functools.lru_cache(maxsize=8)
def _cipher(secret: str) -> AESSIV:
    return AESSIV(hmac.new(secret.encode(), b"unsubscribe-v2", hashlib.sha512).digest())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def token_maker():
    """A function making tokens with the key looked up once: a batch makes a thousand."""
    cipher = _cipher(current_app.config["SECRET_KEY"])

    def make(email: str, list_key: str) -> str:
        return _b64(cipher.encrypt(f"{email_key(email)}\n{list_key}".encode(), None))

    return make


def unsubscribe_token(email: str, list_key: str) -> str:
    return token_maker()(email, list_key)


def url_prefixes() -> tuple[str, str]:
    """(unsubscribe, preferences) URLs without their token."""
    base = current_app.config["BASE_URL"]
    return _url_prefix(base, "outreach.unsubscribe"), _url_prefix(base, "outreach.preferences")


@functools.lru_cache(maxsize=16)
def _url_prefix(base_url: str, endpoint: str) -> str:
    return public_url(endpoint, token="TOKEN").rsplit("TOKEN", 1)[0]


def unsubscribe_url(email: str, list_key: str, token: str | None = None) -> str:
    prefix = _url_prefix(current_app.config["BASE_URL"], "outreach.unsubscribe")
    return prefix + (token or unsubscribe_token(email, list_key))


def read_token(token: str) -> tuple[str, str]:
    """(email key, list) from a link's token. The old readable kind (it has a dot) is still read, so the
    links in emails already sent keep working; drop _read_legacy_token once those have aged out."""
    invalid = NotFound("This link is not valid. Use the link from the most recent email we sent you.")
    if "." in token:
        return _read_legacy_token(token, invalid)
    try:
        plain = _cipher(current_app.config["SECRET_KEY"]).decrypt(_unb64(token), None)
        key, _, list_key = plain.decode().partition("\n")
    except (ValueError, UnicodeDecodeError, InvalidTag):
        raise invalid from None
    if not key or not list_key:
        raise invalid
    return key, list_key


def _read_legacy_token(token: str, invalid: NotFound) -> tuple[str, str]:
    payload, _, signature = token.rpartition(".")
    try:
        expected = hmac.new(
            _signing_key(current_app.config["SECRET_KEY"]), payload.encode(), hashlib.sha256
        ).digest()
        if not payload or not hmac.compare_digest(_unb64(signature), expected[:18]):
            raise invalid
        key, _, list_key = _unb64(payload).decode().partition("\n")
    except (ValueError, UnicodeDecodeError):
        raise invalid from None
    return key, list_key


def list_label(list_key: str) -> str:
    if list_key == COALITION:
        return "News from the coalition"
    if list_key.startswith("petition:"):
        petition = db.session.get(Petition, int(list_key.split(":", 1)[1]))
        return f"Updates about the petition “{petition.title}”" if petition else "Updates about a petition"
    return list_key


def leave_list(key: str, list_key: str) -> None:
    """One click: leave the list this email was sent for. Safe to repeat."""
    exists = db.session.scalar(
        select(ListOptOut.id).where(ListOptOut.email_key == key, ListOptOut.list_key == list_key)
    )
    if exists is None:
        db.session.add(ListOptOut(email_key=key, list_key=list_key))
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()  # the same click arrived twice at once: the first one did it


@dataclass
class Preference:
    list_key: str
    label: str
    subscribed: bool


def preferences_for(key: str, list_key: str) -> tuple[list[Preference], bool]:
    """Every list this address could be on, whether it is, and whether it unsubscribed from everything."""
    lists = {list_key}
    signed = db.session.scalars(
        select(Signature.petition_id).where(
            Signature.email_key == key, Signature.opt_in, Signature.state == SignatureState.VALIDATED
        )
    ).all()
    lists.update(petition_list(pid) for pid in signed)
    local, _, domain = key.rpartition("@")
    candidates = db.session.scalars(
        select(User.email).where(func.lower(User.email).like(f"{local}%@{domain}"), User.active)
    )
    if any(email_key(email) == key for email in candidates):
        lists.add(COALITION)
    left = set(db.session.scalars(select(ListOptOut.list_key).where(ListOptOut.email_key == key)))
    suppressed = db.session.scalar(select(Suppression.reason).where(Suppression.email_key == key))
    return (
        [Preference(k, list_label(k), k not in left) for k in sorted(lists)],
        suppressed == SuppressionReason.UNSUBSCRIBED,
    )


def set_preferences(key: str, list_key: str, keep: set[str], everything_off: bool) -> None:
    lists, _ = preferences_for(key, list_key)
    for preference in lists:
        if preference.list_key in keep:
            db.session.execute(
                delete(ListOptOut).where(
                    ListOptOut.email_key == key, ListOptOut.list_key == preference.list_key
                )
            )
        elif (
            db.session.scalar(
                select(ListOptOut.id).where(
                    ListOptOut.email_key == key, ListOptOut.list_key == preference.list_key
                )
            )
            is None
        ):
            db.session.add(ListOptOut(email_key=key, list_key=preference.list_key))
    suppression = db.session.scalar(select(Suppression).where(Suppression.email_key == key))
    if everything_off and suppression is None:
        db.session.add(
            Suppression(email_key=key, reason=SuppressionReason.UNSUBSCRIBED, detail="preferences page")
        )
    elif (
        not everything_off
        and suppression is not None
        and suppression.reason == SuppressionReason.UNSUBSCRIBED
    ):
        db.session.delete(suppression)  # they asked to hear from us again; bounces and blocks stay
    db.session.commit()


# The suppression list, for organisers


def suppressions(actor: User, limit: int = 200) -> list[Suppression]:
    require(actor, "send_campaigns")
    return list(db.session.scalars(select(Suppression).order_by(Suppression.created_at.desc()).limit(limit)))


def block_address(actor: User, email: str, note: str = "") -> None:
    require(actor, "send_campaigns")
    key = email_key(email)
    if "@" not in key:
        raise ServiceError("Enter an email address", field="email")
    suppression = db.session.scalar(select(Suppression).where(Suppression.email_key == key))
    if suppression is None:
        db.session.add(
            Suppression(
                email_key=key,
                reason=SuppressionReason.BLOCKED,
                detail=f"blocked by {actor.name}" + (f": {note.strip()}" if note.strip() else ""),
            )
        )
    elif suppression.reason == SuppressionReason.UNSUBSCRIBED:
        suppression.reason = SuppressionReason.BLOCKED
    db.session.commit()
