"""Reading what the public sees: coalition pages, member organisations, petitions and published stories."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ...extensions import db
from ...models import (
    Organisation,
    Page,
    PageKind,
    Petition,
    PetitionState,
    Role,
    Story,
    StoryState,
    User,
    story_petitions,
)


def about_page() -> Page | None:
    return db.session.scalar(select(Page).where(Page.kind == PageKind.ABOUT, Page.published_at.is_not(None)))


def listed_organisations() -> list[Organisation]:
    return list(
        db.session.scalars(select(Organisation).where(Organisation.listed).order_by(Organisation.name))
    )


def published_pages(kind: str | None = None, limit: int | None = None) -> list[Page]:
    query = select(Page).where(Page.published_at.is_not(None), Page.kind != PageKind.ABOUT)
    if kind:
        query = query.where(Page.kind == kind)
    return list(db.session.scalars(query.order_by(Page.published_at.desc(), Page.id.desc()).limit(limit)))


def published_page(slug: str) -> Page | None:
    return db.session.scalar(
        select(Page).where(Page.slug == slug, Page.published_at.is_not(None), Page.kind != PageKind.ABOUT)
    )


def published_stories(limit: int | None = None) -> list[Story]:
    query = (
        select(Story)
        .where(Story.state == StoryState.PUBLISHED)
        .order_by(Story.published_at.desc(), Story.id.desc())
    )
    return list(db.session.scalars(query.limit(limit)))


def published_story(slug: str) -> Story | None:
    return db.session.scalar(select(Story).where(Story.slug == slug, Story.state == StoryState.PUBLISHED))


def stories_for_petition(petition: Petition) -> list[Story]:
    return list(
        db.session.scalars(
            select(Story)
            .join(story_petitions, story_petitions.c.story_id == Story.id)
            .where(story_petitions.c.petition_id == petition.id, Story.state == StoryState.PUBLISHED)
            .order_by(Story.published_at.desc())
        )
    )


def listed_individuals() -> list[User]:
    """Individual members who chose to appear in the directory."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.role == Role.MEMBER.value, User.organisation_id.is_(None), User.listed, User.active)
            .order_by(User.name)
        )
    )


@dataclass(frozen=True)
class SitemapEntries:
    """Slugs of everything the public can open, each with when it last changed (or None)."""

    petitions: list[tuple[str, datetime | None]]
    stories: list[tuple[str, datetime | None]]
    pages: list[tuple[str, datetime | None]]
    organisations: list[tuple[str, datetime | None]]


def sitemap_entries() -> SitemapEntries:
    # Columns only: a sitemap of thousands of petitions must not load their texts.
    def rows(statement) -> list[tuple[str, datetime | None]]:
        return [(slug, changed) for slug, changed in db.session.execute(statement)]

    return SitemapEntries(
        petitions=rows(
            select(Petition.slug, func.coalesce(Petition.closed_at, Petition.opened_at))
            .where(Petition.state.in_(PetitionState.PUBLIC))
            .order_by(Petition.id)
        ),
        stories=rows(
            select(Story.slug, Story.published_at)
            .where(Story.state == StoryState.PUBLISHED)
            .order_by(Story.id)
        ),
        pages=rows(
            select(Page.slug, Page.updated_at)
            .where(Page.published_at.is_not(None), Page.kind != PageKind.ABOUT)
            .order_by(Page.id)
        ),
        organisations=rows(
            select(Organisation.slug, Organisation.updated_at)
            .where(Organisation.listed)
            .order_by(Organisation.id)
        ),
    )
