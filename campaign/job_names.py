"""The jobs services may enqueue, by the dotted name RQ imports them by, and the queue each job goes on.

Services name their work here instead of importing ``campaign.jobs``: jobs call services, so a service
importing a job would make the arrows run back up. RQ resolves the name in the worker when it runs the
job. ``tests/unit/test_architecture.py`` checks that every name here is a function in ``campaign.jobs``.

Three queues, served in this order by every ordinary worker, so that what someone is waiting for never
queues behind what may wait: a signer's confirmation email is not stuck behind a 100,000-recipient
campaign, and the public count is not stuck behind a backlog of email.

A fourth, SCAN, holds the automatic check of stories. It has workers of its own that serve nothing else,
and the ordinary workers never serve it: one story that is slow to check (a long text, a pathological one)
can then never hold up signing mail, password resets, counts or bulk sends.
"""

URGENT = "urgent"  # small periodic work the public sees: counts, sweeps, closing petitions
EMAIL = "email"  # one person waiting for one message: confirmations, password resets, receipts
BULK = "bulk"  # may wait: campaign sends, the official feed, retention
SCAN = "scan"  # the automatic check of a story, on workers of its own
QUEUE_KINDS = (URGENT, EMAIL, BULK, SCAN)  # every queue, most urgent first
WORKER_KINDS = (URGENT, EMAIL, BULK)  # what an ordinary worker serves
OWN_WORKERS = (SCAN,)  # queues each served by workers that serve nothing else

_JOBS = "campaign.jobs"

SEND_EMAIL = f"{_JOBS}.send_email"
SEND_PASSWORD_RESET = f"{_JOBS}.send_password_reset"
SCAN_STORY = f"{_JOBS}.scan_story"
PROCESS_DELIVERY_EVENTS = f"{_JOBS}.process_delivery_events"
NOTIFY_SIGNERS_OF_MILESTONE = f"{_JOBS}.notify_signers_of_milestone"
DISPATCH_CAMPAIGN_BATCHES = f"{_JOBS}.dispatch_campaign_batches"
SEND_CAMPAIGN_BATCHES = f"{_JOBS}.send_campaign_batches"
SEND_CAMPAIGN_TEST = f"{_JOBS}.send_campaign_test"

# Every job in campaign.jobs, by its function name: the queue it goes on (checked complete by the tests).
QUEUE_OF = {
    "send_email": EMAIL,
    "send_password_reset": EMAIL,  # someone is waiting at "check your email"
    "send_campaign_test": EMAIL,  # an organiser is waiting at the preview for it
    "sweep_pending": URGENT,
    "roll_up_signature_counts": URGENT,
    "close_expired_petitions": URGENT,
    "process_delivery_events": URGENT,  # bounces and complaints stop a campaign's next batches
    "dispatch_campaign_batches": URGENT,
    "scan_story": SCAN,
    "notify_signers_of_milestone": BULK,
    "send_campaign_batches": BULK,
    "recount_signatures": BULK,
    "refresh_official_petitions": BULK,
    "anonymise_signers": BULK,
    "purge_stories": BULK,
    "send_notification_digests": BULK,  # once a day; each person's digest is one queued email
}


def queue_of(dotted_name: str) -> str:
    """The queue kind for a job by its dotted name; anything not listed (a test's own job) goes on BULK."""
    module, _, name = dotted_name.rpartition(".")
    return QUEUE_OF.get(name, BULK) if module == _JOBS else BULK
