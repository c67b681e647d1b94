"""Organisers' bulk email: composing a campaign, previewing it, test sends, scheduling, starting, pausing,
resuming and cancelling, and its progress. The sending itself is in sending."""

from __future__ import annotations

import html
import logging
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, render_template
from markupsafe import Markup
from sqlalchemy import func, select, update

from ... import job_names as jobs
from ...extensions import db, rowcount
from ...mail import Template
from ...models import (
    BatchState,
    Campaign,
    CampaignBatch,
    CampaignRecipient,
    CampaignState,
    Petition,
    PetitionState,
    User,
    utcnow,
)
from ...queue import enqueue_after_commit
from ...text import render_markdown
from ...urls import public_url
from ..addresses import email_key
from ..errors import NotFound, ServiceError
from ..permissions import require
from . import audiences, link_clicks, merge_fields, subject_test, uncertain_batches
from .batch_outcomes import finish_if_done
from .subscriptions import COALITION, token_maker, url_prefixes

MERGE_FIELDS = merge_fields.FIELDS
# Links every message carries in its footer, filled per recipient like the merge fields.
LINK_FIELDS = ("unsubscribe_url", "preferences_url")
MAX_TEST_ADDRESSES = 10
PREVIEW_STEPS = 5  # the first few recipients, to step through in the preview
UPDATES_PER_PAGE = 20

log = logging.getLogger(__name__)


@dataclass
class Draft:
    subject: str
    preheader: str
    body: str
    audience: dict
    send_rate: int | None = None
    track_engagement: bool = False
    subject_test: subject_test.Plan | None = None  # a second subject to try on a sample


def dispatch_after_commit() -> None:
    """Have the dispatcher look at campaigns as soon as this transaction commits, not at its next tick."""
    enqueue_after_commit(db.session, jobs.DISPATCH_CAMPAIGN_BATCHES, job_id=None)


# Reading


def campaigns(actor: User) -> list[Campaign]:
    require(actor, "send_campaigns")
    return list(db.session.scalars(select(Campaign).order_by(Campaign.created_at.desc())))


def campaign_for(actor: User, ref: str) -> Campaign | None:
    require(actor, "send_campaigns")
    return db.session.scalar(select(Campaign).where(Campaign.ref == ref))


def petitions_to_choose() -> list[Petition]:
    return list(
        db.session.scalars(
            select(Petition).where(Petition.state.in_(PetitionState.PUBLIC)).order_by(Petition.title)
        )
    )


def audience_size(actor: User, campaign: Campaign) -> int:
    require(actor, "send_campaigns")
    return audiences.audience_size(campaign.audience or {})


# Composing


def _texts(draft: Draft) -> list[tuple[str, str]]:
    """(form field, text) for every text merge fields may be in, in the form's order."""
    second = draft.subject_test.subject_b if draft.subject_test is not None else ""
    return [
        ("subject", draft.subject),
        ("subject_b", second),
        ("preheader", draft.preheader),
        ("body", draft.body),
    ]


def _check_merge_fields(texts: list[tuple[str, str]]) -> None:
    for name, text in texts:
        try:
            merge_fields.parse(text)
        except merge_fields.MergeFieldError as problem:
            raise ServiceError(str(problem), field=name) from None


def _check_before_sending(campaign: Campaign) -> None:
    """Saving checks the merge fields; sending checks them again, for a draft saved before that check
    existed, so no one ever gets a field as typed."""
    try:
        _check_merge_fields(
            [
                ("subject", campaign.subject),
                ("subject_b", campaign.subject_b or ""),
                ("preheader", campaign.preheader),
                ("body", campaign.body),
            ]
        )
    except ServiceError as problem:
        raise ServiceError(f"{problem} Edit the update, then send it.") from None


def _check(draft: Draft) -> None:
    if not draft.subject.strip():
        raise ServiceError("Enter a subject", field="subject")
    if not draft.body.strip():
        raise ServiceError("Write the message", field="body")
    _check_merge_fields(_texts(draft))
    if not (draft.audience.get("petitions") or draft.audience.get("members") or draft.audience.get("donors")):
        raise ServiceError(
            "Choose at least one petition's signers, the coalition's members or donors", field="petitions"
        )
    if draft.send_rate is not None and draft.send_rate < 100:
        raise ServiceError("A sending rate must be at least 100 an hour", field="send_rate")
    subject_test.check(draft.subject_test, draft.subject, draft.track_engagement)


