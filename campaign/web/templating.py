"""What templates can use beyond the view's own values: filters for dates, money, numbers, typed text and
links people gave us (``safe_url``: empty for anything but an http(s) address, so use it for every href
built from someone's input), ``can(action)`` for the signed-in person, and whether donations and the
development tools are on."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import Flask, current_app, has_app_context
from flask_login import current_user

from ..payments import donations_configured
from ..services.permissions import can
from ..services.web_addresses import safe_href
from ..text import render_markdown, render_plain_text
from ..urls import public_url
from .charts import register_chart_helpers
from .sharing import share_links

DISPLAY_ZONE = "Europe/London"


def display_zone() -> ZoneInfo:
    """The zone dates and times are shown to people in: CAMPAIGN_TIMEZONE (Europe/London unless set)."""
    name = current_app.config.get("CAMPAIGN_TIMEZONE") if has_app_context() else None
    return ZoneInfo(name or DISPLAY_ZONE)


def local_time(value: datetime) -> datetime:
    """A stored datetime in the display zone. The database holds UTC; a naive value (SQLite returns them)
    is UTC too."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(display_zone())


def format_date(value, fmt: str = "%-d %B %Y") -> str:
    """A date, or a datetime in the display zone (so 23:30 UTC on 30 June is 1 July, 00:30 BST)."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = local_time(value)
    return value.strftime(fmt)


def format_money(pence) -> str:
    """Pence as pounds: £10, £10.50, £1,250."""
    pence = int(pence or 0)
    pounds, rest = divmod(abs(pence), 100)
    sign = "-" if pence < 0 else ""
    return f"{sign}£{pounds:,}" + (f".{rest:02d}" if rest else "")


def format_number(value) -> str:
    return f"{value:,}"


def plural(count, singular: str, plural_form: str | None = None) -> str:
    """The noun for this many: ``{{ n|plural('signature') }}``, with the irregular ones given
    (``plural('person', 'people')``)."""
    return singular if count == 1 else (plural_form or singular + "s")


def count_noun(count, singular: str, plural_form: str | None = None) -> str:
    """A count and its noun: 1 signature, 2,345 signatures."""
    return f"{format_number(count or 0)} {plural(count or 0, singular, plural_form)}"


def template_context() -> dict:
    return {
        "can": lambda action: can(current_user, action),
        "donations_open": donations_configured(current_app.config),
    }


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.filters.update(
        date=format_date,
        money=format_money,
        number=format_number,
        plural=plural,
        count_noun=count_noun,
        markdown=render_markdown,
        plain_text=render_plain_text,
        safe_url=safe_href,
    )
    # Absolute links from BASE_URL (share tags, links people copy): the same as in emails.
    app.jinja_env.globals["public_url"] = public_url
    app.jinja_env.globals["share_links"] = share_links
    app.jinja_env.globals["dev_tools"] = app.config["APP_ENV"] != "production"
    app.context_processor(template_context)
    register_chart_helpers(app)
