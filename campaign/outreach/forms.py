from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..services.petitions.regions import REGIONS
from ..web.forms import MultiCheckboxField


class CampaignForm(FlaskForm):
    subject = StringField("Subject", validators=[DataRequired("Enter a subject."), Length(max=200)])
    preheader = StringField("Preheader", validators=[Length(max=200)])
    body = TextAreaField("Message", validators=[DataRequired("Write the message.")])
    petitions = MultiCheckboxField(
        "Signers of these petitions (who asked for updates)", coerce=int, validators=[Optional()]
    )
    regions = MultiCheckboxField(
        "Only signers in these regions (leave empty for everywhere)",
        choices=[SelectChoice(code, name) for code, (name, _nation) in REGIONS.items()],
        validators=[Optional()],
    )
    signed_from = DateField("Signed on or after", validators=[Optional()])
    signed_to = DateField("Signed before", validators=[Optional()])
    members = BooleanField("The coalition's members (organisations' people and individual members)")
    donors = BooleanField("Donors who asked for updates")
    track_engagement = BooleanField(
        "Count opens (a tracking pixel) and who followed which link, person by person, for this update"
    )
    # A subject-line test (services/outreach/subject_test); its words are in outreach/_subject_test_fields.html.
    subject_b = StringField("Second subject to try (optional)", validators=[Optional(), Length(max=200)])
    test_percent = IntegerField(
        "Share of the audience that tries the two subjects, in per cent",
        validators=[Optional(), NumberRange(min=10, max=50, message="Choose a sample of 10%% to 50%%.")],
    )
    test_wait_hours = IntegerField(
        "Hours to wait before the better subject goes to everyone else",
        validators=[Optional(), NumberRange(min=1, max=24, message="Choose a wait of 1 to 24 hours.")],
    )
    test_criterion = RadioField(
        "Pick the better subject by",
        choices=[
            SelectChoice("clicks", "Clicks on the links in it"),
            SelectChoice("opens", "Opens (only when opens are tracked, above)"),
        ],
        default="clicks",
        validate_choice=False,  # checked by the service, beside the field
    )
    send_rate = IntegerField(
        "Send at most this many an hour (optional)",
        validators=[Optional(), NumberRange(min=100, message="A sending rate must be at least 100 an hour.")],
    )


class TestSendForm(FlaskForm):
    addresses = StringField("Send a test to", validators=[DataRequired("Enter at least one address.")])
    # The recipient the preview is showing (their address, and their place on the list): the test is their
    # message.
    n = HiddenField()
    recipient = HiddenField()


class PreviewFindForm(FlaskForm):
    """Choose whose message the preview shows (a GET form: nothing changes, so no CSRF token)."""

    class Meta:
        csrf = False

    find = StringField("Find a recipient by email address", validators=[Length(max=320)])


class ScheduleForm(FlaskForm):
    when = DateTimeLocalField(
        "Send at", format="%Y-%m-%dT%H:%M", validators=[DataRequired("Enter the date and time to send it.")]
    )


class ActionForm(FlaskForm):
    pass


class UncertainForm(FlaskForm):
    """What to do about batches whose outcome is unknown; the choices' words, with their numbers, are the
    page's (outreach/show.html)."""

    choice = RadioField(
        "What should happen now?",
        choices=[
            SelectChoice("resend", "Resume"),
            SelectChoice("skip", "Skip them"),
            SelectChoice("cancel", "Cancel"),
        ],
        validators=[DataRequired("Choose what should happen to the batches whose outcome is unknown.")],
    )
    # How many people the page said were in those batches: if it has changed since, the choice is refused.
    people = HiddenField()


class BlockForm(FlaskForm):
    email = StringField(
        "Email address", validators=[DataRequired("Enter an email address."), Length(max=320)]
    )
    note = StringField("Why (optional)", validators=[Length(max=300)])


class PreferencesForm(FlaskForm):
    everything_off = BooleanField("Unsubscribe me from all emails from the coalition")
