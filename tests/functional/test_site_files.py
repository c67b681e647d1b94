"""What browsers and search engines ask every site for: /favicon.ico, /robots.txt and /sitemap.xml."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from campaign.models import PetitionState
from tests.factories import make_petition

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_the_favicon_is_an_icon_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.data[:4] == b"\x00\x00\x01\x00"  # an ICO header
    assert response.cache_control.max_age and response.cache_control.max_age >= 24 * 3600


def test_robots_keeps_crawlers_off_private_and_token_pages_and_names_the_sitemap(client):
    text = client.get("/robots.txt").text
    lines = text.splitlines()
    assert lines[0] == "User-agent: *"
    for private in ("/account/", "/donate/manage/", "/stories/yours/", "/unsubscribe/", "/dev/"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /petitions/" not in lines and "Disallow: /" not in lines
    assert lines[-1] == "Sitemap: http://localhost/sitemap.xml"


def test_the_sitemap_lists_public_petitions_only(app, client):
    with app.app_context():
        open_one = make_petition(title="Keep families together").slug
        closed = make_petition(title="An old one", state=PetitionState.CLOSED).slug
        draft = make_petition(title="Not yet", state=PetitionState.DRAFT).slug
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    locations = [loc.text for loc in ET.fromstring(response.data).findall("s:url/s:loc", NS)]
    assert "http://localhost/" in locations and "http://localhost/privacy" in locations
    assert "http://localhost/accessibility" in locations
    assert f"http://localhost/petitions/{open_one}" in locations
    assert f"http://localhost/petitions/{closed}" in locations
    assert f"http://localhost/petitions/{draft}" not in locations
    # Every address is one the site answers without signing in.
    for location in locations:
        assert client.get(location.removeprefix("http://localhost")).status_code == 200, location
