"""The public side of giving: the donate form, the page Stripe sends donors back to, and a monthly
donor's own page (reached from their receipt) to cancel, change their card or withdraw Gift Aid."""

import secrets

from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from ..extensions import limiter
from ..models import DonationState, GiftAidCover
from ..payments import PaymentServiceError, donations_configured
from ..services.donations import donor_link
from ..services.donations import giving as service
from ..services.donations import reports as donation_reports
from ..services.errors import ServiceError, attach_to_form
from .blueprint import bp
from .forms import ConfirmForm, DonateForm

OTHER = "other"


def _allow_stripe_redirects():
    g.form_targets = current_app.config["STRIPE_REDIRECT_ORIGINS"]


def _amount_choices(form: DonateForm) -> None:
    money = current_app.jinja_env.filters["money"]
    form.amount.choices = [(str(p), money(p)) for p in current_app.config["DONATION_SUGGESTED_PENCE"]]
    form.amount.choices.append((OTHER, "Another amount"))
    form.dedication.choices = [("", "Wherever it is needed most")] + service.dedication_choices()


def _prefill(form: DonateForm, ref: str | None, towards: str | None) -> bool:
    """Fill the form from a gift the donor came back from Checkout without paying for."""
    donation = service.resumable(ref) if ref else None
    if donation is None:
        if towards and any(value == towards for value, _ in form.dedication.choices):
            form.dedication.data = towards
        return False
    suggested = current_app.config["DONATION_SUGGESTED_PENCE"]
    form.frequency.data = donation.frequency
    form.amount.data = str(donation.amount_pence) if donation.amount_pence in suggested else OTHER
    if form.amount.data == OTHER:
        form.other_amount.data = f"{donation.amount_pence / 100:.2f}".removesuffix(".00")
    form.name.data, form.email.data, form.opt_in.data = donation.name, donation.email, donation.opt_in
    if donation.petition:
        form.dedication.data = f"petition:{donation.petition.slug}"
    elif donation.page:
        form.dedication.data = f"page:{donation.page.slug}"
    declaration = donation.gift_aid_declaration
    if declaration:
        form.gift_aid.data = True
        for name in ("title", "first_name", "last_name", "house", "address", "postcode", "covers"):
            getattr(form, f"gift_aid_{name}").data = getattr(declaration, name)
    return True


def _gift_request(form: DonateForm) -> tuple[service.GiftRequest | None, list[ServiceError]]:
    problems = []
    amount = 0
    if form.amount.data == OTHER:
        try:
            amount = service.parse_amount(form.other_amount.data)
        except ServiceError as problem:
            problems.append(problem)
    elif form.amount.data:
        try:
            amount = int(form.amount.data)
        except ValueError:
            amount = 0
        if amount not in current_app.config["DONATION_SUGGESTED_PENCE"]:
            problems.append(ServiceError("Choose an amount, or enter your own.", "amount"))
    gift_aid = None
    if form.gift_aid.data and service.gift_aid_available():
        gift_aid = service.GiftAidDetails(
            **{
                name: getattr(form, f"gift_aid_{name}").data or ""
                for name in ("title", "first_name", "last_name", "house", "address", "postcode", "covers")
            }
        )
        problems += service.check_gift_aid(gift_aid)
    if problems:
        return None, problems
    return service.GiftRequest(
        amount_pence=amount,
        frequency=form.frequency.data,
        name=form.name.data,
        email=form.email.data,
        opt_in=form.opt_in.data,
        dedication=form.dedication.data or "",
        gift_aid=gift_aid,
        form_nonce=form.form_nonce.data or "",
    ), []


@bp.route("/", methods=["GET", "POST"])
@limiter.limit("10 per minute;60 per hour", methods=["POST"])
def index():
    if not donations_configured():
        return render_template("donations/not_set_up.html")
    form = DonateForm()
    _amount_choices(form)
    error = None
    resumed = False
    if request.method == "GET":
        resumed = _prefill(form, request.args.get("resume"), request.args.get("towards"))
        suggested = current_app.config["DONATION_SUGGESTED_PENCE"]
        if not form.amount.data and suggested:
            form.amount.data = str(suggested[min(1, len(suggested) - 1)])
    elif form.validate_on_submit():
        gift, problems = _gift_request(form)
        for problem in problems:
            error = attach_to_form(form, problem) or error
        if gift is not None:
            try:
                donation = service.start_donation(gift, current_user)
            except ServiceError as problem:
                error = attach_to_form(form, problem)
            else:
                return redirect(donation.checkout_url, 303)
    return _render_form(form, error, resumed)


