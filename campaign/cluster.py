"""`make cluster`: the platform as it runs on several hosts, on this one machine, all on loopback.

    make cluster                                  (or: .venv/bin/python -m campaign.cluster)
    python -m campaign.cluster nginx-config --upstream 10.0.0.11:8000 --upstream 10.0.0.12:8000 ...

PostgreSQL (DATABASE_URL, else an embedded server in instance/cluster/postgres) and Redis (REDIS_URL, else
an embedded one on a loopback port), migrated and seeded with the demo; two gunicorn instances on two
ports, each on its own as if on its own host; the workers as separate processes, one per kind of queue with
settings of its own (urgent and email; bulk; the story check); the scheduler; Debian's nginx in front,
balancing the two and caching the public pages, its config rendered from deploy/nginx/campaign.conf.template
into instance/cluster/nginx/ and run as a child with every path of its own there (no root paths). Ctrl-C
stops them all, in order, as `make run` does (campaign/devstack.py's start and stop).

``nginx-config`` prints the site file for real hosts from the same template (deploy/README.md).
"""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .devstack import (
    STOP_TIMEOUT,
    Stopping,
    run_step,
    start,
    start_stripe_standin,
    stop,
    stop_on_signal,
    wait_for_an_end,
)
from .embedded import (
    EmbeddedPostgres,
    EmbeddedRedis,
    MissingDevDependency,
    free_port,
    port_open,
    wait_for_ports,
)

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx" / "campaign.conf.template"
DATABASE = "campaign_cluster"
# An instance out of 3 failures in 10 s is left out for 10 s (passive health checks).
UPSTREAM_OPTIONS = "max_fails=3 fail_timeout=10s"


class NginxMissing(RuntimeError):
    """Debian's nginx is not installed: scripts/ensure-nginx installs it."""


def nginx_binary() -> str:
    found = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(found):
        raise NginxMissing("nginx is not installed: run scripts/ensure-nginx (apt-get install nginx).")
    return found


@dataclass
class Site:
    """What the template needs: the instances, where nginx listens, the cache and how long it keeps."""

    upstreams: list[str]
    listen: list[str]
    cache_path: Path | str
    cache_seconds: int = 2  # COUNT_ROLLUP_INTERVAL
    cache: bool = True
    server_name: str = "_"
    access_log: str = "/var/log/nginx/campaign.access.log"
    trusted_proxies: tuple[str, ...] = ()  # a load balancer or the bench in front: its X-Forwarded-For
    tls: str | None = None  # a folder holding fullchain.pem and privkey.pem (certbot's layout)

    def render(self) -> str:
        upstreams = "".join(f"    server {u} {UPSTREAM_OPTIONS};\n" for u in self.upstreams).rstrip("\n")
        listen = [f"    listen {address};" for address in self.listen]
        extra = ""
        if self.tls:
            listen = [f"    listen {address} ssl http2;" for address in self.listen]
            listen += [
                f"    ssl_certificate {self.tls}/fullchain.pem;",
                f"    ssl_certificate_key {self.tls}/privkey.pem;",
                "    ssl_protocols TLSv1.2 TLSv1.3;",
            ]
            extra = (
                "\n# Plain http only redirects (HSTS, sent by the app, keeps browsers on https after).\n"
                f"server {{\n    listen 80;\n    server_name {self.server_name};\n"
                "    return 301 https://$host$request_uri;\n}\n"
            )
        real_ip = ""
        if self.trusted_proxies:
            real_ip = "".join(f"    set_real_ip_from {p};\n" for p in self.trusted_proxies) + (
                "    real_ip_header X-Forwarded-For;\n    real_ip_recursive on;"
            )
        values = {
            "UPSTREAMS": upstreams,
            "CACHE_PATH": str(self.cache_path),
            "CACHE_SECONDS": str(self.cache_seconds),
            "CACHE": "campaign_public" if self.cache else "off",
            "LISTEN": "\n".join(listen),
            "SERVER_NAME": self.server_name,
            "REAL_IP": real_ip,
            "ACCESS_LOG": self.access_log,
            "EXTRA": extra,
        }
        text = TEMPLATE.read_text(encoding="utf-8")
        for name, value in values.items():
            text = text.replace(f"@@{name}@@", value)
        return text


