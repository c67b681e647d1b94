"""Periodic jobs run once however many schedulers are started: two real `worker.py --cron` processes and
one worker against one Redis. One holds the scheduler lock and enqueues; the other stands by. Killed
without a word (SIGKILL: its host gone), the leader's lock lapses and the stand-by takes over, and each
periodic run is still enqueued, and run, once.

What counts: Redis's MONITOR sees every push of the roll-up job onto its queue (whoever made it), and the
worker's log says each time it ran it. A second scheduler enqueuing too would push the same run again
within the second both tick in, so no two pushes may be closer than half the job's interval."""

from __future__ import annotations

import os
import signal
import threading

import pytest
from redis import Redis

from campaign.embedded import EmbeddedRedis
from campaign.liveness import processes
from tests.conftest import _environ, migrated_database
from tests.functional.test_background_work import _kill_group, _output, _said, _spawn
from tests.support.waiting import wait_for

INTERVAL = 4  # COUNT_ROLLUP_INTERVAL: the roll-up falls due every 4 s
JOB_ID = "periodic-roll_up_signature_counts"
QUEUE = f"cluster-{os.getpid()}"
RAN = "DEBUG campaign.jobs [job=periodic-roll_up_signature_counts] roll_up_signature_counts: "


@pytest.fixture(scope="module")
def database(postgres_admin_url, tmp_path_factory):
    return migrated_database(postgres_admin_url, "campaign_test_schedulers", tmp_path_factory.mktemp("m"))


class Pushes:
    """Every push of the roll-up job onto a queue, with Redis's own clock, seen through MONITOR."""

    def __init__(self, url: str):
        self.times: list[float] = []
        self.monitor = Redis.from_url(url).monitor()
        self.monitor.__enter__()
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        try:
            while True:
                command = self.monitor.next_command()
                words = command["command"]
                if (
                    words.upper().startswith(("RPUSH ", "LPUSH "))
                    and " rq:queue:" in words
                    and JOB_ID in words
                ):
                    self.times.append(command["time"])
        except Exception:
            return  # the connection closed at the end of the test

    def close(self) -> None:
        self.monitor.connection.disconnect()


def _runs(worker) -> int:
    return sum(1 for line in list(worker.lines) if RAN in line)


def _leader(redis: Redis) -> int | None:
    holder = redis.get(f"{QUEUE}:scheduler-lock")
    for process in processes(redis, QUEUE, 1):
        if holder and process["name"] == holder.decode() and process["kind"] == "scheduler":
            return process["pid"]
    return None


def _assert_once_each(times: list[float]) -> None:
    gaps = [round(b - a, 2) for a, b in zip(times, times[1:], strict=False)]
    assert all(gap >= INTERVAL / 2 for gap in gaps), f"one run was enqueued twice: gaps {gaps} s"


def test_two_schedulers_enqueue_each_periodic_run_once_and_the_stand_by_takes_over(database, tmp_path):
    redis_server = EmbeddedRedis(tmp_path / "redis").start()
    redis = Redis.from_url(redis_server.url)
    environ = _environ(
        database,
        redis_server.url,
        tmp_path,
        QUEUE_NAME=QUEUE,
        COUNT_ROLLUP_INTERVAL=str(INTERVAL),
        HEARTBEAT_INTERVAL="1",
        SCHEDULER_LOCK_SECONDS="5",  # the stand-by takes over 5 s after the leader dies, not 30
        LOG_LEVEL="INFO",
        LOG_LEVELS="campaign.jobs=DEBUG",  # the roll-up says it ran even when it counted nothing
    )
    pushes = Pushes(redis_server.url)
    started = []
    try:
        worker = _spawn(["--no-fork"], environ)
        started.append(worker)
        schedulers = {}
        for _ in range(2):
            process = _spawn(["--cron"], environ)
            started.append(process)
            schedulers[process.pid] = process
        wait_for(lambda: _runs(worker) >= 3, 60, "the roll-up to run three times")
        first = wait_for(lambda: _leader(redis), 10, "a scheduler to hold the lock")
        [standby] = [pid for pid in schedulers if pid != first]
        assert schedulers[first].poll() is None and schedulers[standby].poll() is None
        assert _said(schedulers[first], "is the one enqueuing periodic jobs")
        assert not _said(schedulers[standby], "is the one enqueuing periodic jobs")
        assert len(pushes.times) >= 3
        _assert_once_each(pushes.times)
        before = len(pushes.times)

        _kill_group(schedulers[first], signal.SIGKILL)  # no release of the lock: it must lapse
        schedulers[first].wait(10)
        wait_for(lambda: _leader(redis) == standby, 60, "the stand-by to take the lock over")
        wait_for(lambda: len(pushes.times) >= before + 2, 60, "two runs enqueued by the new leader")
        wait_for(lambda: _runs(worker) >= len(pushes.times), 30, "the worker to run them")
        assert _said(schedulers[standby], "is the one enqueuing periodic jobs")
        _assert_once_each(pushes.times)
        assert _runs(worker) == len(pushes.times)  # each push ran once, and nothing ran unpushed
        print(
            f"\n[cluster] roll-up pushes {len(pushes.times)}, runs {_runs(worker)}, leader {first} -> {standby}"
        )
    finally:
        pushes.close()
        for process in started:
            if process.poll() is None:
                _output(process)
            else:
                _kill_group(process, signal.SIGKILL)
        redis.close()
        redis_server.stop()
