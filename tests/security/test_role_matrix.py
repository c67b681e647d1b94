"""Who reaches what: every route in the app, for every kind of visitor, with the ids of things that belong to
someone else. The table below says, for each endpoint, who may use it; permissions.ACTIONS says who holds
each action. A route that is not in the table fails the test: add it to the matrix.

Each POST runs inside a savepoint that is rolled back after it, so one role's POST (an organiser hiding
a petition) never changes what the next role finds."""

from __future__ import annotations

import inspect
import re
import secrets
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from flask import url_for
from sqlalchemy import select

import campaign
from campaign.extensions import db
from campaign.models import (
    Campaign,
    GiftAidClaim,
    Invitation,
    LoginSession,
    MembershipApplication,
    Organisation,
    PetitionCorrection,
    Role,
)
from campaign.services.permissions import ACTIONS
from campaign.services.stories.storyteller import Submission, submit_story
from tests.conftest import FormClient
from tests.factories import PASSWORD, make_donation, make_page, make_petition, make_user

ROLES = ["anonymous", "signer", "member", "org_editor", "org_admin", "moderator", "organiser", "admin"]
SIGNED_IN = set(ROLES) - {"anonymous", "signer"}
EVERYONE = set(ROLES)
NOBODY: set[str] = set()


def holders(action: str) -> set[str]:
    """The roles that hold ``action``: admins hold every action; members hold it in both their kinds."""
    roles = {str(role) for role in ACTIONS[action]} | {"admin"}
    if "member" in roles:
        roles |= {"org_editor", "org_admin"}
    return roles


@dataclass(frozen=True)
class Rule:
    allowed: set[str]
    why: str = ""
    action: str | None = None  # the @permission_required action the view must carry
    # A forged token or an unsigned webhook may be answered 400; anywhere else a 400 is a form's errors, which
    # means the request got past the permission check.
    bad_request_refuses: bool = False


def public(why: str = "") -> Rule:
    return Rule(EVERYONE, why)


def signed_in(why: str = "") -> Rule:
    return Rule(SIGNED_IN, why)


def action(name: str) -> Rule:
    return Rule(holders(name), action=name)


def only(roles: set[str], why: str) -> Rule:
    return Rule(roles, why)


def nobody(why: str) -> Rule:
    return Rule(NOBODY, why, bad_request_refuses=True)


# (endpoint, method) -> who may use it, with the objects below (all someone else's, or forged tokens).
MATRIX: dict[tuple[str, str], Rule] = {}


def _add(endpoint: str, rule: Rule, methods: str = "GET") -> None:
    for method in methods.split():
        MATRIX[(endpoint, method)] = rule


FORGED = "refused for everyone: the token is forged"
OWN_ORG = "someone else's organisation: only those who may edit any organisation"
OTHERS_PETITION = "someone else's petition"

for endpoint in [
    "public.home",
    "public.coalition",
    "public.news",
    "public.page",
    "public.privacy",
    "public.accessibility",
    "public.security_txt",
    "public.robots_txt",
    "public.sitemap",
    "public.favicon",
    "api.openapi",
    "api.petitions",
    "api.petition",
    "health.healthz",
    "members.organisation_page",
    "petitions.index",
    "petitions.show",
    "petitions.check_email",
    "petitions.embed_check_email",
    "stories.index",
    "stories.show",
    "stories.shared",
    "members.joined",
    "outreach.updates",
    "static",
]:
    _add(endpoint, public())
# The world's campaign is a draft, never published: its archive page is a 404 for everyone.
_add("outreach.update", nobody("an update that is not published"))
_add("members.logo", nobody("no such logo version"))
# Forms anyone may fill in; a signed-in visitor is sent on from the sign-in and forgotten-password pages.
for endpoint in [
    "petitions.sign",
    "petitions.embed",
    "petitions.resend",
    "stories.share",
    "stories.concern",
    "members.join",
    "donations.index",
    "auth.sign_in",
    "auth.forgot_password",
]:
    _add(endpoint, public(), "GET POST")
