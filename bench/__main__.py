"""Foundation benchmarks, each printed as a ratio against a baseline measured in the same run.

    make bench                 (or: python -m bench [--requests N] [--emails N])

1. Page rendering: public pages with the demo data vs. a trivial route on the same app, through
   the same stack (WSGI, sessions, security headers, database session).
2. Email jobs: queue_email + the send_email job through the outbox backend vs. a no-op RQ job run
   by the same in-process worker. Shows what our claim/render/commit path adds per message.

Uses DATABASE_URL / REDIS_URL when set (PostgreSQL, Redis), else embedded servers in .test-services/bench/.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ROOT / ".test-services" / "bench"


def _timed(fn, repeat: int) -> float:
    """Median seconds per call over ``repeat`` calls, after a warm-up."""
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--emails", type=int, default=300)
    args = parser.parse_args()

    runtime = SERVICES / "run"
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
    from campaign import create_app
    from campaign.embedded import EmbeddedPostgres, EmbeddedRedis

    pg = redis = None
    database_url = os.environ.get("DATABASE_URL")
    redis_url = os.environ.get("REDIS_URL")
    if not database_url:
        pg = EmbeddedPostgres(SERVICES / "postgres").start()
        import psycopg

        with psycopg.connect(pg.server.get_uri("postgres"), autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "campaign_bench" WITH (FORCE)')
            conn.execute('CREATE DATABASE "campaign_bench"')
        database_url = pg.url("campaign_bench")
    if not redis_url:
        redis = EmbeddedRedis(SERVICES / "redis").start()
        redis_url = redis.url
    try:
        app = create_app(environ={
            "APP_ENV": "testing", "SECRET_KEY": "bench" * 10, "DATABASE_URL": database_url,
            "REDIS_URL": redis_url, "INSTANCE_PATH": str(SERVICES / "instance"), "MAIL_BACKEND": "outbox",
            "RATELIMIT_LOGIN": "100000 per minute",
        })
        run(app, args)
    finally:
        if redis:
            redis.stop()
        if pg:
            pg.stop()


def run(app, args) -> None:
    from flask_migrate import upgrade

    from bench.baseline_jobs import noop
    from campaign.demo.seed import seed_demo
    from campaign.extensions import db
    from campaign.queue import get_queue, get_redis
    from campaign.services.emails import queue_email
    from campaign.workers import AppSimpleWorker

    with app.app_context():
        upgrade()
        seed_demo()

    @app.get("/bench-baseline")
    def baseline():
        return "ok"

    client = app.test_client()
    base = _timed(lambda: client.get("/bench-baseline"), args.requests)
    print(f"{'page':<44} {'ms/request':>10} {'x baseline':>11}")
    print(f"{'trivial route (baseline)':<44} {base * 1000:>10.2f} {1.0:>11.2f}")
    for path in ("/", "/petitions/changes-to-children-act-1989",
                 "/stories/we-asked-for-help-and-were-treated-as-the-problem", "/coalition", "/healthz"):
        t = _timed(lambda p=path: client.get(p), args.requests)
        print(f"{path[:44]:<44} {t * 1000:>10.2f} {t / base:>11.2f}")

    queue, redis = get_queue(app), get_redis(app)
    redis.flushdb()
    worker = AppSimpleWorker([queue], connection=redis, app=app)
    for i in range(10):  # warm-up: worker registration and first connections are not what we measure
        queue.enqueue(noop, i)
    worker.work(burst=True, with_scheduler=False)
    for i in range(args.emails):
        queue.enqueue(noop, i)
    start = time.perf_counter()
    worker.work(burst=True, with_scheduler=False)
    noop_time = (time.perf_counter() - start) / args.emails

    with app.app_context():
        start_queue = time.perf_counter()
        for i in range(args.emails):
            queue_email("password_reset", f"bench{i}@example.org", "Reset your password", name="Bench",
                        link="http://localhost/reset-password/x", minutes=60)
            db.session.commit()
        queue_time = (time.perf_counter() - start_queue) / args.emails
    start = time.perf_counter()
    worker.work(burst=True, with_scheduler=False)
    send_time = (time.perf_counter() - start) / args.emails

    print()
    print(f"{'email path':<44} {'ms/email':>10} {'x baseline':>11}")
    print(f"{'no-op RQ job (baseline)':<44} {noop_time * 1000:>10.2f} {1.0:>11.2f}")
    print(f"{'send_email job (outbox backend)':<44} {send_time * 1000:>10.2f} {send_time / noop_time:>11.2f}")
    print(f"{'queue_email + commit (in the request)':<44} {queue_time * 1000:>10.2f} {queue_time / noop_time:>11.2f}")


if __name__ == "__main__":
    main()
