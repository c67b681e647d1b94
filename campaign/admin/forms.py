from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length

from ..models import Role


class InviteUserForm(FlaskForm):
    name = StringField("Full name", validators=[DataRequired("Enter the person's name."), Length(max=200)])
    email = EmailField(
        "Email address",
        validators=[
            DataRequired("Enter their email address."),
            Email("Enter an email address in the correct format, like name@example.com."),
            Length(max=320),
        ],
    )
    role = SelectField("Role", choices=[SelectChoice(r.value, r.value.capitalize()) for r in Role])
