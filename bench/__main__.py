"""Foundation benchmarks, each printed as a ratio against a baseline measured in the same run.

    make bench                 (or: python -m bench [--requests N] [--emails N] [--scanner-max-kb N])

1. Page rendering: public pages with the demo data vs. a trivial route on the same app, through
   the same stack (WSGI, sessions, security headers, database session).
2. Email jobs: queue_email + the send_email job through the outbox backend vs. a no-op RQ job run
   by the same in-process worker. Shows what our claim/render/commit path adds per message.
3. A signing surge: N people sign and confirm through the web layer while the roll-up runs on its
   schedule in another thread. Prints the cost of each step against the trivial route, capacity
   against the Revoke Article 50 rate (2,000 confirmations a minute), and the worst lag between a
   confirmation and the count including it.
5. A bulk email send of 100,000 recipients through two worker processes and a fake SendGrid answering
   after 300 ms, against building and serialising the same request bodies in one process.
6. Stripe webhooks: a signed checkout.session.completed processed (gift paid, receipt queued), and the
   same event replayed, against the trivial route.
4. The story scanner on a 1,000-word story against one regular-expression pass over the same text
   (the target: well under a tenth of a second); then on hostile input (son,son,son..., long runs of
   one word or of punctuation...) from 8 to 128 KB, with how its time grows with the length (an
   exponent: 1 linear, 2 quadratic) and which detector grows when it is worse than linear
   (bench/scanner_adversarial.py; on its own: python -m bench.scanner_adversarial [--max-kb N]); and its
   recall per kind and look-alikes flagged, on the tuning corpus and on the held-out part written by
   someone who had not read it (bench/scanner_accuracy.py; alone: python -m bench.scanner_accuracy).
7. Forgot-password timing: 200 requests each for an address with an account and one without, and the
   ratio known/unknown (bench/forgot_password_timing.py; alone: python -m bench.forgot_password_timing).

The surge (issue 13) runs on its own, against gunicorn, workers and the scheduler it starts:
`make bench-surge` (python -m bench.surge; see bench/surge/__main__.py).

Uses DATABASE_URL / REDIS_URL when set (PostgreSQL, Redis), else embedded servers in .test-services/bench/.
"""

from __future__ import annotations

import argparse
import contextlib
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
    parser.add_argument("--signers", type=int, default=600)
    parser.add_argument("--outreach-recipients", type=int, default=100_000)
    parser.add_argument("--scanner-max-kb", type=int, default=128)
    args = parser.parse_args()

    with bench_app() as app:
        run(app, args)
        from bench.outreach import run as outreach_benchmark

        print()
        outreach_benchmark(args.outreach_recipients)


@contextlib.contextmanager
def bench_app():
    """The app on DATABASE_URL / REDIS_URL, or on embedded servers started here and stopped after."""
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
    # The bulk send starts real worker processes: they read the same services from the environment.
    os.environ["DATABASE_URL"], os.environ["REDIS_URL"] = database_url, redis_url
    try:
        yield create_app(
            environ={
                "APP_ENV": "testing",
                "SECRET_KEY": "bench" * 10,
                "DATABASE_URL": database_url,
                "REDIS_URL": redis_url,
                "INSTANCE_PATH": str(SERVICES / "instance"),
                "MAIL_BACKEND": "outbox",
                "RATELIMIT_LOGIN": "100000 per minute",
            }
        )
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
    from campaign.queue import get_queue, get_queues, get_redis
    from campaign.services.emails import queue_email
    from campaign.workers import AppWorker

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
    for path in (
        "/",
        "/petitions/changes-to-children-act-1989",
        "/stories/we-asked-for-help-and-were-treated-as-the-problem",
        "/stories/share",
        "/coalition",
        "/coalition/members/legal-action-for-women",
        "/join",
        "/healthz",
    ):
        t = _timed(lambda p=path: client.get(p), args.requests)
        print(f"{path[:44]:<44} {t * 1000:>10.2f} {t / base:>11.2f}")

    queue, redis = get_queue(app), get_redis(app)
    redis.flushdb()
    worker = AppWorker(get_queues(app), connection=redis, app=app)
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
            queue_email(
                "password_reset",
                f"bench{i}@example.org",
                "Reset your password",
                name="Bench",
                link="http://localhost/reset-password/x",
                minutes=60,
            )
            db.session.commit()
        queue_time = (time.perf_counter() - start_queue) / args.emails
    start = time.perf_counter()
    worker.work(burst=True, with_scheduler=False)
    send_time = (time.perf_counter() - start) / args.emails

    print()
    print(f"{'email path':<44} {'ms/email':>10} {'x baseline':>11}")
    print(f"{'no-op RQ job (baseline)':<44} {noop_time * 1000:>10.2f} {1.0:>11.2f}")
    print(f"{'send_email job (outbox backend)':<44} {send_time * 1000:>10.2f} {send_time / noop_time:>11.2f}")
    print(
        f"{'queue_email + commit (in the request)':<44} {queue_time * 1000:>10.2f} {queue_time / noop_time:>11.2f}"
    )

    signing_surge(app, args.signers, base)

    from bench.donations import run as donations_benchmark

    donations_benchmark(app, base)

    from bench.story_scanner import run as scanner_benchmark

    print()
    scanner_benchmark()

    from bench.scanner_adversarial import run as adversarial_benchmark

    print()
    adversarial_benchmark(args.scanner_max_kb)

    from bench.forgot_password_timing import run as forgot_password_benchmark

    print()
    forgot_password_benchmark(app)

    from bench.scanner_accuracy import run as accuracy_benchmark

    print()
    accuracy_benchmark()


