"""Properties of what turns hostile input into something safe (hypothesis): addresses, postcodes, website
addresses, names, CSV cells, the markdown and plain-text renderers, and signed tokens. Each holds for any
input, not just the examples someone thought of."""

from __future__ import annotations

import string
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from flask import Flask
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from campaign.services.addresses import email_key, normalise_email
from campaign.services.coalition.organisations import clean_website
from campaign.services.donations.gift_aid import hmrc_name
from campaign.services.errors import ServiceError
from campaign.services.exports import safe_cell
from campaign.services.petitions.regions import _POSTCODE, normalise_postcode, postcode_areas
from campaign.services.stories.storyteller import normalise_text
from campaign.services.tokens import SignedToken, TokenExpired, TokenInvalid
from campaign.text import ALLOWED_TAGS, render_markdown, render_plain_text

# Bounded and repeatable, so CI runs the same examples every time and no run is slow; the profile is this
# module's own, and tests/conftest.py's settings stay as they are.
settings.register_profile(
    "security-properties",
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROPERTY = settings(settings.get_profile("security-properties"))

HOSTILE_PREFIXES = [
    "javascript:",
    "JaVaScRiPt:",
    " javascript:",
    "java\tscript:",
    "java\nscript:",
    "\x00javascript:",
    "data:text/html,",
    "vbscript:",
    "javascript://",
    "//",
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "<script>",
    '"><img src=x onerror=',
]
hostile_text = st.one_of(
    st.text(),
    st.builds(lambda prefix, rest: prefix + rest, st.sampled_from(HOSTILE_PREFIXES), st.text()),
)


# Email addresses


@PROPERTY
@given(hostile_text)
def test_email_normalisation_is_idempotent_and_plain(email):
    normalised = normalise_email(email)
    assert normalise_email(normalised) == normalised
    assert normalised == normalised.strip() and normalised == normalised.lower()


@PROPERTY
@given(st.emails(), st.text(alphabet=string.ascii_letters + string.digits, max_size=12), st.text(" \t"))
def test_one_person_one_email_key(email, tag, spaces):
    local, _, domain = email.rpartition("@")
    tagged = f"{spaces}{local.upper()}+{tag}@{domain.upper()}{spaces}"
    assert email_key(tagged) == email_key(email) == email_key(email_key(email))
    assert email_key(email).endswith("@" + domain.lower())


# Postcodes

AREAS = sorted(postcode_areas())
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
valid_postcodes = st.builds(
    lambda area, district, sector, unit, gap: f"{area}{district}{gap}{sector}{unit}",
    st.sampled_from(AREAS),
    st.integers(1, 9).map(str),
    st.integers(0, 9).map(str),
    st.text(INWARD_LETTERS, min_size=2, max_size=2),
    st.sampled_from(["", " ", "  ", "\t"]),
)


@PROPERTY
@given(valid_postcodes, st.booleans())
def test_a_known_postcode_in_any_case_and_spacing_normalises_to_one_form(postcode, lower):
    typed = postcode.lower() if lower else postcode
    normalised = normalise_postcode(typed)
    assert normalised is not None, typed
    assert normalised == "".join(postcode.split())[:-3] + " " + "".join(postcode.split())[-3:]
    assert normalise_postcode(normalised) == normalised


@PROPERTY
@given(hostile_text)
def test_any_text_is_a_postcode_in_canonical_form_or_none(text):
    normalised = normalise_postcode(text)
    if normalised is not None:
        assert _POSTCODE.match(normalised.replace(" ", "")) and normalised.count(" ") == 1
        assert normalise_postcode(normalised) == normalised


# Website addresses (a member organisation's page links to it)


@PROPERTY
@given(hostile_text)
def test_a_website_is_refused_or_an_http_link_to_a_host(text):
    try:
        cleaned = clean_website(text)
    except ServiceError as refusal:
        assert refusal.field == "website"
        return
    if not cleaned:
        assert not text.strip()
        return
    parsed = urlparse(cleaned)
    assert parsed.scheme in ("http", "https"), cleaned
    assert "." in parsed.netloc
    assert not cleaned.lower().startswith(("javascript:", "data:", "vbscript:"))


@pytest.mark.parametrize("url", ["[", "http://[x", "www.example[.org"])
def test_a_bracket_in_a_website_is_refused_not_a_crash(url):
    with pytest.raises(ServiceError):
        clean_website(url)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "javascript://x.org/%0aalert(1)"]
)
def test_script_urls_are_not_websites(url):
    with pytest.raises(ServiceError):
        clean_website(url)


# Names


