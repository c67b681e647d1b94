"""Corrections to an open petition's wording. Once people have signed, the words they signed stay
unless an organiser approves a correction; both the request and the decision are logged."""

from __future__ import annotations

from sqlalchemy import select

from ...extensions import db
from ...models import CorrectionState, Petition, PetitionCorrection, PetitionState, User, utcnow
from ...urls import public_url
from ..errors import PermissionDenied, ServiceError
from ..notifications import notify_staff
from ..permissions import require
from .lifecycle import can_manage, log_event

CORRECTABLE = ("title", "action", "background", "details")


def request_correction(actor: User, petition: Petition, changes: dict, reason: str) -> PetitionCorrection:
    if not can_manage(actor, petition):
        raise PermissionDenied("Only the petition's owners and organisers can ask for a correction.")
    if petition.state != PetitionState.OPEN:
        raise ServiceError("Corrections are for open petitions; a draft can simply be edited.")
    changed = {
        k: v.strip() for k, v in changes.items() if k in CORRECTABLE and v.strip() != getattr(petition, k)
    }
    if not changed:
        raise ServiceError("Nothing would change: edit the wording you want corrected.", field="title")
    if not reason.strip():
        raise ServiceError("Say why the correction is needed.", field="reason")
    correction = PetitionCorrection(
        petition_id=petition.id, requested_by_id=actor.id, changes=changed, reason=reason.strip()
    )
    db.session.add(correction)
    log_event(petition, actor, "correction_requested", reason=reason.strip())
    notify_staff(
        "correction_waiting",
        actor=actor,
        subject=f"Correction waiting: {petition.title}",
        summary=f"A correction to the petition \u201c{petition.title}\u201d is waiting for an organiser.",
        link=public_url("petitions.corrections"),
        action_text="Read it and decide",
    )
    db.session.commit()
    return correction


def pending_corrections(actor: User) -> list[PetitionCorrection]:
    require(actor, "moderate_petitions")
    return list(
        db.session.scalars(
            select(PetitionCorrection)
            .where(PetitionCorrection.state == CorrectionState.PENDING)
            .order_by(PetitionCorrection.created_at)
        )
    )


def decide_correction(actor: User, correction: PetitionCorrection, approve: bool, note: str) -> None:
    require(actor, "moderate_petitions")
    if correction.state != CorrectionState.PENDING:
        raise ServiceError("This correction has already been decided.")
    if approve and correction.petition.state != PetitionState.OPEN:
        raise ServiceError("The petition is no longer open, so its wording stays as it was signed.")
    if actor.id == correction.requested_by_id:
        raise ServiceError("Someone other than the person who asked must decide a correction.")
    petition = correction.petition
    if approve:
        before = {k: getattr(petition, k) for k in correction.changes}
        for name, value in correction.changes.items():
            setattr(petition, name, value)
        log_event(
            petition,
            actor,
            "correction_approved",
            reason=f"{', '.join(correction.changes)} changed; was: "
            + "; ".join(f"{k}={v[:200]!r}" for k, v in before.items()),
        )
    else:
        log_event(petition, actor, "correction_declined", reason=note.strip())
    correction.state = CorrectionState.APPROVED if approve else CorrectionState.DECLINED
    correction.decided_by_id = actor.id
    correction.decided_at = utcnow()
    correction.decision_note = note.strip()
    db.session.commit()
