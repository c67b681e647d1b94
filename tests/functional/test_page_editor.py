"""Organisers editing the coalition's pages: drafts, preview, publishing, the one about page, slugs,
who may do it, and Markdown that can never carry script into the site."""

import html
import re

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Page, PageKind, Role
from campaign.services.coalition import pages as page_service
from campaign.services.errors import PermissionDenied, ServiceError
from campaign.text import render_markdown
from tests.factories import make_page, make_user

NEWS = {
    "kind": "news",
    "title": "Rally in Leeds on 3 May",
    "slug": "",
    "summary": "Join mothers and supporters outside the family court.",
    "body": "## Why we march\n\nBecause **support, not separation** works.\n\n- Bring a banner\n- Bring a friend",
}


def _page(app, **where) -> Page | None:
    with app.app_context():
        page = db.session.scalar(select(Page).filter_by(**where))
        if page is not None:
            db.session.expunge(page)
        return page


def _error_for(response, field: str) -> str:
    """The message shown next to a field (GOV.UK style), or "" when there is none."""
    found = re.search(
        rf'<p class="error-message" id="{field}-error"><span class="visually-hidden">Error:</span> '
        r"([^<]*)</p>",
        response.text,
    )
    return html.unescape(found.group(1)) if found else ""


def _loaded_updated_at(client, url: str) -> str:
    return re.search(r'name="loaded_updated_at" type="hidden" value="([^"]*)"', client.get(url).text).group(1)


def test_an_organiser_previews_saves_a_draft_and_publishes_a_news_page(app, client, signed_in):
    organiser = signed_in(Role.ORGANISER)
    form = organiser.get("/pages/new")
    assert form.status_code == 200
    assert "How to format the text" in form.text and "**bold**" in form.text and "## Our aims" in form.text

    preview = organiser.submit("/pages/new", {**NEWS, "action": "preview"})
    assert preview.status_code == 200
    assert "Nothing has been saved yet" in preview.text
    shown = preview.text.split('id="preview"', 1)[1]
    assert "<h2>Why we march</h2>" in shown and "<strong>support, not separation</strong>" in shown
    assert "<li>Bring a banner</li>" in shown
    assert 'value="Rally in Leeds on 3 May"' in preview.text  # the form still holds what was typed
    assert "## Why we march" in preview.text
    assert _page(app, title=NEWS["title"]) is None  # a preview saves nothing

    saved = organiser.submit("/pages/new", {**NEWS, "action": "save"})
    assert saved.status_code == 302 and saved.location.endswith("/pages/rally-in-leeds-on-3-may/edit")
    page = _page(app, slug="rally-in-leeds-on-3-may")
    assert page.kind == "news" and page.published_at is None and page.updated_at is not None
    assert client.get("/news/rally-in-leeds-on-3-may").status_code == 404
    assert NEWS["title"] not in client.get("/news").text
    listing = organiser.get("/pages")
    assert NEWS["title"] in listing.text and "Draft" in listing.text
    draft = organiser.get("/pages/rally-in-leeds-on-3-may/preview")
    assert (
        draft.status_code == 200 and "Draft preview" in draft.text and "<h2>Why we march</h2>" in draft.text
    )
    assert draft.headers["Cache-Control"] == "no-store"

    published = organiser.submit(
        "/pages/rally-in-leeds-on-3-may/publish", {}, form_url="/pages/rally-in-leeds-on-3-may/edit"
    )
    assert published.status_code == 302
    assert _page(app, slug="rally-in-leeds-on-3-may").published_at is not None
    public = client.get("/news/rally-in-leeds-on-3-may")
    assert public.status_code == 200 and "<h2>Why we march</h2>" in public.text
    assert "Edit this page" not in public.text
    assert NEWS["title"] in client.get("/news").text
    assert "Edit this page" in organiser.get("/news/rally-in-leeds-on-3-may").text

    organiser.submit(
        "/pages/rally-in-leeds-on-3-may/unpublish", {}, form_url="/pages/rally-in-leeds-on-3-may/edit"
    )
    assert client.get("/news/rally-in-leeds-on-3-may").status_code == 404
    assert _page(app, slug="rally-in-leeds-on-3-may").published_at is None


