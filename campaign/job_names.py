"""The jobs services may enqueue, by the dotted name RQ imports them by.

Services name their work here instead of importing ``campaign.jobs``: jobs call services, so a service
importing a job would make the arrows run back up. RQ resolves the name in the worker when it runs the
job. ``tests/unit/test_architecture.py`` checks that every name here is a function in ``campaign.jobs``.
"""

_JOBS = "campaign.jobs"

SEND_EMAIL = f"{_JOBS}.send_email"
SCAN_STORY = f"{_JOBS}.scan_story"
PROCESS_DELIVERY_EVENTS = f"{_JOBS}.process_delivery_events"
NOTIFY_SIGNERS_OF_MILESTONE = f"{_JOBS}.notify_signers_of_milestone"
DISPATCH_CAMPAIGN_BATCHES = f"{_JOBS}.dispatch_campaign_batches"
SEND_CAMPAIGN_BATCHES = f"{_JOBS}.send_campaign_batches"
SEND_CAMPAIGN_TEST = f"{_JOBS}.send_campaign_test"
