"""The surge benchmark's load generator: asyncio and one aiohttp session with keep-alive connections, so
that on a small machine the clients cost little beside the app.

Every request carries what the TLS-terminating proxy would add (X-Forwarded-For, -Proto: https, -Host)
and, for the forms, the Referer a browser sends (Flask-WTF checks it on https). Cookies are kept by hand,
per journey, whatever their Secure flag, as a browser on https would. Static files (the stylesheet) are
not fetched: a proxy or CDN serves those in production.

A signer's journey, with a fresh name, email, postcode and address each time:

    petition page    GET /petitions/<slug>            (the page links to the form; it holds none)
    sign form        GET /petitions/<slug>/sign       (its CSRF token and the session cookie)
    sign POST        POST the form                    (302 to the check-email page)
    check-email      GET /petitions/<slug>/check-email  (the redirect a browser follows)
    email            the link, from the SendGrid stand-in: sign POST sent -> message handed to it
    confirm page     GET /signatures/confirm/<token>  (its CSRF token)
    confirm POST     POST the button                  ("Thank you for signing")
"""

from __future__ import annotations

import asyncio
import csv
import random
import re
import string
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp

from .stack import PUBLIC_HOST, SIGNER_DOMAIN

DATA = Path(__file__).resolve().parents[2] / "campaign" / "data"
CSRF_INPUT = re.compile(r"<input\b[^>]*\bname=\"csrf_token\"[^>]*>")
VALUE = re.compile(r"\bvalue=\"([^\"]*)\"")
STEPS = ("petition page", "sign form", "sign POST", "check-email page", "confirm page", "confirm POST")
EMAIL_STEP = "sign POST -> email"
now = time.monotonic


class StepFailed(Exception):
    """One journey's failure, by kind: '<step>: HTTP 500', '<step>: timeout', 'email: missing'."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


@dataclass
class Record:
    """Completed requests and steps, each with the time it ended, filtered to a window when reported."""

    latencies: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    errors: list[tuple[float, str]] = field(default_factory=list)
    requests: list[float] = field(default_factory=list)
    confirmations: list[float] = field(default_factory=list)
    journeys: list[tuple[float, float]] = field(default_factory=list)

    def add(self, step: str, end: float, seconds: float) -> None:
        self.latencies[step].append((end, seconds))

    def in_window(self, t0: float, t1: float):
        """(latencies by step, errors by kind, requests, journeys) of what ended in [t0, t1]."""
        steps = {
            step: [s for end, s in samples if t0 <= end <= t1] for step, samples in self.latencies.items()
        }
        errors = Counter(kind for t, kind in self.errors if t0 <= t <= t1)
        requests = sum(1 for t in self.requests if t0 <= t <= t1)
        journeys = [s for end, s in self.journeys if t0 <= end <= t1]
        return steps, errors, requests, journeys


class Addresses:
    """Client addresses in 10.0.0.0/8, each used once, from a random start (an external Redis may still
    hold the rate-limit windows of an earlier run)."""

    def __init__(self) -> None:
        self.n = random.randrange(1, 1 << 24)

    def next(self) -> str:
        self.n = (self.n + 1) % (1 << 24) or 1
        n = self.n
        return f"10.{n >> 16}.{(n >> 8) & 255}.{n & 255}"


class People:
    """Fresh signer details: a first name from the platform's list, a unique email, a real postcode area."""

    def __init__(self) -> None:
        self.names = (DATA / "first_names.txt").read_text(encoding="utf-8").split()
        with (DATA / "postcode_areas.csv").open(encoding="utf-8") as handle:
            self.areas = [row["area"] for row in csv.DictReader(handle)]
        self.run = "".join(random.choices(string.ascii_lowercase, k=5))
        self.n = 0

    def next(self) -> tuple[str, str, str]:
        self.n += 1
        first, last = random.choice(self.names), random.choice(self.names)
        email = f"{first.lower()}.{self.run}{self.n}@{SIGNER_DOMAIN}"
        unit = random.choice("ABDEFGHJLNPQRSTUWXYZ") + random.choice("ABDEFGHJLNPQRSTUWXYZ")
        postcode = f"{random.choice(self.areas)}{random.randint(1, 9)} {random.randint(0, 9)}{unit}"
        return f"{first} {last}", email, postcode


