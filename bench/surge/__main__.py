"""The surge benchmark (issue 13): many signers doing the whole journey against a production-like stack.

    make bench-surge                                   (or: .venv/bin/python -m bench.surge [options])
    .venv/bin/python -m bench.surge --signers 64,128 --seconds 30 --readers 200
    .venv/bin/python -m bench.surge --worker-args=--no-fork

Starts PostgreSQL and Redis (DATABASE_URL / REDIS_URL when set, else embedded servers; the database is
migrated and the demo content seeded), a local SendGrid stand-in, gunicorn on bench.surge.wsgi:app
(the app plus GET /bench/trivial), ``python worker.py`` workers and the ``--cron`` scheduler, all with
APP_ENV=production. Then, for each number of signers: a warm-up, a measured window, the same clients
making the same number of requests to the trivial route; then a read surge on the petition page, its
JSON and the trivial route. Prints the figures, their ratios to the trivial route, and the issue's
targets as pass/fail. Stops everything it started, on Ctrl-C or an error too.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import signal
import sys

from . import report
from .load import Load, MailFeed, Record, now
from .stack import PETITION_SLUG, RELAXED, UNCHANGED, Stack


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.surge",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--signers", default="64", help="concurrent signers; a list like 64,128 runs each")
    parser.add_argument("--seconds", type=float, default=30, help="measured signing window (default 30)")
    parser.add_argument("--warmup", type=float, default=5, help="signing before the window (default 5)")
    parser.add_argument("--readers", type=int, default=200, help="concurrent readers; 0 skips the read surge")
    parser.add_argument("--read-seconds", type=float, default=10, help="window per read target (default 10)")
    parser.add_argument("--read-warmup", type=float, default=2)
    parser.add_argument("--workers", type=int, default=2, help="`python worker.py` processes (default 2)")
    parser.add_argument("--worker-args", default="", help="extra arguments for worker.py, e.g. --no-fork")
    parser.add_argument(
        "--web-workers", type=int, default=2 * _cpus() + 1, help="gunicorn workers (2 x CPUs + 1)"
    )
    parser.add_argument("--web-threads", type=int, default=4, help="threads per gunicorn worker (default 4)")
    parser.add_argument("--sendgrid-delay", type=float, default=0.1, help="stand-in's answer delay, seconds")
    parser.add_argument(
        "--email-timeout", type=float, default=30, help="seconds a signer waits for the email"
    )
    parser.add_argument("--request-timeout", type=float, default=30)
    parser.add_argument("--keep-logs", action="store_true", help="keep the processes' logs (kept on errors)")
    parser.add_argument(
        "--cluster",
        action="store_true",
        help="run everything three times: one gunicorn instance direct, two behind nginx without its cache, "
        "two behind nginx with it (Debian's nginx, deploy/nginx/); then the three side by side",
    )
    args = parser.parse_args(argv)
    args.signer_levels = [int(x) for x in args.signers.split(",") if x.strip()]
    return args


def counts(stack: Stack) -> tuple[int, int]:
    """(signatures the app counts, signatures it flagged) on the petition, by the app's own condition."""
    from sqlalchemy import func, select

    from campaign.extensions import db
    from campaign.models import Signature
    from campaign.services.petitions.counting import counted

    with stack.app.app_context():
        query = select(func.count()).select_from(Signature).where(Signature.petition_id == stack.petition_id)
        found = db.session.scalar(query.where(counted())), db.session.scalar(query.where(Signature.flagged))
        db.session.remove()
    return found


def _delta(before: dict, after: dict) -> dict:
    return {k: None if after.get(k) is None or before.get(k) is None else after[k] - before[k] for k in after}


async def _settled_count(load: Load, stack: Stack, interval: int) -> int:
    """The public count once it includes every signature the app counts (the last roll-up has run)."""
    deadline = now() + 3 * interval + 10
    while True:
        counted, _ = await asyncio.to_thread(counts, stack)
        shown = await load.public_count()
        if shown is not None and (shown >= counted or now() > deadline):
            return shown
        await asyncio.sleep(0.5)


