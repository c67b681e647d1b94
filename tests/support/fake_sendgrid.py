"""A local stand-in for SendGrid's v3 /mail/send that enforces the real API's rules, so a request it
accepts is one SendGrid would accept: ``problems(body)`` lists what SendGrid would refuse, each rule
cited from SendGrid's documentation, and the fake answers 400 with them.

Tests queue special answers (429, 500, 400) with ``queue``; otherwise it answers 202 after ``delay``
seconds, as the benchmark's "SendGrid that answers after 300 ms". ``hold_next`` keeps the next request
without answering (accepted or not), for a test to kill the sender meanwhile; ``events`` reports what the
fake accepted the way SendGrid's Event Webhook does, and ``signed_post`` signs a post of them."""

from __future__ import annotations

import base64
import json
import re
import threading
import time
import uuid

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from tests.support.fake_http import FakeHTTPServer, FakeResponse, RecordedRequest

# Where the rules come from:
#   [schema]  the request body of POST /v3/mail/send,
#             https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send
#   [limits]  "Limitations", https://docs.sendgrid.com/api-reference/mail-send/limitations
#   [categories] "Working with Categories",
#             https://docs.sendgrid.com/for-developers/sending-email/categories/
#   [webhook] "Getting Started with the Event Webhook Security Features",
#             https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
MAX_PERSONALIZATIONS = 1000  # [schema] personalizations: maxItems 1000
MAX_RECIPIENTS = 1000  # [limits] "The total number of recipients must no more than 1000" (to, cc, bcc)
MAX_ARGS_BYTES = 10_000  # [schema] substitutions and custom_args "may not exceed 10,000 bytes"
MAX_CATEGORIES = 10  # [schema] categories: maxItems 10; [categories] "up to 10 categories per message"
MAX_CATEGORY = 255  # [schema] "Each category name may not exceed 255 characters"
# [schema] headers: "You may not overwrite the following headers: x-sg-id, x-sg-eid, received,
# dkim-signature, Content-Type, Content-Transfer-Encoding, To, From, Subject, Reply-To, CC, BCC"
RESERVED_HEADERS = {
    "x-sg-id", "x-sg-eid", "received", "dkim-signature", "content-type", "content-transfer-encoding",
    "to", "from", "subject", "reply-to", "cc", "bcc",
}  # fmt: skip


def _size(pairs: dict) -> int:
    return sum(len(str(k).encode()) + len(str(v).encode()) for k, v in pairs.items())


def _strings(pairs, where: str) -> list[str]:
    if not isinstance(pairs, dict):
        return [f"{where} must be an object"]
    return [f"{where}[{k!r}] must be a string" for k, v in pairs.items() if not isinstance(v, str)]


def _headers(headers, where: str) -> list[str]:
    # [schema] headers: "The key/value pairs must be strings" and none of the reserved names.
    found = _strings(headers, where)
    if isinstance(headers, dict):
        found += [
            f"{where} may not set the reserved header {name}"
            for name in headers
            if str(name).lower() in RESERVED_HEADERS
        ]
    return found


