"""The automatic check: the scanner run over a story's current words, its findings stored for the
moderator (keeping their decisions on details that are still there), as a job after submission and
again whenever the text changes. A sweep re-enqueues checks whose job Redis lost.

A check that keeps failing (an error, or running past STORY_SCAN_TIMEOUT) is not tried for ever: after
STORY_SCAN_ATTEMPTS runs the story goes to the moderators marked "check failed", to be read without it."""

from __future__ import annotations

import logging
from collections import Counter

from flask import current_app
from sqlalchemy import select, update

from ... import job_names as jobs
from ...extensions import db
from ...models import Story, StoryFinding, StoryState, utcnow
from ...queue import enqueue, job_is_live
from ...scanner import scan
from .storyteller import move, scan_job_id

log = logging.getLogger(__name__)

CHECK_FAILED_NOTE = "The automatic check could not finish; read this story yourself for identifying details"


def apply_scan(story: Story) -> int:
    """Replace the findings with what the scanner finds in the current words, keeping moderators' decisions
    to keep a detail that is still there. Returns how many are undecided."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    occurrences: Counter = Counter()
    for text in (story.title, story.pen_name, story.body):
        for finding in scan(text):
            key = (finding.kind, finding.match[:300])
            found.setdefault(key, (finding.label[:200], finding.suggestion[:120]))
            occurrences[key] += 1
    existing = {(f.kind, f.match): f for f in story.findings}
    for key, stale in existing.items():
        if key not in found:
            story.findings.remove(stale)
    for key, (label, suggestion) in found.items():
        row = existing.get(key)
        if row is None:
            row = StoryFinding(kind=key[0], match=key[1], label=label, suggestion=suggestion)
            story.findings.append(row)
        row.occurrences = occurrences[key]
    story.scanned_hash = story.current_hash
    story.scanned_at = utcnow()
    return sum(1 for f in story.findings if f.decision is None)


def run_scan(story_id: int) -> str:
    """The job after submission. Idempotent: a story already past the check is left alone.

    Each run is counted (committed before the scan starts, so a run that dies with its process counts
    too). A run that fails is raised for RQ to retry, except the last allowed one: then, and at the start
    of a run past the limit, the story goes to the moderators marked as not checked."""
    story = db.session.get(Story, story_id)
    if story is None or story.state != StoryState.SUBMITTED:
        return "not waiting"
    limit = current_app.config["STORY_SCAN_ATTEMPTS"]
    if story.scan_attempts >= limit:
        return _check_failed(story_id, f"{story.scan_attempts} runs did not finish")
    db.session.execute(
        update(Story).where(Story.id == story_id).values(scan_attempts=Story.scan_attempts + 1)
    )
    db.session.commit()
    attempt = story.scan_attempts
    try:
        undecided = apply_scan(story)
    except Exception as error:  # JobTimeoutException too: RQ raises it inside the job
        db.session.rollback()
        if attempt < limit:
            raise
        log.warning("The check of story %s failed %s times, the last with %r", story_id, attempt, error)
        return _check_failed(story_id, f"{type(error).__name__} on run {attempt} of {limit}")
    move(
        story,
        StoryState.IN_REVIEW,
        "scanned",
        actor_label="system",
        reason=f"{undecided} possible identifying detail{'s' if undecided != 1 else ''} found",
    )
    db.session.commit()
    return f"{undecided} findings"


def _check_failed(story_id: int, why: str) -> str:
    """Hand the story to the moderators unchecked, saying so; the sweeper then leaves it alone."""
    story = db.session.get(Story, story_id, with_for_update=True)
    if story is None or story.state != StoryState.SUBMITTED:
        return "not waiting"
    story.scan_failed_at = utcnow()
    move(
        story,
        StoryState.IN_REVIEW,
        "check_failed",
        actor_label="system",
        reason=f"{CHECK_FAILED_NOTE} ({why})",
    )
    db.session.commit()
    return "check failed"


def sweep_story_scans() -> int:
    """Re-enqueue the check for stories whose job was lost (Redis was down when they were submitted)."""
    handed = 0
    for story_id in db.session.scalars(select(Story.id).where(Story.state == StoryState.SUBMITTED)):
        job_id = scan_job_id(story_id)
        if not job_is_live(job_id) and enqueue(jobs.SCAN_STORY, story_id, job_id=job_id) is not None:
            handed += 1
    return handed
