"""Stories: submission with consent and drafts, the automatic check, redaction, the storyteller's approval
bound to the text, publication by a second person, withdrawal, complaints, permissions and purging."""

import hashlib
import html
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Role, Story, StoryConsent, StoryDraft, StoryEvent, StoryFinding, utcnow
from campaign.services.errors import PermissionDenied, ServiceError
from campaign.services.stories import moderation
from campaign.services.stories.retention import purge_stories
from campaign.services.stories.storyteller import CONSENT_VERSION, CONSENT_WORDING, approve_text
from tests.conftest import FormClient, form_values
from tests.factories import make_petition, make_user

BODY = (
    "We asked for help when my son Jack was struggling, and social services came instead.\n\n"
    "They wrote to us at 14 Acacia Avenue, M1 1AE, and nothing was the same again."
)
STORY = {
    "title": "We asked for help",
    "body": BODY,
    "pen_name": "Anna",
    "contact_email": "anna@example.org",
    "proceedings_ongoing": "no",
    "consent": "y",
    "action": "submit",
}
CHECKLIST = list(moderation.CHECKLIST)


@pytest.fixture
def mail(outbox, run_jobs):
    """Messages to one address, after the worker has sent everything queued."""

    def read(to):
        run_jobs()
        return outbox(to)

    return read


def _story(app) -> Story:
    with app.app_context():
        story = db.session.scalars(select(Story).order_by(Story.id.desc())).first()
        db.session.expunge(story)
        return story


def _events(app, story_id) -> list[tuple]:
    with app.app_context():
        return [
            (e.action, e.from_state, e.to_state, e.reason, e.actor_id, e.actor_label)
            for e in db.session.scalars(
                select(StoryEvent).where(StoryEvent.story_id == story_id).order_by(StoryEvent.id)
            )
        ]


def _link(mail, to, path="/stories/yours/"):
    """The newest link of this kind emailed to this address."""
    for message in reversed(mail(to)):
        found = re.search(re.escape(path) + r"[^\s]+", message.text_body)
        if found:
            return found.group(0)
    raise AssertionError(f"no {path} link emailed to {to}")


def _submitted(app, client, run_jobs, **overrides) -> Story:
    response = client.submit("/stories/share", {**STORY, **overrides})
    assert response.status_code == 302, response.text
    run_jobs()
    return _story(app)


def _findings(app, ref):
    with app.app_context():
        story = db.session.scalar(select(Story).where(Story.ref == ref))
        return {f.match: (f.kind, f.id, f.decision) for f in story.findings}


def _redact_all(app, moderator, story, body=None):
    """Replace the child's name, and keep everything else the check flagged."""
    found = _findings(app, story.ref)
    data = {
        "title": story.title,
        "pen_name": story.pen_name,
        "body": body or story.body,
        "loaded_hash": story.current_hash,
    }
    for match, (_kind, finding_id, _decision) in found.items():
        if match == "Jack":
            data[f"replace-{finding_id}"] = "my son"
        elif match in ("14 Acacia Avenue", "Acacia Avenue"):
            data[f"replace-{finding_id}"] = "our home"
        elif match == "M1 1AE":
            data[f"replace-{finding_id}"] = "a town in the North West"
    keep = [str(fid) for match, (_k, fid, _d) in found.items() if f"replace-{fid}" not in data]
    data["keep"] = keep
    return moderator.submit(f"/stories/moderation/{story.ref}", data)


def _through_to_approval(app, client, run_jobs, mail, moderator):
    story = _submitted(app, client, run_jobs)
    assert _redact_all(app, moderator, story).status_code == 302
    story = _story(app)
    sent = moderator.submit(
        f"/stories/moderation/{story.ref}/send",
        {"checklist": CHECKLIST, "loaded_hash": story.current_hash},
        form_url=f"/stories/moderation/{story.ref}",
    )
    assert sent.status_code == 302, sent.text
    link = _link(mail, "anna@example.org")
    page = client.get(link)
    shown = re.search(r'name="shown_hash" type="hidden" value="([0-9a-f]+)"', page.text).group(1)
    return _story(app), link, shown


# Submitting


def test_the_form_says_what_must_not_be_included_before_the_text_box(client):
    page = client.get("/stories/share").text
    warning = page.index("Please do not include")
    assert warning < page.index('name="body"')
    for item in (
        "names, nicknames or initials of any child",
        "ages and dates of birth",
        "schools, nurseries",
        "exact dates",
        "social workers, foster carers, guardians, judges",
        "case numbers",
        "quotes from reports, judgments",
        "photos",
    ):
        assert item in page
    assert 'type="file"' not in page
    assert "of 2,500 words" in page and 'data-max-words="2500"' in page


def test_a_bad_submission_keeps_every_word_and_says_what_is_wrong(client, app):
    response = client.submit(
        "/stories/share",
        {**STORY, "consent": "", "contact_email": "not-an-address", "proceedings_ongoing": ""},
    )
    assert response.status_code == 400
    assert "You need to agree to this" in response.text
    assert "Enter an email address in the correct format" in response.text
    assert "Say whether court proceedings are still going on" in response.text
    assert "social services came instead." in response.text and 'value="We asked for help"' in response.text
    with app.app_context():
        assert db.session.scalar(select(Story.id)) is None


def test_a_story_over_the_word_limit_is_refused_next_to_the_text(make_app):
    app = make_app(STORY_MAX_WORDS="20")
    client = FormClient(app.test_client())
    response = client.submit("/stories/share", STORY)
    assert response.status_code == 400
    assert "Your story must be 20 words or fewer" in response.text
    assert "of 20 words" in response.text and "M1 1AE" in response.text


