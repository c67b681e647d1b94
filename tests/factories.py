"""Test data builders. Each takes keyword overrides and returns a flushed row."""

from __future__ import annotations

import itertools

from campaign.extensions import db
from campaign.models import Role, User
from campaign.services.accounts import hash_password

_seq = itertools.count(1)
PASSWORD = "a perfectly good password"
# Hashing with argon2 defaults on every user would slow the suite; one hash is reused.
_PASSWORD_HASH = None


def make_user(role: Role | str = Role.MEMBER, email: str | None = None, name: str | None = None,
              password: str = PASSWORD, **fields) -> User:
    global _PASSWORD_HASH
    n = next(_seq)
    if password == PASSWORD:
        _PASSWORD_HASH = _PASSWORD_HASH or hash_password(PASSWORD)
        password_hash = _PASSWORD_HASH
    else:
        password_hash = hash_password(password)
    user = User(email=email or f"person{n}@example.org", name=name or f"Person {n}",
                password_hash=password_hash, role=str(role), **fields)
    db.session.add(user)
    db.session.commit()
    return user


def make_petition(state: str = "open", title: str | None = None, **fields):
    from datetime import timedelta

    from campaign.models import Petition, utcnow

    n = next(_seq)
    now = utcnow()
    values = {
        "slug": f"petition-{n}", "title": title or f"Petition number {n}", "action": "Do the right thing.",
        "background": "Because it matters.", "state": state, "target": 10_000,
    }
    if state in ("open", "closed"):
        values.update(opened_at=now - timedelta(days=1), deadline=now + timedelta(days=30))
    values.update(fields)
    petition = Petition(**values)
    db.session.add(petition)
    db.session.commit()
    return petition


def make_page(kind: str = "news", title: str | None = None, published: bool = True, **fields):
    from campaign.models import Page, utcnow

    n = next(_seq)
    values = {"slug": f"page-{n}", "kind": kind, "title": title or f"Page number {n}", "summary": "A summary.",
              "body": "Some **words**.", "published_at": utcnow() if published else None}
    values.update(fields)
    page = Page(**values)
    db.session.add(page)
    db.session.commit()
    return page
