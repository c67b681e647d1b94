"""The petition widget in a real browser, on another site: a member organisation's page (served from a
different origin, and a different site, so our SameSite=Lax cookie is never sent) frames the widget from the
snippet we give them, and someone signs inside the frame, with JavaScript switched off."""

import html
import re
from pathlib import Path

import pytest
from sqlalchemy import select
from werkzeug.serving import WSGIRequestHandler

from campaign.extensions import db
from campaign.models import Organisation, Role, Signature
from tests.browser.conftest import serve, sign_in
from tests.factories import make_petition, make_user
from tests.support.waiting import wait_for

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / ".test-services" / "screenshots"


@pytest.fixture
def live_server(app):
    """The app on loopback, one request at a time like the shared fixture, but dropping a connection that sends
    nothing for a second. For a cross-site frame Chromium opens connections it may never use (they belong to
    another network partition), and a one-at-a-time server waiting on such a socket would stall the page."""

    class DropIdleConnections(WSGIRequestHandler):
        timeout = 1

    with serve(app, request_handler=DropIdleConnections) as url:
        yield url


def test_a_member_site_frames_the_widget_and_someone_signs_in_it(
    app, live_server, browser, run_jobs, outbox, signed_in, static_site
):
    with app.app_context():
        org = Organisation(slug="legal-action-for-women", name="Legal Action for Women")
        db.session.add(org)
        db.session.commit()
        slug = make_petition(
            slug="changes-to-children-act-1989",
            title="Changes to Children Act 1989",
            action="Amend the Children Act 1989 so that children are not separated from "
            "their mothers without good reason.",
        ).slug
        org_id = org.id
    # The snippet exactly as the member copies it from our page, pointed at the test server.
    client = signed_in(Role.MEMBER, organisation_id=org_id)
    page = client.get(f"/petitions/{slug}/embed-code").text
    snippet = html.unescape(re.search(r'id="embed-snippet"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    snippet = snippet.replace("http://localhost", live_server)
    their_page = (
        "<!doctype html><html><head><title>Legal Action for Women</title></head>"
        "<body style='font-family: Georgia, serif; background: #f3efe6; margin: 0'>"
        "<header style='background:#20404f; color:#fff; padding: 12px 24px'><b>Legal Action for Women</b>"
        "</header><main style='max-width: 640px; margin: 24px auto; padding: 0 16px'>{}</main></body></html>"
    )
    site = static_site(
        {
            "/": their_page.format(f"<h1>Sign our petition</h1><p>Please add your name below.</p>{snippet}"),
            # Any other page of ours refuses to be framed.
            "/framing-the-site": their_page.format(
                f'<iframe src="{live_server}/petitions/{slug}" title="Not allowed" width="600" height="300"></iframe>'
            ),
        }
    )
    # "localhost" and "127.0.0.1" are different sites, so the frame is cross-site, as on a real member's website.
    host = f"http://localhost:{site.port}/"
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 720, "height": 1000})
    try:
        visitor = context.new_page()
        visitor.goto(host)
        widget = visitor.frame_locator("iframe[title^='Sign the petition']")
        widget.get_by_role("heading", name="Changes to Children Act 1989").wait_for()
        assert "0 signatures of 10,000 needed" in widget.locator(".progress-label").inner_text()
        visitor.screenshot(path=str(SHOTS / "embed-form.png"), full_page=True)
        widget.get_by_label("Full name").fill("Mary Example")
        widget.get_by_label("Email address").fill("mary@example.org")
        widget.get_by_label("Postcode").fill("SW1A 1AA")
        widget.get_by_label("Email me updates").check()
        widget.get_by_role("button", name="Sign this petition").click()
        widget.get_by_role("heading", name="Check your email").wait_for()
        assert "the address you gave" in widget.locator("main").inner_text()
        assert visitor.url == host  # still on the member's page
        visitor.screenshot(path=str(SHOTS / "embed.png"), full_page=True)
        assert context.cookies(live_server) == []  # the widget set no cookie

        visitor.goto(host + "framing-the-site")

        def framed_urls() -> list[str]:
            visitor.evaluate("1")  # a round trip, so Playwright has taken in the frame's latest navigation
            return [f.url for f in visitor.frames if f is not visitor.main_frame]

        # The page loaded, and the browser refused to show our page in the frame (on a busy machine the
        # frame's navigation may still be under way when the page's own load event fires).
        refused = ["chrome-error://chromewebdata/"]
        wait_for(lambda: framed_urls() == refused, 30, "the browser to refuse our page in the frame")
    finally:
        context.close()

    run_jobs()
    [message] = outbox(to="mary@example.org")
    assert message.subject == "Confirm your signature: Changes to Children Act 1989"
    with app.app_context():
        signature = db.session.scalars(select(Signature)).one()
        assert signature.source == "member:legal-action-for-women" and signature.state == "pending"


def test_the_embed_code_page_previews_the_widget_and_organisers_see_the_sources(app, live_server, page):
    with app.app_context():
        org = Organisation(slug="legal-action-for-women", name="Legal Action for Women")
        db.session.add(org)
        db.session.commit()
        petition = make_petition(slug="changes-to-children-act-1989", title="Changes to Children Act 1989")
        db.session.add_all(
            [
                Signature(
                    petition_id=petition.id,
                    name="S",
                    email=f"s{i}@example.org",
                    email_key=f"s{i}@example.org",
                    email_domain="example.org",
                    state="validated" if i < 3 else "pending",
                    source="member:legal-action-for-women" if i % 2 else "share:newsletter",
                )
                for i in range(5)
            ]
        )
        db.session.commit()
        organiser = make_user(role=Role.ORGANISER).email
    SHOTS.mkdir(parents=True, exist_ok=True)
    sign_in(page, live_server, organiser)
    page.goto(live_server + "/petitions/changes-to-children-act-1989")
    page.get_by_role("link", name="Embed this petition on a website").click()
    page.get_by_label("Make the code for").select_option(label="Legal Action for Women")
    page.get_by_role("button", name="Show the code").click()
    assert "embed?member=legal-action-for-women" in page.get_by_label("The code to paste").input_value()
    preview = page.frame_locator("iframe.embed-preview")
    preview.get_by_role("button", name="Sign this petition").wait_for()  # our own page may frame it
    page.screenshot(path=str(SHOTS / "embed-code.png"), full_page=True)

    page.goto(live_server + "/petitions/changes-to-children-act-1989")
    page.get_by_role("link", name="Where signatures came from").click()
    rows = page.locator("table.table-sources tbody tr")
    assert rows.nth(0).inner_text().split("\t")[:2] == ["Share link “newsletter”", "2"]
    assert rows.nth(1).inner_text().startswith("Legal Action for Women")
    page.screenshot(path=str(SHOTS / "embed-sources.png"), full_page=True)
