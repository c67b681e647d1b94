"""The embeddable petition widget: framing rules, signing inside another site's frame without our session
cookie, its own form token, member attribution that share links cannot forge, the snippet page, and the
organisers' table of where signatures came from."""

import csv
import html
import io
import re
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Organisation, PaperBatch, Petition, Role, Signature, utcnow
from campaign.services.petitions.counting import roll_up_counts
from campaign.services.petitions.signature_admin import anonymise_ended_petitions
from tests.conftest import FormClient
from tests.factories import PASSWORD, make_petition, make_user

SIGNER = {
    "name": "Mary Example",
    "email": "mary@example.org",
    "location": "uk",
    "postcode": "sw1a1aa",
    "opt_in": "y",
}


@pytest.fixture
def petition(app):
    with app.app_context():
        db.session.add(Organisation(slug="legal-action-for-women", name="Legal Action for Women"))
        db.session.add(Organisation(slug="single-mothers-self-defence", name="Single Mothers’ Self-Defence"))
        return make_petition(slug="keep-families-together", title="Keep families together").slug


def _cookieless(app):
    """A client that keeps no cookies: each request is like one from a cross-site frame, where our
    SameSite=Lax session cookie is never sent."""
    return app.test_client(use_cookies=False)


def _widget_form(app, url):
    page = _cookieless(app).get(url)
    assert page.status_code == 200, page.text
    token = re.search(r'name="form_token" value="([^"]+)"', page.text).group(1)
    action = html.unescape(re.search(r'<form method="post" action="([^"]+)"', page.text).group(1))
    return token, action


def _sign_in_widget(app, url, data):
    token, action = _widget_form(app, url)
    return _cookieless(app).post(action, data={"form_token": token, **data})


def _org_id(app, slug):
    with app.app_context():
        return db.session.scalar(select(Organisation.id).where(Organisation.slug == slug))


def _signatures(app):
    with app.app_context():
        rows = db.session.scalars(select(Signature).order_by(Signature.id)).all()
        db.session.expunge_all()
        return rows


def _frameable(response) -> bool:
    policy = response.headers["Content-Security-Policy"]
    if "frame-ancestors *" in policy and "X-Frame-Options" not in response.headers:
        return True
    assert "frame-ancestors 'none'" in policy and response.headers["X-Frame-Options"] == "DENY"
    return False


def test_only_the_widget_may_be_framed(app, client, petition):
    widget = client.get(f"/petitions/{petition}/embed")
    assert widget.status_code == 200 and _frameable(widget)
    assert _frameable(client.get(f"/petitions/{petition}/embed/check-email"))
    assert _frameable(
        client.get("/petitions/no-such-petition/embed")
    )  # its "not found" shows in the frame too
    for path in ("/", f"/petitions/{petition}", f"/petitions/{petition}/sign", "/petitions/"):
        assert not _frameable(client.get(path)), path
    # Everything else in the policy is unchanged: no inline styles or scripts, forms post only to us.
    policy = widget.headers["Content-Security-Policy"]
    assert "style-src 'self'" in policy and "script-src 'self'" in policy and "form-action 'self'" in policy


def test_the_widget_is_compact_script_free_unindexed_and_sets_no_cookie(app, petition):
    response = _cookieless(app).get(f"/petitions/{petition}/embed?member=legal-action-for-women")
    text = response.text
    assert '<meta name="robots" content="noindex">' in text
    assert "<script" not in text and "style=" not in text and "<style" not in text
    assert "site-header" not in text and "site-footer" not in text  # not the full site's chrome
    assert "Keep families together" in text and "0</strong> signatures of 10,000 needed" in text
    assert 'name="csrf_token"' not in text  # the widget's own token instead of the session-bound one
    assert "Set-Cookie" not in response.headers
    # Links out of the frame open a new tab.
    for link in re.findall(r'<a [^>]*href="/petitions/keep-families-together"[^>]*>', text):
        assert 'target="_blank"' in link and 'rel="noopener"' in link


