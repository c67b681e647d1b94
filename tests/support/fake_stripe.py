"""A local stand-in for the parts of Stripe's API the platform uses, and builders for the webhook events
Stripe would send afterwards, signed the way Stripe signs them.

The platform talks to it through the real ``stripe`` package::

    client = stripe.StripeClient("sk_test_x", base_addresses={"api": fake.url}, max_network_retries=0)

It validates like Stripe, so a request it accepts is one Stripe would accept: an API key, Stripe's
form encoding decoded into nested dicts and lists, no parameter the API does not know (the names,
required keys and enum values are read from the ``stripe`` package's own ``params`` TypedDicts, so
they follow the pinned API version), integers and booleans where the API wants them, Checkout's
rules on modes, prices, amounts, metadata, URLs and e-mail, and idempotency keys replayed or refused
as Stripe does. Errors come back in Stripe's shape, so the library raises the same exceptions.

Endpoints: ``POST /v1/checkout/sessions``, ``GET /v1/checkout/sessions/{id}``,
``POST /v1/checkout/sessions/{id}/expire``, ``POST /v1/billing_portal/sessions``,
``GET`` and ``DELETE /v1/subscriptions/{id}``.

What Stripe does later (the donor pays, a month passes, a refund, a dispute, a cancellation in the
portal) is simulated by methods that change the fake's state and return the snapshot events Stripe
would deliver, in Stripe's order, without sending them: tests post them with ``event_body`` and
``sign``, in order, out of order or twice. Every event built is also appended to ``fake.events``;
API calls that make Stripe send an event (``DELETE /v1/subscriptions/{id}``, expiring a session) add
theirs there too.

``queue(FakeResponse)`` forces answers (500, 429, ...) that are given, after the API key is checked,
before any normal handling and without being stored against the idempotency key, so a retry with the
same key is then handled normally. ``stripe_error(...)`` builds such a response in Stripe's shape.
"""

from __future__ import annotations

import calendar
import copy
import datetime
import hashlib
import hmac
import json
import re
import secrets
import string
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from tests.support.fake_http import FakeResponse, RecordedRequest

API_VERSION = "2026-10-28.endive"

# The smallest amount Stripe will charge, in the currency's minor unit (docs: "Minimum and maximum
# charge amounts"); these are also the currencies the fake accepts.
MINIMUM_CHARGE = {
    "usd": 50, "aed": 200, "aud": 50, "bgn": 100, "brl": 50, "cad": 50, "chf": 50, "czk": 1500,
    "dkk": 250, "eur": 50, "gbp": 30, "hkd": 400, "huf": 17500, "inr": 50, "jpy": 50, "mxn": 1000,
    "myr": 200, "nok": 300, "nzd": 50, "pln": 200, "ron": 200, "sek": 300, "sgd": 50, "thb": 1000,
}
MAXIMUM_AMOUNT = 99999999
CURRENCY_SYMBOL = {"gbp": "£", "usd": "$", "eur": "€"}
MAX_METADATA_KEYS = 50
MAX_METADATA_KEY = 40
MAX_METADATA_VALUE = 500
MAX_INTERVAL_COUNT = {"day": 1095, "week": 156, "month": 36, "year": 3}
DISPUTE_STATUSES = {
    "warning_needs_response", "warning_under_review", "warning_closed", "needs_response",
    "under_review", "won", "lost", "prevented",
}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ALPHABET = string.ascii_letters + string.digits


def new_id(prefix: str, length: int = 24) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


# --- signing -----------------------------------------------------------------------------------

def _hmac(secret: str, timestamp: int, payload: bytes | str) -> str:
    if isinstance(payload, bytes | bytearray):
        payload = payload.decode("utf-8")
    signed = f"{timestamp}.{payload}".encode()
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def sign(payload: bytes | str, secret: str, timestamp: int | None = None) -> str:
    """The ``Stripe-Signature`` header Stripe sends with ``payload``: ``t=<unix time>,v1=<hex
    HMAC-SHA256 of "<t>.<payload>" keyed by the endpoint's signing secret>``. Like Stripe in test mode
    it adds a ``v0`` signature made with a secret nobody holds, which verifiers must ignore.
    ``timestamp`` defaults to the real clock (not ``fake.now``), since receivers refuse stale ones."""
    t = int(time.time()) if timestamp is None else int(timestamp)
    v0 = _hmac("whsec_test_v0_scheme_not_for_you", t, payload)
    return f"t={t},v1={_hmac(secret, t, payload)},v0={v0}"


def event_body(event: dict) -> bytes:
    """The body Stripe posts for ``event``: the event as JSON (Stripe pretty-prints it)."""
    return json.dumps(event, indent=2).encode("utf-8")


def signed_delivery(event: dict, secret: str, timestamp: int | None = None) -> tuple[bytes, dict]:
    """``(body, headers)`` for posting ``event`` to a webhook endpoint as Stripe would."""
    body = event_body(event)
    return body, {
        "Content-Type": "application/json; charset=utf-8",
        "Stripe-Signature": sign(body, secret, timestamp),
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    }


# --- errors ------------------------------------------------------------------------------------

class StripeAPIError(Exception):
    def __init__(self, message: str, param: str | None = None, *, status: int = 400,
                 type: str = "invalid_request_error", code: str | None = None, store: bool = False):
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
    return StripeAPIError(f"No such {kind}: '{ident}'", param, status=404 if param is None else 400,
                          code="resource_missing", store=True)


def stripe_error(status: int, type: str = "api_error", message: str = "An unknown error occurred",
                 code: str | None = None, headers: dict | None = None) -> FakeResponse:
    """A forced answer for ``queue``, in Stripe's error shape: e.g. ``stripe_error(500)``,
    ``stripe_error(429, "invalid_request_error", "Too many requests", code="rate_limit")``."""
    err = StripeAPIError(message, status=status, type=type, code=code)
    return FakeResponse(status, json.dumps(err.body()).encode(),
                        {"Content-Type": "application/json", **(headers or {})})


# --- Stripe's form encoding -------------------------------------------------------------------

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")


