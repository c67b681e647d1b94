"""`make run`: everything needed to try the platform on one machine, in one command.

Starts this checkout's embedded Redis (a Unix socket in the instance folder, so two checkouts never share
one) and the local stand-in for Stripe, migrates the SQLite database, loads the demo, then runs the web
server, a worker and the periodic-job scheduler together. Ctrl-C stops all of them. Any DATABASE_URL / REDIS_URL already set is used
instead of the embedded defaults.

Each process runs in a session of its own, so the terminal's Ctrl-C reaches this runner alone, which then
stops them one by one. Letting it reach gunicorn's workers as well as their master left a worker
deadlocked (its SIGINT handler interrupted by the master's SIGQUIT), orphaned and holding the port.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .dev import stripe_standin
from .embedded import EmbeddedRedis, MissingDevDependency, port_open, wait_for_ports
from .settings import dev_redis_socket

ROOT = Path(__file__).resolve().parent.parent
STOP_TIMEOUT = 15  # seconds each process gets to finish what it is doing before it is killed


class Stopping(Exception):
    """Ctrl-C, SIGTERM or the terminal closing: stop everything."""


def stop_on_signal(signum, frame):
    raise Stopping


def start(commands: list[tuple[str, list[str]]], env: dict, processes: list) -> None:
    """Start each (name, argv) in a session of its own, out of reach of the terminal's signals, adding it to
    ``processes`` at once (so Ctrl-C half-way through still stops those already started)."""
    for name, argv in commands:
        processes.append((name, subprocess.Popen(argv, env=env, start_new_session=True)))


def stop(processes: list[tuple[str, subprocess.Popen]], timeout: float = STOP_TIMEOUT) -> None:
    """Stop each process and everything it started, in the order given: SIGTERM to its process group, a
    wait, then SIGKILL to whatever of the group is left (a gunicorn worker its master left behind too)."""
    for name, process in processes:
        # One started without a session of its own (the Stripe stand-in's launcher) is signalled alone:
        # its group is this runner's.
        kill = os.killpg if _leads_group(process.pid) else os.kill
        _signal(kill, process.pid, signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            print(f"The {name} did not stop within {timeout} s: killing it.", file=sys.stderr)
        if kill is os.killpg:
            deadline = time.monotonic() + 2
            while _signal(kill, process.pid, 0) and time.monotonic() < deadline:
                time.sleep(0.05)
        _signal(kill, process.pid, signal.SIGKILL)
        process.wait()


def _leads_group(pid: int) -> bool:
    try:
        return os.getpgid(pid) == pid
    except ProcessLookupError:
        return True  # ended already; whatever it left in its group (if it had one) still goes


def _signal(kill, target: int, signum: int) -> bool:
    """Signal ``target`` (a process, or with os.killpg a process group); whether anything was there."""
    try:
        kill(target, signum)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def start_stripe_standin(env: dict[str, str]) -> tuple[dict[str, str], subprocess.Popen | None]:
    """The local stand-in for Stripe (campaign/dev/stripe_standin), so donating can be tried end to end,
    unless a real STRIPE_SECRET_KEY is set. Returns the settings to add to the environment of every
    process started after it (web, worker, scheduler, seed-demo) and its process, to stop with the rest.
    Raises stripe_standin.ProductionRefused when APP_ENV=production."""
    if env.get("STRIPE_SECRET_KEY"):
        return {}, None
    settings, process = stripe_standin.launch(env)
    print(f"Started the Stripe stand-in on {settings['STRIPE_API_BASE']} (no real payments).")
    return settings, process


def wait_for_an_end(processes: list[tuple[str, subprocess.Popen]]) -> int:
    """Until Ctrl-C (Stopping) or one of them ends by itself, which stops the rest: returns 1 then."""
    while all(p.poll() is None for _, p in processes):
        time.sleep(0.5)
    ended = ", ".join(
        f"the {name} (exit status {p.returncode})" for name, p in processes if p.poll() is not None
    )
    print(f"Stopped unexpectedly: {ended}; stopping the rest.", file=sys.stderr)
    return 1


def run_step(name: str, argv: list[str], env: dict, running: list) -> None:
    """A set-up step, in its own session like the rest, so Ctrl-C during it goes through ``stop``."""
    start([(name, argv)], env, running)
    code = running[-1][1].wait()
    running.pop()
    if code != 0:
        raise RuntimeError(f"Set-up step failed: {' '.join(argv[3:])} (exit status {code})")


def own_redis(instance: Path) -> EmbeddedRedis | None:
    """Start the embedded Redis of the checkout whose instance folder is ``instance``; None when one an
    earlier `make run` there started still answers (it is shared, and left running)."""
    redis = EmbeddedRedis(instance / "redis", unix_socket=dev_redis_socket(instance))
    if redis.answers():
        print(f"Using this checkout's Redis, already running at {redis.url}.")
        return None
    try:
        redis.start()
    except BaseException:  # Ctrl-C while it starts included
        redis.stop()
        raise
    print(f"Started this checkout's embedded Redis at {redis.url}.")
    return redis


def main() -> int:
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop_on_signal)
    env = dict(os.environ)
    env.setdefault("APP_ENV", "development")
    instance = Path(env.get("INSTANCE_PATH") or ROOT / "instance").absolute()
    env["INSTANCE_PATH"] = str(instance)
    host = env.get("HOST", "127.0.0.1")
    port = int(env.get("PORT", "5000"))
    env.setdefault("BASE_URL", f"http://{host}:{port}")
    if port_open(port, host):
        print(f"Port {port} is already in use. Stop what is using it, or run with PORT=5001 make run.")
        return 1

    flask = [sys.executable, "-m", "flask", "--app", "campaign"]
    worker = [sys.executable, str(ROOT / "worker.py")]
    web = [sys.executable, "-m", "gunicorn", "--bind", f"{host}:{port}", "--workers", "2", "--threads", "4"]
    # No control socket: gunicorn puts it at one path in the home folder, shared by every checkout.
    web += ["--no-control-socket", "--access-logfile", "-", "campaign.wsgi:app"]
    redis = None
    processes: list[tuple[str, subprocess.Popen]] = []
    try:
        if not env.get("REDIS_URL"):
            # Not put in the environment: the processes find it as a `flask` command typed here would.
            redis = own_redis(instance)
        standin_env, standin = start_stripe_standin(env)
        env.update(standin_env)
        processes += [("Stripe stand-in", standin)] if standin else []
        run_step("migration", flask + ["db", "upgrade"], env, processes)
        run_step("demo loader", flask + ["seed-demo"], env, processes)
        # Stopped in this order: the web server first, so nothing enqueues work the worker would miss.
        start([("web server", web), ("worker", worker), ("scheduler", worker + ["--cron"])], env, processes)
        if wait_for_ports([port], [p for _, p in processes], host=host):
            print(f"\n  Support Not Separation is running at {env['BASE_URL']}/")
            print(f"  Emails arrive in the development outbox: {env['BASE_URL']}/dev/outbox")
            print("  Sign in as organiser@example.org / care-not-separation-1 (more in README.md).")
            print("  Press Ctrl-C to stop the web server, worker, scheduler and Redis.\n")
        return wait_for_an_end(processes)
    except Stopping:
        print("\nStopping...")
        return 0
    except (MissingDevDependency, RuntimeError) as error:  # stripe_standin.ProductionRefused included
        print(error, file=sys.stderr)
        return 1
    finally:
        # A second Ctrl-C must not cut the stopping short and leave processes behind.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        stop(processes)
        if redis:
            redis.stop()


if __name__ == "__main__":
    sys.exit(main())
