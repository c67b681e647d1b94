"""Reading and saving each person's notification choices. No row means the kind's default."""

from __future__ import annotations

from sqlalchemy import select

from ...extensions import db
from ...models import NotificationPreference, User
from ..errors import ServiceError
from .kinds import kind_named, kinds_for


def _stored(user: User) -> dict[str, str]:
    rows = db.session.execute(
        select(NotificationPreference.kind, NotificationPreference.choice).where(
            NotificationPreference.user_id == user.id
        )
    )
    return {kind: choice for kind, choice in rows}


def choice_for(user: User, kind_key: str) -> str:
    kind = kind_named(kind_key)
    choice = _stored(user).get(kind_key, kind.default)
    return choice if choice in kind.choices else kind.default


def choices_for(user: User) -> dict[str, str]:
    """Every kind this person may receive, with their choice (or its default)."""
    stored = _stored(user)
    return {
        kind.key: stored[kind.key] if stored.get(kind.key) in kind.choices else kind.default
        for kind in kinds_for(user)
    }


def save_choices(user: User, choices: dict[str, str]) -> None:
    """Save the person's choices for the kinds they may receive; anything else is refused."""
    allowed = {kind.key: kind for kind in kinds_for(user)}
    for key, choice in choices.items():
        kind = allowed.get(key)
        if kind is None:
            raise ServiceError("That is not something we email you about.")
        if choice not in kind.choices:
            raise ServiceError(f"Choose how to be told: {kind.label.lower()}.", field=key)
    stored = {
        row.kind: row
        for row in db.session.scalars(
            select(NotificationPreference).where(NotificationPreference.user_id == user.id)
        )
    }
    for key, choice in choices.items():
        if key in stored:
            stored[key].choice = choice
        else:
            db.session.add(NotificationPreference(user_id=user.id, kind=key, choice=choice))
    db.session.commit()
