"""Test data builders. Each takes keyword overrides and returns a flushed row."""

from __future__ import annotations

import itertools

from campaign.extensions import db
from campaign.models import Role, User
from campaign.services.accounts.users import hash_password

_seq = itertools.count(1)
PASSWORD = "a perfectly good password"
# Hashing with argon2 defaults on every user would slow the suite; one hash is reused.
_PASSWORD_HASH = None


def make_user(
    role: Role | str = Role.MEMBER,
    email: str | None = None,
    name: str | None = None,
    password: str = PASSWORD,
    **fields,
) -> User:
    global _PASSWORD_HASH
    n = next(_seq)
    if password == PASSWORD:
        _PASSWORD_HASH = _PASSWORD_HASH or hash_password(PASSWORD)
        password_hash = _PASSWORD_HASH
    else:
        password_hash = hash_password(password)
    user = User(
        email=email or f"person{n}@example.org",
        name=name or f"Person {n}",
        password_hash=password_hash,
        role=str(role),
        **fields,
    )
    db.session.add(user)
    db.session.commit()
    return user


def make_petition(state: str = "open", title: str | None = None, **fields):
    from datetime import timedelta

    from campaign.models import Petition, utcnow

    n = next(_seq)
    now = utcnow()
    values = {
        "slug": f"petition-{n}",
        "title": title or f"Petition number {n}",
        "action": "Do the right thing.",
        "background": "Because it matters.",
        "state": state,
        "target": 10_000,
    }
    if state in ("open", "closed"):
        values.update(opened_at=now - timedelta(days=1), deadline=now + timedelta(days=30))
    values.update(fields)
    petition = Petition(**values)
    db.session.add(petition)
    db.session.commit()
    return petition


def make_page(kind: str = "news", title: str | None = None, published: bool = True, **fields):
    from campaign.models import Page, utcnow

    n = next(_seq)
    values = {
        "slug": f"page-{n}",
        "kind": kind,
        "title": title or f"Page number {n}",
        "summary": "A summary.",
        "body": "Some **words**.",
        "published_at": utcnow() if published else None,
    }
    values.update(fields)
    page = Page(**values)
    db.session.add(page)
    db.session.commit()
    return page


def make_donation(
    amount_pence: int = 1000,
    frequency: str = "one_off",
    payments: list[dict] | int | None = None,
    gift_aid: dict | bool | None = None,
    email: str | None = None,
    name: str | None = None,
    **fields,
):
    """A donation with its payments written directly (as the webhook would leave them). ``payments`` is a
    number of paid payments (default one, paid now) or a list of overrides per payment, like
    ``[{"refunded_pence": 300}, {"state": "pending"}]``. ``gift_aid`` True adds a declaration; a dict
    overrides its fields (``cancelled_at``, names, address)."""
    import secrets
    from datetime import date

    from campaign.models import Donation, DonationPayment, GiftAidDeclaration, utcnow

    n = next(_seq)
    email = email or f"donor{n}@example.org"
    declaration = None
    if gift_aid:
        values = {
            "title": "Ms",
            "first_name": "Jo",
            "last_name": f"Giver{chr(65 + n % 26)}",
            "house": "12",
            "address": "High Street, Leeds",
            "postcode": "LS1 4AP",
            "email": email,
            "covers": "enduring",
            "charity_name": "Legal Action for Women",
            "wording": "I want to Gift Aid my donation.",
            "wording_version": "test",
            "declared_on": date.today(),
        }
        if isinstance(gift_aid, dict):
            values.update(gift_aid)
        declaration = GiftAidDeclaration(**values)
    values = {
        "ref": secrets.token_urlsafe(12),
        "attempt_key": secrets.token_hex(32),
        "idempotency_key": f"donation-{secrets.token_hex(16)}",
        "frequency": frequency,
        "amount_pence": amount_pence,
        "name": name or f"Donor {n}",
        "email": email,
        "email_key": email.strip().lower(),
        "state": "completed",
        "completed_at": utcnow(),
        "gift_aid_declaration": declaration,
    }
    if frequency == "monthly":
        values.update(stripe_subscription_id=f"sub_{secrets.token_hex(8)}", subscription_status="active")
    values.update(fields)
    donation = Donation(**values)
    db.session.add(donation)
    specs = (
        [{} for _ in range(payments if isinstance(payments, int) else 1)]
        if not isinstance(payments, list)
        else payments
    )
    for spec in specs:
        state = spec.get("state", "paid")
        payment = {
            "stripe_key": f"cs_{secrets.token_hex(12)}",
            "payment_intent": f"pi_{secrets.token_hex(12)}",
            "amount_pence": amount_pence,
            "state": state,
            "paid_at": utcnow() if state == "paid" else None,
            "failed_at": utcnow() if state == "failed" else None,
        }
        payment.update(spec)
        donation.payments.append(DonationPayment(**payment))
    db.session.commit()
    return donation


def add_signers(
    petition_id: int,
    count: int = 0,
    prefix: str = "s",
    *,
    names: list[str] | None = None,
    start: int = 0,
    **fields,
) -> list[str]:
    """``count`` confirmed signers who asked for updates (``{prefix}{i}@example.org``), for an email
    campaign's audience, or one for each of ``names``; numbered from ``start``. Added, not committed.
    Returns their addresses."""
    from campaign.models import Signature, SignatureState, utcnow

    people = names if names is not None else [f"Signer{i} Surname" for i in range(start, start + count)]
    emails = [f"{prefix}{i}@example.org" for i in range(start, start + len(people))]
    db.session.add_all(
        Signature(
            **{
                "petition_id": petition_id,
                "name": name,
                "email": email,
                "email_key": email,
                "email_domain": "example.org",
                "region": "london",
                "state": SignatureState.VALIDATED,
                "opt_in": True,
                "validated_at": utcnow(),
                **fields,
            }
        )
        for name, email in zip(people, emails, strict=True)
    )
    return emails
