"""PROXY_HOPS makes the app believe X-Forwarded-For, as far as that many proxies wrote it: the address the
last one saw is the client's (stored with a signature, keyed on by rate limits), and anything the client
put in the header itself is not believed. Set with no proxy in front, anyone can forge it and
escape every per-address limit, so the log says what it trusts at start-up and, once, when requests come
without the header the proxy should have set."""

from __future__ import annotations

import logging

from campaign.extensions import db
from campaign.models import Signature
from tests.conftest import FormClient
from tests.factories import make_petition

LOGGER = "campaign.web.hostile_input"


def _warnings(caplog, words: str) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and words in r.getMessage()
    ]


def test_start_up_says_x_forwarded_for_is_trusted(make_app, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    make_app(PROXY_HOPS="1")
    [line] = _warnings(caplog, "PROXY_HOPS=1: the client address is taken from X-Forwarded-For")
    assert "forge" in line


def test_requests_without_the_header_are_reported_once(make_app, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    client = make_app(PROXY_HOPS="1").test_client()
    caplog.clear()
    assert client.get("/healthz").status_code == 200  # a load balancer's check may come direct
    assert not _warnings(caplog, "without X-Forwarded-For")
    client.get("/", headers={"X-Forwarded-For": "198.51.100.7"})
    assert not _warnings(caplog, "without X-Forwarded-For")
    client.get("/")
    client.get("/petitions/")
    [line] = _warnings(caplog, "without X-Forwarded-For")
    assert "PROXY_HOPS=1" in line and "Set PROXY_HOPS=0" in line


def test_without_proxy_hops_nothing_is_said(make_app, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    client = make_app().test_client()
    client.get("/")
    assert not _warnings(caplog, "X-Forwarded-For")


SIGNER = {"name": "Mary Example", "email": "mary@example.org", "location": "uk", "postcode": "sw1a1aa"}


def _signed_from(app, headers: dict) -> str:
    """Sign a new petition with ``headers`` on the POST; the address stored with the signature."""
    with app.app_context():
        slug = make_petition().slug
    client = FormClient(app.test_client())
    assert client.submit(f"/petitions/{slug}/sign", SIGNER, headers=headers).status_code == 302
    with app.app_context():
        return db.session.scalars(db.select(Signature.ip_address).order_by(Signature.id.desc())).first()


def test_behind_one_proxy_the_address_it_adds_is_stored_and_one_the_client_forged_is_not(make_app):
    app = make_app(PROXY_HOPS="1")
    # nginx appends the address it saw to whatever X-Forwarded-For the client sent.
    assert _signed_from(app, {"X-Forwarded-For": "198.51.100.20"}) == "198.51.100.20"
    assert _signed_from(app, {"X-Forwarded-For": "203.0.113.66, 198.51.100.21"}) == "198.51.100.21"


def test_without_proxy_hops_x_forwarded_for_is_ignored(make_app):
    app = make_app()
    assert _signed_from(app, {"X-Forwarded-For": "198.51.100.20"}) == "127.0.0.1"


def test_a_forged_x_forwarded_for_does_not_escape_a_rate_limit(make_app):
    for hops, real in (("1", {"X-Forwarded-For": "198.51.100.9"}), ("0", {})):
        client = FormClient(make_app({"RATELIMIT_LOGIN": "2 per minute"}, PROXY_HOPS=hops).test_client())
        statuses = []
        for forged in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
            # The client's own entry first, then (behind the proxy) the address the proxy saw.
            header = ", ".join([forged, *real.values()])
            statuses.append(
                client.sign_in("x@example.org", "y", headers={"X-Forwarded-For": header}).status_code
            )
        assert statuses == [401, 401, 429], f"PROXY_HOPS={hops}: {statuses}"