def local_nginx_config(directory: Path, site: Site) -> Path:
    """A whole nginx.conf for running nginx as a child process with every path under ``directory``:
    the site from the template, plus the main context Debian's /etc/nginx/nginx.conf would give."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (directory / "temp" / name).mkdir(parents=True, exist_ok=True)
    (directory / "site.conf").write_text(site.render(), encoding="utf-8")
    # Started by root, nginx's workers would otherwise become `nobody`, who cannot reach the checkout.
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    temp = directory / "temp"
    config = directory / "nginx.conf"
    config.write_text(
        f"""# Rendered by campaign/cluster.py for a local run; the site itself is site.conf.
{user}daemon off;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    keepalive_timeout 65s;
    include {directory}/site.conf;
}}
""",
        encoding="utf-8",
    )
    return config


def nginx_command(config: Path) -> list[str]:
    # -e: nginx opens its error log before reading the config; the default is a root path.
    return [nginx_binary(), "-e", str(config.parent / "error.log"), "-c", str(config)]


def check_nginx_config(config: Path) -> None:
    found = subprocess.run(nginx_command(config) + ["-t", "-q"], capture_output=True, text=True)
    if found.returncode != 0:
        raise RuntimeError(f"nginx refused {config}: {found.stderr.strip()}")


def _services(env: dict, base: Path) -> tuple[list, str, str]:
    """Running (PostgreSQL, Redis) to stop at the end, and their URLs: DATABASE_URL / REDIS_URL when set."""
    started: list = []
    database_url = env.get("DATABASE_URL")
    if not database_url:
        import psycopg

        os.environ.setdefault("XDG_RUNTIME_DIR", str(base))
        pg = EmbeddedPostgres(base / "postgres").start()
        started.append(pg)
        with psycopg.connect(pg.server.get_uri("postgres"), autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone():
                conn.execute(f'CREATE DATABASE "{DATABASE}"')
        database_url = pg.url(DATABASE)
        print(f"Started PostgreSQL (embedded) for the cluster: {database_url}")
    redis_url = env.get("REDIS_URL")
    if not redis_url:
        redis = EmbeddedRedis(base / "redis").start()
        started.append(redis)
        redis_url = redis.url
        print(f"Started Redis (embedded) for the cluster: {redis_url}")
    return started, database_url, redis_url


def run(port: int, web_workers: int, web_threads: int) -> int:
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop_on_signal)
    env = dict(os.environ)
    # development: http on loopback and the outbox for email are what production refuses (settings.py);
    # everything else (PostgreSQL, Redis, PROXY_HOPS=1, two instances) is as on real hosts.
    env.setdefault("APP_ENV", "development")
    instance = Path(env.get("INSTANCE_PATH") or ROOT / "instance").absolute()
    env["INSTANCE_PATH"] = str(instance)
    base = instance / "cluster"
    base.mkdir(parents=True, exist_ok=True)
    env.setdefault("BASE_URL", f"http://127.0.0.1:{port}")
    env["PROXY_HOPS"] = "1"  # nginx, and only nginx, is in front of the instances
    if port_open(port):
        print(f"Port {port} is already in use. Stop what is using it, or run with PORT=8081 make cluster.")
        return 1
    web_ports = [free_port(), free_port()]
    python = sys.executable
    worker = [python, str(ROOT / "worker.py")]
    flask = [python, "-m", "flask", "--app", "campaign"]
    services: list = []
    processes: list[tuple[str, subprocess.Popen]] = []
    try:
        site = Site(
            upstreams=[f"127.0.0.1:{p}" for p in web_ports],
            listen=[f"127.0.0.1:{port}"],
            cache_path=base / "nginx" / "cache",
            cache_seconds=int(env.get("COUNT_ROLLUP_INTERVAL") or 2),
            access_log="/dev/stdout",
        )
        config = local_nginx_config(base / "nginx", site)
        check_nginx_config(config)
        services, env["DATABASE_URL"], env["REDIS_URL"] = _services(env, base)
        standin_env, standin = start_stripe_standin(env)
        env.update(standin_env)
        processes += [("Stripe stand-in", standin)] if standin else []
        run_step("migration", flask + ["db", "upgrade"], env, processes)
        run_step("demo loader", flask + ["seed-demo"], env, processes)
        gunicorn = [python, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")]
        gunicorn += ["--workers", str(web_workers), "--threads", str(web_threads)]
        # Each kind of worker with settings of its own, as on hosts of their own (deploy/README.md).
        ordinary = {**env, "WORKER_SCAN_PROCESSES": "0", "WORKER_PROCESSES": "1"}
        commands = [
            ("nginx", nginx_command(config)),
            *[(f"web {i + 1}", gunicorn + ["--bind", f"127.0.0.1:{p}", "campaign.wsgi:app"]) for i, p in
              enumerate(web_ports)],
        ]  # fmt: skip
        start(commands[1:], env, processes)  # the instances first: nginx's first requests find them
        start([("urgent and email worker", worker + ["--queues", "urgent,email"])], ordinary, processes)
        start(
            [("bulk worker", worker + ["--queues", "bulk"])],
            {**ordinary, "WORKER_MAX_JOBS": "500"},
            processes,
        )
        start([("story-check worker", worker + ["--queues", "scan", "--processes", "1"])], env, processes)
        start([("scheduler", worker + ["--cron"])], env, processes)
        if wait_for_ports(web_ports, [p for _, p in processes], 60):
            start(commands[:1], env, processes)
        if wait_for_ports([port], [p for _, p in processes], 20):
            url = env["BASE_URL"]
            print(f"\n  Support Not Separation (two instances behind nginx) is running at {url}/")
            print(
                f"  Instances: {', '.join(site.upstreams)}; the nginx config: {config.parent / 'site.conf'}"
            )
            print(f"  Emails arrive in the development outbox: {url}/dev/outbox")
            print("  Sign in as organiser@example.org / care-not-separation-1 (more in README.md).")
            print(
                "  Press Ctrl-C to stop nginx, both instances, the workers, the scheduler and the databases.\n"
            )
        return wait_for_an_end(processes)
    except Stopping:
        print("\nStopping...")
        return 0
    except (MissingDevDependency, RuntimeError) as error:  # NginxMissing included
        print(error, file=sys.stderr)
        return 1
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        # nginx first (no new requests), then the instances, then the background, as `make run` does.
        order = {name: i for i, name in enumerate(["nginx", "web 1", "web 2"])}
        stop(sorted(processes, key=lambda item: order.get(item[0], 3)), STOP_TIMEOUT)
        for service in reversed(services):
            service.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m campaign.cluster", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    commands = parser.add_subparsers(dest="command")
    render = commands.add_parser("nginx-config", help="print the nginx site for real hosts")
    render.add_argument("--upstream", action="append", required=True, help="host:port of a web instance")
    render.add_argument("--server-name", default="_")
    render.add_argument("--listen", action="append", help="address nginx listens on (default 443 or 80)")
    render.add_argument("--tls", help="folder with fullchain.pem and privkey.pem (certbot's live/<name>)")
    render.add_argument("--cache-path", default="/var/cache/nginx/campaign")
    render.add_argument("--cache-seconds", type=int, default=2, help="COUNT_ROLLUP_INTERVAL (default 2)")
    render.add_argument("--trusted-proxy", action="append", default=[], help="a load balancer's address")
    args = parser.parse_args(argv)
    if args.command == "nginx-config":
        site = Site(
            upstreams=args.upstream,
            listen=args.listen or (["443"] if args.tls else ["80"]),
            cache_path=args.cache_path,
            cache_seconds=args.cache_seconds,
            server_name=args.server_name,
            trusted_proxies=tuple(args.trusted_proxy),
            tls=args.tls,
        )
        sys.stdout.write(site.render())
        return 0
    return run(
        int(os.environ.get("PORT", "8080")),
        int(os.environ.get("WEB_CONCURRENCY") or 2),
        int(os.environ.get("WEB_THREADS") or 4),
    )


if __name__ == "__main__":
    sys.exit(main())
