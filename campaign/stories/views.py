"""Stories for the public and for storytellers: reading, sharing a story (with drafts that survive an
expired form), the storyteller's private page, and raising a concern about a published story."""

from flask import abort, current_app, flash, g, make_response, redirect, render_template, request, url_for
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError
from wtforms.fields.choices import SelectChoice

from ..extensions import limiter
from ..services.coalition import content
from ..services.errors import NotFound, ServiceError, attach_to_form
from ..services.stories import self_check
from ..services.stories import storyteller as story_service
from ..services.stories.complaints import file_complaint
from ..web.errors import http_error
from ..web.loaders import found_or_404
from .blueprint import bp
from .forms import ApprovalForm, ChangesForm, ClearDeviceForm, ComplaintForm, StoryForm, WithdrawForm

DRAFT_COOKIE = "story_draft"
TITLE_MAX = 120  # as StoryForm.title allows
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
    checked: list | None = None,
    clear_copy: bool = False,
):
    g.no_store = True
    return render_template(
        "stories/share.html",
        form=form,
        error=error,
        notice=notice,
        draft_link=draft_link,
        checked=checked,
        clear_copy=clear_copy,
        clear_form=ClearDeviceForm(),
        max_words=current_app.config["STORY_MAX_WORDS"],
        word_count=story_service.word_count(form.body.data or ""),
    ), status


def _draft_key() -> story_service.DraftKey | None:
    return story_service.DraftKey.parse(request.cookies.get(DRAFT_COOKIE))


def _with_draft_cookie(rendered, key: story_service.DraftKey | None):
    """Set (or, with no key, delete) the cookie that holds this browser's draft: its token and its secret."""
    response = make_response(*rendered) if isinstance(rendered, tuple) else make_response(rendered)
    if key:
        response.set_cookie(
            DRAFT_COOKIE,
            str(key),
            max_age=current_app.config["STORY_DRAFT_DAYS"] * 86400,
            httponly=True,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            path=url_for("stories.share"),
        )
    else:
        response.delete_cookie(DRAFT_COOKIE, path=url_for("stories.share"))
    return response


COPIED = (
    "This is a copy of a story saved in another browser. Anything you save or send from here is kept "
    "apart from it, and the saved story stays as it was. We have not copied the email address: enter "
    "yours below."
)
CLEARED = (
    "This browser no longer keeps a copy of your story. If you saved it with a private link, "
    "the link still opens it."
)
NOT_OPENED = (
    "A story saved earlier in this browser could not be opened here. If you saved it, open it with "
    "the private link we showed you or emailed to you."
)


@bp.route("/share", methods=["GET", "POST"])
@limiter.limit("10 per minute;60 per hour", methods=["POST"])
def share():
    key = _draft_key()
    if request.method == "GET":
        draft = story_service.load_own_draft(key)
        form = _story_form(data=draft) if draft else _story_form()
        if request.args.get("from") == "copy" and draft:
            notice = COPIED
        elif request.args.get("from") == "cleared":
            notice = CLEARED
        elif draft:
            notice = "We have brought back the story you saved. Carry on where you left off."
        elif request.cookies.get(DRAFT_COOKIE):
            # Not this browser's own (a cookie from before drafts were bound to a browser, or one gone
            # stale): it is dropped, and nothing is written through it.
            return _with_draft_cookie(_render_share(form, notice=NOT_OPENED), None)
        else:
            notice = None
        return _render_share(form, notice=notice, clear_copy=request.args.get("from") == "cleared")

    form = _story_form()
    action = request.form.get("action", "submit")
    if action == "save":
        return _save_draft(form, key)
    if action == "check" or action.startswith("use:"):
        return _check(form, action)

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
            checked_findings_shown=self_check.shown_count(form.check_shown.data),
            checked_text_hash=form.check_hash.data or None,
        )
        try:
            story_service.submit_story(submission, key)
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            return _with_draft_cookie(redirect(url_for("stories.shared")), None)
    return _render_share(form, 400, error=error)


def _save_draft(form: StoryForm, key: story_service.DraftKey | None):
    """Saved as it stands, even half-written or with mistakes: nothing the person typed is lost. Into this
    browser's own draft, or a new one bound to this browser; never into one it did not start."""
    too_long = story_service.body_problem(form.body.data or "")
    if too_long:
        form.body.errors = [too_long]
        return _render_share(form, 400)
    key = story_service.save_draft({name: form[name].data for name in DRAFT_FIELDS}, key)
    if form.contact_email.data and form.contact_email.validate(form):
        story_service.email_draft_link(key.token, form.contact_email.data)
    link = url_for("stories.resume_draft", token=key.token, _external=True)
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
        key,
    )


