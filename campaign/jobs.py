"""RQ job functions. Thin: each loads what it needs by id and calls a service. They run inside the
worker's app context (see campaign.workers)."""

from .services.emails import deliver_email, sweep_pending_emails


def send_email(email_id: int) -> str:
    return deliver_email(email_id)


def sweep_pending() -> dict:
    return {"emails": sweep_pending_emails()}