def test_words_are_counted_as_a_reader_counts_them():
    from campaign.services.stories.storyteller import word_count

    assert word_count("son,son,son") == 3 and word_count("word/word/word") == 3
    assert word_count("I don't know — it’s hard.") == 5
    assert word_count("  \n\n ") == 0 and word_count("14 Acacia Avenue, M1 1AE") == 5


def test_a_story_that_leaves_out_its_spaces_is_still_held_to_the_word_limit(make_app):
    app = make_app(STORY_MAX_WORDS="20")
    client = FormClient(app.test_client())
    body = ",".join(["son"] * 30)  # one "word" to a count of spaces
    response = client.submit("/stories/share", {**STORY, "body": body})
    assert response.status_code == 400
    error = re.search(r'id="body-error">(.*?)</p>', response.text, re.S).group(1)
    assert "Your story must be 20 words or fewer" in error
    assert "30 of 20 words" in response.text and body in response.text
    with app.app_context():
        assert db.session.scalar(select(Story.id)) is None


def test_a_story_too_big_in_bytes_is_refused_beside_the_text_and_never_checked(make_app, monkeypatch):
    from campaign.services.stories import self_check

    monkeypatch.setattr(self_check, "scan", lambda text: pytest.fail("an oversized text was checked"))
    app = make_app(STORY_MAX_BYTES="2000")
    client = FormClient(app.test_client())
    body = "é" * 1500  # 1,500 characters, one word, 3,000 bytes
    for action in ("submit", "check", "save"):
        response = client.submit("/stories/share", {**STORY, "body": body, "action": action})
        assert response.status_code == 400, action
        error = re.search(r'id="body-error">(.*?)</p>', response.text, re.S).group(1)
        assert "Your story is too long to send" in error and body in response.text
    with app.app_context():
        assert (
            db.session.scalar(select(Story.id)) is None and db.session.scalar(select(StoryDraft.id)) is None
        )


def test_submission_records_consent_word_for_word_and_queues_the_check(app, client, mail, run_jobs):
    with app.app_context():
        petition = make_petition(title="Changes to Children Act 1989")
        petition_id = petition.id
    response = client.submit(
        "/stories/share", {**STORY, "petitions": [str(petition_id)], "quote_in_emails": "y"}
    )
    assert response.headers["Location"].endswith("/stories/share/thanks")
    story = _story(app)
    assert story.state == "submitted" and story.contact_email == "anna@example.org"
    with app.app_context():
        consent = db.session.scalar(select(StoryConsent).where(StoryConsent.story_id == story.id))
        assert (consent.version, consent.wording) == (CONSENT_VERSION, CONSENT_WORDING)
        assert consent.publish and consent.quote_in_emails and not consent.share_with_members
        assert [p.id for p in db.session.get(Story, story.id).petitions] == [petition_id]
    run_jobs()
    assert "/stories/yours/" in mail("anna@example.org")[0].text_body
    story = _story(app)
    assert story.state == "in_review"
    kinds = {kind for kind, _id, _d in _findings(app, story.ref).values()}
    assert {"child_name", "postcode", "address"} <= kinds
    assert _events(app, story.id)[-1][:3] == ("scanned", "submitted", "in_review")


def test_a_lost_check_job_is_handed_to_the_queue_again_by_the_sweeper(app, client, run_jobs):
    from campaign.jobs import sweep_pending
    from campaign.queue import get_redis

    client.submit("/stories/share", STORY)
    get_redis(app).flushdb()  # as if Redis lost the job
    with app.app_context():
        assert sweep_pending()["story_scans"] == 1
    run_jobs()
    assert _story(app).state == "in_review"


# "Check my story" before sending, and the copy kept in the browser


def _checked(client, **fields):
    response = client.submit("/stories/share", {**STORY, **fields, "action": "check"})
    assert response.status_code == 200, response.text
    return response


def test_check_my_story_shows_what_the_check_found_in_the_storytellers_own_words(app, client):
    body = "I asked the <b>school</b> for help when my son Jack was small.\n\nThey wrote to 14 Acacia Avenue."
    page = _checked(client, body=body).text
    section = page[page.index('id="check-results"') :]
    assert "The check found 2 things to look at" in section
    # Each in context, the words highlighted and escaped, with the reason in plain words and a suggestion.
    assert (
        '&lt;b&gt;school&lt;/b&gt; for help when my son <mark class="finding">Jack</mark> was small.'
        in section
    )
    assert "This could identify your child." in section
    assert (
        "An address could identify your family" in section
        and '<mark class="finding">14 Acacia Avenue' in section
    )
    assert "<b>school</b>" not in page
    assert 'value="use:body:child_name:Jack"' in section
    # Nothing is sent, saved or blocked; what was typed is all still there, and it can be sent as it is.
    assert (
        html.escape(body, quote=False) in page
        and 'value="Anna"' in page
        and 'value="anna@example.org"' in page
    )
    with app.app_context():
        assert (
            db.session.scalar(select(Story.id)) is None and db.session.scalar(select(StoryDraft.id)) is None
        )
    assert form_values(page, "check_shown")["check_shown"] == "2"


def test_check_my_story_names_every_kind_the_scanner_knows_and_has_words_for_new_ones(client, monkeypatch):
    from campaign.scanner import KINDS, Finding
    from campaign.services.stories import self_check

    def scan(text):
        return [
            Finding("court", 0, 5, text[0:5], "A court", "the court"),
            Finding("brand_new_kind", 6, 11, text[6:11], "Something new", ""),
        ]

    monkeypatch.setattr(self_check, "scan", scan)
    page = _checked(client, title="x", body="Leeds Smith was there").text
    assert "This could identify the court that heard your case." in page
    assert "Brand new kind." in page and self_check.GENERIC_REASON in page
    assert 'value="use:body:brand_new_kind:Smith"' not in page  # no suggestion, no button
    assert all(self_check.reason_for(kind) for kind in KINDS)  # new kinds get the generic words at worst


