"""Giving: validating a gift, recording it (and any Gift Aid declaration) before the donor leaves for
Stripe Checkout, and what a monthly donor can do afterwards (cancel, update their card, withdraw Gift Aid).

Nothing here marks money as received: only a verified Stripe webhook does (see donation_events)."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ... import payments
from ...extensions import db
from ...models import (
    Donation,
    DonationSettings,
    DonationState,
    Frequency,
    GiftAidCover,
    GiftAidDeclaration,
    Page,
    PageKind,
    Petition,
    PetitionState,
    User,
    utcnow,
)
from ...urls import public_url
from .. import permissions
from ..addresses import email_key
from ..errors import NotFound, ServiceError
from ..petitions.regions import normalise_postcode

# The "email me news" question, word for word; a change of wording is a new version. Each donation keeps
# the version and the wording its donor saw, and when they answered it.
UPDATES_VERSION = "2026-12-1"
UPDATES_WORDING = "Email me news of the campaign, and how my gift is helping"

GIFT_AID_WORDING_VERSION = "2026-11"
# HMRC's model declarations (Gift Aid: guidance for charities, chapter 3), with the gift filled in.
_DECLARATION_ENDURING = (
    "I want to Gift Aid my {gift} and any donations I make in the future or have made in the "
    "past 4 years to {charity}."
)
_DECLARATION_THIS = "I want to Gift Aid my {gift} to {charity}."
_TAXPAYER = (
    "I am a UK taxpayer and understand that if I pay less Income Tax and/or Capital Gains Tax than the "
    "amount of Gift Aid claimed on all my donations in that tax year it is my responsibility to pay any "
    "difference."
)
# HMRC's schedule refuses names with characters outside these.
_HMRC_NAME = re.compile(r"^[A-Za-z][A-Za-z '\-.]*$")
_AMOUNT = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$")


def current_settings() -> DonationSettings:
    found = db.session.get(DonationSettings, 1)
    if found is None:
        found = DonationSettings(id=1)
        db.session.add(found)
        db.session.flush()
    return found


def settings_for_display() -> DonationSettings:
    """The settings, or the defaults when no organiser has saved any; never writes."""
    return db.session.get(DonationSettings, 1) or DonationSettings(
        gift_aid_enabled=False, charity_name="", charity_number="", target_pence=0, target_label=""
    )


def gift_aid_available() -> bool:
    found = db.session.get(DonationSettings, 1)
    return bool(found and found.gift_aid_enabled and found.charity_name)


def parse_amount(raw: str) -> int:
    """Pounds as typed ("10", "£12.50", "1,000") to pence, within the configured limits."""
    config = current_app.config
    text = (raw or "").strip().replace("£", "").replace(" ", "")
    if not text:
        raise ServiceError("Enter an amount, or choose one of the amounts above.", "other_amount")
    if not _AMOUNT.match(text):
        raise ServiceError("Enter the amount in pounds as a number, like 15 or 15.50.", "other_amount")
    try:
        pence = int(Decimal(text.replace(",", "")) * 100)
    except InvalidOperation:
        raise ServiceError(
            "Enter the amount in pounds as a number, like 15 or 15.50.", "other_amount"
        ) from None
    money = current_app.jinja_env.filters["money"]
    if pence < config["DONATION_MIN_PENCE"]:
        raise ServiceError(
            f"The smallest donation we can take online is {money(config['DONATION_MIN_PENCE'])}.",
            "other_amount",
        )
    if pence > config["DONATION_MAX_PENCE"]:
        raise ServiceError(
            f"The most we can take online in one go is {money(config['DONATION_MAX_PENCE'])}. "
            "For a larger gift, please contact us and we will arrange it.",
            "other_amount",
        )
    return pence


def dedication_choices() -> list[tuple[str, str]]:
    """Open petitions and published campaign pages a gift can be given towards."""
    petitions = db.session.scalars(
        select(Petition).where(Petition.state == PetitionState.OPEN).order_by(Petition.title)
    ).all()
    pages = db.session.scalars(
        select(Page)
        .where(Page.kind == PageKind.CAMPAIGN, Page.published_at.is_not(None))
        .order_by(Page.title)
    ).all()
    return [(f"petition:{p.slug}", f"Petition: {p.title}") for p in petitions] + [
        (f"page:{p.slug}", f"Campaign: {p.title}") for p in pages
    ]


def declaration_text(covers: str, charity: str) -> str:
    """The words the donor agrees to. HMRC does not require the amount, so the words on the page are the
    words stored, whatever amount is chosen after the page loaded."""
    template = _DECLARATION_ENDURING if covers == GiftAidCover.ENDURING else _DECLARATION_THIS
    return f"{template.format(gift='donation', charity=charity)} {_TAXPAYER}"


@dataclass
class GiftAidDetails:
    title: str = ""
    first_name: str = ""
    last_name: str = ""
    house: str = ""
    address: str = ""
    postcode: str = ""
    covers: str = GiftAidCover.ENDURING


@dataclass
class GiftRequest:
    amount_pence: int
    frequency: str
    name: str
    email: str
    opt_in: bool = False
    dedication: str = ""
    gift_aid: GiftAidDetails | None = None
    form_nonce: str = ""
    problems: list[ServiceError] = field(default_factory=list)


def check_gift_aid(details: GiftAidDetails) -> list[ServiceError]:
    """The declaration needs what HMRC's schedule needs, in the lengths and characters it accepts."""
    found = []
    for name, label in (("first_name", "first name"), ("last_name", "last name")):
        value = getattr(details, name).strip()
        if not value:
            found.append(ServiceError(f"Enter your {label}, as HMRC knows it.", f"gift_aid_{name}"))
        elif len(value) > 35 or not _HMRC_NAME.match(value):
            found.append(
                ServiceError(
                    f"Your {label} can have up to 35 letters, spaces, hyphens and apostrophes.",
                    f"gift_aid_{name}",
                )
            )
    if details.title and (len(details.title) > 4 or not _HMRC_NAME.match(details.title)):
        found.append(ServiceError("A title can have up to 4 letters, like Mrs or Dr.", "gift_aid_title"))
    if not details.house.strip():
        found.append(ServiceError("Enter your house name or number.", "gift_aid_house"))
    elif len(details.house.strip()) > 40:
        found.append(ServiceError("Your house name or number can be up to 40 characters.", "gift_aid_house"))
    if not details.address.strip():
        found.append(
            ServiceError("Enter the rest of your home address (street and town).", "gift_aid_address")
        )
    if not normalise_postcode(details.postcode):
        found.append(
            ServiceError(
                "Enter your home postcode, like SW1A 1AA. Gift Aid needs a UK address.", "gift_aid_postcode"
            )
        )
    if details.covers not in GiftAidCover.LABELS:
        found.append(ServiceError("Choose which donations the declaration covers.", "gift_aid_covers"))
    return found


