from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    EmailField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from ..services.petitions.regions import normalise_postcode
from ..services.petitions.signing import UPDATES_WORDING

EMAIL_VALIDATORS = [
    DataRequired("Enter your email address."),
    Email("Enter an email address in the correct format, like name@example.com."),
    Length(max=320, message="Email address must be 320 characters or fewer."),
]


class SignatureForm(FlaskForm):
    name = StringField(
        "Full name",
        validators=[
            DataRequired("Enter your name."),
            Length(max=200, message="Name must be 200 characters or fewer."),
        ],
    )
    email = EmailField("Email address", validators=EMAIL_VALIDATORS)
    location = RadioField(
        "Where do you live?",
        default="uk",
        choices=[SelectChoice("uk", "In the UK"), SelectChoice("abroad", "Outside the UK")],
        validators=[DataRequired("Say whether you live in the UK.")],
    )
    postcode = StringField("Postcode", validators=[Length(max=10)])
    country = StringField(
        "Country", validators=[Length(max=60, message="Country must be 60 characters or fewer.")]
    )
    uk_confirmed = BooleanField("I am a British citizen or UK resident")
    opt_in = BooleanField(UPDATES_WORDING)

    def __init__(self, *args, requires_uk: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.requires_uk = requires_uk

    def validate_postcode(self, field):
        if self.location.data == "uk":
            if not (field.data or "").strip():
                raise ValidationError("Enter your postcode.")
            if normalise_postcode(field.data) is None:
                raise ValidationError("Enter a real UK postcode, like SW1A 1AA.")

    def validate_country(self, field):
        if self.location.data == "abroad" and not (field.data or "").strip():
            raise ValidationError("Enter the country you live in.")

    def validate_uk_confirmed(self, field):
        if self.requires_uk and not field.data:
            raise ValidationError("Only British citizens and UK residents can sign this petition.")


class ResendForm(FlaskForm):
    email = EmailField("Email address", validators=EMAIL_VALIDATORS)


def _milestones(form, field):
    data = field.data
    if isinstance(data, list | tuple):
        # The edit form starts from the petition, whose milestones are a list; a post that leaves the
        # field out keeps that list rather than a string.
        data = " ".join(str(value) for value in data)
    raw = (data or "").replace(",", " ").split()
    try:
        values = [int(x) for x in raw]
    except ValueError:
        raise ValidationError("Write milestones as whole numbers, like 50000 100000.") from None
    if any(v <= 0 or v > 50_000_000 for v in values):
        raise ValidationError("Milestones must be between 1 and 50,000,000.")
    field.parsed = sorted(set(values))


class PetitionForm(FlaskForm):
    title = StringField(
        "Title",
        validators=[
            DataRequired("Enter a title."),
            Length(max=150, message="Title must be 150 characters or fewer."),
        ],
    )
    action = TextAreaField(
        "What do you want to happen?",
        validators=[
            DataRequired("Say what the petition asks for."),
            Length(max=500, message="Keep what it asks for to 500 characters or fewer."),
        ],
    )
    background = TextAreaField(
        "Why does it matter?",
        validators=[
            DataRequired("Say why it matters."),
            Length(max=1500, message="Use 1,500 characters or fewer."),
        ],
    )
    details = TextAreaField(
        "More details (optional)",
        validators=[Optional(), Length(max=4000, message="Use 4,000 characters or fewer.")],
    )
    target = IntegerField(
        "Signature target",
        default=10_000,
        validators=[
            InputRequired("Enter a target, like 10000."),
            NumberRange(min=10, max=50_000_000, message="The target must be between 10 and 50,000,000."),
        ],
    )
    milestones = StringField("Milestones (optional)", validators=[_milestones])
    duration_days = SelectField(
        "How long should it stay open?",
        default="182",
        choices=[
            SelectChoice("30", "1 month"),
            SelectChoice("91", "3 months"),
            SelectChoice("182", "6 months"),
            SelectChoice("365", "12 months"),
        ],
    )
    requires_uk = BooleanField("Only British citizens and UK residents may sign")
    parliament_petition_id = IntegerField(
        "Linked petition on the Parliament site (optional)",
        validators=[
            Optional(),
            NumberRange(min=1, max=99_999_999, message="Enter the number from the petition's address."),
        ],
    )
    for_organisation = BooleanField("Start it on behalf of my organisation")


class ModerationForm(FlaskForm):
    decision = RadioField(
        "Decision",
        choices=[
            SelectChoice("approve", "Approve and open it for signatures"),
            SelectChoice("changes", "Send it back for changes"),
            SelectChoice("reject", "Reject it"),
        ],
        validators=[DataRequired("Choose what to do with this petition.")],
    )
    rejection_code = SelectField("Reason for rejecting", choices=[], validate_choice=False)
    details = TextAreaField("Explanation", validators=[Optional(), Length(max=2000)])


class ReasonForm(FlaskForm):
    reason = TextAreaField(
        "Reason",
        validators=[DataRequired("Give a reason; it is recorded in the petition's log."), Length(max=2000)],
    )


class UpdateForm(FlaskForm):
    title = StringField("Headline", validators=[DataRequired("Enter a headline."), Length(max=200)])
    body = TextAreaField("Update", validators=[DataRequired("Write the update."), Length(max=5000)])


class RejectionReasonForm(FlaskForm):
    code = StringField(
        "Code", validators=[DataRequired("Enter a short code, like out-of-scope."), Length(max=40)]
    )
    label = StringField("Label", validators=[DataRequired("Enter a label."), Length(max=120)])
    description = TextAreaField("What it means", validators=[Optional(), Length(max=1000)])
    hides_text = BooleanField("Hide the petition's wording from the public when rejected for this reason")


class PaperBatchForm(FlaskForm):
    count = IntegerField(
        "Number of paper signatures",
        validators=[
            InputRequired("Enter how many signatures were collected."),
            NumberRange(min=1, max=1_000_000, message="Enter a number between 1 and 1,000,000."),
        ],
    )
    note = StringField(
        "Where they came from",
        validators=[
            DataRequired("Say where these signatures came from, like “stall at the Leeds march, 3 May”."),
            Length(max=300),
        ],
    )


class PaperUploadForm(FlaskForm):
    file = FileField(
        "CSV file",
        validators=[
            FileRequired("Choose a CSV file to upload."),
            FileAllowed(["csv"], "Upload a .csv file: in a spreadsheet, use Save as, then CSV."),
        ],
    )


class InvalidateForm(FlaskForm):
    ip_address = StringField("Signed from this internet address", validators=[Optional(), Length(max=45)])
    email_domain = StringField(
        "With email addresses at this domain", validators=[Optional(), Length(max=255)]
    )
    since = DateTimeLocalField("Signed at or after (UTC)", validators=[Optional()])
    until = DateTimeLocalField("Signed before (UTC)", validators=[Optional()])
    expected = HiddenField()

    def validate_until(self, field):
        if field.data and self.since.data and field.data <= self.since.data:
            raise ValidationError("The end of the window must be after its start.")


class CorrectionForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Enter a title."), Length(max=150)])
    action = TextAreaField(
        "What it asks for", validators=[DataRequired("Say what it asks for."), Length(max=500)]
    )
    background = TextAreaField(
        "Why it matters", validators=[DataRequired("Say why it matters."), Length(max=1500)]
    )
    details = TextAreaField("More details", validators=[Optional(), Length(max=4000)])
    reason = TextAreaField(
        "Why is this correction needed?",
        validators=[DataRequired("Say why the correction is needed."), Length(max=1000)],
    )


class DecisionForm(FlaskForm):
    note = TextAreaField("Note (optional)", validators=[Optional(), Length(max=1000)])