def test_a_suggestion_is_used_with_one_click_and_the_story_records_what_its_teller_was_shown(
    app, client, run_jobs, signed_in
):
    first = _checked(client)
    shown = int(form_values(first.text, "check_shown")["check_shown"])
    assert shown >= 3
    values = form_values(first.text, "check_shown", "check_hash")
    used = client.submit(
        "/stories/share", {**STORY, **values, "action": "use:body:child_name:Jack"}, form_url="/stories/share"
    )
    assert used.status_code == 200 and "my son [name removed] was struggling" in used.text
    assert "Jack" not in re.search(r"<textarea[^>]*>(.*?)</textarea>", used.text, re.S).group(1)
    values = form_values(used.text, "check_shown", "check_hash")
    assert (
        values["check_hash"] == form_values(first.text, "check_hash")["check_hash"]
    )  # the words first checked
    body = re.search(r"<textarea[^>]*>(.*?)</textarea>", used.text, re.S).group(1)
    sent = client.submit("/stories/share", {**STORY, **values, "body": html.unescape(body).strip()})
    assert sent.status_code == 302
    story = _story(app)
    assert story.checked_findings_shown == shown and story.checked_then_changed is True
    run_jobs()
    moderator = signed_in(Role.MODERATOR)
    page = moderator.get(f"/stories/moderation/{story.ref}").text
    assert f"the storyteller checked their story: {shown} possible identifying details shown" in page
    assert "they changed the text afterwards" in page


def test_a_story_sent_unchanged_after_the_check_or_never_checked_says_so(app, client):
    values = form_values(_checked(client).text, "check_shown", "check_hash")
    assert client.submit("/stories/share", {**STORY, **values}).status_code == 302
    story = _story(app)
    assert story.checked_findings_shown >= 3 and story.checked_then_changed is False
    assert client.submit("/stories/share", STORY).status_code == 302
    story = _story(app)
    assert story.checked_findings_shown is None and story.checked_then_changed is None


def test_the_form_says_the_browser_keeps_a_copy_and_clear_this_device_forgets_it(app, client):
    page = client.get("/stories/share").text
    notice = (
        "This browser keeps a copy of what you type so you don't lose it. On a shared or library computer"
    )
    assert notice in page and page.index(notice) < page.index('name="body"')
    assert "Clear this device" in page and 'action="/stories/share/clear"' in page
    _save(client, title="On a library computer", body="Words nobody else should see")
    assert "Words nobody else should see" in client.get("/stories/share").text

    cleared = client.submit("/stories/share/clear", {}, form_url="/stories/share")
    assert cleared.status_code == 302 and cleared.headers["Location"].endswith("/stories/share?from=cleared")
    assert (
        "story_draft=;" in cleared.headers["Set-Cookie"] and cleared.headers["Clear-Site-Data"] == '"storage"'
    )
    after = client.get(cleared.headers["Location"]).text
    assert "Words nobody else should see" not in after and "no longer keeps a copy" in after
    assert "data-clear-story-copy" in after  # site.js empties the browser's copy too
    assert "Words nobody else should see" not in client.get("/stories/share").text
    assert _draft_bodies(app) == ["Words nobody else should see"]  # its private link still opens it
    assert client.post("/stories/share/clear").status_code == 400  # no CSRF token: refused


def test_sending_and_withdrawing_clear_the_browsers_copy(app, client, mail, run_jobs, signed_in):
    sent = client.submit("/stories/share", STORY, follow_redirects=True)
    assert "data-clear-story-copy" in sent.text
    assert "data-clear-story-copy" not in client.get("/stories/share").text
    story, link, _organiser = _published(app, client, mail, run_jobs, signed_in)
    assert "data-clear-story-copy" not in client.get(link).text
    done = client.submit(f"{link}/withdraw", {"reason": "safety"}, form_url=link, follow_redirects=True)
    assert "Your story has been withdrawn" in done.text and "data-clear-story-copy" in done.text


# The check as background work: a queue of its own, and an end to retrying


def test_the_check_waits_on_its_own_queue_that_ordinary_workers_do_not_serve(app, client, run_jobs):
    from campaign.job_names import SCAN, WORKER_KINDS
    from campaign.queue import get_queue
    from campaign.services.stories.storyteller import scan_job_id

    client.submit("/stories/share", STORY)
    story = _story(app)
    scan_queue = get_queue(app, SCAN)
    assert scan_queue.get_job_ids() == [scan_job_id(story.id)]
    assert scan_queue.name.endswith("-scan") and scan_queue._default_timeout == 60
    # An ordinary worker sends the "we have received your story" email and leaves the check alone.
    assert run_jobs(kinds=WORKER_KINDS) >= 1
    assert _story(app).state == "submitted" and scan_queue.count == 1
    assert run_jobs(kinds=(SCAN,)) == 1
    assert _story(app).state == "in_review" and scan_queue.count == 0


def test_a_pool_keeps_the_scan_queue_to_workers_of_its_own(app):
    from campaign.workers import worker_groups

    assert worker_groups(app, 3) == [(("urgent", "email", "bulk"), 3), (("scan",), 1)]
    assert worker_groups(app, 2, ("urgent", "email")) == [(("urgent", "email"), 2)]
    assert worker_groups(app, 0, ("scan",), own_processes=2) == [(("scan",), 2)]
    for kinds, _count in worker_groups(app, 1):
        assert "scan" not in kinds or kinds == ("scan",)