def test_previewing_an_edit_does_not_change_the_published_page(app, client, signed_in):
    with app.app_context():
        make_page(
            kind="campaign", slug="keep-families-together", title="Keep families together", body="Old words."
        )
    organiser = signed_in(Role.ORGANISER)
    url = "/pages/keep-families-together/edit"
    preview = organiser.submit(
        url,
        {
            "kind": "campaign",
            "title": "Keep families together",
            "slug": "keep-families-together",
            "summary": "A summary.",
            "body": "New *words*.",
            "action": "preview",
        },
    )
    assert preview.status_code == 200 and "<em>words</em>" in preview.text.split('id="preview"', 1)[1]
    assert "Old words." in client.get("/news/keep-families-together").text
    assert _page(app, slug="keep-families-together").body == "Old words."


def test_editing_the_about_page_changes_the_coalition_and_home_pages(app, client, signed_in):
    with app.app_context():
        make_page(
            kind=PageKind.ABOUT,
            slug="about",
            title="Support Not Separation",
            summary="Old lead.",
            body="Old aims.",
        )
    organiser = signed_in(Role.ORGANISER)
    coalition = organiser.get("/coalition")
    assert 'href="/pages/about/edit">Edit this page' in coalition.text
    assert "Edit this page" not in client.get("/coalition").text
    form = organiser.get("/pages/about/edit")
    assert 'name="kind"' not in form.text and 'name="slug"' not in form.text  # fixed for the about page
    assert "Delete this page" not in form.text
    saved = organiser.submit(
        "/pages/about/edit",
        {
            "title": "Support Not Separation",
            "summary": "A coalition of mothers and supporters.",
            "body": "## Our aims\n\nEnd **unwarranted** separation.",
            "action": "save",
            "loaded_updated_at": _loaded_updated_at(organiser, "/pages/about/edit"),
        },
    )
    assert saved.status_code == 302
    public = client.get("/coalition")
    assert "<h2>Our aims</h2>" in public.text and "<strong>unwarranted</strong>" in public.text
    assert "Old aims." not in public.text
    assert "A coalition of mothers and supporters." in client.get("/").text


