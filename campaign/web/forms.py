"""Form pieces more than one feature uses: a list of checkboxes, choosing a new password, and a website
address."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectMultipleField
from wtforms.validators import DataRequired, EqualTo, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..services.accounts.users import password_problem
from ..services.web_addresses import WebAddressProblem, normalise_web_address


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def web_address(form, field):
    """Every website field's validator: refuses what is not an http(s) address (the message goes next to
    the field, which keeps what was typed) and otherwise stores it normalised, so "example.org" becomes
    "https://example.org" rather than a link relative to our own site."""
    try:
        address = normalise_web_address(field.data)
    except WebAddressProblem as problem:
        raise ValidationError(str(problem)) from None
    field.data = address


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
