"""The SendGrid fake's rules (``problems``), and the check every email in the suite goes through: a
message SendGrid would refuse fails it, through the production adapter's request body."""

from __future__ import annotations

import json
from dataclasses import replace
from types import SimpleNamespace

import pytest

from campaign.mail import OutgoingMessage
from tests.support.fake_sendgrid import problems
from tests.support.mail_checks import assert_sendgrid_would_accept, refusals, sendgrid_body

OK = {
    "personalizations": [{"to": [{"email": "a@example.org"}]}],
    "from": {"email": "x@example.org"},
    "subject": "s",
    "content": [{"type": "text/plain", "value": "t"}],
}
GOOD = OutgoingMessage(
    to="mary@example.org",
    subject="Reset your password",
    text="Follow the link.",
    html="<p>Follow the link.</p>",
    sender="Support Not Separation <hello@example.org>",
    headers={"List-Unsubscribe": "<http://localhost/unsubscribe/x>"},
    custom_args={"email_id": "abc", "kind": "password_reset"},
    categories=("password_reset",),
)


def test_the_fake_refuses_what_sendgrid_refuses():
    ok = {
        "personalizations": [{"to": [{"email": "a@example.org"}]}],
        "from": {"email": "x@example.org"},
        "subject": "s",
        "content": [{"type": "text/plain", "value": "t"}],
    }
    assert problems(ok) == []
    too_many = {**ok, "personalizations": [{"to": [{"email": f"a{i}@example.org"}]} for i in range(1001)]}
    assert "at most 1000" in problems(too_many)[0]
    dup = {
        **ok,
        "personalizations": [{"to": [{"email": "a@example.org"}]}, {"to": [{"email": "A@example.org"}]}],
    }
    assert "unique" in problems(dup)[0]


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"subject": ""}, "subject is required"),
        (
            {"subject": None, "personalizations": [{"to": [{"email": "a@example.org"}], "subject": "Hi"}]},
            None,
        ),
        ({"personalizations": [{"to": []}]}, "personalizations[0].to is required"),
        (
            {"personalizations": [{"to": [{"email": "a@example.org", "name": "Smith, Jo"}]}]},
            "may not contain",
        ),
        (
            {
                "personalizations": [
                    {
                        "to": [{"email": "a@example.org"}],
                        "cc": [{"email": f"c{i}@example.org"} for i in range(1000)],
                    }
                ]
            },
            "at most 1000 recipients",
        ),
        ({"content": [{"type": "text/plain", "value": ""}]}, "content[0].value may not be empty"),
        ({"content": [{"type": "", "value": "t"}]}, "content[0].type may not be empty"),
        (
            {"content": [{"type": "text/html", "value": "<p>h</p>"}, {"type": "text/plain", "value": "t"}]},
            "text/plain must come first",
        ),
        (
            {
                "content": [
                    {"type": "text/plain", "value": "t"},
                    {"type": "text/calendar", "value": "c"},
                    {"type": "text/html", "value": "<p>h</p>"},
                ]
            },
            "text/plain must come first",
        ),
        ({"content": [{"type": "text/html", "value": "<p>h</p>"}]}, None),
        ({"headers": {"Reply-To": "x@example.org"}}, "reserved header Reply-To"),
        ({"headers": {"x-sg-id": "1"}}, "reserved header x-sg-id"),
        ({"headers": {"X-Entity-Ref-ID": 7}}, "must be a string"),
        (
            {"personalizations": [{"to": [{"email": "a@example.org"}], "headers": {"Subject": "x"}}]},
            "personalizations[0].headers may not set the reserved header Subject",
        ),
        ({"categories": [f"c{i}" for i in range(11)]}, "at most 10 items"),
        ({"categories": [f"c{i}" for i in range(10)]}, None),
        ({"categories": ["x" * 256]}, "at most 255 characters"),
        ({"categories": ["a", "a"]}, "categories must be unique"),
        ({"custom_args": {"email_id": 12}}, "custom_args['email_id'] must be a string"),
        (
            {"personalizations": [{"to": [{"email": "a@example.org"}], "custom_args": {"n": 1}}]},
            "personalizations[0].custom_args['n'] must be a string",
        ),
        (
            {"personalizations": [{"to": [{"email": "a@example.org"}], "custom_args": {"k": "v" * 10_000}}]},
            "custom_args may total at most 10,000 bytes",
        ),
    ],
)
def test_each_documented_rule_refuses_what_breaks_it(change, expected):
    body = {**OK, **change}
    found = problems(body)
    if expected is None:
        assert found == []
    else:
        assert any(expected in message for message in found), found


def test_the_production_request_for_a_good_message_passes():
    body = sendgrid_body(GOOD)
    assert body["subject"] == "Reset your password" and body["categories"] == ["password_reset"]
    assert problems(body) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"subject": ""}, "subject is required"),
        ({"text": ""}, "content[0].value may not be empty"),
        ({"html": ""}, "content[1].value may not be empty"),
        ({"headers": {"Reply-To": "someone@example.org"}}, "reserved header Reply-To"),
        ({"categories": tuple(f"kind{i}" for i in range(11))}, "at most 10 items"),
        ({"categories": ("k" * 256,)}, "at most 255 characters"),
    ],
)
def test_a_message_sendgrid_would_refuse_fails_the_check(change, expected):
    bad = replace(GOOD, **change)
    assert any(expected in message for message in problems(sendgrid_body(bad)))


def _row(message: OutgoingMessage):
    """A message as the development outbox stores it."""
    return SimpleNamespace(
        to_address=message.to,
        subject=message.subject,
        text_body=message.text,
        html_body=message.html,
        from_address=message.sender,
        headers=json.dumps(message.headers),
    )


def test_the_outbox_check_passes_good_mail_and_fails_mail_sendgrid_would_refuse():
    assert_sendgrid_would_accept([_row(GOOD)])
    refused = [
        _row(replace(GOOD, to="b@example.org", subject="")),
        _row(replace(GOOD, to="c@example.org", headers={"CC": "boss@example.org"})),
    ]
    assert refusals([_row(GOOD), *refused]) == {
        "b@example.org ''": ["subject is required"],
        "c@example.org 'Reset your password'": ["headers may not set the reserved header CC"],
    }
    with pytest.raises(AssertionError, match="SendGrid would refuse these emails"):
        assert_sendgrid_would_accept(refused)