def _failing_scan(monkeypatch):
    from campaign.services.stories import checking

    runs = []

    def scan(text):
        runs.append(text)
        raise RuntimeError("the scanner fell over")

    monkeypatch.setattr(checking, "scan", scan)
    return runs


def test_a_check_that_keeps_failing_goes_to_a_moderator_marked_and_is_not_retried_for_ever(
    app, client, run_jobs, monkeypatch, signed_in
):
    from campaign.jobs import sweep_pending

    note = "The automatic check could not finish; read this story yourself for identifying details"
    runs = _failing_scan(monkeypatch)
    client.submit("/stories/share", STORY)
    run_jobs()  # RQ retries it (JOB_RETRY_INTERVALS is 0,0,0 here): three runs, then it gives up
    story = _story(app)
    assert len(runs) == 3 and story.scan_attempts == 3
    assert story.state == "in_review" and story.check_failed and story.scanned_hash is None
    action, from_state, to_state, reason, _a, label = _events(app, story.id)[-1]
    assert (action, from_state, to_state, label) == ("check_failed", "submitted", "in_review", "system")
    assert reason.startswith(note)
    with app.app_context():
        assert sweep_pending()["story_scans"] == 0  # the sweeper leaves it alone
    assert run_jobs() == 0 and len(runs) == 3

    moderator = signed_in(Role.MODERATOR)
    queue_page = moderator.get("/stories/moderation").text
    assert "check failed" in queue_page
    page = moderator.get(f"/stories/moderation/{story.ref}").text
    assert note in page and "social services came instead" in page


def test_a_check_whose_runs_all_died_is_not_run_again(app, client, run_jobs, monkeypatch):
    """A run that died with its worker (killed, out of memory) could not say so: the next one sees the
    count and hands the story over instead of running the check again."""
    runs = _failing_scan(monkeypatch)
    client.submit("/stories/share", STORY)
    with app.app_context():
        db.session.execute(db.update(Story).values(scan_attempts=3))
        db.session.commit()
    run_jobs()
    story = _story(app)
    assert runs == [] and story.check_failed and story.state == "in_review"


def test_a_check_that_runs_past_its_own_timeout_is_a_failed_run(make_app, run_jobs, monkeypatch):
    from threading import Event

    from campaign.services.stories import checking

    app = make_app(STORY_SCAN_TIMEOUT="1", STORY_SCAN_ATTEMPTS="1")
    client = FormClient(app.test_client())
    monkeypatch.setattr(checking, "scan", lambda text: Event().wait(30) and [])  # stuck until killed
    client.submit("/stories/share", STORY)
    run_jobs(app)
    story = _story(app)
    assert story.check_failed and story.state == "in_review"
    assert "JobTimeoutException" in _events(app, story.id)[-1][3]


# Drafts and expired forms


def _save(client, **fields):
    saved = client.submit("/stories/share", {**fields, "action": "save"})
    assert saved.status_code == 200 and "Your story is saved" in saved.text, saved.text
    return re.search(r"http://localhost(/stories/share/draft/[^<\s]+)", saved.text).group(1)


def _draft_bodies(app) -> list[str]:
    with app.app_context():
        return [d.data.get("body") for d in db.session.scalars(select(StoryDraft).order_by(StoryDraft.id))]


def test_a_saved_draft_comes_back_in_this_browser_and_as_a_copy_through_its_private_link(app, client, mail):
    path = _save(client, title="Half done", body="I have not finished yet", contact_email="anna@example.org")
    assert client.get("/stories/share").text.count("I have not finished yet") == 1
    assert "/stories/share/draft/" in mail("anna@example.org")[0].text_body
    # In the browser that saved it, the link simply brings it back.
    assert "I have not finished yet" in client.get(path, follow_redirects=True).text

    elsewhere = FormClient(app.test_client())
    assert "I have not finished yet" not in elsewhere.get("/stories/share").text
    page = elsewhere.get(path)
    assert page.status_code == 200 and "This story was saved in another browser" in page.text
    assert "I have not finished yet" not in page.text and "story_draft" not in page.headers.get(
        "Set-Cookie", ""
    )
    assert page.headers["Referrer-Policy"] == "no-referrer"
    copied = elsewhere.submit(f"{path}/copy", {}, form_url=path, follow_redirects=True)
    assert "I have not finished yet" in copied.text and 'value="Half done"' in copied.text
    assert "This is a copy of a story saved in another browser" in copied.text
    assert "anna@example.org" not in copied.text  # the address is not copied: it is entered again

    done = elsewhere.submit("/stories/share", {**STORY, "body": "I have now finished it."})
    assert done.status_code == 302
    # The copy went with the story; the original is untouched, still the first browser's.
    assert _draft_bodies(app) == ["I have not finished yet"]
    assert client.submit("/stories/share", {**STORY, "body": "Sent from where I started."}).status_code == 302
    assert _draft_bodies(app) == []


