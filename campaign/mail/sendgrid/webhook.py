"""SendGrid's signed Event Webhook: checking a post is SendGrid's, and reading its events as MailEvents.

SendGrid signs the timestamp header's text followed by the body's bytes, ECDSA P-256 with SHA-256, and
sends the base64 DER signature in a header beside the timestamp."""

from __future__ import annotations

import base64
import binascii
import json
import logging
import time
from collections.abc import Mapping

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from ..errors import MalformedEvents, WebhookRejected
from ..messages import EventType, MailEvent

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature"
TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp"
FUTURE_SKEW_SECONDS = 60
PROVIDER = "SendGrid"

# SendGrid's own fields of an event. Custom args arrive as top-level keys beside them: any other key is ours.
SENDGRID_FIELDS = frozenset({
    "email", "timestamp", "event", "sg_event_id", "sg_message_id", "smtp-id", "category", "type", "status",
    "reason", "response", "attempt", "useragent", "ip", "url", "url_offset", "tls", "cert_err", "asm_group_id",
    "marketing_campaign_id", "marketing_campaign_name", "marketing_campaign_version",
    "marketing_campaign_split_id", "pool", "sg_machine_open", "bounce_classification", "sg_template_id",
    "sg_template_name", "sg_content_type", "send_at", "post_type",
})  # fmt: skip


# Verification


def load_public_key(raw: str) -> ec.EllipticCurvePublicKey:
    """Load the verification key as SendGrid shows it (base64 DER SubjectPublicKeyInfo) or as a PEM block."""
    raw = (raw or "").strip()
    try:
        if raw.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(raw.encode())
        else:
            key = serialization.load_der_public_key(base64.b64decode("".join(raw.split()), validate=True))
    except (ValueError, binascii.Error, UnsupportedAlgorithm) as error:
        raise ValueError("not a base64 DER or PEM public key") from error
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
        raise ValueError("not an ECDSA P-256 public key")
    return key


def verify_signature(public_key: str, signature: str, timestamp: str, raw_body: bytes, max_age: int) -> None:
    """Raise WebhookRejected unless SendGrid signed exactly ``timestamp + raw_body`` recently. With no key
    configured every post is refused."""
    if not public_key:
        raise WebhookRejected("the Event Webhook verification key is not configured")
    if not signature or not timestamp:
        raise WebhookRejected("the signature or timestamp header is missing")
    try:
        sent_at = int(timestamp.strip())
    except ValueError:
        raise WebhookRejected("the timestamp is not a number of seconds") from None
    now = time.time()
    if sent_at < now - max_age:
        raise WebhookRejected("the timestamp is too old")
    if sent_at > now + FUTURE_SKEW_SECONDS:
        raise WebhookRejected("the timestamp is in the future")
    try:
        key = load_public_key(public_key)
    except ValueError as error:
        log.error("SENDGRID_WEBHOOK_PUBLIC_KEY cannot be used: %s", error)
        raise WebhookRejected("the configured verification key cannot be used") from None
    try:
        decoded = base64.b64decode(signature.strip(), validate=True)
        key.verify(decoded, timestamp.encode() + raw_body, ec.ECDSA(hashes.SHA256()))
    except (binascii.Error, ValueError, InvalidSignature):
        raise WebhookRejected("the signature does not match") from None


def verify_post(headers: Mapping[str, str], raw_body: bytes, public_key: str, max_age: int) -> None:
    """Check a post's signature headers against its exact body; raise WebhookRejected if they fail."""
    signature = headers.get(SIGNATURE_HEADER, "")
    timestamp = headers.get(TIMESTAMP_HEADER, "")
    verify_signature(public_key, signature, timestamp, raw_body, max_age)


# Reading events


def read_event(data: Mapping) -> MailEvent:
    """One event as SendGrid posted it (or as it was stored); a field it lacks is left empty."""
    kind, event_id, address, sent_at = (data.get(k) for k in ("event", "sg_event_id", "email", "timestamp"))
    kind = kind if isinstance(kind, str) else ""
    return MailEvent(
        event_id=event_id if isinstance(event_id, str) else "",
        type=kind,
        email=address if isinstance(address, str) else "",
        timestamp=sent_at if isinstance(sent_at, int) and not isinstance(sent_at, bool) else None,
        custom_args={k: v for k, v in data.items() if k not in SENDGRID_FIELDS},
        provider=PROVIDER,
        reason=" ".join(str(data.get(k, "")) for k in ("type", "status", "reason") if data.get(k)),
        # A "blocked" bounce is the receiving server refusing for now (an IP listed, say), not the address.
        soft=kind == EventType.BOUNCE and data.get("type") == "blocked",
        payload=dict(data),
    )


def parse_events(raw_body: bytes) -> list[MailEvent]:
    """The events of a verified post, in order. Entries that are not events (no id or no type) are left
    out; raises MalformedEvents if the body is not a JSON array."""
    try:
        events = json.loads(raw_body)
    except (ValueError, UnicodeDecodeError):
        raise MalformedEvents("the body is not JSON") from None
    except RecursionError:  # nesting deeper than the parser's recursion limit (about 1,000 levels)
        raise MalformedEvents("the body is nested too deeply") from None
    if not isinstance(events, list):
        raise MalformedEvents("the body is not a JSON array of events")
    return [
        read_event(event)
        for event in events
        if isinstance(event, dict)
        and isinstance(event.get("sg_event_id"), str)
        and isinstance(event.get("event"), str)
    ]
