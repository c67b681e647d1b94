"""Stories for the public and for storytellers: reading, sharing a story (with drafts that survive an
expired form), the storyteller's private page, and raising a concern about a published story."""

from flask import abort, current_app, flash, g, make_response, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from wtforms.fields.choices import SelectChoice

from ..extensions import limiter
from ..services.coalition import content
from ..services.errors import NotFound, ServiceError, attach_to_form
from ..services.stories import storyteller as story_service
from ..services.stories.moderation import file_complaint
from ..web.loaders import found_or_404
from .blueprint import bp
from .forms import ApprovalForm, ChangesForm, ComplaintForm, StoryForm, WithdrawForm

DRAFT_COOKIE = "story_draft"
# Consent is not among them: it is given afresh when the story is sent.
DRAFT_FIELDS = (
    "title",
    "body",
    "pen_name",
    "contact_email",
    "proceedings_ongoing",
    "petitions",
    "quote_in_emails",
    "share_with_members",
)


@bp.get("/")
def index():
    return render_template("stories/index.html", stories=content.published_stories())


@bp.get("/<slug>")
def show(slug: str):
    story = found_or_404(content.published_story(slug))
    response = make_response(render_template("stories/show.html", story=story))
    # Storytellers can withdraw at any time; archives and caches must not keep a copy.
    response.headers["X-Robots-Tag"] = "noarchive"
    response.headers["Cache-Control"] = "no-cache"
    return response


# Sharing a story


def _story_form(**kwargs) -> StoryForm:
    form = StoryForm(**kwargs)
    form.petitions.choices = [SelectChoice(p.id, p.title) for p in story_service.open_petitions()]
    return form


def _render_share(
    form: StoryForm,
    status: int = 200,
    error: str | None = None,
    notice: str | None = None,
    draft_link: str | None = None,
):
    g.no_store = True
    return render_template(
        "stories/share.html",
        form=form,
        error=error,
        notice=notice,
        draft_link=draft_link,
        max_words=current_app.config["STORY_MAX_WORDS"],
        word_count=story_service.word_count(form.body.data or ""),
    ), status


def _with_draft_cookie(rendered, token: str | None):
    response = make_response(*rendered) if isinstance(rendered, tuple) else make_response(rendered)
    if token:
        response.set_cookie(
            DRAFT_COOKIE,
            token,
            max_age=current_app.config["STORY_DRAFT_DAYS"] * 86400,
            httponly=True,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            path=url_for("stories.share"),
        )
    else:
        response.delete_cookie(DRAFT_COOKIE, path=url_for("stories.share"))
    return response


@bp.route("/share", methods=["GET", "POST"])
@limiter.limit("10 per minute;60 per hour", methods=["POST"])
def share():
    token = request.cookies.get(DRAFT_COOKIE)
    if request.method == "GET":
        draft = story_service.load_draft(token)
        form = _story_form(data=draft) if draft else _story_form()
        notice = "We have brought back the story you saved. Carry on where you left off." if draft else None
        return _render_share(form, notice=notice)

    form = _story_form()
    if request.form.get("action") == "save":
        # Saved as it stands, even half-written or with mistakes: nothing the person typed is lost.
        token = story_service.save_draft({name: form[name].data for name in DRAFT_FIELDS}, token)
        if form.contact_email.data and form.contact_email.validate(form):
            story_service.email_draft_link(token, form.contact_email.data)
        link = url_for("stories.resume_draft", token=token, _external=True)
        form.contact_email.errors = []
        return _with_draft_cookie(
            _render_share(
                form,
                notice="Your story is saved. This browser will bring it back when you return to this page. "
                "To carry on from another device, keep this private link"
                + (" (we have also emailed it to you)" if form.contact_email.data else "")
                + ":",
                draft_link=link,
            ),
            token,
        )

    error = None
    if form.validate_on_submit():
        submission = story_service.Submission(
            title=form.title.data,
            body=form.body.data,
            pen_name=form.pen_name.data,
            contact_email=form.contact_email.data,
            proceedings_ongoing=form.proceedings_ongoing.data,
            petition_ids=form.petitions.data or [],
            quote_in_emails=form.quote_in_emails.data,
            share_with_members=form.share_with_members.data,
        )
        try:
            story_service.submit_story(submission, token)
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            return _with_draft_cookie(redirect(url_for("stories.shared")), None)
    return _render_share(form, 400, error=error)