def decode_form(raw: bytes | str) -> dict:
    """Stripe's bracket encoding (``line_items[0][price_data][unit_amount]=1000``,
    ``metadata[ref]=abc``) as nested dicts; a dict whose keys are exactly 0..n-1 becomes a list."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    root: dict = {}
    for key, value in parse_qsl(raw, keep_blank_values=True, strict_parsing=False):
        match = _KEY.match(key)
        if not match:
            raise StripeAPIError(f"Invalid parameter name: {key}", key)
        parts = [match.group(1)] + re.findall(r"\[([^\[\]]*)\]", match.group(2))
        node = root
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if part == "":  # key[] appends
                part = str(len(node))
            if last:
                if isinstance(node.get(part), dict):
                    raise StripeAPIError(f"Invalid hash: {key}", key)
                node[part] = value
            else:
                child = node.setdefault(part, {})
                if not isinstance(child, dict):
                    raise StripeAPIError(f"Invalid hash: {'['.join(parts[:i + 1])}", key)
                node = child
    return _listify(root)


def _listify(node):
    if not isinstance(node, dict):
        return node
    node = {k: _listify(v) for k, v in node.items()}
    if node and all(k.isdigit() for k in node) and sorted(int(k) for k in node) == list(range(len(node))):
        return [node[str(i)] for i in range(len(node))]
    return node


# --- parameter schemas, read from the stripe package's params TypedDicts ---------------------

def _option_keys() -> set[str]:
    from stripe._request_options import RequestOptions

    return set(RequestOptions.__annotations__)


def _split_union(text: str, sep: str = "|") -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    return [p for p in parts if p]


def _annotation_text(annotation) -> str:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    text = re.sub(r"ForwardRef\((['\"])(.*?)\1(?:, module='[\w.]+')?\)", r"\2", text)
    text = re.sub(r"<class '(?:[\w.]+\.)?(\w+)'>", r"\1", text)
    text = text.replace("typing_extensions.", "").replace("typing.", "").replace("decimal.", "")
    changed = True
    while changed:
        changed = False
        for wrapper in ("NotRequired[", "Required["):
            if text.startswith(wrapper) and text.endswith("]"):
                text, changed = text[len(wrapper):-1], True
        if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
            text, changed = text[1:-1], True
        if text.startswith("Union[") and text.endswith("]"):
            text, changed = "|".join(_split_union(text[6:-1], ",")), True
        if text.startswith("Optional[") and text.endswith("]"):
            text, changed = text[9:-1], True
    return text


class Schema:
    """One parameter's expected shape: kind is object/list/map/enum/int/bool/decimal/str/any."""

    def __init__(self, kind: str, *, cls=None, item: Schema | None = None, values=(), empty_ok=False):
        self.kind, self.cls, self.item, self.values, self.empty_ok = kind, cls, item, tuple(values), empty_ok

    @classmethod
    def of(cls, annotation, module) -> Schema:
        text = _annotation_text(annotation)
        literals, others = [], []
        for part in _split_union(text):
            if part.startswith("Literal["):
                literals += re.findall(r"'((?:[^'\\]|\\.)*)'", part)
            else:
                others.append(part)
        empty_ok = "" in literals
        values = [v for v in literals if v]
        if values and others in ([], ["str"]):
            return cls("enum", values=values, empty_ok=empty_ok)
        types = [o for o in others if o != "str"] or others
        shapes = [cls._single(t, module, empty_ok) for t in types]
        if len({s.kind for s in shapes}) != 1:
            return cls("any")
        return shapes[0]

    @classmethod
    def _single(cls, text: str, module, empty_ok: bool) -> Schema:
        if text.startswith("List[") and text.endswith("]"):
            return cls("list", item=cls.of(text[5:-1], module), empty_ok=empty_ok)
        if text.startswith(("Dict[str", "UntypedStripeObject[")):
            return cls("map", empty_ok=empty_ok)
        simple = {"int": "int", "bool": "bool", "Decimal": "decimal", "float": "decimal", "str": "str"}
        if text in simple:
            return cls(simple[text], empty_ok=empty_ok)
        target = getattr(module, text, None)
        if isinstance(target, type) and hasattr(target, "__annotations__"):
            return cls("object", cls=target, empty_ok=empty_ok)
        return cls("any")

    def fields(self) -> dict[str, Schema]:
        cached = _FIELDS.get(self.cls)
        if cached is None:
            module = sys.modules[self.cls.__module__]
            skip = _option_keys()
            cached = {name: Schema.of(ann, module) for name, ann in self.cls.__annotations__.items()
                      if name not in skip}
            _FIELDS[self.cls] = cached
        return cached

    def required(self) -> set[str]:
        return set(getattr(self.cls, "__required_keys__", ())) - _option_keys()

    def check(self, value, param: str):
        """The value made typed (ints, bools), or StripeAPIError as Stripe words it."""
        if value == "" and self.empty_ok:
            return ""
        if self.kind == "object":
            if not isinstance(value, dict):
                raise StripeAPIError(f"Invalid object: {param}", param)
            fields = self.fields()
            out = {}
            for key, sub in value.items():
                where = f"{param}[{key}]" if param else key
                if key not in fields:
                    raise StripeAPIError(f"Received unknown parameter: {where}", where)
                out[key] = fields[key].check(sub, where)
            for key in sorted(self.required()):
                if key not in value:
                    where = f"{param}[{key}]" if param else key
                    raise StripeAPIError(f"Missing required param: {where}.", where)
            return out
        if self.kind == "list":
            if isinstance(value, dict):
                raise StripeAPIError(f"Invalid array: {param}", param)
            if not isinstance(value, list):
                raise StripeAPIError(f"Invalid array: {param}", param)
            return [self.item.check(v, f"{param}[{i}]") for i, v in enumerate(value)]
        if self.kind == "map":
            if isinstance(value, list):
                value = {str(i): v for i, v in enumerate(value)}
            if not isinstance(value, dict):
                raise StripeAPIError(f"Invalid object: {param}", param)
            for key, sub in value.items():
                if not isinstance(sub, str):
                    raise StripeAPIError(f"Invalid value for {param}[{key}]: must be a string", f"{param}[{key}]")
            return dict(value)
        if self.kind == "any":
            return value
        if isinstance(value, dict | list):
            raise StripeAPIError(f"Invalid {'array' if isinstance(value, list) else 'string'}: {param}", param)
        if self.kind == "enum":
            if value not in self.values:
                listed = ", ".join(self.values[:-1]) + (", or " if len(self.values) > 2 else " or ")
                listed = listed + self.values[-1] if len(self.values) > 1 else self.values[0]
                raise StripeAPIError(f"Invalid {param}: must be one of {listed}", param)
            return value
        if self.kind == "int":
            if not re.fullmatch(r"-?\d+", value):
                raise StripeAPIError(f"Invalid integer: {value}", param)
            return int(value)
        if self.kind == "bool":
            if value not in ("true", "false"):
                raise StripeAPIError(f"Invalid boolean: {value}", param)
            return value == "true"
        if self.kind == "decimal":
            if not re.fullmatch(r"-?\d+(\.\d{1,12})?", value):
                raise StripeAPIError(f"Invalid decimal: {value}", param)
            return value
        return value


_FIELDS: dict = {}


def params_schema(dotted: str) -> Schema:
    """The schema for e.g. ``"stripe.params.checkout.SessionCreateParams"``."""
    module_name, _, name = dotted.rpartition(".")
    __import__(module_name)
    cls = getattr(sys.modules[module_name], name)
    return Schema("object", cls=cls)


# --- checks Stripe makes beyond the shapes -----------------------------------------------------

def _money(amount: int, currency: str) -> str:
    symbol = CURRENCY_SYMBOL.get(currency)
    value = f"{amount / 100:,.2f}" if currency != "jpy" else f"{amount:,}"
    return f"{symbol}{value} {currency}" if symbol else f"{value} {currency}"


def _check_metadata(metadata, param: str) -> None:
    if not metadata:
        return
    if len(metadata) > MAX_METADATA_KEYS:
        raise StripeAPIError(f"Invalid {param}: metadata can have at most {MAX_METADATA_KEYS} keys "
                             f"(you passed {len(metadata)})", param)
    for key, value in metadata.items():
        if len(key) > MAX_METADATA_KEY:
            raise StripeAPIError(f"Metadata keys can have up to {MAX_METADATA_KEY} characters, but you "
                                 f"passed in a key that is {len(key)} characters. Invalid key: {key}",
                                 f"{param}[{key}]")
        if len(value) > MAX_METADATA_VALUE:
            raise StripeAPIError(f"Metadata values can have up to {MAX_METADATA_VALUE} characters, but you "
                                 f"passed in a value that is {len(value)} characters. Invalid value: {value}",
                                 f"{param}[{key}]")


def _check_url(value, param: str) -> None:
    parts = urlsplit(value or "")
    if parts.scheme not in ("http", "https") or not parts.netloc or len(value) > 5000 or " " in value:
        raise StripeAPIError("Not a valid URL", param)


def _add_interval(ts: int, interval: str, count: int) -> int:
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


def _diff(before: dict, after: dict) -> dict:
    """``data.previous_attributes``: the old values of the top-level fields that changed."""
    return {k: copy.deepcopy(before.get(k)) for k in after if before.get(k) != after.get(k)}


def _listing(data: list, url: str) -> dict:
    return {"object": "list", "data": data, "has_more": False, "total_count": len(data), "url": url}


# --- the fake ----------------------------------------------------------------------------------

