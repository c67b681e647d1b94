"""Development delivery: messages are stored and listed at /dev/outbox so a newcomer can click links."""

from __future__ import annotations

import json

from ..extensions import db
from ..models import OutboxMessage
from . import Mailer, OutgoingMessage


class OutboxMailer(Mailer):
    name = "outbox"

    def send(self, message: OutgoingMessage) -> str:
        stored = OutboxMessage(
            from_address=message.sender,
            to_address=message.to,
            subject=message.subject,
            text_body=message.text,
            html_body=message.html,
            headers=json.dumps(message.headers),
        )
        db.session.add(stored)
        db.session.flush()
        return f"outbox-{stored.public_id}"
