"""Development delivery: messages are stored and listed at /dev/outbox so a newcomer can click links."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial

from ..extensions import db
from ..models import OutboxMessage
from .messages import BulkMessage, OutgoingMessage


class OutboxMailer:
    name = "outbox"
    # It writes through the calling thread's database session: one thread at a time.
    concurrent = False

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

    def prepare_batch(self, message: BulkMessage) -> Callable[[], str]:
        return partial(self.send_batch, message)

    def send_batch(self, message: BulkMessage) -> str:
        """Store what each recipient would receive, their merge values filled in."""
        ids = [
            self.send(
                OutgoingMessage(
                    to=recipient.to,
                    subject=message.subject.fill(recipient.values),
                    text=message.text.fill(recipient.values),
                    html=message.html.fill(recipient.values),
                    sender=message.sender,
                    headers={**message.headers, **recipient.headers},
                )
            )
            for recipient in message.recipients
        ]
        return ids[0] if ids else ""
