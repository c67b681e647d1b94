from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..services.coalition.pages import SLUG_MAX


class PageForm(FlaskForm):
    """A coalition page. The view sets ``kind.choices``, and removes ``kind`` and ``slug`` for the about page."""

    # The service explains a refused kind (a second about page) better than "Not a valid choice".
    kind = RadioField(
        "What kind of page is it?",
        choices=[],
        validate_choice=False,
        validators=[DataRequired("Choose what kind of page this is.")],
    )
    title = StringField(
        "Title",
        validators=[
            DataRequired("Enter a title."),
            Length(max=200, message="The title must be 200 characters or fewer."),
        ],
    )
    slug = StringField(
        "Web address",
        validators=[
            Optional(),
            Length(max=SLUG_MAX, message=f"The web address must be {SLUG_MAX} characters or fewer."),
        ],
    )
    summary = TextAreaField(
        "Summary",
        validators=[
            DataRequired("Write a short summary."),
            Length(max=500, message="The summary must be 500 characters or fewer."),
        ],
    )
    body = TextAreaField(
        "Page text",
        validators=[
            DataRequired("Write the page."),
            Length(max=50_000, message="The page text must be 50,000 characters or fewer."),
        ],
    )
    loaded_updated_at = HiddenField()