@contextmanager
def _recipients(campaign: Campaign | None, audience: dict) -> Iterator[int]:
    """A campaign id whose recipient rows are the people a message goes to: the frozen audience once it
    has started, else the audience as it would be frozen now (written inside a savepoint that is rolled
    back, so it is exactly who ``start`` would send to, and nothing of it stays)."""
    if campaign is not None and not campaign.editable:
        yield campaign.id
        return
    savepoint = db.session.begin_nested()
    try:
        trial = Campaign(ref="trial-" + secrets.token_hex(6), subject="", audience=audience)
        db.session.add(trial)
        db.session.flush()
        audiences.freeze(trial.id, audience)
        yield trial.id
    finally:
        savepoint.rollback()


def _empty_counts(campaign_id: int) -> dict[str, int]:
    """{"": everyone, field: how many have it empty}, in one query."""
    nameless = func.trim(func.coalesce(CampaignRecipient.name, "")) == ""
    total, no_name, no_petition = db.session.execute(
        select(
            func.count(),
            func.count().filter(nameless),
            func.count().filter(CampaignRecipient.petition_id.is_(None)),
        ).where(CampaignRecipient.campaign_id == campaign_id)
    ).one()
    return {"": total, "first_name": no_name, "petition_title": no_petition}


def _check_fallbacks(draft: Draft) -> None:
    """A field used without a fallback, that is empty for someone on the list, is refused."""
    bare = [
        (use.field, name)
        for name, text in _texts(draft)
        for use in merge_fields.parse(text)
        if use.fallback is None and use.field in merge_fields.CAN_BE_EMPTY
    ]
    if not bare:
        return
    with _recipients(None, draft.audience) as campaign_id:
        empty = _empty_counts(campaign_id)
    for field_name, where in bare:
        if empty[field_name]:
            people = f"{empty[field_name]:,} {'person' if empty[field_name] == 1 else 'people'}"
            raise ServiceError(
                f"{{{{ {field_name} }}}} would be empty for {people} on this list (people who "
                f"{merge_fields.CAN_BE_EMPTY[field_name]}). Add a fallback for them, like "
                f"{merge_fields.example(field_name)}.",
                field=where,
            )


def save_draft(actor: User, draft: Draft, campaign: Campaign | None = None) -> Campaign:
    require(actor, "send_campaigns")
    _check(draft)
    if campaign is not None and campaign.state not in CampaignState.EDITABLE:
        raise ServiceError("A campaign that has started sending can no longer be changed.")
    _check_fallbacks(draft)
    if campaign is None:
        campaign = Campaign(ref=secrets.token_urlsafe(9), created_by_id=actor.id)
        db.session.add(campaign)
    campaign.subject, campaign.preheader, campaign.body = (
        draft.subject.strip(),
        draft.preheader.strip(),
        draft.body,
    )
    campaign.audience, campaign.send_rate = draft.audience, draft.send_rate
    campaign.track_engagement = bool(draft.track_engagement)
    subject_test.apply(campaign, draft.subject_test)
    campaign.paused_reason = ""  # a scheduled send refused for an older draft's fields: fixed now
    campaign.updated_at = utcnow()
    db.session.commit()
    return campaign


# Rendering: once per campaign, with merge fields where each recipient's details go.


def _value_keys(campaign: Campaign) -> tuple[list[tuple[str, str]], list[str]]:
    """The campaign's (field, fallback) pairs, and the name of every merge value its message uses."""
    # A subject-line test's second subject too, so its batches find their values.
    texts = (campaign.subject, campaign.subject_b or "", campaign.preheader or "", campaign.body)
    fallbacks = merge_fields.fallbacks_in(*texts)
    keys = [*MERGE_FIELDS, *(merge_fields.fallback_key(name, fallback) for name, fallback in fallbacks)]
    return fallbacks, keys


def _marked(text: str, marker: dict[str, str], fallbacks: list[tuple[str, str]]) -> str:
    parts, position = [], 0
    for use in merge_fields.uses(text):
        parts += [text[position : use.start], marker[merge_fields.key(use)]]
        position = use.end
    return "".join(parts) + text[position:]