@PROPERTY
@given(hostile_text, st.integers(1, 40), st.booleans())
def test_a_name_for_hmrc_fits_and_has_no_stray_spaces(name, limit, surname):
    cleaned = hmrc_name(name, limit, surname)
    assert len(cleaned) <= limit
    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert not any(ch in cleaned for ch in "\t\r\n")
    if surname:
        assert "-" not in cleaned
    assert hmrc_name(cleaned, limit, surname) == cleaned


@PROPERTY
@given(hostile_text)
def test_story_text_normalises_once(text):
    assert normalise_text(normalise_text(text)) == normalise_text(text)
    assert "\r" not in normalise_text(text)


# CSV cells


@PROPERTY
@given(st.one_of(st.none(), hostile_text))
def test_no_cell_starts_a_formula_and_nothing_typed_is_lost(value):
    cell = safe_cell(value)
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert cell in (value or "", "'" + (value or ""))


# Rendering what people typed


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))


def _tags(html: str):
    parser = _Tags()
    parser.feed(html)
    return parser.seen


markdown_text = st.one_of(
    hostile_text,
    st.builds(
        lambda label, url: f"[{label}]({url}) ![{label}]({url}) <{url}>",
        st.text(max_size=10),
        st.builds(
            lambda prefix, rest: prefix + rest, st.sampled_from(HOSTILE_PREFIXES), st.text(max_size=20)
        ),
    ),
)


@PROPERTY
@given(markdown_text)
def test_markdown_keeps_only_allowed_tags_and_safe_links(text):
    for tag, attrs in _tags(str(render_markdown(text))):
        assert tag in ALLOWED_TAGS, (tag, text)
        for name, value in attrs:
            assert name in ("href", "title", "rel"), (tag, name, text)
            if name == "href":
                scheme = urlparse(value or "").scheme.lower()
                assert scheme in ("", "http", "https", "mailto"), (value, text)


@PROPERTY
@given(hostile_text)
def test_plain_text_makes_no_markup_of_its_own(text):
    assert {tag for tag, _ in _tags(str(render_plain_text(text)))} <= {"p", "br"}


# Signed tokens


@pytest.fixture(scope="module")
def app_context():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "a-secret-key-for-property-tests-0123456789"
    with app.app_context():
        yield


json_data = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(2**53), 2**53), st.text(max_size=20)),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=8,
)
purposes = st.sampled_from(["signature-confirmation", "password-reset", "storyteller", "donation-manage"])
TOKEN_ALPHABET = string.ascii_letters + string.digits + "-_."


@PROPERTY
@given(json_data, purposes, st.booleans())
def test_a_token_reads_back_what_it_was_made_with(app_context, data, purpose, expires):
    token = SignedToken(purpose, expires=expires)
    assert token.read(token.make(data), max_age=3600) == data


@PROPERTY
@given(json_data, purposes, st.booleans(), st.data())
def test_a_tampered_token_is_refused(app_context, data, purpose, expires, draw):
    token = SignedToken(purpose, expires=expires)
    made = token.make(data)
    at = draw.draw(st.integers(0, len(made) - 1), label="position")
    replacement = draw.draw(st.sampled_from(TOKEN_ALPHABET).filter(lambda ch: ch != made[at]))
    tampered = made[:at] + replacement + made[at + 1 :]
    try:
        read = token.read(tampered, max_age=3600)
    except TokenInvalid:
        return
    # Base64's last character carries spare bits that decoding ignores: such a change decodes to the very
    # same signed bytes, so it is the same token, never a forged one.
    assert read == data and at in _last_characters_of_parts(made), (made, tampered)


def _last_characters_of_parts(token: str) -> set[int]:
    ends, position = set(), 0
    for part in token.split("."):
        position += len(part)
        ends.add(position - 1)
        position += 1
    return ends


@PROPERTY
@given(json_data, purposes)
def test_an_expired_token_is_refused_as_expired(app_context, data, purpose):
    token = SignedToken(purpose)
    with pytest.raises(TokenExpired):
        token.read(token.make(data), max_age=-1)


@PROPERTY
@given(json_data, purposes, purposes, st.booleans())
def test_a_token_for_one_purpose_is_refused_for_another(app_context, data, made_for, read_for, expires):
    assume(made_for != read_for)
    made = SignedToken(made_for, expires=expires).make(data)
    with pytest.raises(TokenInvalid):
        SignedToken(read_for, expires=expires).read(made, max_age=3600)


@PROPERTY
@given(st.one_of(st.text(), st.text(TOKEN_ALPHABET)), purposes, st.booleans())
def test_any_string_is_refused_only_with_the_documented_errors(app_context, text, purpose, expires):
    with pytest.raises(TokenInvalid):
        SignedToken(purpose, expires=expires).read(text, max_age=3600)