def _render_form(form: DonateForm, error: str | None = None, resumed: bool = False):
    _allow_stripe_redirects()
    g.no_store = True
    settings = service.settings_for_display()
    declaration_preview = None
    if settings.gift_aid_enabled and settings.charity_name:
        declaration_preview = {
            cover: service.declaration_text(cover, settings.charity_name) for cover in GiftAidCover.LABELS
        }
    status = 400 if (request.method == "POST" and (form.errors or error)) else 200
    if not form.form_nonce.data:
        form.form_nonce.data = secrets.token_urlsafe(16)
    raised = donation_reports.raised_for_public() if settings.target_pence else 0
    return render_template(
        "donations/index.html",
        form=form,
        error=error,
        resumed=resumed,
        settings=settings,
        raised=raised,
        declaration_preview=declaration_preview,
        OTHER=OTHER,
    ), status


@bp.errorhandler(CSRFError)
def expired_form(error):
    """A donate form left open past its token's life comes back with everything typed, not an error page."""
    if request.endpoint == "donations.index" and request.method == "POST" and donations_configured():
        form = DonateForm(formdata=request.form)
        _amount_choices(form)
        return _render_form(
            form,
            "This page was open for a long time, so for your security nothing has been "
            "sent yet. Your details are below: check them and press the button again.",
        )
    return render_template(
        "errors/error.html",
        status=400,
        title="Your form had expired",
        detail="For your security, forms expire after a while. Go back, reload the page and try again.",
    ), 400


@bp.get("/thanks/<ref>")
def thanks(ref: str):
    donation = service.donation_by_ref(ref)
    g.no_store = True
    confirming = donation.state == DonationState.STARTED
    return render_template(
        "donations/thanks.html",
        donation=donation,
        confirming=confirming,
        show_donor=service.thanks_may_show_donor(donation),
    )


def _managed(token: str):
    donation = donor_link.donation_for_token(token)
    g.no_store = True
    g.referrer_policy = "no-referrer"  # the link is the key to this page
    _allow_stripe_redirects()
    return donation


@bp.get("/manage/<token>")
def manage(token: str):
    donation = _managed(token)
    return render_template(
        "donations/manage.html",
        donation=donation,
        token=token,
        form=ConfirmForm(),
        confirm_cancel=request.args.get("cancel") == "1",
    )


@bp.post("/manage/<token>/cancel")
@limiter.limit("10 per minute")
def cancel(token: str):
    donation = _managed(token)
    if ConfirmForm().validate_on_submit():
        try:
            donor_link.cancel_monthly(donation)
        except (ServiceError, PaymentServiceError) as problem:
            flash(str(problem), "error")
        else:
            flash(
                "Your monthly donation is cancelled. No more payments will be taken. Thank you for your support.",
                "success",
            )
    return redirect(url_for("donations.manage", token=token), 303)


@bp.post("/manage/<token>/card")
@limiter.limit("10 per minute")
def card(token: str):
    donation = _managed(token)
    if ConfirmForm().validate_on_submit():
        try:
            return redirect(donor_link.portal_url(donation), 303)
        except (ServiceError, PaymentServiceError) as problem:
            flash(str(problem), "error")
    return redirect(url_for("donations.manage", token=token), 303)


@bp.post("/manage/<token>/gift-aid")
@limiter.limit("10 per minute")
def withdraw_gift_aid(token: str):
    donation = _managed(token)
    if ConfirmForm().validate_on_submit():
        donor_link.withdraw_gift_aid(donation)
        flash(
            "Your Gift Aid declaration is withdrawn. We will not claim Gift Aid on payments from now on.",
            "success",
        )
    return redirect(url_for("donations.manage", token=token), 303)
