"""PROXY_HOPS makes the app believe X-Forwarded-For. Set with no proxy in front, anyone can forge it and
escape every per-address limit, so the log says what it trusts at start-up and, once, when requests come
without the header the proxy should have set."""

from __future__ import annotations

import logging

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
