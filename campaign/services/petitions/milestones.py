"""Reaching a petition's target or one of its milestones: marked on the petition, organisers told,
and an update queued to the signers who asked for email updates."""

from __future__ import annotations

from sqlalchemy import exists, select

from ... import job_names as jobs
from ...extensions import db
from ...models import ListOptOut, Petition, PetitionEvent, Signature, SignatureState, Suppression
from ...queue import enqueue, enqueue_after_commit, job_is_live
from ...urls import public_url
from ..emails import queue_email
from ..notifications import notify_staff
from ..outreach.subscriptions import petition_list, unsubscribe_url

SIGNER_BATCH = 500


def milestone_job_id(petition_id: int, threshold: int) -> str:
    return f"milestone-{petition_id}-{threshold}"


def sweep_milestone_updates() -> int:
    """Re-enqueue signer updates for milestones whose job was lost (Redis down at the time, a worker died)."""

    def events(action: str) -> set[tuple[int, int]]:
        rows = db.session.execute(
            select(PetitionEvent.petition_id, PetitionEvent.reason).where(PetitionEvent.action == action)
        )
        return {(pid, int(reason)) for pid, reason in rows}

    handed = 0
    for petition_id, threshold in sorted(events("milestone_reached") - events("milestone_signers_done")):
        job_id = milestone_job_id(petition_id, threshold)
        if job_is_live(job_id):
            continue
        if enqueue(jobs.NOTIFY_SIGNERS_OF_MILESTONE, petition_id, threshold, job_id=job_id) is not None:
            handed += 1
    return handed


def thresholds(petition: Petition) -> list[int]:
    return sorted({petition.target, *[m for m in (petition.milestones or []) if m > 0]})


def check_milestones(petition: Petition) -> list[int]:
    reached = [
        t
        for t in thresholds(petition)
        if t <= petition.signature_count and t not in (petition.milestones_reached or [])
    ]
    if not reached:
        return []
    petition.milestones_reached = sorted({*(petition.milestones_reached or []), *reached})
    url = public_url("petitions.show", slug=petition.slug)
    for threshold in reached:
        db.session.add(
            PetitionEvent(petition_id=petition.id, action="milestone_reached", reason=str(threshold))
        )
        notify_staff(
            "petition_milestone",
            also=[petition.created_by],
            template="milestone_organiser",
            subject=f"{petition.title} reached {threshold:,} signatures",
            summary=f"\u201c{petition.title}\u201d reached {threshold:,} signatures.",
            link=url,
            petition=petition,
            threshold=threshold,
            url=url,
        )
        enqueue_after_commit(
            db.session,
            jobs.NOTIFY_SIGNERS_OF_MILESTONE,
            petition.id,
            threshold,
            job_id=milestone_job_id(petition.id, threshold),
        )
    db.session.commit()
    return reached


def _progress_marker(threshold: int, last_id: int) -> str:
    return f"{threshold}:{last_id}"


def _resume_after(petition_id: int, threshold: int) -> int:
    """The last signer id already queued for this milestone, from the petition's event log."""
    markers = db.session.scalars(
        select(PetitionEvent.reason).where(
            PetitionEvent.petition_id == petition_id,
            PetitionEvent.action == "milestone_signers_queued",
            PetitionEvent.reason.like(f"{threshold}:%"),
        )
    ).all()
    return max((int(m.split(":", 1)[1]) for m in markers), default=0)


def email_signers_about_milestone(petition_id: int, threshold: int) -> int:
    """Queue the milestone update to opted-in confirmed signers, in id order, a batch per commit.
    Each batch commits with a progress marker, so a retried job carries on after the last batch."""
    petition = db.session.get(Petition, petition_id)
    url = public_url("petitions.show", slug=petition.slug)
    list_key = petition_list(petition_id)
    after_id = _resume_after(petition_id, threshold)
    queued = 0
    while True:
        batch = db.session.execute(
            select(Signature.id, Signature.email, Signature.name)
            .where(
                Signature.petition_id == petition_id,
                Signature.state == SignatureState.VALIDATED,
                Signature.opt_in.is_(True),
                Signature.flagged.is_(False),
                Signature.id > after_id,
                # Those who since left this petition's updates, or all email, are not sent it.
                ~exists().where(Suppression.email_key == Signature.email_key),
                ~exists().where(ListOptOut.email_key == Signature.email_key, ListOptOut.list_key == list_key),
            )
            .order_by(Signature.id)
            .limit(SIGNER_BATCH)
        ).all()
        if not batch:
            db.session.add(
                PetitionEvent(petition_id=petition_id, action="milestone_signers_done", reason=str(threshold))
            )
            db.session.commit()
            return queued
        for _, email, name in batch:
            leave = unsubscribe_url(email, list_key)
            queue_email(
                "milestone_signer",
                email,
                f"{petition.title} has reached {threshold:,} signatures",
                headers={
                    "List-Unsubscribe": f"<{leave}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
                name=name,
                petition=petition,
                threshold=threshold,
                url=url,
                unsubscribe_url=leave,
            )
        after_id = batch[-1][0]
        db.session.add(
            PetitionEvent(
                petition_id=petition_id,
                action="milestone_signers_queued",
                reason=_progress_marker(threshold, after_id),
            )
        )
        db.session.commit()
        queued += len(batch)
