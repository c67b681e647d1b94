"""What each person is emailed about: their choice per kind of notification (straight away, once a day,
or off), for the kinds their role may receive."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..services import notifications
from ..services.errors import ServiceError, attach_to_form
from .blueprint import bp
from .forms import NotificationsForm


@bp.route("/notifications", methods=["GET", "POST"])
@login_required
def notifications_page():
    user = current_user._get_current_object()
    kinds = notifications.kinds_for(user)
    form = NotificationsForm.for_kinds(kinds, notifications.choices_for(user))
    error = None
    if form.validate_on_submit():
        try:
            notifications.save_choices(user, {kind.key: form[kind.key].data for kind in kinds})
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            flash("Saved. We will email you as you chose.", "success")
            return redirect(url_for("account.notifications_page"))
    return render_template("account/notifications.html", form=form, kinds=kinds, error=error), (
        400 if form.errors or error else 200
    )
