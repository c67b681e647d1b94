"""Organisers editing the coalition's pages, under /pages (public pages themselves live at /news/<slug>
and /coalition). The service checks every action; these views refuse early (``permission_required``) so
nobody sees a form they cannot use."""

from datetime import datetime

from flask import flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..models import PageKind
from ..services.coalition import content
from ..services.coalition import pages as page_service
from ..services.errors import ServiceError, attach_to_form
from ..web.loaders import found_or_404
from ..web.security import permission_required
from .blueprint import bp
from .forms import PageForm

KIND_CHOICE_LABELS = {
    PageKind.CAMPAIGN: "Campaign page: what the coalition is campaigning for",
    PageKind.NEWS: "News: an update, statement or reading",
    PageKind.ABOUT: "About the coalition: who we are and our aims, shown at /coalition",
}


def _load(slug: str):
    return found_or_404(page_service.page_for_editor(current_user, slug))


def _prepare(form: PageForm, page=None) -> None:
    """The about page keeps its kind and its (unused) slug: it is always shown at /coalition."""
    if page is not None and page.kind == PageKind.ABOUT:
        del form.kind
        del form.slug
    else:
        form.kind.choices = [
            SelectChoice(k, KIND_CHOICE_LABELS[k]) for k in page_service.kinds_for(current_user, page)
        ]


def _loaded_updated_at(form: PageForm) -> datetime | None:
    try:
        return datetime.fromisoformat(form.loaded_updated_at.data or "")
    except ValueError:
        return None


def _preview(form: PageForm) -> dict:
    return {"title": form.title.data or "", "summary": form.summary.data or "", "body": form.body.data or ""}


def _render_form(form: PageForm, page=None, error=None, preview=None):
    g.no_store = True
    status = 400 if form.errors or error else 200
    return render_template(
        "public/editor/form.html",
        form=form,
        page=page,
        error=error,
        preview=preview,
        kind_labels=page_service.KIND_LABELS,
    ), status


@bp.get("/pages")
@permission_required("edit_coalition_pages")
def edit_pages():
    return render_template(
        "public/editor/index.html",
        pages=page_service.list_pages(current_user),
        kind_labels=page_service.KIND_LABELS,
    )


@bp.route("/pages/new", methods=["GET", "POST"])
@permission_required("edit_coalition_pages")
def new_page():
    form = PageForm()
    _prepare(form)
    if request.method == "POST" and request.form.get("action") == "preview":
        return _render_form(form, preview=_preview(form))  # nothing is saved
    error = None
    if form.validate_on_submit():
        try:
            page = page_service.create_page(
                current_user,
                kind=form.kind.data,
                title=form.title.data,
                summary=form.summary.data,
                body=form.body.data,
                slug=form.slug.data or "",
            )
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            flash("Saved as a draft. Nobody else can see it until you publish it.", "success")
            return redirect(url_for("public.edit_page", slug=page.slug))
    return _render_form(form, error=error)


@bp.route("/pages/<slug>/edit", methods=["GET", "POST"])
@permission_required("edit_coalition_pages")
def edit_page(slug: str):
    page = _load(slug)
    form = PageForm(obj=page if request.method == "GET" else None)
    _prepare(form, page)
    if request.method == "GET":
        form.loaded_updated_at.data = page.updated_at.isoformat()
    elif request.form.get("action") == "preview":
        return _render_form(form, page, preview=_preview(form))  # nothing is saved
    error = None
    if form.validate_on_submit():
        try:
            page_service.update_page(
                current_user,
                page,
                title=form.title.data,
                summary=form.summary.data,
                body=form.body.data,
                slug=form.slug.data if form.slug else None,
                kind=form.kind.data if form.kind else None,
                loaded_updated_at=_loaded_updated_at(form),
            )
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            flash(
                "Changes saved. They are on the site now."
                if page.published_at
                else "Changes saved. The page is still a draft.",
                "success",
            )
            return redirect(url_for("public.edit_page", slug=page.slug))
    return _render_form(form, page, error=error)


@bp.get("/pages/<slug>/preview")
@permission_required("edit_coalition_pages")
def preview_page(slug: str):
    """The page as the public will see it, drafts included (the public get a 404 for a draft)."""
    page = _load(slug)
    g.no_store = True
    if page.kind == PageKind.ABOUT:
        body = render_template(
            "public/coalition.html", about=page, organisations=content.listed_organisations(), previewing=page
        )
    else:
        body = render_template("public/page.html", page=page, previewing=page)
    return body, 200, {"X-Robots-Tag": "noindex"}


def _change_state(slug: str, change, done: str):
    page = _load(slug)
    try:
        change(current_user, page)
    except ServiceError as problem:
        flash(str(problem), "error")
    else:
        flash(done, "success")
    if request.form.get("return_to") == "list":
        return redirect(url_for("public.edit_pages"))
    return redirect(url_for("public.edit_page", slug=page.slug))


@bp.post("/pages/<slug>/publish")
@permission_required("edit_coalition_pages")
def publish_page(slug: str):
    return _change_state(slug, page_service.publish_page, "Published. The page is on the site now.")


@bp.post("/pages/<slug>/unpublish")
@permission_required("edit_coalition_pages")
def unpublish_page(slug: str):
    return _change_state(
        slug, page_service.unpublish_page, "Unpublished. The page is off the site and kept here as a draft."
    )


@bp.route("/pages/<slug>/delete", methods=["GET", "POST"])
@permission_required("edit_coalition_pages")
def delete_page(slug: str):
    page = _load(slug)
    if page.kind == PageKind.ABOUT:
        flash("The about page cannot be deleted. You can change its words, or unpublish it.", "error")
        return redirect(url_for("public.edit_page", slug=page.slug))
    if request.method == "POST":
        title = page.title
        try:
            page_service.delete_page(current_user, page)
        except ServiceError as problem:
            flash(str(problem), "error")
            return redirect(url_for("public.edit_page", slug=page.slug))
        flash(f"“{title}” was deleted.", "success")
        return redirect(url_for("public.edit_pages"))
    g.no_store = True
    return render_template("public/editor/delete.html", page=page)
