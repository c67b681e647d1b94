"""The moderators' side of stories: the queue, the redaction page, and each decision."""

import re

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from ..scanner import KINDS
from ..services.errors import PermissionDenied, ServiceError, attach_to_form
from ..services.stories import complaints, moderation
from ..services.stories import storyteller as story_service
from ..services.stories.checking import CHECK_FAILED_NOTE
from ..services.stories.storyteller import PROCEEDINGS
from ..web.loaders import found_or_404
from ..web.security import permission_required
from .blueprint import bp
from .forms import PublishForm, ReasonForm, RedactionForm, SendForm


def _load(ref: str):
    return found_or_404(moderation.story_for_moderator(current_user, ref))


def highlight(text: str, findings) -> Markup:
    """The text, escaped, with each undecided finding marked so the moderator's eye goes straight to it."""
    undecided = sorted({f.match for f in findings if f.decision is None}, key=len, reverse=True)
    kinds = {f.match: f for f in findings if f.decision is None}
    if not undecided:
        return escape(text)
    pattern = re.compile("|".join(re.escape(m) for m in undecided))
    out, last = [], 0
    for found in pattern.finditer(text):
        finding = kinds[found.group(0)]
        out.append(escape(text[last : found.start()]))
        out.append(
            Markup('<mark class="finding" title="{}">{}</mark>').format(
                KINDS.get(finding.kind, finding.kind), found.group(0)
            )
        )
        last = found.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


@bp.get("/moderation")
@permission_required("moderate_stories")
def moderation_queue():
    return render_template(
        "stories/moderation_queue.html",
        groups=moderation.moderation_queue(current_user),
        labels=moderation.QUEUE_LABELS,
    )


def _render_story(
    story, status=200, form=None, send=None, reject=None, suspend=None, review=None, error=None
):
    return render_template(
        "stories/moderate.html",
        story=story,
        error=error,
        kinds=KINDS,
        proceedings=PROCEEDINGS,
        form=form or RedactionForm(obj=story, loaded_hash=story.current_hash),
        send=send or SendForm(loaded_hash=story.current_hash, checklist=[]),
        reject=reject or ReasonForm(prefix="reject"),
        suspend=suspend or ReasonForm(prefix="suspend"),
        publish=PublishForm(prefix="publish"),
        close=ReasonForm(prefix="close"),
        review=review or ReasonForm(prefix="review"),
        suspend_refusal=moderation.suspend_refusal(current_user, story),
        outcomes=complaints.OUTCOMES,
        highlighted=highlight(story.body, story.findings),
        blockers=moderation.publish_blockers(current_user, story),
        complaints=complaints.open_complaints(story),
        events=story_service.events_for(story),
        consent=story.consent,
        check_failed_note=CHECK_FAILED_NOTE,
    ), status


@bp.route("/moderation/<ref>", methods=["GET", "POST"])
@permission_required("moderate_stories")
def moderate(ref: str):
    story = _load(ref)
    form = RedactionForm()
    error = None
    if form.validate_on_submit():
        replacements = {
            int(key[8:]): value
            for key, value in request.form.items()
            if key.startswith("replace-") and key[8:].isdigit() and value.strip()
        }
        keep = {int(value) for value in request.form.getlist("keep") if value.isdigit()}
        try:
            moderation.redact(
                current_user,
                story,
                title=form.title.data,
                pen_name=form.pen_name.data,
                body=form.body.data,
                loaded_hash=form.loaded_hash.data or "",
                replacements=replacements,
                keep=keep,
            )
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            left = len(story.open_findings)
            flash(
                "Saved. "
                + (
                    f"{left} highlighted detail{'s' if left != 1 else ''} still to deal with."
                    if left
                    else "Every highlighted detail has been dealt with."
                ),
                "success",
            )
            return redirect(url_for("stories.moderate", ref=story.ref))
    elif request.method == "GET":
        return _render_story(story)
    return _render_story(story, 400, form=form, error=error)


