from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from ..services.accounts.users import password_problem


class SignInForm(FlaskForm):
    email = EmailField("Email address", validators=[
        DataRequired("Enter your email address."),
        Email("Enter an email address in the correct format, like name@example.com."),
        Length(max=320)])
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    remember = BooleanField("Keep me signed in on this device")


class ForgotPasswordForm(FlaskForm):
    email = EmailField("Email address", validators=[
        DataRequired("Enter your email address."),
        Email("Enter an email address in the correct format, like name@example.com."),
        Length(max=320)])


def _strong_enough(form, field):
    problem = password_problem(field.data or "", getattr(form, "_email", ""))
    if problem:
        raise ValidationError(problem)


class NewPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired("Enter a new password."), _strong_enough])
    confirm = PasswordField("Confirm new password", validators=[
        DataRequired("Enter the new password again."),
        EqualTo("password", "The two passwords do not match.")])


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField("Current password", validators=[DataRequired("Enter your current password.")])