def render(campaign: Campaign) -> tuple[Template, Template, Template]:
    """(subject, text, html) with merge fields. The HTML's fields are the *_html ones, whose values are
    escaped."""
    # Markers stand where fields go while Markdown and the templates run: letters and digits only, so
    # neither changes them, and random per render, so nothing an organiser types is taken for one.
    nonce = secrets.token_hex(4)
    fallbacks, keys = _value_keys(campaign)
    marker = {key: f"ZZMERGE{nonce}K{n}ZZ" for n, key in enumerate((*keys, *LINK_FIELDS))}
    body = _marked(campaign.body, marker, fallbacks)
    context = {
        "preheader": _marked(campaign.preheader or "", marker, fallbacks),
        **{name: marker[name] for name in LINK_FIELDS},
    }
    subject = _marked(campaign.subject, marker, fallbacks)
    text = render_template("email/campaign.txt", body=body, **context)
    # The HTML's <title> is the subject too, merged like the rest.
    html = render_template("email/campaign.html", body=str(render_markdown(body)), subject=subject, **context)
    plain = {m: key for key, m in marker.items()}
    escaped = {m: key if key in LINK_FIELDS else key + "_html" for key, m in marker.items()}
    return Template.marked(subject, plain), Template.marked(text, plain), Template.marked(html, escaped)


def merger(campaign: Campaign | None = None):
    """A function giving one recipient's merge values (with those of ``campaign``'s own fallbacks); what is
    the same for everyone is looked up once."""
    make_token = token_maker()
    unsubscribe_prefix, preferences_prefix = url_prefixes()
    escaped: dict[str, str] = {}
    fallbacks = _value_keys(campaign)[0] if campaign is not None else []

    def escape(text: str) -> str:
        if text not in escaped:
            escaped[text] = html.escape(text)
        return escaped[text]

    def values(email: str, name: str, list_key: str, petition_title: str) -> dict[str, str]:
        token = make_token(email, list_key)
        choices = preferences_prefix + token
        raw = {
            "first_name": (name or "").strip().split(" ", 1)[0],
            "petition_title": petition_title or "",
            "personal_link": choices,
        }
        merged = {each: merge_fields.value(each, raw[each], None) for each in MERGE_FIELDS}
        for each, fallback in fallbacks:
            merged[merge_fields.fallback_key(each, fallback)] = merge_fields.value(each, raw[each], fallback)
        out = {
            **merged,
            **{key + "_html": escape(text) for key, text in merged.items()},
            "unsubscribe_url": unsubscribe_prefix + token,
            "preferences_url": choices,
        }
        out["personal_link_html"] = choices  # our own URL: nothing in it needs escaping
        return out

    return values


def recipient_values(
    email: str, name: str, list_key: str, petition_title: str, campaign: Campaign | None = None
) -> dict[str, str]:
    return merger(campaign)(email, name, list_key, petition_title)


@dataclass
class PreviewPerson:
    """A real recipient the preview and test send are made for."""

    position: int  # 1-based, in the order they are sent
    email: str
    name: str
    list_key: str
    petition_title: str

    def as_job_argument(self) -> dict[str, str]:
        return {"name": self.name, "list_key": self.list_key, "petition_title": self.petition_title}


@dataclass
class Preview:
    subject: str
    text: str
    html: str
    person: PreviewPerson | None  # None: nobody is on the list
    total: int
    frozen: bool  # from the recipients the send was frozen with, not the audience as it is now
    # (field, what those people get instead, how many people): one row per fallback the message uses.
    fallbacks: list[tuple[str, str, int]] = field(default_factory=list)
    not_found: str = ""  # a search that matched nobody

    @property
    def steps(self) -> list[int]:
        return list(range(1, min(self.total, PREVIEW_STEPS) + 1))


