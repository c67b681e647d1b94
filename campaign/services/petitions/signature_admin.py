"""Organisers' work on a petition's signatures: export, paper signatures, bulk invalidation, and the
anonymisation of signer details after a petition has ended. Every action is logged on the petition."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from sqlalchemy import String, and_, case, cast, func, literal, or_, select, update

from ...extensions import db
from ...models import PaperBatch, Petition, PetitionState, Signature, SignatureState, User, utcnow
from ..addresses import email_domain, email_key
from ..errors import ServiceError
from ..exports import safe_cell
from ..permissions import require
from .counting import counted, recount
from .lifecycle import log_event
from .regions import normalise_postcode, region_for_postcode

EXPORT_COLUMNS = ["name", "email", "postcode", "country", "region", "opted_in", "source", "confirmed_at"]
MAX_UPLOAD_ROWS = 20_000


def export_signatures(actor: User, petition: Petition) -> str:
    """Confirmed, counted signatures as CSV. Logged with who asked and how many rows left."""
    require(actor, "export_signatures")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    rows = db.session.execute(
        select(
            Signature.name,
            Signature.email,
            Signature.postcode,
            Signature.country,
            Signature.region,
            Signature.opt_in,
            Signature.source,
            Signature.validated_at,
        )
        .where(Signature.petition_id == petition.id, counted())
        .order_by(Signature.id)
    ).all()
    for name, email, postcode, country, region, opt_in, source, validated_at in rows:
        writer.writerow(
            [
                safe_cell(name),
                safe_cell(email),
                postcode,
                safe_cell(country),
                region or "",
                "yes" if opt_in else "no",
                safe_cell(source),
                validated_at.isoformat(),
            ]
        )
    log_event(petition, actor, "signatures_exported", reason=f"{len(rows)} rows")
    db.session.commit()
    return out.getvalue()


def add_paper_batch(actor: User, petition: Petition, count: int, note: str) -> PaperBatch:
    require(actor, "moderate_petitions")
    if petition.state != PetitionState.OPEN:
        raise ServiceError("Paper signatures can be added only while the petition is open.", field="count")
    if count < 1 or count > 1_000_000:
        raise ServiceError("Enter a number of signatures between 1 and 1,000,000.", field="count")
    if not note.strip():
        raise ServiceError("Say where these signatures came from.", field="note")
    with db.session.no_autoflush:
        batch = PaperBatch(petition_id=petition.id, count=count, note=note.strip(), entered_by_id=actor.id)
        db.session.add(batch)
    log_event(petition, actor, "paper_batch_added", reason=f"{count}: {note.strip()}")
    db.session.commit()
    # Counted at once under the roll-up lock: organisers expect to see the number they entered.
    recount(petition.id)
    return batch


@dataclass
class UploadReport:
    accepted: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)


def upload_paper_signatures(actor: User, petition: Petition, data: bytes) -> UploadReport:
    """Paper signatures with names and addresses, from a CSV with columns name, email, postcode (or country).
    Rows are checked like the online form; accepted rows count as confirmed; every rejected row is reported."""
    require(actor, "moderate_petitions")
    if petition.state != PetitionState.OPEN:
        raise ServiceError("Paper signatures can be added only while the petition is open.", field="file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ServiceError("The file must be a CSV saved as UTF-8.", field="file") from None
    reader = csv.DictReader(io.StringIO(text))
    headers = {h.strip().lower() for h in (reader.fieldnames or [])}
    if not {"name", "email"} <= headers or not ({"postcode", "country"} & headers):
        raise ServiceError(
            "The first row must name the columns: name, email, and postcode or country.", field="file"
        )
    report = UploadReport()
    existing = set(
        db.session.scalars(select(Signature.email_key).where(Signature.petition_id == petition.id))
    )
    now = utcnow()
    rows = []
    for line, raw in enumerate(reader, start=2):
        if line - 1 > MAX_UPLOAD_ROWS:
            report.rejected.append((line, f"Only {MAX_UPLOAD_ROWS:,} rows are read from one file."))
            break
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        problem = _row_problem(row)
        key = email_key(row.get("email", "")) if not problem else ""
        if not problem and key in existing:
            problem = "This email address has already signed."
        if problem:
            report.rejected.append((line, problem))
            continue
        existing.add(key)
        postcode = normalise_postcode(row.get("postcode", "")) if row.get("postcode") else None
        rows.append(
            Signature(
                petition_id=petition.id,
                name=row["name"],
                email=row["email"],
                email_key=key,
                email_domain=email_domain(row["email"]),
                postcode=postcode or "",
                country="GB" if postcode else row.get("country", ""),
                region=region_for_postcode(postcode) if postcode else None,
                state=SignatureState.VALIDATED,
                validated_at=now,
                source="paper",
            )
        )
    db.session.add_all(rows)
    report.accepted = len(rows)
    log_event(
        petition,
        actor,
        "paper_signatures_uploaded",
        reason=f"{report.accepted} accepted, {len(report.rejected)} rejected",
    )
    db.session.commit()
    return report


def _row_problem(row: dict) -> str | None:
    if not row.get("name"):
        return "The name is missing."
    if len(row["name"]) > 200:
        return "The name is longer than 200 characters."
    try:
        validate_email(row.get("email", ""), check_deliverability=False)
    except EmailNotValidError:
        return "The email address is not in the right format."
    if row.get("postcode"):
        if normalise_postcode(row["postcode"]) is None:
            return f"“{row['postcode'][:12]}” is not a UK postcode."
    elif not row.get("country"):
        return "Give a UK postcode or, for signers abroad, a country."
    return None


@dataclass
class InvalidationCriteria:
    ip_address: str = ""
    email_domain: str = ""
    since: datetime | None = None
    until: datetime | None = None

    def is_empty(self) -> bool:
        return not (self.ip_address or self.email_domain or self.since or self.until)


def _matching(petition: Petition, criteria: InvalidationCriteria):
    conditions = [Signature.petition_id == petition.id, Signature.state != SignatureState.INVALIDATED]
    if criteria.ip_address:
        conditions.append(Signature.ip_address == criteria.ip_address.strip())
    if criteria.email_domain:
        conditions.append(Signature.email_domain == criteria.email_domain.strip().lower().lstrip("@"))
    if criteria.since:
        conditions.append(Signature.created_at >= criteria.since)
    if criteria.until:
        conditions.append(Signature.created_at < criteria.until)
    return and_(*conditions)


def preview_invalidation(actor: User, petition: Petition, criteria: InvalidationCriteria) -> int:
    """How many signatures match (pending and flagged ones included: all of them will be removed)."""
    require(actor, "moderate_petitions")
    if criteria.is_empty():
        raise ServiceError(
            "Choose at least one of: an address, an email domain, or a time window.", field="ip_address"
        )
    return db.session.scalar(select(func.count()).select_from(Signature).where(_matching(petition, criteria)))


def counted_among(petition: Petition, criteria: InvalidationCriteria) -> int:
    """Of the matching signatures, how many are in the count now: what the count will drop by."""
    return db.session.scalar(
        select(func.count()).select_from(Signature).where(_matching(petition, criteria), counted())
    )


def invalidate_signatures(
    actor: User, petition: Petition, criteria: InvalidationCriteria, expected: int
) -> int:
    """Invalidate what the preview showed. Refuses if the number changed since, so nobody removes more
    than they saw; then recounts."""
    count = preview_invalidation(actor, petition, criteria)
    if count != expected:
        raise ServiceError(
            f"The number of matching signatures changed from {expected:,} to {count:,}. "
            "Check the new number and confirm again.",
            field="ip_address",
        )
    db.session.execute(
        update(Signature)
        .where(_matching(petition, criteria))
        .values(state=SignatureState.INVALIDATED, invalidated_at=utcnow())
    )
    described = ", ".join(f"{k}={v}" for k, v in vars(criteria).items() if v)
    log_event(petition, actor, "signatures_invalidated", reason=f"{count} signatures ({described})")
    db.session.commit()
    recount(petition.id)
    return count


def anonymise_ended_petitions() -> int:
    """Strip signer names, emails, postcodes and addresses once a petition has been closed or rejected for
    ANONYMISE_AFTER_DAYS. State and region stay, so counts and the regional breakdown stay correct."""
    cutoff = utcnow() - timedelta(days=current_app.config["ANONYMISE_AFTER_DAYS"])
    ended = func.coalesce(Petition.closed_at, Petition.rejected_at, Petition.deadline)
    due = db.session.scalars(
        select(Petition).where(
            Petition.anonymised_at.is_(None),
            or_(
                and_(Petition.state == PetitionState.CLOSED, Petition.closed_at <= cutoff),
                and_(Petition.state == PetitionState.REJECTED, Petition.rejected_at <= cutoff),
                and_(Petition.state == PetitionState.HIDDEN, ended <= cutoff),
            ),
        )
    ).all()
    for petition in due:
        db.session.execute(
            update(Signature)
            .where(Signature.petition_id == petition.id)
            .values(
                name="",
                email="",
                email_key=literal("anonymised-") + cast(Signature.id, String),
                email_domain="",
                postcode="",
                ip_address="",
                # Which member organisation (or paper) brought a signature says nothing about the signer, so
                # the attribution table outlives anonymising; a share link's value is free text and goes.
                source=case(
                    (or_(Signature.source.like("member:%"), Signature.source == "paper"), Signature.source),
                    else_="",
                ),
            )
        )
        petition.anonymised_at = utcnow()
        log_event(petition, None, "signers_anonymised")
        db.session.commit()
    return len(due)
