"""SendGrid's v3 /mail/send request bodies, built from the domain's messages.

A bulk message becomes one personalization per recipient. Its merge fields become SendGrid's substitution
tags (``%%name%%``) in the subject and content, and each recipient's values that tag's substitution."""

from __future__ import annotations

from collections.abc import Mapping

from ..messages import BulkMessage, OutgoingMessage

# The most a personalization's substitutions may hold, tags and values together ("may not exceed 10,000
# bytes", the v3 /mail/send schema).
MAX_SUBSTITUTION_BYTES = 10_000


def tag(name: str) -> str:
    """A merge field as a SendGrid substitution tag."""
    return f"%%{name}%%"


def substitutions_size(values: Mapping[str, str]) -> int:
    """The bytes one recipient's merge values take as a personalization's substitutions."""
    return sum(len(tag(name).encode()) + len(value.encode()) for name, value in values.items())


def split_sender(sender: str) -> tuple[str, str]:
    """``Name <address>`` (or a bare address) as (name, address)."""
    if "<" in sender and sender.endswith(">"):
        name, _, address = sender[:-1].partition("<")
        return name.strip().strip('"'), address.strip()
    return "", sender.strip()


def address(sender: str) -> dict:
    """An address as the API's email object: ``{"email": ..., "name": ...}``, the name only if there is one."""
    name, email = split_sender(sender)
    return {"email": email, "name": name} if name else {"email": email}


def _content(text: str, html: str) -> list[dict]:
    # Plain text comes before HTML, as the API requires.
    return [{"type": "text/plain", "value": text}, {"type": "text/html", "value": html}]


def tracking_settings(track_engagement: bool) -> dict:
    """Every request says what to track, so nothing depends on the account's defaults: open tracking only
    when asked for; never SendGrid's click tracking (campaign links already go through our own counted
    redirect, and wrapping them twice would hide where they go); never SendGrid's own subscription footer
    (we add our own unsubscribe link and List-Unsubscribe headers)."""
    return {
        "click_tracking": {"enable": False, "enable_text": False},
        "open_tracking": {"enable": track_engagement},
        "subscription_tracking": {"enable": False},
    }


def mail_send_body(message: OutgoingMessage) -> dict:
    """The v3 /mail/send request body for one message to one person."""
    personalization: dict = {"to": [{"email": message.to}]}
    if message.custom_args:
        personalization["custom_args"] = {k: str(v) for k, v in message.custom_args.items()}
    body: dict = {
        "personalizations": [personalization],
        "from": address(message.sender),
        "subject": message.subject,
        "content": _content(message.text, message.html),
        "tracking_settings": tracking_settings(False),
    }
    if message.headers:
        body["headers"] = dict(message.headers)
    if message.categories:
        body["categories"] = list(message.categories)
    return body


class _Tags(dict):
    """Each field's tag, made once per body and shared by every recipient's substitutions (a batch has a
    thousand recipients, each with the same few fields)."""

    def __missing__(self, name: str) -> str:
        self[name] = tagged = tag(name)
        return tagged


def batch_body(message: BulkMessage) -> dict:
    """The v3 /mail/send request body for a bulk message: one personalization per recipient, with their
    substitutions, their own headers and our ids as custom_args (SendGrid echoes those in its events).
    A recipient's headers and custom_args (strings, as BulkRecipient says) go in as they are, not copied."""
    tags = _Tags()
    personalizations = []
    for recipient in message.recipients:
        personalization: dict = {"to": [{"email": recipient.to}]}
        if recipient.values:
            personalization["substitutions"] = {tags[k]: v for k, v in recipient.values.items()}
        if recipient.headers:
            personalization["headers"] = recipient.headers
        if recipient.custom_args:
            personalization["custom_args"] = recipient.custom_args
        personalizations.append(personalization)
    body: dict = {
        "personalizations": personalizations,
        "from": address(message.sender),
        "subject": message.subject.spell(tags.__getitem__),
        "content": _content(message.text.spell(tags.__getitem__), message.html.spell(tags.__getitem__)),
        "tracking_settings": tracking_settings(message.track_engagement),
    }
    if message.headers:
        body["headers"] = dict(message.headers)
    if message.categories:
        body["categories"] = list(message.categories)
    if message.reply_to:
        body["reply_to"] = address(message.reply_to)
    return body
