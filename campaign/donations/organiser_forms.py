"""Organisers' forms for donations (the public donate form is in forms.py)."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, StringField
from wtforms.validators import Length


class DonationSettingsForm(FlaskForm):
    gift_aid_enabled = BooleanField("Offer Gift Aid on the donate form")
    charity_name = StringField("The charity's registered name", validators=[Length(max=200)])
    charity_number = StringField("Charity number (optional)", validators=[Length(max=40)])
    # Typed as text and parsed by the service, so what was typed is kept when it is refused.
    target = StringField("Fundraising target in pounds (optional)", validators=[Length(max=20)])
    target_label = StringField("What the target is for (optional)", validators=[Length(max=200)])


class RecordClaimForm(FlaskForm):
    expected = HiddenField()