def _attempt_key(request: GiftRequest) -> str:
    """Identical submissions of one form (a double click, a resubmit after an error) share a key; change
    any detail and it is a new gift."""
    parts = [
        request.form_nonce,
        str(request.amount_pence),
        request.frequency,
        request.name.strip(),
        request.email.strip().lower(),
        request.dedication,
        str(request.opt_in),
    ]
    if request.gift_aid:
        parts += [str(v).strip() for v in vars(request.gift_aid).values()]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _resolve_dedication(value: str) -> tuple[Petition | None, Page | None]:
    kind, _, slug = (value or "").partition(":")
    if not value:
        return None, None
    if kind == "petition":
        petition = db.session.scalar(
            select(Petition).where(Petition.slug == slug, Petition.state == PetitionState.OPEN)
        )
        if petition:
            return petition, None
    if kind == "page":
        page = db.session.scalar(
            select(Page).where(
                Page.slug == slug, Page.kind == PageKind.CAMPAIGN, Page.published_at.is_not(None)
            )
        )
        if page:
            return None, page
    raise ServiceError("Choose a campaign from the list, or leave it as the coalition's work.", "dedication")


def start_donation(request: GiftRequest, user: User | None = None) -> Donation:
    """Record the gift (so nothing typed is lost), then create its Checkout session. A repeat of the same
    submission returns the same donation and the same session. Raises ServiceError for the form."""
    if not payments.donations_configured():
        raise ServiceError("Online donations are not set up on this site yet.")
    if request.frequency not in Frequency.LABELS:
        raise ServiceError("Choose once or monthly.", "frequency")
    petition, page = _resolve_dedication(request.dedication)
    if request.gift_aid is not None and not gift_aid_available():
        request.gift_aid = None  # switched off while the form was open: take the gift without it
    key = _attempt_key(request)
    donation = db.session.scalar(select(Donation).where(Donation.attempt_key == key))
    if donation is None:
        donation = _record(request, key, petition, page, user)
    if donation.checkout_url:
        return donation
    return _open_checkout(donation)


