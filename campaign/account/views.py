from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required, login_user

from ..auth.forms import ChangePasswordForm
from ..services import accounts
from ..services.errors import ServiceError
from . import bp


@bp.get("/")
@login_required
def dashboard():
    return render_template("account/dashboard.html")


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
            form.current_password.errors.append(str(problem))
        else:
            # The session token changed: sign this session in again with the new one; others are now invalid.
            login_user(user)
            flash("Your password has been changed. Any other devices have been signed out.", "success")
            return redirect(url_for("account.dashboard"))
    return render_template("account/change_password.html", form=form), 400 if form.errors else 200
