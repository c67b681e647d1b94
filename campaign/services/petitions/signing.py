"""Signing a petition: one pending signature per person, confirmed by an emailed link.

The form never reveals whether an address has signed: a repeat gets the same "check your email"
page, and the email says they already signed (or carries a fresh confirmation link if they have not
confirmed yet). Those emails go at most once per SIGN_EMAIL_COOLDOWN_SECONDS for an address and
petition, however often the sign or resend form is sent, so neither can be used to flood someone's inbox.
Signatures over a rate limit are stored but flagged, so they are never counted, and the signer sees the
normal page."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from redis.exceptions import RedisError
from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from ...extensions import db, rowcount
from ...models import Petition, PetitionState, Signature, SignatureState, utcnow
from ...queue import get_redis
from ...urls import public_url
from ..addresses import email_domain, email_key
from ..emails import queue_email
from ..errors import ServiceError
from ..tokens import SignedToken, TokenExpired, TokenInvalid
from .regions import normalise_postcode, region_for_postcode

log = logging.getLogger(__name__)


class PetitionNotOpen(ServiceError):
    pass


class ConfirmationInvalid(ServiceError):
    def __init__(self, message: str, reason: str, petition: Petition | None = None):
        super().__init__(message)
        self.reason = reason  # expired | used | invalid | closed
        self.petition = petition


# The "email me updates" question, word for word. Changing the words means a new version: each signature
# keeps the version and the wording its signer saw, and when they answered it.
UPDATES_VERSION = "2026-12-1"
UPDATES_WORDING = "Email me updates about this petition and the campaign"


@dataclass
class SigningDetails:
    name: str
    email: str
    postcode: str = ""
    country: str = "GB"
    uk_confirmed: bool = False
    opt_in: bool = False
    source: str = ""
    ip_address: str = ""


def ensure_open(petition: Petition) -> None:
    if petition.state == PetitionState.CLOSED or (
        petition.state == PetitionState.OPEN and petition.deadline and petition.deadline <= utcnow()
    ):
        raise PetitionNotOpen("This petition has closed, so it can no longer be signed.")
    if petition.state == PetitionState.REJECTED:
        raise PetitionNotOpen("This petition was rejected, so it cannot be signed.")
    if petition.state != PetitionState.OPEN:
        raise PetitionNotOpen("This petition is not open for signatures.")


def _over_limit(details: SigningDetails) -> bool:
    """Count this attempt against the per-address and per-domain windows in Redis."""
    config = current_app.config
    domain = email_domain(details.email)
    if domain in config["BLOCKED_EMAIL_DOMAINS"]:
        return True
    window = config["SIGN_LIMIT_WINDOW"]
    keys = []
    if details.ip_address:
        keys.append((f"sign-limit:ip:{details.ip_address}", config["SIGN_LIMIT_PER_IP"]))
    if domain not in config["SIGN_LIMIT_FREE_DOMAINS"]:
        keys.append((f"sign-limit:domain:{domain}", config["SIGN_LIMIT_PER_DOMAIN"]))
    try:
        pipe = get_redis().pipeline()
        for key, _ in keys:
            pipe.set(key, 0, ex=window, nx=True)  # starts the window on the first attempt only
            pipe.incr(key)
        counts = pipe.execute()[1::2]
    except RedisError as error:
        # Without Redis the limits cannot be checked; signing goes on and bulk invalidation remains.
        log.warning("Signing rate limits unavailable: %s", error)
        return False
    return any(count > limit for count, (_, limit) in zip(counts, keys, strict=True))


def sign_petition(petition: Petition, details: SigningDetails) -> Signature:
    """Record a pending signature and queue the email. The caller shows "check your email" either way."""
    ensure_open(petition)
    key = email_key(details.email)
    postcode = normalise_postcode(details.postcode) if details.country == "GB" else None
    signature = Signature(
        petition_id=petition.id,
        name=details.name.strip(),
        email=details.email.strip(),
        email_key=key,
        email_domain=email_domain(details.email),
        postcode=postcode or "",
        country=details.country,
        region=region_for_postcode(postcode) if postcode else None,
        uk_confirmed=details.uk_confirmed,
        opt_in=details.opt_in,
        opt_in_wording=UPDATES_WORDING,
        opt_in_version=UPDATES_VERSION,
        opt_in_at=utcnow(),
        source=details.source[:80],
        ip_address=details.ip_address[:45],
        flagged=_over_limit(details),
        last_emailed_at=utcnow(),
    )
    petition_id = petition.id
    db.session.add(signature)
    try:
        db.session.flush()
    except IntegrityError:
        # Already signed. Nothing else is written before this insert, so the whole transaction goes back
        # (cheaper than a savepoint round each signature, for the rare repeat).
        db.session.rollback()
        existing = db.session.scalar(
            select(Signature).where(Signature.petition_id == petition_id, Signature.email_key == key)
        )
        if _may_email(existing):
            _queue_repeat_email(petition, existing, details.email)
        db.session.commit()
        return existing
    _queue_confirmation(petition, signature, details.email)
    db.session.commit()
    return signature


_CONFIRMATION = SignedToken("signature-confirmation")
# A confirmation link's signature comes with its petition, which every answer to the link shows.
_WITH_PETITION = [joinedload(Signature.petition)]


def confirmation_token(signature: Signature) -> str:
    return _CONFIRMATION.make({"s": signature.id, "p": signature.petition_id})


def _queue_confirmation(petition: Petition, signature: Signature, to: str) -> None:
    link = public_url("signatures.confirm", token=confirmation_token(signature))
    days = current_app.config["SIGNATURE_TOKEN_MAX_AGE"] // 86400
    queue_email(
        "signature_confirmation",
        to,
        f"Confirm your signature: {petition.title}",
        name=signature.name,
        petition=petition,
        link=link,
        days=days,
    )


def _may_email(signature: Signature) -> bool:
    """Claim this signer's email slot: true (and the time noted) if none went within the cooldown. One
    conditional UPDATE, so of two forms sent at once only one wins; the row lock makes the other wait
    and then see the new time."""
    now = utcnow()
    cutoff = now - timedelta(seconds=current_app.config["SIGN_EMAIL_COOLDOWN_SECONDS"])
    claimed = db.session.execute(
        update(Signature)
        .where(
            Signature.id == signature.id,
            or_(Signature.last_emailed_at.is_(None), Signature.last_emailed_at <= cutoff),
        )
        .values(last_emailed_at=now),
        execution_options={"synchronize_session": False},
    )
    return rowcount(claimed) == 1


def _queue_repeat_email(petition: Petition, existing: Signature, to: str) -> None:
    if existing.state == SignatureState.PENDING:
        _queue_confirmation(petition, existing, to)
    else:
        queue_email(
            "signature_duplicate",
            to,
            f"You have already signed: {petition.title}",
            name=existing.name,
            petition=petition,
            petition_url=public_url("petitions.show", slug=petition.slug),
        )


def signature_for_token(token: str) -> Signature:
    try:
        data = _CONFIRMATION.read(token, max_age=current_app.config["SIGNATURE_TOKEN_MAX_AGE"])
    except TokenExpired as expired:
        petition = _petition_from_expired(expired)
        raise ConfirmationInvalid("This confirmation link has expired.", "expired", petition) from None
    except TokenInvalid:
        raise ConfirmationInvalid(
            "This confirmation link is not valid. It may have been copied incompletely.", "invalid"
        ) from None
    signature = (
        db.session.get(Signature, data.get("s"), options=_WITH_PETITION) if isinstance(data, dict) else None
    )
    if signature is None or signature.petition_id != data.get("p"):
        raise ConfirmationInvalid("This confirmation link is not valid.", "invalid")
    if signature.state == SignatureState.INVALIDATED:
        raise ConfirmationInvalid("This signature has been removed.", "invalid", signature.petition)
    return signature


def _petition_from_expired(expired: TokenExpired) -> Petition | None:
    try:
        data = _CONFIRMATION.read_expired(expired)
    except TokenInvalid:
        return None
    return db.session.get(Petition, data.get("p")) if isinstance(data, dict) else None


def confirm_signature(token: str) -> Signature:
    """Validate the signature behind the link. Idempotent: a second POST changes nothing."""
    signature = signature_for_token(token)
    petition = signature.petition
    if signature.state == SignatureState.VALIDATED:
        raise ConfirmationInvalid("You have already confirmed your signature. Thank you.", "used", petition)
    try:
        ensure_open(petition)
    except PetitionNotOpen as closed:
        raise ConfirmationInvalid(str(closed), "closed", petition) from None
    db.session.execute(
        update(Signature)
        .where(Signature.id == signature.id, Signature.state == SignatureState.PENDING)
        .values(state=SignatureState.VALIDATED, validated_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return signature


def resend_confirmation(petition: Petition, email: str) -> None:
    """Send the link again if this address signed; the page says the same thing either way."""
    try:
        ensure_open(petition)
    except PetitionNotOpen:
        return  # decided before looking the address up, so the answer says nothing about who signed
    existing = db.session.scalar(
        select(Signature).where(Signature.petition_id == petition.id, Signature.email_key == email_key(email))
    )
    if existing is None or existing.state == SignatureState.INVALIDATED or not _may_email(existing):
        return
    _queue_repeat_email(petition, existing, email)
    db.session.commit()