def test_signing_in_the_widget_without_cookies_credits_the_member(app, client, run_jobs, outbox, petition):
    response = _sign_in_widget(app, f"/petitions/{petition}/embed?member=legal-action-for-women", SIGNER)
    assert response.status_code == 303 and "Set-Cookie" not in response.headers
    assert response.headers["Location"] == (
        f"/petitions/{petition}/embed/check-email?member=legal-action-for-women"
    )
    done = _cookieless(app).get(response.headers["Location"])
    assert done.status_code == 200 and _frameable(done)
    assert "Check your email" in done.text and "the address you gave" in done.text
    assert f'href="/petitions/{petition}/embed?member=legal-action-for-women"' in done.text  # sign again

    run_jobs()
    [message] = outbox(to=SIGNER["email"])
    assert message.subject == "Confirm your signature: Keep families together"
    path = re.search(r"http://localhost(/signatures/confirm/\S+)", message.text_body).group(1)
    [signature] = _signatures(app)
    assert signature.state == "pending" and signature.source == "member:legal-action-for-women"

    # The emailed link opens in the signer's mail app, a normal top-level page with the usual protections.
    assert "Thank you for signing" in client.submit(path, {}).text
    [signature] = _signatures(app)
    assert signature.state == "validated" and signature.postcode == "SW1A 1AA" and signature.opt_in
    with app.app_context():
        roll_up_counts()
        assert db.session.scalar(select(Petition.signature_count).where(Petition.slug == petition)) == 1


def test_a_bad_or_expired_widget_token_is_refused_and_keeps_what_was_typed(app, monkeypatch, petition):
    url = f"/petitions/{petition}/embed?member=legal-action-for-women"
    _, action = _widget_form(app, url)
    for token in ("", "not-a-token"):
        refused = _cookieless(app).post(action, data={"form_token": token, **SIGNER})
        assert refused.status_code == 400 and _frameable(refused)
        assert "This form had been open for a long time" in refused.text
        assert 'value="Mary Example"' in refused.text and 'value="mary@example.org"' in refused.text
        assert re.search(r'name="form_token" value="[^"]+"', refused.text)  # a fresh token to try again with

    # A token from nine hours ago (forms last eight).
    real_timestamp = __import__("itsdangerous").TimestampSigner.get_timestamp
    monkeypatch.setattr(
        "itsdangerous.TimestampSigner.get_timestamp", lambda self: int(time.time()) - 9 * 3600
    )
    old_token, _ = _widget_form(app, url)
    monkeypatch.setattr("itsdangerous.TimestampSigner.get_timestamp", real_timestamp)
    expired = _cookieless(app).post(action, data={"form_token": old_token, **SIGNER})
    assert expired.status_code == 400 and "This form had been open for a long time" in expired.text

    # A token is for one petition only.
    with app.app_context():
        other = make_petition().slug
    other_token, _ = _widget_form(app, f"/petitions/{other}/embed")
    assert _cookieless(app).post(action, data={"form_token": other_token, **SIGNER}).status_code == 400
    assert _signatures(app) == []

    # With a good token it goes through.
    token, _ = _widget_form(app, url)
    assert _cookieless(app).post(action, data={"form_token": token, **SIGNER}).status_code == 303


def test_widget_form_errors_sit_next_to_fields(app, petition):
    response = _sign_in_widget(
        app,
        f"/petitions/{petition}/embed",
        {"name": "", "email": "nope", "location": "uk", "postcode": "ZZ99 9ZZ"},
    )
    assert response.status_code == 400 and _frameable(response)
    assert 'id="name-error"' in response.text and "Enter a real UK postcode" in response.text
    assert 'value="nope"' in response.text and "This form had been open" not in response.text
    assert _signatures(app) == []


def test_an_unknown_member_is_ignored(app, petition):
    token, action = _widget_form(app, f"/petitions/{petition}/embed?member=no-such-organisation")
    assert action == f"/petitions/{petition}/embed"
    response = _cookieless(app).post(
        f"/petitions/{petition}/embed?member=no-such-organisation", data={"form_token": token, **SIGNER}
    )
    assert response.status_code == 303
    assert [s.source for s in _signatures(app)] == [""]


def test_share_links_are_stored_as_share_sources_and_cannot_pose_as_a_member(app, client, petition):
    client.submit(f"/petitions/{petition}/sign?source=member:legal-action-for-women", SIGNER)
    client.submit(f"/petitions/{petition}/sign?source=newsletter", {**SIGNER, "email": "b@example.org"})
    client.submit(f"/petitions/{petition}/sign?source=" + "x" * 200, {**SIGNER, "email": "c@example.org"})
    # The widget takes a share link too, when no member is named.
    _sign_in_widget(
        app,
        f"/petitions/{petition}/embed?source=member:legal-action-for-women",
        {**SIGNER, "email": "d@example.org"},
    )
    sources = [s.source for s in _signatures(app)]
    assert sources == [
        "share:member:legal-action-for-women",
        "share:newsletter",
        "share:" + "x" * 74,
        "share:member:legal-action-for-women",
    ]


