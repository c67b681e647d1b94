"""flask seed-demo: the coalition, its members, its petition, Mary's account and its reading, from
the documents in shared/seeds (or the copy shipped beside this module). Running it again updates
what is there instead of duplicating it. With the Stripe stand-in (``make run``), a few demo gifts too."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from ..extensions import db
from ..models import (
    Organisation,
    Page,
    PageKind,
    Petition,
    PetitionState,
    Role,
    Signature,
    SignatureState,
    Story,
    User,
    utcnow,
)
from ..services.accounts.users import create_user, find_user_by_email, hash_password
from ..services.petitions.counting import recount
from ..services.petitions.lifecycle import rejection_reasons
from ..services.stories import checking, moderation
from ..services.stories.storyteller import Submission, approve_text, submit_story
from .gifts import seed_gifts
from .text import between, clean, paragraphs, to_markdown

SHIPPED_SEEDS = Path(__file__).parent / "seeds"
SHARED_SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

ABOUT = "000_e0cd1783f44ef655.txt"
MARY = "001_eeca00edc782eadc.txt"
POST_SEPARATION = "002_83d835e0d09d161a.txt"
SUPPORT_MOTHERS = "003_f384574dc925c610.txt"
CARE_REVIEW = "004_fdd9099b025d0d2f.txt"

COORDINATOR = "Legal Action for Women"

DEMO_ACCOUNTS = [
    # (email, name, password, role, organisation name)
    ("organiser@example.org", "Demo Organiser", "care-not-separation-1", Role.ORGANISER, None),
    ("moderator@example.org", "Demo Moderator", "check-every-story-2", Role.MODERATOR, None),
    ("member@example.org", "Demo Member", "support-mothers-3", Role.MEMBER, COORDINATOR),
]


def seed_dir() -> Path:
    return SHARED_SEEDS if (SHARED_SEEDS / ABOUT).exists() else SHIPPED_SEEDS


# Slips in the coalition's own documents, put right as they are read (the shared originals stay as given).
SEED_CORRECTIONS = {"Support rimary carers.": "Support primary carers."}


def read_seed(directory: Path, name: str) -> str:
    text = clean((directory / name).read_text(encoding="utf-8"))
    for slip, fixed in SEED_CORRECTIONS.items():
        text = text.replace(slip, fixed)
    return text


def slugify(text: str, limit: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "").replace("'", "")).strip("-")
    return slug[:limit].rstrip("-")


def _upsert(model, key: str, value, **fields):
    row = db.session.scalar(select(model).where(getattr(model, key) == value))
    if row is None:
        row = model(**{key: value}, **fields)
        db.session.add(row)
    else:
        for name, field_value in fields.items():
            setattr(row, name, field_value)
    return row


def member_organisation_names(about_text: str) -> list[str]:
    listing = about_text.split("Coalition members so far include:", 1)[1]
    line = next(p for p in paragraphs(listing))
    names = [n.strip().rstrip(".") for n in line.split(";")]
    # The list ends with people, not organisations ("former social workers, teachers ...").
    return [n for n in names if n and n[0].isupper()]


def seed_coalition(directory: Path) -> None:
    text = read_seed(directory, ABOUT)
    lead = paragraphs(text)[1]
    about_body = between(text, "WHO WE ARE", "Support Not Separation is co-ordinated by")
    about_body = about_body.replace("WHO WE ARE", "Who we are").replace("OUR AIMS", "Our aims")
    # The co-ordination line points at a footnote ("[1]") that sits after the member list: bring it along.
    footnote = next((p for p in paragraphs(text) if p.startswith("[1] ")), None)
    if footnote:
        about_body += "\n\n" + footnote
    # There is one about page; organisers may have made it themselves, under another slug.
    about = db.session.scalar(select(Page).where(Page.kind == PageKind.ABOUT).limit(1))
    _upsert(
        Page,
        "slug",
        about.slug if about else "about",
        kind=PageKind.ABOUT,
        title="Support Not Separation",
        summary=lead,
        body=to_markdown(about_body),
        source=ABOUT,
        published_at=datetime(2017, 1, 18, tzinfo=UTC),
    )
    _upsert(
        Organisation,
        "name",
        COORDINATOR,
        slug=slugify(COORDINATOR),
        listed=True,
        description="Co-ordinates Support Not Separation.",
    )
    for name in member_organisation_names(text):
        _upsert(Organisation, "name", name, slug=slugify(name), listed=True)


def seed_petition(directory: Path) -> None:
    text = read_seed(directory, MARY)
    petition_text = between(text, "Changes to Children Act 1989", "Safeguarding vulnerable children")
    lines = paragraphs(petition_text)
    coordinator = db.session.scalar(select(Organisation).where(Organisation.name == COORDINATOR))
    petition = db.session.scalar(select(Petition).where(Petition.slug == "changes-to-children-act-1989"))
    if petition is None:
        opened = utcnow()
        petition = Petition(
            slug="changes-to-children-act-1989",
            opened_at=opened,
            deadline=opened + timedelta(days=182),
            created_at=opened,
        )
        db.session.add(petition)
    petition.title = lines[0]
    petition.action = lines[1]
    petition.background = lines[2]
    petition.details = to_markdown("\n".join("• " + line for line in lines[3:]))
    petition.state = PetitionState.OPEN
    petition.target = 10_000
    petition.milestones = [100_000]
    petition.owner_organisation = coordinator
    db.session.flush()


MARY_SLUG = "we-asked-for-help-and-were-treated-as-the-problem"


def seed_story(directory: Path) -> None:
    """Mary's account goes through the same workflow as any story: checked, redacted and signed off by the
    demo moderator, approved by its teller, published by the demo organiser. Its history shows each step."""
    petition = db.session.scalar(select(Petition).where(Petition.slug == "changes-to-children-act-1989"))
    if db.session.scalar(select(Story).where(Story.slug == MARY_SLUG)) is not None:
        return
    text = read_seed(directory, MARY)
    body = "\n\n".join(paragraphs(between(text, "Mary and her husband", "a process that needs to change")))
    moderator = find_user_by_email("moderator@example.org")
    organiser = find_user_by_email("organiser@example.org")
    story = submit_story(
        Submission(
            title="We asked for help and were treated as the problem",
            body=body,
            pen_name="Mary",
            contact_email="mary@example.org",
            proceedings_ongoing="no",
            petition_ids=[petition.id],
            quote_in_emails=True,
            share_with_members=True,
        )
    )
    checking.run_scan(story.id)
    # The account names no child, no place and no professional: whatever the check flags is kept.
    moderation.redact(
        moderator,
        story,
        title=story.title,
        pen_name=story.pen_name,
        body=story.body,
        loaded_hash=story.current_hash,
        keep={f.id for f in story.findings},
    )
    moderation.send_for_approval(moderator, story, list(moderation.CHECKLIST), story.current_hash)
    approve_text(story, story.current_hash)
    story.slug = MARY_SLUG
    moderation.publish(organiser, story)


def seed_pages(directory: Path) -> None:
    post_sep = read_seed(directory, POST_SEPARATION)
    post_sep_lines = paragraphs(post_sep)
    _upsert(
        Page,
        "slug",
        "post-separation-support",
        kind=PageKind.CAMPAIGN,
        title=post_sep_lines[0],
        summary=post_sep_lines[1],
        body=to_markdown("\n".join(post_sep_lines[2:])),
        source=POST_SEPARATION,
        published_at=datetime(2024, 6, 1, tzinfo=UTC),
    )

    mothers = read_seed(directory, SUPPORT_MOTHERS)
    mothers_lines = paragraphs(mothers)
    published = datetime.strptime(mothers_lines[0][:16], "%d/%m/%Y %H:%M").replace(tzinfo=UTC)
    _upsert(
        Page,
        "slug",
        slugify(mothers_lines[1]),
        kind=PageKind.NEWS,
        title=mothers_lines[1],
        summary=mothers_lines[2],
        body=to_markdown("\n".join(mothers_lines[2:])),
        source=SUPPORT_MOTHERS,
        published_at=published,
    )

    review = read_seed(directory, CARE_REVIEW)
    review_lines = [ln for ln in paragraphs(review) if not ln.startswith("Read our key messages")]
    _upsert(
        Page,
        "slug",
        "key-messages-for-the-care-review",
        kind=PageKind.NEWS,
        title="Key messages and recommendations for the Care Review",
        summary=review_lines[0],
        body=to_markdown("\n".join(review_lines)),
        source=CARE_REVIEW,
        published_at=datetime(2021, 3, 1, tzinfo=UTC),
    )


def seed_accounts() -> list[tuple[str, str, str]]:
    created = []
    for email, name, password, role, organisation_name in DEMO_ACCOUNTS:
        organisation_id = None
        if organisation_name:
            organisation_id = db.session.scalar(
                select(Organisation.id).where(Organisation.name == organisation_name)
            )
        user = find_user_by_email(email)
        if user is None:
            user = create_user(email, name, password, role, organisation_id)
        else:
            user.role, user.organisation_id, user.active = str(role), organisation_id, True
            user.password_hash = hash_password(password)
        if organisation_id is not None:
            db.session.flush()
            organisation = db.session.get(Organisation, organisation_id)
            organisation.contact_id = organisation.contact_id or user.id
            # The coordinating organisation supports the demo petition from its own page.
            petition = db.session.scalar(
                select(Petition).where(Petition.slug == "changes-to-children-act-1989")
            )
            if petition is not None and petition not in organisation.petitions:
                organisation.petitions.append(petition)
        created.append((email, password, str(role)))
    return created


# Demo signatures by region, roughly in proportion to population, so the regional table has something to show.
DEMO_SIGNATURES = {
    "london": 412,
    "south-east": 268,
    "north-west": 231,
    "east-of-england": 164,
    "south-west": 151,
    "west-midlands": 143,
    "yorkshire-and-the-humber": 139,
    "east-midlands": 117,
    "scotland": 108,
    "wales": 71,
    "north-east": 52,
    "northern-ireland": 38,
}


def seed_signatures(petition: Petition) -> None:
    """Confirmed demo signatures (addresses at example.invalid, which can never receive mail)."""
    if db.session.scalar(select(Signature.id).where(Signature.petition_id == petition.id).limit(1)):
        return
    now = utcnow()
    n = 0
    for region, count in DEMO_SIGNATURES.items():
        for _ in range(count):
            n += 1
            db.session.add(
                Signature(
                    petition_id=petition.id,
                    name=f"Demo signer {n}",
                    email=f"signer{n}@example.invalid",
                    email_key=f"signer{n}@example.invalid",
                    email_domain="example.invalid",
                    region=region,
                    state=SignatureState.VALIDATED,
                    created_at=now - timedelta(minutes=n),
                    validated_at=now - timedelta(minutes=n),
                    source="demo",
                )
            )
    db.session.flush()


def seed_demo(directory: Path | None = None) -> list[tuple[str, str, str]]:
    directory = directory or seed_dir()
    seed_coalition(directory)
    seed_petition(directory)
    seed_pages(directory)
    accounts = seed_accounts()
    db.session.commit()
    seed_story(directory)
    rejection_reasons()
    petition = db.session.scalar(select(Petition).where(Petition.slug == "changes-to-children-act-1989"))
    seed_signatures(petition)
    db.session.commit()
    recount(petition.id)
    # Last, so every gift can be given towards what is already here.
    seed_gifts(find_user_by_email("organiser@example.org"))
    return accounts


__all__ = ["seed_demo", "User"]
