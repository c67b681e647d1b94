"""Classic cross-site scripting payloads in every field the site shows back, opened in Chromium.

Each payload calls a canary (``window.__xss``, or a request to /__xss that the page's route records). A page
passes when the canary never fired, no dialog opened, Chromium reported no blocked inline script (the
Content Security Policy would hide an escaping bug, so a CSP report counts as a failure too), and the DOM
holds no event-handler attribute, no script-bearing URL and no injected script, frame, object or base
element. Where a field is meant to be shown as typed, the page must show it literally.

Content is made through the services and factories to keep this quick; the sign, join and search forms are
driven for real."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

from campaign.extensions import db
from campaign.models import Campaign, MembershipApplication, Organisation, Role
from campaign.services.coalition.membership import approve_application
from campaign.services.stories import checking, moderation
from campaign.services.stories.storyteller import Submission, approve_text, submit_story
from tests.browser.conftest import serve, sign_in
from tests.conftest import FormClient
from tests.factories import make_donation, make_page, make_petition, make_user

pytestmark = pytest.mark.browser

CANARY = "window.__xss=1"
CORPUS = [
    f"<script>{CANARY}</script>",
    f"<ScRiPt>{CANARY}</sCrIpT>",
    "<script src=/__xss></script>",
    f"<img src=x onerror={CANARY}>",
    f'<img src="x" onerror="{CANARY}">',
    f"<svg onload={CANARY}>",
    f"<svg><script>{CANARY}</script></svg>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={CANARY}>",
    f'"><script>{CANARY}</script>',
    f"'><img src=x onerror={CANARY}>",
    f'" autofocus onfocus="{CANARY}',
    f"' autofocus onfocus='{CANARY}",
    f"javascript:{CANARY}",
    f"JaVaScRiPt:{CANARY}",
    f" \tjavascript:{CANARY}",
    f"java&#x09;script:{CANARY}",
    f"data:text/html,<script>{CANARY}</script>",
    "x{{7*7}}x__xss ${7*7}__xss",
    "{% raw %}{{ config }}__xss{% endraw %}",
    f"[click me](javascript:{CANARY})",
    f"![image](javascript:{CANARY})",
    f"[click](javascript&#58;{CANARY})",
    f'<a href="javascript:{CANARY}">link</a>',
    f'<a href="&#106;avascript:{CANARY}">entity link</a>',
    f'<iframe src="javascript:{CANARY}"></iframe>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    f"<body onload={CANARY}>",
    f"<details open ontoggle={CANARY}>",
    f"<input autofocus onfocus={CANARY}>",
    f'<div style="background:url(javascript:{CANARY})">css</div>',
    f'<div style="width:expression({CANARY})">css expression</div>',
    f"</textarea><script>{CANARY}</script>",
    f"</title><script>{CANARY}</script>",
    f"</script><script>{CANARY}</script>",
    "<style>@import '/__xss';</style>",
    f'<object data="javascript:{CANARY}"></object>',
    f'<embed src="javascript:{CANARY}">',
    f'<form action="javascript:{CANARY}"><button>go</button></form>',
    '<base href="/__xss/">',
    f'<meta http-equiv="refresh" content="0;url=javascript:{CANARY}">',
    f'<svg><a xlink:href="javascript:{CANARY}"><text>svg link</text></a></svg>',
    f'<noscript><p title="</noscript><img src=x onerror={CANARY}>">',
    f'<!--<img src="--><img src=x onerror={CANARY}>">',
    f"\\u003cscript\\u003e{CANARY}\\u003c/script\\u003e",
    f"\uff1cscript\uff1e{CANARY}\uff1c/script\uff1e",
    f"%3Cscript%3E{CANARY}%3C/script%3E",
    f"&lt;script&gt;{CANARY}&lt;/script&gt;",
    f"';{CANARY};//",
    f'";{CANARY};//',
    f"<img src=x onerror={CANARY}\u2028>",
]
URL_CORPUS = [p for p in CORPUS if "javascript" in p.lower() or p.startswith("data:")] + [
    f'https://example.org/"><script>{CANARY}</script>',
    f"https://example.org/' onmouseover='{CANARY}",
]

# Run in the page after it loads: whatever could run script, as found in the DOM, whatever CSP did with it.
FIND_INJECTIONS = """() => {
  const found = [];
  const risky = /^(javascript|vbscript|data:text\\/html)/;
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`${tag} ${name}=${attr.value}`);
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'].includes(name)
          && risky.test(value)) found.push(`${tag} ${name}=${attr.value}`);
    }
    const own = tag === 'meta' ? (el.hasAttribute('http-equiv') ? el.outerHTML : '')
      : ['script', 'style', 'iframe', 'object', 'embed', 'base'].includes(tag) ? el.outerHTML : '';
    if (own.includes('__xss') || (tag === 'meta' && own.toLowerCase().includes('javascript')))
      found.push(el.outerHTML.slice(0, 160));
  }
  return found;
}"""


@dataclass
class Tally:
    payloads: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)
    pages: int = 0
    problems: list[str] = field(default_factory=list)


@pytest.fixture
def app(make_app):
    return make_app({"RATELIMIT_ENABLED": False})


@pytest.fixture
def watched(browser, app):
    """``watched(signed_in_as=None)``: a page whose canaries are recorded, and ``visit(path, literal=())``."""
    tally = Tally()
    contexts = []
    with serve(app) as base:

        def open_page(email: str | None = None):
            context = browser.new_context()
            contexts.append(context)
            page = context.new_page()
            fired: list[str] = []
            page.on("dialog", lambda dialog: (fired.append(f"dialog {dialog.message}"), dialog.dismiss()))
            page.on(
                "console",
                lambda message: (
                    "Content Security Policy" in message.text
                    and fired.append(f"CSP blocked: {message.text[:160]}")
                ),
            )
            page.route(
                re.compile(r"^https?://[^/?#]+/__xss"),
                lambda route: (fired.append(f"canary {route.request.url}"), route.abort()),
            )
            if email:
                sign_in(page, base, email)

            def visit(path: str, literal: tuple[str, ...] = ()) -> None:
                fired.clear()
                page.goto(base + path)
                check(path, literal)

            def check(path: str, literal: tuple[str, ...] = ()) -> None:
                """The page as it is now (after a form was sent, say), and anything that fired since."""
                page.wait_for_load_state()
                tally.pages += 1
                found = page.evaluate(FIND_INJECTIONS)
                if page.evaluate("window.__xss") is not None:
                    found.append("window.__xss was set")
                text = page.inner_text("body")
                if "49__xss" in text or "x49x" in text or "<Config" in text:
                    found.append("a template expression was evaluated")
                for shown in literal:
                    if " ".join(shown.split()) not in " ".join(text.split()):
                        found.append(f"not shown as typed: {shown!r}")
                for problem in [*fired, *found]:
                    tally.problems.append(f"{path}: {problem}")
                fired.clear()

            page.visit = visit
            page.check = check
            page.base = base
            return page

        yield open_page, tally
        for context in contexts:
            context.close()
    print(
        f"\nXSS corpus: {len(tally.payloads)} payloads x {len(tally.fields)} fields, {tally.pages} page loads"
    )


def _cycle(payloads: list[str], n: int, start: int) -> str:
    return payloads[(n + start) % len(payloads)]


# Long text fields carry the whole corpus at once, one payload a paragraph; short ones (titles, names) one
# payload an object, all of them shown together on the lists, and a sample of their own pages opened.
EVERY_PAYLOAD = "\n\n".join(CORPUS)
SAMPLE = 4


def test_petition_text_is_shown_as_typed(app, watched):
    open_page, tally = watched
    made = []
    with app.app_context():
        owner = make_user(Role.MEMBER)
        for n in range(len(CORPUS)):
            title = _cycle(CORPUS, n, 0)[:150]
            made.append(
                make_petition(
                    "open",
                    title=title,
                    action=_cycle(CORPUS, n, 1),
                    background=EVERY_PAYLOAD if n == 0 else "Because.",
                    details=EVERY_PAYLOAD if n == 0 else "",
                    created_by_id=owner.id,
                )
            )
        slugs = [(p.slug, p.title) for p in made]
    tally.payloads.update(CORPUS)
    tally.fields.update({"petition title", "petition action", "petition background", "petition details"})
    page = open_page()
    page.visit("/")
    for number in (1, 2, 3):
        page.visit(f"/petitions/?page={number}")
    for slug, title in slugs[:SAMPLE]:
        page.visit(f"/petitions/{slug}", literal=(title,))
    page.visit(f"/petitions/{slugs[0][0]}/embed")
    assert not tally.problems, "\n".join(tally.problems)


def test_a_search_echoes_the_query_as_text(app, watched):
    from urllib.parse import quote

    open_page, tally = watched
    tally.fields.add("petition search query")
    tally.payloads.update(CORPUS)
    page = open_page()
    for payload in CORPUS[::4]:
        page.visit(f"/petitions/?q={quote(payload)}")
    # And through the form itself.
    page.visit("/petitions/")
    box = page.get_by_role("searchbox").or_(page.locator("input[name=q]")).first
    box.fill(CORPUS[0])
    box.press("Enter")
    page.check("the search form", literal=(CORPUS[0],))
    assert not tally.problems, "\n".join(tally.problems)


def test_a_signers_name_comes_back_as_typed_in_the_form_and_after_signing(app, watched):
    open_page, tally = watched
    with app.app_context():
        slug = make_petition("open", title="Keep families together").slug
    tally.fields.update({"signer name", "signer email (error re-display)"})
    page = open_page()
    for n, payload in enumerate(CORPUS[::8]):
        tally.payloads.add(payload)
        page.visit(f"/petitions/{slug}/sign")
        page.get_by_label("Full name").or_(page.get_by_label("Name")).first.fill(payload)
        page.get_by_label("Email address").fill(f"not an address {payload}" if n % 2 else f"s{n}@example.org")
        page.get_by_label("Postcode").fill("SW1A 1AA")
        page.get_by_role("button", name="Sign").first.click()
        page.check(f"after signing as {payload!r}")
    assert not tally.problems, "\n".join(tally.problems)


def _published_story(title: str, body: str, pen_name: str, petition_id: int) -> str:
    story = submit_story(
        Submission(
            title=title,
            body=body,
            pen_name=pen_name,
            contact_email="teller@example.org",
            proceedings_ongoing="no",
            petition_ids=[petition_id],
        )
    )
    story.slug = f"story-{secrets.token_hex(4)}"
    story.state = "published"
    from campaign.models import utcnow

    story.published_at = utcnow()
    db.session.commit()
    return story.slug


def _through_moderation(title: str, body: str, pen_name: str, petition_id: int) -> str:
    """The whole workflow, as Mary's story in the demo seed: checked, signed off by a moderator (keeping
    whatever the check flagged), approved by its teller, published by an organiser."""
    story = submit_story(
        Submission(
            title=title,
            body=body,
            pen_name=pen_name,
            contact_email="teller@example.org",
            proceedings_ongoing="no",
            petition_ids=[petition_id],
        )
    )
    checking.run_scan(story.id)
    moderator, organiser = make_user(Role.MODERATOR), make_user(Role.ORGANISER)
    moderation.redact(
        moderator,
        story,
        title=story.title,
        pen_name=story.pen_name,
        body=story.body,
        loaded_hash=story.current_hash,
        keep={f.id for f in story.findings},
    )
    moderation.send_for_approval(moderator, story, list(moderation.CHECKLIST), story.current_hash)
    approve_text(story, story.current_hash)
    story.slug = f"story-{secrets.token_hex(4)}"
    moderation.publish(organiser, story)
    assert story.state == "published"
    return story.slug


def test_stories_are_shown_as_typed_to_readers_and_moderators(app, watched):
    open_page, tally = watched
    with app.app_context():
        petition = make_petition("open", title="Families")
        stories = []
        for n in range(len(CORPUS)):
            title, pen = _cycle(CORPUS, n, 0)[:300], _cycle(CORPUS, n, 1)[:120]
            stories.append(
                (
                    _through_moderation(title, EVERY_PAYLOAD, pen, petition.id)
                    if n == 0
                    else _published_story(title, "What happened.", pen, petition.id),
                    title.strip(),
                    pen.strip(),
                )
            )
        slug = petition.slug
        moderator = make_user(Role.MODERATOR).email
        # One still waiting for a moderator, checked, so the findings are marked up in the text.
        waiting = submit_story(
            Submission(
                title=CORPUS[0],
                body="My daughter Amelia lives in Leeds.\n\n" + EVERY_PAYLOAD,
                pen_name=CORPUS[3],
                contact_email="teller@example.org",
                proceedings_ongoing="no",
            )
        )
        checking.run_scan(waiting.id)
        waiting_ref = waiting.ref
    tally.payloads.update(CORPUS)
    tally.fields.update({"story title", "story pen name", "story text"})
    page = open_page()
    page.visit("/stories/")
    page.visit(f"/petitions/{slug}")
    for story_slug, title, pen in stories[:SAMPLE]:
        page.visit(f"/stories/{story_slug}", literal=(title, pen))
    staff = open_page(moderator)
    staff.visit("/stories/moderation")
    staff.visit(f"/stories/moderation/{waiting_ref}")
    assert not tally.problems, "\n".join(tally.problems)


def test_coalition_pages_from_the_editor_are_safe(app, watched):
    open_page, tally = watched
    with app.app_context():
        made = [
            make_page(
                kind="news",
                title=_cycle(CORPUS, n, 0)[:300],
                summary=_cycle(CORPUS, n, 1),
                body=EVERY_PAYLOAD if n == 0 else "Words.",
            ).slug
            for n in range(len(CORPUS))
        ]
        organiser = make_user(Role.ORGANISER).email
    tally.payloads.update(CORPUS)
    tally.fields.update({"page title", "page summary", "page markdown body"})
    page = open_page()
    page.visit("/news")
    for slug in made[:SAMPLE]:
        page.visit(f"/news/{slug}")
    editor = open_page(organiser)
    editor.visit("/pages")
    for slug in made[:1]:
        editor.visit(f"/pages/{slug}/preview")
        editor.visit(f"/pages/{slug}/edit")
    assert not tally.problems, "\n".join(tally.problems)


def test_organisations_and_members_are_shown_as_typed(app, watched):
    open_page, tally = watched
    with app.app_context():
        orgs = []
        for n, payload in enumerate(CORPUS):
            name = f"{payload[:180]} {n}"
            org = Organisation(
                slug=f"org-{n}-{secrets.token_hex(3)}",
                name=name,
                description=EVERY_PAYLOAD if n == 0 else "We help.",
                listed=True,
            )
            db.session.add(org)
            orgs.append((org, name))
        db.session.flush()
        for payload in CORPUS:
            make_user(Role.MEMBER, name=payload[:200], listed=True)
        db.session.commit()
        slugs = [(o.slug, name) for o, name in orgs]
        organiser = make_user(Role.ORGANISER).email
        member = make_user(Role.MEMBER, name=CORPUS[0], organisation_id=orgs[0][0].id).email
    tally.payloads.update(CORPUS)
    tally.fields.update({"organisation name", "organisation description", "member name", "account name"})
    page = open_page()
    page.visit("/coalition")
    for slug, name in slugs[:SAMPLE]:
        page.visit(f"/coalition/members/{slug}", literal=(name,))
    staff = open_page(organiser)
    for slug, _ in slugs[:1]:
        staff.visit(f"/members/organisations/{slug}")
        staff.visit(f"/members/organisations/{slug}/people")
    own = open_page(member)
    own.visit("/account/", literal=(CORPUS[0],))
    assert not tally.problems, "\n".join(tally.problems)


def test_an_organisations_website_never_becomes_a_script_link(app, watched):
    open_page, tally = watched
    with app.app_context():
        slugs = []
        for n, url in enumerate(URL_CORPUS):
            org = Organisation(
                slug=f"site-{n}-{secrets.token_hex(3)}", name=f"Site {n} {secrets.token_hex(3)}", website=url
            )
            db.session.add(org)
            slugs.append(org.slug)
        db.session.commit()
        organiser = make_user(Role.ORGANISER)
    # And as an applicant types it: through the join form, approved by an organiser.
    applicant = FormClient(app.test_client())
    for n, url in enumerate(URL_CORPUS[:3]):
        name = f"Joined {n} {secrets.token_hex(3)}"
        applicant.submit(
            "/join",
            {
                "kind": "organisation",
                "organisation_name": name,
                "website": url,
                "contact_name": "Applicant",
                "email": f"applicant{n}@example.org",
                "statement": "We would like to join.",
                "consent": "y",
            },
        )
        with app.app_context():
            application = db.session.scalar(
                select(MembershipApplication).where(MembershipApplication.organisation_name == name)
            )
            if application is None:
                continue  # refused at the form: nothing to show
            approve_application(db.session.merge(organiser), application)
            slugs.append(db.session.scalar(select(Organisation.slug).where(Organisation.name == name)))
    tally.payloads.update(URL_CORPUS)
    tally.fields.add("organisation website")
    page = open_page()
    page.visit("/coalition")
    for slug in slugs:
        page.visit(f"/coalition/members/{slug}")
    assert not tally.problems, "\n".join(tally.problems)


def test_the_join_form_gives_back_what_was_typed_safely(app, watched):
    open_page, tally = watched
    tally.fields.update({"join form name", "join form organisation", "join form website", "join statement"})
    page = open_page()
    for payload in CORPUS[::10]:
        tally.payloads.add(payload)
        page.visit("/join")
        for name in ("contact_name", "organisation_name", "website", "statement"):
            box = page.locator(f"[name={name}]")
            if box.count():
                box.first.fill(payload)
        page.locator("[name=email]").fill("not an address")
        page.locator("form button[type=submit], form input[type=submit]").last.click()
        page.check(f"join form sent with {payload!r}")
    assert not tally.problems, "\n".join(tally.problems)


def test_campaign_emails_and_donors_are_shown_as_typed_to_organisers(app, watched):
    open_page, tally = watched
    with app.app_context():
        organiser = make_user(Role.ORGANISER)
        refs = []
        for n in range(0, len(CORPUS), 4):
            campaign = Campaign(
                ref=secrets.token_hex(6),
                subject=_cycle(CORPUS, n, 0)[:200],
                preheader=_cycle(CORPUS, n, 1)[:200],
                body="Hello {{ first_name }}\n\n" + (EVERY_PAYLOAD if n == 0 else "Thank you."),
                created_by_id=organiser.id,
            )
            db.session.add(campaign)
            refs.append(campaign.ref)
        db.session.commit()
        donations = [make_donation(name=payload[:200]).ref for payload in CORPUS]
        email = organiser.email
    tally.payloads.update(CORPUS)
    tally.fields.update({"campaign subject", "campaign preheader", "campaign body", "donor name"})
    staff = open_page(email)
    staff.visit("/outreach/")
    for ref in refs[:2]:
        staff.visit(f"/outreach/{ref}")
        staff.visit(f"/outreach/{ref}/preview.html")
    for number in (1, 2):
        staff.visit(f"/donate/admin?page={number}")
    visitor = open_page()
    for ref in donations[:2]:
        visitor.visit(f"/donate/thanks/{ref}")
    assert not tally.problems, "\n".join(tally.problems)
