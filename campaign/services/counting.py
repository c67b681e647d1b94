"""Signature counts, rolled up in batches.

Confirming a signature touches only its own row. Every few seconds roll_up_counts() adds, per
petition, the signatures confirmed since that petition's last_counted_at (up to a cut-off a moment in
the past, so transactions still committing are caught next time). recount() repairs any drift with an
exact count. Both run under a Redis lock so two schedulers never add the same signatures twice."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from flask import current_app
from redis.exceptions import RedisError
from sqlalchemy import and_, func, or_, select

from ..extensions import db
from ..models import PaperBatch, Petition, PetitionState, Signature, SignatureState, utcnow
from ..queue import get_redis
from .regions import NATIONS, REGIONS, nation_of

log = logging.getLogger(__name__)
LOCK = "lock:signature-counts"
# Petitions whose counts still roll forward; a rejected or hidden petition keeps the count it had.
ROLLING = (PetitionState.OPEN, PetitionState.CLOSED)


def counted():
    return and_(Signature.state == SignatureState.VALIDATED, Signature.flagged.is_(False))


def _lock():
    return get_redis().lock(LOCK, timeout=300, blocking_timeout=30)


def roll_up_counts() -> dict[int, int]:
    """Add newly confirmed signatures to each petition's count. Returns {petition id: added}."""
    cutoff = utcnow() - timedelta(seconds=current_app.config["COUNT_SETTLE_SECONDS"])
    with _lock():
        rows = db.session.execute(
            select(Signature.petition_id, func.count())
            .join(Petition, Petition.id == Signature.petition_id)
            .where(counted(), Signature.validated_at <= cutoff, Petition.state.in_(ROLLING),
                   or_(Petition.last_counted_at.is_(None), Signature.validated_at > Petition.last_counted_at))
            .group_by(Signature.petition_id)
        ).all()
        added = {petition_id: count for petition_id, count in rows}
        for petition_id, count in added.items():
            petition = db.session.get(Petition, petition_id, with_for_update=True)
            petition.signature_count += count
        # Every open petition moves its mark forward, so the next pass scans only new confirmations.
        db.session.execute(
            Petition.__table__.update()
            .where(Petition.state.in_(ROLLING))
            .where(or_(Petition.last_counted_at.is_(None), Petition.last_counted_at < cutoff))
            .values(last_counted_at=cutoff))
        db.session.commit()
    if added:
        _forget_cached_counts()
        from .milestones import check_milestones

        for petition_id in added:
            check_milestones(db.session.get(Petition, petition_id))
    return added


def recount(petition_id: int | None = None) -> dict[int, tuple[int, int]]:
    """Exact counts, replacing the rolled-up ones. Returns {petition id: (old, new)} where they differed."""
    cutoff = utcnow() - timedelta(seconds=current_app.config["COUNT_SETTLE_SECONDS"])
    changed = {}
    with _lock():
        query = select(Petition).where(Petition.state.in_(PetitionState.PUBLIC))
        if petition_id is not None:
            query = select(Petition).where(Petition.id == petition_id)
        for petition in db.session.scalars(query.with_for_update()).all():
            exact = db.session.scalar(select(func.count()).select_from(Signature).where(
                Signature.petition_id == petition.id, counted(), Signature.validated_at <= cutoff))
            exact += db.session.scalar(select(func.coalesce(func.sum(PaperBatch.count), 0))
                                       .where(PaperBatch.petition_id == petition.id))
            if exact != petition.signature_count:
                changed[petition.id] = (petition.signature_count, exact)
                log.warning("Recount of petition %s: %s -> %s", petition.id, petition.signature_count, exact)
            petition.signature_count = exact
            petition.last_counted_at = cutoff
        db.session.commit()
    _forget_cached_counts()
    for changed_id in changed:
        from .milestones import check_milestones

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
            return json.loads(cached)
    except RedisError:
        cached = None
    rows = db.session.execute(
        select(Signature.region, func.count()).where(Signature.petition_id == petition.id, counted())
        .group_by(Signature.region)).all()
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
        "regions": [{"code": c, "name": REGIONS[c][0], "nation": REGIONS[c][1], "count": n}
                    for c, n in by_region.items()],
        "nations": [{"code": c, "name": NATIONS[c], "count": n} for c, n in by_nation.items()],
        "outside_uk": outside,
    }
    try:
        get_redis().set(_cache_key(petition.id), json.dumps(result), ex=max(ttl, 1))
    except RedisError:
        pass
    return result
