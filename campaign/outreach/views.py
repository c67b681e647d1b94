"""Organisers' bulk email: campaigns, their audience, preview, tests, scheduling and live progress."""

from datetime import datetime, time

from flask import abort, flash, jsonify, make_response, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..services.errors import ServiceError, attach_to_form
from ..services.outreach import campaigns as outreach
from ..services.outreach import subject_test, uncertain_batches
from ..services.outreach import subscriptions as subscription_service
from ..services.petitions.regions import REGIONS
from ..web.loaders import found_or_404
from ..web.security import permission_required
from .blueprint import bp
from .forms import (
    ActionForm,
    BlockForm,
    CampaignForm,
    PreviewFindForm,
    ScheduleForm,
    TestSendForm,
    UncertainForm,
)


def _load(ref: str):
    return found_or_404(outreach.campaign_for(current_user, ref))


@bp.get("/outreach/")
@permission_required("send_campaigns")
def index():
    return render_template("outreach/index.html", campaigns=outreach.campaigns(current_user))


def _form(campaign=None) -> CampaignForm:
    form = CampaignForm()
    form.petitions.choices = [SelectChoice(p.id, p.title) for p in outreach.petitions_to_choose()]
    if request.method == "GET" and campaign is not None:
        audience = campaign.audience or {}
        form.subject.data, form.preheader.data, form.body.data = (
            campaign.subject,
            campaign.preheader,
            campaign.body,
        )
        form.petitions.data = [int(p) for p in audience.get("petitions") or []]
        form.regions.data = audience.get("regions") or []
        form.signed_from.data = (
            datetime.fromisoformat(audience["signed_from"]).date() if audience.get("signed_from") else None
        )
        form.signed_to.data = (
            datetime.fromisoformat(audience["signed_to"]).date() if audience.get("signed_to") else None
        )
        form.members.data = bool(audience.get("members"))
        form.donors.data = bool(audience.get("donors"))
        form.send_rate.data = campaign.send_rate
        form.track_engagement.data = campaign.track_engagement
        plan = subject_test.plan_of(campaign)
        form.subject_b.data, form.test_percent.data = plan.subject_b, plan.percent
        form.test_wait_hours.data, form.test_criterion.data = plan.wait_hours, plan.criterion
    return form


def _draft(form: CampaignForm) -> outreach.Draft:
    zone = outreach.local_zone()

    def day(value):
        return datetime.combine(value, time.min, tzinfo=zone).isoformat() if value else None

    audience = {
        "petitions": form.petitions.data or [],
        "regions": [r for r in form.regions.data or [] if r in REGIONS],
        "signed_from": day(form.signed_from.data),
        "signed_to": day(form.signed_to.data),
        "members": bool(form.members.data),
        "donors": bool(form.donors.data),
    }
    return outreach.Draft(
        subject=form.subject.data,
        preheader=form.preheader.data or "",
        body=form.body.data,
        audience=audience,
        send_rate=form.send_rate.data,
        track_engagement=bool(form.track_engagement.data),
        subject_test=subject_test.Plan(
            subject_b=form.subject_b.data or "",
            percent=form.test_percent.data,
            wait_hours=form.test_wait_hours.data,
            criterion=form.test_criterion.data or subject_test.CLICKS,
        ),
    )


def _edit(campaign=None):
    form = _form(campaign)
    error = None
    if form.validate_on_submit():
        try:
            campaign = outreach.save_draft(current_user, _draft(form), campaign)
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            flash("Saved. Check who it goes to and preview it before sending.", "success")
            return redirect(url_for("outreach.show", ref=campaign.ref))
    return render_template(
        "outreach/edit.html", form=form, campaign=campaign, error=error, merge_fields=outreach.MERGE_FIELDS
    ), 400 if form.errors or error else 200


@bp.route("/outreach/new", methods=["GET", "POST"])
@permission_required("send_campaigns")
def new():
    return _edit()


@bp.route("/outreach/<ref>/edit", methods=["GET", "POST"])
@permission_required("send_campaigns")
def edit(ref: str):
    campaign = _load(ref)
    if not campaign.editable:
        flash("A campaign that has started sending can no longer be changed.", "error")
        return redirect(url_for("outreach.show", ref=ref))
    return _edit(campaign)


def _people(n: int) -> str:
    return f"{n:,} {'person' if n == 1 else 'people'}"