def test_a_planted_draft_link_never_carries_the_victims_story_to_whoever_planted_it(app, mail):
    attacker = FormClient(app.test_client())
    path = _save(
        attacker, title="Bait", body="Words the attacker wrote", contact_email="attacker@example.org"
    )
    token = path.rsplit("/", 1)[1]

    def planters_draft_untouched():
        with app.app_context():
            original = db.session.scalar(
                select(StoryDraft).where(StoryDraft.token_hash == hashlib.sha256(token.encode()).hexdigest())
            )
            assert original is not None, "the planted draft was written to (and deleted with the story sent)"
            assert original.data["body"] == "Words the attacker wrote"
            assert original.data["contact_email"] == "attacker@example.org"
        for page in (attacker.get("/stories/share").text, attacker.get(path, follow_redirects=True).text):
            assert "Words the attacker wrote" in page
            assert "victim" not in page and "my own story" not in page and "Jack" not in page

    victim = FormClient(app.test_client())
    victim.get(path)  # the planted link, opened
    victim_story = {
        "title": "What happened to us",
        "body": "The own story of the victim, about my son Jack.",
        "contact_email": "victim@example.org",
    }
    _save(victim, **victim_story)
    _save(victim, **{**victim_story, "body": "The own story of the victim, about my son Jack, saved again."})
    planters_draft_untouched()
    assert victim.submit("/stories/share", {**STORY, **victim_story}).status_code == 302

    planters_draft_untouched()

    # A browser left holding only the token (a cookie an older version set) cannot write through it either.
    holder = FormClient(app.test_client())
    holder.set_cookie("story_draft", token, path="/stories/share")
    assert "Words the attacker wrote" not in holder.get("/stories/share").text
    _save(holder, title="Mine", body="Another story by another victim", contact_email="other@example.org")

    # Even a copy the victim chose to open keeps nothing of the planter's but the words on the page.
    copier = FormClient(app.test_client())
    copier.submit(f"{path}/copy", {}, form_url=path)
    assert "attacker@example.org" not in copier.get("/stories/share").text
    _save(
        copier,
        title="Bait",
        body="Words the attacker wrote, and then my own story",
        contact_email="c@example.org",
    )

    planters_draft_untouched()
    assert len(mail("attacker@example.org")) == 1  # only the link to its own draft


def test_an_expired_form_brings_the_storyteller_back_to_their_words(client, app):
    client.get("/stories/share")
    response = client.post("/stories/share", data={**STORY, "csrf_token": "expired-or-forged"})
    assert response.status_code == 400
    assert "your story has not been sent yet" in response.text
    assert "social services came instead." in response.text and 'value="Anna"' in response.text
    resent = client.post("/stories/share", data={**STORY, **form_values(response.text, "csrf_token")})
    assert resent.status_code == 302


# Moderation, approval and publication


def test_the_whole_journey_from_submission_to_publication(app, client, mail, run_jobs, signed_in):
    moderator = signed_in(Role.MODERATOR, "mod@example.org")
    story = _submitted(app, client, run_jobs)
    page = moderator.get(f"/stories/moderation/{story.ref}")
    assert page.status_code == 200 and '<mark class="finding"' in page.text and ">Jack</mark>" in page.text

    early = moderator.submit(
        f"/stories/moderation/{story.ref}/send",
        {"checklist": CHECKLIST, "loaded_hash": story.current_hash},
        form_url=f"/stories/moderation/{story.ref}",
    )
    assert early.status_code == 400 and "Deal with every highlighted detail first" in early.text

    assert _redact_all(app, moderator, story).status_code == 302
    story = _story(app)
    assert "Jack" not in story.body and "my son was struggling" in story.body and "M1 1AE" not in story.body
    assert "my son my son" not in story.body
    assert story.text_version == 2 and story.original_body == BODY

    partial = moderator.submit(
        f"/stories/moderation/{story.ref}/send",
        {"checklist": CHECKLIST[:2], "loaded_hash": story.current_hash},
        form_url=f"/stories/moderation/{story.ref}",
    )
    assert partial.status_code == 400 and "Confirm every item on the checklist" in partial.text

    moderator.submit(
        f"/stories/moderation/{story.ref}/send",
        {"checklist": CHECKLIST, "loaded_hash": story.current_hash},
        form_url=f"/stories/moderation/{story.ref}",
    )
    assert _story(app).state == "awaiting_approval"
    email = mail("anna@example.org")[-1]
    assert "my son was struggling" in email.text_body and "Jack" not in email.text_body

    link = _link(mail, "anna@example.org")
    mine = client.get(link)
    assert mine.headers["Referrer-Policy"] == "no-referrer" and "I approve this text" in mine.text
    shown = re.search(r'name="shown_hash" type="hidden" value="([0-9a-f]+)"', mine.text).group(1)
    approved = client.submit(f"{link}/approve", {"shown_hash": shown}, form_url=link, follow_redirects=True)
    assert "You have approved your story" in approved.text
    assert _story(app).state == "approved"

    # The moderator who redacted it may not publish it.
    own = moderator.submit(
        f"/stories/moderation/{story.ref}/publish", {}, form_url=f"/stories/moderation/{story.ref}"
    )
    assert own.status_code == 403 and "a second person must publish it" in own.text
    organiser = signed_in(Role.ORGANISER)
    published = organiser.submit(
        f"/stories/moderation/{story.ref}/publish", {}, form_url=f"/stories/moderation/{story.ref}"
    )
    assert published.status_code == 302
    story = _story(app)
    public = FormClient(app.test_client()).get(f"/stories/{story.slug}")
    assert public.status_code == 200 and public.headers["X-Robots-Tag"] == "noarchive"
    assert "my son was struggling" in public.text and "Report a concern" in public.text
    assert "Your story is published" in mail("anna@example.org")[-1].subject

    events = _events(app, story.id)
    assert [e[0] for e in events if e[0] != "finding_kept"] == [
        "submitted",
        "scanned",
        "redacted",
        "sent_for_approval",
        "approved_by_storyteller",
        "published",
    ]
    for _action, _f, _t, reason, _a, _l in events:  # who, when and why; never the words
        assert "Jack" not in reason and "struggling" not in reason and "Acacia" not in reason