def _pick(campaign_id: int, total: int, position: int, search: str) -> tuple[PreviewPerson | None, bool]:
    """The recipient at ``position``, or the first whose address contains ``search``; whether a search
    found nobody. Two or three queries whoever it is."""
    if not total:
        return None, bool(search)
    mine = CampaignRecipient.campaign_id == campaign_id
    columns = (
        CampaignRecipient.id,
        CampaignRecipient.email,
        CampaignRecipient.name,
        CampaignRecipient.list_key,
        CampaignRecipient.petition_id,
    )
    row, missed = None, False
    if search:
        pattern = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        exact = func.lower(CampaignRecipient.email) == search.strip().lower()
        row = db.session.execute(
            select(*columns)
            .where(mine, CampaignRecipient.email.ilike(pattern, escape="\\"))
            .order_by(exact.desc(), CampaignRecipient.id)  # the address itself first, if it is there
            .limit(1)
        ).first()
        missed = row is None
        if row is not None:
            position = (
                db.session.scalar(select(func.count()).where(mine, CampaignRecipient.id <= row.id)) or 1
            )
    if row is None:
        position = min(max(position, 1), total)
        row = db.session.execute(
            select(*columns).where(mine).order_by(CampaignRecipient.id).offset(position - 1).limit(1)
        ).first()
    title = (
        db.session.scalar(select(Petition.title).where(Petition.id == row.petition_id))
        if row.petition_id
        else ""
    )
    return PreviewPerson(position, row.email, (row.name or "").strip(), row.list_key, title or ""), missed


def _fallback_counts(campaign: Campaign, empty: dict[str, int]) -> list[tuple[str, str, int]]:
    rows = []
    texts = (campaign.subject, campaign.preheader or "", campaign.body)
    seen = dict.fromkeys((u.field, u.fallback) for text in texts for u in merge_fields.uses(text))
    for name, fallback in seen:
        if name in empty:
            shown = merge_fields.value(name, "", fallback)
            rows.append((name, shown, empty[name]))
    return rows


def _known(campaign: Campaign, position: int, email: str) -> PreviewPerson | None:
    """The recipient with exactly this address, looked up directly (no list written): for the preview's
    frames and the test send, which name the person the page already showed. None if they are not (or no
    longer) on the list."""
    key = email_key(email)
    if not campaign.editable:
        row = db.session.execute(
            select(
                CampaignRecipient.email,
                CampaignRecipient.email_key,
                CampaignRecipient.name,
                CampaignRecipient.list_key,
                CampaignRecipient.petition_id,
            ).where(CampaignRecipient.campaign_id == campaign.id, CampaignRecipient.email_key == key)
        ).first()
    else:
        row = audiences.person(campaign.audience or {}, key)
    if row is None:
        return None
    found_email, _key, name, list_key, petition_id = row
    title = db.session.scalar(select(Petition.title).where(Petition.id == petition_id)) if petition_id else ""
    return PreviewPerson(max(position, 1), found_email, (name or "").strip(), list_key, title or "")


def preview_for(actor: User, campaign: Campaign, position: int, email: str) -> str | None:
    """The HTML of the preview for the recipient the page showed (their address and place on the list),
    without working out the whole list again; None if they are not on it."""
    require(actor, "send_campaigns")
    person = _known(campaign, position, email)
    if person is None:
        return None
    return render(campaign)[2].fill(_values_for(actor.email, person, campaign))


def preview(actor: User, campaign: Campaign, position: int = 1, search: str = "") -> Preview:
    """The message as a real recipient would get it: the one at ``position`` on the list (frozen once sent,
    else as it would be frozen now), or the first whose address contains ``search``. Its links are made
    for the organiser looking, so following one changes only their own choices; a test send to their own
    address is this exactly."""
    require(actor, "send_campaigns")
    subject, text, html_ = render(campaign)
    with _recipients(campaign, campaign.audience or {}) as campaign_id:
        empty = _empty_counts(campaign_id)
        person, missed = _pick(campaign_id, empty[""], position, search)
    values = _values_for(actor.email, person, campaign)
    return Preview(
        subject=subject.fill(values),
        text=text.fill(values),
        html=html_.fill(values),
        person=person,
        total=empty[""],
        frozen=not campaign.editable,
        fallbacks=_fallback_counts(campaign, empty),
        not_found=search.strip() if missed else "",
    )


def _values_for(to: str, person: PreviewPerson | dict | None, campaign: Campaign) -> dict[str, str]:
    if person is None:
        return recipient_values(to, "", COALITION, "", campaign)
    if isinstance(person, PreviewPerson):
        person = person.as_job_argument()
    return recipient_values(to, person["name"], person["list_key"], person["petition_title"], campaign)


