"""RQ job functions. Thin: each loads what it needs by id and calls a service. They run inside the
worker's app context (see campaign.workers). Services enqueue them by the names in campaign.job_names.

The periodic ones (campaign.scheduler) log what they did at INFO, and at DEBUG when they found nothing to do:
a sweep every few seconds would otherwise fill the terminal of `make run` with lines saying nothing."""

import logging
from typing import Any, TypeVar

from .services.accounts.users import send_password_reset as email_reset_link
from .services.emails import deliver_email, purge_old_emails, sweep_pending_emails
from .services.notifications import send_digests
from .services.outreach import delivery_events, sending
from .services.petitions import counting, lifecycle, milestones, official, signature_admin
from .services.stories import checking, retention

log = logging.getLogger(__name__)
Result = TypeVar("Result")


def _did_something(result: Any) -> bool:
    if isinstance(result, dict):
        return any(_did_something(value) for value in result.values())
    if isinstance(result, list | tuple | set):
        return any(_did_something(value) for value in result)
    return bool(result)


def _report(name: str, result: Result) -> Result:
    log.log(logging.INFO if _did_something(result) else logging.DEBUG, "%s: %s", name, result)
    return result


def send_email(email_id: int) -> str:
    return deliver_email(email_id)


def send_password_reset(email: str) -> bool:
    return email_reset_link(email)


def sweep_pending() -> dict:
    return _report(
        "sweep_pending",
        {
            "emails": sweep_pending_emails(),
            "milestone_updates": milestones.sweep_milestone_updates(),
            "story_scans": checking.sweep_story_scans(),
            "delivery_events": delivery_events.sweep_delivery_events(),
        },
    )


def process_delivery_events() -> int:
    return delivery_events.process_events()


def scan_story(story_id: int) -> str:
    return checking.run_scan(story_id)


def purge_stories() -> dict:
    return _report("purge_stories", retention.purge_stories())


def roll_up_signature_counts() -> dict:
    return _report("roll_up_signature_counts", {"added": counting.roll_up_counts()})


def recount_signatures() -> dict:
    return _report("recount_signatures", {"changed": counting.recount()})


def close_expired_petitions() -> int:
    return _report("close_expired_petitions", lifecycle.close_expired_petitions())


def notify_signers_of_milestone(petition_id: int, threshold: int) -> int:
    return milestones.email_signers_about_milestone(petition_id, threshold)


def refresh_official_petitions() -> dict:
    return _report("refresh_official_petitions", official.refresh_all_official())


def anonymise_signers() -> dict:
    return _report(
        "anonymise_signers",
        {
            "petitions": signature_admin.anonymise_ended_petitions(),
            "emails_purged": purge_old_emails(),
            "campaign_data": sending.purge_campaign_data(),
        },
    )


def dispatch_campaign_batches() -> dict:
    return _report("dispatch_campaign_batches", sending.dispatch())


def send_campaign_batches(batch_ids: list[int]) -> dict:
    return sending.send_batches(batch_ids)


def send_campaign_test(campaign_id: int, addresses: list[str], person: dict | None = None) -> str:
    return sending.send_test(campaign_id, addresses, person)


def send_notification_digests() -> int:
    return _report("send_notification_digests", send_digests())
