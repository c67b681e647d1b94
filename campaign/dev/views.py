from flask import abort, render_template
from sqlalchemy import select

from ..extensions import db
from ..models import OutboxMessage
from . import bp


@bp.get("/outbox")
def outbox():
    messages = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(200)).all()
    return render_template("dev/outbox.html", messages=messages)


@bp.get("/outbox/<public_id>")
def outbox_message(public_id: str):
    message = db.session.scalar(select(OutboxMessage).where(OutboxMessage.public_id == public_id))
    if message is None:
        abort(404)
    return render_template("dev/outbox_message.html", message=message)