def problems(body: dict) -> list[str]:
    """What SendGrid would refuse in a /v3/mail/send request body; [] when it would accept it."""
    found = []
    personalizations = body.get("personalizations") or []
    if not personalizations:
        found.append("personalizations is required")  # [schema] required, minItems 1
    if len(personalizations) > MAX_PERSONALIZATIONS:
        found.append(f"personalizations may contain at most {MAX_PERSONALIZATIONS} items")
    seen = set()
    recipients = 0
    message_args = body.get("custom_args") or {}
    found += _strings(message_args, "custom_args")  # [schema] custom_args: "Key/value pairs must be strings"
    for i, p in enumerate(personalizations):
        if not p.get("to"):
            found.append(f"personalizations[{i}].to is required")  # [schema] to: required, minItems 1
        for field in ("to", "cc", "bcc"):
            for recipient in p.get(field, []):
                recipients += 1
                address = recipient.get("email", "").lower()
                if not address or "@" not in address:
                    found.append("each recipient needs a valid email")
                # SendGrid answers 400 "Each email address in the personalization block should be unique
                # between to, cc, and bcc"; the fake is stricter, refusing an address twice anywhere in one
                # request, since a campaign must never email anyone twice.
                if address in seen:
                    found.append(
                        f"each email address in the personalization block should be unique ({address})"
                    )
                seen.add(address)
                # [limits] "The to.name, cc.name, and bcc.name personalizations cannot include either the ; or ,"
                if any(ch in (recipient.get("name") or "") for ch in ";,"):
                    found.append(f"{field}.name may not contain ';' or ','")
        substitutions = p.get("substitutions", {})
        found += _strings(substitutions, f"personalizations[{i}].substitutions")  # [schema] must be strings
        if _size(substitutions) > MAX_ARGS_BYTES:
            found.append("substitutions may total at most 10,000 bytes per personalization")
        args = p.get("custom_args", {})
        found += _strings(args, f"personalizations[{i}].custom_args")
        # [limits] "The total length of custom arguments must be less than 10000 bytes"
        if (
            isinstance(args, dict)
            and isinstance(message_args, dict)
            and _size({**message_args, **args}) > MAX_ARGS_BYTES
        ):
            found.append("custom_args may total at most 10,000 bytes")
        if "headers" in p:
            found += _headers(p["headers"], f"personalizations[{i}].headers")
        if "subject" in p and not p["subject"]:
            found.append(f"personalizations[{i}].subject may not be empty")  # [schema] subject: minLength 1
    if recipients > MAX_RECIPIENTS:
        found.append(f"a request may have at most {MAX_RECIPIENTS} recipients in to, cc and bcc together")
    if not (body.get("from") or {}).get("email"):
        found.append("from.email is required")  # [schema] from: required; email: required
    # [schema] subject: "This may be overridden by subject lines set in personalizations", minLength 1
    if not body.get("subject") and not all(p.get("subject") for p in personalizations):
        found.append("subject is required")
    content = body.get("content") or []
    if not content:
        found.append("content is required")  # [schema] content: minItems 1
    for i, c in enumerate(content):
        # [schema] content[].type and content[].value: required, minLength 1
        if not (isinstance(c.get("type"), str) and c["type"]):
            found.append(f"content[{i}].type may not be empty")
        if not (isinstance(c.get("value"), str) and c["value"]):
            found.append(f"content[{i}].value may not be empty")
    # [schema] content: "If included, text/plain and text/html must be the first indices of the array
    # in this order."
    types = [c.get("type") for c in content]
    expected = [t for t in ("text/plain", "text/html") if t in types]
    if types[: len(expected)] != expected:
        found.append("text/plain must come first, then text/html")
    if "headers" in body:
        found += _headers(body["headers"], "headers")
    categories = body.get("categories") or []
    if len(categories) > MAX_CATEGORIES:
        found.append(f"categories may contain at most {MAX_CATEGORIES} items")
    if len(set(map(str, categories))) != len(categories):
        found.append("categories must be unique")  # [schema] categories: uniqueItems true
    for category in categories:
        # [categories] "make sure to only use strings"; [schema] at most 255 characters each
        if not isinstance(category, str) or len(category) > MAX_CATEGORY:
            found.append(f"each category must be a string of at most {MAX_CATEGORY} characters")
    found += _tracking(body.get("tracking_settings"))
    return found


# [schema] tracking_settings: objects named click_tracking, open_tracking, subscription_tracking (and
# ganalytics), each with a boolean "enable"; click_tracking's "enable_text" is a boolean too.
TRACKING_SETTINGS = {"click_tracking": ("enable", "enable_text"), "open_tracking": ("enable",),
                     "subscription_tracking": ("enable",), "ganalytics": ("enable",)}  # fmt: skip


def _tracking(settings) -> list[str]:
    if settings is None:
        return []
    if not isinstance(settings, dict):
        return ["tracking_settings must be an object"]
    found = []
    for name, value in settings.items():
        if name not in TRACKING_SETTINGS:
            found.append(f"tracking_settings.{name} is not a tracking setting")
        elif not isinstance(value, dict):
            found.append(f"tracking_settings.{name} must be an object")
        else:
            found += [
                f"tracking_settings.{name}.{flag} must be a boolean"
                for flag in TRACKING_SETTINGS[name]
                if flag in value and not isinstance(value[flag], bool)
            ]
    return found


