from urllib.parse import urlsplit

from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import limiter
from ..services.accounts import users as accounts
from ..services.errors import ServiceError, attach_to_form
from ..web.forms import NewPasswordForm
from .blueprint import bp
from .forms import ForgotPasswordForm, SignInForm


def safe_next(target: str | None) -> str | None:
    """Only same-site paths: an open redirect after sign-in is a phishing aid."""
    if not target:
        return None
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
    ):
        return None
    return target


def _login_limit():
    return current_app.config["RATELIMIT_LOGIN"]


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("account.dashboard"))
    form = SignInForm()
    error = None
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(form.email.data, form.password.data)
        except accounts.SignInRefused as refused:
            error = str(refused)
        else:
            accounts.start_session(user, request.user_agent.string)
            login_user(user, remember=form.remember.data)
            flash(f"Signed in as {user.name}.", "success")
            return redirect(safe_next(request.args.get("next")) or url_for("account.dashboard"))
    status = 200 if request.method == "GET" else (401 if error else 400 if form.errors else 200)
    return render_template("auth/sign_in.html", form=form, error=error), status


@bp.post("/sign-out")
def sign_out():
    # POST only (with CSRF): a link or image elsewhere cannot sign anyone out. The session record is
    # deleted, so a copy of the cookie stops working too.
    if current_user.is_authenticated:
        accounts.end_session(current_user._get_current_object())
    logout_user()
    flash("You have signed out.", "success")
    return redirect(url_for("public.home"))


@bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit("5 per minute;20 per hour", methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        accounts.request_password_reset(form.email.data)
        g.no_store = True
        return render_template("auth/reset_sent.html", email=form.email.data)
    return render_template("auth/forgot_password.html", form=form), 400 if form.errors else 200


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def reset_password(token: str):
    g.no_store = True  # the token is in the address
    try:
        user = accounts.user_for_reset_token(token)
    except accounts.TokenInvalid as invalid:
        return render_template("auth/reset_invalid.html", reason=str(invalid), expired=invalid.expired), 400
    form = NewPasswordForm()
    form._email = user.email
    if form.validate_on_submit():
        try:
            accounts.reset_password(token, form.password.data)
        except accounts.TokenInvalid as invalid:
            return render_template(
                "auth/reset_invalid.html", reason=str(invalid), expired=invalid.expired
            ), 400
        except ServiceError as problem:
            attach_to_form(form, problem)
        else:
            logout_user()
            flash(
                "Your password has been changed and every other session signed out. Sign in with it now.",
                "success",
            )
            return redirect(url_for("auth.sign_in"))
    return render_template("auth/reset_password.html", form=form), 400 if form.errors else 200


@bp.post("/sign-out-everywhere")
@login_required
def sign_out_everywhere():
    accounts.sign_out_everywhere(current_user._get_current_object())
    logout_user()
    flash("You have been signed out on every device.", "success")
    return redirect(url_for("auth.sign_in"))
