"""Organisers editing the coalition's own pages: the about page, campaign pages and news.

Every function checks ``edit_coalition_pages``. Pages are Markdown, rendered through the sanitiser
(``campaign.text.render_markdown``) wherever they are shown, so nothing typed here is trusted as HTML.
There is exactly one about page: it can be edited, published and unpublished, never deleted or made
into another kind, and a second one cannot be made.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import case, select
from sqlalchemy.exc import IntegrityError

from ...extensions import db
from ...models import Page, PageKind, User, utcnow
from ..errors import ServiceError
from ..permissions import require

ACTION = "edit_coalition_pages"
SLUG_MAX = 80
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KIND_LABELS = {PageKind.ABOUT: "About the coalition", PageKind.CAMPAIGN: "Campaign", PageKind.NEWS: "News"}
SLUG_TAKEN = "Another page already uses this web address. Choose a different one."
STALE = (
    "Someone else changed this page after you opened it. Copy your changes, reload the page to see "
    "theirs, then make your changes again."
)


def slugify(text: str, limit: int = SLUG_MAX) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "").replace("'", "")).strip("-")
    return slug[:limit].rstrip("-") or "page"


def _slug_taken(slug: str, except_id: int | None = None) -> bool:
    query = select(Page.id).where(Page.slug == slug)
    if except_id is not None:
        query = query.where(Page.id != except_id)
    return db.session.scalar(query) is not None


def _unique_slug(base: str) -> str:
    slug, n = base, 1
    while _slug_taken(slug):
        n += 1
        suffix = f"-{n}"
        slug = base[: SLUG_MAX - len(suffix)].rstrip("-") + suffix
    return slug


def _checked_slug(slug: str, except_id: int | None = None) -> str:
    slug = slug.strip().lower()
    if len(slug) > SLUG_MAX:
        raise ServiceError(f"The web address must be {SLUG_MAX} characters or fewer.", "slug")
    if not SLUG_PATTERN.match(slug):
        raise ServiceError(
            "Use only lower-case letters, numbers and single hyphens between words, like spring-rally-2025.",
            "slug",
        )
    if _slug_taken(slug, except_id):
        raise ServiceError(SLUG_TAKEN, "slug")
    return slug


def _about_page(except_id: int | None = None) -> Page | None:
    query = select(Page).where(Page.kind == PageKind.ABOUT)
    if except_id is not None:
        query = query.where(Page.id != except_id)
    return db.session.scalar(query.limit(1))


def _checked_text(title: str, summary: str, body: str) -> tuple[str, str, str]:
    title, summary, body = (title or "").strip(), (summary or "").strip(), (body or "").strip()
    if not title:
        raise ServiceError("Enter a title.", "title")
    if not summary:
        raise ServiceError("Write a short summary.", "summary")
    if not body:
        raise ServiceError("Write the page.", "body")
    return title, summary, body


def _commit() -> None:
    """Two people saving the same web address at once: the unique constraint decides, and the loser is told."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ServiceError(SLUG_TAKEN, "slug") from None


# Reading


def list_pages(actor: User) -> list[Page]:
    """Every page, drafts included: the about page first, then the most recently changed."""
    require(actor, ACTION)
    about_first = case((Page.kind == PageKind.ABOUT, 0), else_=1)
    return list(
        db.session.scalars(select(Page).order_by(about_first, Page.updated_at.desc(), Page.id.desc()))
    )


def page_for_editor(actor: User, slug: str) -> Page | None:
    require(actor, ACTION)
    return db.session.scalar(select(Page).where(Page.slug == slug))


def kinds_for(actor: User, page: Page | None = None) -> list[str]:
    """The kinds a page may be given: the about page stays about; about is offered only while none exists."""
    require(actor, ACTION)
    if page is not None and page.kind == PageKind.ABOUT:
        return [PageKind.ABOUT]
    kinds = [PageKind.CAMPAIGN, PageKind.NEWS]
    if _about_page(except_id=page.id if page else None) is None:
        kinds.append(PageKind.ABOUT)
    return kinds


# Changing


def create_page(actor: User, *, kind: str, title: str, summary: str, body: str, slug: str = "") -> Page:
    """A new page, saved as a draft. A blank slug is made from the title (or "about" for the about page)."""
    require(actor, ACTION)
    if kind not in PageKind.ALL:
        raise ServiceError("Choose what kind of page this is.", "kind")
    title, summary, body = _checked_text(title, summary, body)
    if kind == PageKind.ABOUT and _about_page() is not None:
        raise ServiceError("There is already an about page. Edit that one instead.", "kind")
    if (slug or "").strip():
        slug = _checked_slug(slug)
    else:
        slug = _unique_slug("about" if kind == PageKind.ABOUT else slugify(title))
    now = utcnow()
    page = Page(
        kind=kind,
        slug=slug,
        title=title,
        summary=summary,
        body=body,
        source="",
        published_at=None,
        created_at=now,
        updated_at=now,
    )
    db.session.add(page)
    _commit()
    return page


def update_page(
    actor: User,
    page: Page,
    *,
    title: str,
    summary: str,
    body: str,
    slug: str | None = None,
    kind: str | None = None,
    loaded_updated_at: datetime | None = None,
) -> None:
    """Change a page's words, kind or web address. A published page changes on the site at once.

    ``loaded_updated_at`` is when the page had last changed as the editor opened it; if it has changed
    since, nothing is saved, so one organiser never silently overwrites another."""
    require(actor, ACTION)
    if loaded_updated_at is not None and page.updated_at != loaded_updated_at:
        raise ServiceError(STALE)
    title, summary, body = _checked_text(title, summary, body)
    # Every check before any change, so a refusal leaves the page as it was.
    new_kind, new_slug = page.kind, page.slug
    if kind is not None and kind != page.kind:
        if kind not in PageKind.ALL:
            raise ServiceError("Choose what kind of page this is.", "kind")
        if page.kind == PageKind.ABOUT:
            raise ServiceError("The about page cannot become another kind of page.", "kind")
        if kind == PageKind.ABOUT and _about_page(except_id=page.id) is not None:
            raise ServiceError("There is already an about page. Edit that one instead.", "kind")
        new_kind = kind
    if slug is not None and slug.strip().lower() != page.slug:
        new_slug = _checked_slug(slug, except_id=page.id)
    page.kind, page.slug, page.title, page.summary, page.body = new_kind, new_slug, title, summary, body
    page.updated_at = utcnow()
    _commit()


def publish_page(actor: User, page: Page) -> None:
    require(actor, ACTION)
    if page.published_at is not None:
        raise ServiceError("This page is already published.")
    page.published_at = page.updated_at = utcnow()
    db.session.commit()


def unpublish_page(actor: User, page: Page) -> None:
    """Take a page off the site; it stays here as a draft. Publishing it again dates it afresh."""
    require(actor, ACTION)
    if page.published_at is None:
        raise ServiceError("This page is not published.")
    page.published_at = None
    page.updated_at = utcnow()
    db.session.commit()


def delete_page(actor: User, page: Page) -> None:
    require(actor, ACTION)
    if page.kind == PageKind.ABOUT:
        raise ServiceError("The about page cannot be deleted. You can change its words, or unpublish it.")
    db.session.delete(page)
    db.session.commit()
