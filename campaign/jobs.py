"""RQ job functions. Thin: each loads what it needs by id and calls a service. They run inside the
worker's app context (see campaign.workers)."""

from .services.emails import deliver_email, sweep_pending_emails


def send_email(email_id: int) -> str:
    return deliver_email(email_id)


def sweep_pending() -> dict:
    from .services.outreach.delivery_events import sweep_delivery_events
    from .services.petitions.milestones import sweep_milestone_updates
    from .services.stories.moderation import sweep_story_scans

    return {"emails": sweep_pending_emails(), "milestone_updates": sweep_milestone_updates(),
            "story_scans": sweep_story_scans(), "delivery_events": sweep_delivery_events()}


def process_delivery_events() -> int:
    from .services.outreach.delivery_events import process_events

    return process_events()


def scan_story(story_id: int) -> str:
    from .services.stories.moderation import run_scan

    return run_scan(story_id)


def purge_stories() -> dict:
    from .services.stories.retention import purge_stories as purge

    return purge()


def roll_up_signature_counts() -> dict:
    from .services.petitions.counting import roll_up_counts

    return {"added": roll_up_counts()}


def recount_signatures() -> dict:
    from .services.petitions.counting import recount

    return {"changed": recount()}


def close_expired_petitions() -> int:
    from .services.petitions.lifecycle import close_expired_petitions as close

    return close()


def notify_signers_of_milestone(petition_id: int, threshold: int) -> int:
    from .services.petitions.milestones import email_signers_about_milestone

    return email_signers_about_milestone(petition_id, threshold)


def refresh_official_petitions() -> dict:
    from .services.petitions.official import refresh_all_official

    return refresh_all_official()


def anonymise_signers() -> dict:
    from .services.emails import purge_old_emails
    from .services.outreach.sending import purge_campaign_data
    from .services.petitions.signature_admin import anonymise_ended_petitions

    return {"petitions": anonymise_ended_petitions(), "emails_purged": purge_old_emails(),
            "campaign_data": purge_campaign_data()}


def dispatch_campaign_batches() -> dict:
    from .services.outreach.sending import dispatch

    return dispatch()


def send_campaign_batches(batch_ids: list[int]) -> dict:
    from .services.outreach.sending import send_batches

    return send_batches(batch_ids)


def send_campaign_test(campaign_id: int, addresses: list[str]) -> str:
    from .services.outreach.sending import send_test

    return send_test(campaign_id, addresses)