def send_test(
    actor: User, campaign: Campaign, addresses: list[str], position: int = 1, search: str = ""
) -> tuple[int, PreviewPerson | None]:
    """Send to named addresses now, marked as a test and never counted in the campaign's figures: the
    message exactly as the preview shows it for the recipient at ``position`` (or found by ``search``),
    with links made for each test address. Returns how many addresses, and whose message it is."""
    require(actor, "send_campaigns")
    addresses = [a.strip() for a in addresses if a.strip()]
    if not addresses:
        raise ServiceError("Enter at least one address", field="addresses")
    if len(addresses) > MAX_TEST_ADDRESSES:
        raise ServiceError(f"Send a test to {MAX_TEST_ADDRESSES} addresses at most", field="addresses")
    bad = [a for a in addresses if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", a)]
    if bad:
        raise ServiceError(f"Not an email address: {bad[0]}", field="addresses")
    person = _known(campaign, position, search) if search else None
    if person is None:
        with _recipients(campaign, campaign.audience or {}) as campaign_id:
            total = _empty_counts(campaign_id)[""]
            person, _missed = _pick(campaign_id, total, position, search)
    enqueue_after_commit(
        db.session,
        jobs.SEND_CAMPAIGN_TEST,
        campaign.id,
        addresses,
        person.as_job_argument() if person else None,
        job_id=f"campaign-test-{campaign.id}-{secrets.token_hex(4)}",
    )
    db.session.commit()
    return len(addresses), person


def test_values(campaign: Campaign, to: str, person: dict | None) -> dict[str, str]:
    """A test message's merge values: the chosen recipient's, with links made for the test address."""
    return _values_for(to, person, campaign)


# The public archive of updates organisers chose to publish


def set_published(actor: User, campaign: Campaign, published: bool) -> None:
    require(actor, "send_campaigns")
    if published and campaign.state != CampaignState.FINISHED:
        raise ServiceError("Only an update that has been sent can go on the updates page.")
    campaign.published_at = (campaign.published_at or utcnow()) if published else None
    db.session.commit()


@dataclass
class PublicUpdate:
    ref: str
    subject: str
    preheader: str
    body: Markup
    published_at: datetime


def published_updates(page: int = 1) -> tuple[list[PublicUpdate], bool]:
    """One page of published updates, newest first, and whether there is another page."""
    page = max(page, 1)
    rows = list(
        db.session.scalars(
            select(Campaign)
            .where(Campaign.published_at.is_not(None), Campaign.state == CampaignState.FINISHED)
            .order_by(Campaign.published_at.desc(), Campaign.id.desc())
            .offset((page - 1) * UPDATES_PER_PAGE)
            .limit(UPDATES_PER_PAGE + 1)
        )
    )
    return [_public(c) for c in rows[:UPDATES_PER_PAGE]], len(rows) > UPDATES_PER_PAGE


def published_update(ref: str) -> PublicUpdate:
    """A published update as a web page for anyone: every merge field as someone with no details of their
    own would get it (its fallback), and no personal links."""
    campaign = db.session.scalar(
        select(Campaign).where(
            Campaign.ref == ref, Campaign.published_at.is_not(None), Campaign.state == CampaignState.FINISHED
        )
    )
    if campaign is None:
        raise NotFound("No published update has that address.")
    return _public(campaign)


def _public(campaign: Campaign) -> PublicUpdate:
    fallbacks, keys = _value_keys(campaign)
    nonce = secrets.token_hex(4)
    marker = {key: f"ZZMERGE{nonce}K{n}ZZ" for n, key in enumerate(keys)}
    raw = {"first_name": "", "petition_title": "", "personal_link": public_url("outreach.updates")}
    generic = {name: merge_fields.value(name, raw[name], None) for name in MERGE_FIELDS}
    for name, fallback in fallbacks:
        generic[merge_fields.fallback_key(name, fallback)] = merge_fields.value(name, raw[name], fallback)

    def fill(text: str, escape: bool) -> str:
        for key, m in marker.items():
            text = text.replace(m, html.escape(generic[key]) if escape else generic[key])
        return text

    body = str(render_markdown(_marked(campaign.body, marker, fallbacks)))
    return PublicUpdate(
        ref=campaign.ref,
        subject=fill(_marked(campaign.subject, marker, fallbacks), escape=False),
        preheader=fill(_marked(campaign.preheader or "", marker, fallbacks), escape=False),
        body=Markup(fill(body, escape=True)),  # noqa: S704 - our Markdown's output, values escaped
        published_at=campaign.published_at,
    )


# Scheduling and sending


def local_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["CAMPAIGN_TIMEZONE"])