class FakeStripe:
    def __init__(self, api_key: str | None = None, now: int | None = None):
        """``api_key``: when given, only that key is accepted; otherwise any test-mode secret or
        restricted key (``sk_test_...``, ``rk_test_...``)."""
        self.api_key = api_key
        self.now = int(time.time()) if now is None else int(now)
        self.requests: list[RecordedRequest] = []
        self.responses: list[FakeResponse] = []
        self.events: list[dict] = []
        self.sessions: dict[str, dict] = {}        # id -> Checkout Session object as Stripe holds it
        self.session_params: dict[str, dict] = {}  # id -> the validated params it was created with
        self.portal_sessions: dict[str, dict] = {}
        self.customers: dict[str, dict] = {}
        self.products: dict[str, dict] = {}
        self.prices: dict[str, dict] = {}
        self.subscriptions: dict[str, dict] = {}
        self.invoices: dict[str, dict] = {}
        self.invoice_payments: dict[str, dict] = {}
        self.payment_intents: dict[str, dict] = {}
        self.charges: dict[str, dict] = {}
        self.refunds: dict[str, dict] = {}
        self.disputes: dict[str, dict] = {}
        self.idempotency: dict[tuple[str, str], dict] = {}
        self._lines: dict[str, list[dict]] = {}       # session id -> [{"price": Price, "quantity": n}]
        self._invoice_pi: dict[str, str] = {}         # invoice id -> PaymentIntent id
        self.lock = threading.RLock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                with fake.lock:
                    fake.requests.append(RecordedRequest(self.command, self.path, dict(self.headers), raw))
                    response = fake._answer(self.command, self.path, self.headers, raw)
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)

            do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _handle

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        # A short poll so that shutdown (each test's teardown) takes milliseconds, not half a second.
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    # -- server plumbing --

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeStripe:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def queue(self, *responses: FakeResponse) -> None:
        with self.lock:
            self.responses.extend(responses)

    def client(self, api_key: str = "sk_test_fake", **kwargs):
        """A real ``stripe.StripeClient`` pointed at this fake."""
        import stripe

        return stripe.StripeClient(api_key, base_addresses={"api": self.url},
                                   max_network_retries=kwargs.pop("max_network_retries", 0), **kwargs)

    def posted(self, path: str) -> list[dict]:
        """The decoded params of every POST to ``path`` (e.g. ``"/v1/checkout/sessions"``)."""
        return [decode_form(r.body) for r in self.requests if r.method == "POST" and r.path == path]

    def _tick(self) -> int:
        self.now += 1
        return self.now

    def _json(self, status: int, payload: dict, headers: dict | None = None) -> FakeResponse:
        return FakeResponse(status, json.dumps(payload, indent=2).encode(),
                            {"Content-Type": "application/json", **(headers or {})})

    def _answer(self, method: str, target: str, headers, raw: bytes) -> FakeResponse:
        request_id = new_id("req_", 14)
        base = {"Request-Id": request_id, "Stripe-Version": headers.get("Stripe-Version") or API_VERSION}
        try:
            key = self._authenticate(headers.get("Authorization"))
        except StripeAPIError as err:
            return self._json(err.status, err.body(), {**base, "WWW-Authenticate": 'Bearer realm="Stripe"'})
        if self.responses:
            return self.responses.pop(0)
        path, _, query = target.partition("?")
        idem = headers.get("Idempotency-Key") if method == "POST" else None
        try:
            version = headers.get("Stripe-Version")
            if version is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(\.[a-z]+)?", version):
                raise StripeAPIError(f"Invalid Stripe API version: {version}", status=400)
            params = decode_form(query) if method in ("GET", "DELETE") else decode_form(raw)
            if method == "DELETE" and raw:
                params.update(decode_form(raw))
            if idem is not None:
                if len(idem) > 255:
                    raise StripeAPIError("Invalid idempotency key: must be at most 255 characters")
                stored = self.idempotency.get((key, idem))
                if stored is not None:
                    if (stored["method"], stored["path"], stored["params"]) != (method, path, params):
                        raise StripeAPIError(
                            "Keys for idempotent requests can only be used with the same parameters they "
                            f"were first used with. Try using a key other than '{idem}' if you meant to "
                            "execute a different request.", type="idempotency_error")
                    return FakeResponse(stored["status"], stored["body"], {
                        **stored["headers"], **base, "Idempotent-Replayed": "true",
                        "Original-Request": stored["request_id"]})
            status, payload = self._route(method, path, params)
            stored_ok = True
        except StripeAPIError as err:
            status, payload, stored_ok = err.status, err.body(), err.store
        extra = {"Idempotency-Key": idem} if idem is not None else {}
        response = self._json(status, payload, {**base, **extra})
        if idem is not None and stored_ok:
            self.idempotency[(key, idem)] = {
                "method": method, "path": path, "params": params, "status": status, "body": response.body,
                "headers": {"Content-Type": "application/json", **extra}, "request_id": request_id}
        return response

    def _authenticate(self, header: str | None) -> str:
        if not header or not header.startswith("Bearer ") or not header[7:].strip():
            raise StripeAPIError(
                "You did not provide an API key. You need to provide your API key in the Authorization "
                "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See "
                "https://stripe.com/docs/api#authentication for details, or we can help at "
                "https://support.stripe.com/.", status=401)
        key = header[7:].strip()
        if key.startswith("pk_"):
            raise StripeAPIError("This API call cannot be made with a publishable API key. Please use a "
                                 "secret API key. You can find a list of your API keys at "
                                 "https://dashboard.stripe.com/account/apikeys.", status=401)
        good = key == self.api_key if self.api_key else re.fullmatch(r"(sk|rk)_test_\w+", key)
        if not good:
            raise StripeAPIError(f"Invalid API Key provided: {key[:8]}{'*' * 12}{key[-4:]}", status=401)
        return key

    def _route(self, method: str, path: str, params: dict) -> tuple[int, dict]:
        routes = [
            ("POST", r"/v1/checkout/sessions", self._create_session),
            ("GET", r"/v1/checkout/sessions/(?P<id>[^/]+)", self._retrieve_session),
            ("POST", r"/v1/checkout/sessions/(?P<id>[^/]+)/expire", self._expire_session),
            ("POST", r"/v1/billing_portal/sessions", self._create_portal_session),
            ("GET", r"/v1/subscriptions/(?P<id>[^/]+)", self._retrieve_subscription),
            ("DELETE", r"/v1/subscriptions/(?P<id>[^/]+)", self._delete_subscription),
        ]
        for verb, pattern, handler in routes:
            match = re.fullmatch(pattern, path)
            if match and verb == method:
                return 200, handler(params, **match.groupdict())
        raise StripeAPIError(
            f"Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs or we can "
            "help at https://support.stripe.com/.", status=404)

    def _expand(self, obj: dict, params: dict) -> dict:
        obj = copy.deepcopy(obj)
        stores = {"cus_": self.customers, "sub_": self.subscriptions, "pi_": self.payment_intents,
                  "in_": self.invoices, "ch_": self.charges, "prod_": self.products, "price_": self.prices}
        for field in params.get("expand") or []:
            value = obj.get(field)
            if field == "line_items" and obj.get("object") == "checkout.session":
                obj["line_items"] = _listing(self._session_lines(obj["id"]),
                                             f"/v1/checkout/sessions/{obj['id']}/line_items")
                continue
            if field not in obj or "." in field:
                raise StripeAPIError(f"This property cannot be expanded ({field}).", "expand")
            if isinstance(value, str):
                store = next((s for p, s in stores.items() if value.startswith(p)), None)
                if store is None or value not in store:
                    raise StripeAPIError(f"This property cannot be expanded ({field}).", "expand")
                obj[field] = copy.deepcopy(store[value])
        return obj

    # -- Checkout Sessions --

    def _create_session(self, params: dict) -> dict:
        params = params_schema("stripe.params.checkout.SessionCreateParams").check(params, "")
        mode = params.get("mode")
        if not mode:
            raise StripeAPIError("Missing required param: mode.", "mode")
        ui_mode = params.get("ui_mode", "hosted_page")
        if ui_mode in ("hosted_page", "form"):
            if "success_url" not in params:
                raise StripeAPIError("Missing required param: success_url.", "success_url")
            if "return_url" in params:
                raise StripeAPIError(f"You can not pass `return_url` when `ui_mode` is `{ui_mode}`.",
                                     "return_url")
        else:
            for name in ("success_url", "cancel_url"):
                if name in params:
                    raise StripeAPIError(f"You can not pass `{name}` when `ui_mode` is `{ui_mode}`.", name)
        for name in ("success_url", "cancel_url", "return_url"):
            if name in params:
                _check_url(params[name], name)
        if mode == "subscription" and "payment_intent_data" in params:
            raise StripeAPIError("You can not pass `payment_intent_data` in `subscription` mode.",
                                 "payment_intent_data")
        if mode != "subscription" and "subscription_data" in params:
            raise StripeAPIError(f"You can not pass `subscription_data` in `{mode}` mode.", "subscription_data")
        if "submit_type" in params:
            if mode == "setup":
                raise StripeAPIError("`submit_type` can only be specified in `payment` or `subscription` mode.",
                                     "submit_type")
            if mode == "subscription" and params["submit_type"] not in ("auto", "subscribe"):
                raise StripeAPIError("`submit_type` can only be `auto` or `subscribe` in `subscription` mode.",
                                     "submit_type")
        if "customer" in params and "customer_email" in params:
            raise StripeAPIError("You may only specify one of these parameters: customer, customer_email.",
                                 "customer_email")
        if "customer" in params and params["customer"] not in self.customers:
            raise missing("customer", params["customer"], "customer")
        if "customer_email" in params and (not EMAIL.match(params["customer_email"])
                                           or len(params["customer_email"]) > 512):
            raise StripeAPIError(f"Invalid email address: {params['customer_email']}", "customer_email")
        if len(params.get("client_reference_id") or "") > 200:
            raise StripeAPIError("Invalid client_reference_id: must be at most 200 characters",
                                 "client_reference_id")
        _check_metadata(params.get("metadata"), "metadata")
        _check_metadata((params.get("payment_intent_data") or {}).get("metadata"), "payment_intent_data[metadata]")
        _check_metadata((params.get("subscription_data") or {}).get("metadata"), "subscription_data[metadata]")
        created = self._tick()
        if "expires_at" in params:
            if not created + 30 * 60 <= params["expires_at"] <= created + 24 * 3600:
                raise StripeAPIError("The `expires_at` timestamp must be between 30 minutes and 24 hours "
                                     "from Checkout Session creation.", "expires_at")
        lines = self._check_line_items(params, mode)
        currency = lines[0]["price"]["currency"] if lines else params.get("currency")
        if mode == "setup" and not currency and "payment_method_types" not in params:
            raise StripeAPIError("Missing required param: currency.", "currency")
        total = sum(line["price"]["unit_amount"] * line["quantity"] for line in lines)
        if lines and mode == "payment" and currency in MINIMUM_CHARGE and total < MINIMUM_CHARGE[currency]:
            raise StripeAPIError("The Checkout Session's total amount due must add up to at least "
                                 f"{_money(MINIMUM_CHARGE[currency], currency)}", "line_items")
        if total > MAXIMUM_AMOUNT:
            raise StripeAPIError(f"The Checkout Session's total amount due must be no more than "
                                 f"{_money(MAXIMUM_AMOUNT, currency)}", "line_items")

        session_id = new_id("cs_test_a1", 56)
        for line in lines:
            self.prices.setdefault(line["price"]["id"], line["price"])
        session = {
            "id": session_id,
            "object": "checkout.session",
            "adaptive_pricing": {"enabled": False},
            "after_expiration": None,
            "allow_promotion_codes": params.get("allow_promotion_codes"),
            "amount_subtotal": total if lines else None,
            "amount_total": total if lines else None,
            "automatic_tax": {"enabled": False, "liability": None, "provider": None, "status": None},
            "billing_address_collection": params.get("billing_address_collection"),
            "cancel_url": params.get("cancel_url"),
            "client_reference_id": params.get("client_reference_id"),
            "client_secret": None,
            "collected_information": None,
            "consent": None,
            "consent_collection": None,
            "created": created,
            "currency": currency,
            "currency_conversion": None,
            "custom_fields": [],
            "custom_text": {"after_submit": None, "shipping_address": None, "submit": None,
                            "terms_of_service_acceptance": None},
            "customer": params.get("customer"),
            "customer_account": None,
            "customer_creation": None if mode == "subscription" or "customer" in params
            else params.get("customer_creation", "if_required"),
            "customer_details": None,
            "customer_email": params.get("customer_email"),
            "discounts": [],
            "expires_at": params.get("expires_at", created + 24 * 3600),
            "invoice": None,
            "invoice_creation": {"enabled": False, "invoice_data": {
                "account_tax_ids": None, "custom_fields": None, "description": None, "footer": None,
                "issuer": None, "metadata": {}, "rendering_options": None}} if mode == "payment" else None,
            "livemode": False,
            "locale": params.get("locale"),
            "metadata": params.get("metadata") or {},
            "mode": mode,
            "payment_intent": None,
            "payment_link": None,
            "payment_method_collection": "always" if mode == "subscription" else None,
            "payment_method_options": {},
            "payment_method_types": params.get("payment_method_types") or ["card"],
            "payment_status": "no_payment_required" if mode == "setup" else "unpaid",
            "phone_number_collection": {"enabled": False},
            "recovered_from": None,
            "saved_payment_method_options": None,
            "setup_intent": None,
            "shipping_address_collection": None,
            "shipping_cost": None,
            "shipping_options": [],
            "status": "open",
            "submit_type": params.get("submit_type"),
            "subscription": None,
            "success_url": params.get("success_url"),
            "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0} if lines else None,
            "ui_mode": ui_mode,
            "url": f"https://checkout.stripe.com/c/pay/{session_id}" if ui_mode == "hosted_page" else None,
            "wallet_options": None,
        }
        self.sessions[session_id] = session
        self.session_params[session_id] = params
        self._lines[session_id] = lines
        return self._expand(session, params)

    def _check_line_items(self, params: dict, mode: str) -> list[dict]:
        items = params.get("line_items")
        if mode == "setup":
            if items:
                raise StripeAPIError("You can not pass `line_items` in `setup` mode.", "line_items")
            return []
        if not items:
            raise StripeAPIError(f"`line_items` is required in `{mode}` mode.", "line_items")
        if len(items) > (100 if mode == "payment" else 20):
            raise StripeAPIError(f"Too many line items: at most {100 if mode == 'payment' else 20} in "
                                 f"`{mode}` mode.", "line_items")
        lines, currency, recurring_seen = [], None, None
        for i, item in enumerate(items):
            where = f"line_items[{i}]"
            if "price" in item and "price_data" in item:
                raise StripeAPIError(f"You may only specify one of these parameters: {where}[price], "
                                     f"{where}[price_data].", f"{where}[price_data]")
            if "price" in item:
                if item["price"] not in self.prices:
                    raise missing("price", item["price"], f"{where}[price]")
                price = self.prices[item["price"]]
                if not price["active"]:
                    raise StripeAPIError("The price specified is inactive. This field only accepts active "
                                         "prices.", f"{where}[price]")
            elif "price_data" in item:
                price = self._inline_price(item["price_data"], f"{where}[price_data]")
            else:
                raise StripeAPIError(f"You must specify either `price` or `price_data` in {where}.", where)
            if "quantity" not in item:
                raise StripeAPIError(f"Quantity is required. Add `quantity` to `{where}`", f"{where}[quantity]")
            if item["quantity"] < 1:
                raise StripeAPIError("This value must be greater than or equal to 1.", f"{where}[quantity]")
            if item["quantity"] > 999999:
                raise StripeAPIError("This value must be less than or equal to 999999.", f"{where}[quantity]")
            money = f"{where}[price_data][unit_amount]" if "price_data" in item else f"{where}[price]"
            amount, cur = price["unit_amount"], price["currency"]
            if mode == "payment" and cur in MINIMUM_CHARGE and amount < MINIMUM_CHARGE[cur]:
                raise StripeAPIError(f"Amount must be at least {_money(MINIMUM_CHARGE[cur], cur)}", money)
            if amount > MAXIMUM_AMOUNT:
                raise StripeAPIError(f"This value must be less than or equal to {MAXIMUM_AMOUNT} (it currently "
                                     f"is '{amount}').", money)
            if currency is not None and cur != currency:
                raise StripeAPIError("All line items must be in the same currency.", f"{where}[price_data][currency]")
            currency = cur
            recurring = price.get("recurring")
            if mode == "payment" and recurring:
                raise StripeAPIError(
                    "You specified `payment` mode but passed a recurring price. Either switch to "
                    "`subscription` mode or use only one-time prices.",
                    f"{where}[price_data][recurring]" if "price_data" in item else f"{where}[price]")
            if mode == "subscription":
                if not recurring:
                    raise StripeAPIError(
                        "You specified `subscription` mode but passed a one-time price. Every line item "
                        "must have a recurring price.",
                        f"{where}[price_data][recurring]" if "price_data" in item else f"{where}[price]")
                if amount < (MINIMUM_CHARGE.get(cur) or 0):
                    raise StripeAPIError(f"Amount must be at least {_money(MINIMUM_CHARGE[cur], cur)}", money)
                shape = (recurring["interval"], recurring["interval_count"])
                if recurring_seen is not None and shape != recurring_seen:
                    raise StripeAPIError("All prices on a subscription must have the same "
                                         "`recurring.interval` and `recurring.interval_count`.",
                                         f"{where}[price_data][recurring]")
                recurring_seen = shape
            lines.append({"price": price, "quantity": item["quantity"]})
        return lines

    def _inline_price(self, data: dict, where: str) -> dict:
        currency = data["currency"]
        if not re.fullmatch(r"[a-z]{3}", currency) or currency not in MINIMUM_CHARGE:
            raise StripeAPIError(f"Invalid currency: {currency}. Stripe currently supports these currencies: "
                                 f"{', '.join(sorted(MINIMUM_CHARGE))}", f"{where}[currency]")
        if "unit_amount" in data and "unit_amount_decimal" in data:
            raise StripeAPIError(f"You may only specify one of these parameters: {where}[unit_amount], "
                                 f"{where}[unit_amount_decimal].", f"{where}[unit_amount_decimal]")
        if "unit_amount" in data:
            amount = data["unit_amount"]
        elif "unit_amount_decimal" in data:
            if "." in data["unit_amount_decimal"]:
                raise StripeAPIError("The fake supports only whole-unit `unit_amount_decimal`.",
                                     f"{where}[unit_amount_decimal]")
            amount = int(data["unit_amount_decimal"])
        else:
            raise StripeAPIError(f"Missing required param: {where}[unit_amount].", f"{where}[unit_amount]")
        if amount < 0:
            raise StripeAPIError("This value must be greater than or equal to 0.", f"{where}[unit_amount]")
        if "product" in data and "product_data" in data:
            raise StripeAPIError(f"You may only specify one of these parameters: {where}[product], "
                                 f"{where}[product_data].", f"{where}[product_data]")
        if "product" in data:
            if data["product"] not in self.products:
                raise missing("product", data["product"], f"{where}[product]")
            product_id = data["product"]
        elif "product_data" in data:
            product = data["product_data"]
            if not product.get("name"):
                raise StripeAPIError(f"Missing required param: {where}[product_data][name].",
                                     f"{where}[product_data][name]")
            _check_metadata(product.get("metadata"), f"{where}[product_data][metadata]")
            product_id = None
        else:
            raise StripeAPIError(f"You must specify either `product` or `product_data` in {where}.", where)
        recurring = data.get("recurring")
        if recurring:
            count = recurring.get("interval_count", 1)
            if not 1 <= count <= MAX_INTERVAL_COUNT[recurring["interval"]]:
                raise StripeAPIError("The maximum billing interval is 3 years (3 years, 36 months, or 156 weeks).",
                                     f"{where}[recurring][interval_count]")
            recurring = {"interval": recurring["interval"], "interval_count": count, "meter": None,
                         "trial_period_days": None, "usage_type": "licensed"}
        if product_id is None:
            product_id = new_id("prod_", 14)
            self.products[product_id] = {
                "id": product_id, "object": "product", "active": False, "created": self.now,
                "description": data["product_data"].get("description"), "livemode": False,
                "metadata": data["product_data"].get("metadata") or {}, "name": data["product_data"]["name"]}
        return self._price(product_id, amount, currency, recurring, active=False)

    def _price(self, product_id, amount, currency, recurring, active) -> dict:
        price_id = new_id("price_", 24)
        return {"id": price_id, "object": "price", "active": active, "billing_scheme": "per_unit",
                "created": self.now, "currency": currency, "custom_unit_amount": None, "livemode": False,
                "lookup_key": None, "metadata": {}, "nickname": None, "product": product_id,
                "recurring": recurring, "tax_behavior": "unspecified", "tiers_mode": None,
                "transform_quantity": None, "type": "recurring" if recurring else "one_time",
                "unit_amount": amount, "unit_amount_decimal": str(amount)}

    def create_price(self, unit_amount: int, currency: str = "gbp", interval: str | None = None,
                     name: str = "Donation") -> str:
        """A Price made in the Dashboard, for line items that pass ``price``; returns its id."""
        with self.lock:
            product_id = new_id("prod_", 14)
            self.products[product_id] = {"id": product_id, "object": "product", "active": True,
                                         "created": self.now, "livemode": False, "metadata": {}, "name": name}
            recurring = {"interval": interval, "interval_count": 1, "meter": None, "trial_period_days": None,
                         "usage_type": "licensed"} if interval else None
            price = self._price(product_id, unit_amount, currency, recurring, active=True)
            self.prices[price["id"]] = price
            return price["id"]

    def _session_lines(self, session_id: str) -> list[dict]:
        out = []
        for line in self._lines.get(session_id, []):
            price, qty = line["price"], line["quantity"]
            out.append({"id": new_id("li_", 24), "object": "item", "amount_discount": 0,
                        "amount_subtotal": price["unit_amount"] * qty, "amount_tax": 0,
                        "amount_total": price["unit_amount"] * qty, "currency": price["currency"],
                        "description": self.products.get(price["product"], {}).get("name"),
                        "price": copy.deepcopy(price), "quantity": qty})
        return out

    def _retrieve_session(self, params: dict, id: str) -> dict:
        params = params_schema("stripe.params.checkout.SessionRetrieveParams").check(params, "")
        if id not in self.sessions:
            raise missing("checkout.session", id)
        return self._expand(self.sessions[id], params)

    def _expire_session(self, params: dict, id: str) -> dict:
        params = params_schema("stripe.params.checkout.SessionExpireParams").check(params, "")
        if id not in self.sessions:
            raise missing("checkout.session", id)
        if self.sessions[id]["status"] != "open":
            raise StripeAPIError(f"Only Checkout Sessions with a status in [\"open\"] can be expired. This "
                                 f"Checkout Session has a status of \"{self.sessions[id]['status']}\".",
                                 store=True)
        self.expire(id)
        return self._expand(self.sessions[id], params)

    # -- billing portal --

    def _create_portal_session(self, params: dict) -> dict:
        params = params_schema("stripe.params.billing_portal.SessionCreateParams").check(params, "")
        if "customer" not in params and "customer_account" not in params:
            raise StripeAPIError("Missing required param: customer.", "customer")
        customer = params.get("customer")
        if customer not in self.customers:
            raise missing("customer", customer, "customer")
        if "return_url" in params:
            _check_url(params["return_url"], "return_url")
        portal_id = new_id("bps_", 24)
        portal = {"id": portal_id, "object": "billing_portal.session",
                  "configuration": getattr(self, "portal_configuration", None) or "bpc_fakedefault",
                  "created": self._tick(), "customer": customer, "customer_account": None,
                  "flow": params.get("flow_data"), "livemode": False, "locale": params.get("locale"),
                  "on_behalf_of": None, "return_url": params.get("return_url"),
                  "url": f"https://billing.stripe.com/p/session/test_{new_id('', 40)}"}
        self.portal_sessions[portal_id] = portal
        return portal

    # -- subscriptions --

    def _retrieve_subscription(self, params: dict, id: str) -> dict:
        params = params_schema("stripe.params.SubscriptionRetrieveParams").check(params, "")
        if id not in self.subscriptions:
            raise missing("subscription", id)
        return self._expand(self.subscriptions[id], params)

    def _delete_subscription(self, params: dict, id: str) -> dict:
        params = params_schema("stripe.params.SubscriptionCancelParams").check(params, "")
        if id not in self.subscriptions:
            raise missing("subscription", id)
        if self.subscriptions[id]["status"] in ("canceled", "incomplete_expired"):
            raise StripeAPIError("A canceled subscription can only update its cancellation_details and "
                                 "metadata.", store=True)
        details = params.get("cancellation_details") or {}
        self._cancel(id, "cancellation_requested", details.get("feedback") or None, details.get("comment") or None)
        return self._expand(self.subscriptions[id], params)

    # -- events --

    def _event(self, type: str, obj: dict, previous: dict | None = None) -> dict:
        data = {"object": copy.deepcopy(obj)}
        if previous:
            data["previous_attributes"] = previous
        event = {"id": new_id("evt_", 24), "object": "event", "api_version": API_VERSION,
                 "created": self._tick(), "data": data, "livemode": False, "pending_webhooks": 1,
                 "request": {"id": None, "idempotency_key": None}, "type": type}
        self.events.append(event)
        return event

    def _open_session(self, session_id: str) -> dict:
        if session_id not in self.sessions:
            raise KeyError(f"no Checkout Session {session_id}")
        session = self.sessions[session_id]
        if session["status"] != "open":
            raise ValueError(f"Checkout Session {session_id} is {session['status']}, not open")
        return session

    def _customer(self, email: str, name: str) -> str:
        customer_id = new_id("cus_", 14)
        self.customers[customer_id] = {
            "id": customer_id, "object": "customer", "address": None, "balance": 0, "created": self.now,
            "currency": None, "default_source": None, "delinquent": False, "description": None,
            "email": email, "invoice_prefix": new_id("", 8).upper(), "livemode": False, "metadata": {},
            "name": name, "phone": None, "preferred_locales": [], "shipping": None, "tax_exempt": "none",
            "test_clock": None}
        return customer_id

    def add_customer(self, email: str = "donor@example.com", name: str = "Test Donor") -> str:
        """A customer Stripe already knows (as if from an earlier checkout); returns its id."""
        with self.lock:
            return self._customer(email, name)

    def _payment(self, amount: int, currency: str, customer: str | None, metadata: dict,
                 description: str | None, email: str | None, name: str | None, status: str) -> dict:
        """A PaymentIntent and its Charge; status is succeeded, processing or failed."""
        pi_id, ch_id = new_id("pi_3", 23), new_id("ch_3", 23)
        paid = status == "succeeded"
        method_type = "card" if status != "processing" else "bacs_debit"
        self.charges[ch_id] = {
            "id": ch_id, "object": "charge", "amount": amount, "amount_captured": amount if paid else 0,
            "amount_refunded": 0, "application": None, "application_fee": None, "application_fee_amount": None,
            "balance_transaction": new_id("txn_3", 23) if paid else None,
            "billing_details": {"address": {"city": None, "country": "GB", "line1": None, "line2": None,
                                            "postal_code": "N1 9GU", "state": None},
                                "email": email, "name": name, "phone": None, "tax_id": None},
            "calculated_statement_descriptor": "CAMPAIGN", "captured": paid, "created": self.now,
            "currency": currency, "customer": customer, "description": description, "disputed": False,
            "failure_balance_transaction": None,
            "failure_code": "card_declined" if status == "failed" else None,
            "failure_message": "Your card was declined." if status == "failed" else None,
            "fraud_details": {}, "livemode": False, "metadata": dict(metadata), "on_behalf_of": None,
            "outcome": {"network_status": "approved_by_network" if status != "failed" else "declined_by_network",
                        "reason": None, "risk_level": "normal", "seller_message": "Payment complete.",
                        "type": "authorized" if status != "failed" else "issuer_declined"},
            "paid": paid, "payment_intent": pi_id, "payment_method": new_id("pm_1", 23),
            "payment_method_details": {"type": method_type, method_type: {}}, "receipt_email": email,
            "receipt_number": None, "receipt_url": f"https://pay.stripe.com/receipts/payment/{new_id('', 40)}",
            "refunded": False, "review": None, "shipping": None, "source": None, "source_transfer": None,
            "statement_descriptor": None, "statement_descriptor_suffix": None,
            "status": {"succeeded": "succeeded", "processing": "pending", "failed": "failed"}[status],
            "transfer_data": None, "transfer_group": None}
        self.payment_intents[pi_id] = {
            "id": pi_id, "object": "payment_intent", "amount": amount, "amount_capturable": 0,
            "amount_received": amount if paid else 0, "application": None, "canceled_at": None,
            "cancellation_reason": None, "capture_method": "automatic_async", "client_secret": None,
            "confirmation_method": "automatic", "created": self.now, "currency": currency, "customer": customer,
            "description": description, "last_payment_error": None, "latest_charge": ch_id, "livemode": False,
            "metadata": dict(metadata), "payment_method": self.charges[ch_id]["payment_method"],
            "payment_method_types": [method_type], "receipt_email": email,
            "status": {"succeeded": "succeeded", "processing": "processing",
                       "failed": "requires_payment_method"}[status]}
        return self.payment_intents[pi_id]

    def complete(self, session_id: str, paid: bool = True, email: str | None = None,
                 name: str = "Test Donor") -> list[dict]:
        """The donor finishes Checkout. Payment mode: a PaymentIntent and Charge (metadata from
        ``payment_intent_data.metadata``) and [checkout.session.completed], payment_status "paid", or
        "unpaid" with ``paid=False`` (a delayed method such as Bacs; settle it with ``async_result``).
        Subscription mode: a customer, an active subscription and its first paid invoice, and
        [customer.subscription.created, invoice.paid, invoice_payment.paid, checkout.session.completed]."""
        with self.lock:
            session = self._open_session(session_id)
            params = self.session_params[session_id]
            email = email or session["customer_email"] or (
                self.customers[session["customer"]]["email"] if session["customer"] else "donor@example.com")
            self._tick()
            session["customer_details"] = {
                "address": {"city": None, "country": "GB", "line1": None, "line2": None, "postal_code": "N1 9GU",
                            "state": None},
                "business_name": None, "email": email, "individual_name": None, "name": name, "phone": None,
                "tax_exempt": "none", "tax_ids": []}
            session["status"] = "complete"
            session["url"] = None
            events = []
            if session["mode"] == "payment":
                if session["customer_creation"] == "always":
                    session["customer"] = self._customer(email, name)
                data = params.get("payment_intent_data") or {}
                pi = self._payment(session["amount_total"], session["currency"], session["customer"],
                                   data.get("metadata") or {}, data.get("description"), email, name,
                                   "succeeded" if paid else "processing")
                session["payment_intent"] = pi["id"]
                session["payment_status"] = "paid" if paid else "unpaid"
            elif session["mode"] == "subscription":
                customer = session["customer"] or self._customer(email, name)
                session["customer"] = customer
                sub = self._new_subscription(session_id, customer)
                events.append(self._event("customer.subscription.created", sub))
                invoice, inpay = self._invoice(sub["id"], "subscription_create", paid=True)
                sub["latest_invoice"] = invoice["id"]
                session["invoice"] = invoice["id"]
                session["subscription"] = sub["id"]
                session["payment_status"] = "paid"
                events.append(self._event("invoice.paid", invoice))
                events.append(self._event("invoice_payment.paid", inpay))
            else:
                session["setup_intent"] = new_id("seti_1", 23)
            events.append(self._event("checkout.session.completed", session))
            return events

    def async_result(self, session_id: str, succeeded: bool) -> list[dict]:
        """A delayed payment settles: [checkout.session.async_payment_succeeded] (payment_status
        "paid") or [checkout.session.async_payment_failed] (still "unpaid")."""
        with self.lock:
            session = self.sessions[session_id]
            if session["status"] != "complete" or session["payment_status"] != "unpaid":
                raise ValueError(f"Checkout Session {session_id} has no payment pending")
            pi = self.payment_intents[session["payment_intent"]]
            charge = self.charges[pi["latest_charge"]]
            self._tick()
            if succeeded:
                pi.update(status="succeeded", amount_received=pi["amount"])
                charge.update(status="succeeded", paid=True, captured=True, amount_captured=charge["amount"],
                              balance_transaction=new_id("txn_3", 23))
                session["payment_status"] = "paid"
                return [self._event("checkout.session.async_payment_succeeded", session)]
            pi.update(status="requires_payment_method",
                      last_payment_error={"code": "debit_not_authorized", "type": "invalid_request_error",
                                          "message": "The customer's bank account could not be debited."})
            charge.update(status="failed", failure_code="debit_not_authorized",
                          failure_message="The customer's bank account could not be debited.")
            return [self._event("checkout.session.async_payment_failed", session)]

    def expire(self, session_id: str) -> list[dict]:
        """The session times out (or is expired): [checkout.session.expired], status "expired"."""
        with self.lock:
            session = self._open_session(session_id)
            session["status"] = "expired"
            session["url"] = None
            return [self._event("checkout.session.expired", session)]

    def _new_subscription(self, session_id: str, customer: str) -> dict:
        params = self.session_params[session_id]
        data = params.get("subscription_data") or {}
        sub_id = new_id("sub_1", 23)
        start = self.now
        items = []
        for line in self._lines[session_id]:
            price = line["price"]
            recurring = price["recurring"]
            items.append({
                "id": new_id("si_", 14), "object": "subscription_item", "billing_thresholds": None,
                "created": start, "current_period_start": start,
                "current_period_end": _add_interval(start, recurring["interval"], recurring["interval_count"]),
                "discounts": [], "metadata": {}, "plan": None, "price": copy.deepcopy(price),
                "quantity": line["quantity"], "subscription": sub_id, "tax_rates": []})
        sub = {
            "id": sub_id, "object": "subscription", "application": None, "application_fee_percent": None,
            "automatic_tax": {"disabled_reason": None, "enabled": False, "liability": None},
            "billing_cycle_anchor": start, "billing_cycle_anchor_config": None, "billing_thresholds": None,
            "cancel_at": None, "cancel_at_period_end": False, "canceled_at": None,
            "cancellation_details": {"comment": None, "feedback": None, "reason": None},
            "collection_method": "charge_automatically", "created": start,
            "currency": items[0]["price"]["currency"], "customer": customer, "days_until_due": None,
            "default_payment_method": new_id("pm_1", 23), "default_source": None, "default_tax_rates": [],
            "description": data.get("description"), "discounts": [], "ended_at": None,
            "invoice_settings": {"account_tax_ids": None, "issuer": {"type": "self"}},
            "items": _listing(items, f"/v1/subscription_items?subscription={sub_id}"),
            "latest_invoice": None, "livemode": False, "metadata": data.get("metadata") or {},
            "next_pending_invoice_item_invoice": None, "on_behalf_of": None, "pause_collection": None,
            "payment_settings": {"payment_method_options": None, "payment_method_types": None,
                                 "save_default_payment_method": "off"},
            "pending_invoice_item_interval": None, "pending_setup_intent": None, "pending_update": None,
            "schedule": None, "start_date": start, "status": "active", "test_clock": None,
            "transfer_data": None, "trial_end": None, "trial_start": None}
        self.subscriptions[sub_id] = sub
        return sub

    def _invoice(self, sub_id: str, reason: str, paid: bool, period: tuple[int, int] | None = None):
        """An invoice for the subscription's current item periods; with its InvoicePayment when paid.
        As Stripe does, the first invoice's period_start == period_end (nothing billed in arrears) and
        a cycle invoice's period is the one just ended; the lines carry the period being paid for."""
        sub = self.subscriptions[sub_id]
        customer = self.customers[sub["customer"]]
        in_id = new_id("in_1", 23)
        created = self.now
        lines, total = [], 0
        for item in sub["items"]["data"]:
            price = item["price"]
            amount = price["unit_amount"] * item["quantity"]
            total += amount
            product = self.products.get(price["product"], {}).get("name", "Donation")
            lines.append({
                "id": new_id("il_", 24), "object": "line_item", "amount": amount, "currency": price["currency"],
                "description": f"{item['quantity']} × {product} (at {_money(price['unit_amount'], price['currency'])}"
                               f" / {price['recurring']['interval']})",
                "discount_amounts": [], "discountable": True, "discounts": [], "invoice": in_id,
                "livemode": False, "metadata": dict(sub["metadata"]),
                "parent": {"type": "subscription_item_details", "invoice_item_details": None,
                           "subscription_item_details": {"invoice_item": None, "proration": False,
                                                         "proration_details": {"credited_items": None},
                                                         "subscription": sub_id, "subscription_item": item["id"]}},
                "period": {"end": item["current_period_end"], "start": item["current_period_start"]},
                "pretax_credit_amounts": [],
                "pricing": {"price_details": {"price": price["id"], "product": price["product"]},
                            "type": "price_details", "unit_amount_decimal": price["unit_amount_decimal"]},
                "quantity": item["quantity"], "subtotal": amount, "taxes": []})
        period_start, period_end = period or (created, created)
        pi = self._payment(total, sub["currency"], sub["customer"], {},
                           "Subscription creation" if reason == "subscription_create" else "Subscription update",
                           customer["email"], customer["name"], "succeeded" if paid else "failed")
        invoice = {
            "id": in_id, "object": "invoice", "account_country": "GB", "account_name": "Campaign (test)",
            "account_tax_ids": None, "amount_due": total, "amount_overpaid": 0, "amount_paid": total if paid else 0,
            "amount_remaining": 0 if paid else total, "amount_shipping": 0, "application": None,
            "attempt_count": 1, "attempted": True, "auto_advance": not paid,
            "automatic_tax": {"disabled_reason": None, "enabled": False, "liability": None, "provider": None,
                              "status": None},
            "automatically_finalizes_at": None, "billing_reason": reason, "collection_method": "charge_automatically",
            "created": created, "currency": sub["currency"], "custom_fields": None, "customer": sub["customer"],
            "customer_account": None, "customer_address": None, "customer_email": customer["email"],
            "customer_name": customer["name"], "customer_phone": None, "customer_shipping": None,
            "customer_tax_exempt": "none", "customer_tax_ids": [], "default_payment_method": None,
            "default_source": None, "default_tax_rates": [], "description": None, "discounts": [],
            "due_date": None, "effective_at": created, "ending_balance": 0, "footer": None, "from_invoice": None,
            "hosted_invoice_url": f"https://invoice.stripe.com/i/acct_fake/test_{new_id('', 40)}",
            "invoice_pdf": f"https://pay.stripe.com/invoice/acct_fake/test_{new_id('', 40)}/pdf",
            "issuer": {"type": "self"}, "last_finalization_error": None, "latest_revision": None,
            "lines": _listing(lines, f"/v1/invoices/{in_id}/lines"), "livemode": False, "metadata": {},
            "next_payment_attempt": None if paid else created + 3 * 86400,
            "number": f"{customer['invoice_prefix']}-{len(self.invoices) + 1:04d}", "on_behalf_of": None,
            "parent": {"quote_details": None, "subscription_details": {
                "metadata": dict(sub["metadata"]), "subscription": sub_id}, "type": "subscription_details"},
            "payment_settings": {"default_mandate": None, "payment_method_options": None,
                                 "payment_method_types": None},
            "period_end": period_end, "period_start": period_start, "post_payment_credit_notes_amount": 0,
            "pre_payment_credit_notes_amount": 0, "receipt_number": None, "rendering": None,
            "shipping_cost": None, "shipping_details": None, "starting_balance": 0, "statement_descriptor": None,
            "status": "paid" if paid else "open", "status_details": None,
            "status_transitions": {"finalized_at": created, "marked_uncollectible_at": None,
                                   "paid_at": created if paid else None, "voided_at": None},
            "subtotal": total, "subtotal_excluding_tax": total, "test_clock": None, "total": total,
            "total_discount_amounts": [], "total_excluding_tax": total, "total_pretax_credit_amounts": [],
            "total_taxes": [], "webhooks_delivered_at": created}
        self.invoices[in_id] = invoice
        self._invoice_pi[in_id] = pi["id"]
        inpay = None
        if paid:
            inpay_id = new_id("inpay_1", 23)
            inpay = {"id": inpay_id, "object": "invoice_payment", "amount_paid": total, "amount_requested": total,
                     "created": created, "currency": sub["currency"], "invoice": in_id, "is_default": True,
                     "livemode": False, "payment": {"payment_intent": pi["id"], "type": "payment_intent"},
                     "status": "paid", "status_transitions": {"canceled_at": None, "paid_at": created}}
            self.invoice_payments[inpay_id] = inpay
        return invoice, inpay

    def invoice_payment_intent(self, invoice_id: str) -> str:
        """The PaymentIntent that paid (or failed to pay) an invoice, for ``refund``/``dispute``."""
        return self._invoice_pi[invoice_id]

    def renew(self, subscription_id: str, paid: bool = True) -> list[dict]:
        """The clock moves to the end of the current period and the next invoice is charged.
        Paid: [invoice.paid, invoice_payment.paid] (plus customer.subscription.updated if it was
        past_due and is active again). Not paid: [invoice.payment_failed, customer.subscription.updated]
        with status "past_due" and ``data.previous_attributes``."""
        with self.lock:
            sub = self.subscriptions[subscription_id]
            if sub["status"] not in ("active", "past_due"):
                raise ValueError(f"subscription {subscription_id} is {sub['status']}")
            before = copy.deepcopy(sub)
            ended = (sub["items"]["data"][0]["current_period_start"], sub["items"]["data"][0]["current_period_end"])
            self.now = max(self.now, ended[1])
            for item in sub["items"]["data"]:
                recurring = item["price"]["recurring"]
                item["current_period_start"] = item["current_period_end"]
                item["current_period_end"] = _add_interval(item["current_period_start"], recurring["interval"],
                                                           recurring["interval_count"])
            invoice, inpay = self._invoice(subscription_id, "subscription_cycle", paid=paid, period=ended)
            sub["latest_invoice"] = invoice["id"]
            if paid:
                events = [self._event("invoice.paid", invoice), self._event("invoice_payment.paid", inpay)]
                if before["status"] == "past_due":
                    sub["status"] = "active"
                    events.append(self._event("customer.subscription.updated", sub, _diff(before, sub)))
                return events
            sub["status"] = "past_due"
            return [self._event("invoice.payment_failed", invoice),
                    self._event("customer.subscription.updated", sub, _diff(before, sub))]

    def _charge_of(self, payment_intent_id: str) -> dict:
        if payment_intent_id not in self.payment_intents:
            raise KeyError(f"no PaymentIntent {payment_intent_id}")
        return self.charges[self.payment_intents[payment_intent_id]["latest_charge"]]

    def refund(self, payment_intent_id: str, amount: int | None = None) -> list[dict]:
        """A refund (from the Dashboard or API): [charge.refunded] with the cumulative
        ``amount_refunded``, ``refunded`` true once all of it is back, and previous_attributes."""
        with self.lock:
            charge = self._charge_of(payment_intent_id)
            if charge["status"] != "succeeded":
                raise ValueError(f"charge {charge['id']} is {charge['status']}; only succeeded charges refund")
            remaining = charge["amount"] - charge["amount_refunded"]
            amount = remaining if amount is None else amount
            if not 0 < amount <= remaining:
                raise ValueError(f"refund of {amount} exceeds the {remaining} left on {charge['id']}")
            before = copy.deepcopy(charge)
            refund_id = new_id("re_3", 23)
            self._tick()
            self.refunds[refund_id] = {"id": refund_id, "object": "refund", "amount": amount, "charge": charge["id"],
                                       "created": self.now, "currency": charge["currency"], "metadata": {},
                                       "payment_intent": payment_intent_id, "reason": None, "status": "succeeded"}
            charge["amount_refunded"] += amount
            charge["refunded"] = charge["amount_refunded"] == charge["amount"]
            return [self._event("charge.refunded", charge, _diff(before, charge))]

    def dispute(self, payment_intent_id: str, status: str = "needs_response",
                reason: str = "fraudulent") -> list[dict]:
        """The cardholder disputes the payment: [charge.dispute.created]; the dispute's id is
        ``events[0]["data"]["object"]["id"]``."""
        if status not in DISPUTE_STATUSES:
            raise ValueError(f"dispute status must be one of {sorted(DISPUTE_STATUSES)}")
        with self.lock:
            charge = self._charge_of(payment_intent_id)
            dispute_id = new_id("dp_1", 23)
            created = self._tick()
            charge["disputed"] = True
            dispute = {
                "id": dispute_id, "object": "dispute", "amount": charge["amount"] - charge["amount_refunded"],
                "balance_transactions": [], "charge": charge["id"], "created": created,
                "currency": charge["currency"], "enhanced_eligibility_types": [], "evidence": {},
                "evidence_details": {"due_by": created + 7 * 86400, "enhanced_eligibility": {},
                                     "has_evidence": False, "past_due": False, "submission_count": 0},
                "is_charge_refundable": False, "livemode": False, "metadata": {}, "network_reason_code": None,
                "payment_intent": payment_intent_id,
                "payment_method_details": {"card": {"brand": "visa", "case_type": "chargeback",
                                                    "network_reason_code": "10.4"}, "type": "card"},
                "reason": reason, "status": status}
            self.disputes[dispute_id] = dispute
            return [self._event("charge.dispute.created", dispute)]

    def close_dispute(self, dispute_id: str, won: bool) -> list[dict]:
        """[charge.dispute.closed] with status "won" or "lost"."""
        with self.lock:
            dispute = self.disputes[dispute_id]
            before = copy.deepcopy(dispute)
            dispute["status"] = "won" if won else "lost"
            return [self._event("charge.dispute.closed", dispute, _diff(before, dispute))]

    def _cancel(self, sub_id: str, reason: str, feedback: str | None, comment: str | None) -> dict:
        sub = self.subscriptions[sub_id]
        when = self._tick()
        sub.update(status="canceled", canceled_at=when, ended_at=when,
                   cancellation_details={"comment": comment, "feedback": feedback, "reason": reason})
        return self._event("customer.subscription.deleted", sub)

    def cancel_subscription(self, subscription_id: str, feedback: str | None = None,
                            comment: str | None = None) -> list[dict]:
        """The donor cancels in the customer portal, at once: [customer.subscription.deleted]."""
        with self.lock:
            sub = self.subscriptions[subscription_id]
            if sub["status"] == "canceled":
                raise ValueError(f"subscription {subscription_id} is already canceled")
            return [self._cancel(subscription_id, "cancellation_requested", feedback, comment)]