def _uncertain_form(form: UncertainForm | None, crash, progress: dict) -> UncertainForm:
    """The three choices, each saying plainly who it affects."""
    form = form or UncertainForm()
    n, waiting = crash.people if crash else 0, progress["remaining"]
    form.choice.choices = [
        SelectChoice(
            uncertain_batches.RESEND,
            f"Resume, sending the uncertain batches again (some may get it twice): "
            f"the {_people(n)} in them are sent it again, with the {waiting:,} still waiting.",
        ),
        SelectChoice(
            uncertain_batches.SKIP,
            f"Send only to those who certainly did not get it (uncertain batches are skipped; "
            f"{_people(n)} may miss out): the {waiting:,} still waiting are sent it.",
        ),
        SelectChoice(
            uncertain_batches.CANCEL,
            f"Cancel: nothing more is sent. The {_people(n)} in the uncertain batches may or may not have it; "
            f"the {waiting:,} still waiting will not get it.",
        ),
    ]
    form.people.data = str(n)  # the number this page shows, so a choice made on it can be checked
    return form


def _chosen() -> tuple[int, str]:
    """The recipient the preview is for: ?n=position (1 is the first) or ?find=part of an address."""
    n = request.values.get("n", "1")
    position = int(n) if n.isdigit() and len(n) < 10 else 1
    return position, (request.values.get("find") or request.values.get("recipient") or "")[:320]


def _render_show(campaign, status=200, test_form=None, schedule_form=None, error=None, uncertain_form=None):
    position, search = _chosen()
    preview = outreach.preview(current_user, campaign, position, search)
    progress = outreach.progress(campaign)
    test_form = test_form or TestSendForm()
    if preview.person is not None:
        test_form.n.data, test_form.recipient.data = str(preview.person.position), preview.person.email
    crash = None if campaign.editable else uncertain_batches.situation(current_user, campaign)
    return render_template(
        "outreach/show.html",
        campaign=campaign,
        preview=preview,
        find_form=PreviewFindForm(formdata=None, find=search),
        error=error,
        # The preview has just counted the list as it would be frozen now: the same number.
        audience_size=preview.total if campaign.editable else campaign.recipient_count,
        progress=progress,
        test_form=test_form,
        schedule_form=schedule_form or ScheduleForm(),
        action=ActionForm(),
        zone=outreach.local_zone(),
        crash=crash,
        done=uncertain_batches.DONE,
        uncertain_form=_uncertain_form(uncertain_form, crash, progress),
    ), status


@bp.get("/outreach/<ref>")
@permission_required("send_campaigns")
def show(ref: str):
    return _render_show(_load(ref))


@bp.post("/outreach/<ref>/uncertain")
@permission_required("send_campaigns")
def decide_uncertain(ref: str):
    campaign = _load(ref)
    form = UncertainForm()
    if not form.validate_on_submit():
        return _render_show(campaign, 400, uncertain_form=form)
    try:
        expected = int(form.people.data or "")
    except ValueError:
        abort(400)
    try:
        if form.choice.data == uncertain_batches.CANCEL:
            outreach.cancel(current_user, campaign)
        else:
            outreach.resume(
                current_user,
                campaign,
                skip_uncertain=form.choice.data == uncertain_batches.SKIP,
                expected_uncertain=expected,
            )
    except ServiceError as problem:
        return _render_show(campaign, 400, uncertain_form=form, error=attach_to_form(form, problem))
    flash(f"Done: you {uncertain_batches.DONE[form.choice.data]}.", "success")
    return redirect(url_for("outreach.show", ref=ref))


@bp.get("/outreach/<ref>/preview.html")
@permission_required("send_campaigns")
def preview_html(ref: str):
    campaign = _load(ref)
    position, search = _chosen()
    recipient = (request.args.get("recipient") or "")[:320]
    # The page names the person it showed, so the frames need not work out the whole list again.
    html = outreach.preview_for(current_user, campaign, position, recipient) if recipient else None
    if html is None:
        html = outreach.preview(current_user, campaign, position, search).html
    response = make_response(html)
    # The email's own inline styles, in a sandbox: nothing in it can run or reach the organiser's session.
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'; sandbox"
    )
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


@bp.get("/outreach/<ref>/progress.json")
@permission_required("send_campaigns")
def progress(ref: str):
    campaign = _load(ref)
    response = jsonify(outreach.progress(campaign))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/outreach/<ref>/test")
