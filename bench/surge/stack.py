"""The production-like stack the surge benchmark runs against, started and stopped by it.

PostgreSQL (DATABASE_URL, else an embedded server in .test-services/bench-surge/) and Redis (REDIS_URL,
else an embedded one), the database migrated and the demo content seeded; then the SendGrid stand-in,
gunicorn serving bench.surge.wsgi:app, ``python worker.py`` processes and one ``python worker.py --cron``,
all with APP_ENV=production settings. Each process's output goes to a log file in a temporary folder,
kept (and named) when something fails.

Every process is started by id in a session of its own, and stopped by that id (its process group only
when it will not stop)."""

from __future__ import annotations

import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from flask import Flask

from campaign.cluster import Site, check_nginx_config, local_nginx_config, nginx_command
from campaign.embedded import EmbeddedPostgres, EmbeddedRedis, free_port, port_open

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / ".test-services" / "bench-surge"
DATABASE = "campaign_surge"
# The public origin: what BASE_URL says and what the bench, standing in for the TLS-terminating proxy,
# tells the app in X-Forwarded-Host / X-Forwarded-Proto. Emailed links point here; the bench maps them
# back to gunicorn's address.
PUBLIC_HOST = "surge.bench.invalid"
SIGNER_DOMAIN = "surge.bench.example"
PETITION_SLUG = "changes-to-children-act-1989"
MACHINE = "the whole machine"  # a CPU snapshot's busy time of every process, the bench's or not  # the demo petition: open, with stories, regions, milestones

# Settings changed from what production would run with, each with why; printed with every run.
RELAXED = {
    "PROXY_HOPS": (
        "0 (1 behind the README's TLS proxy)",
        "1",
        "the bench is the proxy: every signer journey and every reader request comes from its own "
        "X-Forwarded-For address in 10.0.0.0/8, so the per-address limits below stay as they are and are "
        "never reached",
    ),
    "SIGN_LIMIT_PER_DOMAIN": (
        "500 per SIGN_LIMIT_WINDOW",
        "1000000000",
        f"every synthetic signer's address is @{SIGNER_DOMAIN} (real surges come mostly from the big "
        "providers the limit exempts); otherwise signatures past the 500th are flagged and never counted",
    ),
}
# Limits left exactly as production has them, and why the synthetic signers do not reach them.
UNCHANGED = [
    "Flask-Limiter 120/min per address on the sign POST and on the confirm POST, 240/min on "
    "/petitions/<slug>.json: one address per journey, one per reader request",
    "SIGN_LIMIT_PER_IP (20 per SIGN_LIMIT_WINDOW, flagged not refused): one address per journey",
    f"BLOCKED_EMAIL_DOMAINS: {SIGNER_DOMAIN} is not among them",
    "one signature per email per petition: every journey signs with a fresh name, email and postcode",
]


@dataclass
class Started:
    name: str
    group: str
    process: subprocess.Popen
    log: Path


