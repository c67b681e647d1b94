"""A petition's life: drafted by a member or organiser, submitted, moderated by an organiser
(approved, rejected with a reason, or sent back with a note), open until its deadline, closed.
Every move is written to the petition's event log with who made it."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import or_, select

from ...extensions import db
from ...models import (
    Petition,
    PetitionEvent,
    PetitionState,
    PetitionUpdate,
    RejectionReason,
    User,
    utcnow,
)
from ...urls import public_url
from ..errors import NotFound, PermissionDenied, ServiceError
from ..notifications import notify, notify_staff
from ..permissions import can, require

DEFAULT_REJECTION_REASONS = [
    ("duplicate", "Duplicate", "There is already a petition asking for the same thing."),
    ("unclear", "Unclear action", "It does not say clearly what it asks for."),
    ("offensive", "Offensive", "It contains offensive, abusive or hateful language.", True),
    (
        "defamatory",
        "Defamatory",
        "It makes claims about a person or organisation that could be defamatory.",
        True,
    ),
    ("advert", "Advert", "It advertises a product, service or fundraiser."),
    ("other", "Other", "It does not meet the coalition's standards for another reason, given below."),
]


def slugify(text: str, limit: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "").replace("'", "")).strip("-")
    return slug[:limit].rstrip("-") or "petition"


RESERVED_SLUGS = {"new", "mine", "moderation", "archive"}


def _unique_slug(title: str) -> str:
    base = slugify(title)
    slug = base
    while (
        slug in RESERVED_SLUGS
        or db.session.scalar(select(Petition.id).where(Petition.slug == slug)) is not None
    ):
        slug = f"{base}-{secrets.token_hex(2)}"
    return slug


def log_event(
    petition: Petition,
    actor: User | None,
    action: str,
    from_state: str | None = None,
    to_state: str | None = None,
    reason: str = "",
) -> None:
    db.session.add(
        PetitionEvent(
            petition_id=petition.id,
            actor_id=actor.id if actor else None,
            action=action,
            from_state=from_state,
            to_state=to_state,
            reason=reason,
        )
    )


def _move(petition: Petition, actor: User | None, action: str, to_state: str, reason: str = "") -> None:
    log_event(petition, actor, action, petition.state, to_state, reason)
    petition.state = to_state


# Reading


def text_is_withheld(petition: Petition) -> bool:
    """A petition rejected as offensive or defamatory keeps its page, but not its wording."""
    if petition.state != PetitionState.REJECTED:
        return False
    reason = rejection_reason(petition.rejection_code)
    return reason is not None and reason.hides_text


def close_reason(petition: Petition) -> str:
    """Why a closed petition closed, as the organiser gave it (or "deadline reached"), for its public page."""
    if petition.state != PetitionState.CLOSED:
        return ""
    reason = db.session.scalar(
        select(PetitionEvent.reason)
        .where(PetitionEvent.petition_id == petition.id, PetitionEvent.to_state == PetitionState.CLOSED)
        .order_by(PetitionEvent.id.desc())
        .limit(1)
    )
    return (reason or "").strip()


def public_petition(slug: str) -> Petition | None:
    return db.session.scalar(
        select(Petition).where(Petition.slug == slug, Petition.state.in_(PetitionState.PUBLIC))
    )


def petition_for(actor: User | None, slug: str) -> Petition:
    """A petition the actor may see: public ones for everyone, drafts for their creators and organisers."""
    petition = db.session.scalar(select(Petition).where(Petition.slug == slug))
    if petition is None:
        raise NotFound("No such petition.")
    if petition.state in PetitionState.PUBLIC or can_manage(actor, petition):
        return petition
    raise NotFound("No such petition.")


def can_manage(actor: User | None, petition: Petition) -> bool:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return False
    if can(actor, "moderate_petitions"):
        return True
    if petition.created_by_id == actor.id:
        return True
    return actor.organisation_id is not None and petition.owner_organisation_id == actor.organisation_id


def self_approval_refusal(actor: User | None, petition: Petition) -> str:
    """Why this organiser may not approve this petition, or "". Four eyes: whoever started a petition, or
    belongs to the organisation that owns it, cannot be the one to open it; another organiser must."""
    if actor is None:
        return ""
    if petition.created_by_id is not None and petition.created_by_id == actor.id:
        return "Another organiser must approve this petition, because you started it."
    if actor.organisation_id is not None and petition.owner_organisation_id == actor.organisation_id:
        return "Another organiser must approve this petition, because your organisation owns it."
    return ""


def _tell_author(
    petition: Petition, kind: str, subject: str, summary: str, actor: User | None, **extra
) -> None:
    extra.setdefault("link", public_url("petitions.show", slug=petition.slug))
    notify(petition.created_by, kind, subject=subject, summary=summary, actor=actor, **extra)


def my_petitions(actor: User) -> list[Petition]:
    conditions = [Petition.created_by_id == actor.id]
    if actor.organisation_id:
        conditions.append(Petition.owner_organisation_id == actor.organisation_id)
    return list(
        db.session.scalars(select(Petition).where(or_(*conditions)).order_by(Petition.created_at.desc()))
    )


def moderation_queue(actor: User) -> list[Petition]:
    require(actor, "moderate_petitions")
    return list(
        db.session.scalars(
            select(Petition).where(Petition.state == PetitionState.SUBMITTED).order_by(Petition.submitted_at)
        )
    )


def rejection_reasons() -> list[RejectionReason]:
    reasons = list(db.session.scalars(select(RejectionReason).order_by(RejectionReason.id)))
    if not reasons:
        for code, label, description, *hides in DEFAULT_REJECTION_REASONS:
            db.session.add(
                RejectionReason(
                    code=code, label=label, description=description, hides_text=bool(hides and hides[0])
                )
            )
        db.session.flush()
        reasons = list(db.session.scalars(select(RejectionReason).order_by(RejectionReason.id)))
    return reasons


def rejection_reason(code: str | None) -> RejectionReason | None:
    return db.session.scalar(select(RejectionReason).where(RejectionReason.code == code)) if code else None


def add_rejection_reason(
    actor: User, code: str, label: str, description: str, hides_text: bool = False
) -> RejectionReason:
    require(actor, "moderate_petitions")
    rejection_reasons()
    code = slugify(code, 40)
    if rejection_reason(code):
        raise ServiceError("That reason code is already in use.", field="code")
    reason = RejectionReason(
        code=code, label=label.strip(), description=description.strip(), hides_text=hides_text
    )
    db.session.add(reason)
    db.session.commit()
    return reason


def updates_for(petition: Petition) -> list[PetitionUpdate]:
    return list(
        db.session.scalars(
            select(PetitionUpdate)
            .where(PetitionUpdate.petition_id == petition.id)
            .order_by(PetitionUpdate.created_at.desc())
        )
    )


# Writing


def create_petition(
    actor: User,
    *,
    title: str,
    action: str,
    background: str,
    details: str,
    target: int,
    milestones: list[int],
    duration_days: int,
    requires_uk: bool,
    parliament_petition_id: int | None,
    for_organisation: bool,
) -> Petition:
    require(actor, "create_petitions")
    petition = Petition(
        slug=_unique_slug(title),
        title=title.strip(),
        action=action.strip(),
        background=background.strip(),
        details=details.strip(),
        target=target,
        milestones=sorted(set(milestones)),
        duration_days=duration_days,
        requires_uk=requires_uk,
        parliament_petition_id=parliament_petition_id,
        created_by_id=actor.id,
        owner_organisation_id=actor.organisation_id if for_organisation else None,
        state=PetitionState.DRAFT,
    )
    db.session.add(petition)
    db.session.flush()
    log_event(petition, actor, "created", None, PetitionState.DRAFT)
    db.session.commit()
    return petition


def edit_petition(actor: User, petition: Petition, **fields) -> None:
    if not can_manage(actor, petition):
        raise PermissionDenied("You can only edit your own petitions.")
    if petition.state not in PetitionState.EDITABLE:
        raise ServiceError(
            "Only a draft can be edited. Once a petition is submitted its wording is fixed; "
            "ask an organiser for a correction."
        )
    for name in ("title", "action", "background", "details"):
        if name in fields:
            setattr(petition, name, fields[name].strip())
    for name in ("target", "duration_days", "requires_uk", "parliament_petition_id"):
        if name in fields:
            setattr(petition, name, fields[name])
    if "milestones" in fields:
        petition.milestones = sorted(set(fields["milestones"]))
    log_event(petition, actor, "edited")
    db.session.commit()


def submit_petition(actor: User, petition: Petition) -> None:
    if not can_manage(actor, petition):
        raise PermissionDenied("You can only submit your own petitions.")
    if petition.state != PetitionState.DRAFT:
        raise ServiceError("This petition has already been submitted.")
    _move(petition, actor, "submitted", PetitionState.SUBMITTED)
    petition.submitted_at = utcnow()
    petition.moderation_note = ""
    notify_staff(
        "petition_waiting",
        actor=actor,
        subject=f"Waiting for approval: {petition.title}",
        summary=f"The petition \u201c{petition.title}\u201d is waiting for an organiser to approve it.",
        link=public_url("petitions.moderate", slug=petition.slug),
        action_text="Read it and decide",
    )
    db.session.commit()


def approve_petition(actor: User, petition: Petition) -> None:
    require(actor, "moderate_petitions")
    if petition.state != PetitionState.SUBMITTED:
        raise ServiceError("Only a submitted petition can be approved.")
    refusal = self_approval_refusal(actor, petition)
    if refusal:
        raise PermissionDenied(refusal)
    now = utcnow()
    _move(petition, actor, "approved", PetitionState.OPEN)
    petition.opened_at = now
    petition.deadline = now + timedelta(
        days=petition.duration_days or current_app.config["PETITION_DEFAULT_DAYS"]
    )
    _tell_author(
        petition,
        "petition_approved",
        f"Your petition is open: {petition.title}",
        f"Your petition \u201c{petition.title}\u201d is approved and open for signatures.",
        actor,
        action_text="See your petition and share it",
    )
    db.session.commit()


def reject_petition(actor: User, petition: Petition, code: str, details: str) -> None:
    require(actor, "moderate_petitions")
    if petition.state not in (PetitionState.SUBMITTED, PetitionState.OPEN):
        raise ServiceError("Only a submitted or open petition can be rejected.")
    reason = rejection_reason(code)
    if reason is None:
        raise ServiceError("Choose a reason for rejecting it.", field="rejection_code")
    if reason.code == "other" and not details.strip():
        raise ServiceError("Explain the reason when you choose Other.", field="details")
    _move(petition, actor, "rejected", PetitionState.REJECTED, f"{reason.code}: {details.strip()}")
    petition.rejection_code = reason.code
    petition.rejection_details = details.strip()
    petition.rejected_at = utcnow()
    _tell_author(
        petition,
        "petition_rejected",
        f"Your petition was not approved: {petition.title}",
        f"Your petition \u201c{petition.title}\u201d was not approved. Reason: {reason.label}.",
        actor,
        details="\n\n".join(part for part in (reason.description, details.strip()) if part),
        action_text="See its page",
    )
    db.session.commit()


def request_changes(actor: User, petition: Petition, note: str) -> None:
    require(actor, "moderate_petitions")
    if petition.state != PetitionState.SUBMITTED:
        raise ServiceError("Only a submitted petition can be sent back for changes.")
    if not note.strip():
        raise ServiceError("Say what needs to change.", field="details")
    _move(petition, actor, "changes_requested", PetitionState.DRAFT, note.strip())
    petition.moderation_note = note.strip()
    _tell_author(
        petition,
        "petition_sent_back",
        f"Changes needed: {petition.title}",
        f"An organiser has sent your petition \u201c{petition.title}\u201d back with a note. "
        "Make the changes and submit it again.",
        actor,
        details=note.strip(),
        link=public_url("petitions.edit", slug=petition.slug),
        action_text="Edit your petition",
    )
    db.session.commit()


def hide_petition(actor: User, petition: Petition, reason: str) -> None:
    require(actor, "moderate_petitions")
    if petition.state not in PetitionState.PUBLIC:
        raise ServiceError("Only a public petition can be hidden.")
    if not reason.strip():
        raise ServiceError("Say why it is being hidden.", field="reason")
    _move(petition, actor, "hidden", PetitionState.HIDDEN, reason.strip())
    db.session.commit()


def close_petition(actor: User | None, petition: Petition, reason: str = "") -> None:
    if actor is not None:
        require(actor, "moderate_petitions")
    if petition.state != PetitionState.OPEN:
        raise ServiceError("Only an open petition can be closed.")
    _move(petition, actor, "closed_early" if actor else "closed", PetitionState.CLOSED, reason)
    petition.closed_at = utcnow()
    _tell_closed(petition, actor, reason)
    db.session.commit()


def _tell_closed(petition: Petition, actor: User | None, reason: str) -> None:
    _tell_author(
        petition,
        "petition_closed",
        f"Your petition has closed: {petition.title}",
        f"Your petition \u201c{petition.title}\u201d has closed with {petition.signature_count:,} "
        f"confirmed {'signature' if petition.signature_count == 1 else 'signatures'}.",
        actor,
        details=f"Reason: {reason.strip()}" if reason.strip() else "",
        action_text="See its page",
    )


def close_expired_petitions() -> int:
    """Close every open petition whose deadline has passed. Run by the scheduler."""
    now = utcnow()
    expired = db.session.scalars(
        select(Petition).where(Petition.state == PetitionState.OPEN, Petition.deadline <= now)
    ).all()
    for petition in expired:
        _move(petition, None, "closed", PetitionState.CLOSED, "deadline reached")
        petition.closed_at = petition.deadline
        _tell_closed(petition, None, "deadline reached")
    db.session.commit()
    return len(expired)


def post_update(actor: User, petition: Petition, title: str, body: str) -> PetitionUpdate:
    # Organisers only: an update goes straight onto the public page, unmoderated.
    if not can(actor, "moderate_petitions"):
        raise PermissionDenied("Only organisers can post updates.")
    if petition.state not in PetitionState.PUBLIC:
        raise ServiceError("Updates can be posted once the petition is public.")
    update_row = PetitionUpdate(
        petition_id=petition.id, author_id=actor.id, title=title.strip(), body=body.strip()
    )
    db.session.add(update_row)
    log_event(petition, actor, "update_posted", reason=title.strip())
    _tell_author(
        petition,
        "petition_update",
        f"An update on your petition: {petition.title}",
        f"An organiser posted an update on your petition \u201c{petition.title}\u201d: {title.strip()}",
        actor,
        action_text="Read it on the petition's page",
    )
    db.session.commit()
    return update_row


def events_for(petition: Petition) -> list[PetitionEvent]:
    return list(
        db.session.scalars(
            select(PetitionEvent)
            .where(
                PetitionEvent.petition_id == petition.id,
                PetitionEvent.action.not_in(("milestone_signers_queued", "milestone_signers_done")),
            )
            .order_by(PetitionEvent.created_at.desc(), PetitionEvent.id.desc())
        )
    )