_add("stories.clear_device", public(), "POST")
_add("auth.sign_out", public("signing out is harmless for anyone"), "POST")
# Stripe's return address: the reference is unguessable, and only its donor's browser is sent to it.
_add("donations.thanks", public("whoever holds the donation's reference"))
# Development only (never registered in production) and only from this machine (test_the_dev_outbox_...).
_add("dev.outbox", public("development outbox, loopback only"))
for endpoint in ["dev.outbox_message", "dev.outbox_message_html"]:
    _add(endpoint, nobody("no such message"))
_add("health.healthz_details", only({"admin"}, "administrators or the HEALTH_TOKEN bearer"))
for endpoint, methods in [
    ("donations.manage", "GET"),
    ("donations.cancel", "POST"),
    ("donations.card", "POST"),
    ("donations.withdraw_gift_aid", "POST"),
    ("outreach.unsubscribe", "GET POST"),
    ("outreach.preferences", "GET POST"),
    ("outreach.follow_link", "GET"),
    ("auth.reset_password", "GET POST"),
    ("members.invitation", "GET POST"),
    ("members.account_holder", "GET POST"),
    ("signatures.confirm", "GET POST"),
    ("stories.resume_draft", "GET"),
    ("stories.copy_draft", "POST"),
    ("stories.yours", "GET"),
    ("stories.approve", "POST"),
    ("stories.changes", "POST"),
    ("stories.withdraw", "POST"),
]:
    _add(endpoint, nobody(FORGED), methods)
_add("webhooks.sendgrid_events", nobody("unsigned webhook"), "POST")
_add("webhooks.stripe_events", nobody("unsigned webhook"), "POST")

# Signed in, about oneself.
for endpoint, methods in [
    ("account.dashboard", "GET"),
    ("account.change_password", "GET POST"),
    ("account.export", "GET"),
    ("account.close", "GET POST"),
    ("account.listing", "POST"),
    ("account.notifications_page", "GET POST"),
    ("auth.sign_out_everywhere", "POST"),
    ("petitions.mine", "GET"),
    ("account.devices", "GET"),
    ("account.sign_out_other_devices", "POST"),
    # Someone else's session id: answered like one's own, and changes nothing (see the test below).
    ("account.sign_out_device", "POST"),
]:
    _add(endpoint, signed_in(), methods)

# Someone else's petition: its owner (not one of these roles) and those who run the platform.
_add("petitions.edit", only(holders("moderate_petitions"), OTHERS_PETITION), "GET POST")
_add("petitions.submit", only(holders("moderate_petitions"), OTHERS_PETITION), "POST")
_add("petitions.sources", only(holders("view_petition_sources"), OTHERS_PETITION))
_add("petitions.sources_csv", only(holders("view_petition_sources"), OTHERS_PETITION))
_add("petitions.stats", only(holders("view_petition_sources"), OTHERS_PETITION))
_add("petitions.stats_csv", only(holders("view_petition_sources"), OTHERS_PETITION))
_add(
    "petitions.embed_code",
    only(
        holders("moderate_petitions") | {"org_editor", "org_admin"}, "organisations' people credit their own"
    ),
)
_add("petitions.correction", only(holders("moderate_petitions"), OTHERS_PETITION))
# The view checks the form before the owner (the service refuses a valid request: see the test below).
_add(
    "petitions.correction",
    Rule(holders("moderate_petitions"), OTHERS_PETITION, bad_request_refuses=True),
    "POST",
)
_add("petitions.new_update", only(holders("moderate_petitions"), OTHERS_PETITION), "GET POST")

