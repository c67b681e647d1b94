"""The stand-in's web server: Stripe's API for the platform's ``stripe`` client, and the two pages Stripe
would show a donor: the hosted checkout (pay, a declined card, or pay by Bacs Direct Debit, which is
"processing" and settles a little later) and the customer portal (cancel a monthly gift). What the donor
does there is sent to the app as signed webhooks (``delivery``)."""

from __future__ import annotations

import threading
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from werkzeug.datastructures import Headers
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from .api import StripeAPI
from .common import format_money
from .delivery import WebhookDelivery

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=select_autoescape()
)
TEMPLATES.filters["money"] = lambda pence, currency="gbp": format_money(pence, currency).rsplit(" ", 1)[0]

# The stand-in's pages load nothing from anywhere; their one form posts back to themselves.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; "
    "frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
}


class StripeStandin(StripeAPI):
    """The API plus the donor's side. ``url``: where the stand-in is reached (its pages' origin);
    ``settle_after``: seconds before a Bacs payment that is "processing" succeeds."""

    def __init__(self, url: str, webhook_url: str, webhook_secret: str, settle_after: float = 8.0, **kwargs):
        super().__init__(**kwargs)
        self.checkout_origin = self.portal_origin = url.rstrip("/")
        self.settle_after = settle_after
        self.delivery = WebhookDelivery(webhook_url, webhook_secret)
        self._timers: list[threading.Timer] = []

    def close(self) -> None:
        self.delivery.stop()
        for timer in self._timers:
            timer.cancel()

    # What the donor does on the checkout page -----------------------------------------------------------

    def pay(self, session_id: str) -> None:
        self.delivery.send(self.complete(session_id, paid=True))

    def pay_later(self, session_id: str) -> None:
        """Bacs Direct Debit: the session completes "unpaid" (processing) and succeeds a little later."""
        self.delivery.send(self.complete(session_id, paid=False))
        timer = threading.Timer(self.settle_after, self.settle, (session_id,))
        timer.daemon = True
        self._timers.append(timer)
        timer.start()

    def settle(self, session_id: str) -> None:
        """The Bacs payment goes through (what the timer does after ``settle_after``)."""
        try:
            self.delivery.send(self.async_result(session_id, succeeded=True))
        except ValueError:
            pass  # already settled

    def cancel_from_portal(self, subscription_id: str) -> None:
        self.delivery.send(self.cancel_subscription(subscription_id))

    # Cancelling through the API (the platform's own cancel button) is something Stripe tells the
    # webhook about too; the API's handler records the event, this sends it.
    def _delete_subscription(self, params: dict, id: str) -> dict:
        before = len(self.events)
        answer = super()._delete_subscription(params, id)
        self.delivery.send(self.events[before:])
        return answer

    def _expire_session(self, params: dict, id: str) -> dict:
        before = len(self.events)
        answer = super()._expire_session(params, id)
        self.delivery.send(self.events[before:])
        return answer

    def portal_session(self, path: str) -> dict | None:
        url = self.portal_origin + path
        return next((p for p in self.portal_sessions.values() if p["url"] == url), None)


def _page(template: str, status: int = 200, **context) -> Response:
    body = TEMPLATES.get_template(template).render(**context)
    return Response(body, status, headers=PAGE_HEADERS, content_type="text/html; charset=utf-8")


def wsgi_app(standin: StripeStandin):
    def checkout_page(request: Request, session_id: str) -> Response:
        with standin.lock:
            session = standin.sessions.get(session_id)
            if session is None:
                raise NotFound()
            lines = standin._session_lines(session_id)
        declined = False
        if request.method == "POST" and session["status"] == "open":
            action = request.form.get("action")
            if action == "pay" or (action == "later" and session["mode"] == "payment"):
                try:
                    (standin.pay if action == "pay" else standin.pay_later)(session_id)
                except ValueError:
                    pass  # a double click: the first one paid
                return redirect(session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id), 303)
            # A declined card: Stripe keeps the donor on the page, takes nothing and tells the app nothing.
            declined = action == "decline"
        return _page(
            "checkout.html",
            402 if declined else 200,
            session=session,
            lines=lines,
            products=standin.products,
            declined=declined,
            settle_after=standin.settle_after,
        )

    def portal_page(request: Request) -> Response:
        with standin.lock:
            portal = standin.portal_session(request.path)
            if portal is None:
                raise NotFound()
            if request.method == "POST":
                subscription = standin.subscriptions.get(request.form.get("subscription", ""))
                if subscription and subscription["customer"] == portal["customer"]:
                    if subscription["status"] != "canceled":
                        standin.cancel_from_portal(subscription["id"])
                return redirect(request.path, 303)
            subscriptions = [s for s in standin.subscriptions.values() if s["customer"] == portal["customer"]]
            customer = standin.customers[portal["customer"]]
        return _page("portal.html", portal=portal, customer=customer, subscriptions=subscriptions)

    def app(environ, start_response):
        request = Request(environ)
        try:
            if request.path.startswith("/v1/"):
                target = request.full_path.rstrip("?") if request.query_string else request.path
                answer = standin.handle(
                    request.method, target, request.headers, request.get_data(cache=False)
                )
                response = Response(answer.body, answer.status, headers=Headers(answer.headers))
            elif request.path.startswith("/c/pay/") and request.method in ("GET", "POST"):
                response = checkout_page(request, request.path.removeprefix("/c/pay/"))
            elif request.path.startswith("/p/session/") and request.method in ("GET", "POST"):
                response = portal_page(request)
            elif request.path == "/":
                response = _page("index.html", standin=standin)
            else:
                raise NotFound()
        except HTTPException as error:
            response = error.get_response(environ)
        return response(environ, start_response)

    return app


def serve(standin: StripeStandin, host: str, port: int) -> BaseWSGIServer:
    """A threaded server for the stand-in; the caller runs ``serve_forever`` (and ``shutdown``)."""
    return make_server(host, port, wsgi_app(standin), threaded=True)
