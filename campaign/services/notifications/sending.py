"""notify(): tell one person about something, as they asked: an email now, an item for their daily
digest, or nothing. notify_staff(): the same for everyone whose role may act on it.

Nothing is sent to the person whose own action it was, nor to a closed or inactive account. The email
(or the digest item) is written in the caller's transaction, and the caller commits: the send job is
enqueued after the commit (see emails.queue_email), so a Redis outage delays it but never loses it."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import select

from ...extensions import db
from ...models import DigestItem, NotificationChoice, Role, User
from ...urls import public_url
from ..emails import queue_email
from .kinds import kind_named
from .preferences import choice_for

log = logging.getLogger(__name__)
SENT, DIGEST, OFF, SKIPPED = "sent", "digest", "off", "skipped"


def preferences_url() -> str:
    return public_url("account.notifications_page")


def notify(
    user: User | None,
    kind: str,
    *,
    subject: str,
    summary: str,
    link: str,
    actor: User | None = None,
    template: str = "notification",
    action_text: str = "See what needs doing",
    **context,
) -> str:
    """Tell ``user`` about ``kind`` (a key in kinds.KINDS): ``summary`` is one plain sentence (the digest's
    line), ``link`` the page to act on it. ``template`` is the email sent at once (templates/email/
    <template>.txt and .html, given ``name``, ``summary``, ``link``, ``action_text``, ``preferences_url``
    and ``context``). Returns what happened: "sent", "digest", "off" or "skipped". The caller commits."""
    definition = kind_named(kind)
    if user is None or not user.active or user.closed_at is not None:
        return SKIPPED
    if actor is not None and actor.id == user.id:
        return SKIPPED  # never told of your own action
    if not definition.may_receive(user):
        return SKIPPED
    choice = choice_for(user, kind)
    if choice == NotificationChoice.OFF:
        return OFF
    if choice == NotificationChoice.DIGEST:
        db.session.add(DigestItem(user_id=user.id, kind=kind, summary=summary[:500], link=link[:1000]))
        return DIGEST
    queue_email(
        template,
        user.email,
        subject,
        name=user.name,
        summary=summary,
        link=link,
        action_text=action_text,
        preferences_url=preferences_url(),
        **context,
    )
    return SENT


def staff_for(kind: str) -> list[User]:
    """Every active account whose role may receive ``kind``, in id order."""
    definition = kind_named(kind)
    # Members may start petitions, so "author" kinds would match every member: only the petition's own
    # author hears about it, through ``also``.
    people = db.session.scalars(
        select(User)
        .where(User.active.is_(True), User.closed_at.is_(None), User.role != Role.MEMBER.value)
        .order_by(User.id)
    )
    return [user for user in people if definition.may_receive(user)]


def notify_staff(kind: str, *, also: Iterable[User | None] = (), **arguments) -> dict[str, int]:
    """notify() everyone whose role may act on ``kind``, and the people in ``also`` (a petition's author,
    a campaign's sender), each once. Returns how many of each outcome."""
    outcomes: dict[str, int] = {}
    seen: set[int] = set()
    for user in [*staff_for(kind), *also]:
        if user is None or user.id in seen:
            continue
        seen.add(user.id)
        outcome = notify(user, kind, **arguments)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    if outcomes:
        log.info("Notified about %s: %s", kind, outcomes)
    return outcomes