# Someone else's organisation.
_add("members.edit_organisation", only(holders("edit_any_organisation"), OWN_ORG), "GET POST")
_add("members.upload_logo", only(holders("edit_any_organisation"), OWN_ORG), "POST")
_add("members.people", only(holders("edit_any_organisation"), OWN_ORG), "GET POST")
_add("members.remove_person", only(holders("edit_any_organisation"), OWN_ORG), "POST")
_add("members.make_contact", only(holders("edit_any_organisation"), OWN_ORG), "POST")
_add("members.revoke_invitation", only(holders("edit_any_organisation"), OWN_ORG), "POST")

# Guarded by an action (the view carries @permission_required with that name).
for endpoint, name, methods in [
    ("admin.users", "manage_users", "GET POST"),
    ("members.applications", "review_applications", "GET"),
    ("members.application", "review_applications", "GET POST"),
    ("outreach.index", "send_campaigns", "GET"),
    ("outreach.new", "send_campaigns", "GET POST"),
    ("outreach.edit", "send_campaigns", "GET POST"),
    ("outreach.show", "send_campaigns", "GET"),
    ("outreach.preview_html", "send_campaigns", "GET"),
    ("outreach.progress", "send_campaigns", "GET"),
    ("outreach.test_send", "send_campaigns", "POST"),
    ("outreach.schedule", "send_campaigns", "POST"),
    ("outreach.send_now", "send_campaigns", "POST"),
    ("outreach.unschedule", "send_campaigns", "POST"),
    ("outreach.pause", "send_campaigns", "POST"),
    ("outreach.resume", "send_campaigns", "POST"),
    ("outreach.cancel", "send_campaigns", "POST"),
    ("outreach.publish", "send_campaigns", "POST"),
    ("outreach.unpublish", "send_campaigns", "POST"),
    ("outreach.decide_uncertain", "send_campaigns", "POST"),
    ("outreach.suppressions", "send_campaigns", "GET POST"),
    ("outreach.links_csv", "send_campaigns", "GET"),
    ("petitions.new", "create_petitions", "GET POST"),
    ("petitions.moderation_queue", "moderate_petitions", "GET"),
    ("petitions.moderate", "moderate_petitions", "GET POST"),
    ("petitions.close", "moderate_petitions", "POST"),
    ("petitions.hide", "moderate_petitions", "POST"),
    ("petitions.rejection_reasons", "moderate_petitions", "GET POST"),
    ("petitions.export", "export_signatures", "GET"),
    ("petitions.paper", "moderate_petitions", "GET POST"),
    ("petitions.invalidate", "moderate_petitions", "GET POST"),
    ("petitions.corrections", "moderate_petitions", "GET"),
    ("petitions.decide", "moderate_petitions", "POST"),
    ("public.edit_pages", "edit_coalition_pages", "GET"),
    ("public.new_page", "edit_coalition_pages", "GET POST"),
    ("public.edit_page", "edit_coalition_pages", "GET POST"),
    ("public.preview_page", "edit_coalition_pages", "GET"),
    ("public.publish_page", "edit_coalition_pages", "POST"),
    ("public.unpublish_page", "edit_coalition_pages", "POST"),
    ("public.delete_page", "edit_coalition_pages", "GET POST"),
    ("stories.moderation_queue", "moderate_stories", "GET"),
    ("stories.moderate", "moderate_stories", "GET POST"),
    ("stories.send_for_approval", "moderate_stories", "POST"),
    ("stories.reject", "moderate_stories", "POST"),
    ("stories.publish", "moderate_stories", "POST"),
    ("stories.suspend", "moderate_stories", "POST"),
    ("stories.close_complaints", "moderate_stories", "POST"),
    ("stories.mark_reviewed", "moderate_stories", "POST"),
    ("donations.admin", "view_donations", "GET"),
    ("donations.admin_settings", "manage_donations", "GET POST"),
    ("donations.admin_gift_aid", "view_donations", "GET POST"),
    ("donations.admin_payments_csv", "view_donations", "GET"),
    ("donations.admin_unclaimed_csv", "view_donations", "GET"),
    ("donations.admin_claim_csv", "view_donations", "GET"),
    ("admin.overview", "view_coalition_overview", "GET"),
    ("admin.overview_petitions_csv", "view_coalition_overview", "GET"),
    ("admin.overview_stories_csv", "view_coalition_overview", "GET"),
    ("admin.overview_emails_csv", "view_coalition_overview", "GET"),
    ("admin.overview_donations_csv", "view_donations", "GET"),
]:
    _add(endpoint, action(name), methods)

