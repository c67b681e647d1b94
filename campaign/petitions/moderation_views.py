"""Organisers' side of petitions: the moderation queue, decisions, closing, hiding, updates, reasons."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from ..models import utcnow
from ..services.errors import ServiceError, attach_to_form
from ..services.petitions import lifecycle as petition_service
from ..web.security import permission_required
from .blueprint import bp
from .forms import ModerationForm, ReasonForm, RejectionReasonForm, UpdateForm
from .views import _load


@bp.get("/moderation")
@permission_required("moderate_petitions")
def moderation_queue():
    return render_template(
        "petitions/moderation_queue.html",
        petitions=petition_service.moderation_queue(current_user),
        now=utcnow(),
    )


@bp.route("/<slug>/moderate", methods=["GET", "POST"])
@permission_required("moderate_petitions")
def moderate(slug: str):
    petition = _load(slug)
    form = ModerationForm()
    reasons = petition_service.rejection_reasons()
    form.rejection_code.choices = [SelectChoice("", "Choose a reason")] + [
        SelectChoice(r.code, r.label) for r in reasons
    ]
    # Four eyes: whoever started it, or whose organisation owns it, may send it back or reject it, not open it.
    self_approval = petition_service.self_approval_refusal(current_user, petition)
    if self_approval:
        form.decision.choices = [c for c in form.decision.choices if c.value != "approve"]
    error = None
    if form.validate_on_submit():
        try:
            if form.decision.data == "approve":
                petition_service.approve_petition(current_user, petition)
                flash("Approved: the petition is open for signatures.", "success")
            elif form.decision.data == "changes":
                petition_service.request_changes(current_user, petition, form.details.data or "")
                flash("Sent back to its author with your note.", "success")
            else:
                petition_service.reject_petition(
                    current_user, petition, form.rejection_code.data, form.details.data or ""
                )
                flash("Rejected. The petition's page now says why.", "success")
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            return redirect(url_for("petitions.moderation_queue"))
    return render_template(
        "petitions/moderate.html",
        petition=petition,
        form=form,
        reasons=reasons,
        close_form=ReasonForm(prefix="close"),
        hide_form=ReasonForm(prefix="hide"),
        events=petition_service.events_for(petition),
        error=error,
        self_approval=self_approval,
    ), (400 if form.errors or error else 200)


def _with_reason(slug: str, prefix: str, action, missing: str, done: str, then: str):
    """Close and hide: both need a reason, go to the service, and come back to the moderation page on a refusal."""
    petition = _load(slug)
    form = ReasonForm(prefix=prefix)
    if not form.validate_on_submit():
        flash(missing, "error")
        return redirect(url_for("petitions.moderate", slug=slug))
    try:
        action(current_user, petition, form.reason.data)
    except ServiceError as problem:
        flash(str(problem), "error")
        return redirect(url_for("petitions.moderate", slug=slug))
    flash(done, "success")
    return redirect(url_for(then, slug=slug) if then == "petitions.show" else url_for(then))


@bp.post("/<slug>/close")
@permission_required("moderate_petitions")
def close(slug: str):
    return _with_reason(
        slug,
        "close",
        petition_service.close_petition,
        "Give a reason for closing it early.",
        "Closed early. It can no longer be signed.",
        "petitions.show",
    )


@bp.post("/<slug>/hide")
@permission_required("moderate_petitions")
def hide(slug: str):
    return _with_reason(
        slug,
        "hide",
        petition_service.hide_petition,
        "Give a reason for hiding it.",
        "Hidden. Only organisers and its authors can see it now.",
        "petitions.moderation_queue",
    )


@bp.route("/<slug>/updates/new", methods=["GET", "POST"])
@login_required
def new_update(slug: str):
    petition = _load(slug)
    form = UpdateForm()
    if form.validate_on_submit():
        try:
            petition_service.post_update(current_user, petition, form.title.data, form.body.data)
        except ServiceError as problem:
            form.title.errors = list(form.title.errors) + [str(problem)]
        else:
            flash("Update posted on the petition's page.", "success")
            return redirect(url_for("petitions.show", slug=slug))
    elif not petition_service.can_manage(current_user, petition):  # organisers, and the petition's owners
        abort(403)
    return render_template("petitions/update.html", petition=petition, form=form), 400 if form.errors else 200


@bp.route("/moderation/reasons", methods=["GET", "POST"])
@permission_required("moderate_petitions")
def rejection_reasons():
    form = RejectionReasonForm()
    if form.validate_on_submit():
        try:
            petition_service.add_rejection_reason(
                current_user,
                form.code.data,
                form.label.data,
                form.description.data or "",
                form.hides_text.data,
            )
        except ServiceError as problem:
            leftover = attach_to_form(form, problem)
            if leftover:
                form.code.errors = [*form.code.errors, leftover]
        else:
            flash("Reason added.", "success")
            return redirect(url_for("petitions.rejection_reasons"))
    return render_template(
        "petitions/reasons.html", form=form, reasons=petition_service.rejection_reasons()
    ), (400 if form.errors else 200)
