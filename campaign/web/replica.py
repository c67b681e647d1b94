"""Public pages read from the read replica when DATABASE_REPLICA_URL is set.

The pages below are the same for every signed-out visitor and write nothing: a signed-out visitor's GET
of one runs with ``reading_replica`` set, and ``ReplicaSession`` (campaign/extensions.py) sends its plain
SELECTs to the replica. Everything else reads and writes the primary: signing, confirming, signing in,
every POST, every page a signed-in person sees (they may have just changed what it shows), /healthz, the
jobs. So the list is short and written here, not spread over the views.

A replica runs a little behind the primary (milliseconds on a quiet loopback, seconds under load). That
is fine for these pages: the counts on them are rolled up every COUNT_ROLLUP_INTERVAL anyway and cached
for PUBLIC_CACHE_SECONDS, so a signer never expected to see their signature counted at once, and a
petition or story changed by its organiser is seen at once by them (signed in, primary) and by the
public a moment later.

When the replica cannot be reached the page is read again from the primary, with one warning, and this
process leaves the replica alone for REPLICA_RETRY_SECONDS: a public page never fails because the
replica is down.
"""

from __future__ import annotations

import functools
import logging
import time

from flask import Flask, current_app, request
from flask_login import current_user
from sqlalchemy.exc import InterfaceError, OperationalError

from ..extensions import REPLICA, db, reading_replica

log = logging.getLogger(__name__)

# Endpoints whose signed-out GETs read the replica.
REPLICA_ENDPOINTS = (
    "public.home",
    "public.coalition",
    "public.news",
    "public.page",
    "petitions.index",
    "petitions.show",
    "api.petitions",
    "api.petition",
    "stories.index",
    "stories.show",
    "members.organisation_page",
    "members.logo",
)


def _replica_wanted() -> bool:
    if REPLICA not in current_app.config["SQLALCHEMY_BINDS"] or request.method not in ("GET", "HEAD"):
        return False
    state = current_app.extensions.setdefault("replica", {"down_until": 0.0})
    return time.monotonic() >= state["down_until"] and not current_user.is_authenticated


def _replica_failed(error: Exception) -> None:
    state = current_app.extensions.setdefault("replica", {"down_until": 0.0})
    retry = current_app.config["REPLICA_RETRY_SECONDS"]
    state["down_until"] = time.monotonic() + retry
    log.warning(
        "The read replica could not be read (%s): %s is answered from the primary, and this process reads "
        "the primary for the next %s s.",
        type(error).__name__,
        request.path,
        retry,
    )


def reads_replica(view):
    """Run ``view`` on the replica for a signed-out GET; on the primary if the replica fails."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not _replica_wanted():
            return view(*args, **kwargs)
        token = reading_replica.set(True)
        try:
            return view(*args, **kwargs)
        except (OperationalError, InterfaceError) as error:
            # Only SELECTs ran, on the replica: the page is read again from the primary. Should the primary
            # be down too, that second try fails as any page does when it is (the 503 page).
            try:
                db.session.rollback()
            except Exception:
                db.session.registry.clear()
            _replica_failed(error)
        finally:
            reading_replica.reset(token)
        return view(*args, **kwargs)

    return wrapper


def register_replica_reads(app: Flask) -> None:
    """Called after the blueprints are registered: wraps the endpoints in REPLICA_ENDPOINTS."""
    if REPLICA not in app.config["SQLALCHEMY_BINDS"]:
        return
    for endpoint in REPLICA_ENDPOINTS:
        app.view_functions[endpoint] = reads_replica(app.view_functions[endpoint])
