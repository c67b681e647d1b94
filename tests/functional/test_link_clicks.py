"""Links in a campaign go through our own redirect, which counts each click per link and sends the person on
to the address that was in the message: never anywhere else, a changed token is a 404, clicks are only
counted in aggregate unless the campaign tracks engagement, and obvious link checkers are not counted."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

from sqlalchemy import func, select, update

from campaign.extensions import db
from campaign.models import Campaign, CampaignBatch, CampaignLinkClicker, Role, User, utcnow
from campaign.services.outreach import campaigns as outreach
from campaign.services.outreach import link_clicks
from tests.factories import add_signers, make_petition, make_user

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"}
REPORT = "https://example.org/report?year=2026&part=2"
EVIDENCE = "https://example.net/evidence"
BODY = (
    "Dear {{ first_name }},\n\nRead [the report](" + REPORT + ") and [the evidence](" + EVIDENCE + ").\n\n"
    "Then read [the report](" + REPORT + ") again, and [sign in](http://localhost/sign-in) to say so."
)


def _signers(petition_id: int, count: int) -> list[str]:
    emails = add_signers(petition_id, count, names=[f"Signer{i} Example" for i in range(count)], region=None)
    db.session.commit()
    return emails


def _send(app, organiser, run_jobs, *, track: bool = False, signers: int = 3) -> str:
    with app.app_context():
        petition = make_petition(title="Keep families together")
        _signers(petition.id, signers)
        petition_id = petition.id
    data = {"subject": "News", "body": BODY, "petitions": str(petition_id)}
    if track:
        data["track_engagement"] = "y"
    assert organiser.submit("/outreach/new", data).status_code == 302
    with app.app_context():
        ref = db.session.scalar(select(Campaign.ref))
    assert organiser.submit(f"/outreach/{ref}/send", {}, form_url=f"/outreach/{ref}").status_code == 302
    run_jobs(app)
    run_jobs(app)
    return ref


def _links(sendgrid) -> dict[str, dict[str, str]]:
    """Each recipient's click_<n> values, from what reached SendGrid."""
    out = {}
    for body in sendgrid.accepted:
        for p in body["personalizations"]:
            subs = p.get("substitutions", {})
            out[p["to"][0]["email"]] = {k.strip("%"): v for k, v in subs.items() if k.startswith("%%click_")}
    return out


def _after_delivery(app, seconds: int = 3600) -> None:
    """As if the batches went out a while ago: no click now is a link checker's on delivery."""
    with app.app_context():
        db.session.execute(update(CampaignBatch).values(claimed_at=utcnow() - timedelta(seconds=seconds)))
        db.session.commit()


def _path(url: str) -> str:
    return urlsplit(url).path


def test_links_are_rewritten_to_our_redirect_which_counts_and_goes_to_the_original(
    sendgrid_app, sendgrid, signed_in, run_jobs
):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _send(sendgrid_app, organiser, run_jobs)
    [body] = sendgrid.accepted
    assert body["tracking_settings"]["click_tracking"]["enable"] is False  # never wrapped twice
    html = next(c["value"] for c in body["content"] if c["type"] == "text/html")
    text = next(c["value"] for c in body["content"] if c["type"] == "text/plain")
    # The two outside links are merge fields now (the report twice, one number), our sign-in link is not.
    assert "example.org/report" not in html and "example.net/evidence" not in html
    assert html.count("%%click_1%%") == 2 and html.count("%%click_2%%") == 1
    assert "%%click_1%%" in text and "%%click_2%%" in text and REPORT not in text
    assert 'href="http://localhost/sign-in"' in html
    assert "%%unsubscribe_url%%" in html  # the unsubscribe link is left as it was

    links = _links(sendgrid)
    assert len(links) == 3
    # Tracking is off: everyone's link is the same, naming nobody.
    assert len({v["click_1"] for v in links.values()}) == 1
    url = next(iter(links.values()))["click_1"]
    assert url.startswith("http://localhost/u/c/")

    _after_delivery(sendgrid_app)
    visitor = sendgrid_app.test_client()
    first = visitor.get(_path(url), headers=BROWSER)
    assert first.status_code == 302 and first.headers["Location"] == REPORT
    # Whatever the request adds, it goes only where the message said.
    second = visitor.get(_path(url) + "?next=https://evil.example/", headers=BROWSER)
    assert second.headers["Location"] == REPORT
    evidence = visitor.get(_path(next(iter(links.values()))["click_2"]), headers=BROWSER)
    assert evidence.headers["Location"] == EVIDENCE

    with sendgrid_app.app_context():
        campaign = db.session.scalar(select(Campaign))
        assert db.session.scalar(select(func.count()).select_from(CampaignLinkClicker)) == 0  # nobody named
    page = organiser.get(f"/outreach/{ref}").text
    assert "Links followed" in page and REPORT.replace("&", "&amp;") in page
    exported = organiser.get(f"/outreach/{ref}/links.csv")
    assert exported.status_code == 200 and exported.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert rows[0][:3] == ["Link", "Address", "Clicks"]
    assert rows[1][1:3] == [REPORT, "2"] and rows[2][1:3] == [EVIDENCE, "1"]
    assert rows[1][3] == "not tracked"
    with sendgrid_app.app_context():
        campaign = db.session.get(Campaign, campaign.id)
        assert outreach.progress(campaign)["clicked"] == 3


