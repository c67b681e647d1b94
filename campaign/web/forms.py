"""Form pieces more than one feature uses: a list of checkboxes, and choosing a new password."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectMultipleField
from wtforms.validators import DataRequired, EqualTo, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..services.accounts.users import password_problem


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _strong_enough(form, field):
    problem = password_problem(field.data or "", getattr(form, "_email", ""))
    if problem:
        raise ValidationError(problem)


class NewPasswordForm(FlaskForm):
    """A new password, twice. The view sets ``form._email`` so the password is not judged on its own."""

    password = PasswordField(
        "New password", validators=[DataRequired("Enter a new password."), _strong_enough]
    )
    confirm = PasswordField(
        "Confirm new password",
        validators=[
            DataRequired("Enter the new password again."),
            EqualTo("password", "The two passwords do not match."),
        ],
    )
