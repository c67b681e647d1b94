import re

from flask import abort, g, make_response, render_template, request
from markupsafe import Markup, escape
from sqlalchemy import select

from ..extensions import db
from ..models import OutboxMessage
from ..web.loaders import load_or_404
from .blueprint import bp

LOOPBACK = {"127.0.0.1", "::1"}

# What the preview frame may do: open a link the reader clicks, in a new tab that is an ordinary page (the
# pages an email links to refuse to be framed, so opening them inside the frame only showed a broken one).
# Never scripts, forms or same-origin access: the HTML is what a template produced from people's input.
PREVIEW_SANDBOX = "allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
_LINKS_OPEN_OUTSIDE = '<base target="_blank">'
_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")
_SEPARATOR = re.compile(r"(?<=[/?&=.\-_~])")
_RUN = 24  # a long token (a signed link's) may also break every so many characters


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


def text_with_links(text: str) -> Markup:
    """The plain-text part with its addresses as links, each allowed to wrap (<wbr>) so a 300-character
    confirmation link fits a phone's width instead of pushing the page sideways."""
    parts: list[Markup] = []
    last = 0
    for found in _URL.finditer(text):
        parts.append(escape(text[last : found.start()]))
        url = found.group(0)
        pieces = [run[i : i + _RUN] for run in _SEPARATOR.split(url) for i in range(0, len(run), _RUN)]
        label = Markup("<wbr>").join(escape(piece) for piece in pieces)
        parts.append(Markup('<a href="{}">{}</a>').format(url, label))
        last = found.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


@bp.get("/outbox/<public_id>")
def outbox_message(public_id: str):
    message = load_or_404(OutboxMessage, public_id=public_id)
    return render_template(
        "dev/outbox_message.html",
        message=message,
        text=text_with_links(message.text_body),
        sandbox=PREVIEW_SANDBOX,
    )


def _links_open_outside(html: str) -> str:
    """The email's HTML with a <base target> in its head, so every link opens as a page of its own."""
    head = re.search(r"<head(\s[^>]*)?>", html, re.I)
    if head:
        return html[: head.end()] + _LINKS_OPEN_OUTSIDE + html[head.end() :]
    return _LINKS_OPEN_OUTSIDE + html


@bp.get("/outbox/<public_id>/html")
def outbox_message_html(public_id: str):
    """The HTML part on its own, for the preview frame. Emails need inline styles, which the site's CSP
    forbids, so this one response gets a policy of its own: styles and images, never scripts."""
    message = load_or_404(OutboxMessage, public_id=public_id)
    response = make_response(_links_open_outside(message.html_body))
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'self'; "
        f"sandbox {PREVIEW_SANDBOX}"
    )
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response
