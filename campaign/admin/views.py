from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ..services.accounts import people
from ..services.errors import ServiceError
from ..web.security import permission_required
from .blueprint import bp
from .forms import InviteUserForm


@bp.route("/users", methods=["GET", "POST"])
@permission_required("manage_users")
def users():
    form = InviteUserForm()
    if form.validate_on_submit():
        try:
            user = people.invite_user(current_user, form.email.data, form.name.data, form.role.data)
        except ServiceError as problem:
            form.email.errors.append(str(problem))
        else:
            flash(
                f"{user.name} has been added as {user.role} and emailed a link to set a password.", "success"
            )
            return redirect(url_for("admin.users"))
    return render_template("admin/users.html", form=form, users=people.list_users(current_user)), (
        400 if form.errors else 200
    )