@dataclass
class Stack:
    web_workers: int
    web_threads: int
    workers: int
    worker_args: list[str]
    sendgrid_delay: float
    keep_logs: bool = False
    temp: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="bench-surge-")))
    started: list[Started] = field(default_factory=list)
    env: dict = field(default_factory=dict)
    port: int = 0
    sendgrid_port: int = 0
    app: Flask | None = None
    petition_id: int = 0
    pg: EmbeddedPostgres | None = None
    redis: EmbeddedRedis | None = None
    external: list[str] = field(default_factory=list)
    failed: bool = False
    stand_in: subprocess.Popen | None = None
    # --cluster: a second gunicorn instance, and nginx in front of both, once without its cache and once
    # with it (deploy/nginx/campaign.conf.template, as `make cluster` and production render it).
    cluster: bool = False
    second_port: int = 0
    nginx_port: int = 0
    nginx_cached_port: int = 0

    # -- starting ---------------------------------------------------------------------------------------

    def start(self) -> Stack:
        runtime = SERVICES / "run"
        runtime.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
        (self.temp / "logs").mkdir(parents=True, exist_ok=True)
        database_url, redis_url = self._services()
        sendgrid = self._spawn(
            "SendGrid stand-in",
            "stand-in",
            [sys.executable, "-m", "bench.surge.fake_sendgrid", "--delay", str(self.sendgrid_delay)],
            stdout=subprocess.PIPE,
        )
        self.stand_in = sendgrid.process
        ready = sendgrid.process.stdout.readline().split()
        if not ready or ready[0] != b"READY":
            raise RuntimeError(f"the SendGrid stand-in did not start; see {sendgrid.log}")
        self.sendgrid_port = int(ready[1])
        self.port = free_port()
        self.env = {
            **os.environ,
            "APP_ENV": "production",
            "SECRET_KEY": secrets.token_hex(32),
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "INSTANCE_PATH": str(self.temp / "instance"),
            "BASE_URL": f"https://{PUBLIC_HOST}",
            "MAIL_BACKEND": "sendgrid",
            "SENDGRID_API_KEY": "SG.surge-bench-not-a-real-key",
            "SENDGRID_API_HOST": f"http://127.0.0.1:{self.sendgrid_port}",
            # Nothing leaves the machine: the official-petition refresh would ask the stand-in (a 404).
            "PARLIAMENT_PETITIONS_URL": f"http://127.0.0.1:{self.sendgrid_port}",
            # Nobody submits a story here: the pools' workers are the signing workers only, so the
            # readiness count and the workers' CPU compare with the runs before the scan queue existed.
            "WORKER_SCAN_PROCESSES": "0",
            **{name: bench for name, (_, bench, _) in RELAXED.items()},
        }
        self._migrate_and_seed()
        self._gunicorn("gunicorn", self.port)
        if self.cluster:
            self.second_port = free_port()
            self._gunicorn("gunicorn 2", self.second_port)
        for i in range(self.workers):
            self._spawn(
                f"worker {i + 1}", "workers", [sys.executable, str(ROOT / "worker.py"), *self.worker_args]
            )
        self._spawn("scheduler", "scheduler", [sys.executable, str(ROOT / "worker.py"), "--cron"])
        if self.cluster:
            self.nginx_port = self._nginx("nginx", cache=False)
            self.nginx_cached_port = self._nginx("nginx cached", cache=True)
        self._wait_ready()
        return self

    def _gunicorn(self, name: str, port: int) -> None:
        self._spawn(
            name,
            "web (gunicorn)",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(self.web_workers),
                "--threads",
                str(self.web_threads),
                "bench.surge.wsgi:app",
            ],
        )

    def _nginx(self, name: str, cache: bool) -> int:
        """nginx in front of both instances; returns its port. It trusts the bench's X-Forwarded-For (the
        bench stands in for a load balancer in front of nginx), so every journey keeps its own address."""
        port = free_port()
        folder = self.temp / name.replace(" ", "-")
        site = Site(
            upstreams=[f"127.0.0.1:{self.port}", f"127.0.0.1:{self.second_port}"],
            listen=[f"127.0.0.1:{port}"],
            cache_path=folder / "cache",
            cache_seconds=self.app.config["COUNT_ROLLUP_INTERVAL"],
            cache=cache,
            access_log=str(self.temp / "logs" / f"{folder.name}-access.log"),
            trusted_proxies=("127.0.0.1",),
        )
        config = local_nginx_config(folder, site)
        check_nginx_config(config)
        self._spawn(name, "nginx", nginx_command(config))
        return port

    def _services(self) -> tuple[str, str]:
        database_url = os.environ.get("DATABASE_URL")
        redis_url = os.environ.get("REDIS_URL")
        if database_url:
            self.external.append("postgres")
        else:
            import psycopg

            self.pg = pg = EmbeddedPostgres(SERVICES / "postgres").start()
            with psycopg.connect(pg.server.get_uri("postgres"), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{DATABASE}"')
            database_url = pg.url(DATABASE)
        if redis_url:
            self.external.append("redis")
        else:
            # Data in the run's own folder: a fresh Redis each run (no rate-limit windows left over).
            self.redis = EmbeddedRedis(self.temp / "redis").start()
            redis_url = self.redis.url
        return database_url, redis_url

    def _migrate_and_seed(self) -> None:
        from flask_migrate import upgrade
        from sqlalchemy import select

        from campaign import create_app
        from campaign.demo.seed import seed_demo
        from campaign.extensions import db
        from campaign.models import Petition

        # The bench's own app (counting signatures, reading settings) logs warnings only.
        self.app = app = create_app(environ={**self.env, "LOG_LEVEL": "WARNING"})
        with app.app_context():
            upgrade()
            seed_demo()
            self.petition_id = db.session.scalar(select(Petition.id).where(Petition.slug == PETITION_SLUG))
            db.session.remove()

    def _spawn(self, name: str, group: str, argv: list[str], stdout=None) -> Started:
        log = self.temp / "logs" / (name.replace(" ", "-").lower() + ".log")
        handle = log.open("wb")
        process = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=self.env or None,
            stdin=subprocess.DEVNULL,
            stdout=stdout or handle,
            stderr=handle,
            start_new_session=True,  # Ctrl-C reaches the bench only, which stops everything in order
        )
        handle.close()
        started = Started(name, group, process, log)
        self.started.append(started)
        return started

    def _wait_ready(self, timeout: float = 180) -> None:
        from redis import Redis
        from rq import Worker

        deadline = time.monotonic() + timeout
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/bench/trivial",
            headers={"X-Forwarded-For": "10.255.255.254", "X-Forwarded-Proto": "https"},
        )
        redis = Redis.from_url(self.env["REDIS_URL"])
        web = False
        while time.monotonic() < deadline:
            for s in self.started:
                if s.process.poll() is not None:
                    raise RuntimeError(f"{s.name} exited with {s.process.returncode}; see {s.log}")
            if not web:
                try:
                    with urllib.request.urlopen(request, timeout=2) as response:
                        web = response.status == 200
                except OSError:
                    pass
            others = [p for p in (self.second_port, self.nginx_port, self.nginx_cached_port) if p]
            if web and Worker.count(connection=redis) >= self.workers and all(map(port_open, others)):
                redis.close()
                return
            time.sleep(0.2)
        redis.close()
        raise RuntimeError(f"the stack was not ready after {timeout:.0f} s; logs in {self.temp / 'logs'}")

    # -- measuring --------------------------------------------------------------------------------------

    def groups(self) -> dict[str, list[int]]:
        """Root process ids of each process group; their descendants (gunicorn's workers, work horses,
        PostgreSQL's backends) are counted with them."""
        found: dict[str, list[int]] = {}
        for s in self.started:
            found.setdefault(s.group, []).append(s.process.pid)
        ordered: dict[str, list[int]] = {
            g: found[g] for g in ("nginx", "web (gunicorn)", "workers", "scheduler") if g in found
        }
        if self.pg is not None:
            ordered["postgres"] = [self.pg.server.get_pid()]
        if self.redis is not None:
            ordered["redis"] = [self.redis.process.pid]
        ordered["stand-in"] = found.get("stand-in", [])
        return ordered

    def cpu_snapshot(self) -> dict[str, float | None]:
        """CPU seconds (user + system) each group has used so far, reaped children included."""
        snapshot: dict[str, float | None] = {name: None for name in self.external}
        for group, pids in self.groups().items():
            snapshot[group] = sum(_tree_cpu(pid) for pid in pids)
        me = psutil.Process().cpu_times()
        snapshot["generator (this process)"] = me.user + me.system
        snapshot[MACHINE] = _machine_busy()
        return snapshot

    def queue_length(self) -> int:
        """Jobs waiting on every queue (-1 if Redis would not say)."""
        from campaign import queue

        try:
            if hasattr(queue, "queued_jobs"):
                return queue.queued_jobs(self.app)
            return queue.get_queue(self.app).count  # older code: one queue
        except Exception:  # noqa: BLE001  a figure for the report, never a reason to stop
            return -1

    # -- stopping ---------------------------------------------------------------------------------------

    def stop(self) -> None:
        for s in reversed(self.started):
            if s.process.poll() is None:
                # gunicorn's quick shutdown (SIGTERM would wait out its keep-alive connections); the RQ
                # processes' warm one, finishing the job in hand.
                s.process.send_signal(signal.SIGINT if s.group == "web (gunicorn)" else signal.SIGTERM)
        for s in reversed(self.started):
            try:
                s.process.wait(20)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(s.process.pid, signal.SIGKILL)  # its own session: its process group is its id
                except ProcessLookupError:
                    pass
                s.process.wait(5)
            if s.process.stdout:
                s.process.stdout.close()
        if self.app is not None:
            from campaign.extensions import db

            with self.app.app_context():
                db.engine.dispose()
        if self.redis is not None:
            self.redis.stop()
        if self.pg is not None:
            self.pg.stop()
        if self.failed or self.keep_logs:
            print(f"Logs kept in {self.temp / 'logs'}")
        else:
            shutil.rmtree(self.temp, ignore_errors=True)

    def describe(self) -> str:
        args = " ".join(shlex.quote(a) for a in self.worker_args)
        processes = self.app.config.get("WORKER_PROCESSES") if self.app else None
        return (
            ("2 instances (the first alone for the direct runs), each " if self.cluster else "")
            + f"gunicorn {self.web_workers} workers x {self.web_threads} threads, {self.workers} x "
            f"`python worker.py{' ' + args if args else ''}`"
            + (f" (WORKER_PROCESSES={processes} each, unless --no-fork)" if processes else "")
            + ", 1 x `python worker.py --cron`, "
            f"SendGrid stand-in answering after {self.sendgrid_delay:g} s"
            + (
                "; nginx (1 worker process) in front of both, without and with its cache"
                if self.cluster
                else ""
            )
        )


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent busy (guest time is inside user time already)."""
    t = psutil.cpu_times()
    return sum(
        getattr(t, name) for name in t._fields if name not in ("idle", "iowait", "guest", "guest_nice")
    )


def _tree_cpu(pid: int) -> float:
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for process in processes:
        try:
            t = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total
