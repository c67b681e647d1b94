from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length

from ..models import Frequency, GiftAidCover
from ..services.donations.giving import UPDATES_WORDING


class DonateForm(FlaskForm):
    frequency = RadioField(
        "How often?",
        default=Frequency.ONE_OFF,
        choices=[
            SelectChoice(Frequency.ONE_OFF, "Give once"),
            SelectChoice(Frequency.MONTHLY, "Give monthly"),
        ],
        validators=[InputRequired("Choose whether to give once or monthly.")],
    )
    amount = RadioField("How much?", validators=[InputRequired("Choose an amount, or enter your own.")])
    other_amount = StringField("Other amount, in pounds", validators=[Length(max=20)])
    name = StringField(
        "Your full name",
        validators=[
            DataRequired("Enter your name."),
            Length(max=200, message="Your name must be 200 characters or fewer."),
        ],
    )
    email = EmailField(
        "Your email address",
        validators=[
            DataRequired("Enter your email address, so we can send your receipt."),
            Email("Enter an email address in the correct format, like name@example.com."),
            Length(max=254, message="Email address must be 254 characters or fewer."),
        ],
    )
    dedication = SelectField("What is it for?", validate_choice=False)
    opt_in = BooleanField(UPDATES_WORDING)
    gift_aid = BooleanField("Yes, I am a UK taxpayer and want to Gift Aid my donation")
    gift_aid_title = StringField(
        "Title (optional)", validators=[Length(max=4, message="Up to 4 letters, like Mrs.")]
    )
    gift_aid_first_name = StringField("First name", validators=[Length(max=35)])
    gift_aid_last_name = StringField("Last name", validators=[Length(max=35)])
    gift_aid_house = StringField("House name or number", validators=[Length(max=40)])
    gift_aid_address = StringField("Street and town", validators=[Length(max=300)])
    gift_aid_postcode = StringField("Postcode", validators=[Length(max=10)])
    gift_aid_covers = RadioField(
        "Which donations does this cover?",
        default=GiftAidCover.ENDURING,
        choices=[SelectChoice(value, label) for value, label in GiftAidCover.LABELS.items()],
    )
    form_nonce = HiddenField()


class ConfirmForm(FlaskForm):
    """A button that changes something (cancel, withdraw Gift Aid, open the card page)."""