@permission_required("send_campaigns")
def test_send(ref: str):
    campaign = _load(ref)
    form = TestSendForm()
    if form.validate_on_submit():
        n = form.n.data or "1"
        position = int(n) if n.isdigit() and len(n) < 10 else 1
        try:
            count, person = outreach.send_test(
                current_user,
                campaign,
                form.addresses.data.replace(";", ",").split(","),
                position,
                (form.recipient.data or "")[:320],
            )
        except ServiceError as problem:
            return _render_show(campaign, 400, test_form=form, error=attach_to_form(form, problem))
        whose = (
            f"exactly as the preview shows it for recipient {person.position:,} ({person.email})"
            if person
            else "as the preview shows it (nobody is on the list yet, so with every fallback)"
        )
        flash(
            f"Test sent to {count} address{'es' if count != 1 else ''}, {whose}. "
            "It is marked [Test] and is not counted.",
            "success",
        )
        return redirect(url_for("outreach.show", ref=ref, find=person.email if person else None))
    return _render_show(campaign, 400, test_form=form)


@bp.post("/outreach/<ref>/schedule")
@permission_required("send_campaigns")
def schedule(ref: str):
    campaign = _load(ref)
    form = ScheduleForm()
    if form.validate_on_submit():
        try:
            outreach.schedule(current_user, campaign, form.when.data)
        except ServiceError as problem:
            return _render_show(campaign, 400, schedule_form=form, error=attach_to_form(form, problem))
        flash("Scheduled.", "success")
        return redirect(url_for("outreach.show", ref=ref))
    return _render_show(campaign, 400, schedule_form=form)


def _action(ref: str, act, done: str):
    campaign = _load(ref)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        act(campaign)
    except ServiceError as problem:
        flash(str(problem), "error")
    else:
        flash(done, "success")
    return redirect(url_for("outreach.show", ref=ref))


@bp.post("/outreach/<ref>/send")
@permission_required("send_campaigns")
def send_now(ref: str):
    return _action(ref, lambda c: outreach.start(current_user, c), "Sending has started.")


@bp.post("/outreach/<ref>/publish")
@permission_required("send_campaigns")
def publish(ref: str):
    return _action(
        ref,
        lambda c: outreach.set_published(current_user, c, True),
        "It is on the public updates page now, with merge fields as someone with no details would see them.",
    )


@bp.post("/outreach/<ref>/unpublish")
@permission_required("send_campaigns")
def unpublish(ref: str):
    return _action(
        ref, lambda c: outreach.set_published(current_user, c, False), "Taken off the public updates page."
    )


@bp.post("/outreach/<ref>/unschedule")
@permission_required("send_campaigns")
def unschedule(ref: str):
    return _action(
        ref, lambda c: outreach.unschedule(current_user, c), "No longer scheduled; it is a draft again."
    )


@bp.post("/outreach/<ref>/pause")
@permission_required("send_campaigns")
def pause(ref: str):
    return _action(
        ref,
        lambda c: outreach.pause(current_user, c, "Paused by " + current_user.name),
        "Paused. Batches already handed to SendGrid will still arrive.",
    )


@bp.post("/outreach/<ref>/resume")
@permission_required("send_campaigns")
def resume(ref: str):
    # The plain button is for a campaign with no uncertain batches: if some have appeared since the page
    # was drawn, it refuses rather than send them again without saying so.
    return _action(
        ref, lambda c: outreach.resume(current_user, c, expected_uncertain=0), "Resumed where it stopped."
    )


@bp.post("/outreach/<ref>/cancel")
@permission_required("send_campaigns")
def cancel(ref: str):
    return _action(ref, lambda c: outreach.cancel(current_user, c), "Cancelled. Nothing more will be sent.")


@bp.route("/outreach/suppressions", methods=["GET", "POST"])
@permission_required("send_campaigns")
def suppressions():
    form = BlockForm()
    if form.validate_on_submit():
        try:
            subscription_service.block_address(current_user, form.email.data, form.note.data or "")
        except ServiceError as problem:
            attach_to_form(form, problem)
        else:
            flash(f"{form.email.data} will not be sent any campaign email.", "success")
            return redirect(url_for("outreach.suppressions"))
    return render_template(
        "outreach/suppressions.html", form=form, rows=subscription_service.suppressions(current_user)
    ), 400 if form.errors else 200
