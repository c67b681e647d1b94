"""The holder of an existing account answering an approved application made with their address.

Anyone can type any address into the join form, so approval leaves such an account alone and emails its
holder a signed, expiring link (membership.approve_application). The link is enough to answer, without
signing in: it proves control of the address, which is all a password reset asks too (so signing in would
add no protection), and the account may be one whose password its holder never set. Answering is a POST from the page the link opens (link
scanners only fetch), and works once: the application leaves the waiting state."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from ...extensions import db
from ...models import ApplicationState, MembershipApplication, User, utcnow
from ..addresses import normalise_email
from ..errors import ServiceError
from ..tokens import TokenExpired, TokenInvalid
from .membership import HOLDER_TOKEN, changes_for, join_account


@dataclass
class HolderQuestion:
    application: MembershipApplication
    holder: User
    changes: list[str]


def question_for_token(token: str, lock: bool = False) -> HolderQuestion:
    try:
        data = HOLDER_TOKEN.read(token, max_age=current_app.config["INVITE_MAX_AGE"])
    except TokenExpired:
        raise ServiceError(
            "This link has expired, and nothing about your account has changed. If you want to join, "
            "apply again."
        ) from None
    except TokenInvalid:
        raise ServiceError("This link is not valid. It may have been copied incompletely.") from None
    if not isinstance(data, dict):
        raise ServiceError("This link is not valid.")
    # Locked and re-read when answering, so two answers at once cannot both apply.
    application = db.session.get(
        MembershipApplication, data.get("a"), with_for_update=lock, populate_existing=lock
    )
    holder = db.session.get(User, data.get("u")) if data.get("u") else None
    if (
        application is None
        or holder is None
        or application.account_holder_id != holder.id
        or normalise_email(holder.email) != data.get("e")
        or normalise_email(application.email) != data.get("e")
    ):
        raise ServiceError("This link is not valid.")
    if application.state == ApplicationState.APPROVED:
        raise ServiceError("You have already confirmed this. Sign in to see your account.")
    if application.state == ApplicationState.HOLDER_DECLINED:
        raise ServiceError("You have already declined this, and nothing about your account was changed.")
    if application.state != ApplicationState.AWAITING_HOLDER:
        raise ServiceError("This link is not valid.")
    return HolderQuestion(application, holder, changes_for(application, holder))


def confirm(token: str) -> HolderQuestion:
    question = question_for_token(token, lock=True)
    join_account(question.application, question.holder)
    question.application.state = ApplicationState.APPROVED
    question.application.holder_answered_at = utcnow()
    db.session.commit()
    return question


def decline(token: str) -> HolderQuestion:
    question = question_for_token(token, lock=True)
    question.application.state = ApplicationState.HOLDER_DECLINED
    question.application.holder_answered_at = utcnow()
    db.session.commit()
    return question
