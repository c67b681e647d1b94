"""The donor's own link, in every receipt: it never expires and names one donation. Through it a monthly
donor cancels, changes their card at Stripe's customer portal, or withdraws a Gift Aid declaration."""

from __future__ import annotations

import time

from ... import payments
from ...extensions import db
from ...models import Donation, utcnow
from ...urls import public_url
from ..errors import NotFound, ServiceError
from ..tokens import SignedToken, TokenInvalid
from .giving import donation_by_ref

_MANAGE = SignedToken("donation-manage", expires=False)


def manage_token(donation: Donation) -> str:
    return _MANAGE.make(donation.ref)


def manage_url(donation: Donation) -> str:
    return public_url("donations.manage", token=manage_token(donation))


def donation_for_token(token: str) -> Donation:
    try:
        ref = _MANAGE.read(token)
    except TokenInvalid:
        raise NotFound("This link is not valid. Please use the link in your most recent receipt.") from None
    return donation_by_ref(ref)


def cancel_monthly(donation: Donation) -> None:
    if not donation.monthly or not donation.stripe_subscription_id:
        raise ServiceError("This is not a monthly donation that can be cancelled.")
    if donation.subscription_status == "canceled":
        return
    status = payments.cancel_subscription(donation.stripe_subscription_id)
    # What Stripe just told us; the customer.subscription.deleted event that follows agrees.
    donation.subscription_status = status
    donation.subscription_status_at = max(donation.subscription_status_at, int(time.time()))
    if status == "canceled":
        donation.cancelled_at = donation.cancelled_at or utcnow()
    db.session.commit()


def portal_url(donation: Donation) -> str:
    if not donation.stripe_customer_id:
        raise ServiceError("Your card details can be changed once your first payment has gone through.")
    return payments.customer_portal_url(donation.stripe_customer_id, manage_url(donation))


def withdraw_gift_aid(donation: Donation) -> None:
    declaration = donation.gift_aid_declaration
    if declaration is None or declaration.cancelled_at:
        return
    declaration.cancelled_at = utcnow()
    db.session.commit()
