from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import limiter
from ..services.accounts import sessions
from ..services.accounts import users as accounts
from ..services.errors import ServiceError, attach_to_form
from ..web.forms import NewPasswordForm
from ..web.hostile_input import same_site_path
from .blueprint import bp
from .forms import ForgotPasswordForm, SignInForm

# "This browser has signed in as this person before": lets the right password through while the account
# is at its ceiling of wrong passwords from everywhere (see accounts.authenticate).
DEVICE_COOKIE = "known_device"
DEVICE_COOKIE_AGE = 365 * 24 * 3600


def _login_limit():
    return current_app.config["RATELIMIT_LOGIN"]


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("account.dashboard"))
    form = SignInForm()
    error = None
    status = 200
    address = request.remote_addr or ""
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(
                form.email.data, form.password.data, address, request.cookies.get(DEVICE_COOKIE)
            )
        except accounts.SignInThrottled as throttled:
            error, status = str(throttled), 429
        except accounts.SignInRefused as refused:
            error, status = str(refused), 401
        else:
            flash(f"Signed in as {user.name}.", "success")
            target = same_site_path(request.args.get("next")) or url_for("account.dashboard")
            return _signed_in(user, bool(form.remember.data), target)
    if form.errors:
        status = 400
    return render_template("auth/sign_in.html", form=form, error=error), status


def _signed_in(user, remember: bool, target: str):
    """Start a session the one way every sign-in does, and mark this browser as known to the person."""
    sessions.start_session(user, request.user_agent.string, request.remote_addr or "", remember=remember)
    login_user(user, remember=remember)
    response = redirect(target)
    response.set_cookie(
        DEVICE_COOKIE,
        accounts.device_token(user),
        max_age=DEVICE_COOKIE_AGE,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


@bp.post("/sign-out")
def sign_out():
    # POST only (with CSRF): a link or image elsewhere cannot sign anyone out. The session record is
    # revoked, so a copy of the cookie stops working too.
    if current_user.is_authenticated:
        sessions.end_session(current_user._get_current_object())
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
    # The welcome link (an invite, an approved membership) sets up a new account; the rest are resets.
    setting_up = accounts.is_setup_token(token)
    form = NewPasswordForm()
    form._email = user.email
    if form.validate_on_submit():
        try:
            user = accounts.reset_password(token, form.password.data, request.remote_addr or "")
        except accounts.TokenInvalid as invalid:
            return render_template(
                "auth/reset_invalid.html", reason=str(invalid), expired=invalid.expired
            ), 400
        except ServiceError as problem:
            attach_to_form(form, problem)
        else:
            logout_user()
            if setting_up:
                flash(f"Your account is set up. Welcome, {user.name}.", "success")
                return _signed_in(user, False, url_for("account.dashboard"))
            flash(
                "Your password has been changed and every other session signed out. Sign in with it now.",
                "success",
            )
            return redirect(url_for("auth.sign_in"))
    page = render_template("auth/reset_password.html", form=form, setting_up=setting_up)
    return page, 400 if form.errors else 200


@bp.post("/sign-out-everywhere")
@login_required
def sign_out_everywhere():
    sessions.sign_out_everywhere(current_user._get_current_object())
    logout_user()
    flash("You have been signed out on every device.", "success")
    return redirect(url_for("auth.sign_in"))
