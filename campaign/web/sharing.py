"""Share buttons as plain links: each opens the service's own "share" page with the address and a line of
text, so no script of theirs ever runs on ours. Every value is percent-encoded in full (``quote`` with
nothing safe), so an ``&`` or ``#`` in a title cannot cut the link short or add a parameter."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class ShareLink:
    name: str  # what the link says
    href: str
    opens_app: bool = False  # mailto: opens the person's email program, not a web page


def _q(value: str) -> str:
    return quote(value, safe="")


def share_links(url: str, title: str, ask: str = "Please sign") -> list[ShareLink]:
    """Links that share ``url`` with a line made of ``ask`` and ``title``, for email, WhatsApp, Facebook,
    X and Bluesky."""
    text = f"{ask}: {title}"
    return [
        ShareLink("Email", f"mailto:?subject={_q(title)}&body={_q(f'{text} {url}')}", opens_app=True),
        ShareLink("WhatsApp", f"https://wa.me/?text={_q(f'{text} {url}')}"),
        ShareLink("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={_q(url)}"),
        ShareLink("X (Twitter)", f"https://x.com/intent/post?text={_q(text)}&url={_q(url)}"),
        ShareLink("Bluesky", f"https://bsky.app/intent/compose?text={_q(f'{text} {url}')}"),
    ]
