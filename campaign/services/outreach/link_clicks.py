"""Which links in a campaign people followed, counted by us rather than by the email provider.

When a campaign's batches are built, each link in its message (http or https, in the order it first
appears) becomes a link to our own redirect, /u/c/<token>. The token is encrypted and authenticated
(AES-SIV, as the unsubscribe tokens are) and names the campaign, the link's number, the subject variant, the
batch and, only when the campaign tracks engagement, the recipient. The redirect counts the click and sends
the browser on to the address stored for that link number: never to an address taken from the request, so
it cannot be used as an open redirect, and a changed token is refused with a 404.

Without tracking, a click adds one to the link's count for its variant and nothing records who clicked;
with tracking, who clicked is kept too (one row per person and link), so unique clickers can be shown.

Link checkers (corporate mail filters, antivirus) fetch links too. We do not count:
- HEAD requests (checkers use them; a person's browser never does for a link they follow);
- a request whose User-Agent is missing or names itself a bot, crawler, preview or scanner;
- a click within SCANNER_SECONDS of its batch being handed to the provider (checkers fetch on delivery);
- clicks past CLICKS_PER_ADDRESS from one network address (the person is still sent on).
Such hits are counted as "not counted" beside each link, so the figure is visible rather than lost. Some
checkers look exactly like people and are counted: the figures are a good guide, not exact.

Unsubscribe and preference links are merge fields, not text, so they are never rewritten; links to our own
account pages (sign-in, password reset, the account area) are left alone too."""

from __future__ import annotations

import base64
import csv
import functools
import hashlib
import hmac
import html as html_lib
import io
import logging
import re
from datetime import timedelta
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from flask import current_app
from limits import parse
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ...extensions import db, limiter
from ...mail import Template
from ...mail.messages import Merge
from ...models import Campaign, CampaignBatch, CampaignLink, CampaignLinkClicker, User, utcnow
from ...urls import public_url
from ..errors import NotFound
from ..exports import safe_cell
from ..permissions import require

log = logging.getLogger(__name__)

SCANNER_SECONDS = 30
CLICKS_PER_ADDRESS = parse("60 per minute")
_SCANNER_AGENTS = re.compile(
    r"bot|crawl|spider|preview|scan|check|python-|curl|wget|go-http|java/|barracuda|proofpoint|mimecast", re.I
)
_HREF = re.compile(r'href="(?P<url>https?://[^"\s<>]+)"', re.I)
# Our own pages a link in a message may point at that are about the reader's account, not the campaign.
_OWN_PATHS = ("/unsubscribe/", "/email-preferences/", "/account", "/sign-in", "/login", "/reset-password")
FIELD = "click_"  # merge fields click_1, click_2... hold each recipient's (or batch's) link for link 1, 2...


# Tokens


@functools.lru_cache(maxsize=8)
def _cipher(secret: str) -> AESSIV:
    return AESSIV(hmac.new(secret.encode(), b"campaign-click-v1", hashlib.sha512).digest())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_token(campaign_id: int, number: int, variant: str, batch_id: int, recipient_id: int = 0) -> str:
    plain = f"{campaign_id}:{number}:{variant or 'a'}:{batch_id}:{recipient_id}".encode()
    return _b64(_cipher(current_app.config["SECRET_KEY"]).encrypt(plain, None))


def read_token(token: str) -> tuple[int, int, str, int, int]:
    """(campaign id, link number, variant, batch id, recipient id or 0). Raises NotFound for anything
    that is not a token we made."""
    invalid = NotFound("This link is not valid. Use the link in the email we sent you.")
    try:
        plain = _cipher(current_app.config["SECRET_KEY"]).decrypt(_unb64(token), None).decode()
        campaign_id, number, variant, batch_id, recipient_id = plain.split(":")
        return int(campaign_id), int(number), variant, int(batch_id), int(recipient_id)
    except (ValueError, UnicodeDecodeError, InvalidTag):
        raise invalid from None


def _prefix() -> str:
    return public_url("outreach.follow_link", token="TOKEN").rsplit("TOKEN", 1)[0]


# Rewriting a campaign's links as it is sent


def _own_link(url: str) -> bool:
    base = urlsplit(current_app.config["BASE_URL"])
    parts = urlsplit(url)
    return parts.netloc == base.netloc and parts.path.startswith(_OWN_PATHS)


