"""Reading what the public sees: coalition pages, member organisations, petitions and published stories."""

from __future__ import annotations

from sqlalchemy import select

from ...extensions import db
from ...models import Organisation, Page, PageKind, Petition, Role, Story, StoryState, User, story_petitions


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
