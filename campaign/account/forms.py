from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField
from wtforms.validators import DataRequired

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
