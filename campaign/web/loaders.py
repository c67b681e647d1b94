"""What a URL names, or the 404 page: for views that would otherwise look something up, test it for None
and abort. Services that refuse with ``NotFound`` need none of this (see ``web.errors``)."""

from __future__ import annotations

from typing import TypeVar

from flask import abort
from sqlalchemy import select

from ..extensions import db

T = TypeVar("T")


def found_or_404(found: T | None) -> T:
    """``found`` itself, or the 404 page when a service's lookup found nothing (returned None)."""
    if found is None:
        abort(404)
    return found


def load_or_404(model: type[T], **criteria) -> T:
    """The row of ``model`` matching ``criteria`` (``load_or_404(OutboxMessage, public_id=...)``), or 404."""
    return found_or_404(db.session.scalar(select(model).filter_by(**criteria)))
