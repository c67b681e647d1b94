from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, ValidationError

from ..services.stories.complaints import COMPLAINT_CATEGORIES
from ..services.stories.moderation import CHECKLIST
from ..services.stories.storyteller import (
    CONSENT_OPTIONS,
    CONSENT_WORDING,
    PROCEEDINGS,
    WITHDRAWAL_REASONS,
    body_problem,
)
from ..web.forms import MultiCheckboxField


class StoryForm(FlaskForm):
    title = StringField(
        "A title for your story",
        validators=[
            DataRequired("Give your story a title."),
            Length(max=120, message="The title must be 120 characters or fewer."),
        ],
    )
    body = TextAreaField("Your story", validators=[DataRequired("Write your story.")])
    pen_name = StringField(
        "The name to show with your story",
        validators=[
            DataRequired("Enter a name to show with your story."),
            Length(max=60, message="The name must be 60 characters or fewer."),
        ],
    )
    contact_email = EmailField(
        "Your email address",
        validators=[
            DataRequired(
                "Enter your email address, so that you can approve your story before it is published."
            ),
            Email("Enter an email address in the correct format, like name@example.com."),
            Length(max=320, message="Email address must be 320 characters or fewer."),
        ],
    )
    proceedings_ongoing = RadioField(
        "Are family court proceedings about your child still going on?",
        choices=[SelectChoice(k, v) for k, v in PROCEEDINGS.items()],
        validators=[InputRequired("Say whether court proceedings are still going on.")],
    )
    petitions = MultiCheckboxField(
        "Which petitions does your story support?", coerce=int, validators=[Optional()]
    )
    consent = BooleanField(
        CONSENT_WORDING,
        validators=[DataRequired("You need to agree to this before we can consider your story.")],
    )
    quote_in_emails = BooleanField(CONSENT_OPTIONS["quote_in_emails"])
    share_with_members = BooleanField(CONSENT_OPTIONS["share_with_members"])
    # Carried from "Check my story" to sending: how many details it showed, and the words it checked.
    check_shown = HiddenField()
    check_hash = HiddenField()

    def validate_body(self, field):
        # The words limit (counted as a reader counts them) and the size limit, beside the text box.
        problem = body_problem(field.data or "")
        if problem:
            raise ValidationError(problem)


class ClearDeviceForm(FlaskForm):
    """A button alone ("Clear this device", "Open a copy here"): the CSRF token is all it carries."""


class ApprovalForm(FlaskForm):
    shown_hash = HiddenField()


class ChangesForm(FlaskForm):
    shown_hash = HiddenField()
    message = TextAreaField(
        "What would you like changed?",
        validators=[
            DataRequired("Tell us what you would like changed."),
            Length(max=5000, message="Please keep this to 5,000 characters or fewer."),
        ],
    )


class WithdrawForm(FlaskForm):
    reason = RadioField(
        "Why are you withdrawing your story?",
        choices=[SelectChoice(k, v) for k, v in WITHDRAWAL_REASONS.items()],
        validators=[InputRequired("Choose why you are withdrawing your story.")],
    )
    note = TextAreaField(
        "Anything you would like us to know (optional)",
        validators=[Length(max=2000, message="Please keep this to 2,000 characters or fewer.")],
    )


class ComplaintForm(FlaskForm):
    category = RadioField(
        "What is the problem?",
        choices=[SelectChoice(k, v) for k, v in COMPLAINT_CATEGORIES.items()],
        validators=[InputRequired("Choose what the problem is.")],
    )
    details = TextAreaField(
        "Tell us more",
        validators=[Length(max=5000, message="Please keep this to 5,000 characters or fewer.")],
    )
    contact_email = EmailField(
        "Your email address (optional, if you would like a reply)",
        validators=[
            Optional(),
            Email("Enter an email address in the correct format, like name@example.com."),
            Length(max=320),
        ],
    )


class RedactionForm(FlaskForm):
    loaded_hash = HiddenField()
    title = StringField("Title", validators=[DataRequired("Enter a title."), Length(max=300)])
    pen_name = StringField("Pen name", validators=[DataRequired("Enter a pen name."), Length(max=120)])
    body = TextAreaField("Text", validators=[DataRequired("The story cannot be empty.")])


class SendForm(FlaskForm):
    loaded_hash = HiddenField()
    checklist = MultiCheckboxField(
        "Before sending, I have checked that there is:",
        choices=[SelectChoice(k, v) for k, v in CHECKLIST.items()],
    )


class ReasonForm(FlaskForm):
    reason = TextAreaField("Reason", validators=[DataRequired("Give a reason."), Length(max=5000)])


class PublishForm(FlaskForm):
    pass