def _decision(ref: str, make_form, form_arg: str, act, done: str, then=None, refused_status: int = 400):
    """Send, reject, suspend: load the story (the route's guard has checked the permission), take the
    decision through the service, and on a refusal show the story again with the form as it was filled in."""
    story = _load(ref)
    form = make_form()
    if form.validate_on_submit():
        try:
            act(story, form)
        except ServiceError as problem:
            return _render_story(
                story, refused_status, error=attach_to_form(form, problem), **{form_arg: form}
            )
        flash(done, "success")
        return redirect(then(story) if then else url_for("stories.moderation_queue"))
    return _render_story(story, 400, **{form_arg: form})


@bp.post("/moderation/<ref>/send")
@permission_required("moderate_stories")
def send_for_approval(ref: str):
    return _decision(
        ref,
        SendForm,
        "send",
        lambda story, form: moderation.send_for_approval(
            current_user, story, form.checklist.data or [], form.loaded_hash.data or ""
        ),
        "Sent to the storyteller to approve.",
    )


@bp.post("/moderation/<ref>/reject")
@permission_required("moderate_stories")
def reject(ref: str):
    return _decision(
        ref,
        lambda: ReasonForm(prefix="reject"),
        "reject",
        lambda story, form: moderation.reject(current_user, story, form.reason.data),
        "Rejected. The storyteller has been told why.",
    )


@bp.post("/moderation/<ref>/publish")
@permission_required("moderate_stories")
def publish(ref: str):
    story = _load(ref)
    form = PublishForm(prefix="publish")
    if form.validate_on_submit():
        try:
            moderation.publish(current_user, story)
        except PermissionDenied as refused:
            return _render_story(story, 403, error=str(refused))
        except ServiceError as problem:
            return _render_story(story, 409, error=str(problem))
        flash("Published.", "success")
        return redirect(url_for("stories.show", slug=story.slug))
    return _render_story(story, 400)


@bp.post("/moderation/<ref>/suspend")
@permission_required("moderate_stories")
def suspend(ref: str):
    try:
        return _suspend(ref)
    except PermissionDenied as refused:  # four eyes: said on the story's page, not a bare 403
        return _render_story(_load(ref), 403, error=str(refused))


def _suspend(ref: str):
    return _decision(
        ref,
        lambda: ReasonForm(prefix="suspend"),
        "suspend",
        lambda story, form: moderation.suspend(current_user, story, form.reason.data),
        "Suspended: the story is off the site until someone reinstates it.",
        then=lambda story: url_for("stories.moderate", ref=story.ref),
        refused_status=409,
    )


@bp.post("/moderation/<ref>/complaints")
@permission_required("moderate_stories")
def close_complaints(ref: str):
    story = _load(ref)
    form = ReasonForm(prefix="close")
    if form.validate_on_submit():
        count = complaints.close_complaints(current_user, story, form.reason.data)
        flash(f"{count} complaint{'s' if count != 1 else ''} closed.", "success")
    else:
        flash("Say what was done about the complaint before closing it.", "error")
    return redirect(url_for("stories.moderate", ref=story.ref))


@bp.post("/moderation/<ref>/reviewed")
@permission_required("moderate_stories")
def mark_reviewed(ref: str):
    story = _load(ref)
    form = ReasonForm(prefix="review")
    if form.validate_on_submit():
        try:
            complaints.mark_reviewed(current_user, story, form.reason.data)
        except PermissionDenied as refused:
            return _render_story(story, 403, review=form, error=str(refused))
        except ServiceError as problem:
            return _render_story(story, 409, review=form, error=attach_to_form(form, problem))
        flash(
            "Marked as reviewed: the story is on the site. Further complaints about this text will wait "
            "for a second person instead of taking it down.",
            "success",
        )
        return redirect(url_for("stories.moderate", ref=story.ref))
    return _render_story(story, 400, review=form)