def schedule(actor: User, campaign: Campaign, when_local: datetime) -> None:
    require(actor, "send_campaigns")
    if campaign.state not in CampaignState.EDITABLE:
        raise ServiceError("This campaign has already started.")
    when = when_local.replace(tzinfo=local_zone()) if when_local.tzinfo is None else when_local
    if when <= utcnow() + timedelta(minutes=1):
        raise ServiceError("Choose a time in the future", field="when")
    _check_before_sending(campaign)
    campaign.scheduled_at = when
    campaign.state = CampaignState.SCHEDULED
    db.session.commit()


def unschedule(actor: User, campaign: Campaign) -> None:
    require(actor, "send_campaigns")
    if campaign.state == CampaignState.SCHEDULED:
        campaign.state, campaign.scheduled_at = CampaignState.DRAFT, None
        db.session.commit()


def start(actor: User | None, campaign: Campaign) -> int:
    """Freeze the audience into recipients and batches, then hand the batches to the queue."""
    if actor is not None:
        require(actor, "send_campaigns")
    _check_before_sending(campaign)
    claimed = rowcount(
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id, Campaign.state.in_(CampaignState.EDITABLE))
            .values(state=CampaignState.SENDING, started_at=utcnow())
        )
    )
    if not claimed:
        raise ServiceError("This campaign has already started.")
    total = audiences.freeze(campaign.id, campaign.audience or {})
    size = current_app.config["CAMPAIGN_BATCH_SIZE"]
    tested = subject_test.split(campaign, size)  # a subject-line test makes its own batches
    for number, (first, last, count) in enumerate(
        [] if tested else audiences.batch_ranges(campaign.id, size), start=1
    ):
        db.session.add(
            CampaignBatch(
                campaign_id=campaign.id,
                number=number,
                first_recipient_id=first,
                last_recipient_id=last,
                size=count,
            )
        )
    db.session.execute(update(Campaign).where(Campaign.id == campaign.id).values(recipient_count=total))
    if total == 0:
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id)
            .values(state=CampaignState.FINISHED, finished_at=utcnow())
        )
    dispatch_after_commit()
    db.session.commit()
    db.session.refresh(campaign)
    return total


def start_due_campaigns() -> int:
    due = db.session.scalars(
        select(Campaign).where(Campaign.state == CampaignState.SCHEDULED, Campaign.scheduled_at <= utcnow())
    ).all()
    started = 0
    for campaign in due:
        try:
            start(None, campaign)
            started += 1
        except ServiceError as problem:
            db.session.rollback()
            if campaign.state == CampaignState.SCHEDULED:
                # Back to a draft, not tried again every minute; the organiser sees why on its page.
                campaign.state, campaign.scheduled_at = CampaignState.DRAFT, None
                campaign.paused_reason = f"Not sent at its scheduled time: {problem}"
                db.session.commit()
                log.warning("Scheduled campaign %s not started: %s", campaign.ref, problem)
    return started


def pause(actor: User | None, campaign: Campaign, reason: str = "") -> None:
    if actor is not None:
        require(actor, "send_campaigns")
    changed = rowcount(
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id, Campaign.state == CampaignState.SENDING)
            .values(state=CampaignState.PAUSED, paused_reason=reason)
        )
    )
    if not changed:
        raise ServiceError("Only a campaign that is sending can be paused.")
    db.session.commit()
    db.session.refresh(campaign)


