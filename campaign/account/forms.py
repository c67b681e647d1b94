from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired

from ..web.forms import NewPasswordForm


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(
        "Current password", validators=[DataRequired("Enter your current password.")]
    )


class CloseAccountForm(FlaskForm):
    password = PasswordField("Your password", validators=[DataRequired("Enter your password to confirm.")])
    understood = BooleanField(
        "I understand that closing my account cannot be undone",
        validators=[DataRequired("Confirm that you understand this cannot be undone.")],
    )


class ListingForm(FlaskForm):
    listed = BooleanField("Show my name in the public list of members")


CHOICE_LABELS = {
    "immediately": "Email me straight away",
    "digest": "Put it in one email a day",
    "off": "Do not email me about this",
}


class NotificationsForm(FlaskForm):
    """One radio group per kind of notification the person may receive: built for them by ``for_kinds``."""

    @classmethod
    def for_kinds(cls, kinds, current: dict[str, str]) -> NotificationsForm:
        form_class = type("PersonNotificationsForm", (cls,), {})
        for kind in kinds:
            setattr(
                form_class,
                kind.key,
                RadioField(
                    kind.label,
                    choices=[SelectChoice(choice, CHOICE_LABELS[choice]) for choice in kind.choices],
                    default=current.get(kind.key, kind.default),
                    validators=[InputRequired(f"Choose how to be told: {kind.label.lower()}.")],
                ),
            )
        return form_class()