@pytest.mark.parametrize(
    "state,status,text",
    [
        ("closed", 410, "This petition has closed"),
        ("rejected", 403, "This petition was rejected"),
    ],
)
def test_a_petition_that_cannot_be_signed_says_so_in_the_frame(app, state, status, text):
    with app.app_context():
        slug = make_petition(state=state).slug
    response = _cookieless(app).get(f"/petitions/{slug}/embed")
    assert response.status_code == status and _frameable(response)
    assert text in response.text and "<form" not in response.text and "site-header" not in response.text
    token = "anything"
    assert (
        _cookieless(app).post(f"/petitions/{slug}/embed", data={"form_token": token, **SIGNER}).status_code
        == status
    )
    assert _signatures(app) == []


def _add(app, slug, source, n, state="validated", flagged=False):
    with app.app_context():
        petition_id = db.session.scalar(select(Petition.id).where(Petition.slug == slug))
        start = db.session.scalar(select(db.func.count()).select_from(Signature))
        db.session.add_all(
            [
                Signature(
                    petition_id=petition_id,
                    name="S",
                    email=f"s{start + i}@example.org",
                    email_key=f"s{start + i}@example.org",
                    email_domain="example.org",
                    state=state,
                    flagged=flagged,
                    source=source,
                    validated_at=utcnow() - timedelta(seconds=5) if state == "validated" else None,
                )
                for i in range(n)
            ]
        )
        db.session.commit()


@pytest.fixture
def attributed(app, petition):
    _add(app, petition, "member:legal-action-for-women", 3)
    _add(app, petition, "member:legal-action-for-women", 2, state="pending")
    _add(app, petition, "member:legal-action-for-women", 4, flagged=True)  # over a rate limit: not counted
    _add(app, petition, "member:legal-action-for-women", 1, state="invalidated")
    _add(app, petition, "member:single-mothers-self-defence", 5)
    _add(app, petition, "share:newsletter", 1)
    _add(app, petition, "share:=HYPERLINK(1)", 1, state="pending")
    _add(app, petition, "", 2)
    with app.app_context():
        petition_id = db.session.scalar(select(Petition.id).where(Petition.slug == petition))
        db.session.add(PaperBatch(petition_id=petition_id, count=4, note="stall"))
        db.session.commit()
    return petition


def test_organisers_see_confirmed_signatures_per_source(app, attributed, signed_in):
    organiser = signed_in(Role.ORGANISER)
    page = organiser.get(f"/petitions/{attributed}/sources")
    assert page.status_code == 200
    rows = re.findall(
        r'<tr>\s*<th scope="row">(.*?)(?: <span class="tag">member</span>)?</th>\s*'
        r'<td class="num">(\d+)</td>\s*<td class="num">(\d+)</td>',
        page.text,
    )
    assert [(html.unescape(label), int(c), int(p)) for label, c, p in rows] == [
        ("Single Mothers’ Self-Defence", 5, 0),
        ("Paper signatures", 4, 0),
        ("Legal Action for Women", 3, 2),
        ("Direct (no source)", 2, 0),
        ("Share link “newsletter”", 1, 0),
        ("Share link “=HYPERLINK(1)”", 0, 1),
    ]
    assert re.search(r"Total</th><td class=\"num\">15</td><td class=\"num\">3</td>", page.text)
    # The organisers' tools on the petition page link to it.
    assert f'href="/petitions/{attributed}/sources"' in organiser.get(f"/petitions/{attributed}").text

    download = organiser.get(f"/petitions/{attributed}/sources.csv")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    assert download.headers["Cache-Control"] == "no-store"
    table = list(csv.DictReader(io.StringIO(download.text)))
    assert [(r["source_type"], r["source"], r["name"], r["confirmed"], r["pending"]) for r in table] == [
        ("member", "member:single-mothers-self-defence", "Single Mothers’ Self-Defence", "5", "0"),
        ("paper", "paper", "Paper signatures", "4", "0"),
        ("member", "member:legal-action-for-women", "Legal Action for Women", "3", "2"),
        ("direct", "", "Direct (no source)", "2", "0"),
        ("share", "share:newsletter", "Share link “newsletter”", "1", "0"),
        ("share", "share:=HYPERLINK(1)", "Share link “=HYPERLINK(1)”", "0", "1"),
    ]