def links_in(html: Template) -> list[str]:
    """The addresses the message links to, in the order they first appear, each once."""
    found: dict[str, None] = {}
    for part in html.parts:
        if isinstance(part, str):
            for match in _HREF.finditer(part):
                url = html_lib.unescape(match.group("url"))
                if not _own_link(url):
                    found.setdefault(url, None)
    return list(found)


def _numbers(campaign: Campaign, urls: list[str]) -> dict[str, int]:
    """Each address's link number for this campaign, recording the ones not yet recorded. The message is
    fixed once sending starts, so every batch finds the same links."""
    for _attempt in range(2):
        known = {
            link.url: link.number
            for link in db.session.scalars(
                select(CampaignLink).where(CampaignLink.campaign_id == campaign.id)
            )
        }
        missing = [url for url in urls if url not in known]
        if not missing:
            return known
        number = max(known.values(), default=0)
        for url in missing:
            number += 1
            db.session.add(CampaignLink(campaign_id=campaign.id, number=number, url=url))
        try:
            db.session.commit()
        except IntegrityError:  # another worker recorded them first: read theirs
            db.session.rollback()
    raise RuntimeError("could not record the campaign's links")


def _split(part: str, pattern: re.Pattern, replace) -> list[str | Merge]:
    """``part`` with the "url" group of each match that ``replace`` names a field for made that field."""
    out: list[str | Merge] = []
    position = 0
    for match in pattern.finditer(part):
        field = replace(match)
        if field is None:
            continue
        start, end = match.span("url")
        out += [part[position:start], Merge(field)]
        position = end
    out.append(part[position:])
    return [p for p in out if p != ""]


def rewrite(campaign: Campaign, rendered: tuple[Template, Template, Template]):
    """(subject, text, html) with each link made a merge field (click_<number>), filled per batch or per
    recipient by ``values_for``."""
    subject, text, html = rendered
    urls = links_in(html)
    if not urls:
        return rendered
    numbers = _numbers(campaign, urls)

    def in_html(match: re.Match) -> str | None:
        url = html_lib.unescape(match.group("url"))
        return f"{FIELD}{numbers[url]}" if url in numbers else None

    # In the plain text the same addresses appear as typed; the longest first, so none is cut short.
    plain = re.compile(
        "(?P<url>"
        + "|".join(re.escape(u) for u in sorted(numbers, key=len, reverse=True))
        + r")(?![\w/?#&=%.~+-])"
    )

    def in_text(match: re.Match) -> str | None:
        return f"{FIELD}{numbers[match.group('url')]}"

    def apply(template: Template, pattern: re.Pattern, replace) -> Template:
        parts: list[str | Merge] = []
        for part in template.parts:
            parts.extend(_split(part, pattern, replace) if isinstance(part, str) else [part])
        return Template(tuple(parts))

    return subject, apply(text, plain, in_text), apply(html, _HREF, in_html)


def values_for(campaign: Campaign, batch: CampaignBatch, fields: tuple[str, ...]):
    """A function of a recipient id giving the click_<n> values for them. Without tracking every
    recipient in the batch gets the same links, which name nobody."""
    numbers = [int(f[len(FIELD) :]) for f in fields if f.startswith(FIELD) and f[len(FIELD) :].isdigit()]
    prefix = _prefix()
    variant = batch.variant or "a"

    def links(recipient_id: int) -> dict[str, str]:
        return {
            f"{FIELD}{n}": prefix + make_token(campaign.id, n, variant, batch.id, recipient_id)
            for n in numbers
        }

    if campaign.track_engagement:
        return links
    shared = links(0)
    return lambda _recipient_id: shared


# Following a link


def _scanner(method: str, user_agent: str) -> bool:
    return method == "HEAD" or not user_agent.strip() or bool(_SCANNER_AGENTS.search(user_agent))


def _within_limit(address: str) -> bool:
    if not address or not current_app.config.get("RATELIMIT_ENABLED", True):
        return True
    key = hashlib.sha256(f"{current_app.config['SECRET_KEY']}:{address}".encode()).hexdigest()[:32]
    try:
        return limiter.limiter.hit(CLICKS_PER_ADDRESS, "campaign-clicks", key)
    except Exception as error:  # the storage's own errors vary by backend; counting is not worth a failure
        log.warning("Rate limit storage unavailable, click not limited by address: %s", error)
        return True


