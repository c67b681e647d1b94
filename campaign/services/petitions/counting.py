"""Signature counts, rolled up in batches.

Confirming a signature touches only its own row. Every few seconds roll_up_counts() marks, per
petition, the confirmed signatures not yet counted and adds how many it marked, in one transaction
that holds the petition's row lock. Each row is counted exactly once whatever order transactions
commit in, and two roll-ups (or a roll-up and a recount) running together wait on the same lock
instead of adding the same rows twice. recount() replaces a count with an exact one (paper batches
included) and reports any drift."""

from __future__ import annotations

import json
import logging

from flask import current_app
from redis.exceptions import RedisError
from sqlalchemy import and_, func, select, update

from ...extensions import db, rowcount
from ...models import PaperBatch, Petition, PetitionState, Signature, SignatureState, utcnow
from ...queue import get_redis
from .milestones import check_milestones
from .regions import NATIONS, REGIONS, nation_of

log = logging.getLogger(__name__)
# Petitions whose counts still move; a rejected or hidden petition keeps the count it had.
ROLLING = PetitionState.COUNTING


def counted():
    """Signatures that count: confirmed and not flagged by a rate limit or blocklist."""
    return and_(Signature.state == SignatureState.VALIDATED, Signature.flagged.is_(False))


def _uncounted(petition_id: int):
    return and_(Signature.petition_id == petition_id, counted(), Signature.counted.is_(False))


def _lock_petition(petition_id: int) -> Petition | None:
    return db.session.scalar(select(Petition).where(Petition.id == petition_id).with_for_update())


def roll_up_counts() -> dict[int, int]:
    """Add newly confirmed signatures to each petition's count. Returns {petition id: added}."""
    waiting = db.session.scalars(
        select(Signature.petition_id)
        .join(Petition, Petition.id == Signature.petition_id)
        .where(counted(), Signature.counted.is_(False), Petition.state.in_(ROLLING))
        .distinct()
    ).all()
    db.session.commit()
    added = {}
    for petition_id in waiting:
        petition = _lock_petition(petition_id)
        if petition is None or petition.state not in ROLLING:
            db.session.rollback()
            continue
        marked = rowcount(
            db.session.execute(update(Signature).where(_uncounted(petition_id)).values(counted=True))
        )
        if marked:
            petition.signature_count += marked
            petition.last_counted_at = utcnow()
            added[petition_id] = marked
        db.session.commit()
    if added:
        _forget_cached_counts()
        for petition_id in added:
            check_milestones(db.session.get(Petition, petition_id))
    return added


def recount(petition_id: int | None = None) -> dict[int, tuple[int, int]]:
    """Exact counts, replacing the rolled-up ones, one petition per short transaction.
    Returns {petition id: (old, new)} where they differed."""
    if petition_id is None:
        ids = db.session.scalars(select(Petition.id).where(Petition.state.in_(PetitionState.PUBLIC))).all()
    else:
        ids = [petition_id]
    db.session.commit()
    changed = {}
    for pid in ids:
        petition = _lock_petition(pid)
        if petition is None:
            db.session.rollback()
            continue
        db.session.execute(update(Signature).where(_uncounted(pid)).values(counted=True))
        exact = db.session.scalar(
            select(func.count()).select_from(Signature).where(Signature.petition_id == pid, counted())
        )
        exact += db.session.scalar(
            select(func.coalesce(func.sum(PaperBatch.count), 0)).where(PaperBatch.petition_id == pid)
        )
        if exact != petition.signature_count:
            changed[pid] = (petition.signature_count, exact)
            log.info("Recount of petition %s: %s -> %s", pid, petition.signature_count, exact)
        petition.signature_count = exact
        petition.last_counted_at = utcnow()
        db.session.commit()
    _forget_cached_counts()
    if changed:
        for changed_id in changed:
            check_milestones(db.session.get(Petition, changed_id))
    return changed


def _cache_key(petition_id: int) -> str:
    return f"cache:regions:{petition_id}"


def _forget_cached_counts() -> None:
    try:
        redis = get_redis()
        keys = list(redis.scan_iter("cache:regions:*", count=1000))
        if keys:
            redis.delete(*keys)
    except RedisError:
        pass


def signatures_by_region(petition: Petition) -> dict:
    """Confirmed signatures by region and by nation, cached for the roll-up interval."""
    ttl = current_app.config["COUNT_ROLLUP_INTERVAL"]
    try:
        cached = get_redis().get(_cache_key(petition.id))
        if cached:
            return json.loads(cached)  # type: ignore[arg-type]  # a sync client: bytes, not an awaitable
    except RedisError:
        cached = None
    rows = db.session.execute(
        select(Signature.region, func.count())
        .where(Signature.petition_id == petition.id, counted())
        .group_by(Signature.region)
    ).all()
    by_region = {code: 0 for code in REGIONS}
    outside = 0
    for region, count in rows:
        if region in by_region:
            by_region[region] += count
        else:
            outside += count
    by_nation = {code: 0 for code in NATIONS}
    for code, count in by_region.items():
        by_nation[nation_of(code)] += count
    result = {
        "regions": [
            {"code": c, "name": REGIONS[c][0], "nation": REGIONS[c][1], "count": n}
            for c, n in by_region.items()
        ],
        "nations": [{"code": c, "name": NATIONS[c], "count": n} for c, n in by_nation.items()],
        "outside_uk": outside,
    }
    try:
        get_redis().set(_cache_key(petition.id), json.dumps(result), ex=max(ttl, 1))
    except RedisError:
        pass
    return result
