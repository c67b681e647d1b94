"""Browser fixtures: the app served on loopback and Debian's chromium driven by Playwright, other sites
(a member organisation's pages) on their own ports, and signing in through the form."""

from __future__ import annotations

import os
import shutil
from contextlib import ExitStack, contextmanager

import pytest
from werkzeug.serving import make_server

from tests.factories import PASSWORD
from tests.support.fake_http import ServerThread, StaticSite


def chromium_path() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(found):
        pytest.fail(
            "Debian's chromium is needed for browser tests: `make test` installs it (apt-get install chromium)."
        )
    return found


@contextmanager
def serve(app, **options):
    """The app on loopback, its URL yielded. One request at a time: every request shares the test's single
    database connection. ``options`` go to werkzeug's ``make_server`` (``request_handler``)."""
    running = ServerThread(make_server("127.0.0.1", 0, app, threaded=False, **options)).start()
    try:
        yield f"http://127.0.0.1:{running.port}"
    finally:
        running.stop()


@pytest.fixture
def live_server(app):
    with serve(app) as url:
        yield url


@pytest.fixture
def static_site():
    """``static_site(pages)``: a small website of its own (``pages`` maps paths to HTML) on another port,
    stopped when the test ends."""
    with ExitStack() as stack:
        yield lambda pages: stack.enter_context(StaticSite(pages))


def sign_in(page, live_server: str, email: str, password: str = PASSWORD) -> None:
    """Sign in through the form, as a person does."""
    page.goto(live_server + "/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def fill_monthly_gift_aid_form(page, live_server: str) -> None:
    """The donation form filled as Mary would: £15 a month, with Gift Aid and her home address."""
    page.goto(live_server + "/donate/")
    page.get_by_label("Give monthly").check()
    page.get_by_label("Another amount").check()
    page.get_by_label("Other amount, in pounds").fill("15")
    page.get_by_label("Your full name").fill("Mary Example")
    page.get_by_label("Your email address").fill("mary@example.org")
    page.get_by_label("Yes, I am a UK taxpayer").check()
    page.get_by_label("First name").fill("Mary")
    page.get_by_label("Last name").fill("Example")
    page.get_by_label("House name or number").fill("12")
    page.get_by_label("Street and town").fill("Crossway, London")
    page.get_by_label("Postcode").fill("N16 8HR")
