import logging

from flask import current_app, request

from ..extensions import csrf, limiter
from ..mail import MalformedEvents, WebhookRejected, verify_delivery_webhook
from ..payments import SIGNATURE_HEADER as STRIPE_SIGNATURE_HEADER
from ..payments import WebhookRejected as StripeWebhookRejected
from ..services.donations import events as donation_events
from ..services.outreach.delivery_events import store_events
from .blueprint import bp

log = logging.getLogger(__name__)

# SendGrid posts a batch every 30 seconds or when it reaches 768 KB, whichever comes first.
MAX_BODY_BYTES = 1024 * 1024


@bp.post("/sendgrid")
@csrf.exempt
@limiter.exempt
def sendgrid_events():
    request.max_content_length = MAX_BODY_BYTES  # a larger body is a 413 before it is read
    # The exact bytes SendGrid signed, read before anything parses them.
    raw_body = request.get_data(cache=False)
    try:
        verify_delivery_webhook(request.headers, raw_body, current_app.config)
    except WebhookRejected as rejected:
        log.warning("SendGrid event post refused: %s", rejected)
        return {"error": f"Not accepted: {rejected}.", "status": 403}, 403
    try:
        stored = store_events(raw_body)
    except MalformedEvents as malformed:
        return {"error": f"Not accepted: {malformed}.", "status": 400}, 400
    return {"stored": stored}, 200


@bp.post("/stripe")
@csrf.exempt
@limiter.exempt
def stripe_events():
    """Stripe retries anything but a 2xx for three days, so a refused post answers 400 and a failure while
    processing answers 500 (and is rolled back) to have it sent again."""
    request.max_content_length = MAX_BODY_BYTES
    raw_body = request.get_data(cache=False)
    try:
        outcome = donation_events.receive(raw_body, request.headers.get(STRIPE_SIGNATURE_HEADER, ""))
    except StripeWebhookRejected as rejected:
        log.warning("Stripe webhook post refused: %s", rejected)
        return {"error": f"Not accepted: {rejected}.", "status": 400}, 400
    except donation_events.MalformedEvent as malformed:
        return {"error": f"Not accepted: {malformed}.", "status": 400}, 400
    return {"received": True, "outcome": outcome}, 200