class MailFeed:
    """Reads the SendGrid stand-in's lines (bench.surge.fake_sendgrid) and hands each signer its link."""

    def __init__(self, pipe) -> None:
        self.pipe = pipe
        self.waiters: dict[str, asyncio.Future] = {}
        self.arrived: dict[str, tuple[float, str]] = {}
        self.requests: list[tuple[float, int]] = []
        self.messages = 0
        self.other = 0  # messages for anyone but a waiting signer (organisers, seeded accounts)
        self.task: asyncio.Task | None = None

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=1 << 20)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), self.pipe)
        self.task = asyncio.create_task(self._read(reader))

    async def _read(self, reader: asyncio.StreamReader) -> None:
        while line := await reader.readline():
            parts = line.decode().split()
            if parts[0] == "R":
                self.requests.append((float(parts[1]), int(parts[2])))
            elif parts[0] == "M":
                self.messages += 1
                arrived, email, link = float(parts[1]), parts[2], parts[3]
                waiter = self.waiters.pop(email, None)
                if waiter is not None and not waiter.done():
                    waiter.set_result((arrived, link))
                elif email.endswith("@" + SIGNER_DOMAIN):
                    self.arrived[email] = (arrived, link)  # before its signer started waiting
                else:
                    self.other += 1

    async def wait(self, email: str, timeout: float) -> tuple[float, str]:
        if email in self.arrived:
            return self.arrived.pop(email)
        waiter = asyncio.get_running_loop().create_future()
        self.waiters[email] = waiter
        try:
            return await asyncio.wait_for(waiter, timeout)
        except TimeoutError:
            raise StepFailed("email: missing") from None
        finally:
            self.waiters.pop(email, None)

    def in_window(self, t0: float, t1: float) -> tuple[int, int]:
        """(requests, messages) SendGrid was sent in [t0, t1]."""
        inside = [n for t, n in self.requests if t0 <= t <= t1]
        return len(inside), sum(inside)


