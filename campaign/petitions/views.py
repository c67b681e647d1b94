"""The public side of petitions: list, page, signing, confirmation; and members drafting their own.

Signing keeps working as well as it can while the database is unreachable: a form whose signature (or
resend) was not saved is shown again with what was typed and a 503; once saved, the person is sent to
"check your email", which says its message without the database if it must."""

from dataclasses import dataclass

from flask import abort, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from sqlalchemy.exc import DBAPIError

from ..extensions import limiter
from ..models import PetitionState, SignatureState
from ..services.coalition import content
from ..services.errors import ServiceError
from ..services.permissions import can
from ..services.petitions import lifecycle as petition_service
from ..services.petitions import listings, signing
from ..services.petitions import stats as petition_stats
from ..services.petitions.counting import signatures_by_region
from ..services.petitions.regions import normalise_postcode
from ..services.petitions.sources import can_get_embed_code, can_view_sources, share_source
from ..web import shared_pages
from ..web.errors import DATABASE_DOWN, RETRY_AFTER, database_unavailable, error_page, release_session
from ..web.hostile_input import page_number
from ..web.security import permission_required
from .blueprint import bp, signatures_bp
from .forms import PetitionForm, ResendForm, SignatureForm

PER_PAGE = 20


def _load(slug: str):
    return petition_service.petition_for(current_user if current_user.is_authenticated else None, slug)