def test_there_is_only_one_about_page_and_it_cannot_be_deleted_or_rekinded(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    assert 'value="about"' in organiser.get("/pages/new").text  # offered while there is none
    made = organiser.submit(
        "/pages/new",
        {"kind": "about", "title": "Who we are", "summary": "Lead.", "body": "Aims.", "action": "save"},
    )
    assert made.status_code == 302 and made.location.endswith("/pages/about/edit")
    assert 'value="about"' not in organiser.get("/pages/new").text
    second = organiser.submit(
        "/pages/new",
        {
            "kind": "about",
            "title": "Another about page",
            "summary": "Lead.",
            "body": "Aims.",
            "action": "save",
        },
    )
    assert second.status_code == 400
    assert _error_for(second, "kind") == "There is already an about page. Edit that one instead."
    assert 'value="Another about page"' in second.text
    refused = organiser.submit("/pages/about/delete", {}, form_url="/pages/about/edit")
    assert refused.status_code == 302 and _page(app, slug="about") is not None
    with app.app_context():
        about = db.session.scalar(select(Page).where(Page.slug == "about"))
        user = make_user(role=Role.ORGANISER)
        with pytest.raises(ServiceError, match="cannot be deleted"):
            page_service.delete_page(user, about)
        with pytest.raises(ServiceError, match="cannot become another kind") as problem:
            page_service.update_page(user, about, title="t", summary="s", body="b", kind=PageKind.NEWS)
        assert problem.value.field == "kind"
        news = make_page()
        with pytest.raises(ServiceError, match="already an about page"):
            page_service.update_page(user, news, title="t", summary="s", body="b", kind=PageKind.ABOUT)
        with pytest.raises(ServiceError, match="already an about page"):
            page_service.create_page(user, kind=PageKind.ABOUT, title="t", summary="s", body="b")
        assert db.session.scalar(select(Page).where(Page.id == news.id)).kind == PageKind.NEWS


def test_form_errors_keep_what_was_typed_with_the_message_next_to_the_field(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    missing = organiser.submit("/pages/new", {**NEWS, "title": "", "action": "save"})
    assert missing.status_code == 400
    assert _error_for(missing, "title") == "Enter a title."
    assert '<a href="#title">Enter a title.</a>' in missing.text  # the summary links to the field
    assert "Join mothers and supporters outside the family court." in missing.text
    assert "## Why we march" in missing.text
    assert re.search(r'<input checked[^>]*value="news">', missing.text)  # the chosen kind stays chosen

    bad_slug = organiser.submit("/pages/new", {**NEWS, "slug": "rally in leeds!", "action": "save"})
    assert bad_slug.status_code == 400
    assert _error_for(bad_slug, "slug").startswith("Use only lower-case letters, numbers and single hyphens")
    assert 'value="rally in leeds!"' in bad_slug.text and 'value="Rally in Leeds on 3 May"' in bad_slug.text

    no_kind = organiser.submit("/pages/new", {**NEWS, "kind": "", "action": "save"})
    assert _error_for(no_kind, "kind") == "Choose what kind of page this is."
    with app.app_context():
        assert db.session.scalar(select(Page).where(Page.title == NEWS["title"])) is None


def test_a_clashing_slug_is_refused_next_to_the_field_and_generated_slugs_stay_unique(app, signed_in):
    with app.app_context():
        make_page(slug="rally", title="An earlier rally")
        other = make_page(slug="another-page", title="Another page")
        other_slug = other.slug
    organiser = signed_in(Role.ORGANISER)
    clash = organiser.submit("/pages/new", {**NEWS, "slug": "rally", "action": "save"})
    assert clash.status_code == 400
    assert _error_for(clash, "slug") == page_service.SLUG_TAKEN
    assert "## Why we march" in clash.text and 'value="rally"' in clash.text

    edit_url = f"/pages/{other_slug}/edit"
    renamed = organiser.submit(
        edit_url,
        {
            "kind": "news",
            "title": "Another page",
            "slug": "rally",
            "summary": "A summary.",
            "body": "Changed words.",
            "action": "save",
        },
    )
    assert renamed.status_code == 400 and _error_for(renamed, "slug") == page_service.SLUG_TAKEN
    assert "Changed words." in renamed.text
    assert _page(app, slug=other_slug).body == "Some **words**."

    for _ in range(2):
        organiser.submit("/pages/new", {**NEWS, "title": "Rally", "action": "save"})
    assert _page(app, slug="rally-2") is not None and _page(app, slug="rally-3") is not None

    moved = organiser.submit(
        edit_url,
        {
            "kind": "campaign",
            "title": "Another page",
            "slug": "a-better-address",
            "summary": "A summary.",
            "body": "Changed words.",
            "action": "save",
        },
    )
    assert moved.status_code == 302 and moved.location.endswith("/pages/a-better-address/edit")
    page = _page(app, slug="a-better-address")
    assert page.kind == "campaign" and page.body == "Changed words."


def test_an_edit_made_after_someone_else_changed_the_page_is_not_saved(app, signed_in):
    with app.app_context():
        slug = make_page(body="First words.").slug
    organiser = signed_in(Role.ORGANISER)
    url = f"/pages/{slug}/edit"
    loaded = _loaded_updated_at(organiser, url)
    with app.app_context():
        page = db.session.scalar(select(Page).where(Page.slug == slug))
        page_service.update_page(
            make_user(role=Role.ORGANISER),
            page,
            title=page.title,
            summary=page.summary,
            body="Someone else's words.",
        )
    stale = organiser.submit(
        url,
        {
            "kind": "news",
            "title": "Mine",
            "slug": slug,
            "summary": "A summary.",
            "body": "My words.",
            "action": "save",
            "loaded_updated_at": loaded,
        },
    )
    assert stale.status_code == 400 and "Someone else changed this page" in stale.text
    assert "My words." in stale.text
    assert _page(app, slug=slug).body == "Someone else's words."


def test_an_organiser_deletes_a_news_page_after_confirming(app, client, signed_in):
    with app.app_context():
        slug = make_page(title="Old news").slug
    organiser = signed_in(Role.ORGANISER)
    confirm = organiser.get(f"/pages/{slug}/delete")
    assert confirm.status_code == 200 and "Delete “Old news”?" in html.unescape(confirm.text)
    assert organiser.submit(f"/pages/{slug}/delete", {}).status_code == 302
    assert _page(app, slug=slug) is None
    assert client.get(f"/news/{slug}").status_code == 404


def test_organisers_and_admins_find_the_editor_in_their_area(app, signed_in):
    for role in (Role.ORGANISER, Role.ADMIN):
        person = signed_in(role)
        assert 'href="/pages"' in person.get("/account/").text
        assert person.get("/pages").status_code == 200


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR, None])
def test_members_moderators_and_the_public_cannot_edit_pages(app, role, signed_in):
    with app.app_context():
        draft = make_page(slug="a-draft", title="A draft", published=False, body="Draft words.")
        live = make_page(slug="a-live-page", title="A live page", body="Live words.")
        make_page(kind=PageKind.ABOUT, slug="about", title="About us", body="About words.")
        before = {p.slug: (p.title, p.body, p.published_at) for p in (draft, live)}
    person = signed_in(role)
    token = person.csrf_token("/stories/share")  # a valid token of their own: only the permission can refuse

    def refused(response):
        if role is None:
            return response.status_code == 302 and "/sign-in" in response.location
        return response.status_code == 403

    for url in (
        "/pages",
        "/pages/new",
        "/pages/a-draft/edit",
        "/pages/a-draft/preview",
        "/pages/a-draft/delete",
        "/pages/a-live-page/edit",
        "/pages/about/edit",
    ):
        assert refused(person.get(url)), url
    fields = {"csrf_token": token, "kind": "news", "title": "Hijacked", "summary": "s", "body": "b"}
    for url, data in [
        ("/pages/new", {**fields, "action": "save"}),
        ("/pages/new", {**fields, "action": "preview"}),
        ("/pages/a-live-page/edit", {**fields, "action": "save"}),
        ("/pages/a-live-page/edit", {**fields, "action": "preview"}),
        ("/pages/about/edit", {**fields, "action": "save"}),
        ("/pages/a-draft/publish", {"csrf_token": token}),
        ("/pages/a-live-page/unpublish", {"csrf_token": token}),
        ("/pages/a-live-page/delete", {"csrf_token": token}),
    ]:
        assert refused(person.post(url, data=data)), url
    assert person.get("/news/a-draft").status_code == 404
    assert "Edit this page" not in person.get("/news/a-live-page").text
    assert "Edit this page" not in person.get("/coalition").text
    if role:
        assert 'href="/pages"' not in person.get("/account/").text

    with app.app_context():
        pages = {p.slug: p for p in db.session.scalars(select(Page))}
        assert {s: (pages[s].title, pages[s].body, pages[s].published_at) for s in before} == before
        assert set(pages) == {"a-draft", "a-live-page", "about"}
        actor = make_user(role=role) if role else None
        calls = [
            lambda: page_service.list_pages(actor),
            lambda: page_service.page_for_editor(actor, "a-draft"),
            lambda: page_service.kinds_for(actor),
            lambda: page_service.create_page(actor, kind="news", title="t", summary="s", body="b"),
            lambda: page_service.update_page(actor, pages["a-live-page"], title="t", summary="s", body="b"),
            lambda: page_service.update_page(actor, pages["about"], title="t", summary="s", body="b"),
            lambda: page_service.publish_page(actor, pages["a-draft"]),
            lambda: page_service.unpublish_page(actor, pages["a-live-page"]),
            lambda: page_service.delete_page(actor, pages["a-live-page"]),
        ]
        for call in calls:
            with pytest.raises(PermissionDenied):
                call()