@bp.errorhandler(CSRFError)
def expired_form(error):
    """An expired session or form token must bring the storyteller back to their words, not an empty form."""
    if request.endpoint == "stories.share" and request.method == "POST":
        form = _story_form(formdata=request.form)
        return _render_share(
            form,
            400,
            error="This page was open for a long time, so for your security your "
            "story has not been sent yet. Everything you wrote is below: check "
            "it and press the button again.",
        )
    if request.endpoint == "stories.concern" and request.method == "POST":
        return render_template(
            "stories/concern.html",
            story=content.published_story(request.view_args["slug"]),
            form=ComplaintForm(formdata=request.form),
            error="This page had expired. Your message is below: send it again.",
        ), 400
    return render_template(
        "errors/error.html",
        status=400,
        title="Your form had expired",
        detail="For your security, forms expire after a while. Go back, reload the page and submit it again.",
    ), 400


@bp.get("/share/draft/<token>")
def resume_draft(token: str):
    if story_service.load_draft(token) is None:
        return render_template(
            "errors/error.html",
            status=404,
            title="We could not find that saved story",
            detail="Saved stories are kept for "
            f"{current_app.config['STORY_DRAFT_DAYS']} days. If it was older than that, "
            "it has been deleted. You can start again.",
        ), 404
    return _with_draft_cookie(redirect(url_for("stories.share")), token)


@bp.get("/share/thanks")
def shared():
    return render_template("stories/shared.html")


# The storyteller's private page


def _load_for_storyteller(token: str):
    g.no_store = True
    try:
        return story_service.story_for_token(token)
    except NotFound as missing:
        abort(
            make_response(
                render_template(
                    "errors/error.html", status=404, title="We could not find your story", detail=str(missing)
                ),
                404,
            )
        )


def _render_yours(story, token, status=200, approval=None, changes=None, withdraw=None, error=None):
    response = make_response(
        render_template(
            "stories/yours.html",
            story=story,
            token=token,
            error=error,
            approval=approval or ApprovalForm(shown_hash=story.current_hash),
            changes=changes or ChangesForm(shown_hash=story.current_hash),
            withdraw=withdraw or WithdrawForm(),
        ),
        status,
    )
    response.headers["Referrer-Policy"] = "no-referrer"  # the URL is the storyteller's key
    return response


@bp.get("/yours/<token>")
def yours(token: str):
    return _render_yours(_load_for_storyteller(token), token)


@bp.post("/yours/<token>/approve")
@limiter.limit("20 per hour")
def approve(token: str):
    story = _load_for_storyteller(token)
    form = ApprovalForm()
    if form.validate_on_submit():
        try:
            story_service.approve_text(story, form.shown_hash.data or "")
        except ServiceError as problem:
            return _render_yours(story, token, 409, error=str(problem))
        flash(
            "Thank you. You have approved your story; a second person will now check it and publish it.",
            "success",
        )
    return redirect(url_for("stories.yours", token=token))


@bp.post("/yours/<token>/changes")
@limiter.limit("20 per hour")
def changes(token: str):
    story = _load_for_storyteller(token)
    form = ChangesForm()
    if form.validate_on_submit():
        try:
            story_service.request_changes(story, form.shown_hash.data or "", form.message.data)
        except ServiceError as problem:
            return _render_yours(story, token, 409, changes=form, error=attach_to_form(form, problem))
        flash("Thank you. A moderator will make the changes and send the story back to you.", "success")
        return redirect(url_for("stories.yours", token=token))
    return _render_yours(story, token, 400, changes=form)


@bp.post("/yours/<token>/withdraw")
@limiter.limit("20 per hour")
def withdraw(token: str):
    story = _load_for_storyteller(token)
    form = WithdrawForm()
    if form.validate_on_submit():
        story_service.withdraw_story(story, form.reason.data, form.note.data)
        flash(
            "Your story has been withdrawn. It is no longer on the site and will not be published.", "success"
        )
        return redirect(url_for("stories.yours", token=token))
    return _render_yours(story, token, 400, withdraw=form)


# Raising a concern


@bp.route("/<slug>/concern", methods=["GET", "POST"])
@limiter.limit("5 per minute;20 per day", methods=["POST"])
def concern(slug: str):
    story = found_or_404(content.published_story(slug))
    g.no_store = True
    form = ComplaintForm()
    error = None
    if form.validate_on_submit():
        try:
            file_complaint(story, form.category.data, form.details.data, form.contact_email.data or "")
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            return render_template("stories/concern_sent.html", suspended=form.category.data == "identifies")
    return render_template("stories/concern.html", story=story, form=form, error=error), (
        400 if form.errors or error else 200
    )
