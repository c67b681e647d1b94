"""The emails a donor gets: a receipt for each payment taken, and word when a payment fails."""

from __future__ import annotations

from ...models import DonationPayment, Frequency, utcnow
from ...urls import public_url
from ..emails import queue_email
from .donor_link import manage_url


def queue_receipt(payment: DonationPayment) -> None:
    """Once per payment: the caller moves the payment to paid once, under a row lock."""
    if payment.receipt_queued_at is not None:
        return
    donation = payment.donation
    payment.receipt_queued_at = utcnow()
    first = len([p for p in donation.payments if p.paid_at is not None]) <= 1
    subject = "Thank you for your donation" if first else "Receipt for your monthly donation"
    queue_email(
        "donation_receipt",
        donation.email,
        subject,
        donation=donation,
        payment=payment,
        declaration=donation.gift_aid_declaration,
        first=first,
        manage_link=manage_url(donation) if donation.frequency == Frequency.MONTHLY else None,
    )


def tell_of_failed_payment(payment: DonationPayment) -> None:
    donation = payment.donation
    queue_email(
        "donation_failed",
        donation.email,
        "Your donation payment did not go through",
        donation=donation,
        payment=payment,
        manage_link=manage_url(donation) if donation.monthly else None,
        donate_link=public_url("donations.index"),
    )
