from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, PasswordField, RadioField, StringField, TextAreaField, URLField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, ValidationError

from ..services.coalition.membership import CONSENT_WORDING
from ..web.forms import MultiCheckboxField, web_address

EMAIL = [
    DataRequired("Enter an email address."),
    Email("Enter an email address in the correct format, like name@example.com."),
    Length(max=320, message="Email address must be 320 characters or fewer."),
]


class JoinForm(FlaskForm):
    kind = RadioField(
        "How are you joining?",
        choices=[
            SelectChoice("organisation", "As an organisation"),
            SelectChoice("individual", "As an individual"),
        ],
        validators=[InputRequired("Say whether you are joining as an organisation or as yourself.")],
    )
    organisation_name = StringField(
        "Organisation's name",
        validators=[Length(max=200, message="The name must be 200 characters or fewer.")],
    )
    website = URLField("Organisation's website", validators=[Optional(), web_address])
    contact_name = StringField(
        "Your name",
        validators=[
            DataRequired("Enter your name."),
            Length(max=200, message="Your name must be 200 characters or fewer."),
        ],
    )
    email = EmailField("Your email address", validators=EMAIL)
    statement = TextAreaField(
        "Why do you support the coalition's aims?",
        validators=[
            DataRequired("Tell us why you support the coalition's aims."),
            Length(max=3000, message="Please keep this to 3,000 characters or fewer."),
        ],
    )
    listed = BooleanField("Show my name in the public list of members")
    consent = BooleanField(
        CONSENT_WORDING,
        validators=[DataRequired("You need to agree to this so that we can consider your application.")],
    )

    def validate_organisation_name(self, field):
        if self.kind.data == "organisation" and not (field.data or "").strip():
            raise ValidationError("Enter your organisation's name.")


class DecisionForm(FlaskForm):
    decision = RadioField(
        "Decision",
        choices=[SelectChoice("approve", "Approve: welcome them"), SelectChoice("decline", "Decline")],
        validators=[InputRequired("Choose whether to approve or decline.")],
    )
    message = TextAreaField("Message to the applicant", validators=[Length(max=3000)])


class AccountHolderForm(FlaskForm):
    """The holder of an existing account answering an application made with their address: two buttons."""

    answer = RadioField(
        "Your answer",
        choices=[SelectChoice("confirm", "Confirm"), SelectChoice("decline", "Decline")],
        validators=[InputRequired("Choose Confirm or Decline.")],
    )


class OrganisationForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired("Enter the organisation's name."), Length(max=200)])
    description = TextAreaField(
        "About the organisation",
        validators=[Length(max=2000, message="Please keep this to 2,000 characters or fewer.")],
    )
    website = URLField("Website", validators=[Optional(), web_address])
    listed = BooleanField("Show the organisation in the public member directory")
    petitions = MultiCheckboxField("Petitions you support", coerce=int, validators=[Optional()])
    stories = MultiCheckboxField("Stories you support", coerce=int, validators=[Optional()])


class LogoForm(FlaskForm):
    logo = FileField("Logo")


class InviteForm(FlaskForm):
    email = EmailField("Their email address", validators=EMAIL)


class AcceptForm(FlaskForm):
    name = StringField("Your name", validators=[Length(max=200)])
    password = PasswordField("Choose a password", validators=[Length(max=256)])


class PersonForm(FlaskForm):
    pass
