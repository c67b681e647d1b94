"""The automatic check: the scanner run over a story's current words, its findings stored for the
moderator (keeping their decisions on details that are still there), as a job after submission and
again whenever the text changes. A sweep re-enqueues checks whose job Redis lost."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from ... import job_names as jobs
from ...extensions import db
from ...models import Story, StoryFinding, StoryState, utcnow
from ...queue import enqueue, job_is_live
from ...scanner import scan
from .storyteller import move, scan_job_id


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
    """The job after submission. Idempotent: a story already past the check is left alone."""
    story = db.session.get(Story, story_id)
    if story is None or story.state != StoryState.SUBMITTED:
        return "not waiting"
    undecided = apply_scan(story)
    move(
        story,
        StoryState.IN_REVIEW,
        "scanned",
        actor_label="system",
        reason=f"{undecided} possible identifying detail{'s' if undecided != 1 else ''} found",
    )
    db.session.commit()
    return f"{undecided} findings"


def sweep_story_scans() -> int:
    """Re-enqueue the check for stories whose job was lost (Redis was down when they were submitted)."""
    handed = 0
    for story_id in db.session.scalars(select(Story.id).where(Story.state == StoryState.SUBMITTED)):
        job_id = scan_job_id(story_id)
        if not job_is_live(job_id) and enqueue(jobs.SCAN_STORY, story_id, job_id=job_id) is not None:
            handed += 1
    return handed