class FakeSendGrid(FakeHTTPServer):
    message_id = "sg-msg-{n}"  # the X-Message-Id of the n-th accepted request

    def __init__(self, delay: float = 0.0, record: bool = True):
        """``record=False`` (the benchmark) keeps only counts, not every body, so the fake stays light."""
        super().__init__(record=record)
        self.delay = delay
        self.accepted_count = 0
        self.recipient_count = 0
        self.accepted: list[dict] = []
        self.accepted_ids: list[str] = []  # the X-Message-Id of each accepted body, in the same order
        self._hold: str | None = None
        self.holding = threading.Event()  # set once a held request has arrived
        self._release = threading.Event()

    def hold_next(self, accept: bool) -> None:
        """Keep the next request unanswered until ``release()``: as accepted by SendGrid (``accept``: recorded
        in ``accepted`` and its message id taken) or as never reaching it (not accepted); ``holding`` is set
        once it has arrived. Its answer, if anyone is still waiting, is a 502."""
        with self.lock:
            self._hold = "accept" if accept else "drop"
            self.holding.clear()
            self._release.clear()

    def release(self) -> None:
        self._release.set()

    def __exit__(self, *exc) -> None:
        self.release()
        super().__exit__(*exc)

    def receive(self, request: RecordedRequest) -> FakeResponse:
        if self.delay:
            time.sleep(self.delay)
        with self.lock:
            hold, self._hold = self._hold, None
        if hold is None:
            return super().receive(request)
        if self.record:
            with self.lock:
                self.requests.append(request)
        if hold == "accept":
            self.answer(request)
        self.holding.set()
        self._release.wait(timeout=120)
        return FakeResponse(502, b'{"errors":[{"message":"held"}]}')

    def answer(self, request: RecordedRequest) -> FakeResponse:
        if request.method != "POST" or request.path != "/v3/mail/send":
            return FakeResponse(404, b'{"errors":[{"message":"not found"}]}')
        if not (request.headers.get("Authorization") or "").startswith("Bearer "):
            return FakeResponse(401, b'{"errors":[{"message":"authorization required"}]}')
        queued = self.next_queued()
        if queued is not None:
            return queued
        try:
            body = json.loads(request.body)
            listed = problems(body)
        except ValueError:
            listed = ["invalid JSON"]
        if listed:
            return FakeResponse(400, json.dumps({"errors": [{"message": m} for m in listed]}).encode())
        with self.lock:
            self.accepted_count += 1
            self.recipient_count += len(body["personalizations"])
            if self.record:
                self.accepted.append(body)
            message_id = self.message_id.format(n=self.accepted_count)
            self.accepted_ids.append(message_id)
        return FakeResponse(202, headers={"X-Message-Id": message_id})

    def recipients(self) -> list[str]:
        return [p["to"][0]["email"] for body in self.accepted for p in body["personalizations"]]

    def messages(self) -> list[dict]:
        """What each recipient of the accepted requests receives, as SendGrid builds it: the substitutions of
        their personalization made in the subject and content, in one pass; headers and custom args merged."""
        with self.lock:
            accepted = list(self.accepted)
        return [
            {
                "to": p["to"][0]["email"],
                "subject": _substitute(p.get("subject") or body["subject"], p.get("substitutions", {})),
                **{
                    kind: _substitute(c["value"], p.get("substitutions", {}))
                    for c in body["content"]
                    for kind in [{"text/plain": "text", "text/html": "html"}[c["type"]]]
                },
                "headers": {**body.get("headers", {}), **p.get("headers", {})},
                "custom_args": {**body.get("custom_args", {}), **p.get("custom_args", {})},
                "categories": body.get("categories", []),
            }
            for body in accepted
            for p in body["personalizations"]
        ]

    def events(self, kind: str = "processed") -> list[dict]:
        """An event of ``kind`` for each message accepted, as SendGrid's Event Webhook posts them: custom args
        at the top level beside SendGrid's own fields."""
        now = int(time.time())
        with self.lock:
            accepted = list(zip(self.accepted, self.accepted_ids, strict=True))
        return [
            {
                "email": p["to"][0]["email"],
                "timestamp": now,
                "event": kind,
                "sg_event_id": uuid.uuid4().hex,
                "sg_message_id": f"{message_id}.filter0001.{i}",
                "category": body.get("categories", []),
                **body.get("custom_args", {}),
                **p.get("custom_args", {}),
            }
            for body, message_id in accepted
            for i, p in enumerate(body["personalizations"])
        ]


def _substitute(text: str, substitutions: dict[str, str]) -> str:
    if not substitutions:
        return text
    tags = re.compile("|".join(re.escape(tag) for tag in sorted(substitutions, key=len, reverse=True)))
    return tags.sub(lambda match: substitutions[match.group()], text)


def webhook_key() -> ec.EllipticCurvePrivateKey:
    """A signing key for the Event Webhook; ``public_key_text`` is its verification key as SendGrid shows it."""
    return ec.generate_private_key(ec.SECP256R1())


def public_key_text(key: ec.EllipticCurvePrivateKey) -> str:
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(der).decode()


def signed_post(key: ec.EllipticCurvePrivateKey, events: list[dict]) -> tuple[bytes, dict[str, str]]:
    """The body and headers of an Event Webhook post of ``events``, signed as SendGrid signs it."""
    body = json.dumps(events).encode()
    timestamp = str(int(time.time()))
    signature = key.sign(timestamp.encode() + body, ec.ECDSA(hashes.SHA256()))
    # [webhook] "Getting Started with the Event Webhook Security Features": the signature over the timestamp
    # and the raw body, ECDSA with SHA-256, base64 in one header, the timestamp in the other.
    return body, {
        "X-Twilio-Email-Event-Webhook-Signature": base64.b64encode(signature).decode(),
        "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
    }
