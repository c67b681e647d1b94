"""Demo gifts for ``make run``, made the way a donor makes them: the donate service opens a Checkout session
at the local Stripe stand-in, the gift is paid on the stand-in's checkout page, and the stand-in's signed
webhooks mark it paid once the web server is up (it retries until then). Nothing here writes a donation's
state: only the webhooks do. Never against real Stripe: only when the API base is on this machine."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import requests
from flask import current_app
from sqlalchemy import func, select

from ..extensions import db
from ..models import Donation, Frequency, GiftAidCover, User
from ..payments import donations_configured
from ..services.donations import giving
from ..services.errors import ServiceError

log = logging.getLogger(__name__)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
DEMO_CHARITY = "Support Not Separation Demo Trust"


def _gift_aid(first: str, last: str, house: str, postcode: str, covers: str) -> giving.GiftAidDetails:
    return giving.GiftAidDetails(
        title="", first_name=first, last_name=last, house=house, address="Demo Street, London",
        postcode=postcode, covers=covers,
    )  # fmt: skip


# (name, email, pence, frequency, how they pay at the checkout page, Gift Aid)
DEMO_GIFTS = [
    ("Priya Shah", "priya.donor@example.org", 2500, Frequency.ONE_OFF, "pay",
     _gift_aid("Priya", "Shah", "12", "N1 9GU", GiftAidCover.ENDURING)),
    ("Sam Taylor", "sam.donor@example.org", 1000, Frequency.MONTHLY, "pay",
     _gift_aid("Sam", "Taylor", "4", "E8 1DY", GiftAidCover.THIS)),
    ("Jo Evans", "jo.donor@example.org", 5000, Frequency.ONE_OFF, "pay", None),
    ("Chris Morgan", "chris.donor@example.org", 1500, Frequency.ONE_OFF, "later", None),
]  # fmt: skip


def standin_configured() -> bool:
    config = current_app.config
    return donations_configured() and urlsplit(config["STRIPE_API_BASE"]).hostname in LOOPBACK


def seed_gifts(organiser: User) -> int:
    """Give the demo gifts, unless there are gifts already (a second ``make run``). Returns how many."""
    if not standin_configured() or db.session.scalar(select(func.count(Donation.id))):
        return 0
    settings = giving.current_settings()
    if not settings.charity_name:
        giving.update_settings(
            organiser,
            gift_aid_enabled=True,
            charity_name=DEMO_CHARITY,
            charity_number="",
            target_pence=settings.target_pence or 500_000,
            target_label=settings.target_label or "legal advice sessions this year",
        )
    given = 0
    for name, email, pence, frequency, action, gift_aid in DEMO_GIFTS:
        request = giving.GiftRequest(
            amount_pence=pence, frequency=frequency, name=name, email=email, opt_in=True, gift_aid=gift_aid
        )
        try:
            donation = giving.start_donation(request)
            # The donor's press of a button on the stand-in's checkout page; it answers with a redirect to
            # the thank-you page, which is not being served yet.
            requests.post(donation.checkout_url, data={"action": action}, allow_redirects=False, timeout=10)
        except (ServiceError, requests.RequestException) as error:
            log.warning("Demo gift from %s not made: %s", email, error)
            continue
        given += 1
    return given