STATIC_FILE = sorted(
    str(p.relative_to(Path(campaign.__file__).parent / "static"))
    for p in (Path(campaign.__file__).parent / "static").rglob("*.css")
)[0]
EXPORTS = re.compile(r"\.(csv|json)$|/data\.json$|export")


# The world: every object belongs to someone who is none of the roles tried.


def _world(app) -> dict:
    with app.app_context():
        owner = make_user(Role.MEMBER, name="Petition Owner")
        open_petition = make_petition("open", created_by_id=owner.id)
        draft = make_petition("draft", created_by_id=owner.id)
        theirs = Organisation(slug=f"theirs-{secrets.token_hex(3)}", name=f"Theirs {secrets.token_hex(3)}")
        mine = Organisation(slug=f"mine-{secrets.token_hex(3)}", name=f"Mine {secrets.token_hex(3)}")
        db.session.add_all([theirs, mine])
        db.session.flush()
        contact = make_user(Role.MEMBER, organisation_id=theirs.id)
        person = make_user(Role.MEMBER, organisation_id=theirs.id)
        theirs.contact_id = contact.id
        invitation = Invitation(
            organisation_id=theirs.id, email="invited@example.org", invited_by_id=contact.id
        )
        application = MembershipApplication(
            ref=secrets.token_hex(6),
            kind="individual",
            contact_name="Applicant",
            email="applicant@example.org",
            statement="Please.",
            consent_version="1",
            consent_wording="Yes.",
        )
        correction = PetitionCorrection(
            petition_id=open_petition.id, requested_by_id=owner.id, changes={"title": "New"}, reason="Typo"
        )
        campaign = Campaign(ref=secrets.token_hex(6), subject="Hello", body="Hi {{ name }}")
        claim = GiftAidClaim(ref=secrets.token_hex(6))
        db.session.add_all([invitation, application, correction, campaign, claim])
        db.session.commit()
        story = submit_story(
            Submission(
                title="Their story",
                body="What happened to us.",
                pen_name="Someone",
                contact_email="teller@example.org",
                proceedings_ongoing="no",
            )
        )
        story.slug = f"their-story-{secrets.token_hex(3)}"
        story.state = "published"
        donation = make_donation(email="donor@example.org")
        session = LoginSession(user_id=owner.id)
        db.session.add(session)
        page = make_page()
        db.session.commit()
        return {
            "slug": open_petition.slug,
            "draft": draft.slug,
            "org": theirs.slug,
            "mine": mine.id,
            "user_id": person.id,
            "invitation_id": invitation.id,
            "session_id": session.id,
            "application": application.ref,
            "correction_id": correction.id,
            "campaign": campaign.ref,
            "claim": claim.ref,
            "story_ref": story.ref,
            "story_slug": story.slug,
            "donation_ref": donation.ref,
            "page": page.slug,
        }


def _values(endpoint: str, rule, world: dict) -> dict:
    """The URL's values: someone else's object for each argument, or a forged token."""
    forged = "forged." + secrets.token_urlsafe(24)
    slug = {
        "petitions.edit": world["draft"],
        "petitions.submit": world["draft"],
        "stories.show": world["story_slug"],
        "stories.concern": world["story_slug"],
        "public.page": world["page"],
        "public.edit_page": world["page"],
        "public.preview_page": world["page"],
        "public.publish_page": world["page"],
        "public.unpublish_page": world["page"],
        "public.delete_page": world["page"],
    }.get(endpoint)
    if endpoint.startswith("members."):
        slug = world["org"]
    values = {
        "slug": slug or world["slug"],
        "token": forged,
        "ref": {
            "donations.thanks": world["donation_ref"],
            "donations.admin_claim_csv": world["claim"],
            "members.application": world["application"],
        }.get(endpoint)
        or (world["story_ref"] if endpoint.startswith("stories.") else world["campaign"]),
        "user_id": world["user_id"],
        "session_id": world["session_id"],
        "invitation_id": world["invitation_id"],
        "correction_id": world["correction_id"],
        "public_id": secrets.token_hex(8),
        "version": "nope",
        "table": "daily",
        "filename": STATIC_FILE,
    }
    return {name: values[name] for name in rule.arguments}


