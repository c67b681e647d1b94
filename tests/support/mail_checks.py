"""Every email the suite sends, held to SendGrid's rules, whichever backend delivered it.

Mail sent through the ``sendgrid`` fake is refused there when SendGrid would refuse it. Mail delivered
by the development outbox (most tests) is turned back into the request the production SendGrid adapter
would send and checked with the same ``problems()``: the ``outbox`` fixture checks each message it
returns, and ``make_app`` checks whatever a test left in the outbox when it ends.
"""

from __future__ import annotations

import json

from campaign.mail import OutgoingMessage
from tests.support.fake_sendgrid import problems


def sendgrid_body(message: OutgoingMessage) -> dict:
    """The v3 /mail/send body the production SendGrid adapter builds for ``message``. The one place the
    tests call the adapter's builder: when it moves or is renamed, repoint this import."""
    from campaign.mail.sendgrid import mail_send_body

    return mail_send_body(message)


def stored_message(row) -> OutgoingMessage:
    """An outbox row (ORM object or plain row) as the message that was handed to the mailer. The outbox
    keeps no categories or custom args, so those rules are checked only on mail sent through the fake."""
    return OutgoingMessage(
        to=row.to_address,
        subject=row.subject,
        text=row.text_body,
        html=row.html_body,
        sender=row.from_address,
        headers=json.loads(row.headers or "{}"),
    )


def refusals(rows) -> dict[str, list[str]]:
    """For each outbox row SendGrid would refuse, ``"<to> <subject>"`` -> what it would say."""
    found = {}
    for row in rows:
        listed = problems(sendgrid_body(stored_message(row)))
        if listed:
            found[f"{row.to_address} {row.subject!r}"] = listed
    return found


def assert_sendgrid_would_accept(rows) -> None:
    refused = refusals(rows)
    assert not refused, f"SendGrid would refuse these emails: {refused}"
