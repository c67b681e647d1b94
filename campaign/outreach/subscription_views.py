"""Unsubscribing, for everyone who receives our email, without signing in.

Mail providers send RFC 8058 one-click unsubscribes as a POST with no form token, so that POST is exempt
from CSRF: the signed token in the URL is what authorises it. A GET only shows a page with a button, so
link scanners that fetch every URL in a message never unsubscribe anyone."""

from flask import g, redirect, render_template, request, url_for

from ..extensions import csrf, limiter
from ..services.errors import NotFound
from ..services.outreach import subscriptions
from .blueprint import bp
from .forms import PreferencesForm


def _read(token: str):
    g.no_store = True
    try:
        return subscriptions.read_token(token)
    except NotFound as problem:
        return None, str(problem)


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt
# Mail providers send one-click unsubscribes from a few addresses of their own, so the ceiling is high.
@limiter.limit("1200 per minute", methods=["POST"])
def unsubscribe(token: str):
    key, list_key = _read(token)
    if key is None:
        return render_template(
            "errors/error.html", status=404, title="We could not read this link", detail=list_key
        ), 404
    label = subscriptions.list_label(list_key)
    if request.method == "POST":
        subscriptions.leave_list(key, list_key)
        if request.form.get("List-Unsubscribe") == "One-Click":
            return "", 200  # the mail provider's one-click request: no page to show
        return render_template("outreach/unsubscribed.html", label=label, token=token)
    return render_template("outreach/unsubscribe.html", label=label, token=token)


@bp.route("/email-preferences/<token>", methods=["GET", "POST"])
def preferences(token: str):
    key, list_key = _read(token)
    if key is None:
        return render_template(
            "errors/error.html", status=404, title="We could not read this link", detail=list_key
        ), 404
    form = PreferencesForm()
    if form.validate_on_submit():
        subscriptions.set_preferences(
            key, list_key, set(request.form.getlist("lists")), form.everything_off.data
        )
        return redirect(url_for("outreach.preferences", token=token, saved=1))
    lists, everything_off = subscriptions.preferences_for(key, list_key)
    if request.method == "GET":
        form.everything_off.data = everything_off
    return render_template(
        "outreach/preferences.html", form=form, lists=lists, saved=request.args.get("saved"), token=token
    )