def _client(app, role: str, world: dict) -> FormClient:
    client = FormClient(app.test_client())
    if role == "anonymous":
        return client
    if role == "signer":
        response = client.submit(
            f"/petitions/{world['slug']}/sign",
            {"name": "Signer", "email": "signer@example.org", "location": "uk", "postcode": "sw1a1aa"},
        )
        assert response.status_code == 302, response.status_code
        return client
    with app.app_context():
        fields = {}
        if role in ("org_editor", "org_admin"):
            fields["organisation_id"] = world["mine"]
        user = make_user(
            {"org_editor": Role.MEMBER, "org_admin": Role.MEMBER}.get(role, role),
            **fields,
        )
        if role == "org_admin":
            db.session.get(Organisation, world["mine"]).contact_id = user.id
            db.session.commit()
        email = user.email
    assert client.sign_in(email, PASSWORD).status_code == 302
    client.email = email
    return client


def _outcome(response) -> str:
    if response.status_code >= 500:
        return "error"
    location = response.headers.get("Location", "")
    if response.status_code in (401, 403, 404) or (response.status_code == 302 and "/sign-in" in location):
        return "refused"
    if response.status_code in (400, 422):
        return "invalid"
    return "allowed"


def _declared_action(view) -> str | None:
    found = re.search(r'@permission_required\("(\w+)"\)\s*\n(?:@.*\n)*def ', inspect.getsource(view))
    return found.group(1) if found else None


def test_every_route_for_every_role(make_app):
    app = make_app({"RATELIMIT_ENABLED": False})
    routes = [
        (rule, method)
        for rule in app.url_map.iter_rules()
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
    ]
    missing = sorted(
        f"{rule.endpoint} {method} ({rule.rule})"
        for rule, method in routes
        if (rule.endpoint, method) not in MATRIX
    )
    assert not missing, "add these routes to the matrix in tests/security/test_role_matrix.py: " + ", ".join(
        missing
    )
    for rule, _ in routes:
        expected = MATRIX.get((rule.endpoint, "GET")) or MATRIX.get((rule.endpoint, "POST"))
        view = app.view_functions[rule.endpoint]
        declared = _declared_action(inspect.unwrap(view)) if rule.endpoint != "static" else None
        assert declared == expected.action, f"{rule.endpoint}: the view guards with {declared!r}"

    world = _world(app)
    with app.app_context():
        connection = db.session.connection()
        db.session.remove()
    surprises, tried, ids, exports_refused = [], Counter(), set(), 0
    for role in ROLES:
        client = _client(app, role, world)
        token = client.csrf_token("/account/" if role in SIGNED_IN else "/sign-in")
        for rule, method in sorted(routes, key=lambda pair: (pair[1], pair[0].rule)):
            values = _values(rule.endpoint, rule, world)
            ids.update(f"{k}={v}" for k, v in values.items())
            with app.test_request_context():
                url = url_for(rule.endpoint, **values)
            if method == "GET":
                response = client.get(url)
            else:
                savepoint = connection.begin_nested()
                try:
                    response = client.post(url, data={"csrf_token": token})
                finally:
                    savepoint.rollback()
            outcome = _outcome(response)
            rule_ = MATRIX[(rule.endpoint, method)]
            if role in rule_.allowed:
                wanted = {"allowed", "invalid"}
            else:
                wanted = {"refused", "invalid"} if rule_.bad_request_refuses else {"refused"}
            if rule.endpoint == "auth.sign_out_everywhere" and role in SIGNED_IN:
                outcome = "allowed"  # its answer is the sign-in page: everywhere includes here
            if rule.endpoint == "health.healthz_details" and response.status_code == 503:
                outcome = "allowed"  # the details, saying no worker runs in this test
            tried[(role, outcome)] += 1
            if outcome not in wanted:
                surprises.append(
                    f"{role:10} {method:4} {url} -> {response.status_code} {outcome}, want {wanted}"
                )
            if EXPORTS.search(rule.rule) and role not in rule_.allowed:
                exports_refused += 1
                if response.status_code == 200 and response.mimetype != "text/html":
                    surprises.append(
                        f"{role:10} {method:4} {url} -> an export ({response.mimetype}) was served"
                    )
            if method == "POST" and rule.endpoint in (
                "auth.sign_out",
                "auth.sign_out_everywhere",
                "account.close",
            ):
                client = _client(app, role, world)
                token = client.csrf_token("/account/" if role in SIGNED_IN else "/sign-in")
    print(
        f"\nrole matrix: {len(routes)} routes x {len(ROLES)} roles = {len(routes) * len(ROLES)} requests, "
        f"{len(ids)} distinct ids; {exports_refused} export requests refused; outcomes {dict(sorted(tried.items()))}"
    )
    assert exports_refused > 0
    assert not surprises, "\n".join(surprises)


