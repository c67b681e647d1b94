"""`make run` stopped with Ctrl-C, as a terminal does it: SIGINT to the whole foreground process group.
Before the runner started its children in sessions of their own, a gunicorn worker was left behind in two
tries of three, deadlocked and holding the port, so the next `make run` refused to start."""

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import psutil

from campaign.embedded import free_port, port_open, socket_answers
from campaign.settings import dev_redis_socket
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
# One try: the race it caught (2 of 6 tries on the old runner) needs many to show, so the cause, children
# sharing the terminal's process group, is checked directly as well.
TRIES = 1


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def _browse(base: str) -> None:
    """A few pages, so each gunicorn worker has started threads (the deadlock needed some)."""
    for path in ("/", "/petitions/", "/stories/", "/healthz", "/"):
        assert _answers(base + path), path


def _listening_ports(processes: list[psutil.Process]) -> set[int]:
    ports = set()
    for process in processes:
        try:
            ports |= {c.laddr.port for c in process.net_connections("inet") if c.status == psutil.CONN_LISTEN}
        except psutil.NoSuchProcess:
            pass
    return ports


def _gone(process: psutil.Process) -> bool:
    try:
        return process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_ctrl_c_stops_every_process_and_frees_every_port(tmp_path_factory):
    # A short folder: the Redis socket lives in it, and Unix socket paths are limited to about 100 bytes.
    instance = tmp_path_factory.mktemp("devstack")
    for attempt in range(1, TRIES + 1):
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.endswith(("REDIS_URL", "DATABASE_URL"))}
        env.update(APP_ENV="development", INSTANCE_PATH=str(instance), PORT=str(port))
        log = open(instance / f"run-{attempt}.log", "w")  # noqa: SIM115  # closed below, after the run
        # Its own process group, like a shell's foreground job.
        runner = subprocess.Popen(
            [sys.executable, "-m", "campaign.devstack"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            process_group=0,
        )
        children: list[psutil.Process] = []
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(lambda: _answers(base + "/healthz"), 180, f"the site to answer (try {attempt})")  # noqa: B023
            _browse(base)
            children = psutil.Process(runner.pid).children(recursive=True)
            ports = _listening_ports(children)
            assert port in ports
            assert socket_answers(dev_redis_socket(instance))
            # Each child leads a session (and group) of its own, so the terminal's Ctrl-C reaches only the runner.
            shared = [c.pid for c in psutil.Process(runner.pid).children() if os.getpgid(c.pid) == runner.pid]
            assert shared == [], f"children in the terminal's process group: {shared}"

            os.killpg(runner.pid, signal.SIGINT)

            assert runner.wait(60) == 0
            wait_for(lambda: all(_gone(c) for c in children), 10, f"every child to end (try {attempt})")  # noqa: B023
            assert [p for p in ports if port_open(p)] == [], f"try {attempt}: ports still taken"
            assert not socket_answers(dev_redis_socket(instance))
        finally:
            if runner.poll() is None:
                os.killpg(runner.pid, signal.SIGKILL)
                runner.wait()
            for child in children:
                if not _gone(child):
                    child.kill()  # never leave a failed try's processes behind the test
            log.close()
        assert "Stopping..." in (instance / f"run-{attempt}.log").read_text()