async def signing(load: Load, stack: Stack, feed: MailFeed, signers: int, args) -> report.Signing:
    interval = stack.app.config["COUNT_ROLLUP_INTERVAL"]
    base = await _settled_count(load, stack, interval)
    _, flagged_before = await asyncio.to_thread(counts, stack)
    record, stop, polling = Record(), asyncio.Event(), asyncio.Event()
    samples: list[tuple[float, int]] = []
    poller = asyncio.create_task(load.poll_count(samples, polling, 0.2))
    tasks = await load.signers(signers, record, stop)
    await asyncio.sleep(args.warmup)

    async def edge() -> tuple[float, int, dict]:
        before = now()
        counted, _ = await asyncio.to_thread(counts, stack)
        return (before + now()) / 2, counted, stack.cpu_snapshot()

    t0, counted0, cpu0 = await edge()
    await asyncio.sleep(args.seconds)
    t1, counted1, cpu1 = await edge()
    backlog = await asyncio.to_thread(stack.queue_length)
    stop.set()  # journeys under way finish (outside the window); no new ones start
    _, unfinished = await asyncio.wait(tasks, timeout=args.email_timeout + 2 * args.request_timeout)
    for task in unfinished:
        task.cancel()
    expected = base + len(record.confirmations)
    deadline = now() + 3 * interval + 10
    while now() < deadline and not (samples and samples[-1][1] >= expected):
        await asyncio.sleep(0.2)
    polling.set()
    await poller
    while now() < deadline and await asyncio.to_thread(stack.queue_length) > 0:
        await asyncio.sleep(0.2)  # the workers idle again, so the trivial run has the machine to itself
    _, flagged_after = await asyncio.to_thread(counts, stack)
    steps, errors, requests, journeys = record.in_window(t0, t1)
    lags, never = report.count_lags(record.confirmations, samples, base, t0, t1)
    window = report.Run(t1 - t0, steps, errors, requests, _delta(cpu0, cpu1))

    trivial_record = Record()
    c0 = stack.cpu_snapshot()
    seconds = await load.fixed("/bench/trivial", "trivial", signers, max(requests, 1), trivial_record)
    c1 = stack.cpu_snapshot()
    t_steps, t_errors, t_requests, _ = trivial_record.in_window(0, float("inf"))
    trivial = report.Run(seconds, t_steps, t_errors, t_requests, _delta(c0, c1))
    return report.Signing(
        signers=signers,
        warmup=args.warmup,
        window=window,
        trivial=trivial,
        confirmed=counted1 - counted0,
        flagged=flagged_after - flagged_before,
        journeys=journeys,
        lags=lags,
        never_shown=never,
        interval=interval,
        sendgrid=feed.in_window(t0, t1),
        backlog=backlog,
    )


async def reading(load: Load, stack: Stack, args) -> report.Reads:
    runs = {}
    for label, path in (
        ("petition page", f"/petitions/{PETITION_SLUG}"),
        ("petition JSON", f"/petitions/{PETITION_SLUG}.json"),
        ("trivial route", "/bench/trivial"),
    ):
        record = Record()
        t0, t1, cpu0, cpu1 = await load.timed(
            path, label, args.readers, args.read_warmup, args.read_seconds, record, stack.cpu_snapshot
        )
        steps, errors, requests, _ = record.in_window(t0, t1)
        runs[label] = report.Run(t1 - t0, steps, errors, requests, _delta(cpu0, cpu1))  # type: ignore[arg-type]
    return report.Reads(args.readers, runs)


def targets(stack: Stack) -> list[tuple[str, int]]:
    """(label, port) of each way in the bench measures: gunicorn itself, and with --cluster nginx too."""
    found = [("one instance, direct", stack.port)]
    if stack.cluster:
        found += [("2 behind nginx", stack.nginx_port), ("2 behind nginx+cache", stack.nginx_cached_port)]
    return found


async def run(args, stack: Stack) -> None:
    main_task, loop = asyncio.current_task(), asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):  # stop quietly: cancel, then the stack stops
        loop.add_signal_handler(signum, main_task.cancel)
    feed = MailFeed(stack.stand_in.stdout)
    await feed.start()
    results: dict[str, tuple[list[report.Signing], report.Reads | None]] = {}
    for label, port in targets(stack):
        if stack.cluster:
            print(f"\n=== {label} (port {port}) ===")
        async with Load(port, PETITION_SLUG, feed, args.request_timeout, args.email_timeout) as load:
            signings = []
            for signers in args.signer_levels:
                signings.append(await signing(load, stack, feed, signers, args))
                report.print_signing(signings[-1])
            reads = None
            if args.readers:
                reads = await reading(load, stack, args)
                report.print_reads(reads)
            report.print_targets(signings, reads)
        results[label] = (signings, reads)
    if stack.cluster:
        report.print_side_by_side(results)
    if feed.other:
        print(
            f"\n  ({feed.other} other emails reached the stand-in: the seeded accounts', organisers' milestones)"
        )


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    signal.signal(signal.SIGTERM, _interrupt)
    stack = Stack(
        web_workers=args.web_workers,
        web_threads=args.web_threads,
        workers=args.workers,
        worker_args=shlex.split(args.worker_args),
        sendgrid_delay=args.sendgrid_delay,
        keep_logs=args.keep_logs,
        cluster=args.cluster,
    )
    try:
        print("Starting PostgreSQL, Redis, the SendGrid stand-in, gunicorn, workers and the scheduler...")
        stack.start()
        config = stack.app.config
        shown = ("APP_ENV", "BASE_URL", "MAIL_BACKEND", "COUNT_ROLLUP_INTERVAL", "SWEEP_INTERVAL")
        settings = {name: config[name] for name in shown}
        settings["LOG_REQUESTS"] = config["LOG_REQUESTS"]
        report.print_settings(stack.describe(), _cpus(), RELAXED, UNCHANGED, settings)
        asyncio.run(run(args, stack))
        return 0
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("\nInterrupted; stopping everything the bench started...")
        return 130
    except BaseException:
        stack.failed = True
        raise
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
