"""A member organisation's public page and logo, and the pages where its people look after them."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from ..services.coalition import organisations as organisation_service
from ..services.errors import ServiceError, attach_to_form
from ..services.permissions import can_edit_organisation, can_manage_organisation_people
from ..web.loaders import found_or_404
from .blueprint import bp
from .forms import InviteForm, LogoForm, OrganisationForm, PersonForm


@bp.get("/coalition/members/<slug>")
def organisation_page(slug: str):
    organisation = organisation_service.organisation_by_slug(slug)
    if organisation is None or not organisation.listed:
        abort(404)
    return render_template(
        "members/organisation.html",
        organisation=organisation,
        editable=can_edit_organisation(current_user, organisation),
        petitions=[p for p in organisation.petitions if p.is_open],
        stories=[s for s in organisation.stories if s.is_published],
    )


@bp.get("/coalition/members/<slug>/logo-<version>.png")
def logo(slug: str, version: str):
    data = found_or_404(organisation_service.logo_png(slug, version))
    response = current_app.response_class(data, mimetype="image/png")
    # The version is in the URL, so a new logo has a new address and this one can be cached for ever.
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    response.headers["Content-Security-Policy"] = "default-src 'none'"
    return response


def _organisation(slug: str, people: bool = False):
    return organisation_service.organisation_for_editor(current_user, slug, people=people)


def _organisation_form(organisation) -> OrganisationForm:
    form = OrganisationForm(obj=organisation) if request.method == "GET" else OrganisationForm()
    form.petitions.choices = [SelectChoice(p.id, p.title) for p in organisation_service.choosable_petitions()]
    form.stories.choices = [SelectChoice(s.id, s.title) for s in organisation_service.choosable_stories()]
    if request.method == "GET":
        form.petitions.data = [p.id for p in organisation.petitions]
        form.stories.data = [s.id for s in organisation.stories]
    return form


def _render_edit(organisation, form, logo_form=None, status=200, error=None):
    return render_template(
        "members/edit_organisation.html",
        organisation=organisation,
        form=form,
        logo_form=logo_form or LogoForm(),
        error=error,
        manage_people=can_manage_organisation_people(current_user, organisation),
    ), status


@bp.route("/members/organisations/<slug>", methods=["GET", "POST"])
@login_required
def edit_organisation(slug: str):
    organisation = _organisation(slug)
    form = _organisation_form(organisation)
    error = None
    if form.validate_on_submit():
        try:
            organisation_service.update_organisation(
                current_user,
                organisation,
                organisation_service.OrganisationDetails(
                    name=form.name.data,
                    description=form.description.data or "",
                    website=form.website.data or "",
                    listed=form.listed.data,
                    petition_ids=form.petitions.data or [],
                    story_ids=form.stories.data or [],
                ),
            )
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            flash("Your organisation's page has been updated.", "success")
            return redirect(url_for("members.edit_organisation", slug=organisation.slug))
    if request.method == "GET":
        return _render_edit(organisation, form)
    return _render_edit(organisation, form, status=400, error=error)


@bp.post("/members/organisations/<slug>/logo")
@login_required
def upload_logo(slug: str):
    organisation = _organisation(slug)
    logo_form = LogoForm()
    if request.form.get("action") == "remove":
        organisation_service.remove_logo(current_user, organisation)
        flash("The logo has been removed.", "success")
        return redirect(url_for("members.edit_organisation", slug=slug))
    upload = logo_form.logo.data
    try:
        organisation_service.set_logo(current_user, organisation, upload.read() if upload else b"")
    except ServiceError as problem:
        attach_to_form(logo_form, problem)
        return _render_edit(organisation, _organisation_form(organisation), logo_form, 400)
    flash("The new logo is on your page.", "success")
    return redirect(url_for("members.edit_organisation", slug=slug))


@bp.route("/members/organisations/<slug>/people", methods=["GET", "POST"])
@login_required
def people(slug: str):
    organisation = _organisation(slug, people=True)
    form = InviteForm()
    error = None
    if form.validate_on_submit():
        try:
            organisation_service.invite_person(current_user, organisation, form.email.data)
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            flash(f"Invitation sent to {form.email.data}.", "success")
            return redirect(url_for("members.people", slug=slug))
    return render_template(
        "members/people.html",
        organisation=organisation,
        form=form,
        error=error,
        people=organisation_service.people_of(current_user, organisation),
        invitations=organisation_service.open_invitations(current_user, organisation),
        action_form=PersonForm(),
    ), 400 if form.errors or error else 200


def _person_action(slug: str, action, done: str):
    organisation = _organisation(slug, people=True)
    if not PersonForm().validate_on_submit():
        abort(400)
    try:
        action(organisation)
    except ServiceError as problem:
        flash(str(problem), "error")
    else:
        flash(done, "success")
    return redirect(url_for("members.people", slug=slug))


@bp.post("/members/organisations/<slug>/people/<int:user_id>/remove")
@login_required
def remove_person(slug: str, user_id: int):
    return _person_action(
        slug,
        lambda org: organisation_service.remove_person(current_user, org, user_id),
        "They no longer look after your organisation's page. Their own account remains.",
    )


@bp.post("/members/organisations/<slug>/people/<int:user_id>/contact")
@login_required
def make_contact(slug: str, user_id: int):
    return _person_action(
        slug,
        lambda org: organisation_service.make_contact(current_user, org, user_id),
        "The first contact has changed.",
    )


@bp.post("/members/organisations/<slug>/invitations/<int:invitation_id>/revoke")
@login_required
def revoke_invitation(slug: str, invitation_id: int):
    return _person_action(
        slug,
        lambda org: organisation_service.revoke_invitation(current_user, org, invitation_id),
        "The invitation has been withdrawn.",
    )
