"""The embeddable petition widget: a page member organisations frame on their own websites
(``<iframe src=".../petitions/<slug>/embed?member=<their slug>">``), showing the count and the signing form.
Signatures through it follow the same double opt-in as the petition's own page.

Inside another site's frame our session cookie never arrives (it is ``SameSite=Lax``, and browsers that block
third-party cookies would drop it anyway), so nothing here reads or writes the session: not the form's
security token, not the "check your email" page. The widget sets no cookies at all, which also means the
sites embedding it have nothing of ours to declare in their cookie notices.

Also here: the page where members and organisers copy the snippet, and the attribution table."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, current_app, g, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from markupsafe import escape

from ..extensions import csrf, limiter
from ..models import PetitionState
from ..services.errors import NotFound
from ..services.petitions import lifecycle as petition_service
from ..services.petitions import signing
from ..services.petitions import sources as signature_sources
from ..services.tokens import SignedToken, TokenInvalid
from ..urls import public_url
from ..web.security import allow_framing
from .blueprint import bp
from .forms import SignatureForm
from .views import _load, signing_details

EMBED_HEIGHT = 860  # the whole form and its button, without scrolling, at common widths
TOKEN_FIELD = "form_token"
EXPIRED_FORM = (
    "This form had been open for a long time, so for your security your signature has not been sent "
    "yet. Your details are still below: check them and press the button again."
)


# Why the widget has its own form token.
#
# Everywhere else Flask-WTF's CSRF token protects forms, and that token is tied to the session cookie. In a
# third-party frame the cookie is not sent with the POST (SameSite=Lax), so every widget submission would
# fail as "expired". Loosening the site's cookie to SameSite=None would weaken CSRF protection everywhere to
# rescue one form. Instead this one view is exempt from CSRFProtect and checks a token of its own: signed with
# SECRET_KEY (itsdangerous, salt "embed-form"), bound to the petition, and time-limited like other forms.
#
# Such a token does not identify the browser, so it is not a classic anti-CSRF token, and it does not need to
# be: a cross-site request forgery works by riding on the victim's session, and signing a petition uses no
# session. The signer is whoever owns the email address, and nothing counts until they press the button in
# the email they receive (double opt-in). The token still makes sure a submission came from a form we served
# for this petition recently, and the same rate limits and per-address flagging apply as on the sign page.

_FORM = SignedToken("embed-form")


def form_token(petition) -> str:
    return _FORM.make({"p": petition.id})


def _token_is_valid(petition, token: str) -> bool:
    max_age = current_app.config.get("WTF_CSRF_TIME_LIMIT") or None
    try:
        data = _FORM.read(token or "", max_age=max_age)
    except TokenInvalid:  # expired ones included
        return False
    return isinstance(data, dict) and data.get("p") == petition.id


def _attribution() -> tuple[str, dict]:
    """The source to record, and the query parameters that keep it on the form's and the next page's address.
    ``?member=`` wins when it names a real organisation; an unknown one is ignored, not an error, because the
    snippet is already pasted on someone's website."""
    member = (request.args.get("member") or "").strip()
    source = signature_sources.member_source(member)
    if source:
        return source, {"member": member}
    shared = request.args.get("source") or ""
    source = signature_sources.share_source(shared)
    return source, ({"source": shared[:80]} if source else {})


def _message(petition, title: str, message: str, status: int):
    return render_template(
        "petitions/embed.html",
        petition=petition,
        closed=message,
        closed_title=title,
        withheld=petition is not None and petition_service.text_is_withheld(petition),
    ), status


def _not_found():
    return _message(
        None, "Petition not found", "This petition could not be found. It may have been removed.", 404
    )


