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

    def send_bulk(self, body: dict) -> str:
        """Store what each recipient would receive, substitutions applied, as SendGrid would."""
        text = next(c["value"] for c in body["content"] if c["type"] == "text/plain")
        html = next(c["value"] for c in body["content"] if c["type"] == "text/html")
        sender = body["from"]
        from_address = f"{sender.get('name', '')} <{sender['email']}>".strip()
        ids = []
        for personalization in body["personalizations"]:
            subs = personalization.get("substitutions", {})

            def fill(value: str, subs=subs) -> str:
                for key, replacement in subs.items():
                    value = value.replace(key, replacement)
                return value

            ids.append(self.send(OutgoingMessage(
                to=personalization["to"][0]["email"], subject=fill(personalization.get("subject", body["subject"])),
                text=fill(text), html=fill(html), sender=from_address,
                headers={**body.get("headers", {}), **personalization.get("headers", {})})))
        return ids[0] if ids else ""