@bp.get("/")
def index():
    state = listings.list_named(request.args.get("state"))
    sort = listings.sort_named(state, request.args.get("sort"))
    query = (request.args.get("q") or "").strip()[:200]
    page = page_number()
    petitions, total = listings.petitions_in(state, sort, query, page, PER_PAGE)
    return render_template(
        "petitions/index.html",
        petitions=petitions,
        total=total,
        counts=listings.list_counts(),
        lists=listings.LISTS,
        labels=listings.LABELS,
        sorts=listings.SORTS[state],
        closing_days=listings.CLOSING_SOON_DAYS,
        state=state,
        sort=sort,
        query=query,
        page=page,
        pages=max((total + PER_PAGE - 1) // PER_PAGE, 1),
    )


@bp.get("/<slug>")
def show(slug: str):
    response, found = shared_pages.cached("petition", slug)
    if response is None:
        petition = _load(slug)
        manage = current_user.is_authenticated and petition_service.can_manage(current_user, petition)
        response = current_app.make_response(
            render_template(
                "petitions/show.html",
                petition=petition,
                stories=content.stories_for_petition(petition),
                updates=petition_service.updates_for(petition),
                regions=signatures_by_region(petition),
                series=petition_stats.public_series(petition) if petition.is_open else None,
                reason=petition_service.rejection_reason(petition.rejection_code),
                close_reason=petition_service.close_reason(petition),
                manage=manage,
                withheld=petition_service.text_is_withheld(petition),
                moderate=can(current_user, "moderate_petitions"),
                embed_code=current_user.is_authenticated and can_get_embed_code(current_user, petition),
                sources=current_user.is_authenticated and can_view_sources(current_user, petition),
                stats=current_user.is_authenticated and petition_stats.can_view_stats(current_user, petition),
            )
        )
        if petition.state not in PetitionState.PUBLIC:
            return response
        shared_pages.remember(found, response)
    if not session:
        # Anonymous and cookie-free: safe for shared caches, for as long as a count is fresh.
        response.headers["Cache-Control"] = f"public, max-age={current_app.config['COUNT_ROLLUP_INTERVAL']}"
    return response


@dataclass(frozen=True)
class PetitionShown:
    """What the sign and resend forms show of a petition, copied while it is loaded: after the database
    drops mid-request the petition itself can no longer be read, but the form must still be shown again."""

    slug: str
    title: str
    action: str
    requires_uk: bool

    @classmethod
    def of(cls, petition) -> "PetitionShown":
        return cls(petition.slug, petition.title, petition.action, petition.requires_uk)


def _not_saved(template: str, petition: PetitionShown, form):
    """The form again, with what was typed and why it was not saved (the database went away)."""
    release_session()
    page = render_template(template, petition=petition, form=form, error=DATABASE_DOWN)
    return page, 503, {"Retry-After": RETRY_AFTER}


def masked_address(email: str) -> str:
    """Enough of an address for its owner to recognise it, too little for anyone else to use it:
    "maria@example.org" -> "m***@example.org". The session cookie carries only this."""
    local, _, domain = email.strip().rpartition("@")
    return f"{local[:1]}***@{domain}" if local else "***"


def _client_ip() -> str:
    return request.remote_addr or ""


def signing_details(form: SignatureForm, source: str) -> signing.SigningDetails:
    """What a valid SignatureForm says, for the signing service (the sign page and the embedded widget)."""
    abroad = form.location.data == "abroad"
    return signing.SigningDetails(
        name=form.name.data,
        email=form.email.data,
        postcode="" if abroad else (normalise_postcode(form.postcode.data) or ""),
        country=form.country.data.strip() if abroad else "GB",
        uk_confirmed=form.uk_confirmed.data,
        opt_in=form.opt_in.data,
        source=source,
        ip_address=_client_ip(),
    )


@bp.route("/<slug>/sign", methods=["GET", "POST"])
# A ceiling against floods only: many real signers can share one address (a mobile network, a college).
# Ordinary abuse is handled by flagging signatures over SIGN_LIMIT_PER_IP, which the signer never sees.
@limiter.limit("120 per minute", methods=["POST"])
def sign(slug: str):
    cached, found = shared_pages.cached("sign", slug)
    if cached is not None:
        return cached
    petition = _load(slug)
    form = SignatureForm(requires_uk=petition.requires_uk)
    try:
        signing.ensure_open(petition)
    except signing.PetitionNotOpen as closed:
        return render_template("petitions/not_open.html", petition=petition, reason=str(closed)), 410 if (
            petition.state == PetitionState.CLOSED
        ) else 403
    if form.validate_on_submit():
        # Stored as "share:<value>", so a share link can never pass for a member's widget ("member:...").
        details = signing_details(form, share_source(request.args.get("source")))
        shown = PetitionShown.of(petition)
        try:
            signing.sign_petition(petition, details)
        except signing.PetitionNotOpen as closed:
            return render_template("petitions/not_open.html", petition=petition, reason=str(closed)), 410
        except DBAPIError as error:
            if not database_unavailable(error):
                raise
            return _not_saved("petitions/sign.html", shown, form)
        # Saved: from here on nothing may need the database, or the person would be told it failed.
        # The cookie carries the address masked only: a cookie left on a shared computer must not give it.
        session["signed_to"] = masked_address(form.email.data)
        return redirect(url_for("petitions.check_email", slug=slug))
    if form.errors:
        return render_template("petitions/sign.html", petition=petition, form=form), 400
    response = current_app.make_response(render_template("petitions/sign.html", petition=petition, form=form))
    # Not served from the cache past the deadline: from then on the form must say the petition has closed.
    shared_pages.remember(found, response, until=petition.deadline.timestamp() if petition.deadline else None)
    return response


@bp.get("/<slug>/check-email")
def check_email(slug: str):
    g.no_store = True  # shows (part of) the address the person typed
    sent_to = session.pop("signed_to", None)  # shown once: the next person on a shared device won't see it
    try:
        petition = _load(slug)
    except DBAPIError as error:
        if not database_unavailable(error):
            raise
        # The signature was saved before the redirect here: say so without the petition's title.
        release_session()
        petition = None
    return render_template(
        "petitions/check_email.html", petition=petition, slug=slug, sent_to=sent_to, form=ResendForm()
    )


@bp.route("/<slug>/resend", methods=["GET", "POST"])
@limiter.limit("5 per minute;30 per hour", methods=["POST"])
def resend(slug: str):
    petition = _load(slug)
    form = ResendForm()
    if form.validate_on_submit():
        shown = PetitionShown.of(petition)
        try:
            signing.resend_confirmation(petition, form.email.data)
        except DBAPIError as error:
            if not database_unavailable(error):
                raise
            return _not_saved("petitions/resend.html", shown, form)
        session["signed_to"] = masked_address(form.email.data)
        flash(
            "If that address has signed this petition, we have emailed it. We send at most one email "
            "every few minutes, so if you asked a moment ago, look for the earlier one (and in spam).",
            "success",
        )
        return redirect(url_for("petitions.check_email", slug=slug))
    return render_template("petitions/resend.html", petition=petition, form=form), 400 if form.errors else 200


@signatures_bp.route("/confirm/<token>", methods=["GET", "POST"])
@limiter.limit("120 per minute", methods=["POST"])
def confirm(token: str):
    # GET only shows a button: mail scanners that fetch links must not sign on anyone's behalf.
    g.no_store = True
    try:
        if request.method == "POST":  # CSRFProtect has already checked the form's token
            # What the thank-you page shows is read first: the commit leaves the petition to be read
            # again, and the database may be gone by then although the confirmation was saved.
            shown = PetitionShown.of(signing.signature_for_token(token).petition)
            signing.confirm_signature(token)
            return render_template("petitions/confirmed.html", petition=shown)
        signature = signing.signature_for_token(token)
    except DBAPIError as error:
        if not database_unavailable(error) or request.method != "POST":
            raise
        release_session()
        body, status = error_page(
            503,
            "Your signature is not confirmed yet",
            "We lost contact with our database for a moment. Go back and press the button again in a "
            "minute, or open the link in your email again.",
        )
        return body, status, {"Retry-After": RETRY_AFTER}
    except signing.ConfirmationInvalid as invalid:
        status = {"used": 200, "closed": 410}.get(invalid.reason, 400)
        return render_template(
            "petitions/confirm_invalid.html", invalid=invalid, petition=invalid.petition, form=ResendForm()
        ), status
    if signature.state != SignatureState.PENDING:
        return render_template(
            "petitions/confirm_invalid.html",
            petition=signature.petition,
            form=ResendForm(),
            invalid=signing.ConfirmationInvalid(
                "You have already confirmed your signature. Thank you.", "used"
            ),
        ), 200
    return render_template("petitions/confirm.html", petition=signature.petition, name=signature.name)


@bp.get("/mine")
@login_required
def mine():
    return render_template("petitions/mine.html", petitions=petition_service.my_petitions(current_user))


def _petition_fields(form: PetitionForm) -> dict:
    return {
        "title": form.title.data,
        "action": form.action.data,
        "background": form.background.data,
        "details": form.details.data or "",
        "target": form.target.data,
        "milestones": getattr(form.milestones, "parsed", []),
        "duration_days": int(form.duration_days.data),
        "requires_uk": form.requires_uk.data,
        "parliament_petition_id": form.parliament_petition_id.data,
    }


@bp.route("/new", methods=["GET", "POST"])
@permission_required("create_petitions")
def new():
    form = PetitionForm()
    if form.validate_on_submit():
        petition = petition_service.create_petition(
            current_user,
            **_petition_fields(form),
            for_organisation=bool(form.for_organisation.data and current_user.organisation_id),
        )
        flash("Your petition is saved as a draft. Check it, then submit it for moderation.", "success")
        return redirect(url_for("petitions.show", slug=petition.slug))
    return render_template("petitions/edit.html", form=form, petition=None), 400 if form.errors else 200


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit(slug: str):
    petition = _load(slug)
    if not petition_service.can_manage(current_user, petition):
        abort(403)
    form = PetitionForm(obj=petition)
    if request.method == "GET":
        form.milestones.data = " ".join(str(m) for m in petition.milestones or [])
        form.duration_days.data = str(petition.duration_days)
        form.for_organisation.data = petition.owner_organisation_id is not None
    error = None
    if form.validate_on_submit():
        try:
            petition_service.edit_petition(current_user, petition, **_petition_fields(form))
        except ServiceError as problem:
            error = str(problem)
        else:
            flash("Changes saved.", "success")
            return redirect(url_for("petitions.show", slug=petition.slug))
    if petition.state not in PetitionState.EDITABLE and error is None:
        error = "Only a draft can be edited. Once a petition is submitted its wording is fixed."
    status = 400 if form.errors or (error and request.method == "POST") else 200
    return render_template("petitions/edit.html", form=form, petition=petition, error=error), status


@bp.post("/<slug>/submit")
@login_required
def submit(slug: str):
    petition = _load(slug)
    try:
        petition_service.submit_petition(current_user, petition)
    except ServiceError as problem:
        flash(str(problem), "error")
    else:
        flash("Submitted. An organiser will check it; you will see the outcome here.", "success")
    return redirect(url_for("petitions.show", slug=petition.slug))