def test_the_sources_table_is_for_organisers_and_the_petitions_owners(app, attributed, signed_in):
    member = signed_in(Role.MEMBER)
    assert member.get(f"/petitions/{attributed}/sources").status_code == 403
    assert member.get(f"/petitions/{attributed}/sources.csv").status_code == 403
    assert "/sources" not in member.get(f"/petitions/{attributed}").text
    # Members of an organisation that did not start the petition do not see the other members' figures.
    law_member = signed_in(Role.MEMBER, organisation_id=_org_id(app, "legal-action-for-women"))
    assert law_member.get(f"/petitions/{attributed}/sources").status_code == 403
    public = app.test_client()
    for path in (f"/petitions/{attributed}/sources", f"/petitions/{attributed}/sources.csv"):
        refused = public.get(path)
        assert refused.status_code == 302 and refused.headers["Location"].startswith("/sign-in")
    # The person who started the petition sees where its signatures came from.
    with app.app_context():
        owner = make_user(role=Role.MEMBER)
        db.session.scalars(select(Petition).where(Petition.slug == attributed)).one().created_by_id = owner.id
        db.session.commit()
        owner_email = owner.email
    owner_client = FormClient(app.test_client())
    owner_client.sign_in(owner_email, PASSWORD)
    assert owner_client.get(f"/petitions/{attributed}/sources").status_code == 200


def test_members_of_an_organisation_get_a_snippet_that_credits_it(app, petition, signed_in):
    law_member = signed_in(Role.MEMBER, organisation_id=_org_id(app, "legal-action-for-women"))
    assert f'href="/petitions/{petition}/embed-code"' in law_member.get(f"/petitions/{petition}").text
    page = law_member.get(f"/petitions/{petition}/embed-code")
    assert page.status_code == 200 and not _frameable(page)
    snippet = html.unescape(
        re.search(r'<textarea[^>]*id="embed-snippet"[^>]*>(.*?)</textarea>', page.text, re.S).group(1)
    )
    assert snippet == (
        f'<iframe src="http://localhost/petitions/{petition}/embed?member=legal-action-for-women" '
        'title="Sign the petition: Keep families together" width="100%" height="860" style="border:0" '
        'loading="lazy"></iframe>'
    )
    assert "credited to <strong>Legal Action for Women</strong>" in page.text
    # The live preview frames the widget from our own page: allowed by default-src 'self'.
    assert (
        f'<iframe class="embed-preview" src="/petitions/{petition}/embed?member=legal-action-for-women"'
        in page.text
    )
    assert "frame-src" not in page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    # They cannot make a snippet crediting another member.
    other = law_member.get(f"/petitions/{petition}/embed-code?member=single-mothers-self-defence")
    assert (
        "embed?member=legal-action-for-women" not in other.text
        and "credits no member organisation" in other.text
    )


def test_organisers_make_snippets_for_any_member_and_plain_members_get_none(app, petition, signed_in):
    organiser = signed_in(Role.ORGANISER)
    page = organiser.get(f"/petitions/{petition}/embed-code?member=single-mothers-self-defence")
    assert page.status_code == 200
    assert "embed?member=single-mothers-self-defence" in page.text
    assert '<option value="legal-action-for-women"' in page.text
    direct = organiser.get(f"/petitions/{petition}/embed-code")
    assert "?member=" not in direct.text and "credits no member organisation" in direct.text

    member = signed_in(Role.MEMBER)
    assert member.get(f"/petitions/{petition}/embed-code").status_code == 403
    assert "/embed-code" not in member.get(f"/petitions/{petition}").text
    assert app.test_client().get(f"/petitions/{petition}/embed-code").status_code == 302


def test_anonymising_keeps_member_attribution_but_not_share_links(app):
    with app.app_context():
        slug = make_petition(state="closed", closed_at=utcnow() - timedelta(days=400)).slug
    _add(app, slug, "member:legal-action-for-women", 1)
    _add(app, slug, "share:jo-smith-facebook", 1)
    _add(app, slug, "paper", 1)
    with app.app_context():
        assert anonymise_ended_petitions() == 1
    assert [(s.source, s.email) for s in _signatures(app)] == [
        ("member:legal-action-for-women", ""),
        ("", ""),
        ("paper", ""),
    ]


def test_the_widget_has_the_sign_pages_flood_ceiling_and_says_so_in_the_frame(app, petition):
    widget = _cookieless(app)
    statuses = [widget.post(f"/petitions/{petition}/embed", data={}).status_code for _ in range(121)]
    assert statuses[:120] == [400] * 120
    assert statuses[120] == 429
    refused = widget.post(f"/petitions/{petition}/embed", data={})
    assert refused.status_code == 429 and "Too many attempts" in refused.text and _frameable(refused)
