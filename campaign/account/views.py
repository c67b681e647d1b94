from flask import flash, g, jsonify, redirect, render_template, url_for
from flask_login import current_user, login_required, logout_user

from ..extensions import limiter
from ..models import utcnow
from ..services import work_queue
from ..services.accounts import personal_data as account_data
from ..services.accounts import sessions
from ..services.accounts import users as accounts
from ..services.errors import ServiceError, attach_to_form
from .blueprint import bp
from .forms import ChangePasswordForm, CloseAccountForm, ListingForm


@bp.get("/")
@login_required
def dashboard():
    # The top of the account area: what waits for this person (organisers, moderators), then their own
    # petitions, stories and organisation with each one's next step.
    user = current_user._get_current_object()
    return render_template(
        "account/dashboard.html",
        listing=ListingForm(listed=current_user.listed),
        has_work=work_queue.may_have_work(user),
        waiting=work_queue.waiting_for(user),
        mine=work_queue.my_things(user),
        now=utcnow(),
    )


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    form._email = current_user.email
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            accounts.change_password(user, form.current_password.data, form.password.data)
        except ServiceError as problem:
            attach_to_form(form, problem)
        else:
            flash("Your password has been changed. Any other devices have been signed out.", "success")
            return redirect(url_for("account.dashboard"))
    return render_template("account/change_password.html", form=form), 400 if form.errors else 200


@bp.get("/data.json")
@login_required
def export():
    g.no_store = True
    response = jsonify(account_data.export_data(current_user._get_current_object()))
    response.headers["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@bp.route("/close", methods=["GET", "POST"])
@login_required
@limiter.limit("5 per minute", methods=["POST"])
def close():
    form = CloseAccountForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            account_data.close_account(user, form.password.data)
        except ServiceError as problem:
            attach_to_form(form, problem)
        else:
            logout_user()
            flash(
                "Your account is closed and your personal details have been removed. Thank you for your support.",
                "success",
            )
            return redirect(url_for("public.home"))
    return render_template("account/close.html", form=form), 400 if form.errors else 200


@bp.post("/listing")
@login_required
def listing():
    form = ListingForm()
    if form.validate_on_submit():
        try:
            account_data.set_listed(current_user._get_current_object(), form.listed.data)
        except ServiceError as problem:
            flash(str(problem), "error")
            return redirect(url_for("account.dashboard"))
        flash(
            "Your name is now shown in the member directory."
            if form.listed.data
            else "Your name is no longer shown in the member directory.",
            "success",
        )
    return redirect(url_for("account.dashboard"))


@bp.get("/devices")
@login_required
def devices():
    user = current_user._get_current_object()
    current = user.current_session.id if user.current_session is not None else None
    rows = [
        {
            "id": login.id,
            "device": sessions.device_label(login.user_agent),
            "address": login.address,
            "created_at": login.created_at,
            "last_seen_at": login.last_seen_at,
            "remember": login.remember,
            "current": login.id == current,
        }
        for login in sessions.active_sessions(user)
    ]
    return render_template("account/devices.html", devices=rows)


@bp.post("/devices/<int:session_id>/sign-out")
@login_required
def sign_out_device(session_id: int):
    try:
        sessions.revoke_device(current_user._get_current_object(), session_id)
    except ServiceError as problem:
        flash(str(problem), "error")
    else:
        flash("That device has been signed out.", "success")
    return redirect(url_for("account.devices"))


@bp.post("/devices/sign-out-others")
@login_required
def sign_out_other_devices():
    ended = sessions.revoke_other_sessions(current_user._get_current_object())
    flash(
        f"Signed out {ended} other device{'s' if ended != 1 else ''}."
        if ended
        else "No other device was signed in.",
        "success",
    )
    return redirect(url_for("account.devices"))
