"""Organisers' tools for one petition: export, paper signatures, bulk invalidation, corrections."""

from datetime import UTC

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..models import PetitionCorrection
from ..services.errors import ServiceError, attach_to_form
from ..services.petitions import corrections as correction_service
from ..services.petitions import lifecycle as petition_service
from ..services.petitions import signature_admin
from ..web.loaders import load_or_404
from ..web.security import permission_required
from .blueprint import bp
from .forms import CorrectionForm, DecisionForm, InvalidateForm, PaperBatchForm, PaperUploadForm
from .views import _load


@bp.get("/<slug>/signatures.csv")
@permission_required("export_signatures")
def export(slug: str):
    petition = _load(slug)
    body = signature_admin.export_signatures(current_user, petition)
    g.no_store = True
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{petition.slug}-signatures.csv"'},
    )


@bp.route("/<slug>/paper", methods=["GET", "POST"])
@permission_required("moderate_petitions")
def paper(slug: str):
    petition = _load(slug)
    batch_form, upload_form = PaperBatchForm(prefix="batch"), PaperUploadForm(prefix="upload")
    report, error = None, None
    if request.method == "POST" and "batch-count" in request.form and batch_form.validate_on_submit():
        try:
            signature_admin.add_paper_batch(
                current_user, petition, batch_form.count.data, batch_form.note.data
            )
        except ServiceError as problem:
            error = attach_to_form(batch_form, problem)
        else:
            flash(f"{batch_form.count.data:,} paper signatures added to the count.", "success")
            return redirect(url_for("petitions.paper", slug=slug))
    elif request.method == "POST" and "batch-count" not in request.form and upload_form.validate_on_submit():
        try:
            report = signature_admin.upload_paper_signatures(
                current_user, petition, upload_form.file.data.read()
            )
        except ServiceError as problem:
            error = attach_to_form(upload_form, problem)
    failed = bool(batch_form.errors or upload_form.errors or error)
    return render_template(
        "petitions/paper.html",
        petition=petition,
        batch_form=batch_form,
        upload_form=upload_form,
        report=report,
        error=error,
    ), 400 if failed else 200


@bp.route("/<slug>/invalidate", methods=["GET", "POST"])
@permission_required("moderate_petitions")
def invalidate(slug: str):
    petition = _load(slug)
    form = InvalidateForm()
    preview, in_count, error = None, None, None
    if form.validate_on_submit():
        criteria = signature_admin.InvalidationCriteria(
            ip_address=form.ip_address.data or "",
            email_domain=form.email_domain.data or "",
            since=form.since.data.replace(tzinfo=UTC) if form.since.data else None,
            until=form.until.data.replace(tzinfo=UTC) if form.until.data else None,
        )
        try:
            if request.form.get("confirm") == "yes" and (form.expected.data or "").isdigit():
                removed = signature_admin.invalidate_signatures(
                    current_user, petition, criteria, int(form.expected.data)
                )
                flash(f"{removed:,} signatures removed and the petition recounted.", "success")
                return redirect(url_for("petitions.moderate", slug=slug))
            preview = signature_admin.preview_invalidation(current_user, petition, criteria)
            in_count = signature_admin.counted_among(petition, criteria)
            form.expected.data = str(preview)
        except ServiceError as problem:
            error = attach_to_form(form, problem)
    return render_template(
        "petitions/invalidate.html",
        petition=petition,
        form=form,
        preview=preview,
        in_count=in_count,
        error=error,
    ), 400 if form.errors or error else 200


@bp.route("/<slug>/correction", methods=["GET", "POST"])
@login_required
def correction(slug: str):
    petition = _load(slug)
    if not petition_service.can_manage(current_user, petition):
        abort(403)  # before the form, so a stranger learns nothing from its errors; the service checks again
    form = CorrectionForm(obj=petition if request.method == "GET" else None)
    error = None
    if form.validate_on_submit():
        changes = {name: getattr(form, name).data or "" for name in correction_service.CORRECTABLE}
        try:
            correction_service.request_correction(current_user, petition, changes, form.reason.data)
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            flash(
                "Correction requested. An organiser will review it; the wording changes only if they approve.",
                "success",
            )
            return redirect(url_for("petitions.show", slug=slug))
    return render_template("petitions/correction.html", petition=petition, form=form, error=error), (
        400 if form.errors or error else 200
    )


@bp.get("/moderation/corrections")
@permission_required("moderate_petitions")
def corrections():
    return render_template(
        "petitions/corrections.html",
        corrections=correction_service.pending_corrections(current_user),
        form=DecisionForm(),
    )


@bp.post("/moderation/corrections/<int:correction_id>")
@permission_required("moderate_petitions")
def decide(correction_id: int):
    correction = load_or_404(PetitionCorrection, id=correction_id)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            correction_service.decide_correction(
                current_user, correction, request.form.get("decision") == "approve", form.note.data or ""
            )
        except ServiceError as problem:
            flash(str(problem), "error")
        else:
            flash(
                "Correction applied." if correction.state == "approved" else "Correction declined.", "success"
            )
    return redirect(url_for("petitions.corrections"))