def test_a_changed_or_unknown_token_is_a_404_and_never_redirects(sendgrid_app, sendgrid, signed_in, run_jobs):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    _send(sendgrid_app, organiser, run_jobs)
    url = next(iter(_links(sendgrid).values()))["click_1"]
    token = _path(url).rsplit("/", 1)[1]
    visitor = sendgrid_app.test_client()
    flipped = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    garbage = visitor.get("/u/c/%00%ff", headers=BROWSER)
    assert garbage.status_code in (400, 404) and "Location" not in garbage.headers
    for bad in (flipped, token[:-4], "not-a-token", "A" * 40):
        response = visitor.get(f"/u/c/{bad}", headers=BROWSER)
        assert response.status_code == 404, bad
        assert "Location" not in response.headers
        assert "We could not read this link" in response.text
    with sendgrid_app.app_context():
        campaign_id = db.session.scalar(select(Campaign.id))
        batch_id = db.session.scalar(select(CampaignBatch.id))
        unknown = link_clicks.make_token(campaign_id, 99, "a", batch_id)  # a genuine token, no such link
    assert visitor.get(f"/u/c/{unknown}", headers=BROWSER).status_code == 404


def test_with_tracking_on_each_person_has_their_own_link_and_unique_clickers_are_shown(
    sendgrid_app, sendgrid, signed_in, run_jobs
):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _send(sendgrid_app, organiser, run_jobs, track=True)
    links = _links(sendgrid)
    assert len({v["click_1"] for v in links.values()}) == 3  # one per person
    _after_delivery(sendgrid_app)
    visitor = sendgrid_app.test_client()
    first, second = list(links.values())[:2]
    for url in (first["click_1"], first["click_1"], second["click_1"], first["click_2"]):
        assert visitor.get(_path(url), headers=BROWSER).status_code == 302
    with sendgrid_app.app_context():
        campaign = db.session.scalar(select(Campaign))
        assert link_clicks.unique_clickers(campaign.id) == 2
    rows = list(csv.reader(io.StringIO(organiser.get(f"/outreach/{ref}/links.csv").text)))
    assert rows[1][1:4] == [REPORT, "3", "2"]  # three clicks, by two people
    assert rows[2][1:4] == [EVIDENCE, "1", "1"]
    page = organiser.get(f"/outreach/{ref}").text
    assert re.search(r'<th scope="col" class="num">People</th>', page)


def test_link_checkers_are_sent_on_but_not_counted(sendgrid_app, sendgrid, signed_in, run_jobs):
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    ref = _send(sendgrid_app, organiser, run_jobs)
    url = _path(next(iter(_links(sendgrid).values()))["click_1"])
    visitor = sendgrid_app.test_client()
    # A checker fetching on delivery, seconds after the batch went, even with a browser's name:
    assert visitor.get(url, headers=BROWSER).headers["Location"] == REPORT
    _after_delivery(sendgrid_app)
    # A HEAD request, no User-Agent, a self-declared scanner:
    assert visitor.head(url, headers=BROWSER).status_code == 302
    assert visitor.get(url, headers={"User-Agent": ""}).headers["Location"] == REPORT
    assert (
        visitor.get(url, headers={"User-Agent": "Mozilla/5.0 (compatible; LinkScanner/1.0)"}).status_code
        == 302
    )
    rows = list(csv.reader(io.StringIO(organiser.get(f"/outreach/{ref}/links.csv").text)))
    assert rows[1][2] == "0" and rows[1][-1] == "4"  # none counted, four set aside
    assert visitor.get(url, headers=BROWSER).status_code == 302  # a person, later: counted
    rows = list(csv.reader(io.StringIO(organiser.get(f"/outreach/{ref}/links.csv").text)))
    assert rows[1][2] == "1"


def test_a_test_send_keeps_its_links_as_written(sendgrid_app, sendgrid, signed_in, run_jobs):
    with sendgrid_app.app_context():
        petition_id = make_petition(title="Keep families together").id
    organiser = signed_in(Role.ORGANISER, app=sendgrid_app)
    organiser.submit("/outreach/new", {"subject": "News", "body": BODY, "petitions": str(petition_id)})
    with sendgrid_app.app_context():
        ref = db.session.scalar(select(Campaign.ref))
    organiser.submit(f"/outreach/{ref}/test", {"addresses": "me@example.org"}, form_url=f"/outreach/{ref}")
    run_jobs(sendgrid_app)
    [body] = sendgrid.accepted
    html = next(c["value"] for c in body["content"] if c["type"] == "text/html")
    assert "/u/c/" not in html and "%%click_" not in html  # tests are never counted


def test_an_address_that_begins_another_is_kept_apart_in_both_versions(app, outbox, run_jobs):
    with app.app_context():
        petition = make_petition(title="Keep families together")
        _signers(petition.id, 1)
        organiser = make_user(role=Role.ORGANISER, email="o@example.org")
        campaign = outreach.save_draft(
            organiser,
            outreach.Draft(
                subject="News",
                preheader="",
                body=(
                    "See [one](https://example.org/a), [two](https://example.org/a/b) and "
                    "[one again](https://example.org/a). Bare https://example.org/c is not a link."
                ),
                audience={"petitions": [petition.id]},
            ),
        )
        outreach.start(db.session.get(User, organiser.id), campaign)
    run_jobs(app)
    run_jobs(app)
    [message] = outbox("s0@example.org")
    links = re.findall(r"http://localhost/u/c/[\w-]+", message.text_body)
    assert len(links) == 3 and links[0] == links[2] != links[1]
    assert "example.org/a" not in message.text_body
    assert "Bare https://example.org/c is not a link." in message.text_body  # only links are rewritten
    visitor = app.test_client()
    with app.app_context():
        db.session.execute(update(CampaignBatch).values(claimed_at=utcnow() - timedelta(hours=1)))
        db.session.commit()
    assert visitor.get(_path(links[0]), headers=BROWSER).headers["Location"] == "https://example.org/a"
    assert visitor.get(_path(links[1]), headers=BROWSER).headers["Location"] == "https://example.org/a/b"