class Load:
    def __init__(self, port: int, slug: str, feed: MailFeed, request_timeout: float, email_timeout: float):
        self.origin = f"http://127.0.0.1:{port}"
        self.public = f"https://{PUBLIC_HOST}"
        self.slug = slug
        self.feed = feed
        self.email_timeout = email_timeout
        self.timeout = aiohttp.ClientTimeout(total=request_timeout)
        self.addresses = Addresses()
        self.people = People()
        self.session: aiohttp.ClientSession | None = None
        self.headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-Host": PUBLIC_HOST,
            "User-Agent": "bench.surge",
            "Accept": "text/html,application/json",
        }

    async def __aenter__(self) -> Load:
        connector = aiohttp.TCPConnector(limit=0, keepalive_timeout=1.0)  # gunicorn keeps idle ones 2 s
        self.session = aiohttp.ClientSession(
            connector=connector, cookie_jar=aiohttp.DummyCookieJar(), timeout=self.timeout
        )
        return self

    async def __aexit__(self, *exc) -> None:
        if self.session is not None:
            await self.session.close()

    # -- one request ------------------------------------------------------------------------------------

    async def fetch(
        self,
        method: str,
        path: str,
        step: str,
        record: Record,
        *,
        address: str,
        cookies: dict | None = None,
        data: dict | None = None,
        referer: str | None = None,
        text: bool = True,
    ) -> tuple[int, str, str]:
        headers = {**self.headers, "X-Forwarded-For": address}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        if referer:
            headers["Referer"] = referer
        assert self.session is not None
        start = now()
        try:
            async with self.session.request(
                method, self.origin + path, data=data, headers=headers, allow_redirects=False
            ) as response:
                body = await response.text() if text else (await response.read()).decode("latin-1")
                status = response.status
                if cookies is not None:
                    for name, morsel in response.cookies.items():
                        if morsel.value and morsel["max-age"] != "0":
                            cookies[name] = morsel.value
                        else:
                            cookies.pop(name, None)
                location = response.headers.get("Location", "")
        except TimeoutError:
            record.errors.append((now(), f"{step}: timeout"))
            raise StepFailed(f"{step}: timeout") from None
        except aiohttp.ClientError as error:
            record.errors.append((now(), f"{step}: {type(error).__name__}"))
            raise StepFailed(f"{step}: {type(error).__name__}") from None
        end = now()
        record.requests.append(end)
        record.add(step, end, end - start)
        return status, body, location

    def _expect(self, record: Record, step: str, status: int, wanted: int) -> None:
        if status != wanted:
            record.errors.append((now(), f"{step}: HTTP {status}"))
            raise StepFailed(f"{step}: HTTP {status}")

    def _csrf(self, record: Record, step: str, page: str) -> str:
        tag = CSRF_INPUT.search(page)
        value = VALUE.search(tag.group(0)) if tag else None
        if value is None:
            record.errors.append((now(), f"{step}: no CSRF token"))
            raise StepFailed(f"{step}: no CSRF token")
        return unescape(value.group(1))

    # -- the signing journey ----------------------------------------------------------------------------

    async def journey(self, record: Record) -> None:
        name, email, postcode = self.people.next()
        address = self.addresses.next()
        cookies: dict[str, str] = {}
        petition = f"/petitions/{self.slug}"
        sign = f"{petition}/sign"
        began = now()
        status, _, _ = await self.fetch(
            "GET", petition, "petition page", record, address=address, cookies=cookies
        )
        self._expect(record, "petition page", status, 200)
        status, page, _ = await self.fetch("GET", sign, "sign form", record, address=address, cookies=cookies)
        self._expect(record, "sign form", status, 200)
        form = {
            "csrf_token": self._csrf(record, "sign form", page),
            "name": name,
            "email": email,
            "location": "uk",
            "postcode": postcode,
            "uk_confirmed": "y",
        }
        posted = now()
        status, _, location = await self.fetch(
            "POST", sign, "sign POST", record, address=address, cookies=cookies, data=form,
            referer=self.public + sign,
        )  # fmt: skip
        self._expect(record, "sign POST", status, 302)
        status, _, _ = await self.fetch(
            "GET", urlsplit(location).path, "check-email page", record, address=address, cookies=cookies
        )
        self._expect(record, "check-email page", status, 200)
        try:
            arrived, link = await self.feed.wait(email, self.email_timeout)
        except StepFailed as missing:
            record.errors.append((now(), missing.kind))
            raise
        if link == "-":
            record.errors.append((now(), "email: no confirmation link"))
            raise StepFailed("email: no confirmation link")
        record.add(EMAIL_STEP, arrived, arrived - posted)
        confirm = urlsplit(link).path
        status, page, _ = await self.fetch(
            "GET", confirm, "confirm page", record, address=address, cookies=cookies
        )
        self._expect(record, "confirm page", status, 200)
        token = self._csrf(record, "confirm page", page)
        status, page, _ = await self.fetch(
            "POST", confirm, "confirm POST", record, address=address, cookies=cookies,
            data={"csrf_token": token}, referer=self.public + confirm,
        )  # fmt: skip
        self._expect(record, "confirm POST", status, 200)
        if "Thank you for signing" not in page:
            record.errors.append((now(), "confirm POST: not confirmed"))
            raise StepFailed("confirm POST: not confirmed")
        done = now()
        record.confirmations.append(done)
        record.journeys.append((done, done - began))

    async def signers(self, count: int, record: Record, stop: asyncio.Event) -> list[asyncio.Task]:
        async def signer() -> None:
            while not stop.is_set():
                try:
                    await self.journey(record)
                except StepFailed:
                    await asyncio.sleep(0.05)  # the error is recorded; a moment before the next journey

        return [asyncio.create_task(signer()) for _ in range(count)]

    # -- the public count -------------------------------------------------------------------------------

    async def public_count(self) -> int | None:
        """The petition's count as its public JSON shows it now (None if it did not answer)."""
        try:
            status, body, _ = await self.fetch(
                "GET",
                f"/petitions/{self.slug}.json",
                "count",
                Record(),
                address=self.addresses.next(),
                text=False,
            )
        except StepFailed:
            return None
        found = _COUNT.search(body) if status == 200 else None
        return int(found.group(1)) if found else None

    async def poll_count(self, samples: list[tuple[float, int]], stop: asyncio.Event, every: float) -> None:
        """Sample the public count until ``stop``, each with the time its answer arrived."""
        while not stop.is_set():
            count = await self.public_count()
            if count is not None:
                samples.append((now(), count))
            try:
                await asyncio.wait_for(stop.wait(), every)
            except TimeoutError:
                pass

    # -- fixed and timed request runs -------------------------------------------------------------------

    async def fixed(self, path: str, step: str, clients: int, total: int, record: Record) -> float:
        """``clients`` clients share ``total`` GETs of ``path``; returns the seconds from first to last."""
        left = [total]

        async def client() -> None:
            while left[0] > 0:
                left[0] -= 1
                await self._read_once(path, step, record)

        start = now()
        await asyncio.gather(*(client() for _ in range(clients)))
        return now() - start

    async def _read_once(self, path: str, step: str, record: Record) -> None:
        """One GET of ``path`` from an address of its own; a failure is recorded, not raised."""
        try:
            status, _, _ = await self.fetch(
                "GET", path, step, record, address=self.addresses.next(), text=False
            )
            if status != 200:
                record.errors.append((now(), f"{step}: HTTP {status}"))
        except StepFailed:
            pass

    async def timed(
        self, path: str, step: str, clients: int, warmup: float, seconds: float, record: Record, mark
    ) -> tuple[float, float, object, object]:
        """``clients`` readers GET ``path`` over and over: ``warmup`` seconds, then a measured window.
        Returns its start and end, and what ``mark()`` (a CPU snapshot) gave at each."""
        stop = asyncio.Event()

        async def reader() -> None:
            while not stop.is_set():
                await self._read_once(path, step, record)

        tasks = [asyncio.create_task(reader()) for _ in range(clients)]
        await asyncio.sleep(warmup)
        t0, m0 = now(), mark()
        await asyncio.sleep(seconds)
        t1, m1 = now(), mark()
        stop.set()
        await asyncio.gather(*tasks)
        return t0, t1, m0, m1


_COUNT = re.compile(r"\"signature_count\":\s*(\d+)")