def follow(token: str, method: str = "GET", user_agent: str = "", address: str = "") -> str:
    """Count a click (unless it looks like a link checker's) and return where the link goes."""
    campaign_id, number, variant, batch_id, recipient_id = read_token(token)
    link = db.session.scalar(
        select(CampaignLink).where(CampaignLink.campaign_id == campaign_id, CampaignLink.number == number)
    )
    if link is None:
        raise NotFound("This link is not valid. Use the link in the email we sent you.")
    url = link.url
    claimed_at = db.session.scalar(select(CampaignBatch.claimed_at).where(CampaignBatch.id == batch_id))
    early = claimed_at is not None and utcnow() - claimed_at < timedelta(seconds=SCANNER_SECONDS)
    if _scanner(method, user_agent) or early or not _within_limit(address):
        db.session.execute(
            update(CampaignLink).where(CampaignLink.id == link.id).values(ignored=CampaignLink.ignored + 1)
        )
        db.session.commit()
        return url
    column = CampaignLink.clicks_b if variant == "b" else CampaignLink.clicks_a
    db.session.execute(update(CampaignLink).where(CampaignLink.id == link.id).values({column: column + 1}))
    tracked = db.session.scalar(select(Campaign.track_engagement).where(Campaign.id == campaign_id))
    if tracked and recipient_id:
        try:
            with db.session.begin_nested():
                db.session.add(
                    CampaignLinkClicker(link_id=link.id, recipient_id=recipient_id, variant=variant or "a")
                )
        except IntegrityError:
            pass  # they clicked it before (or their details were purged): the count above is enough
    db.session.commit()
    return url


# Reading the figures


def unique_clickers(campaign_id: int, variant: str | None = None) -> int:
    """People who followed at least one link (only recorded where the campaign tracks engagement)."""
    query = (
        select(func.count(func.distinct(CampaignLinkClicker.recipient_id)))
        .join(CampaignLink, CampaignLink.id == CampaignLinkClicker.link_id)
        .where(CampaignLink.campaign_id == campaign_id)
    )
    if variant:
        query = query.where(CampaignLinkClicker.variant == variant)
    return db.session.scalar(query) or 0


def total_clicks(campaign_id: int, variant: str) -> int:
    column = CampaignLink.clicks_b if variant == "b" else CampaignLink.clicks_a
    return (
        db.session.scalar(
            select(func.coalesce(func.sum(column), 0)).where(CampaignLink.campaign_id == campaign_id)
        )
        or 0
    )


def clicked(campaign: Campaign) -> int:
    """The campaign's click figure: people who clicked where tracked, otherwise every counted click."""
    if campaign.track_engagement:
        return unique_clickers(campaign.id)
    return total_clicks(campaign.id, "a") + total_clicks(campaign.id, "b")


def link_table(actor: User, campaign: Campaign) -> list[dict]:
    """A row per link: its address, clicks (per subject variant too), unique clickers where tracked."""
    require(actor, "send_campaigns")
    unique = dict(
        db.session.execute(
            select(CampaignLinkClicker.link_id, func.count(func.distinct(CampaignLinkClicker.recipient_id)))
            .join(CampaignLink, CampaignLink.id == CampaignLinkClicker.link_id)
            .where(CampaignLink.campaign_id == campaign.id)
            .group_by(CampaignLinkClicker.link_id)
        ).all()
    )
    return [
        {
            "number": link.number,
            "url": link.url,
            "clicks": link.clicks,
            "clicks_a": link.clicks_a,
            "clicks_b": link.clicks_b,
            "unique": unique.get(link.id, 0) if campaign.track_engagement else None,
            "ignored": link.ignored,
        }
        for link in db.session.scalars(
            select(CampaignLink).where(CampaignLink.campaign_id == campaign.id).order_by(CampaignLink.number)
        )
    ]


def links_csv(actor: User, campaign: Campaign) -> str:
    rows = link_table(actor, campaign)
    out = io.StringIO()
    writer = csv.writer(out)
    tested = bool(campaign.subject_b)
    writer.writerow(
        [
            "Link",
            "Address",
            "Clicks",
            *(["Clicks (subject A)", "Clicks (subject B)"] if tested else []),
            "Unique clickers",
            "Not counted (link checkers)",
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row["number"],
                safe_cell(row["url"]),
                row["clicks"],
                *([row["clicks_a"], row["clicks_b"]] if tested else []),
                "not tracked" if row["unique"] is None else row["unique"],
                row["ignored"],
            ]
        )
    return out.getvalue()
