"""What the stand-in's modules share: Stripe's limits, ids, errors in Stripe's shape, and small helpers."""

from __future__ import annotations

import calendar
import copy
import datetime
import re
import secrets
import string
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

API_VERSION = "2026-10-28.endive"


class SharedState:
    """The base of each concern's mixin (checkout, prices, billing, invoices, charges, events). They share one
    state and call one another; ``api.StripeAPI`` assembles them and holds the state, so to the type
    checker each mixin's view of the rest is untyped."""

    now: int  # the stand-in's clock, Unix seconds: every object's "created"

    if TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any: ...


# The smallest amount Stripe will charge, in the currency's minor unit (docs: "Minimum and maximum
# charge amounts"); these are also the currencies the stand-in accepts.
MINIMUM_CHARGE = {
    "usd": 50,
    "aed": 200,
    "aud": 50,
    "bgn": 100,
    "brl": 50,
    "cad": 50,
    "chf": 50,
    "czk": 1500,
    "dkk": 250,
    "eur": 50,
    "gbp": 30,
    "hkd": 400,
    "huf": 17500,
    "inr": 50,
    "jpy": 50,
    "mxn": 1000,
    "myr": 200,
    "nok": 300,
    "nzd": 50,
    "pln": 200,
    "ron": 200,
    "sek": 300,
    "sgd": 50,
    "thb": 1000,
}
MAXIMUM_AMOUNT = 99999999
CURRENCY_SYMBOL = {"gbp": "£", "usd": "$", "eur": "€"}
MAX_METADATA_KEYS = 50
MAX_METADATA_KEY = 40
MAX_METADATA_VALUE = 500
MAX_INTERVAL_COUNT = {"day": 1095, "week": 156, "month": 36, "year": 3}
DISPUTE_STATUSES = {
    "warning_needs_response",
    "warning_under_review",
    "warning_closed",
    "needs_response",
    "under_review",
    "won",
    "lost",
    "prevented",
}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ALPHABET = string.ascii_letters + string.digits


def new_id(prefix: str, length: int = 24) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


class StripeAPIError(Exception):
    def __init__(
        self,
        message: str,
        param: str | None = None,
        *,
        status: int = 400,
        type: str = "invalid_request_error",
        code: str | None = None,
        store: bool = False,
    ):
        super().__init__(message)
        self.message, self.param, self.status, self.type, self.code = message, param, status, type, code
        self.store = store  # whether Stripe keeps this answer against the idempotency key

    def body(self) -> dict:
        error = {"type": self.type, "message": self.message}
        if self.param is not None:
            error["param"] = self.param
        if self.code is not None:
            error["code"] = self.code
        if self.code:
            error["doc_url"] = f"https://stripe.com/docs/error-codes/{self.code.replace('_', '-')}"
        error["request_log_url"] = "https://dashboard.stripe.com/test/logs"
        return {"error": error}


def missing(kind: str, ident: str, param: str | None = None) -> StripeAPIError:
    return StripeAPIError(
        f"No such {kind}: '{ident}'",
        param,
        status=404 if param is None else 400,
        code="resource_missing",
        store=True,
    )


# Checks Stripe makes beyond the shapes, and building blocks of its objects.


def format_money(amount: int, currency: str) -> str:
    symbol = CURRENCY_SYMBOL.get(currency)
    value = f"{amount / 100:,.2f}" if currency != "jpy" else f"{amount:,}"
    return f"{symbol}{value} {currency}" if symbol else f"{value} {currency}"


def check_metadata(metadata, param: str) -> None:
    if not metadata:
        return
    if len(metadata) > MAX_METADATA_KEYS:
        raise StripeAPIError(
            f"Invalid {param}: metadata can have at most {MAX_METADATA_KEYS} keys "
            f"(you passed {len(metadata)})",
            param,
        )
    for key, value in metadata.items():
        if len(key) > MAX_METADATA_KEY:
            raise StripeAPIError(
                f"Metadata keys can have up to {MAX_METADATA_KEY} characters, but you "
                f"passed in a key that is {len(key)} characters. Invalid key: {key}",
                f"{param}[{key}]",
            )
        if len(value) > MAX_METADATA_VALUE:
            raise StripeAPIError(
                f"Metadata values can have up to {MAX_METADATA_VALUE} characters, but you "
                f"passed in a value that is {len(value)} characters. Invalid value: {value}",
                f"{param}[{key}]",
            )


def check_url(value, param: str) -> None:
    parts = urlsplit(value or "")
    if parts.scheme not in ("http", "https") or not parts.netloc or len(value) > 5000 or " " in value:
        raise StripeAPIError("Not a valid URL", param)


def add_interval(ts: int, interval: str, count: int) -> int:
    moment = datetime.datetime.fromtimestamp(ts, datetime.UTC)
    if interval == "day":
        moment += datetime.timedelta(days=count)
    elif interval == "week":
        moment += datetime.timedelta(weeks=count)
    else:
        months = count * (12 if interval == "year" else 1)
        month0 = moment.month - 1 + months
        year, month = moment.year + month0 // 12, month0 % 12 + 1
        day = min(moment.day, calendar.monthrange(year, month)[1])
        moment = moment.replace(year=year, month=month, day=day)
    return int(moment.timestamp())


def diff(before: dict, after: dict) -> dict:
    """``data.previous_attributes``: the old values of the top-level fields that changed."""
    return {k: copy.deepcopy(before.get(k)) for k in after if before.get(k) != after.get(k)}


def listing(data: list, url: str) -> dict:
    return {"object": "list", "data": data, "has_more": False, "total_count": len(data), "url": url}