def _record(request: GiftRequest, key: str, petition, page, user) -> Donation:
    declaration = None
    settings = current_settings()
    if request.gift_aid is not None:
        details = request.gift_aid
        declaration = GiftAidDeclaration(
            title=details.title.strip(),
            first_name=details.first_name.strip(),
            last_name=details.last_name.strip(),
            house=details.house.strip(),
            address=details.address.strip(),
            postcode=normalise_postcode(details.postcode),
            email=request.email.strip(),
            covers=details.covers,
            charity_name=settings.charity_name,
            wording_version=GIFT_AID_WORDING_VERSION,
            wording=declaration_text(details.covers, settings.charity_name),
            declared_on=date.today(),
        )
    donation = Donation(
        ref=secrets.token_urlsafe(12),
        attempt_key=key,
        idempotency_key=f"donation-{secrets.token_hex(16)}",
        frequency=request.frequency,
        amount_pence=request.amount_pence,
        name=request.name.strip(),
        email=request.email.strip(),
        email_key=email_key(request.email),
        opt_in=request.opt_in,
        opt_in_wording=UPDATES_WORDING,
        opt_in_version=UPDATES_VERSION,
        opt_in_at=utcnow(),
        petition=petition,
        page=page,
        gift_aid_declaration=declaration,
        user_id=user.id if user is not None and getattr(user, "is_authenticated", False) else None,
    )
    db.session.add(donation)
    try:
        db.session.commit()
    except IntegrityError:
        # The same submission, a moment earlier, in another request: use that one. Asking Stripe again with
        # its idempotency key returns the same session (the library retries Stripe's "key in use" answer).
        db.session.rollback()
        donation = db.session.scalar(select(Donation).where(Donation.attempt_key == key))
    return donation


def checkout_request(donation: Donation) -> payments.CheckoutRequest:
    name = "Monthly donation" if donation.monthly else "Donation"
    towards = donation.petition.title if donation.petition else donation.page.title if donation.page else ""
    return payments.CheckoutRequest(
        reference=donation.ref,
        amount_pence=donation.amount_pence,
        currency=donation.currency,
        monthly=donation.monthly,
        donor_email=donation.email,
        item_name=f"{name} to Support Not Separation",
        item_description=f"Towards: {towards}"[:300] if towards else "",
        payment_description=f"{name} {donation.ref}",
        success_url=public_url("donations.thanks", ref=donation.ref),
        cancel_url=public_url("donations.index", resume=donation.ref),
    )


def _open_checkout(donation: Donation) -> Donation:
    try:
        session_id, url = payments.start_checkout(checkout_request(donation), donation.idempotency_key)
    except payments.PaymentServiceError as error:
        if error.needs_new_key:
            # Stripe answered (and saves that answer against the key for 24 hours): the next try must use a
            # new key. After a network failure the same key is kept, so Stripe can tell it is a retry.
            donation.idempotency_key = f"donation-{secrets.token_hex(16)}"
        donation.checkout_error = str(error)
        db.session.commit()
        raise ServiceError(str(error)) from error
    donation.checkout_session_id, donation.checkout_url, donation.checkout_error = session_id, url, ""
    db.session.commit()
    return donation


def donation_by_ref(ref: str) -> Donation:
    donation = db.session.scalar(select(Donation).where(Donation.ref == ref))
    if donation is None:
        raise NotFound("We could not find that donation.")
    return donation


# How long the thank-you page (whose address Stripe redirects to, so it sits in the donor's history) may
# show the donor's name and email: the ref in it is a key that never expires, so later it thanks without them.
THANKS_PERSONAL_SECONDS = 24 * 3600


def thanks_may_show_donor(donation: Donation) -> bool:
    return (utcnow() - donation.created_at).total_seconds() <= THANKS_PERSONAL_SECONDS


def resumable(ref: str) -> Donation | None:
    """A gift whose donor came back from Checkout without paying, to fill the form in again."""
    donation = db.session.scalar(select(Donation).where(Donation.ref == ref))
    if donation is None or donation.state != DonationState.STARTED:
        return None
    if (utcnow() - donation.created_at).total_seconds() > 24 * 3600:
        return None
    return donation


def update_settings(
    user: User,
    *,
    gift_aid_enabled: bool,
    charity_name: str,
    charity_number: str,
    target_pence: int,
    target_label: str,
) -> DonationSettings:
    permissions.require(user, "manage_donations")
    if gift_aid_enabled and not charity_name.strip():
        raise ServiceError(
            "Gift Aid needs the charity's registered name, which donors declare to.", "charity_name"
        )
    if target_pence < 0:
        raise ServiceError("The target cannot be negative.", "target")
    found = current_settings()
    found.gift_aid_enabled, found.charity_name = gift_aid_enabled, charity_name.strip()
    found.charity_number, found.target_pence = charity_number.strip(), target_pence
    found.target_label, found.updated_at, found.updated_by_id = target_label.strip(), utcnow(), user.id
    db.session.commit()
    return found
