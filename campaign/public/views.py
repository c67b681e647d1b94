from flask import render_template

from ..models import PageKind
from ..services.coalition import content
from ..services.petitions import lifecycle as petition_service
from ..web.loaders import found_or_404
from .blueprint import bp


@bp.get("/")
def home():
    return render_template(
        "public/home.html",
        about=content.about_page(),
        petitions=petition_service.list_petitions(per_page=3)[0],
        stories=content.published_stories(limit=3),
        pages=content.published_pages(limit=3),
    )


@bp.get("/coalition")
def coalition():
    return render_template(
        "public/coalition.html",
        about=content.about_page(),
        organisations=content.listed_organisations(),
        individuals=content.listed_individuals(),
    )


@bp.get("/news")
def news():
    return render_template(
        "public/news.html",
        campaign_pages=content.published_pages(PageKind.CAMPAIGN),
        news_pages=content.published_pages(PageKind.NEWS),
    )


@bp.get("/news/<slug>")
def page(slug: str):
    page = found_or_404(content.published_page(slug))
    return render_template("public/page.html", page=page)