def test_a_valid_correction_of_someone_elses_petition_is_refused(app, signed_in):
    with app.app_context():
        owner = make_user(Role.MEMBER)
        slug = make_petition("open", created_by_id=owner.id).slug
    for role in (Role.MEMBER, Role.MODERATOR):
        client = signed_in(role)
        response = client.submit(
            f"/petitions/{slug}/correction",
            {"title": "A better title", "action": "Do it.", "background": "Why.", "reason": "Typo"},
            form_url=f"/petitions/{slug}",
        )
        assert response.status_code == 403, (role, response.status_code)
    with app.app_context():
        assert db.session.query(PetitionCorrection).count() == 0


def test_the_dev_outbox_is_only_for_this_machine(app):
    client = app.test_client()
    assert client.get("/dev/outbox").status_code == 200
    far = client.get("/dev/outbox", environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert far.status_code == 404


# Machine callers that prove themselves with a signature instead of a form token, and the one-click
# unsubscribe (RFC 8058) that mail providers post from their own servers, whose signed token is the proof.
CSRF_EXEMPT = {"webhooks.sendgrid_events", "webhooks.stripe_events", "outreach.unsubscribe"}


def test_every_form_post_without_its_token_is_refused(make_app):
    app = make_app({"RATELIMIT_ENABLED": False})
    world = _world(app)
    client = _client(app, "admin", world)
    tried = 0
    accepted = []
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint in CSRF_EXEMPT:
            continue
        with app.test_request_context():
            url = url_for(rule.endpoint, **_values(rule.endpoint, rule, world))
        response = client.post(url, data={})
        tried += 1
        if response.status_code != 400:
            accepted.append(f"{url} -> {response.status_code}")
    print(f"\nCSRF: {tried} POST routes tried without a token")
    assert tried > 50 and not accepted, accepted


def test_signing_out_someone_elses_device_changes_nothing(app, signed_in):
    owner = signed_in(Role.MEMBER)
    with app.app_context():
        [session_id] = db.session.scalars(
            select(LoginSession.id).where(LoginSession.user_id == owner.user_id)
        ).all()
    for role in (Role.MEMBER, Role.ORGANISER, Role.ADMIN):
        other = signed_in(role)
        other.submit(f"/account/devices/{session_id}/sign-out", {}, form_url="/account/devices")
    assert owner.get("/account/").status_code == 200
    with app.app_context():
        assert db.session.get(LoginSession, session_id).revoked_at is None