def _check(form: StoryForm, action: str):
    """ "Check my story": what the automatic check finds in the title and the story, shown beside the form;
    or (``use:<detail>``) one detail replaced by the check's suggestion, then checked again. Nothing is
    sent or saved, and nothing is blocked: every story is still read by a moderator."""
    too_long = story_service.body_problem(form.body.data or "")
    if too_long:
        form.body.errors = [too_long]
    if len(form.title.data or "") > TITLE_MAX:
        form.title.errors = [f"The title must be {TITLE_MAX} characters or fewer."]
    if form.body.errors or form.title.errors:
        return _render_share(form, 400)  # too much to check here: said beside the field, nothing lost
    texts = {"title": form.title.data or "", "body": form.body.data or ""}
    notice = None
    if action.startswith("use:"):
        changed = self_check.use_suggestion(texts, action[4:])
        if changed is None:
            notice = "Your words had changed since the check, so nothing was replaced. Here is a fresh check."
        else:
            texts = changed
            form.title.data, form.body.data = texts["title"], texts["body"]
    checked = self_check.check(texts)
    shown = max(self_check.shown_count(form.check_shown.data) or 0, len(checked))
    form.check_shown.data = str(shown)
    if not form.check_hash.data:  # the words as first checked: any change after that counts
        form.check_hash.data = self_check.checked_words_hash(texts["title"], texts["body"])
    return _render_share(form, notice=notice, checked=checked)


@bp.post("/share/clear")
@limiter.limit("30 per hour")
def clear_device():
    """ "Clear this device": this browser forgets its draft (the cookie; site.js and the Clear-Site-Data
    header also empty its local copy). The draft itself stays, for its private link."""
    if not ClearDeviceForm().validate_on_submit():
        abort(400)
    response = _with_draft_cookie(redirect(url_for("stories.share") + "?from=cleared"), None)
    response.headers["Clear-Site-Data"] = '"storage"'
    return response


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


def _draft_not_found():
    return render_template(
        "errors/error.html",
        status=404,
        title="We could not find that saved story",
        detail="Saved stories are kept for "
        f"{current_app.config['STORY_DRAFT_DAYS']} days. If it was older than that, "
        "it has been deleted. You can start again.",
    ), 404


@bp.get("/share/draft/<token>")
def resume_draft(token: str):
    """A saved story's private link. In the browser that saved it, the story comes back. In any other
    (another device, or a link someone else planted) nothing is written and no cookie is set: the page
    offers a copy of the words to carry on with here, apart from the original."""
    g.no_store = True
    if not story_service.draft_exists(token):
        return _draft_not_found()
    key = _draft_key()
    if key and key.token == token and story_service.own_draft_row(key) is not None:
        return redirect(url_for("stories.share"))
    response = make_response(
        render_template(
            "stories/draft_elsewhere.html",
            token=token,
            copy_form=ClearDeviceForm(),
            own_link=(
                url_for("stories.resume_draft", token=key.token, _external=True)
                if key and story_service.own_draft_row(key) is not None
                else None
            ),
        )
    )
    response.headers["Referrer-Policy"] = "no-referrer"  # the URL is the key to the draft
    return response


@bp.post("/share/draft/<token>/copy")
@limiter.limit("20 per hour")
def copy_draft(token: str):
    """Open a copy of a saved story in this browser: a new draft of its own, the original untouched."""
    if not ClearDeviceForm().validate_on_submit():
        abort(400)
    key = story_service.copy_draft(token)
    if key is None:
        return _draft_not_found()
    return _with_draft_cookie(redirect(url_for("stories.share") + "?from=copy"), key)


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


def _per_story() -> str:
    return "story-concern:" + str((request.view_args or {}).get("slug", ""))


CONCERN_REFUSED = (
    "We have had a lot of reports from your connection or about this story in a short time, so this one "
    "has not been sent yet. Your message is below: please send it again in an hour."
)


@bp.route("/<slug>/concern", methods=["GET", "POST"])
@limiter.limit("5 per minute;20 per day", methods=["POST"])
@limiter.limit("60 per hour", key_func=_per_story, methods=["POST"])
def concern(slug: str):
    story = found_or_404(content.published_story(slug))
    g.no_store = True
    form = ComplaintForm()
    error = None
    if form.validate_on_submit():
        try:
            file_complaint(
                story,
                form.category.data,
                form.details.data,
                form.contact_email.data or "",
                address=get_remote_address(),
            )
        except ServiceError as problem:
            error = attach_to_form(form, problem)
        else:
            # One page whatever the complaint did, so it cannot be used to learn how a story is guarded.
            return render_template("stories/concern_sent.html")
    return render_template("stories/concern.html", story=story, form=form, error=error), (
        400 if form.errors or error else 200
    )


@bp.errorhandler(429)
def too_many(error):
    """A refused complaint comes back with what was typed; elsewhere, the site's own 429 page."""
    if request.endpoint == "stories.concern" and request.method == "POST":
        g.no_store = True
        return render_template(
            "stories/concern.html",
            story=content.published_story(request.view_args["slug"]),
            form=ComplaintForm(formdata=request.form),
            error=CONCERN_REFUSED,
        ), 429
    return http_error(error)
