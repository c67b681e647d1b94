"""Web addresses people give us (an organisation's website): the one rule for what is accepted, how it is
stored, and what may ever become a link. Used by every form with a website field, by the services that
store them, and by the ``safe_url`` template filter for rows stored before the rule existed."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit, urlunsplit

MAX_LENGTH = 500  # the website columns' size
EXAMPLE = "like https://www.example.org"

# A scheme as browsers read one; "example.org:8080/x" is a host and port, not the scheme "example.org".
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):(?!\d+(?:[/?#]|$))")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


class WebAddressProblem(ValueError):
    """What is wrong with an address, worded for the person who typed it."""


def normalise_web_address(text: str | None) -> str:
    """The address as we store it: http or https only (https added when no scheme was typed), a real
    host name with a dot, no user name or password in it, at most MAX_LENGTH characters. Blank is ''.
    Raises WebAddressProblem for anything else."""
    text = (text or "").strip()
    if not text:
        return ""
    if len(text) > MAX_LENGTH:
        raise WebAddressProblem(f"The address must be {MAX_LENGTH} characters or fewer.")
    # Browsers drop tabs and newlines inside a URL ("java\tscript:"), and read "\" as "/".
    if any(ord(c) <= 0x20 or ord(c) == 0x7F or c == "\\" for c in text):
        raise WebAddressProblem("The address cannot contain spaces, line breaks or backslashes.")
    scheme = _SCHEME.match(text)
    if scheme is None:
        text = "https://" + text.removeprefix("//")  # "//host" means the same site over https
    elif scheme.group(1).lower() not in ("http", "https"):
        raise WebAddressProblem(f"Enter a website address starting http:// or https://, {EXAMPLE}.")
    elif not text[scheme.end() :].startswith("//"):
        raise WebAddressProblem(f"Enter the whole address, {EXAMPLE}.")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise WebAddressProblem(f"Enter the website's address, {EXAMPLE}.") from None
    if "@" in parts.netloc:
        raise WebAddressProblem(f"The address cannot contain a user name or password. Enter it {EXAMPLE}.")
    host = _host(parts.hostname or "")
    netloc = host + (f":{port}" if port is not None else "")
    address = urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))
    if len(address) > MAX_LENGTH:
        raise WebAddressProblem(f"The address must be {MAX_LENGTH} characters or fewer.")
    return address


def _host(host: str) -> str:
    host = host.rstrip(".").lower()
    problem = WebAddressProblem(f"Enter the website's address, {EXAMPLE}.")
    if not host or "." not in host:
        raise problem
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        raise WebAddressProblem(f"Enter the website's name rather than a numeric address, {EXAMPLE}.")
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise problem from None
    labels = ascii_host.split(".")
    if not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        raise problem
    return host


def safe_href(value: str | None) -> str:
    """``value`` as a link target if it is (or, typed before the rule, becomes) an http(s) address; ''
    for anything else, so a stored "javascript:" address is never a link."""
    try:
        return normalise_web_address(value)
    except WebAddressProblem:
        return ""
