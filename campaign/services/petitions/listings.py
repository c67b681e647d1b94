"""The public lists of petitions, as petition.parliament.uk keeps them: open (most signatures or newest),
closing soon, recently closed and rejected (with the reason, and without the wording where the reason says
so). The list page and the public JSON both read these; nothing here needs a signed-in person.

A rejected petition whose reason hides its text (offensive, defamatory) is listed with a stand-in title and
no action, and is never found by a search, which would otherwise confirm what its hidden wording says."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import case, func, or_, select

from ...extensions import db
from ...models import Petition, PetitionState, RejectionReason, utcnow

OPEN = "open"
CLOSING = "closing"
CLOSED = "closed"
REJECTED = "rejected"
# In the order the page shows them.
LISTS = (OPEN, CLOSING, CLOSED, REJECTED)
LABELS = {OPEN: "Open", CLOSING: "Closing soon", CLOSED: "Recently closed", REJECTED: "Rejected"}
# An open petition whose deadline falls within this many days is "closing soon".
CLOSING_SOON_DAYS = 14
WITHHELD_TITLE = "A rejected petition"

# The orders each list may be read in; the first is its default.
SORTS = {
    OPEN: ("popular", "newest"),
    CLOSING: ("soonest",),
    CLOSED: ("recent", "popular"),
    REJECTED: ("recent",),
}


def list_named(value: str | None) -> str:
    """The list a ``?state=`` asks for; anything unknown is the open list."""
    return value if value in LISTS else OPEN


def sort_named(listed: str, value: str | None) -> str:
    """The order a ``?sort=`` asks for within ``listed``; anything unknown is that list's default."""
    return value if value in SORTS[listed] else SORTS[listed][0]


@dataclass(frozen=True)
class Listed:
    """A petition as a public list shows it: what it may say of itself, and why it was rejected."""

    petition: Petition
    reason: RejectionReason | None = None

    @property
    def withheld(self) -> bool:
        # lifecycle.text_is_withheld's rule, read from the reason joined into the list's one query
        # rather than a query per petition.
        return self.petition.is_rejected and self.reason is not None and self.reason.hides_text

    @property
    def title(self) -> str:
        return WITHHELD_TITLE if self.withheld else self.petition.title

    @property
    def action(self) -> str:
        return "" if self.withheld else self.petition.action


def _search(query: str):
    if db.engine.dialect.name == "postgresql":
        document = func.to_tsvector("english", Petition.title + " " + Petition.action)
        return document.op("@@")(func.websearch_to_tsquery("english", query))
    terms = [t for t in re.split(r"\s+", query) if t][:8]
    return or_(*[or_(Petition.title.ilike(f"%{t}%"), Petition.action.ilike(f"%{t}%")) for t in terms])


def _closing_before():
    return utcnow() + timedelta(days=CLOSING_SOON_DAYS)


def _condition(listed: str):
    if listed == CLOSING:
        return (
            (Petition.state == PetitionState.OPEN)
            & Petition.deadline.is_not(None)
            & (Petition.deadline <= _closing_before())
        )
    state = {OPEN: PetitionState.OPEN, CLOSED: PetitionState.CLOSED, REJECTED: PetitionState.REJECTED}
    return Petition.state == state[listed]


def _order(listed: str, sort: str):
    if listed == CLOSING:
        return (Petition.deadline.asc(), Petition.id.asc())
    if listed == REJECTED:
        return (Petition.rejected_at.desc().nulls_last(), Petition.id.desc())
    if listed == CLOSED and sort == "recent":
        return (func.coalesce(Petition.closed_at, Petition.deadline).desc().nulls_last(), Petition.id.desc())
    if sort == "newest":
        return (Petition.opened_at.desc().nulls_last(), Petition.id.desc())
    return (Petition.signature_count.desc(), Petition.id.desc())


def petitions_in(
    listed: str, sort: str = "", query: str = "", page: int = 1, per_page: int = 20
) -> tuple[list[Listed], int]:
    """One page of the list ``listed`` (see LISTS), in ``sort`` order, matching ``query`` if given, and how
    many petitions the whole list (with that query) holds. Two statements, whatever the page holds."""
    listed = list_named(listed)
    sort = sort_named(listed, sort)
    stmt = (
        select(Petition, RejectionReason)
        .outerjoin(RejectionReason, RejectionReason.code == Petition.rejection_code)
        .where(_condition(listed))
    )
    if query.strip():
        stmt = stmt.where(_search(query.strip()))
        if listed == REJECTED:
            stmt = stmt.where(
                or_(RejectionReason.hides_text.is_(None), RejectionReason.hides_text.is_(False))
            )
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = db.session.execute(
        stmt.order_by(*_order(listed, sort)).limit(per_page).offset((max(page, 1) - 1) * per_page)
    ).all()
    return [Listed(petition, reason) for petition, reason in rows], total


def list_counts() -> dict[str, int]:
    """How many petitions each list holds, in one statement, for the links between the lists."""
    closing = _condition(CLOSING)
    row = db.session.execute(
        select(
            *(
                func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
                for condition in (
                    Petition.state == PetitionState.OPEN,
                    closing,
                    Petition.state == PetitionState.CLOSED,
                    Petition.state == PetitionState.REJECTED,
                )
            )
        ).where(Petition.state.in_(PetitionState.PUBLIC))
    ).one()
    return dict(zip(LISTS, (int(n) for n in row), strict=True))