def resume(
    actor: User, campaign: Campaign, skip_uncertain: bool = False, expected_uncertain: int | None = None
) -> None:
    """Send the rest. Batches whose outcome is unknown (see uncertain_batches) are sent again, or with
    ``skip_uncertain`` left out for good; ``expected_uncertain`` is how many people the organiser was told
    were in them, and if that has changed since, nothing happens: they choose again on the new figures."""
    require(actor, "send_campaigns")
    people = uncertain_batches.uncertain_totals(campaign.id)[1]
    if expected_uncertain is not None and people != expected_uncertain:
        raise ServiceError(
            f"The figures changed while the page was open: {people:,} "
            f"{'person is' if people == 1 else 'people are'} now in batches whose outcome is unknown. "
            "Check them and choose again.",
            field="choice",
        )
    changed = rowcount(
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id, Campaign.state == CampaignState.PAUSED)
            .values(state=CampaignState.SENDING, paused_reason="")
        )
    )
    if not changed:
        raise ServiceError("Only a paused campaign can be resumed.")
    uncertain_batches.record(
        actor, campaign, uncertain_batches.SKIP if skip_uncertain else uncertain_batches.RESEND
    )
    if skip_uncertain:
        # Left out for good (and out of the failed figure): nobody in them gets a second copy.
        skipped = db.session.execute(
            update(CampaignBatch)
            .where(CampaignBatch.campaign_id == campaign.id, uncertain_batches.uncertain())
            .values(state=BatchState.CANCELLED, last_error=uncertain_batches.SKIPPED)
            .returning(CampaignBatch.size)
        ).all()
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign.id)
            .values(failed=Campaign.failed - sum(size for (size,) in skipped))
        )
    # Batches that failed (the provider was failing, or a batch's outcome was unknown and the organiser
    # chose to send it again) get another go, and waiting ones go now.
    failed = (
        db.session.scalar(
            select(func.coalesce(func.sum(CampaignBatch.size), 0)).where(
                CampaignBatch.campaign_id == campaign.id, CampaignBatch.state == BatchState.FAILED
            )
        )
        or 0
    )
    db.session.execute(
        update(CampaignBatch)
        .where(
            CampaignBatch.campaign_id == campaign.id,
            CampaignBatch.state.in_((BatchState.FAILED, BatchState.PENDING)),
        )
        .values(state=BatchState.PENDING, not_before=None, attempts=0)
    )
    db.session.execute(
        update(Campaign).where(Campaign.id == campaign.id).values(failed=Campaign.failed - failed)
    )
    # A campaign whose only batches left were skipped has nothing to send: it is finished now.
    finish_if_done(campaign)
    dispatch_after_commit()
    db.session.commit()
    db.session.refresh(campaign)


def cancel(actor: User, campaign: Campaign) -> None:
    require(actor, "send_campaigns")
    if campaign.state not in (CampaignState.SENDING, CampaignState.PAUSED, CampaignState.SCHEDULED):
        raise ServiceError("Only a scheduled, sending or paused campaign can be cancelled.")
    changed = rowcount(
        db.session.execute(
            update(Campaign)
            .where(
                Campaign.id == campaign.id,
                Campaign.state.in_((CampaignState.SENDING, CampaignState.PAUSED, CampaignState.SCHEDULED)),
            )
            .values(state=CampaignState.CANCELLED, finished_at=utcnow())
        )
    )
    if not changed:
        db.session.rollback()
        raise ServiceError("This campaign has just finished, so there is nothing left to cancel.")
    uncertain_batches.record(actor, campaign, uncertain_batches.CANCEL)
    db.session.execute(
        update(CampaignBatch)
        .where(
            CampaignBatch.campaign_id == campaign.id,
            CampaignBatch.state.in_((BatchState.PENDING, BatchState.HELD)),
        )
        .values(state=BatchState.CANCELLED)
    )
    db.session.commit()
    db.session.refresh(campaign)


def progress(campaign: Campaign) -> dict:
    db.session.refresh(campaign)
    remaining = (
        db.session.scalar(
            select(func.coalesce(func.sum(CampaignBatch.size), 0)).where(
                CampaignBatch.campaign_id == campaign.id,
                CampaignBatch.state.in_((BatchState.PENDING, BatchState.SENDING, BatchState.HELD)),
            )
        )
        or 0
    )
    eta = None
    done = campaign.accepted + campaign.failed
    if campaign.state == CampaignState.SENDING and campaign.started_at and done and remaining:
        elapsed = (utcnow() - campaign.started_at).total_seconds()
        eta = round(elapsed / done * remaining)
    return {
        "state": campaign.state,
        "state_label": campaign.state_label,
        "recipients": campaign.recipient_count,
        "accepted": campaign.accepted,
        "failed": campaign.failed,
        "remaining": int(remaining),
        "eta_seconds": eta,
        "paused_reason": campaign.paused_reason,
        "delivered": campaign.delivered,
        "bounced": campaign.bounced,
        "complained": campaign.complained,
        "unsubscribed": campaign.unsubscribed,
        "opened": campaign.opened,
        # Our own redirect counts clicks (SendGrid's click tracking is off): people where tracked, else clicks.
        "clicked": link_clicks.clicked(campaign),
        "percent": round(100 * done / campaign.recipient_count) if campaign.recipient_count else 0,
    }
