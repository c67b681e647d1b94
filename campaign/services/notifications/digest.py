"""The daily digest: one email per person with every notification they chose to receive that way.

Each person's waiting items are locked, emailed and marked sent in one transaction (the email row is
written in it too), so an item is in exactly one digest: a second run, or a second worker, finds nothing
of theirs waiting. The email is sent by the ordinary send job, enqueued after the commit."""

from __future__ import annotations

from sqlalchemy import select

from ...extensions import db
from ...models import DigestItem, User, utcnow
from ..emails import queue_email
from .kinds import label_of
from .sending import preferences_url


def send_digests() -> int:
    """Queue a digest to everyone with items waiting; returns how many digests were queued."""
    people = db.session.scalars(
        select(DigestItem.user_id).where(DigestItem.sent_at.is_(None)).distinct().order_by(DigestItem.user_id)
    ).all()
    db.session.rollback()
    return sum(_send_digest(user_id) for user_id in people)


def _send_digest(user_id: int) -> int:
    waiting = select(DigestItem).where(DigestItem.user_id == user_id, DigestItem.sent_at.is_(None))
    if db.session.get_bind().dialect.name == "postgresql":
        waiting = waiting.with_for_update(skip_locked=True)
    items = list(db.session.scalars(waiting.order_by(DigestItem.created_at, DigestItem.id)))
    user = db.session.get(User, user_id)
    if not items:
        db.session.rollback()
        return 0
    now = utcnow()
    for item in items:
        item.sent_at = now
    if user is not None and user.active and user.closed_at is None:
        groups: dict[str, list[DigestItem]] = {}
        for item in items:
            groups.setdefault(label_of(item.kind), []).append(item)
        count = len(items)
        queue_email(
            "notification_digest",
            user.email,
            f"Your daily summary: {count} {'thing' if count == 1 else 'things'} from the coalition",
            name=user.name,
            groups=groups,
            count=count,
            preferences_url=preferences_url(),
        )
    db.session.commit()
    return 1
