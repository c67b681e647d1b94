"""The coalition in a real browser: an organisation's editor gives it a logo and a description, and the
public directory shows them."""

import io
from pathlib import Path

import pytest
from PIL import Image

from campaign.demo.seed import seed_demo
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / ".test-services" / "screenshots"


def test_an_editor_sets_the_logo_and_the_directory_shows_it(app, live_server, page, tmp_path):
    with app.app_context():
        seed_demo()
    logo = tmp_path / "logo.png"
    out = io.BytesIO()
    Image.new("RGB", (300, 300), (122, 31, 92)).save(out, "PNG")
    logo.write_bytes(out.getvalue())

    sign_in(page, live_server, "member@example.org", "support-mothers-3")
    page.get_by_role("link", name="Your organisation's page", exact=True).click()
    page.get_by_label("Logo").set_input_files(str(logo))
    page.get_by_role("button", name="Upload logo").click()
    assert "The new logo is on your page." in page.locator(".notice").inner_text()
    page.get_by_label("About the organisation").fill("An international network of mothers and other carers.")
    page.get_by_role("button", name="Save your page").click()
    assert "has been updated" in page.locator(".notice").inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "organisation-edit.png"), full_page=True)

    page.goto(live_server + "/coalition")
    card = page.locator(".member-card", has_text="Legal Action for Women")
    assert card.locator("img.member-logo").evaluate("img => img.naturalWidth") > 0
    page.screenshot(path=str(SHOTS / "coalition-directory.png"), full_page=True)
    card.get_by_role("link", name="Legal Action for Women").click()
    assert "An international network of mothers" in page.locator(".organisation-page").inner_text()
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