def test_approval_is_bound_to_the_exact_text(app, client, mail, run_jobs, signed_in):
    moderator = signed_in(Role.MODERATOR)
    story, link, shown = _through_to_approval(app, client, run_jobs, mail, moderator)
    # The moderator edits again after sending: the storyteller's page, opened earlier, must not approve it.
    edited = moderator.submit(
        f"/stories/moderation/{story.ref}",
        {
            "title": story.title,
            "pen_name": story.pen_name,
            "body": story.body + "\n\nOne more line.",
            "loaded_hash": story.current_hash,
        },
    )
    assert edited.status_code == 302 and _story(app).state == "in_review"
    refused = client.submit(f"{link}/approve", {"shown_hash": shown}, form_url=link)
    assert refused.status_code == 409 and "not waiting for your approval" in refused.text

    story = _story(app)
    moderator.submit(
        f"/stories/moderation/{story.ref}/send",
        {"checklist": CHECKLIST, "loaded_hash": story.current_hash},
        form_url=f"/stories/moderation/{story.ref}",
    )
    stale = client.post(f"{link}/approve", data={"csrf_token": client.csrf_token(link), "shown_hash": shown})
    assert stale.status_code == 409 and "The text has changed" in stale.text
    page = client.get(link)
    new_hash = re.search(r'name="shown_hash" type="hidden" value="([0-9a-f]+)"', page.text).group(1)
    assert new_hash != shown and "One more line." in page.text
    client.submit(f"{link}/approve", {"shown_hash": new_hash}, form_url=link)
    assert _story(app).approved_hash == new_hash

    # Any edit after approval means approving again; publication is refused meanwhile.
    story = _story(app)
    moderator.submit(
        f"/stories/moderation/{story.ref}",
        {
            "title": story.title + "!",
            "pen_name": story.pen_name,
            "body": story.body,
            "loaded_hash": story.current_hash,
        },
    )
    story = _story(app)
    assert story.state == "in_review" and story.approved_hash is None
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER)
        with pytest.raises(ServiceError, match="not approved this exact text"):
            moderation.publish(organiser, db.session.get(Story, story.id))


def test_every_publication_refusal(app, client, mail, run_jobs, signed_in):
    moderator = signed_in(Role.MODERATOR, "redactor@example.org")
    story, link, shown = _through_to_approval(app, client, run_jobs, mail, moderator)
    client.submit(f"{link}/approve", {"shown_hash": shown}, form_url=link)
    with app.app_context():
        row = db.session.get(Story, story.id)
        from campaign.services.accounts.users import find_user_by_email

        redactor = find_user_by_email("redactor@example.org")
        publisher = make_user(role=Role.MODERATOR)
        member = make_user(role=Role.MEMBER)

        with pytest.raises(PermissionDenied):
            moderation.publish(member, row)
        with pytest.raises(PermissionDenied, match="second person"):
            moderation.publish(redactor, row)

        # An undecided finding blocks it.
        undecided = StoryFinding(kind="child_name", match="Jack", label="", suggestion="")
        row.findings.append(undecided)
        db.session.commit()
        with pytest.raises(ServiceError, match="have not been dealt with"):
            moderation.publish(publisher, row)
        undecided.decision = "keep"

        row.consent.publish = False
        db.session.commit()
        with pytest.raises(ServiceError, match="no consent to publish"):
            moderation.publish(publisher, row)
        row.consent.publish = True

        row.checklist = CHECKLIST[:3]
        db.session.commit()
        with pytest.raises(ServiceError, match="checklist was not signed off"):
            moderation.publish(publisher, row)
        row.checklist = sorted(CHECKLIST)
        db.session.commit()

        moderation.publish(publisher, row)
        assert row.state == "published" and row.published_by_id == publisher.id


def test_a_moderator_cannot_overwrite_someone_elses_newer_edit(app, client, run_jobs, signed_in):
    first, second = signed_in(Role.MODERATOR), signed_in(Role.ORGANISER)
    story = _submitted(app, client, run_jobs)
    assert (
        second.submit(
            f"/stories/moderation/{story.ref}",
            {
                "title": story.title,
                "pen_name": story.pen_name,
                "body": "A new version.",
                "loaded_hash": story.current_hash,
            },
        ).status_code
        == 302
    )
    late = first.submit(
        f"/stories/moderation/{story.ref}",
        {
            "title": story.title,
            "pen_name": story.pen_name,
            "body": "My version.",
            "loaded_hash": story.current_hash,
        },
    )
    assert late.status_code == 400 and "Someone else changed this story" in late.text
    assert "My version." in late.text  # what they typed is still in front of them
    assert _story(app).body == "A new version."


def test_storyteller_asks_for_changes_and_the_moderator_sees_them(app, client, mail, run_jobs, signed_in):
    moderator = signed_in(Role.MODERATOR)
    story, link, shown = _through_to_approval(app, client, run_jobs, mail, moderator)
    empty = client.submit(f"{link}/changes", {"shown_hash": shown, "message": ""}, form_url=link)
    assert empty.status_code == 400 and "Tell us what you would like changed" in empty.text
    client.submit(
        f"{link}/changes",
        {"shown_hash": shown, "message": "Please say 'my child' not 'my son'."},
        form_url=link,
    )
    assert _story(app).state == "changes_requested"
    queue = moderator.get("/stories/moderation")
    assert "Changes requested" in queue.text
    assert (
        "Please say &#39;my child&#39; not &#39;my son&#39;."
        in moderator.get(f"/stories/moderation/{story.ref}").text
    )


