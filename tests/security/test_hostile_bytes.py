"""Every route in the URL map, GET and POST, as an anonymous visitor and as an administrator, with the input
that used to give 500s: a NUL byte (PostgreSQL refuses it in text) in path segments, query values and form
fields; page numbers too large for a bigint or a float; ``next=`` that is not a same-site path; a 1 MB form
field; numbers like 1e309, -1 and 2**64. None may answer 500 or log a traceback."""

from __future__ import annotations

import logging
from collections import Counter
from urllib.parse import urlencode

import pytest

from campaign.models import Role
from tests.conftest import form_values

from .route_walk import (
    STATE_CHANGING,
    build_path,
    form_field_names,
    has_number_variable,
    methods,
    walkable_rules,
)

NUL = "x\x00y"
HUGE_NUMBERS = ["99999999999999999999", "1e309", "-1", str(2**64), "nan", "NUL\x00"]
BAD_NEXT = ["/account/\r\nSet-Cookie: a=b", "//evil.example", "\\\\evil", "/\\evil", "javascript:alert(1)"]
NUMBER_PARAMS = ("page", "part", "per_page", "amount", "id", "version")
QUERY_PARAMS = ("q", "state", "sort", "status", "kind", "filter", "email", "ref", "next", "token")
ONE_MB = "a" * (1024 * 1024)


@pytest.fixture
def app(make_app):
    # Count a failure inside an error handler as the 500 a visitor would get, instead of raising it here.
    return make_app({"PROPAGATE_EXCEPTIONS": False})


def _payloads(rule, known, method, token):
    """(description, path-with-query, form data or None) for one route and method."""
    path = build_path(rule, known)
    if rule.arguments:
        yield "NUL in a path segment", build_path(rule, known, hostile="x%00y"), None
        yield "NUL in a path segment (raw)", build_path(rule, known, hostile="x\x00y"), None
    if has_number_variable(rule):
        for number in ("99999999999999999999", str(2**64), str(2**63)):
            yield f"id {number} in the path", build_path(rule, known, number=number), None
    yield "NUL in query values", path + "?" + urlencode({name: NUL for name in QUERY_PARAMS}), None
    yield "NUL in a query name", path + "?" + urlencode({NUL: "1"}), None
    for number in HUGE_NUMBERS:
        yield f"number {number!r}", path + "?" + urlencode({name: number for name in NUMBER_PARAMS}), None
    for target in BAD_NEXT:
        yield f"next={target!r}", path + "?" + urlencode({"next": target}), None
    if method not in STATE_CHANGING:
        return
    yield "NUL in form values", path, "NUL"
    yield "a 1 MB form field", path, "ONE_MB"
    for number in HUGE_NUMBERS:
        yield f"form number {number!r}", path, number
    for target in BAD_NEXT:
        yield f"form, next={target!r}", path + "?" + urlencode({"next": target}), "-1"


def _form(fields: list[str], value: str, token: str) -> dict:
    """Every field the page offers, and a few every form might read, set to ``value``; the NUL payload also
    sends a field whose name holds one."""
    extra = {NUL: "1"} if value == "NUL" else {}
    value = {"NUL": NUL, "ONE_MB": ONE_MB}.get(value, value)
    generic = ("email", "name", "password", "body", "title", "amount", "page", "q", "next")
    return {"csrf_token": token, **{field: value for field in {*fields, *generic}}, **extra}


def _walk(app, client, known, token, caplog) -> tuple[Counter, list[str]]:
    statuses: Counter = Counter()
    failures = []
    for rule in walkable_rules(app):
        form_page = client.get(build_path(rule, known)) if "GET" in rule.methods else None
        html = form_page is not None and form_page.mimetype == "text/html"
        fields = form_field_names(form_page.text) if html else []  # not the favicon's bytes
        for method in methods(rule):
            for description, url, value in _payloads(rule, known, method, token):
                caplog.clear()
                data = None if value is None else _form(fields, value, token)
                response = client.open(url, method=method, data=data)
                statuses[response.status_code] += 1
                tracebacks = [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]
                if response.status_code == 500 or tracebacks:  # 503 is the health check saying so
                    failures.append(f"{method} {rule.rule} ({description}): {response.status_code}")
    return statuses, failures


@pytest.mark.parametrize("visitor", [None, Role.ADMIN])
def test_no_route_answers_500_to_hostile_input(app, signed_in, known, caplog, visitor):
    client = signed_in(visitor)
    token = form_values(client.get("/forgot-password").text, "csrf_token")["csrf_token"]
    statuses, failures = _walk(app, client, known, token, caplog)
    routes, tried = len(walkable_rules(app)), sum(statuses.values())
    print(f"\n{visitor or 'anonymous'}: {tried} requests over {routes} routes, {len(failures)} answered 500")
    print("  by status: " + ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items())))
    assert not failures, "\n".join(failures)


def test_a_nul_byte_gets_the_site_page_saying_what_happened(client, known):
    for url in (f"/petitions/{known['petitions.slug']}?ref=%00", "/petitions/?q=a%00b", "/news/x%00y"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "could not be read" in response.text and "never part of real text" in response.text
    response = client.post("/join", data={"name": "Ann\x00"})
    assert response.status_code == 400 and "could not be read" in response.text
    assert client.get("/petitions.json?q=%00").json == {
        "error": "The address or the form contained a character that is never part of real text.",
        "status": 400,
    }


def test_a_page_number_too_large_for_the_database_is_the_last_page_we_show(client):
    for url in ("/petitions/?page=99999999999999999999", "/petitions.json?page=18446744073709551616"):
        assert client.get(url).status_code == 200, url
    assert client.get("/petitions.json?page=99999999999999999999").json["meta"]["page"] == 100_000
    assert client.get("/petitions.json?page=1e309").json["meta"]["page"] == 1


@pytest.mark.parametrize(
    "target, lands_on",
    [
        ("/petitions/", "/petitions/"),
        ("/account/\r\nSet-Cookie: a=b", "/account/"),
        ("/account/\nx", "/account/"),
        ("//evil.example", "/account/"),
        ("\\\\evil", "/account/"),
        ("/\\evil", "/account/"),
        ("javascript:alert(1)", "/account/"),
        ("https://evil.example/", "/account/"),
    ],
)
def test_after_sign_in_next_goes_only_to_a_path_on_this_site(app, client, target, lands_on):
    from tests.factories import PASSWORD, make_user

    with app.app_context():
        email = make_user().email
    response = client.sign_in(email, PASSWORD, query_string={"next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == lands_on
