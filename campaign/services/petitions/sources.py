"""Where signatures came from: the member organisation whose website embedded the petition, a share link,
paper, or straight to our own site; and the attribution table organisers read.

A signature's ``source`` is namespaced so one kind can never pass for another:

- ``member:<organisation slug>``: signed in the widget embedded with ``?member=<slug>``, set only when that
  organisation exists;
- ``share:<value>``: a ``?source=<value>`` share link. Whatever anyone types there is stored under
  ``share:``, so ``?source=member:x`` becomes ``share:member:x`` and cannot claim a member's signatures;
- ``paper``: rows organisers uploaded from paper forms;
- empty: no source.

Rows written before share links were namespaced hold the bare value; they are read as share links."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlalchemy import and_, func, select

from ...extensions import db
from ...models import Organisation, PaperBatch, Petition, PetitionState, Signature, SignatureState, User
from ..errors import PermissionDenied
from ..exports import safe_cell
from ..permissions import can
from .counting import counted
from .lifecycle import can_manage

MEMBER_PREFIX = "member:"
SHARE_PREFIX = "share:"
PAPER = "paper"
SOURCE_MAX = 80  # Signature.source's length


def share_source(raw: str | None) -> str:
    """The source to store for a ``?source=`` share link: printable characters only, namespaced, 80 at most."""
    value = "".join(ch for ch in (raw or "") if ch.isprintable()).strip()
    return (SHARE_PREFIX + value)[:SOURCE_MAX] if value else ""


def member_source(slug: str | None) -> str:
    """``member:<slug>`` for an organisation that exists; empty (no attribution) for anything else."""
    slug = (slug or "").strip()
    if not slug or len(slug) > 120:
        return ""
    exists = db.session.scalar(select(Organisation.id).where(Organisation.slug == slug))
    return f"{MEMBER_PREFIX}{slug}"[:SOURCE_MAX] if exists is not None else ""


# Who may do what


def can_view_sources(actor: User | None, petition: Petition) -> bool:
    """Organisers (and admins) for every petition; a petition's owners for their own. The table holds only
    counts per source, no one's details, and the owners are the people asking members to embed it."""
    return can(actor, "view_petition_sources") or can_manage(actor, petition)


def can_get_embed_code(actor: User | None, petition: Petition) -> bool:
    """The snippet is only a public address, so it is offered to those who manage the petition and to any
    member linked to an organisation (whose snippet then credits that organisation), for petitions that can
    be signed or were (a closed one's widget shows its final count). A draft's widget would show nothing."""
    if petition.state not in (PetitionState.OPEN, PetitionState.CLOSED):
        return False
    if can_manage(actor, petition):
        return True
    return (
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and actor.is_active
        and actor.organisation_id is not None
        and petition.state in PetitionState.PUBLIC
    )


def may_credit_any_member(actor: User | None) -> bool:
    """Organisers make snippets for any member organisation (one without an account on the site, say)."""
    return can(actor, "view_petition_sources")


def embed_organisations(actor: User) -> list[Organisation]:
    """The organisations an actor may make snippets for: every one for organisers, otherwise their own."""
    if may_credit_any_member(actor):
        return list(db.session.scalars(select(Organisation).order_by(Organisation.name)))
    return [actor.organisation] if actor.organisation is not None else []


# The attribution table


@dataclass
class SourceRow:
    kind: str  # member | share | paper | direct
    value: str  # the organisation's slug, the share link's value, or empty
    label: str
    confirmed: int = 0
    pending: int = 0

    @property
    def source(self) -> str:
        """The stored form, as used in the CSV."""
        return {"member": MEMBER_PREFIX + self.value, "share": SHARE_PREFIX + self.value, "paper": PAPER}.get(
            self.kind, ""
        )


def _kind_of(source: str) -> tuple[str, str]:
    if not source:
        return "direct", ""
    if source == PAPER:
        return "paper", ""
    if source.startswith(MEMBER_PREFIX):
        return "member", source.removeprefix(MEMBER_PREFIX)
    return "share", source.removeprefix(SHARE_PREFIX)


def signature_sources(actor: User | None, petition: Petition) -> list[SourceRow]:
    """Per source: signatures that count (confirmed and not flagged, as the counting service decides) and
    those waiting for their signer to confirm. Paper batches are added to the paper row, so the confirmed
    column adds up to the petition's exact count. Most confirmed first."""
    if not can_view_sources(actor, petition):
        raise PermissionDenied(
            "Only organisers and the petition's owners can see where signatures came from."
        )
    waiting = and_(Signature.state == SignatureState.PENDING, Signature.flagged.is_(False))
    rows = db.session.execute(
        select(Signature.source, func.count().filter(counted()), func.count().filter(waiting))
        .where(Signature.petition_id == petition.id)
        .group_by(Signature.source)
    ).all()
    by_key: dict[tuple[str, str], SourceRow] = {}
    for source, confirmed, pending in rows:
        kind, value = _kind_of(source or "")
        row = by_key.setdefault((kind, value), SourceRow(kind, value, ""))
        row.confirmed += confirmed
        row.pending += pending
    paper_batches = db.session.scalar(
        select(func.coalesce(func.sum(PaperBatch.count), 0)).where(PaperBatch.petition_id == petition.id)
    )
    if paper_batches:
        by_key.setdefault(("paper", ""), SourceRow("paper", "", "")).confirmed += paper_batches
    slugs = [value for kind, value in by_key if kind == "member"]
    names = (
        dict(
            db.session.execute(
                select(Organisation.slug, Organisation.name).where(Organisation.slug.in_(slugs))
            ).all()
        )
        if slugs
        else {}
    )
    for (kind, value), row in by_key.items():
        row.label = {
            "member": names.get(value, f"{value} (organisation no longer listed)"),
            "share": f"Share link “{value}”",
            "paper": "Paper signatures",
            "direct": "Direct (no source)",
        }[kind]
    result = [row for row in by_key.values() if row.confirmed or row.pending]
    return sorted(result, key=lambda r: (-r.confirmed, -r.pending, r.kind != "member", r.label.lower()))


CSV_COLUMNS = ["source_type", "source", "name", "confirmed", "pending"]


def signature_sources_csv(actor: User | None, petition: Petition) -> str:
    """The same table as CSV. Share-link values are typed by anyone, so no cell may start a formula."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in signature_sources(actor, petition):
        writer.writerow([row.kind, safe_cell(row.source), safe_cell(row.label), row.confirmed, row.pending])
    return out.getvalue()