XSS_BODY = """Hello.

<script>alert('script')</script>

<img src="x.png" onerror="alert('onerror')">

<p onclick="alert('onclick')">Click me</p>

[a javascript link](javascript:alert('link'))

<a href="JavaScript:alert('anchor')">an anchor</a>

<iframe src="https://evil.example/frame"></iframe>

<svg><script>alert('svg')</script></svg>
"""


def _assert_harmless(fragment: str) -> None:
    lowered = fragment.lower()
    for bad in (
        "<script",
        "alert(",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "evil.example",
        "<img",
        "<svg",
    ):
        assert bad not in lowered, bad


def test_script_event_handlers_javascript_links_and_iframes_never_reach_the_page(app, client, signed_in):
    _assert_harmless(str(render_markdown(XSS_BODY)))
    assert "Hello." in render_markdown(XSS_BODY)

    organiser = signed_in(Role.ORGANISER)
    page_fields = {
        "kind": "news",
        "title": "Harmless",
        "slug": "harmless",
        "summary": "A summary.",
        "body": XSS_BODY,
    }
    preview = organiser.submit("/pages/new", {**page_fields, "action": "preview"})
    _assert_harmless(preview.text.split('id="preview"', 1)[1])
    organiser.submit("/pages/new", {**page_fields, "action": "save"})
    _assert_harmless(organiser.get("/pages/harmless/preview").text.split("<main", 1)[1])
    organiser.submit("/pages/harmless/publish", {}, form_url="/pages/harmless/edit")
    public = client.get("/news/harmless")
    assert public.status_code == 200 and "Hello." in public.text
    _assert_harmless(public.text.split("<main", 1)[1])
    assert public.text.count("<script") == 1  # only the site's own script tag in the head

    with app.app_context():
        make_page(kind=PageKind.ABOUT, slug="about", title="About", body=XSS_BODY)
    _assert_harmless(client.get("/coalition").text.split("<main", 1)[1])
