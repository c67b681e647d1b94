from datetime import timedelta

from flask import Response, current_app, render_template, send_from_directory

from ..models import PageKind, utcnow
from ..services.coalition import content
from ..services.petitions import listings
from ..urls import public_url
from ..web.loaders import found_or_404
from .blueprint import bp


@bp.get("/")
def home():
    return render_template(
        "public/home.html",
        about=content.about_page(),
        petitions=[item.petition for item in listings.petitions_in(listings.OPEN, per_page=3)[0]],
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


# HMRC's rule for a charity's Gift Aid records (Gift Aid: guidance for charities, chapter 6); no setting.
GIFT_AID_RECORD_YEARS = 6


@bp.get("/privacy")
def privacy():
    """The privacy notice: who holds what, why, for how long (the retention settings this site runs with),
    who processes it for us, and how to use your rights."""
    config = current_app.config
    return render_template(
        "public/privacy.html",
        controller=config["PRIVACY_CONTROLLER_NAME"],
        contact_email=config["PRIVACY_CONTACT_EMAIL"],
        anonymise_after_days=config["ANONYMISE_AFTER_DAYS"],
        email_retention_days=config["EMAIL_RETENTION_DAYS"],
        story_retention_days=config["STORY_RETENTION_DAYS"],
        story_draft_days=config["STORY_DRAFT_DAYS"],
        gift_aid_record_years=GIFT_AID_RECORD_YEARS,
    )


# The axe-core release the accessibility checks run (package.json pins it; a unit test keeps the two equal).
AXE_CORE_VERSION = "4.14.1"


@bp.get("/accessibility")
def accessibility():
    """The accessibility statement: what is tested and how, what is known not to work, and who to tell."""
    return render_template(
        "public/accessibility.html",
        axe_core_version=AXE_CORE_VERSION,
        contact_email=current_app.config["PRIVACY_CONTACT_EMAIL"],
    )


# RFC 9116 wants an expiry under a year away; one computed per request never goes stale.
SECURITY_TXT_DAYS = 180


@bp.get("/.well-known/security.txt")
def security_txt():
    """Where to report a vulnerability (RFC 9116), read by researchers and scanners before they write."""
    expires = (utcnow() + timedelta(days=SECURITY_TXT_DAYS)).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{current_app.config['SECURITY_CONTACT_EMAIL']}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en",
        f"Canonical: {public_url('public.security_txt')}",
    ]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


# Never worth a crawler's visit: people's own pages, organisers' tools, and links that carry a token.
ROBOTS_DISALLOW = (
    "/account/",
    "/admin/",
    "/dev/",
    "/donate/admin",
    "/donate/manage/",
    "/donate/thanks/",
    "/email-preferences/",
    "/join/confirm",
    "/members/",
    "/outreach/",
    "/pages/",
    "/petitions/mine",
    "/petitions/moderation",
    "/reset-password/",
    "/signatures/confirm",
    "/stories/moderation",
    "/stories/share/draft/",
    "/stories/yours/",
    "/unsubscribe/",
    "/webhooks/",
)


@bp.get("/robots.txt")
def robots_txt():
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {public_url('public.sitemap')}")
    response = Response("\n".join(lines) + "\n", mimetype="text/plain")
    response.cache_control.public, response.cache_control.max_age = True, 3600
    return response


@bp.get("/sitemap.xml")
def sitemap():
    """Every public page, for search engines: petitions open and closed, published stories and pages, and
    the coalition's listed organisations."""
    entries = content.sitemap_entries()
    response = Response(
        render_template("public/sitemap.xml", entries=entries, public_url=public_url),
        mimetype="application/xml",
    )
    response.cache_control.public, response.cache_control.max_age = True, 600
    return response


@bp.get("/favicon.ico")
def favicon():
    # Browsers ask for it at the root whatever the page says; the layout names the SVG for those that read it.
    return send_from_directory(current_app.static_folder or "", "img/favicon.ico", max_age=7 * 24 * 3600)
