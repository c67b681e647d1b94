"""Heartbeats of the background processes (workers, the scheduler), kept in Redis, and who is alive.

Each process beats from a thread of its own every few seconds, busy or not, so a monitor can tell a
worker that is running a long job from one that was killed: a process whose last beat is older than three
intervals is reported lost (until an hour has passed, when it is forgotten). A process that stops cleanly
removes itself."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)
FORGET_AFTER = 3600
# Redis gone or not answering: waited out. Other Redis errors (a refused command) are not an outage.
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)


def _index(prefix: str) -> str:
    return f"{prefix}:liveness"


def _key(prefix: str, name: str) -> str:
    return f"{prefix}:liveness:{name}"


@dataclass
class Heartbeat:
    """One process's heartbeat. ``state`` and ``job`` are read by the beating thread: set them freely."""

    redis: Redis
    prefix: str
    kind: str  # "worker" or "scheduler"
    queues: tuple[str, ...] = ()
    interval: float = 5.0
    name: str = field(default_factory=lambda: f"{socket.gethostname()}.{os.getpid()}.{os.urandom(3).hex()}")
    state: str = "starting"
    job: str = ""
    # Told when a beat fails or succeeds again, so the process's log says when Redis went and came back
    # even while RQ's own loop is doing the waiting.
    outage: RedisOutage | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def beat(self) -> None:
        now = time.time()
        key = _key(self.prefix, self.name)
        pipe = self.redis.pipeline(transaction=False)
        pipe.hset(
            key,
            mapping={
                "kind": self.kind,
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "queues": ",".join(self.queues),
                "state": self.state,
                "job": self.job,
                "beat": now,
            },
        )
        pipe.expire(key, FORGET_AFTER)
        pipe.zadd(_index(self.prefix), {self.name: now})
        pipe.execute()

    def start(self) -> Heartbeat:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{self.kind}", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.beat()
            except OUTAGE_ERRORS as error:
                if self.outage:
                    self.outage.down(error)
            except RedisError:
                pass  # a refused command: the process's own loop reports it
            else:
                if self.outage:
                    self.outage.up()
            self._stop.wait(self.interval)

    def stop(self) -> None:
        """Stop beating and remove this process from the report: it ended on purpose."""
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=self.interval + 1)
        try:
            pipe = self.redis.pipeline(transaction=False)
            pipe.delete(_key(self.prefix, self.name))
            pipe.zrem(_index(self.prefix), self.name)
            pipe.execute()
        except RedisError:
            pass  # forgotten after an hour anyway


def processes(redis: Redis, prefix: str, interval: float) -> list[dict]:
    """Every process that beat in the last hour: what it said last, how long ago, and whether it is alive.
    Raises RedisError."""
    now = time.time()
    index = _index(prefix)
    redis.zremrangebyscore(index, "-inf", now - FORGET_AFTER)
    names = [text_of(n) for n in redis.zrange(index, 0, -1)]  # type: ignore[union-attr]  # sync client
    pipe = redis.pipeline(transaction=False)
    for name in names:
        pipe.hgetall(_key(prefix, name))
    found = []
    for name, fields in zip(names, pipe.execute(), strict=True):
        fields = {text_of(k): text_of(v) for k, v in fields.items()}
        if not fields:
            continue
        age = max(0.0, now - float(fields.get("beat") or 0))
        found.append(
            {
                "name": name,
                "kind": fields.get("kind", ""),
                "host": fields.get("host", ""),
                "pid": int(fields.get("pid") or 0),
                "queues": [q for q in fields.get("queues", "").split(",") if q],
                "state": fields.get("state", ""),
                "job": fields.get("job", ""),
                "last_seen_seconds": round(age, 1),
                "alive": age <= 3 * interval,
            }
        )
    return found


def text_of(value) -> str:
    if value is None:
        return ""
    return value.decode() if isinstance(value, bytes) else str(value)


class RedisOutage:
    """Tells the log once when Redis goes away and once when it is back, however long it stays away, and
    waits for it with back-off. RQ's own repeated "could not connect" lines are folded into these."""

    def __init__(self, redis: Redis, who: str, max_wait: float = 15.0):
        self.redis = redis
        self.who = who
        self.max_wait = max_wait
        self.since: float | None = None

    def down(self, error: BaseException) -> None:
        if self.since is None:
            self.since = time.monotonic()
            log.error("%s: Redis is unreachable (%s); waiting for it to come back", self.who, error)

    def up(self) -> None:
        if self.since is not None:
            log.warning(
                "%s: Redis is back after %.0f s; carrying on", self.who, time.monotonic() - self.since
            )
            self.since = None

    def reachable(self) -> bool:
        try:
            self.redis.ping()
        except RedisError as error:
            self.down(error)
            return False
        self.up()
        return True

    def wait(self, stopping: Callable[[], bool] = lambda: False) -> bool:
        """Wait until Redis answers (True), or until ``stopping()`` says to give up (False)."""
        delay = 0.5
        while not self.reachable():
            if stopping():
                return False
            time.sleep(delay)
            delay = min(delay * 2, self.max_wait)
        return True