def signing_surge(app, signers: int, base: float) -> None:
    import threading

    from sqlalchemy import select

    from campaign.extensions import db
    from campaign.models import Petition, Signature
    from campaign.services.petitions import counting, signing
    from tests.factories import make_petition

    app.config["WTF_CSRF_ENABLED"] = (
        False  # the CSRF round trip is a GET per form; measured as the page itself
    )
    app.config["SIGN_LIMIT_PER_IP"] = app.config["SIGN_LIMIT_PER_DOMAIN"] = 10**9
    from campaign.extensions import limiter

    limiter.enabled = False  # every simulated signer comes from one address here
    with app.app_context():
        slug = make_petition(slug="bench-surge", target=10**9).slug
        petition_id = db.session.scalar(select(Petition.id).where(Petition.slug == slug))
    client = app.test_client()
    sign_times = []
    for i in range(signers):
        start = time.perf_counter()
        response = client.post(
            f"/petitions/{slug}/sign",
            data={
                "name": f"Bench Signer {i}",
                "email": f"signer{i}@bench.example",
                "location": "uk",
                "postcode": "M1 1AE",
            },
        )
        sign_times.append(time.perf_counter() - start)
        assert response.status_code == 302, response.status_code
    with app.app_context():
        tokens = [
            signing.confirmation_token(s)
            for s in db.session.scalars(
                select(Signature).where(Signature.petition_id == petition_id).order_by(Signature.id)
            )
        ]

    interval = app.config["COUNT_ROLLUP_INTERVAL"]
    samples: list[tuple[float, int]] = []
    stop = threading.Event()

    def roll_up_on_schedule():
        with app.app_context():
            while not stop.is_set():
                counting.roll_up_counts()
                samples.append((time.monotonic(), db.session.get(Petition, petition_id).signature_count))
                db.session.expire_all()
                stop.wait(interval)

    roller = threading.Thread(target=roll_up_on_schedule)
    roller.start()
    confirmed_at, confirm_times = [], []
    surge_start = time.perf_counter()
    for token in tokens:
        start = time.perf_counter()
        response = client.post(f"/signatures/confirm/{token}")
        confirm_times.append(time.perf_counter() - start)
        confirmed_at.append(time.monotonic())
        assert "Thank you for signing" in response.text
    surge = time.perf_counter() - surge_start
    deadline = time.monotonic() + 10 * interval + 30
    while (not samples or samples[-1][1] < len(tokens)) and time.monotonic() < deadline:
        stop.wait(0.1)
    stop.set()
    roller.join()
    if samples[-1][1] < len(tokens):
        raise SystemExit(f"the count reached only {samples[-1][1]} of {len(tokens)} confirmations")
    lags = []
    for i, when in enumerate(confirmed_at, start=1):
        seen = next(t for t, count in samples if count >= i and t >= when)
        lags.append(seen - when)
    sign_ms = statistics.median(sign_times) * 1000
    confirm_ms = statistics.median(confirm_times) * 1000
    per_minute = len(tokens) / surge * 60
    print()
    print(f"{'signing surge':<44} {'value':>10} {'x baseline':>11}")
    print(f"{'sign POST, median ms':<44} {sign_ms:>10.2f} {sign_ms / (base * 1000):>11.2f}")
    print(f"{'confirm POST, median ms':<44} {confirm_ms:>10.2f} {confirm_ms / (base * 1000):>11.2f}")
    print(
        f"{'confirmations per minute, one process':<44} {per_minute:>10.0f} {per_minute / 2000:>11.2f}"
        "   (baseline: 2,000/min, Revoke Article 50)"
    )
    print(
        f"{'worst count lag, s (roll-up every ' + str(interval) + ' s)':<44} {max(lags):>10.2f} "
        f"{max(lags) / interval:>11.2f}   (baseline: the roll-up interval)"
    )
    print(
        f"{'median count lag, s':<44} {statistics.median(lags):>10.2f} {statistics.median(lags) / interval:>11.2f}"
    )


if __name__ == "__main__":
    main()