@bp.route("/<slug>/embed", methods=["GET", "POST"])
@allow_framing
@csrf.exempt  # see "Why the widget has its own form token" above; the token is checked below
@limiter.limit("120 per minute", methods=["POST"])  # the same flood ceiling as the sign page
def embed(slug: str):
    try:
        petition = petition_service.petition_for(
            current_user if current_user.is_authenticated else None, slug
        )
    except NotFound:
        return _not_found()
    try:
        signing.ensure_open(petition)
    except signing.PetitionNotOpen as closed:
        return _message(
            petition,
            "This petition cannot be signed",
            str(closed),
            410 if petition.state == PetitionState.CLOSED else 403,
        )

    source, keep = _attribution()
    # The widget's own token replaces Flask-WTF's session-bound one for this form only.
    form = SignatureForm(requires_uk=petition.requires_uk, meta={"csrf": False})
    error = None
    if request.method == "POST":
        g.no_store = True  # a re-shown form holds what the person typed
        fields_ok = form.validate()
        if not _token_is_valid(petition, request.form.get(TOKEN_FIELD, "")):
            error = EXPIRED_FORM
        elif fields_ok:
            try:
                signing.sign_petition(petition, signing_details(form, source))
            except signing.PetitionNotOpen as closed:
                return _message(petition, "This petition cannot be signed", str(closed), 410)
            # Stays in the frame; the address is not carried over (no session here, and not in a URL).
            return redirect(url_for("petitions.embed_check_email", slug=petition.slug, **keep), 303)
    response = current_app.make_response(
        (
            render_template(
                "petitions/embed.html",
                petition=petition,
                form=form,
                token=form_token(petition),
                error=error,
                action=url_for("petitions.embed", slug=petition.slug, **keep),
            ),
            400 if request.method == "POST" else 200,
        )
    )
    if request.method == "GET" and not session:
        # Member sites may put the widget on busy pages: like the petition page, cacheable while a count is fresh.
        response.headers["Cache-Control"] = f"public, max-age={current_app.config['COUNT_ROLLUP_INTERVAL']}"
    return response


@bp.get("/<slug>/embed/check-email")
@allow_framing
def embed_check_email(slug: str):
    try:
        petition = petition_service.petition_for(
            current_user if current_user.is_authenticated else None, slug
        )
    except NotFound:
        return _not_found()
    _, keep = _attribution()
    return render_template(
        "petitions/embed_check_email.html",
        petition=petition,
        again=url_for("petitions.embed", slug=petition.slug, **keep),
    )


# For members and organisers: the snippet to paste, and the attribution table.


@bp.get("/<slug>/embed-code")
@login_required
def embed_code(slug: str):
    petition = _load(slug)
    if not signature_sources.can_get_embed_code(current_user, petition):
        abort(403)
    organisations = signature_sources.embed_organisations(current_user)
    wanted = request.args.get("member")
    if wanted is None and current_user.organisation is not None:
        wanted = current_user.organisation.slug
    chosen = next((o for o in organisations if o.slug == wanted), None)
    member: dict[str, Any] = {"member": chosen.slug} if chosen else {}
    src = public_url("petitions.embed", slug=petition.slug, **member)
    snippet = (
        f'<iframe src="{escape(src)}" title="Sign the petition: {escape(petition.title)}" width="100%" '
        f'height="{EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>'
    )
    return render_template(
        "petitions/embed_code.html",
        petition=petition,
        snippet=snippet,
        chosen=chosen,
        organisations=organisations,
        choose=signature_sources.may_credit_any_member(current_user),
        sources=signature_sources.can_view_sources(current_user, petition),
        preview=url_for("petitions.embed", slug=petition.slug, **member),
    )


@bp.get("/<slug>/sources")
@login_required
def sources(slug: str):
    petition = _load(slug)
    rows = signature_sources.signature_sources(current_user, petition)
    return render_template(
        "petitions/sources.html",
        petition=petition,
        rows=rows,
        total_confirmed=sum(r.confirmed for r in rows),
        total_pending=sum(r.pending for r in rows),
    )


@bp.get("/<slug>/sources.csv")
@login_required
def sources_csv(slug: str):
    petition = _load(slug)
    body = signature_sources.signature_sources_csv(current_user, petition)
    g.no_store = True
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{petition.slug}-sources.csv"'},
    )
