"""What every visitor sees the same, kept in Redis for a few seconds: a public petition's page as people
without a session see it, its sign form (without the form token) and its JSON.

An entry is made again after ``PUBLIC_CACHE_SECONDS`` (by one request, while the others still get it),
is never served past a time its maker names (such as a petition's deadline), and every entry is dropped
as soon as a transaction that changed anything those pages show commits: a petition (its wording, state
or rolled-up count), its updates, the stories behind it, the name of the person or organisation that
started it, or a rejection reason. So an edit shows at once, and a count is never later than the roll-up
that made it; the cache time bounds only changes made behind the application's back.

All entries sit in one Redis hash with a generation mark. Dropping them is one transaction that deletes
the hash and starts a new generation; an entry is stored only if the generation it was read under is
still current, so a page rendered from rows read before an edit cannot be stored after that edit's drop.
If Redis is unreachable nothing is cached and every request renders as it always did.
"""

from __future__ import annotations

import logging
import secrets
import time
from itertools import chain

from flask import current_app, has_app_context
from redis.exceptions import RedisError
from sqlalchemy import event, inspect
from sqlalchemy.orm import InstanceState, ORMExecuteState, Session

from ..models import Organisation, Petition, PetitionUpdate, RejectionReason, Story, User
from ..queue import get_redis

log = logging.getLogger(__name__)

HASH_KEY = "cache:public"
_GENERATION = "_gen"
_CHANGED = "campaign_public_cache_changed"
# Whatever changes in these rows may show on a cached page (User and Organisation only by name).
_WATCHED = (Petition, PetitionUpdate, Story, RejectionReason)
_WATCHED_NAMES = (User, Organisation)
# How long the other requests are answered with an expired entry while one request makes it again.
REFRESH_SECONDS = 5

# Stores an entry only under the generation its reader saw ('' when there was none yet: the first store
# starts one, unless a drop has started one meanwhile).
_STORE = """
local gen = redis.call('HGET', KEYS[1], '_gen')
if not gen then
  if ARGV[1] ~= '' then return 0 end
  gen = ARGV[4]
  redis.call('HSET', KEYS[1], '_gen', gen)
elseif gen ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[2], gen .. '|' .. ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('DEL', KEYS[2])
return 1
"""


class Lookup:
    """One look in the cache: the body if there was a fresh one, and the generation it was read under
    (what ``store`` needs)."""

    __slots__ = ("field", "body", "generation")

    def __init__(self, field: str, body: bytes | None, generation: bytes | None):
        self.field = field
        self.body = body
        self.generation = generation


def _seconds() -> int:
    return current_app.config["PUBLIC_CACHE_SECONDS"]


def lookup(kind: str, key: str) -> Lookup | None:
    """The cached ``kind`` for ``key``. None when caching is off or Redis cannot be reached (then do not
    store either); otherwise a Lookup whose ``body`` is None on a miss.

    Once an entry is older than PUBLIC_CACHE_SECONDS, the first request to find it gets a miss and makes
    it again, while the others are answered with it meanwhile (for at most REFRESH_SECONDS), instead of
    every request in flight rendering the same page at once. A change in what it shows is never served
    stale: that drops the entry outright."""
    if _seconds() <= 0:
        return None
    field = f"{kind}:{key}"
    try:
        entry, generation = get_redis().hmget(HASH_KEY, [field, _GENERATION])  # type: ignore[misc]
    except RedisError as error:
        log.warning("Page cache unavailable: %s", error)
        return None
    body = None
    if entry is not None and generation is not None:
        entry_generation, fresh_until, hard_until, rest = entry.split(b"|", 3)
        now = time.time()
        if entry_generation == generation and now < float(hard_until):
            if now < float(fresh_until) or not _claim_refresh(field):
                body = rest
    return Lookup(field, body, generation)


def _claim_refresh(field: str) -> bool:
    """Whether this request is the one to make a stale entry again."""
    try:
        return bool(get_redis().set(f"{HASH_KEY}:refresh:{field}", 1, nx=True, ex=REFRESH_SECONDS))
    except RedisError:
        return True


def store(found: Lookup | None, body: bytes, until: float | None = None) -> None:
    """Keep ``body`` for the key ``found`` was looked up under, for PUBLIC_CACHE_SECONDS; never serve it
    after the epoch time ``until``, if given. Not stored if something it shows changed since the lookup."""
    if found is None:
        return
    seconds = _seconds()
    hard_until = until if until is not None else float("inf")
    fresh_until = min(time.time() + seconds, hard_until)
    try:
        get_redis().eval(
            _STORE,
            2,
            HASH_KEY,
            f"{HASH_KEY}:refresh:{found.field}",
            found.generation or b"",
            found.field,
            f"{fresh_until:.3f}|{hard_until:.3f}|".encode() + body,
            secrets.token_hex(8),
            max(seconds * 10, 60),
        )
    except RedisError as error:
        log.warning("Page cache unavailable: %s", error)


def forget_all() -> None:
    """Drop every entry now, and refuse any store prepared before this."""
    try:
        pipe = get_redis().pipeline(transaction=True)
        pipe.delete(HASH_KEY)
        pipe.hset(HASH_KEY, _GENERATION, secrets.token_hex(8))
        pipe.expire(HASH_KEY, max(_seconds() * 10, 60))
        pipe.execute()
    except RedisError as error:
        # Entries still expire after PUBLIC_CACHE_SECONDS.
        log.warning("Page cache could not be cleared: %s", error)


def _name_changed(obj: object) -> bool:
    state: InstanceState = inspect(obj)
    return state.attrs.name.history.has_changes()


@event.listens_for(Session, "before_flush")
def _note_changes(session: Session, flush_context, instances) -> None:
    if _CHANGED in session.info:
        return
    if (
        any(isinstance(obj, _WATCHED) for obj in chain(session.new, session.dirty))
        or any(isinstance(obj, _WATCHED + _WATCHED_NAMES) for obj in session.deleted)
        or any(isinstance(obj, _WATCHED_NAMES) and _name_changed(obj) for obj in session.dirty)
    ):
        session.info[_CHANGED] = True


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_changes(state: ORMExecuteState) -> None:
    """INSERT, UPDATE and DELETE statements bypass the flush: one on a watched table (or a table with no
    mapped class, such as the stories-petitions link) counts as a change."""
    if not (state.is_update or state.is_delete or state.is_insert) or _CHANGED in state.session.info:
        return
    mapper = state.bind_mapper
    if mapper is None or issubclass(mapper.class_, _WATCHED + _WATCHED_NAMES):
        state.session.info[_CHANGED] = True


@event.listens_for(Session, "after_commit")
def _forget_after_commit(session: Session) -> None:
    if session.info.pop(_CHANGED, False) and has_app_context():
        forget_all()


@event.listens_for(Session, "after_transaction_end")
def _drop_note(session: Session, transaction) -> None:
    # The outermost transaction ended without a commit taking the note: it rolled back, nothing changed.
    if transaction.parent is None:
        session.info.pop(_CHANGED, None)
