"""`make run`: everything needed to try the platform on one machine, in one command.

Starts an embedded Redis, migrates the SQLite database, loads the demo, then runs the web server,
a worker and the periodic-job scheduler together. Ctrl-C stops all of them.
Any DATABASE_URL / REDIS_URL already set is used instead of the embedded defaults.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .dev import stripe_standin
from .embedded import EmbeddedRedis, MissingDevDependency, port_open
from .settings import DEV_REDIS_URL

ROOT = Path(__file__).resolve().parent.parent


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


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


def main() -> int:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    env = dict(os.environ)
    env.setdefault("APP_ENV", "development")
    instance = Path(env.get("INSTANCE_PATH") or ROOT / "instance")
    host = env.get("HOST", "127.0.0.1")
    port = int(env.get("PORT", "5000"))
    env.setdefault("BASE_URL", f"http://{host}:{port}")

    redis = None
    if not env.get("REDIS_URL"):
        redis_port = int(DEV_REDIS_URL.rsplit(":", 1)[1].split("/")[0])
        if port_open(redis_port):
            print(f"Using the Redis already listening on 127.0.0.1:{redis_port}.")
        else:
            try:
                redis = EmbeddedRedis(instance / "redis", port=redis_port).start()
            except MissingDevDependency as error:
                print(error, file=sys.stderr)
                return 1
            print(f"Started embedded Redis on 127.0.0.1:{redis_port}.")
        env["REDIS_URL"] = DEV_REDIS_URL
    if port_open(port, host):
        print(f"Port {port} is already in use. Stop what is using it, or run with PORT=5001 make run.")
        return 1

    flask = [sys.executable, "-m", "flask", "--app", "campaign"]
    processes: list[subprocess.Popen] = []
    try:
        standin_env, standin = start_stripe_standin(env)
        env.update(standin_env)
        processes += [standin] if standin else []
        subprocess.run(flask + ["db", "upgrade"], env=env, check=True)
        subprocess.run(flask + ["seed-demo"], env=env, check=True)
        processes.append(subprocess.Popen([sys.executable, str(ROOT / "worker.py")], env=env))
        processes.append(subprocess.Popen([sys.executable, str(ROOT / "worker.py"), "--cron"], env=env))
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--bind",
                    f"{host}:{port}",
                    "--workers",
                    "2",
                    "--threads",
                    "4",
                    "--access-logfile",
                    "-",
                    "campaign.wsgi:app",
                ],
                env=env,
            )
        )
        deadline = time.monotonic() + 30
        while not port_open(port, host) and time.monotonic() < deadline:
            time.sleep(0.2)
        print(f"\n  Support Not Separation is running at {env['BASE_URL']}/")
        print(f"  Emails arrive in the development outbox: {env['BASE_URL']}/dev/outbox")
        print("  Sign in as organiser@example.org / care-not-separation-1 (more in README.md).")
        print("  Press Ctrl-C to stop the web server, worker, scheduler and Redis.\n")
        while all(p.poll() is None for p in processes):
            try:
                # Wakes at once if the web server exits; checks the rest twice a second.
                processes[0].wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                pass
        print("A process stopped unexpectedly; shutting the rest down.")
        return 1
    except KeyboardInterrupt:
        print("\nStopping...")
        return 0
    except stripe_standin.ProductionRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"Set-up step failed: {' '.join(error.cmd[3:])}")
        return 1
    finally:
        for p in processes:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in processes:
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
        if redis:
            redis.stop()


if __name__ == "__main__":
    sys.exit(main())
