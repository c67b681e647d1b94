"""Joining the coalition: the public application form, organisers' decisions, and accepting an invitation
to an organisation."""

from flask import flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_user

from ..extensions import limiter
from ..services.accounts.users import find_user_by_email, start_session
from ..services.coalition import account_holders, membership
from ..services.coalition import organisations as organisation_service
from ..services.errors import ServiceError, attach_to_form
from ..web.errors import error_page
from ..web.loaders import found_or_404
from ..web.security import permission_required
from .blueprint import bp
from .forms import AcceptForm, AccountHolderForm, DecisionForm, JoinForm


@bp.route("/join", methods=["GET", "POST"])
@limiter.limit("5 per minute;20 per day", methods=["POST"])
def join():
    form = JoinForm()
    error = None
    if form.validate_on_submit():
        try:
            membership.apply_to_join(
                membership.Application(
                    kind=form.kind.data,
                    contact_name=form.contact_name.data,
                    email=form.email.data,
                    statement=form.statement.data,
                    organisation_name=form.organisation_name.data or "",
                    website=form.website.data or "",
                    listed=form.listed.data,
                )
            )
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            return redirect(url_for("members.joined"))
    g.no_store = True
    return render_template("members/join.html", form=form, error=error), 400 if form.errors or error else 200


@bp.get("/join/thanks")
def joined():
    return render_template("members/joined.html")


@bp.get("/members/applications")
@permission_required("review_applications")
def applications():
    pending = membership.pending_applications(current_user)
    return render_template(
        "members/applications.html",
        pending=pending,
        decided=membership.recent_decisions(current_user),
        has_account=membership.accounts_among(current_user, pending),
    )


@bp.route("/members/applications/<ref>", methods=["GET", "POST"])
@permission_required("review_applications")
def application(ref: str):
    row = found_or_404(membership.application_for(current_user, ref))
    form = DecisionForm()
    error = None
    if form.validate_on_submit():
        try:
            if form.decision.data == "approve":
                created = membership.approve_application(current_user, row, form.message.data)
                flash(
                    f"Approved. {row.display_name} has been emailed a welcome and a link to set up their account."
                    if created
                    else f"Approved. The address already has an account, so its holder has been asked to "
                    f"confirm; nothing changes for {row.display_name} until they do.",
                    "success",
                )
            else:
                membership.decline_application(current_user, row, form.message.data)
                flash(f"Declined. {row.display_name} has been emailed your message.", "success")
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            return redirect(url_for("members.applications"))
    # Only while undecided: approving a new applicant creates the account this would then find.
    has_account = row.is_pending and bool(membership.accounts_among(current_user, [row]))
    return render_template(
        "members/application.html", application=row, form=form, error=error, has_account=has_account
    ), 400 if form.errors or error else 200


@bp.route("/join/confirm/<token>", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def account_holder(token: str):
    """The holder of an existing account confirms or declines an application made with their address."""
    g.no_store = True
    try:
        question = account_holders.question_for_token(token)
    except ServiceError as problem:
        return error_page(400, "This link cannot be used", str(problem))
    form = AccountHolderForm()
    error = None
    if form.validate_on_submit():
        answer = account_holders.confirm if form.answer.data == "confirm" else account_holders.decline
        try:
            answered = answer(token)
        except ServiceError as problem:
            error = str(problem)
        else:
            return render_template(
                "members/account_holder_answered.html",
                question=answered,
                confirmed=form.answer.data == "confirm",
            )
    return render_template("members/account_holder.html", question=question, form=form, error=error), (
        400 if form.errors or error else 200
    )


@bp.route("/members/invitations/<token>", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def invitation(token: str):
    g.no_store = True
    try:
        invited = organisation_service.invitation_for_token(token)
    except ServiceError as problem:
        return error_page(400, "This invitation cannot be used", str(problem))
    existing = find_user_by_email(invited.email)
    form = AcceptForm()
    error = None
    if request.method == "POST" and form.validate_on_submit():
        signed_in = current_user._get_current_object() if current_user.is_authenticated else None
        try:
            user = organisation_service.accept_invitation(
                token, signed_in, form.name.data or "", form.password.data or ""
            )
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            if signed_in is None:
                start_session(user, request.user_agent.string)
                login_user(user)
            flash(f"Welcome. You can now look after {invited.organisation.name}'s page.", "success")
            return redirect(url_for("members.edit_organisation", slug=invited.organisation.slug))
    return render_template(
        "members/invitation.html", invitation=invited, form=form, error=error, existing=existing
    ), 400 if form.errors or error else 200