def test_rejection_tells_the_storyteller_why(app, client, mail, run_jobs, signed_in):
    moderator = signed_in(Role.MODERATOR)
    story = _submitted(app, client, run_jobs)
    blank = moderator.submit(
        f"/stories/moderation/{story.ref}/reject",
        {"reject-reason": ""},
        form_url=f"/stories/moderation/{story.ref}",
    )
    assert blank.status_code == 400 and "Give a reason." in blank.text
    moderator.submit(
        f"/stories/moderation/{story.ref}/reject",
        {"reject-reason": "It is about a case that is still before the court."},
        form_url=f"/stories/moderation/{story.ref}",
    )
    assert _story(app).state == "rejected"
    email = mail("anna@example.org")[-1]
    assert "It is about a case that is still before the court." in email.text_body
    assert "rejected" in [e[0] for e in _events(app, story.id)]


# Withdrawal, complaints and suspension


def _published(app, client, mail, run_jobs, signed_in):
    moderator = signed_in(Role.MODERATOR)
    story, link, shown = _through_to_approval(app, client, run_jobs, mail, moderator)
    client.submit(f"{link}/approve", {"shown_hash": shown}, form_url=link)
    organiser = signed_in(Role.ORGANISER, "organiser-on-duty@example.org")
    organiser.submit(
        f"/stories/moderation/{story.ref}/publish", {}, form_url=f"/stories/moderation/{story.ref}"
    )
    return _story(app), link, organiser


def test_withdrawal_from_the_emailed_link_hides_the_story_at_once(app, client, mail, run_jobs, signed_in):
    story, link, _organiser = _published(app, client, mail, run_jobs, signed_in)
    public = FormClient(app.test_client())
    assert public.get(f"/stories/{story.slug}").status_code == 200
    missing = client.submit(f"{link}/withdraw", {}, form_url=link)
    assert missing.status_code == 400 and "Choose why you are withdrawing" in missing.text
    done = client.submit(
        f"{link}/withdraw",
        {"reason": "safety", "note": "My ex could recognise it."},
        form_url=link,
        follow_redirects=True,
    )
    assert "Your story has been withdrawn" in done.text
    assert public.get(f"/stories/{story.slug}").status_code == 404
    assert story.title not in public.get("/stories/").text
    action, from_state, to_state, reason, _a, label = _events(app, story.id)[-1]
    assert (action, from_state, to_state, label) == ("withdrawn", "published", "withdrawn", "storyteller")
    assert reason == "I am worried it could identify my child or me"
    assert "withdrawn" in mail("anna@example.org")[-1].subject


def test_a_forged_storyteller_link_is_refused(client):
    page = client.get("/stories/yours/not-a-real-token")
    assert page.status_code == 404 and "We could not find your story" in page.text


def test_a_complaint_that_a_story_identifies_a_child_suspends_it_at_once(
    app, client, mail, run_jobs, signed_in
):
    story, _link_, organiser = _published(app, client, mail, run_jobs, signed_in)
    public = FormClient(app.test_client())
    other = public.submit(f"/stories/{story.slug}/concern", {"category": "inaccurate", "details": ""})
    assert other.status_code == 400 and "Tell us what is wrong" in other.text
    public.submit(
        f"/stories/{story.slug}/concern", {"category": "inaccurate", "details": "Not how it happened."}
    )
    assert _story(app).state == "published"

    sent = public.submit(
        f"/stories/{story.slug}/concern", {"category": "identifies", "details": "I know this family."}
    )
    assert "taken off the site" in sent.text
    assert _story(app).state == "suspended"
    assert public.get(f"/stories/{story.slug}").status_code == 404
    alert = mail("organiser-on-duty@example.org")[-1]
    assert (
        "taken off the site straight away" in alert.text_body
        and f"/stories/moderation/{story.ref}" in alert.text_body
    )

    page = organiser.get(f"/stories/moderation/{story.ref}")
    assert "Open complaints (2)" in page.text and "I know this family." in page.text
    organiser.submit(
        f"/stories/moderation/{story.ref}/complaints", {"close-reason": "Checked: nothing identifying."}
    )
    reinstated = organiser.submit(
        f"/stories/moderation/{story.ref}/publish", {}, form_url=f"/stories/moderation/{story.ref}"
    )
    assert reinstated.status_code == 302 and _story(app).state == "published"
    assert [e[0] for e in _events(app, story.id)][-4:] == [
        "complaint",
        "suspended",
        "complaints_closed",
        "reinstated",
    ]


def test_a_moderator_suspends_a_story_and_must_get_a_new_approval_after_editing_it(
    app, client, mail, run_jobs, signed_in
):
    story, link, organiser = _published(app, client, mail, run_jobs, signed_in)
    refused = organiser.submit(
        f"/stories/moderation/{story.ref}",
        {
            "title": story.title,
            "pen_name": story.pen_name,
            "body": "Changed",
            "loaded_hash": story.current_hash,
        },
    )
    assert refused.status_code == 400 and "must be suspended before" in refused.text
    organiser.submit(
        f"/stories/moderation/{story.ref}/suspend",
        {"suspend-reason": "Checking a detail"},
        form_url=f"/stories/moderation/{story.ref}",
    )
    assert _story(app).state == "suspended"
    organiser.submit(
        f"/stories/moderation/{story.ref}",
        {
            "title": story.title,
            "pen_name": story.pen_name,
            "body": story.body.replace("struggling", "unwell"),
            "loaded_hash": story.current_hash,
        },
    )
    assert _story(app).state == "in_review"  # back through the storyteller before it can return


# Permissions


