from flask import abort, g, make_response, render_template, request
from sqlalchemy import select

from ..extensions import db
from ..models import OutboxMessage
from ..web.loaders import load_or_404
from .blueprint import bp

LOOPBACK = {"127.0.0.1", "::1"}


@bp.before_request
def only_from_this_machine():
    # The outbox holds live password-reset links. Should a development server ever be exposed by mistake,
    # only the machine it runs on can read them.
    if request.remote_addr not in LOOPBACK:
        abort(404)
    g.no_store = True


@bp.get("/outbox")
def outbox():
    messages = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(200)).all()
    return render_template("dev/outbox.html", messages=messages)


@bp.get("/outbox/<public_id>")
def outbox_message(public_id: str):
    message = load_or_404(OutboxMessage, public_id=public_id)
    return render_template("dev/outbox_message.html", message=message)


@bp.get("/outbox/<public_id>/html")
def outbox_message_html(public_id: str):
    """The HTML part on its own, for the preview frame. Emails need inline styles, which the site's CSP
    forbids, so this one response gets a policy of its own: styles and images, never scripts."""
    message = load_or_404(OutboxMessage, public_id=public_id)
    response = make_response(message.html_body)
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'; sandbox"
    )
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response
