from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..auth.forms import ChangePasswordForm
from ..services import accounts
from ..services.errors import ServiceError, attach_to_form
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
            attach_to_form(form, problem)
        else:
            flash("Your password has been changed. Any other devices have been signed out.", "success")
            return redirect(url_for("account.dashboard"))
    return render_template("account/change_password.html", form=form), 400 if form.errors else 200