@pytest.mark.parametrize("role", [Role.MEMBER, None])
def test_members_and_the_public_cannot_moderate(app, client, run_jobs, role, signed_in):
    story = _submitted(app, client, run_jobs)
    person = signed_in(role)
    token = person.csrf_token("/stories/share")  # a valid token of their own: only the permission can refuse
    expected = 403 if role else 302
    assert person.get("/stories/moderation").status_code == expected
    assert person.get(f"/stories/moderation/{story.ref}").status_code == expected
    for action in ("send", "reject", "publish", "suspend", "complaints"):
        response = person.post(f"/stories/moderation/{story.ref}/{action}", data={"csrf_token": token})
        assert response.status_code == expected, action
    with app.app_context():
        assert db.session.get(Story, story.id).state == "in_review"
        member = make_user(role=Role.MEMBER)
        with pytest.raises(PermissionDenied):
            moderation.redact(
                member,
                db.session.get(Story, story.id),
                title="t",
                pen_name="p",
                body="b",
                loaded_hash=story.current_hash,
            )
        with pytest.raises(PermissionDenied):
            moderation.moderation_queue(member)


def test_moderators_and_organisers_can_moderate(app, client, run_jobs, signed_in):
    story = _submitted(app, client, run_jobs)
    for role in (Role.MODERATOR, Role.ORGANISER, Role.ADMIN):
        person = signed_in(role)
        assert person.get("/stories/moderation").status_code == 200
        assert story.title in person.get("/stories/moderation").text


def test_a_guessed_moderation_reference_is_not_found(app, signed_in):
    moderator = signed_in(Role.MODERATOR)
    assert moderator.get("/stories/moderation/1").status_code == 404


# Showing text safely


def test_html_and_script_in_a_story_are_shown_as_text(app, client, mail, run_jobs, signed_in):
    hostile = "<script>alert('x')</script> and <b>bold</b>\n\n<img src=x onerror=alert(1)>"
    _submitted(app, client, run_jobs, body=hostile, title="<i>Title</i>")
    moderator = signed_in(Role.MODERATOR)
    story = _story(app)
    page = moderator.get(f"/stories/moderation/{story.ref}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    with app.app_context():
        row = db.session.get(Story, story.id)
        for f in row.findings:
            f.decision = "keep"
        row.checklist, row.checklist_hash = sorted(CHECKLIST), row.current_hash
        row.state = "awaiting_approval"
        db.session.commit()
        approve_text(row, row.current_hash)
        moderation.publish(make_user(role=Role.ORGANISER), row)
        slug = row.slug
    public = FormClient(app.test_client()).get(f"/stories/{slug}").text
    assert "<script>" not in public and "<img" not in public and "<b>bold</b>" not in public
    assert "&lt;script&gt;" in public and "&lt;img src=x onerror=alert(1)&gt;" in public
    assert "&lt;i&gt;Title&lt;/i&gt;" in public


# Retention


def test_purge_removes_ended_stories_and_raw_submissions_after_retention(
    app, client, mail, run_jobs, signed_in
):
    published, _link_, _organiser = _published(app, client, mail, run_jobs, signed_in)
    rejected = _submitted(app, client, run_jobs, title="Second story", contact_email="second@example.org")
    with app.app_context():
        moderation.reject(make_user(role=Role.MODERATOR), db.session.get(Story, rejected.id), "Not suitable")
        client.submit("/stories/share", {"title": "Old draft", "body": "unfinished", "action": "save"})
        assert purge_stories() == {"stories": 0, "raw": 0, "drafts": 0}  # nothing is old enough yet

        long_ago = utcnow() - timedelta(days=31)
        db.session.get(Story, rejected.id).ended_at = long_ago
        db.session.get(Story, published.id).published_at = long_ago
        for draft in db.session.scalars(select(StoryDraft)):
            draft.updated_at = long_ago
        db.session.commit()
        assert purge_stories() == {"stories": 1, "raw": 1, "drafts": 1}

        gone = db.session.get(Story, rejected.id)
        assert (gone.title, gone.body, gone.original_body, gone.contact_email) == (
            "[removed]",
            "",
            None,
            None,
        )
        assert gone.findings == [] and gone.purged_at is not None
        kept = db.session.get(Story, published.id)
        assert kept.original_body is None and kept.body and kept.state == "published"
        events = list(db.session.scalars(select(StoryEvent).where(StoryEvent.story_id == rejected.id)))
        assert [e.action for e in events][-2:] == ["rejected", "purged"]  # the audit trail outlives the words
        assert events[-2].reason == "[removed]"  # but not the moderator's words about the story
    assert client.get(_link(mail, "second@example.org")).status_code == 404


def test_the_purge_runs_on_the_workers_schedule(app):
    from campaign import jobs
    from campaign.scheduler import periodic_jobs

    assert any(e.func is jobs.purge_stories and e.cron for e in periodic_jobs(app))


# The demo


def test_marys_story_is_seeded_through_the_whole_workflow(app, client):
    from campaign.demo.seed import seed_demo

    with app.app_context():
        seed_demo()
        story = db.session.scalar(select(Story).where(Story.pen_name == "Mary"))
        assert story.state == "published" and story.approved_hash == story.current_hash
        assert [p.slug for p in story.petitions] == ["changes-to-children-act-1989"]
        actions = [
            e.action
            for e in db.session.scalars(
                select(StoryEvent).where(StoryEvent.story_id == story.id).order_by(StoryEvent.id)
            )
        ]
        assert actions[0] == "submitted" and actions[-1] == "published" and "sent_for_approval" in actions
    petition = client.get("/petitions/changes-to-children-act-1989")
    assert "We asked for help and were treated as the problem" in petition.text
