"""Slowing down whoever guesses passwords, rather than locking the account's owner out.

Wrong passwords are counted in Redis per (address, account) and per address. At LOGIN_MAX_FAILURES for
one account, or LOGIN_MAX_FAILURES_PER_ADDRESS for any, that address is refused for LOGIN_LOCKOUT_SECONDS,
doubling with each further try (up to a day), while the owner's own address is untouched. The account key
is the normalised email whether or not an account has it, so refusals reveal nothing. If Redis is down
nothing is throttled here; the per-account ceiling in the database (LOGIN_ACCOUNT_MAX_FAILURES) remains.

An email with no account gets a stand-in for that database ceiling here (pause_unknown / unknown_paused_for),
so "sign-in is paused for this email address" is said of every address alike.
"""

from __future__ import annotations

import hashlib
import logging
from typing import cast

from flask import current_app
from redis.exceptions import RedisError

from ...queue import get_redis
from ..addresses import normalise_email

log = logging.getLogger(__name__)
_MAX_REFUSAL = 24 * 3600


def _keys(address: str, email: str) -> tuple[str, str]:
    account = hashlib.sha256(normalise_email(email).encode()).hexdigest()[:32]
    prefix = f"{current_app.config['QUEUE_NAME']}:sign-in-failures"
    return f"{prefix}:{address}:{account}", f"{prefix}:{address}"


def _limits() -> tuple[int, int]:
    config = current_app.config
    return config["LOGIN_MAX_FAILURES"], config["LOGIN_MAX_FAILURES_PER_ADDRESS"]


def refused_for(address: str, email: str) -> tuple[int, bool]:
    """Seconds this address must wait before trying this account again (0 if it may try now), and whether
    only this account's refusal holds it (which a password reset lifts; the one for guessing at many
    accounts it does not). A try while refused counts as another failure: hammering only lengthens the wait."""
    keys = _keys(address, email)
    try:
        with get_redis().pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.ttl(f"{key}:refused")
            account_wait, address_wait = (ttl if ttl and ttl > 0 else 0 for ttl in pipe.execute())
    except RedisError as error:
        log.warning("Redis unavailable, sign-in not throttled by address: %s", error)
        return 0, False
    if account_wait or address_wait:
        count_failure(address, email)
    return max(account_wait, address_wait), not address_wait


def count_failure(address: str, email: str) -> None:
    """From the limit on, each failure refuses the address for twice as long as the one before. The count
    is kept for twice the refusal, so failing again just after one ends doubles it again."""
    base = current_app.config["LOGIN_LOCKOUT_SECONDS"]
    redis = get_redis()
    try:
        for key, limit in zip(_keys(address, email), _limits(), strict=True):
            failures = cast(int, redis.incr(key))
            refusal = min(base * 2 ** max(0, failures - limit), _MAX_REFUSAL) if failures >= limit else 0
            redis.expire(key, max(4 * base, 2 * refusal))
            if refusal:
                redis.set(f"{key}:refused", 1, ex=refusal)
    except RedisError as error:
        log.warning("Redis unavailable, sign-in failure not counted by address: %s", error)


def _unknown_key(email: str) -> str:
    account = hashlib.sha256(normalise_email(email).encode()).hexdigest()[:32]
    return f"{current_app.config['QUEUE_NAME']}:sign-in-unknown:{account}"


def count_unknown_failure(email: str) -> None:
    """A wrong guess at an email with no account, from anywhere: at LOGIN_ACCOUNT_MAX_FAILURES it is paused
    for LOGIN_LOCKOUT_SECONDS, exactly as a real account is in the database."""
    config = current_app.config
    key = _unknown_key(email)
    try:
        redis = get_redis()
        failures = cast(int, redis.incr(key))
        redis.expire(key, 24 * 3600)
        if failures >= config["LOGIN_ACCOUNT_MAX_FAILURES"]:
            redis.set(f"{key}:paused", 1, ex=config["LOGIN_LOCKOUT_SECONDS"])
            redis.delete(key)
    except RedisError as error:
        log.warning("Redis unavailable, sign-in failure not counted: %s", error)


def unknown_paused_for(email: str) -> int:
    try:
        ttl = cast(int, get_redis().ttl(f"{_unknown_key(email)}:paused"))
    except RedisError as error:
        log.warning("Redis unavailable: %s", error)
        return 0
    return ttl if ttl and ttl > 0 else 0


def forgive(address: str, email: str) -> None:
    """The password was just reset from this address, so its owner is here: lift this address's refusal
    for this account (not the one for guessing at many accounts)."""
    key = _keys(address, email)[0]
    try:
        get_redis().delete(key, f"{key}:refused")
    except RedisError as error:
        log.warning("Redis unavailable: %s", error)


def clear_failures(address: str, email: str) -> None:
    """The right password from this address: its count for this account starts again (not the one for
    every account, or one good account would launder guesses at others)."""
    try:
        get_redis().delete(_keys(address, email)[0])
    except RedisError as error:
        log.warning("Redis unavailable: %s", error)
